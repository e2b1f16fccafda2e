import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { get, post, query } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { ApiError } from "../../app/errors.js";
import { ErrorSummary, SubmitButton, TextArea } from "../../app/forms.js";
import { useLoad, useSubmit } from "../../app/hooks.js";
import { t } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { BudgetBar, FunnelChart } from "./Charts.js";
import { ActionResult, Facts, Money, OrganiserShell, StateBadge } from "./common.js";
import { DECISION_TEMPLATE, pageInfo, QUEUE_STATES, splitEmails, STATE_LABEL } from "./logic.js";
import type { Decision, DecisionResult, PreviewView, QueueView, RequestDetail, Settings, Summary } from "./types.js";

/** The organisers' overview: funnel, places, stipend budget, fees. */
export function RegistrationDashboardPage() {
  return <OrganiserShell titleId="registration.dashboard.title">{(e, p) => <Dashboard api={p.api} page={p.page} zone={e.timeZone} />}</OrganiserShell>;
}

function Dashboard({ api, page }: { api: string; page: string; zone: string }) {
  const [state] = useLoad(async (signal) => {
    const [summary, settings] = await Promise.all([get<Summary>(`${api}/summary`, signal), get<Settings>(api, signal)]);
    return { ...summary, feeCurrency: settings.feeCurrency };
  }, [api]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    if (state.error instanceof ApiError && state.error.code === "registration_not_set_up")
      return (
        <div className="notice notice-info">
          <p>Registration is not set up for this event yet.</p>
          <p>
            <Link to={`${page}/settings`}>Set it up: places, request window, fee and questions</Link>
          </p>
        </div>
      );
    return <PageError error={state.error} what="Registration for this event" />;
  }
  const s = state.data;
  const c = s.ledger;
  return (
    <div className="dashboard-grid">
      <section className="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">Funnel</h2>
        <FunnelChart funnel={s.funnel} />
        <p className="muted small">Each step counts everyone who reached it, whatever their state now; percentages are of those who requested.</p>
        <p className="muted small">
          {s.capacity - s.placesLeft} of {s.capacity} places taken, {s.placesLeft} left.
          {s.overdue > 0 ? (
            <>
              {" "}
              <Link to={`${page}/queue?overdue=true`} className="overdue-text">
                {s.overdue} {s.overdue === 1 ? "request is" : "requests are"} past the answer-by date
              </Link>
              .
            </>
          ) : (
            " No request is past its answer-by date."
          )}
        </p>
      </section>
      <section className="card" aria-labelledby="states-title">
        <h2 id="states-title">Requests by state</h2>
        <ul className="state-counts">
          {QUEUE_STATES.filter((k) => (s.counters[k] ?? 0) > 0 || k !== "unverified").map((k) => (
            <li key={k}>
              <Link to={`${page}/queue?state=${k}`}>
                <span className="state-count">{s.counters[k] ?? 0}</span> {t(STATE_LABEL[k])}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="budget-title">
        <h2 id="budget-title">Stipend budget</h2>
        <BudgetBar budget={s.budget} />
        <p>
          <Link to={`${page}/stipends`}>Stipend requests</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="fees-title">
        <h2 id="fees-title">Fees</h2>
        <Facts
          items={[
            ["Due", <Money minor={c.due} currency={s.feeCurrency} />],
            ["Paid", <Money minor={c.paid} currency={s.feeCurrency} />],
            ["Owed to the beneficiary", <strong><Money minor={c.owedToBeneficiary} currency={s.feeCurrency} /></strong>],
          ]}
        />
        <p>
          <Link to={`${page}/fees`}>Fees ledger</Link>
        </p>
      </section>
    </div>
  );
}

const LIMIT = 50;

/** The queue: sorted by answer-by date, filters, search, selection and bulk decisions. */
export function RegistrationQueuePage() {
  return <OrganiserShell titleId="registration.queue.title">{(e, p) => <Queue api={p.api} page={p.page} zone={e.timeZone} />}</OrganiserShell>;
}

function Queue({ api, page, zone }: { api: string; page: string; zone: string }) {
  const [params, setParams] = useSearchParams();
  const stateFilter = params.get("state") ?? "";
  const overdue = params.get("overdue") === "true" ? "true" : "";
  const needsStipend = params.get("needsStipend") === "true" ? "true" : "";
  const q = params.get("q") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const [search, setSearch] = useState(q);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<{ action: Decision; ids?: string[]; emails?: string } | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pasted, setPasted] = useState("");
  const [state, reload] = useLoad((signal) => get<QueueView>(`${api}/requests${query({ state: stateFilter, overdue, needsStipend, q, offset, limit: LIMIT, sort: "answerBy" })}`, signal), [api, stateFilter, overdue, needsStipend, q, offset]);
  useEffect(() => setSelected(new Set()), [stateFilter, overdue, needsStipend, q, offset]);
  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!("offset" in next)) p.delete("offset");
    setParams(p);
  };
  // While another filter or page loads, the previous one stays on screen (marked busy), so the
  // chips and the search box keep their focus.
  const last = useRef<QueueView | null>(null);
  if (state.status === "ok") last.current = state.data;
  if (state.status === "error") return <PageError error={state.error} what="The queue" />;
  const v = state.status === "ok" ? state.data : last.current;
  if (!v) return <Loading />;
  const info = pageInfo(v.total, LIMIT, offset);
  const allOnPage = v.requests.length > 0 && v.requests.every((r) => selected.has(r.id));
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const total = Object.values(v.counters).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <div className="queue" aria-busy={state.status === "loading" || undefined}>
      <p className="queue-summary">
        <strong>{v.confirmed}</strong> of {v.capacity} places confirmed, <strong>{v.placesLeft}</strong> left.{" "}
        {v.overdue > 0 ? <span className="overdue-text">{v.overdue} overdue.</span> : null}
      </p>
      <div className="filters queue-filters">
        <fieldset className="chips-fieldset">
          <legend className="visually-hidden">Show requests in state</legend>
          <div className="chips">
            <span className="chip">
              <input type="radio" id="state-all" name="state" checked={!stateFilter && !overdue} onChange={() => update({ state: "", overdue: "" })} />
              <label htmlFor="state-all">All ({total})</label>
            </span>
            {QUEUE_STATES.filter((k) => k !== "unverified" || (v.counters[k] ?? 0) > 0).map((k) => (
              <span className="chip" key={k}>
                <input type="radio" id={`state-${k}`} name="state" checked={stateFilter === k && !overdue} onChange={() => update({ state: k, overdue: "" })} />
                <label htmlFor={`state-${k}`}>
                  {t(STATE_LABEL[k])} ({v.counters[k] ?? 0})
                </label>
              </span>
            ))}
            <span className="chip chip-warn">
              <input type="radio" id="state-overdue" name="state" checked={!!overdue} onChange={() => update({ state: "", overdue: "true" })} />
              <label htmlFor="state-overdue">Overdue ({v.overdue})</label>
            </span>
          </div>
        </fieldset>
        <fieldset className="chips-fieldset">
          <legend className="visually-hidden">Other filters</legend>
          <div className="chips">
            <span className="chip">
              <input type="checkbox" id="filter-needs-stipend" name="needsStipend" checked={!!needsStipend} onChange={(e) => update({ needsStipend: e.target.checked ? "true" : "" })} />
              <label htmlFor="filter-needs-stipend">Needs a stipend</label>
            </span>
          </div>
        </fieldset>
        <form
          role="search"
          className="search-box"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: search.trim() });
          }}
        >
          <label htmlFor="queue-search" className="visually-hidden">
            Search requests
          </label>
          <input id="queue-search" type="search" placeholder="Name, email or answers" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />
          <button type="submit" className="button secondary">
            Search
          </button>
        </form>
      </div>
      <ActionResult result={result} />
      <div className="bulk-bar" role="group" aria-label="Bulk actions">
        <span className="bulk-count" aria-live="polite">
          {selected.size} selected
        </span>
        {(["invite", "waitlist", "decline"] as const).map((a) => (
          <button key={a} type="button" className={`button small ${a === "invite" ? "primary" : a === "decline" ? "danger-outline" : "secondary"}`} disabled={selected.size === 0} onClick={() => setDialog({ action: a, ids: [...selected] })}>
            {a === "invite" ? "Invite" : a === "waitlist" ? "Waitlist" : "Decline"}
            <span className="visually-hidden"> the selected requests</span>
          </button>
        ))}
      </div>
      {v.requests.length === 0 ? (
        <p className="empty">No requests match.</p>
      ) : (
        <div className="table-wrap">
          <table className="table queue-table">
            <caption className="visually-hidden">Invitation requests, sorted by answer-by date</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label="Select all on this page" checked={allOnPage} onChange={() => setSelected(allOnPage ? new Set() : new Set(v.requests.map((r) => r.id)))} />
                </th>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col">Answer by</th>
                <th scope="col">Wants to work on</th>
                <th scope="col">Stipend</th>
              </tr>
            </thead>
            <tbody>
              {v.requests.map((r) => (
                <tr key={r.id} className={r.overdue ? "row-overdue" : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Select ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                  </td>
                  <td>
                    <Link to={`${page}/queue/${r.id}`} className="person-name">
                      {r.name}
                    </Link>
                    <span className="person-email">{r.email}</span>
                    {r.affiliation ? <span className="muted small">{r.affiliation}</span> : null}
                  </td>
                  <td>
                    <StateBadge state={r.state} />
                  </td>
                  <td>
                    <time dateTime={r.answerBy}>{formatDeadline(r.answerBy, zone)}</time>
                    {r.overdue ? <span className="overdue-flag">Overdue</span> : null}
                    {r.state === "invited" && r.confirmBy ? <span className="muted small">confirm by {formatDeadline(r.confirmBy, zone)}</span> : null}
                  </td>
                  <td>
                    <div className="clamp-cell">{r.workOn}</div>
                  </td>
                  <td>{r.needsStipend ? "Asked" : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="pager">
        <p>
          {info.from}–{info.to} of {v.total} · page {info.page} of {info.pages}
        </p>
        <div className="button-row">
          <button type="button" className="button small secondary" disabled={offset === 0} onClick={() => update({ offset: String(Math.max(0, offset - LIMIT)) })}>
            Previous page
          </button>
          <button type="button" className="button small secondary" disabled={offset + LIMIT >= v.total} onClick={() => update({ offset: String(offset + LIMIT) })}>
            Next page
          </button>
        </div>
      </nav>
      <section className="card paste-box" aria-labelledby="paste-title">
        <h2 id="paste-title">Decide by email address</h2>
        <TextArea form="paste" name="emails" label="Paste email addresses" hint="Separated by commas, semicolons, spaces or new lines." rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        <p className="muted small">{splitEmails(pasted).length} addresses recognised.</p>
        <div className="button-row">
          {(["invite", "waitlist", "decline"] as const).map((a) => (
            <button key={a} type="button" className="button small secondary" disabled={splitEmails(pasted).length === 0} onClick={() => setDialog({ action: a, emails: pasted })}>
              {a === "invite" ? "Invite" : a === "waitlist" ? "Waitlist" : "Decline"} these addresses
            </button>
          ))}
        </div>
      </section>
      {dialog ? (
        <DecisionDialog
          api={api}
          action={dialog.action}
          count={dialog.ids?.length ?? splitEmails(dialog.emails ?? "").length}
          onClose={() => setDialog(null)}
          onSend={async (message) => {
            const res = await post<DecisionResult>(`${api}/decisions`, { action: dialog.action, ...(dialog.ids ? { ids: dialog.ids } : { emails: dialog.emails }), message });
            setDialog(null);
            setSelected(new Set());
            if (dialog.emails) setPasted("");
            const verb = { invite: "invited", waitlist: "waitlisted", decline: "declined", cancel: "cancelled" }[res.action];
            const skipped = res.skipped.length ? ` ${res.skipped.length} skipped: ${res.skipped.slice(0, 5).map((s) => `${s.target} (${s.reason})`).join("; ")}${res.skipped.length > 5 ? "…" : ""}.` : "";
            setResult({ tone: res.changed > 0 ? "success" : "error", text: `${res.changed} ${verb}, ${res.mailsQueued} ${res.mailsQueued === 1 ? "mail" : "mails"} queued.${skipped}` });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** The decision dialog: an optional personal message and a preview of the mail before it is sent. */
function DecisionDialog({ api, action, count, onClose, onSend }: { api: string; action: Decision; count: number; onClose: () => void; onSend: (message: string) => Promise<void> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState("");
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const { busy, errors, run } = useSubmit(["message"]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetchPreview(api, action, message, ctl.signal).then(setPreview, () => undefined);
    }, 250);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [api, action, message]);
  const title = `${action === "invite" ? "Invite" : action === "waitlist" ? "Waitlist" : action === "decline" ? "Decline" : "Cancel"} ${count} ${count === 1 ? "request" : "requests"}`;
  return (
    <dialog ref={ref} className="decision-dialog" aria-labelledby="decision-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run(() => onSend(message));
        }}
      >
        <h2 id="decision-title">{title}</h2>
        <ErrorSummary form="decision" errors={errors} labels={{ message: "Personal message" }} />
        <TextArea form="decision" name="message" label="Personal message (optional)" hint="Added to the mail where the template says {{message}}." rows={3} value={message} onChange={(e) => setMessage(e.target.value)} error={errors.fields.message} maxLength={5000} />
        <section aria-labelledby="preview-title" className="mail-preview">
          <h3 id="preview-title">Preview of the mail</h3>
          {preview ? (
            <>
              <p className="mail-preview-subject">
                <span className="muted">Subject:</span> {preview.subject}
              </p>
              <pre className="mail-preview-text">{preview.text}</pre>
            </>
          ) : (
            <p className="muted">Loading the preview…</p>
          )}
          <p className="muted small">Shown with sample values; each person gets their own name, link and dates.</p>
        </section>
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Sending…">
            Send {count === 1 ? "1 mail" : `${count} mails`}
          </SubmitButton>
          <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

function fetchPreview(api: string, action: Decision, message: string, signal: AbortSignal): Promise<PreviewView> {
  void signal;
  return post<PreviewView>(`${api}/templates/${DECISION_TEMPLATE[action]}/preview`, { locale: "en", message });
}

/** One request: answers, dates, internal notes and single decisions. */
export function RegistrationRequestPage() {
  const { requestId = "" } = useParams();
  return <OrganiserShell titleId="registration.detail.title">{(e, p) => <RequestDetailView api={p.api} page={p.page} zone={e.timeZone} id={requestId} />}</OrganiserShell>;
}

function RequestDetailView({ api, page, zone, id }: { api: string; page: string; zone: string; id: string }) {
  const [state, reload, setData] = useLoad((signal) => get<RequestDetail>(`${api}/requests/${id}`, signal), [api, id]);
  // The extra questions' wording, to show with the answers (their ids are stored).
  const [settings] = useLoad((signal) => get<Settings>(api, signal), [api]);
  const questionLabel = (key: string) => (settings.status === "ok" ? settings.data.questions.extra.find((q) => q.id === key)?.label : undefined) ?? key;
  const [note, setNote] = useState("");
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { busy, errors, run } = useSubmit(["body"]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="This request" />;
  const r = state.data;
  const history: [string, string | null][] = [
    ["Requested", r.requestedAt],
    ["Answer promised by", r.answerBy],
    ["Confirmation deadline", r.confirmBy],
    ["Checked in", r.checkedInAt],
  ];
  const actions: Decision[] = r.state === "requested" ? ["invite", "waitlist", "decline"] : r.state === "waitlisted" ? ["invite", "decline"] : r.state === "invited" || r.state === "confirmed" ? ["cancel"] : [];
  return (
    <div className="request-detail">
      <p>
        <Link to={`${page}/queue`}>← Back to the queue</Link>
      </p>
      <div className="status-layout">
        <div className="stack">
          <section className="card" aria-labelledby="req-title">
            <h2 id="req-title">
              {r.name} <StateBadge state={r.state} />
            </h2>
            <Facts
              items={[
                ["Email", r.email],
                ["Affiliation", r.affiliation ?? "—"],
                ["Answer by", <>{formatDeadline(r.answerBy, zone)}{r.overdue ? <span className="overdue-flag">Overdue</span> : null}</>],
                ...(r.checkinCode ? ([["Check-in code", <code>{r.checkinCode}</code>]] as [string, ReactNode][]) : []),
              ]}
            />
            <ActionResult result={result} />
            {actions.length ? (
              <div className="button-row">
                {actions.map((a) => (
                  <button key={a} type="button" className={`button ${a === "invite" ? "primary" : a === "decline" || a === "cancel" ? "danger-outline" : "secondary"}`} onClick={() => setDialog(a)}>
                    {a === "invite" ? "Invite" : a === "waitlist" ? "Waitlist" : a === "decline" ? "Decline" : "Cancel the place"}
                  </button>
                ))}
              </div>
            ) : null}
          </section>
          <section className="card" aria-labelledby="answers-title">
            <h2 id="answers-title">Answers</h2>
            <h3>Wants to work on</h3>
            <p className="pre-wrap">{r.answers.workOn}</p>
            {r.answers.needsStipend !== undefined ? <p>Needs a travel stipend: {r.answers.needsStipend ? "yes" : "no"}</p> : null}
            {Object.entries(r.answers.extra).map(([k, v]) => (
              <div key={k}>
                <h3>{questionLabel(k)}</h3>
                <p className="pre-wrap">{v}</p>
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <ol className="history">
              {history
                .filter(([, at]) => at)
                .sort(([, a], [, b]) => Date.parse(a!) - Date.parse(b!))
                .map(([label, at]) => (
                  <li key={label}>
                    <strong>{label}</strong> <time dateTime={at!}>{formatDeadline(at!, zone)}</time>
                  </li>
                ))}
              <li>
                <strong>Now</strong> {t(STATE_LABEL[r.state])}
              </li>
            </ol>
          </section>
        </div>
        <section className="card internal-notes" aria-labelledby="notes-title">
          <h2 id="notes-title">Internal notes</h2>
          <p className="internal-label">Internal — never shown to the applicant</p>
          {r.notesList.length === 0 ? <p className="muted">No notes yet.</p> : null}
          <ol className="message-list">
            {r.notesList.map((n) => (
              <li key={n.id} className="message internal">
                <p className="message-meta">
                  {n.authorName ?? "An organiser"} · <time dateTime={n.createdAt}>{formatDeadline(n.createdAt, zone)}</time>
                </p>
                <p className="message-body">{n.body}</p>
              </li>
            ))}
          </ol>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                setData(await post<RequestDetail>(`${api}/requests/${id}/notes`, { body: note }));
                setNote("");
              });
            }}
          >
            <ErrorSummary form="note" errors={errors} labels={{ body: "Note" }} />
            <TextArea form="note" name="body" label="Add an internal note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={errors.fields.body} maxLength={10000} />
            <SubmitButton busy={busy} className="button secondary">
              Add note
            </SubmitButton>
          </form>
        </section>
      </div>
      {dialog ? (
        <DecisionDialog
          api={api}
          action={dialog}
          count={1}
          onClose={() => setDialog(null)}
          onSend={async (message) => {
            const res = await post<DecisionResult>(`${api}/decisions`, { action: dialog, ids: [id], message });
            setDialog(null);
            setResult(res.changed ? { tone: "success", text: `Done: ${res.mailsQueued} mail queued.` } : { tone: "error", text: res.skipped.map((s) => s.reason).join(" ") || "Nothing changed." });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
