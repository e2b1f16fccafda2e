import { useRef, useState } from "react";
import { get, post, query } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import type { ApiError } from "../../app/errors.js";
import { useLoad } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { OrganiserShell } from "./common.js";
import type { Attendee, AttendeeList } from "./types.js";

/** What an empty cell shows. */
const NONE = "—";

export function RegistrationAttendeesPage() {
  return <OrganiserShell titleId="registration.attendees.title">{(e, p) => <Attendees base={p.api} zone={e.timeZone} />}</OrganiserShell>;
}

function Attendees({ base, zone }: { base: string; zone: string }) {
  const { t, rich } = useI18n();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [state] = useLoad((signal) => get<AttendeeList>(`${base}/attendees${query({ q: search, limit: 2000 })}`, signal), [base, search]);
  return (
    <div className="stack">
      <div className="filters">
        <form
          role="search"
          className="search-box"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q.trim());
          }}
        >
          <label htmlFor="attendee-search" className="visually-hidden">
            {t("registration.attendees.search")}
          </label>
          <input id="attendee-search" type="search" placeholder={t("registration.attendees.placeholder")} value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="button secondary">
            {t("common.search")}
          </button>
        </form>
        <a className="button secondary" href={`/api/v1${base}/attendees.csv`} download>
          {t("registration.attendees.csv")}
        </a>
      </div>
      {state.status === "loading" ? (
        <Loading />
      ) : state.status === "error" ? (
        <PageError error={state.error} what={t("registration.attendees.what")} />
      ) : (
        <>
          <p>{rich("registration.attendees.counts", { confirmed: state.data.total, checkedIn: state.data.checkedIn })}</p>
          {state.data.attendees.length === 0 ? (
            <p className="empty">{t(search ? "registration.attendees.noMatch" : "registration.attendees.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("registration.attendees.name")}</th>
                    <th scope="col">{t("registration.attendees.affiliation")}</th>
                    <th scope="col">{t("registration.attendees.code")}</th>
                    <th scope="col">{t("registration.attendees.fee")}</th>
                    <th scope="col">{t("registration.attendees.checkedIn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.attendees.map((a) => (
                    <tr key={a.requestId}>
                      <td>
                        <span className="person-name">{a.name}</span>
                        <span className="person-email">{a.email}</span>
                      </td>
                      <td>{a.affiliation ?? NONE}</td>
                      <td>
                        <code>{a.checkinCode ?? NONE}</code>
                      </td>
                      <td>{a.feePaid ? <span className="badge badge-ok">{t("registration.attendees.paid")}</span> : <span className="badge badge-warn">{t("registration.attendees.notPaid")}</span>}</td>
                      <td>{a.checkedInAt ? formatDeadline(a.checkedInAt, zone) : <span className="muted">{t("registration.attendees.notYet")}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function RegistrationCheckinPage() {
  return <OrganiserShell titleId="registration.checkin.title">{(e, p) => <Checkin base={p.api} zone={e.timeZone} />}</OrganiserShell>;
}

type Feedback = { tone: "ok" | "fail"; title: string; detail: string } | null;

/** The door: a big field for the code or a name, big buttons, loud feedback. Made for a phone. */
function Checkin({ base, zone }: { base: string; zone: string }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<Attendee[] | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // Codes are "ABCD-EFGH" (no 0/O, 1/I); typed without the dash they are told from names by a digit.
  const looksLikeCode = (s: string) => /^[A-Z0-9]{4}-[A-Z0-9]{4}$/i.test(s) || (/^[A-Z0-9]{8}$/i.test(s) && /\d/.test(s));

  const checkIn = async (body: { code: string } | { requestId: string }) => {
    setBusy(true);
    setFeedback(null);
    try {
      const a = await post<Attendee>(`${base}/check-in`, body);
      const fee = t(a.feePaid ? "registration.checkin.feePaid" : "registration.checkin.feeNotPaid");
      setFeedback({ tone: "ok", title: t("registration.checkin.done", { name: a.name }), detail: a.affiliation ? t("registration.checkin.withAffiliation", { fee, affiliation: a.affiliation }) : fee });
      setText("");
      setMatches(null);
    } catch (err) {
      const e = err as ApiError;
      setFeedback({ tone: "fail", title: t(e.code === "already_checked_in" ? "registration.checkin.already" : e.status === 404 ? "registration.checkin.notFound" : "registration.checkin.failed"), detail: e.message });
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  const submit = async () => {
    const s = text.trim();
    if (!s) return;
    if (looksLikeCode(s)) return checkIn({ code: s.toUpperCase() });
    setBusy(true);
    setFeedback(null);
    try {
      const list = await get<AttendeeList>(`${base}/attendees${query({ q: s, limit: 20 })}`);
      if (list.attendees.length === 0 && /^[A-Z0-9]{8}$/i.test(s)) {
        setBusy(false);
        return checkIn({ code: s.toUpperCase() });
      }
      setMatches(list.attendees);
      if (list.attendees.length === 0) setFeedback({ tone: "fail", title: t("registration.checkin.nobody"), detail: t("registration.checkin.nobodyMatches", { query: s }) });
    } catch (err) {
      setFeedback({ tone: "fail", title: t("registration.checkin.searchFailed"), detail: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="checkin">
      <form
        className="checkin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="checkin-input" className="checkin-label">
          {t("registration.checkin.label")}
        </label>
        <input id="checkin-input" ref={inputRef} className="checkin-input" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        <button type="submit" className="button primary checkin-button" disabled={busy || !text.trim()}>
          {t(busy ? "common.working" : looksLikeCode(text.trim()) ? "registration.checkin.checkIn" : "registration.checkin.find")}
        </button>
      </form>
      <div aria-live="assertive" aria-atomic="true" className="checkin-feedback-region">
        {feedback ? (
          <div className={`checkin-feedback checkin-${feedback.tone}`}>
            <p className="checkin-feedback-title">
              <span aria-hidden="true">{t(feedback.tone === "ok" ? "registration.checkin.ok" : "registration.checkin.fail")}</span> {feedback.title}
            </p>
            <p>{feedback.detail}</p>
          </div>
        ) : null}
      </div>
      {matches && matches.length > 0 ? (
        <ul className="checkin-matches" aria-label={t("registration.checkin.matches")}>
          {matches.map((a) => (
            <li key={a.requestId}>
              <div>
                <p className="person-name">{a.name}</p>
                <p className="muted small">
                  {a.email}
                  {a.checkedInAt ? t("registration.checkin.checkedInAt", { when: formatDeadline(a.checkedInAt, zone) }) : null}
                  {a.feePaid ? null : t("registration.checkin.feeNotPaidShort")}
                </p>
              </div>
              <button type="button" className="button primary checkin-button" disabled={busy || !!a.checkedInAt} onClick={() => void checkIn({ requestId: a.requestId })}>
                {t(a.checkedInAt ? "registration.checkin.checkedIn" : "registration.checkin.checkIn")}
                <span className="visually-hidden"> {a.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
