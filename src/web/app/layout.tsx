import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LOCALE_NAMES, LOCALES } from "../../shared/i18n/locales.js";
import type { DemoView } from "../../server/features/demo/schema.js";
import { get } from "./api.js";
import { useSession } from "./session.js";
import { ApiError } from "./errors.js";
import { PRODUCT_NAME, useTitle } from "./hooks.js";
import { T, useI18n } from "./i18n.js";

const ENVELOPE = "\u2709";
const CLOSE = "\u00d7";

export function Layout() {
  const { t } = useI18n();
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
        {t("layout.skipToContent")}
      </a>
      <DemoBanner />
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="wrap footer-inner">
          <p>
            <T id="layout.footer.tagline" />
          </p>
          <nav aria-label={t("layout.footer.nav")}>
            <ul>
              <li>
                <Link to="/communities">{t("layout.footer.communities")}</Link>
              </li>
              <li>
                <a href="/api/v1/docs">{t("layout.footer.api")}</a>
              </li>
              <MailboxLink />
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </footer>
    </div>
  );
}

/**
 * The footer's language switcher: each language in its own name and its own `lang`, the
 * current one marked. It saves the choice (cookie, and the account when signed in) and
 * redraws the page in it without a reload.
 */
function LanguageSwitcher() {
  const { t, locale, switchLocale } = useI18n();
  return (
    <nav aria-labelledby="language-switcher-title" className="language-switcher">
      <h2 id="language-switcher-title" className="language-title">
        {t("layout.language.label")}
      </h2>
      <ul>
        {LOCALES.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span lang={l} aria-current="true" className="language-current">
                <span aria-hidden="true">{LOCALE_NAMES[l]}</span>
                <span className="visually-hidden">{t("layout.language.current", { language: LOCALE_NAMES[l] })}</span>
              </span>
            ) : (
              <button type="button" lang={l} className="link-button" onClick={() => void switchLocale(l)}>
                {LOCALE_NAMES[l]}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

const DEMO_DISMISSED = "plenary.demoBannerDismissed";

/**
 * On the demo instance, a banner that says what it is: a replay of a community's past year
 * with its request and call windows reopened, so past-event badges and open requests do not
 * contradict each other. Hidden per browser once dismissed, until the demo is seeded again.
 */
function DemoBanner() {
  const { t } = useI18n();
  const [demo, setDemo] = useState<DemoView["demo"]>(null);
  const [dismissed, setDismissed] = useState<string | null>(() => readStored(DEMO_DISMISSED));
  useEffect(() => {
    const ctl = new AbortController();
    get<DemoView>("/demo", ctl.signal).then(
      (r) => setDemo(r.demo),
      () => undefined,
    );
    return () => ctl.abort();
  }, []);
  if (!demo || dismissed === demo.seededAt) return null;
  return (
    <section className="demo-banner" aria-labelledby="demo-banner-title">
      <div className="wrap demo-banner-inner">
        <p>
          <strong id="demo-banner-title" className="demo-banner-label">
            {t("layout.demo.label")}
          </strong>
          {t("layout.demo.text", { community: demo.communityName, year: String(demo.year) })}
          <span className="demo-banner-more">{t("layout.demo.more", { year: String(demo.year) })}</span>
        </p>
        <button
          type="button"
          className="demo-banner-close"
          aria-label={t("layout.demo.dismiss")}
          title={t("layout.demo.dismiss")}
          onClick={() => {
            storeValue(DEMO_DISMISSED, demo.seededAt);
            setDismissed(demo.seededAt);
          }}
        >
          <span aria-hidden="true">{CLOSE}</span>
        </button>
      </div>
    </section>
  );
}

/** localStorage, which a browser may refuse (private modes, storage turned off): then nothing is remembered. */
function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function storeValue(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered: the banner comes back on the next visit.
  }
}

function Header() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const { pathname } = useLocation();
  // Event pages live under /communities/…, but belong to "Events" in the navigation.
  const onEvent = /^\/communities\/[^/]+\/(events\/|new-event)/.test(pathname);
  return (
    <header className="site-header">
      <div className="wrap header-inner">
        <Link to="/" className="brand" aria-label={t("layout.brandHome")}>
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <circle cx="16" cy="16" r="7" />
          </svg>
          <span>{PRODUCT_NAME}</span>
        </Link>
        <nav aria-label={t("layout.nav.main")} className="main-nav">
          <ul>
            <li>
              <NavLink to="/" end className={({ isActive }) => (isActive || onEvent ? "active" : "")} aria-current={pathname === "/" || onEvent ? "page" : undefined}>
                {t("layout.nav.events")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/communities" className={({ isActive }) => (isActive && !onEvent ? "active" : "")} aria-current={pathname.startsWith("/communities") && !onEvent ? "page" : undefined}>
                {t("layout.nav.communities")}
              </NavLink>
            </li>
          </ul>
        </nav>
        {/* Who is signed in, beside the brand on a phone: the header keeps to two lines. */}
        <div className="header-account">
          {loading ? null : user ? (
            <AccountMenu name={user.name} />
          ) : (
            <>
              <NavLink to="/sign-in" className="header-link">
                {t("layout.nav.signIn")}
              </NavLink>
              <Link to="/sign-up" className="button small primary">
                {t("layout.nav.signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function AccountMenu({ name }: { name: string }) {
  const { t } = useI18n();
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
      <button type="button" className="account-button" title={name} aria-expanded={open} aria-controls="account-menu-list" onClick={() => setOpen((o) => !o)} ref={buttonRef}>
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="account-name">{name}</span>
        <span className="visually-hidden"> {t("layout.account.menu")}</span>
        <svg className="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" />
        </svg>
      </button>
      <ul id="account-menu-list" className="account-menu-list" hidden={!open}>
        <li>
          <Link to="/account">{t("layout.account.yours")}</Link>
        </li>
        <MailboxLink />
        <li>
          <button
            type="button"
            onClick={async () => {
              await signOut();
              navigate("/", { state: { flash: t("layout.account.signedOut") } });
            }}
          >
            {t("layout.account.signOut")}
          </button>
        </li>
      </ul>
    </div>
  );
}

/**
 * The link to the local mailbox, only while mail lands there (no SMTP server). The instance
 * admin reads all of it; anyone else reads the mail sent to their own address ("Your mail"),
 * and a visitor who is not signed in finds out there how to read theirs.
 */
function MailboxLink() {
  const { t } = useI18n();
  const { user, localMailbox } = useSession();
  if (!localMailbox) return null;
  return (
    <li>
      <Link to="/dev/mail">{user && !user.isAdmin ? t("layout.mailbox.yours") : t("layout.mailbox.all")}</Link>
    </li>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** Loading placeholder that screen readers announce once. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="wrap loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </div>
  );
}

/**
 * A whole-page failure: not found, not allowed, or the server is unreachable. `what` names
 * what was not found, in the page's language ("This event", "Diese Veranstaltung").
 */
export function PageError({ error, what }: { error: Error; what?: string }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  const title =
    status === 404
      ? t("layout.pageError.notFound", { what: what ?? t("layout.pageError.thisPage") })
      : status === 401
        ? t("layout.pageError.signIn")
        : status === 403
          ? t("layout.pageError.forbidden")
          : t("layout.pageError.failed");
  useTitle(title);
  return (
    <div className="wrap narrow page-error">
      <h1>{title}</h1>
      <p>{status === 404 ? t("layout.pageError.notFoundHint") : error.message}</p>
      <p>
        {status === 401 ? (
          <Link className="button primary" to={`/sign-in?next=${encodeURIComponent(window.location.pathname)}`}>
            {t("layout.nav.signIn")}
          </Link>
        ) : (
          <Link to="/">{t("layout.pageError.backToEvents")}</Link>
        )}
      </p>
    </div>
  );
}

export function NotFound() {
  const { t } = useI18n();
  useTitle(t("layout.notFound.title"));
  return (
    <div className="wrap narrow page-error">
      <h1>{t("layout.notFound.title")}</h1>
      <p>{t("layout.notFound.text")}</p>
      <p>
        <Link to="/">{t("layout.pageError.backToEvents")}</Link>
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
  const { t } = useI18n();
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <div className="big-icon" aria-hidden="true">
          {ENVELOPE}
        </div>
        <h1>{t("layout.checkMail.title")}</h1>
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
