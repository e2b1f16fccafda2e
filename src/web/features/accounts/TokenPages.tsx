import { useEffect, useState, type ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { SessionView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { toFormErrors } from "../../app/errors.js";
import { useTitle } from "../../app/hooks.js";
import { t as translate, useI18n } from "../../app/i18n.js";
import { useSession } from "../../app/session.js";
import { Loading } from "../../app/layout.js";

/**
 * One-time tokens from mail links are spent by the first request, so a page that renders
 * twice (React's strict mode, a re-render) must share the one request per token.
 */
const inFlight = new Map<string, Promise<SessionView>>();
function spend(path: string, token: string, signedIn: (s: SessionView) => void): Promise<SessionView> {
  const key = `${path} ${token}`;
  let p = inFlight.get(key);
  if (!p) {
    // The session is taken over exactly once, when the answer arrives — never again on a
    // later render (which would undo a sign-out made since).
    p = post<SessionView>(path, { token }).then((session) => {
      signedIn(session);
      return session;
    });
    inFlight.set(key, p);
  }
  return p;
}

/** A symbol, hidden from screen readers: not text to translate. */
const CHECK_MARK = "\u2713";

type State = { status: "working" } | { status: "done"; session: SessionView } | { status: "failed"; message: string };

function useSpend(path: string): State {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { signedIn } = useSession();
  const [state, setState] = useState<State>({ status: "working" });
  useEffect(() => {
    if (!token) {
      setState({ status: "failed", message: translate("accounts.links.incomplete") });
      return;
    }
    let live = true;
    spend(path, token, signedIn).then(
      (session) => {
        if (live) setState({ status: "done", session });
      },
      (err: unknown) => live && setState({ status: "failed", message: toFormErrors(err).summary }),
    );
    return () => {
      live = false;
    };
  }, [path, token, signedIn]);
  return state;
}

export function VerifyPage() {
  const { t } = useI18n();
  const state = useSpend("/auth/verify");
  useTitle(state.status === "done" ? t("accounts.verify.done") : state.status === "failed" ? t("accounts.links.invalidTitle") : t("accounts.verify.working"));
  if (state.status === "working") return <Loading label={t("accounts.verify.working")} />;
  if (state.status === "failed") return <LinkFailed message={state.message} again={<Link to="/sign-in">{t("accounts.verify.again")}</Link>} />;
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <div className="big-icon success" aria-hidden="true">
          {CHECK_MARK}
        </div>
        <h1>{t("accounts.verify.done")}</h1>
        <p className="lede">{t("accounts.verify.thanks", { name: state.session.user?.name ?? "" })}</p>
        <p className="button-row">
          <Link to="/" className="button primary">
            {t("accounts.verify.browse")}
          </Link>
          <Link to="/account" className="button secondary">
            {t("accounts.account.title")}
          </Link>
        </p>
      </div>
    </div>
  );
}

export function LinkConsumePage() {
  const { t } = useI18n();
  const state = useSpend("/auth/email-link/consume");
  const navigate = useNavigate();
  useTitle(state.status === "failed" ? t("accounts.links.invalidTitle") : t("accounts.provider.working"));
  useEffect(() => {
    if (state.status === "done") navigate("/", { replace: true, state: { flash: t("accounts.signIn.welcome", { name: state.session.user?.name ?? "" }) } });
  }, [state, navigate, t]);
  if (state.status === "failed") return <LinkFailed message={state.message} again={<Link to="/sign-in">{t("accounts.links.askSignIn")}</Link>} />;
  return <Loading label={t("accounts.provider.working")} />;
}

function LinkFailed({ message, again }: { message: string; again: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{t("accounts.links.failedTitle")}</h1>
        <div className="notice notice-warning" role="alert">
          {message}
        </div>
        <p>{t("accounts.links.once")}</p>
        <p>{again}</p>
      </div>
    </div>
  );
}
