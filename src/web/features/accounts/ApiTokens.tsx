import { useState, type FormEvent } from "react";
import { createTokenBody, LIMITS, type CreatedToken, type TokenView } from "../../../server/features/accounts/schema.js";
import { TOKEN_SCOPES, DEFAULT_TOKEN_SCOPES, type TokenScope } from "../../../shared/token-scopes.js";
import { del, get, post } from "../../app/api.js";
import { formatStamp } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField, fieldId } from "../../app/forms.js";
import { check, useLoad, useSubmit } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";

const FORM = "token";
const FIELDS = ["name", "scopes", "expiresInDays"] as const;
const EXPIRY_DAYS = [7, 30, 90, 365] as const;
/** Code, not prose: the same in every language. */
// eslint-disable-next-line no-restricted-syntax -- an HTTP header to type, not words to translate
const AUTH_HEADER = "Authorization: Bearer plen_…";

/**
 * The account page's API tokens: each with its scopes, expiry and last use; revoke one or
 * all; make a new one with the scopes it needs (read, write, tokens) and an expiry.
 */
export function ApiTokens({ onChange }: { onChange?: (count: number) => void }) {
  const { t, rich } = useI18n();
  const [list, reload] = useLoad(async (signal) => {
    const r = await get<{ tokens: TokenView[] }>("/account/tokens", signal);
    onChange?.(r.tokens.length);
    return r;
  }, []);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>([...DEFAULT_TOKEN_SCOPES]);
  const [expiry, setExpiry] = useState("90");
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit(FIELDS);
  const revoke = useSubmit(FIELDS);
  const labels = { name: t("accounts.tokens.nameLabel"), scopes: t("accounts.tokens.scopesLegend"), expiresInDays: t("accounts.tokens.expiryLabel") };
  const scopeLabel: Record<TokenScope, string> = { read: t("accounts.tokens.scope.read"), write: t("accounts.tokens.scope.write"), tokens: t("accounts.tokens.scope.tokens") };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage("");
    void run(async () => {
      const body = check(createTokenBody, { name, scopes, expiresInDays: expiry === "never" ? null : Number(expiry) });
      setCreated(await post<CreatedToken>("/account/tokens", body));
      setCopied(false);
      setName("");
      reload();
    });
  };

  const revokeOne = (token: TokenView) =>
    void revoke.run(async () => {
      if (!window.confirm(t("accounts.tokens.confirmRevoke", { name: token.name }))) return;
      await del(`/account/tokens/${token.id}`);
      if (created?.id === token.id) setCreated(null);
      setMessage(t("accounts.tokens.revoked", { name: token.name }));
      reload();
    });

  const revokeAll = (count: number) =>
    void revoke.run(async () => {
      if (!window.confirm(t("accounts.tokens.confirmRevokeAll", { count }))) return;
      const r = await del<{ revoked: number }>("/account/tokens");
      setCreated(null);
      setMessage(t("accounts.tokens.revokedAll", { count: r.revoked }));
      reload();
    });

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t("accounts.tokens.title")}</h2>
      <p className="muted">{rich("accounts.tokens.intro", { api: (chunks) => <a href="/api/v1/docs">{chunks}</a>, header: <code>{AUTH_HEADER}</code> })}</p>
      {created ? (
        <div className="notice notice-success token-once" role="status">
          <p>{rich("accounts.tokens.created", { name: created.name })}</p>
          <div className="token-box">
            <code aria-label={t("accounts.tokens.newToken")}>{created.token}</code>
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
              {copied ? t("accounts.tokens.copied") : t("accounts.tokens.copy")}
            </button>
          </div>
        </div>
      ) : null}
      <Status>{message}</Status>
      <ErrorSummary form={`${FORM}-revoke`} errors={revoke.errors} labels={{}} />
      {list.status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
      {list.status === "error" ? <p className="field-error">{list.error.message}</p> : null}
      {list.status === "ok" ? (
        list.data.tokens.length ? (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t("accounts.tokens.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("common.name")}</th>
                    <th scope="col">{t("accounts.tokens.startsWith")}</th>
                    <th scope="col">{t("accounts.tokens.scopes")}</th>
                    <th scope="col">{t("accounts.tokens.createdAt")}</th>
                    <th scope="col">{t("accounts.tokens.expiresAt")}</th>
                    <th scope="col">{t("accounts.tokens.lastUsed")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.tokens.map((tk) => (
                    <tr key={tk.id}>
                      <td>
                        {tk.name}
                        {tk.createdByToken ? <span className="badge">{t("accounts.tokens.mintedByToken")}</span> : null}
                      </td>
                      <td>
                        <code>{t("accounts.tokens.prefix", { prefix: tk.prefix })}</code>
                      </td>
                      <td>{tk.scopes.map((x) => t(`accounts.tokens.scopeName.${x}`)).join(", ")}</td>
                      <td>{formatStamp(tk.createdAt)}</td>
                      <td>{tk.expiresAt ? formatStamp(tk.expiresAt) : t("accounts.tokens.noExpiry")}</td>
                      <td>{tk.lastUsedAt ? formatStamp(tk.lastUsedAt) : t("accounts.tokens.neverUsed")}</td>
                      <td className="actions">
                        <button type="button" className="button small danger-outline" disabled={revoke.busy} onClick={() => revokeOne(tk)}>
                          {t("accounts.tokens.revoke")}
                          <span className="visually-hidden"> {t("accounts.tokens.revokeWhich", { name: tk.name })}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <button type="button" className="button small danger-outline" disabled={revoke.busy} onClick={() => revokeAll(list.data.tokens.length)}>
                {t("accounts.tokens.revokeAll")}
              </button>
            </p>
          </>
        ) : (
          <p className="muted">{t("accounts.tokens.none")}</p>
        )
      ) : null}
      <h3>{t("accounts.tokens.newHeading")}</h3>
      <ErrorSummary form={FORM} errors={errors} labels={labels} />
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="name" label={labels.name} hint={t("accounts.tokens.nameHint")} maxLength={LIMITS.tokenNameMax} required value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} />
        <fieldset className="field" aria-describedby={`${fieldId(FORM, "scopes")}-hint`}>
          <legend id={fieldId(FORM, "scopes")} tabIndex={-1}>
            {labels.scopes}
          </legend>
          <p className="hint" id={`${fieldId(FORM, "scopes")}-hint`}>
            {t("accounts.tokens.scopesHint")}
          </p>
          {errors.fields.scopes ? <p className="field-error">{errors.fields.scopes}</p> : null}
          {TOKEN_SCOPES.map((x) => (
            <div className="field-check" key={x}>
              <input
                type="checkbox"
                id={`${fieldId(FORM, "scopes")}-${x}`}
                checked={scopes.includes(x)}
                onChange={(e) => setScopes((list) => (e.target.checked ? [...list, x] : list.filter((y) => y !== x)))}
              />
              <label htmlFor={`${fieldId(FORM, "scopes")}-${x}`}>{scopeLabel[x]}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          form={FORM}
          name="expiresInDays"
          label={labels.expiresInDays}
          options={[...EXPIRY_DAYS.map((d) => ({ value: String(d), label: t("accounts.tokens.expiresIn", { days: d }) })), { value: "never", label: t("accounts.tokens.expiresNever") }]}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={errors.fields.expiresInDays}
        />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel={t("accounts.tokens.creating")} className="button secondary">
            {t("accounts.tokens.create")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
