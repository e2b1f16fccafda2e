import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { emailOnlyBody, LIMITS, resetCompleteBody, type SessionView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { ApiError } from "../../app/errors.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { useSession } from "../../app/session.js";
import { NewPasswordField } from "./NewPasswordField.js";

export function ForgotPasswordPage() {
  const { t, rich } = useI18n();
  useTitle(t("accounts.forgot.title"));
  const FORM = "forgot";
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, errors, run } = useSubmit(EMAIL_FIELDS);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    void run(async () => {
      await post("/auth/password-reset", check(emailOnlyBody, { email }));
      setSent(true);
    });
  };
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{t("accounts.forgot.title")}</h1>
        <p className="lede">{t("accounts.forgot.lede")}</p>
        <ErrorSummary form={FORM} errors={errors} labels={{ email: t("common.email") }} />
        <Status>{sent ? t("accounts.forgot.sent") : ""}</Status>
        <form onSubmit={onSubmit} noValidate>
          <TextField form={FORM} name="email" label={t("common.email")} type="email" autoComplete="email" required maxLength={LIMITS.emailMax} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel={t("accounts.resend.busy")}>
              {t("accounts.forgot.submit")}
            </SubmitButton>
          </div>
        </form>
        <p className="form-footer">{rich("accounts.forgot.remembered", { link: (chunks) => <Link to="/sign-in">{chunks}</Link> })}</p>
      </div>
    </div>
  );
}
const EMAIL_FIELDS = ["email"] as const;
const RESET_FIELDS = ["password", "confirm"] as const;

export function ResetPasswordPage() {
  const { t, rich } = useI18n();
  useTitle(t("accounts.reset.title"));
  const FORM = "reset";
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [values, setValues] = useState({ password: "", confirm: "" });
  const { busy, errors, run } = useSubmit(RESET_FIELDS);
  const labels = { password: t("accounts.password.new"), confirm: t("accounts.reset.confirm") };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = check(resetCompleteBody, { token, password: values.password });
      if (values.confirm !== values.password) throw new ApiError(400, "validation_failed", t("accounts.reset.differ"), { confirm: [t("accounts.reset.typeTwice")] });
      const session = await post<SessionView>("/auth/password-reset/complete", body);
      signedIn(session);
      navigate("/account", { replace: true, state: { flash: t("accounts.reset.done") } });
    });
  };
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{t("accounts.reset.title")}</h1>
        {!token ? (
          <div className="notice notice-warning" role="alert">
            {rich("accounts.reset.incomplete", { link: (chunks) => <Link to="/forgot-password">{chunks}</Link> })}
          </div>
        ) : null}
        <ErrorSummary form={FORM} errors={errors} labels={labels}>
          {errors.fields.token || errors.other.length ? (
            <p>
              <Link to="/forgot-password">{t("accounts.reset.askAgain")}</Link>
            </p>
          ) : null}
        </ErrorSummary>
        <form onSubmit={onSubmit} noValidate>
          <NewPasswordField
            form={FORM}
            name="password"
            label={labels.password}
            value={values.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            error={errors.fields.password}
          />
          <TextField form={FORM} name="confirm" label={labels.confirm} type="password" autoComplete="new-password" required maxLength={LIMITS.passwordMax} value={values.confirm} onChange={(e) => setValues((v) => ({ ...v, confirm: e.target.value }))} error={errors.fields.confirm} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel={t("common.saving")}>
              {t("accounts.reset.submit")}
            </SubmitButton>
          </div>
        </form>
      </div>
    </div>
  );
}
