import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate } from "react-router-dom";
import {
  changePasswordBody,
  createTokenBody,
  deleteAccountBody,
  LIMITS,
  updateAccountBody,
  type AccountView,
  type UserView,
} from "../../../server/features/accounts/schema.js";
import { del, get, patch, post } from "../../app/api.js";
import { formatStamp } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { LOCALES } from "./SignUpPage.js";
import { NewPasswordField } from "./NewPasswordField.js";

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const ROLE_LABEL: Record<string, string> = { organiser: "Organiser", reviewer: "Reviewer", speaker: "Speaker", attendee: "Attendee" };

export function AccountPage() {
  useTitle("Your account");
  const { user, loading } = useSession();
  const [account] = useLoad((signal) => (user ? get<AccountView>("/account", signal) : Promise.resolve(null)), [user?.id]);
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/sign-in?next=%2Faccount" replace />;
  return (
    <div className="wrap">
      <Flash />
      <PageHeader title="Your account" eyebrow="Signed in">
        <p className="lede">
          {user.email}
          {user.emailVerified ? <span className="badge badge-ok">Confirmed</span> : <span className="badge badge-warn">Not confirmed</span>}
          {user.isAdmin ? <span className="badge">Instance admin</span> : null}
        </p>
      </PageHeader>
      <div className="account-grid">
        <div className="stack">
          <ProfileForm user={user} />
          <PasswordForm />
          <Tokens />
          <DeleteAccount />
        </div>
        <aside className="stack" aria-label="Your roles">
          <section className="card" aria-labelledby="roles-title">
            <h2 id="roles-title">Your roles</h2>
            {account.status === "loading" ? <p className="muted">Loading…</p> : null}
            {account.status === "error" ? <p className="field-error">{account.error.message}</p> : null}
            {account.status === "ok" && account.data ? (
              <>
                <h3>Communities you organise</h3>
                {account.data.communities.length ? (
                  <ul className="plain-list">
                    {account.data.communities.map((c) => (
                      <li key={c.slug}>
                        <Link to={`/communities/${c.slug}`}>{c.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">None.</p>
                )}
                <h3>Events</h3>
                {account.data.roles.length ? (
                  <ul className="plain-list">
                    {account.data.roles.map((r) => (
                      <li key={`${r.eventId}-${r.role}`}>
                        <Link to={`/communities/${r.communitySlug}/events/${r.eventSlug}`}>{r.eventName}</Link> <span className="badge">{ROLE_LABEL[r.role] ?? r.role}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No roles at events yet.</p>
                )}
              </>
            ) : null}
          </section>
        </aside>
      </div>
    </div>
  );
}

const PROFILE_FIELDS = ["name", "locale"] as const;
function ProfileForm({ user }: { user: UserView }) {
  const FORM = "profile";
  const { setUser } = useSession();
  const [values, setValues] = useState({ name: user.name, locale: user.locale });
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(PROFILE_FIELDS);
  const labels = { name: "Name", locale: "Language for mail" };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved("");
    void run(async () => {
      const updated = await patch<UserView>("/account", check(updateAccountBody, values));
      setUser(updated);
      setSaved("Your profile is saved.");
    });
  };
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <Status>{saved}</Status>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="name" label={labels.name} autoComplete="name" maxLength={LIMITS.nameMax} required value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} error={errors.fields.name} />
        <SelectField form={FORM} name="locale" label={labels.locale} options={LOCALES} value={values.locale} onChange={(e) => setValues((v) => ({ ...v, locale: e.target.value }))} error={errors.fields.locale} />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Saving…">
            Save profile
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = ["currentPassword", "newPassword"] as const;
function PasswordForm() {
  const FORM = "password";
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(PASSWORD_FIELDS);
  const labels = { currentPassword: "Current password", newPassword: "New password" };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved("");
    void run(async () => {
      await post("/account/password", check(changePasswordBody, values));
      setValues({ currentPassword: "", newPassword: "" });
      setSaved("Your password is changed.");
    });
  };
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <Status>{saved}</Status>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="currentPassword" label={labels.currentPassword} type="password" autoComplete="current-password" required value={values.currentPassword} onChange={(e) => setValues((v) => ({ ...v, currentPassword: e.target.value }))} error={errors.fields.currentPassword} />
        <NewPasswordField
          form={FORM}
          name="newPassword"
          label={labels.newPassword}
          value={values.newPassword}
          onChange={(e) => setValues((v) => ({ ...v, newPassword: e.target.value }))}
          error={errors.fields.newPassword}
        />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Saving…">
            Change password
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

const TOKEN_FIELDS = ["name"] as const;
function Tokens() {
  const FORM = "token";
  const [list, reload] = useLoad((signal) => get<{ tokens: TokenRow[] }>("/account/tokens", signal), []);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<(TokenRow & { token: string }) | null>(null);
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit(TOKEN_FIELDS);
  const revoke = useSubmit(TOKEN_FIELDS);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage("");
    void run(async () => {
      const t = await post<TokenRow & { token: string }>("/account/tokens", check(createTokenBody, { name }));
      setCreated(t);
      setCopied(false);
      setName("");
      reload();
    });
  };

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">
        Personal tokens let scripts use the <a href="/api/v1/docs">API</a> as you: send <code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token you no longer use.
      </p>
      {created ? (
        <div className="notice notice-success token-once" role="status">
          <p>
            <strong>Token “{created.name}” created.</strong> Copy it now: it is shown only once.
          </p>
          <div className="token-box">
            <code aria-label="New API token">{created.token}</code>
            <button
              type="button"
              className="button small secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(created.token);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
      <Status>{message}</Status>
      <ErrorSummary form={`${FORM}-revoke`} errors={revoke.errors} labels={{}} />
      {list.status === "loading" ? <p className="muted">Loading tokens…</p> : null}
      {list.status === "error" ? <p className="field-error">{list.error.message}</p> : null}
      {list.status === "ok" ? (
        list.data.tokens.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Your API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.tokens.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{formatStamp(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? formatStamp(t.lastUsedAt) : "Never"}</td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button small danger-outline"
                        disabled={revoke.busy}
                        onClick={() =>
                          void revoke.run(async () => {
                            if (!window.confirm(`Revoke the token “${t.name}”? Scripts using it stop working.`)) return;
                            await del(`/account/tokens/${t.id}`);
                            if (created?.id === t.id) setCreated(null);
                            setMessage(`Token “${t.name}” revoked.`);
                            reload();
                          })
                        }
                      >
                        Revoke<span className="visually-hidden"> token {t.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">You have no API tokens.</p>
        )
      ) : null}
      <h3>New token</h3>
      <ErrorSummary form={FORM} errors={errors} labels={{ name: "Token name" }} />
      <form onSubmit={onSubmit} noValidate className="inline-form">
        <TextField form={FORM} name="name" label="Token name" hint="What will use it, e.g. “schedule export script”." maxLength={LIMITS.tokenNameMax} required value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
        <SubmitButton busy={busy} busyLabel="Creating…" className="button secondary">
          Create token
        </SubmitButton>
      </form>
    </section>
  );
}

const DELETE_FIELDS = ["password", "confirm"] as const;
function DeleteAccount() {
  const FORM = "delete";
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [values, setValues] = useState({ password: "", confirm: "" });
  const { busy, errors, run } = useSubmit(DELETE_FIELDS);
  const labels = { password: "Your password", confirm: "Type DELETE to confirm" };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = check(deleteAccountBody, { password: values.password || undefined, confirm: values.confirm });
      await del("/account", body);
      signedIn({ user: null, csrfToken: null });
      navigate("/", { replace: true, state: { flash: "Your account is deleted. Thank you for taking part." } });
    });
  };
  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p>
        This signs you out everywhere and removes your account. What others rely on — reviews you wrote, talks you gave — stays, with your name removed. This cannot be undone.
      </p>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="password" label={labels.password} type="password" autoComplete="current-password" value={values.password} onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))} error={errors.fields.password} hint="Leave empty if you only sign in with mailed links." />
        <TextField form={FORM} name="confirm" label={labels.confirm} autoComplete="off" spellCheck={false} value={values.confirm} onChange={(e) => setValues((v) => ({ ...v, confirm: e.target.value }))} error={errors.fields.confirm} />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Deleting…" className="button danger">
            Delete my account
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
