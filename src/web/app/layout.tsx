import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useSession } from "./session.js";
import { ApiError } from "./errors.js";
import { useTitle } from "./hooks.js";

export function Layout() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  // After client-side navigation, move focus to the new page's content, as a full page load
  // would (not on the first load, and idempotent when an effect runs twice).
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    if (location.hash) return;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname, location.hash]);

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="wrap footer-inner">
          <p>
            <strong>Plenary</strong> — events for open-source communities.
          </p>
          <nav aria-label="Footer">
            <ul>
              <li>
                <Link to="/communities">Communities</Link>
              </li>
              <li>
                <a href="/api/v1/docs">API reference</a>
              </li>
              <li>
                <Link to="/dev/mail">Local mailbox</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}

function Header() {
  const { user, loading } = useSession();
  const { pathname } = useLocation();
  // Event pages live under /communities/…, but belong to "Events" in the navigation.
  const onEvent = /^\/communities\/[^/]+\/(events\/|new-event)/.test(pathname);
  return (
    <header className="site-header">
      <div className="wrap header-inner">
        <Link to="/" className="brand" aria-label="Plenary, home">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <circle cx="16" cy="16" r="7" />
          </svg>
          <span>Plenary</span>
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <NavLink to="/" end className={({ isActive }) => (isActive || onEvent ? "active" : "")} aria-current={pathname === "/" || onEvent ? "page" : undefined}>
                Events
              </NavLink>
            </li>
            <li>
              <NavLink to="/communities" className={({ isActive }) => (isActive && !onEvent ? "active" : "")} aria-current={pathname.startsWith("/communities") && !onEvent ? "page" : undefined}>
                Communities
              </NavLink>
            </li>
            {loading ? null : user ? (
              <li>
                <AccountMenu name={user.name} />
              </li>
            ) : (
              <>
                <li>
                  <NavLink to="/sign-in">Sign in</NavLink>
                </li>
                <li>
                  <Link to="/sign-up" className="button small primary">
                    Sign up
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

function AccountMenu({ name }: { name: string }) {
  const [open, setOpen] = useState(false);
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className="account-menu" ref={ref}>
      <button type="button" className="account-button" aria-expanded={open} aria-controls="account-menu-list" onClick={() => setOpen((o) => !o)} ref={buttonRef}>
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="account-name">{name}</span>
        <span className="visually-hidden"> — account menu</span>
        <svg className="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" />
        </svg>
      </button>
      <ul id="account-menu-list" className="account-menu-list" hidden={!open}>
        <li>
          <Link to="/account">Your account</Link>
        </li>
        <li>
          <Link to="/dev/mail">Local mailbox</Link>
        </li>
        <li>
          <button
            type="button"
            onClick={async () => {
              await signOut();
              navigate("/", { state: { flash: "You are signed out." } });
            }}
          >
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Loading placeholder that screen readers announce once. */
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="wrap loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** A whole-page failure: not found, not allowed, or the server is unreachable. */
export function PageError({ error, what = "This page" }: { error: Error; what?: string }) {
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 404 ? `${what} was not found` : status === 401 ? "Sign in to see this page" : status === 403 ? "You do not have access to this page" : "Something went wrong";
  useTitle(title);
  return (
    <div className="wrap narrow page-error">
      <h1>{title}</h1>
      <p>{status === 404 ? "It may have been moved, unpublished or never existed." : error.message}</p>
      <p>
        {status === 401 ? (
          <Link className="button primary" to={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`}>
            Sign in
          </Link>
        ) : (
          <Link to="/">Back to events</Link>
        )}
      </p>
    </div>
  );
}

export function NotFound() {
  useTitle("Page not found");
  return (
    <div className="wrap narrow page-error">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to events</Link>
      </p>
    </div>
  );
}

/** Flash message passed in navigation state, e.g. after signing out. */
export function Flash() {
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  if (!flash) return null;
  return (
    <div className="notice notice-success flash" role="status">
      {flash}
    </div>
  );
}

/** The page shown after we mailed someone a link they must open: what was sent, then `children`. */
export function CheckMailCard({ children }: { children: ReactNode }) {
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <div className="big-icon" aria-hidden="true">
          ✉
        </div>
        <h1>Check your mail</h1>
        {children}
      </div>
    </div>
  );
}

export function PageHeader({ title, eyebrow, children }: { title: ReactNode; eyebrow?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
      <h1>{title}</h1>
      {children}
    </div>
  );
}
