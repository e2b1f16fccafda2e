import { Link, useParams } from "react-router-dom";
import { get } from "../../app/api.js";
import { formatStamp } from "../../app/dates.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { useSession } from "../../app/session.js";

interface Summary {
  id: number;
  to: string;
  from: string;
  subject: string;
  receivedAt: string;
}
interface Mailbox {
  notice: string;
  smtpConfigured: boolean;
  messages: Summary[];
}
interface Message extends Summary {
  text: string;
  html: string;
}

/** Inside the preview: no scripts (sandbox), and no requests at all — a mail cannot load trackers or remote images. */
// eslint-disable-next-line no-restricted-syntax -- HTML for the preview's frame, not words to translate
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

function withCsp(html: string): string {
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => m + CSP);
  if (/<html[^>]*>/i.test(html)) return html.replace(/<html[^>]*>/i, (m) => `${m}<head>${CSP}</head>`);
  return CSP + html;
}

/**
 * The local development mailbox: mail the instance would have sent, kept here instead. The
 * instance admin reads all of it; everyone else reads the mail sent to their own confirmed
 * address (the server narrows the list), since the mailbox holds sign-in links.
 */
export function MailboxPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { user, loading } = useSession();
  const [box, reload] = useLoad((signal) => (user ? get<Mailbox>("/dev/mail", signal) : Promise.resolve(null)), [user?.id]);
  const [msg] = useLoad((signal) => (user && id ? get<Message>(`/dev/mail/${encodeURIComponent(id)}`, signal) : Promise.resolve(null)), [user?.id, id]);
  const all = user?.isAdmin ?? false;
  const title = all || !user ? t("mailbox.title") : t("mailbox.yours.title");
  useTitle(box.status === "error" ? null : msg.status === "ok" && msg.data ? t("mailbox.titleWithSubject", { subject: msg.data.subject }) : title);

  if (loading || box.status === "loading") return <Loading label={t("mailbox.loading")} />;
  if (!user) return <SignInToRead />;
  if (box.status === "error") return <PageError error={box.error} what={t("mailbox.notFoundWhat")} />;
  if (!box.data) return null;
  const { messages, smtpConfigured } = box.data;
  return (
    <div className="wrap mailbox">
      <div className="dev-banner" role="note" aria-label={t("mailbox.title")}>
        <p className="dev-banner-title">{t("mailbox.banner")}</p>
        <p>{t("mailbox.notice")}</p>
        <p>{all ? t("mailbox.scope.admin") : user.emailVerified ? t("mailbox.scope.yours", { address: user.email }) : t("mailbox.scope.unverified", { address: user.email })}</p>
        {smtpConfigured ? <p>{t("mailbox.smtpNow")}</p> : null}
      </div>
      <div className="mailbox-head">
        <h1>{all ? t("mailbox.heading") : t("mailbox.yours.heading")}</h1>
        <button type="button" className="button secondary small" onClick={reload}>
          {t("common.refresh")}
        </button>
      </div>
      <div className="mailbox-layout">
        <nav aria-label={t("mailbox.messages")} className="mail-list card">
          {messages.length === 0 ? (
            <p className="muted">{all ? t("mailbox.empty") : t("mailbox.yours.empty", { address: user.email })}</p>
          ) : (
            <ul>
              {messages.map((m) => (
                <li key={m.id}>
                  <Link to={`/dev/mail/${m.id}`} aria-current={String(m.id) === id ? "page" : undefined} className="mail-item">
                    <span className="mail-subject">{m.subject}</span>
                    <span className="mail-to">{t("mailbox.to", { address: m.to })}</span>
                    <span className="mail-date">{formatStamp(m.receivedAt)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <section className="mail-view card" aria-label={t("mailbox.message")}>
          {!id ? <p className="muted">{t("mailbox.choose")}</p> : null}
          {id && msg.status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
          {id && msg.status === "error" ? <p className="field-error">{msg.error.message}</p> : null}
          {msg.status === "ok" && msg.data ? (
            <article>
              <h2 className="mail-title">{msg.data.subject}</h2>
              <dl className="mail-headers">
                <div>
                  <dt>{t("mailbox.from")}</dt>
                  <dd>{msg.data.from}</dd>
                </div>
                <div>
                  <dt>{t("mailbox.toLabel")}</dt>
                  <dd>{msg.data.to}</dd>
                </div>
                <div>
                  <dt>{t("mailbox.received")}</dt>
                  <dd>{formatStamp(msg.data.receivedAt)}</dd>
                </div>
              </dl>
              {msg.data.html ? (
                <>
                  <h3>{t("mailbox.htmlPart")}</h3>
                  {/* No allow-* flags: no scripts, no forms, no same-origin access. Links open via the text part below. */}
                  <iframe className="mail-html" title={t("mailbox.htmlTitle", { subject: msg.data.subject })} sandbox="" srcDoc={withCsp(msg.data.html)} referrerPolicy="no-referrer" />
                </>
              ) : null}
              <h3>{t("mailbox.textPart")}</h3>
              <pre className="mail-text">{linkify(msg.data.text)}</pre>
            </article>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/**
 * For a visitor who is not signed in: whose mail this is, and how to read it. Someone who
 * has just signed up cannot sign in before confirming, so the page says who can open that
 * first mail (the instance admin; on the demo, a printed sign-in).
 */
function SignInToRead() {
  const { t } = useI18n();
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{t("mailbox.heading")}</h1>
        <p>{t("mailbox.signedOut.intro")}</p>
        <p>{t("mailbox.signedOut.newAccount")}</p>
        <p className="muted">{t("mailbox.signedOut.demo")}</p>
        <p>
          <Link className="button primary" to={`/sign-in?next=${encodeURIComponent("/dev/mail")}`}>
            {t("layout.nav.signIn")}
          </Link>
        </p>
      </div>
    </div>
  );
}

/** Makes this instance's links in the text part clickable (only its own, local ones), so a developer can follow them. */
function linkify(text: string) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts.map((p, i) => {
    if (i % 2 === 0) return p;
    let sameOrigin: boolean;
    try {
      const u = new URL(p);
      sameOrigin = u.origin === window.location.origin || ((u.hostname === "localhost" || u.hostname === "127.0.0.1") && u.port === window.location.port);
    } catch {
      sameOrigin = false;
    }
    return sameOrigin ? (
      <a key={i} href={p}>
        {p}
      </a>
    ) : (
      p
    );
  });
}
