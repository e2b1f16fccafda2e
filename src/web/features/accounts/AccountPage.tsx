import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate } from "react-router-dom";
import { deleteAccountBody, LIMITS, updateAccountBody, type AccountView, type UserView } from "../../../server/features/accounts/schema.js";
import { LOCALE_NAMES, LOCALES } from "../../../shared/i18n/locales.js";
import { del, get, patch } from "../../app/api.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { ApiTokens } from "./ApiTokens.js";
import { IdentitiesSection, PasswordSection, SessionsSection } from "./SignInMethods.js";

const ROLES = ["organiser", "reviewer", "speaker", "attendee"] as const;

export function AccountPage() {
  const { t } = useI18n();
  useTitle(t("accounts.account.title"));
  const { user, loading } = useSession();
  const [account, reloadAccount] = useLoad((signal) => (user ? get<AccountView>("/account", signal) : Promise.resolve(null)), [user?.id]);
  const [tokenCount, setTokenCount] = useState(0);
  // Bumped when a password change has signed the other sessions out, so their list reloads.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/sign-in?next=%2Faccount" replace />;
  const roleLabel = (role: string) => ((ROLES as readonly string[]).includes(role) ? t(`accounts.roles.${role as (typeof ROLES)[number]}`) : role);
  return (
    <div className="wrap">
      <Flash />
      <PageHeader title={t("accounts.account.title")} eyebrow={t("accounts.account.eyebrow")}>
        <p className="lede">
          {user.email}
          {user.emailVerified ? <span className="badge badge-ok">{t("accounts.account.confirmed")}</span> : <span className="badge badge-warn">{t("accounts.account.notConfirmed")}</span>}
          {user.isAdmin ? <span className="badge">{t("accounts.account.admin")}</span> : null}
        </p>
      </PageHeader>
      <div className="account-grid">
        <div className="stack">
          <ProfileForm user={user} />
          {account.status === "ok" && account.data ? (
            <PasswordSection
              email={user.email}
              hasPassword={account.data.hasPassword}
              tokenCount={tokenCount}
              onChanged={() => setSessionsVersion((v) => v + 1)}
            />
          ) : null}
          <IdentitiesSection onChanged={reloadAccount} />
          <SessionsSection version={sessionsVersion} />
          <ApiTokens onChange={setTokenCount} />
          <DeleteAccount />
        </div>
        <aside className="stack" aria-label={t("accounts.roles.title")}>
          <section className="card" aria-labelledby="roles-title">
            <h2 id="roles-title">{t("accounts.roles.title")}</h2>
            {account.status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
            {account.status === "error" ? <p className="field-error">{account.error.message}</p> : null}
            {account.status === "ok" && account.data ? (
              <>
                <h3>{t("accounts.roles.communities")}</h3>
                {account.data.communities.length ? (
                  <ul className="plain-list">
                    {account.data.communities.map((c) => (
                      <li key={c.slug}>
                        <Link to={`/communities/${c.slug}`}>{c.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("accounts.roles.none")}</p>
                )}
                <h3>{t("accounts.roles.events")}</h3>
                {account.data.roles.length ? (
                  <ul className="plain-list">
                    {account.data.roles.map((r) => (
                      <li key={`${r.eventId}-${r.role}`}>
                        <Link to={`/communities/${r.communitySlug}/events/${r.eventSlug}`}>{r.eventName}</Link> <span className="badge">{roleLabel(r.role)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("accounts.roles.noEvents")}</p>
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
  const { t } = useI18n();
  const FORM = "profile";
  const { setUser } = useSession();
  const [values, setValues] = useState({ name: user.name, locale: user.locale });
  const [saved, setSaved] = useState(false);
  const { busy, errors, run } = useSubmit(PROFILE_FIELDS);
  const labels = { name: t("common.name"), locale: t("accounts.profile.locale") };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      setUser(await patch<UserView>("/account", check(updateAccountBody, values)));
      setSaved(true);
    });
  };
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t("accounts.profile.title")}</h2>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <Status>{saved ? t("accounts.profile.saved") : ""}</Status>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="name" label={labels.name} autoComplete="name" maxLength={LIMITS.nameMax} required value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} error={errors.fields.name} />
        <SelectField
          form={FORM}
          name="locale"
          label={labels.locale}
          hint={t("accounts.profile.localeHint")}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          value={values.locale}
          onChange={(e) => setValues((v) => ({ ...v, locale: e.target.value }))}
          error={errors.fields.locale}
        />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel={t("common.saving")}>
            {t("accounts.profile.submit")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

const DELETE_FIELDS = ["password", "confirm"] as const;
function DeleteAccount() {
  const { t } = useI18n();
  const FORM = "delete";
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [values, setValues] = useState({ password: "", confirm: "" });
  const { busy, errors, run } = useSubmit(DELETE_FIELDS);
  const labels = { password: t("accounts.delete.password"), confirm: t("accounts.delete.confirm") };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await del("/account", check(deleteAccountBody, { password: values.password || undefined, confirm: values.confirm }));
      signedIn({ user: null, csrfToken: null });
      navigate("/", { replace: true, state: { flash: t("accounts.delete.done") } });
    });
  };
  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("accounts.delete.title")}</h2>
      <p>{t("accounts.delete.text")}</p>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="password" label={labels.password} type="password" autoComplete="current-password" maxLength={LIMITS.passwordMax} value={values.password} onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))} error={errors.fields.password} hint={t("accounts.delete.passwordHint")} />
        <TextField form={FORM} name="confirm" label={labels.confirm} autoComplete="off" spellCheck={false} value={values.confirm} onChange={(e) => setValues((v) => ({ ...v, confirm: e.target.value }))} error={errors.fields.confirm} />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel={t("accounts.delete.busy")} className="button danger">
            {t("accounts.delete.submit")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
