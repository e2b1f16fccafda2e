import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { ProviderCallbackView, ProviderList } from "../../../server/features/accounts/schema.js";
import { get, post } from "../../app/api.js";
import { toFormErrors } from "../../app/errors.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading } from "../../app/layout.js";
import { useSession } from "../../app/session.js";

/**
 * Sends the browser to a provider: asks Plenary for the authorization address (it keeps the
 * flow's secrets, bound to this browser) and goes there. `path` is the sign-in start or the
 * account page's "link" operation.
 */
export async function goToProvider(path: string, next: string): Promise<void> {
  const { authorizationUrl } = await post<{ authorizationUrl: string }>(path, { next });
  window.location.assign(authorizationUrl);
}

/** One button per configured provider, under the sign-in form; nothing when there are none. */
export function ProviderButtons({ next }: { next: string }) {
  const { t } = useI18n();
  const [list] = useLoad((signal) => get<ProviderList>("/auth/providers", signal), []);
  const [going, setGoing] = useState<string | null>(null);
  const [error, setError] = useState("");
  if (list.status !== "ok" || list.data.providers.length === 0) return null;
  return (
    <div className="provider-sign-in">
      <div className="divider" role="presentation">
        <span>{t("accounts.signIn.or")}</span>
      </div>
      {error ? (
        <div className="notice notice-warning" role="alert">
          {error}
        </div>
      ) : null}
      <ul className="plain-list provider-list">
        {list.data.providers.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="button secondary wide"
              disabled={going !== null}
              aria-busy={going === p.id || undefined}
              onClick={() => {
                setGoing(p.id);
                setError("");
                goToProvider(`/auth/oidc/${encodeURIComponent(p.id)}/start`, next).catch((err: unknown) => {
                  setGoing(null);
                  setError(toFormErrors(err).summary);
                });
              }}
            >
              {going === p.id ? t("accounts.provider.redirecting", { provider: p.name }) : t("accounts.provider.signInWith", { provider: p.name })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The provider sends the browser back here. The query string is spent by the first request
 * (its `state` works once), so a second render must share that request.
 */
const inFlight = new Map<string, Promise<ProviderCallbackView>>();

type State = { status: "working" } | { status: "failed"; message: string; linking: boolean };

export function ProviderCallbackPage() {
  const { t } = useI18n();
  const { provider = "" } = useParams();
  const { signedIn, user } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ status: "working" });
  useTitle(state.status === "failed" ? t("accounts.provider.failedTitle") : t("accounts.provider.working"));

  useEffect(() => {
    const query = window.location.search;
    const key = `${provider} ${query}`;
    let p = inFlight.get(key);
    if (!p) {
      p = post<ProviderCallbackView>(`/auth/oidc/${encodeURIComponent(provider)}/callback`, { query });
      inFlight.set(key, p);
    }
    let live = true;
    p.then(
      (done) => {
        if (!live) return;
        signedIn(done);
        const name = done.user?.name ?? "";
        const flash =
          done.outcome === "account_created"
            ? t("accounts.provider.created", { name, provider: done.providerName })
            : done.outcome === "identity_linked"
              ? t("accounts.provider.linked", { name, provider: done.providerName })
              : t("accounts.signIn.welcome", { name });
        navigate(done.next, { replace: true, state: { flash } });
      },
      (err: unknown) => live && setState({ status: "failed", message: toFormErrors(err).summary, linking: user !== null }),
    );
    return () => {
      live = false;
    };
    // Once per arrival: the session change this effect causes must not run it again.
  }, [provider]);

  if (state.status === "working") return <Loading label={t("accounts.provider.working")} />;
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{t("accounts.provider.failedTitle")}</h1>
        <div className="notice notice-warning" role="alert">
          {state.message}
        </div>
        <p>{t("accounts.provider.failedHint")}</p>
        <p className="button-row">
          {state.linking ? (
            <Link to="/account" className="button primary">
              {t("accounts.provider.backToAccount")}
            </Link>
          ) : (
            <Link to="/sign-in" className="button primary">
              {t("accounts.provider.backToSignIn")}
            </Link>
          )}
        </p>
      </div>
    </div>
  );
}
