import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { LIMITS, signUpBody, type UserView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useSubmit, useTitle } from "../../app/hooks.js";
import { CheckMailCard } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { ResendVerification } from "./ResendVerification.js";
import { NewPasswordField } from "./NewPasswordField.js";

const FORM = "sign-up";
const FIELDS = ["name", "email", "password", "locale"] as const;
const LABELS = { name: "Your name", email: "Email address", password: "Password", locale: "Language for mail" };
export const LOCALES = [
  { value: "en", label: "English" },
  { value: "de", label: "Deutsch" },
] as const;

export function SignUpPage() {
  useTitle("Create an account");
  const navigate = useNavigate();
  const { user } = useSession();
  const [values, setValues] = useState({ name: "", email: "", password: "", locale: "en" });
  const { busy, errors, run } = useSubmit(FIELDS);
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
        <h1>Create an account</h1>
        <p className="lede">Join the events of your communities: follow calls for participation, propose talks and help organise.</p>
        {user ? (
          <Status tone="info">
            You are signed in as {user.name}. <Link to="/account">Go to your account</Link>.
          </Status>
        ) : null}
        <ErrorSummary form={FORM} errors={errors} labels={LABELS} />
        <form onSubmit={onSubmit} noValidate>
          <TextField form={FORM} name="name" label={LABELS.name} autoComplete="name" maxLength={LIMITS.nameMax} required value={values.name} onChange={set("name")} error={errors.fields.name} />
          <TextField form={FORM} name="email" label={LABELS.email} type="email" autoComplete="email" maxLength={LIMITS.emailMax} required value={values.email} onChange={set("email")} error={errors.fields.email} hint="We send a link to confirm it." />
          <NewPasswordField
            form={FORM}
            name="password"
            label={LABELS.password}
            value={values.password}
            onChange={set("password")}
            error={errors.fields.password}
            hint={`At least ${LIMITS.passwordMin} characters. A few unrelated words make a strong one.`}
          />
          <SelectField form={FORM} name="locale" label={LABELS.locale} options={LOCALES} value={values.locale} onChange={set("locale")} error={errors.fields.locale} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel="Creating your account…">
              Create account
            </SubmitButton>
          </div>
        </form>
        <p className="form-footer">
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  );
}

export function CheckMailPage() {
  useTitle("Check your mail");
  const location = useLocation();
  const email = (location.state as { email?: string } | null)?.email;
  return (
    <CheckMailCard>
      <p className="lede">
        We sent a confirmation link to {email ? <strong>{email}</strong> : "your address"}. Open it to confirm your address and sign in. The link works once.
      </p>
      <p>Nothing arrived after a few minutes? Look in your spam folder, or send the link again.</p>
      {email ? <ResendVerification email={email} /> : null}
      <p className="form-footer">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </CheckMailCard>
  );
}
