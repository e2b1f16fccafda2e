import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { LIMITS, signUpBody, type UserView } from "../../../server/features/accounts/schema.js";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../../shared/i18n/locales.js";
import { post } from "../../app/api.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { CheckMailCard } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { ResendVerification } from "./ResendVerification.js";
import { NewPasswordField } from "./NewPasswordField.js";
import { ProviderButtons } from "./ProviderPages.js";

const FORM = "sign-up";
const FIELDS = ["name", "email", "password", "locale"] as const;

export function SignUpPage() {
  const { t, rich, locale } = useI18n();
  useTitle(t("accounts.signUp.title"));
  const navigate = useNavigate();
  const { user } = useSession();
  // The language the page is read in is the best guess for the mail too.
  const [values, setValues] = useState<{ name: string; email: string; password: string; locale: Locale }>({ name: "", email: "", password: "", locale });
  const { busy, errors, run } = useSubmit(FIELDS);
  const labels = { name: t("accounts.signUp.name"), email: t("common.email"), password: t("accounts.signIn.password"), locale: t("accounts.profile.locale") };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = check(signUpBody, values);
      await post<UserView>("/auth/sign-up", body);
      navigate("/sign-up/check-your-mail", { state: { email: body.email } });
    });
  };

  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{t("accounts.signUp.title")}</h1>
        <p className="lede">{t("accounts.signUp.lede")}</p>
        {user ? <Status tone="info">{rich("accounts.signIn.signedInAs", { name: user.name, link: (chunks) => <Link to="/account">{chunks}</Link> })}</Status> : null}
        <ErrorSummary form={FORM} errors={errors} labels={labels} />
        <form onSubmit={onSubmit} noValidate>
          <TextField form={FORM} name="name" label={labels.name} autoComplete="name" maxLength={LIMITS.nameMax} required value={values.name} onChange={set("name")} error={errors.fields.name} />
          <TextField form={FORM} name="email" label={labels.email} type="email" autoComplete="email" maxLength={LIMITS.emailMax} required value={values.email} onChange={set("email")} error={errors.fields.email} hint={t("accounts.signUp.emailHint")} />
          <NewPasswordField form={FORM} name="password" label={labels.password} value={values.password} onChange={set("password")} error={errors.fields.password} hint={t("accounts.signUp.passwordHint", { min: LIMITS.passwordMin })} />
          <SelectField form={FORM} name="locale" label={labels.locale} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} value={values.locale} onChange={set("locale")} error={errors.fields.locale} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel={t("accounts.signUp.busy")}>
              {t("accounts.signUp.submit")}
            </SubmitButton>
          </div>
        </form>
        <ProviderButtons next="/account" />
        <p className="form-footer">{rich("accounts.signUp.haveAccount", { link: (chunks) => <Link to="/sign-in">{chunks}</Link> })}</p>
      </div>
    </div>
  );
}

export function CheckMailPage() {
  const { t, rich } = useI18n();
  useTitle(t("layout.checkMail.title"));
  const location = useLocation();
  const email = (location.state as { email?: string } | null)?.email;
  return (
    <CheckMailCard>
      <p className="lede">{email ? rich("accounts.checkMail.sentTo", { email: <strong>{email}</strong> }) : t("accounts.checkMail.sent")}</p>
      <p>{t("accounts.checkMail.nothing")}</p>
      {email ? <ResendVerification email={email} /> : null}
      <p className="form-footer">
        <Link to="/sign-in">{t("accounts.provider.backToSignIn")}</Link>
      </p>
    </CheckMailCard>
  );
}
