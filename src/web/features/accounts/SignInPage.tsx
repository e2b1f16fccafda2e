import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { emailOnlyBody, LIMITS, signInBody, type SessionView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { useSession } from "../../app/session.js";
import { Flash } from "../../app/layout.js";
import { ResendVerification } from "./ResendVerification.js";
import { ProviderButtons } from "./ProviderPages.js";
import { safeNext } from "./safeNext.js";

const FORM = "sign-in";
const FIELDS = ["email", "password"] as const;

export function SignInPage() {
  const { t, rich } = useI18n();
  useTitle(t("accounts.signIn.title"));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const { user, signedIn } = useSession();
  const [values, setValues] = useState({ email: "", password: "" });
  const [linkSent, setLinkSent] = useState(false);
  const { busy, errors, run } = useSubmit(FIELDS);
  const labels = { email: t("common.email"), password: t("accounts.signIn.password") };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setLinkSent(false);
    void run(async () => {
      const body = check(signInBody, values);
      const session = await post<SessionView>("/auth/sign-in", body);
      signedIn(session);
      navigate(next, { replace: true, state: { flash: t("accounts.signIn.welcome", { name: session.user?.name ?? "" }) } });
    });
  };

  const sendLink = () => {
    setLinkSent(false);
    void run(async () => {
      await post("/auth/email-link", check(emailOnlyBody, { email: values.email }));
      setLinkSent(true);
    });
  };

  return (
    <div className="wrap narrow">
      <Flash />
      <div className="card form-card">
        <h1>{t("accounts.signIn.title")}</h1>
        {user ? <Status tone="info">{rich("accounts.signIn.signedInAs", { name: user.name, link: (chunks) => <Link to="/account">{chunks}</Link> })}</Status> : null}
        <ErrorSummary form={FORM} errors={errors} labels={labels}>
          {errors.code === "email_not_verified" && values.email ? <ResendVerification email={values.email} /> : null}
        </ErrorSummary>
        <Status tone="success">{linkSent ? t("accounts.signIn.linkSent") : ""}</Status>
        <form onSubmit={onSubmit} noValidate>
          <TextField form={FORM} name="email" label={labels.email} type="email" autoComplete="username" maxLength={LIMITS.emailMax} required value={values.email} onChange={set("email")} error={errors.fields.email} />
          <TextField
            form={FORM}
            name="password"
            label={labels.password}
            type="password"
            autoComplete="current-password"
            maxLength={LIMITS.passwordMax}
            value={values.password}
            onChange={set("password")}
            error={errors.fields.password}
            hint={<Link to="/forgot-password">{t("accounts.signIn.forgot")}</Link>}
          />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel={t("accounts.signIn.busy")}>
              {t("accounts.signIn.submit")}
            </SubmitButton>
          </div>
        </form>
        <div className="divider" role="presentation">
          <span>{t("accounts.signIn.or")}</span>
        </div>
        <p className="muted">{t("accounts.signIn.linkIntro")}</p>
        <button type="button" className="button secondary wide" onClick={sendLink} disabled={busy}>
          {t("accounts.signIn.linkButton")}
        </button>
        <ProviderButtons next={next} />
        <p className="form-footer">{rich("accounts.signIn.newHere", { link: (chunks) => <Link to="/sign-up">{chunks}</Link> })}</p>
      </div>
    </div>
  );
}
