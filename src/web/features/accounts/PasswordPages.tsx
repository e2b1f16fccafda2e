import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { emailOnlyBody, LIMITS, resetCompleteBody, type SessionView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { ApiError } from "../../app/errors.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useSubmit, useTitle } from "../../app/hooks.js";
import { useSession } from "../../app/session.js";
import { NewPasswordField } from "./NewPasswordField.js";

export function ForgotPasswordPage() {
  useTitle("Forgot your password");
  const FORM = "forgot";
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState("");
  const { busy, errors, run } = useSubmit(EMAIL_FIELDS);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSent("");
    void run(async () => {
      const r = await post<{ message: string }>("/auth/password-reset", check(emailOnlyBody, { email }));
      setSent(r.message);
    });
  };
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>Forgot your password?</h1>
        <p className="lede">Enter the address you signed up with and we will mail you a link to choose a new password.</p>
        <ErrorSummary form={FORM} errors={errors} labels={{ email: "Email address" }} />
        <Status>{sent}</Status>
        <form onSubmit={onSubmit} noValidate>
          <TextField form={FORM} name="email" label="Email address" type="email" autoComplete="email" required maxLength={LIMITS.emailMax} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel="Sending…">
              Send reset link
            </SubmitButton>
          </div>
        </form>
        <p className="form-footer">
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  );
}
const EMAIL_FIELDS = ["email"] as const;
const RESET_FIELDS = ["password", "confirm"] as const;

export function ResetPasswordPage() {
  useTitle("Choose a new password");
  const FORM = "reset";
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [values, setValues] = useState({ password: "", confirm: "" });
  const { busy, errors, run } = useSubmit(RESET_FIELDS);
  const labels = { password: "New password", confirm: "New password, again" };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = check(resetCompleteBody, { token, password: values.password });
      if (values.confirm !== values.password) throw new ApiError(400, "validation_failed", "The passwords differ.", { confirm: ["Type the same password twice."] });
      const session = await post<SessionView>("/auth/password-reset/complete", body);
      signedIn(session);
      navigate("/account", { replace: true, state: { flash: "Your new password is set, and you are signed in. Other sessions were signed out." } });
    });
  };
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>Choose a new password</h1>
        {!token ? (
          <div className="notice notice-warning" role="alert">
            This link is incomplete. Copy the whole link from the mail, or <Link to="/forgot-password">ask for a new one</Link>.
          </div>
        ) : null}
        <ErrorSummary form={FORM} errors={errors} labels={labels}>
          {errors.fields.token || errors.other.length ? (
            <p>
              <Link to="/forgot-password">Ask for a new reset link</Link>
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
          <TextField form={FORM} name="confirm" label={labels.confirm} type="password" autoComplete="new-password" required value={values.confirm} onChange={(e) => setValues((v) => ({ ...v, confirm: e.target.value }))} error={errors.fields.confirm} />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel="Saving…">
              Set new password
            </SubmitButton>
          </div>
        </form>
      </div>
    </div>
  );
}
