import { useState, type FormEvent } from "react";
import { changePasswordBody, LIMITS, type IdentityList, type SessionList } from "../../../server/features/accounts/schema.js";
import { del, get, post } from "../../app/api.js";
import { formatStamp } from "../../app/dates.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { NewPasswordField } from "./NewPasswordField.js";
import { goToProvider } from "./ProviderPages.js";

/**
 * The ways into an account, on the account page: the password, the sessions it opened, and
 * the sign-in providers linked to it.
 */

const PASSWORD_FIELDS = ["currentPassword", "newPassword"] as const;

/** Changing the password ends the other sessions and the links mailed before; the page says so, and what it did not end (API tokens). */
export function PasswordSection({ email, hasPassword, tokenCount, onChanged }: { email: string; hasPassword: boolean; tokenCount: number; onChanged: () => void }) {
  const { t } = useI18n();
  const FORM = "password";
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [saved, setSaved] = useState(false);
  const [mailed, setMailed] = useState(false);
  const { busy, errors, run } = useSubmit(PASSWORD_FIELDS);
  const labels = { currentPassword: t("accounts.password.current"), newPassword: t("accounts.password.new") };

  if (!hasPassword) {
    return (
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t("accounts.password.title")}</h2>
        <p>{t("accounts.password.none")}</p>
        <ErrorSummary form={FORM} errors={errors} labels={{}} />
        <Status>{mailed ? t("accounts.password.mailed", { email }) : ""}</Status>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void run(async () => (await post("/auth/password-reset", { email }), setMailed(true)))}>
          {t("accounts.password.mailLink")}
        </button>
      </section>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await post("/account/password", check(changePasswordBody, values));
      setValues({ currentPassword: "", newPassword: "" });
      setSaved(true);
      onChanged();
    });
  };
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("accounts.password.changeTitle")}</h2>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <Status>
        {saved ? (
          <>
            {t("accounts.password.changed")}
            {tokenCount > 0 ? ` ${t("accounts.password.tokensStillWork", { count: tokenCount })}` : ""}
          </>
        ) : null}
      </Status>
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="currentPassword" label={labels.currentPassword} type="password" autoComplete="current-password" required maxLength={LIMITS.passwordMax} value={values.currentPassword} onChange={(e) => setValues((v) => ({ ...v, currentPassword: e.target.value }))} error={errors.fields.currentPassword} />
        <NewPasswordField form={FORM} name="newPassword" label={labels.newPassword} value={values.newPassword} onChange={(e) => setValues((v) => ({ ...v, newPassword: e.target.value }))} error={errors.fields.newPassword} />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel={t("common.saving")}>
            {t("accounts.password.submit")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

/** Where the account is signed in, and "sign out everywhere else". */
export function SessionsSection({ version }: { version: number }) {
  const { t } = useI18n();
  const [list, reload] = useLoad((signal) => get<SessionList>("/account/sessions", signal), [version]);
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit([]);
  const others = list.status === "ok" ? list.data.sessions.filter((s) => !s.current).length : 0;
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("accounts.sessions.title")}</h2>
      <ErrorSummary form="sessions" errors={errors} labels={{}} />
      <Status>{message}</Status>
      {list.status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
      {list.status === "error" ? <p className="field-error">{list.error.message}</p> : null}
      {list.status === "ok" ? (
        <ul className="plain-list session-list">
          {list.data.sessions.map((s, i) => (
            <li key={`${s.createdAt}-${i}`}>
              <span>{s.userAgent ? browserName(s.userAgent) : t("accounts.sessions.unknownBrowser")}</span> <span className="muted">{t("accounts.sessions.since", { date: formatStamp(s.createdAt) })}</span>
              {s.current ? <span className="badge badge-ok">{t("accounts.sessions.current")}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {others > 0 ? (
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const r = await del<{ revoked: number }>("/account/sessions");
              setMessage(t("accounts.sessions.ended", { count: r.revoked }));
              reload();
            })
          }
        >
          {t("accounts.sessions.endOthers")}
        </button>
      ) : null}
    </section>
  );
}

/** "Firefox on Linux" from a user agent, enough to tell one's own devices apart. */
function browserName(ua: string): string {
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chromium" : /Safari\//.test(ua) ? "Safari" : ua.split(/[\s/]/)[0] || ua;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} · ${os}` : browser;
}

/** The providers linked to the account: unlink one (while another way in remains), link another. */
export function IdentitiesSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [list, reload] = useLoad((signal) => get<IdentityList>("/account/identities", signal), []);
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit([]);
  if (list.status !== "ok") return list.status === "error" ? <p className="field-error">{list.error.message}</p> : null;
  const { identities, providers } = list.data;
  if (providers.length === 0 && identities.length === 0) return null;
  const unlinked = providers.filter((p) => !identities.some((i) => i.providerId === p.id));
  return (
    <section className="card" aria-labelledby="identities-title">
      <h2 id="identities-title">{t("accounts.identities.title")}</h2>
      <p className="muted">{t("accounts.identities.intro")}</p>
      <ErrorSummary form="identities" errors={errors} labels={{}} />
      <Status>{message}</Status>
      {identities.length ? (
        <ul className="plain-list identity-list">
          {identities.map((i) => (
            <li key={i.id}>
              <strong>{i.providerName}</strong>
              {i.email ? <span>{t("accounts.identities.as", { email: i.email })}</span> : null}
              <span className="muted">{[t("accounts.identities.linkedOn", { date: formatStamp(i.createdAt) }), ...(i.lastUsedAt ? [t("accounts.identities.lastUsed", { date: formatStamp(i.lastUsedAt) })] : [])].join(" · ")}</span>
              <button
                type="button"
                className="button small danger-outline"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    if (!window.confirm(t("accounts.identities.confirmUnlink", { provider: i.providerName }))) return;
                    await del(`/account/identities/${i.id}`);
                    setMessage(t("accounts.identities.unlinked", { provider: i.providerName }));
                    reload();
                    onChanged();
                  })
                }
              >
                {t("accounts.identities.unlink")}
                <span className="visually-hidden"> {i.providerName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("accounts.identities.none")}</p>
      )}
      {unlinked.length ? (
        <p className="button-row">
          {unlinked.map((p) => (
            <button key={p.id} type="button" className="button secondary" disabled={busy} onClick={() => void run(() => goToProvider(`/account/identities/${encodeURIComponent(p.id)}`, "/account"))}>
              {t("accounts.identities.link", { provider: p.name })}
            </button>
          ))}
        </p>
      ) : null}
    </section>
  );
}
