import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { emailOnlyBody, LIMITS, signInBody, type SessionView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useSubmit, useTitle } from "../../app/hooks.js";
import { useSession } from "../../app/session.js";
import { Flash } from "../../app/layout.js";
import { ResendVerification } from "./ResendVerification.js";
import { safeNext } from "./safeNext.js";

const FORM = "sign-in";
const FIELDS = ["email", "password"] as const;
const LABELS = { email: "Email address", password: "Password" };

export function SignInPage() {
  useTitle("Sign in");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const { user, signedIn } = useSession();
  const [values, setValues] = useState({ email: "", password: "" });
  const [linkSent, setLinkSent] = useState("");
  const { busy, errors, run } = useSubmit(FIELDS);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setLinkSent("");
    void run(async () => {
      const body = check(signInBody, values);
      const session = await post<SessionView>("/auth/sign-in", body);
      signedIn(session);
      navigate(next, { replace: true, state: { flash: `Welcome back, ${session.user?.name ?? ""}.` } });
    });
  };

  const sendLink = () => {
    setLinkSent("");
    void run(async () => {
      const body = check(emailOnlyBody, { email: values.email });
      const r = await post<{ message: string }>("/auth/email-link", body);
      setLinkSent(r.message);
    });
  };

  return (
    <div className="wrap narrow">
      <Flash />
      <div className="card form-card">
        <h1>Sign in</h1>
        {user ? (
          <Status tone="info">
            You are signed in as {user.name}. <Link to="/account">Go to your account</Link>.
          </Status>
        ) : null}
        <ErrorSummary form={FORM} errors={errors} labels={LABELS}>
          {errors.code === "email_not_verified" && values.email ? (
<ResendVerification email={values.email} />
          ) : null}
        </ErrorSummary>
        <Status tone="success">{linkSent ? `${linkSent} The link works once and expires soon.` : ""}</Status>
        <form onSubmit={onSubmit} noValidate>
          <TextField form={FORM} name="email" label={LABELS.email} type="email" autoComplete="username" maxLength={LIMITS.emailMax} required value={values.email} onChange={set("email")} error={errors.fields.email} />
          <TextField
            form={FORM}
            name="password"
            label={LABELS.password}
            type="password"
            autoComplete="current-password"
            maxLength={LIMITS.passwordMax}
            value={values.password}
            onChange={set("password")}
            error={errors.fields.password}
            hint={<Link to="/forgot-password">Forgot your password?</Link>}
          />
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel="Signing in…">
              Sign in
            </SubmitButton>
          </div>
        </form>
        <div className="divider" role="presentation">
          <span>or</span>
        </div>
        <p className="muted">No password to hand? We can mail you a one-time sign-in link to the address above.</p>
        <button type="button" className="button secondary wide" onClick={sendLink} disabled={busy}>
          Email me a sign-in link
        </button>
        <p className="form-footer">
          New here? <Link to="/sign-up">Create an account</Link>
        </p>
      </div>
    </div>
  );
}
