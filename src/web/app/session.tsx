import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { SessionState as ServerSession, SessionView, UserView } from "../../server/features/accounts/schema.js";
import { get, post, setCsrfToken } from "./api.js";

interface SessionState {
  /** Still asking the server who is signed in. */
  loading: boolean;
  user: UserView | null;
  /** Mail lands in the local mailbox (no SMTP server): the header links to it. */
  localMailbox: boolean;
  /** Call with the answer of sign-in, verify, link or reset (they all return a session). */
  signedIn(session: SessionView): void;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  setUser(user: UserView): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [user, setUserState] = useState<UserView | null>(null);
  const [localMailbox, setLocalMailbox] = useState(false);

  // Bumped by every sign-in/out, so a slower GET /session sent earlier cannot undo it.
  const version = useRef(0);
  const apply = useCallback((s: SessionView) => {
    version.current += 1;
    setCsrfToken(s.csrfToken);
    setUserState(s.user);
  }, []);

  const refresh = useCallback(async () => {
    const asked = version.current;
    let answer: SessionView = { user: null, csrfToken: null };
    try {
      const state = await get<ServerSession>("/session");
      setLocalMailbox(state.localMailbox);
      answer = state;
    } catch {
      // Unreachable server: treat as signed out; pages show their own errors.
    }
    if (version.current === asked) apply(answer);
    setLoading(false);
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await post("/auth/sign-out");
    } finally {
      apply({ user: null, csrfToken: null });
    }
  }, [apply]);

  const value = useMemo<SessionState>(
    () => ({ loading, user, localMailbox, signedIn: (s) => (apply(s), setLoading(false)), signOut, refresh, setUser: setUserState }),
    [loading, user, localMailbox, apply, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
