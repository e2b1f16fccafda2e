import { useEffect, useState, type ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { SessionView } from "../../../server/features/accounts/schema.js";
import { post } from "../../app/api.js";
import { toFormErrors } from "../../app/errors.js";
import { useTitle } from "../../app/hooks.js";
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

type State = { status: "working" } | { status: "done"; session: SessionView } | { status: "failed"; message: string };

function useSpend(path: string): State {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const { signedIn } = useSession();
  const [state, setState] = useState<State>({ status: "working" });
  useEffect(() => {
    if (!token) {
      setState({ status: "failed", message: "This link is incomplete: it has no token. Copy the whole link from the mail." });
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
  const state = useSpend("/auth/verify");
  useTitle(state.status === "done" ? "Address confirmed" : state.status === "failed" ? "Link not valid" : "Confirming your address");
  if (state.status === "working") return <Loading label="Confirming your address…" />;
  if (state.status === "failed") return <LinkFailed message={state.message} again={<Link to="/sign-in">Sign in to get a new confirmation link</Link>} />;
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <div className="big-icon success" aria-hidden="true">
          ✓
        </div>
        <h1>Address confirmed</h1>
        <p className="lede">
          Thank you, {state.session.user?.name}. Your email address is confirmed and you are signed in.
        </p>
        <p className="button-row">
          <Link to="/" className="button primary">
            Browse events
          </Link>
          <Link to="/account" className="button secondary">
            Your account
          </Link>
        </p>
      </div>
    </div>
  );
}

export function LinkConsumePage() {
  const state = useSpend("/auth/email-link/consume");
  const navigate = useNavigate();
  useTitle(state.status === "failed" ? "Link not valid" : "Signing you in");
  useEffect(() => {
    if (state.status === "done") navigate("/", { replace: true, state: { flash: `Welcome back, ${state.session.user?.name ?? ""}. You are signed in.` } });
  }, [state, navigate]);
  if (state.status === "failed") return <LinkFailed message={state.message} again={<Link to="/sign-in">Ask for a new sign-in link</Link>} />;
  return <Loading label="Signing you in…" />;
}

function LinkFailed({ message, again }: { message: string; again: ReactNode }) {
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>This link does not work</h1>
        <div className="notice notice-warning" role="alert">
          {message}
        </div>
        <p>Links from our mails work once and expire after a while. </p>
        <p>{again}</p>
      </div>
    </div>
  );
}
