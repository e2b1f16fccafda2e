import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { get, post, query } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { ApiError } from "../../app/errors.js";
import { ErrorSummary, SubmitButton, TextArea } from "../../app/forms.js";
import { useLoad, useSubmit } from "../../app/hooks.js";
import { fmt, pageLocale, useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { BudgetBar, FunnelChart } from "./Charts.js";
import { ActionResult, Facts, Money, OrganiserShell, StateBadge } from "./common.js";
import { DECISION_TEMPLATE, pageInfo, QUEUE_STATES, splitEmails, STATE_LABEL } from "./logic.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import type { Decision, DecisionResult, PreviewView, QueueView, RequestDetail, Settings, Summary } from "./types.js";

/** The organisers' overview: funnel, places, stipend budget, fees. */
export function RegistrationDashboardPage() {
  return <OrganiserShell titleId="registration.dashboard.title">{(e, p) => <Dashboard api={p.api} page={p.page} zone={e.timeZone} />}</OrganiserShell>;
}

function Dashboard({ api, page }: { api: string; page: string; zone: string }) {
  const { t, rich } = useI18n();
  const [state] = useLoad(async (signal) => {
    const [summary, settings] = await Promise.all([get<Summary>(`${api}/summary`, signal), get<Settings>(api, signal)]);
    return { ...summary, feeCurrency: settings.feeCurrency };
  }, [api]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    if (state.error instanceof ApiError && state.error.code === "registration_not_set_up")
      return (
        <div className="notice notice-info">
          <p>{t("registration.dashboard.notSetUp")}</p>
          <p>
            <Link to={`${page}/settings`}>{t("registration.dashboard.setUp")}</Link>
          </p>
        </div>
      );
    return <PageError error={state.error} what={t("registration.request.what")} />;
  }
  const s = state.data;
  const c = s.ledger;
  return (
    <div className="dashboard-grid">
      <section className="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t("registration.dashboard.funnel")}</h2>
        <FunnelChart funnel={s.funnel} />
        <p className="muted small">{t("registration.dashboard.funnelNote")}</p>
        <p className="muted small">
          {t("registration.dashboard.places", { taken: s.capacity - s.placesLeft, capacity: s.capacity, left: s.placesLeft })} {s.overdue > 0
            ? rich("registration.dashboard.overdue", {
                count: s.overdue,
                link: (chunks) => (
                  <Link to={`${page}/queue?overdue=true`} className="overdue-text">
                    {chunks}
                  </Link>
                ),
              })
            : t("registration.dashboard.noneOverdue")}
        </p>
      </section>
      <section className="card" aria-labelledby="states-title">
        <h2 id="states-title">{t("registration.dashboard.byState")}</h2>
        <ul className="state-counts">
          {QUEUE_STATES.filter((k) => (s.counters[k] ?? 0) > 0 || k !== "unverified").map((k) => (
            <li key={k}>
              <Link to={`${page}/queue?state=${k}`}>
                <span className="state-count">{fmt.number(s.counters[k] ?? 0)}</span> {t(STATE_LABEL[k])}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="budget-title">
        <h2 id="budget-title">{t("registration.dashboard.budget")}</h2>
        <BudgetBar budget={s.budget} />
        <p>
          <Link to={`${page}/stipends`}>{t("registration.dashboard.stipendRequests")}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="fees-title">
        <h2 id="fees-title">{t("registration.dashboard.fees")}</h2>
        <Facts
          items={[
            [t("registration.fees.due"), <Money minor={c.due} currency={s.feeCurrency} />],
            [t("registration.fees.paid"), <Money minor={c.paid} currency={s.feeCurrency} />],
            [t("registration.fees.owed"), <strong><Money minor={c.owedToBeneficiary} currency={s.feeCurrency} /></strong>],
          ]}
        />
        <p>
          <Link to={`${page}/fees`}>{t("registration.dashboard.ledger")}</Link>
        </p>
      </section>
    </div>
  );
}

const LIMIT = 50;
/** What an empty cell shows. */
const NONE = "—";

/** The queue: sorted by answer-by date, filters, search, selection and bulk decisions. */
export function RegistrationQueuePage() {
  return <OrganiserShell titleId="registration.queue.title">{(e, p) => <Queue api={p.api} page={p.page} zone={e.timeZone} />}</OrganiserShell>;
}

function Queue({ api, page, zone }: { api: string; page: string; zone: string }) {
  const { t, rich } = useI18n();
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
  if (state.status === "error") return <PageError error={state.error} what={t("registration.queue.what")} />;
  const v = state.status === "ok" ? state.data : last.current;
  if (!v) return <Loading />;
  const info = pageInfo(v.total, LIMIT, offset);
  const allOnPage = v.requests.length > 0 && v.requests.every((r) => selected.has(r.id));
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const total = Object.values(v.counters).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <div className="queue" aria-busy={state.status === "loading" || undefined}>
      <p className="queue-summary">
        {rich("registration.queue.summary", { confirmed: v.confirmed, capacity: v.capacity, left: v.placesLeft })} {v.overdue > 0 ? <span className="overdue-text">{t("registration.queue.overdueCount", { count: v.overdue })}</span> : null}
      </p>
      <div className="filters queue-filters">
        <fieldset className="chips-fieldset">
          <legend className="visually-hidden">{t("registration.queue.showState")}</legend>
          <div className="chips">
            <span className="chip">
              <input type="radio" id="state-all" name="state" checked={!stateFilter && !overdue} onChange={() => update({ state: "", overdue: "" })} />
              <label htmlFor="state-all">{t("registration.queue.all", { count: total })}</label>
            </span>
            {QUEUE_STATES.filter((k) => k !== "unverified" || (v.counters[k] ?? 0) > 0).map((k) => (
              <span className="chip" key={k}>
                <input type="radio" id={`state-${k}`} name="state" checked={stateFilter === k && !overdue} onChange={() => update({ state: k, overdue: "" })} />
                <label htmlFor={`state-${k}`}>{t("registration.queue.chip", { label: t(STATE_LABEL[k]), count: v.counters[k] ?? 0 })}</label>
              </span>
            ))}
            <span className="chip chip-warn">
              <input type="radio" id="state-overdue" name="state" checked={!!overdue} onChange={() => update({ state: "", overdue: "true" })} />
              <label htmlFor="state-overdue">{t("registration.queue.overdueChip", { count: v.overdue })}</label>
            </span>
          </div>
        </fieldset>
        <fieldset className="chips-fieldset">
          <legend className="visually-hidden">{t("registration.queue.otherFilters")}</legend>
          <div className="chips">
            <span className="chip">
              <input type="checkbox" id="filter-needs-stipend" name="needsStipend" checked={!!needsStipend} onChange={(e) => update({ needsStipend: e.target.checked ? "true" : "" })} />
              <label htmlFor="filter-needs-stipend">{t("registration.queue.needsStipend")}</label>
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
            {t("registration.queue.search")}
          </label>
          <input id="queue-search" type="search" placeholder={t("registration.queue.placeholder")} value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />
          <button type="submit" className="button secondary">
            {t("common.search")}
          </button>
        </form>
      </div>
      <ActionResult result={result} />
      <div className="bulk-bar" role="group" aria-label={t("registration.queue.bulk")}>
        <span className="bulk-count" aria-live="polite">
          {t("registration.queue.selected", { count: selected.size })}
        </span>
        {(["invite", "waitlist", "decline"] as const).map((a) => (
          <button key={a} type="button" className={`button small ${a === "invite" ? "primary" : a === "decline" ? "danger-outline" : "secondary"}`} disabled={selected.size === 0} onClick={() => setDialog({ action: a, ids: [...selected] })}>
            {rich(`registration.queue.bulk.${a}`, { more: (chunks) => <span className="visually-hidden">{chunks}</span> })}
          </button>
        ))}
      </div>
      {v.requests.length === 0 ? (
        <p className="empty">{t("registration.queue.noMatch")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table queue-table">
            <caption className="visually-hidden">{t("registration.queue.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label={t("registration.queue.selectAll")} checked={allOnPage} onChange={() => setSelected(allOnPage ? new Set() : new Set(v.requests.map((r) => r.id)))} />
                </th>
                <th scope="col">{t("registration.queue.name")}</th>
                <th scope="col">{t("registration.queue.state")}</th>
                <th scope="col">{t("registration.queue.answerBy")}</th>
                <th scope="col">{t("registration.queue.workOn")}</th>
                <th scope="col">{t("registration.queue.stipend")}</th>
              </tr>
            </thead>
            <tbody>
              {v.requests.map((r) => (
                <tr key={r.id} className={r.overdue ? "row-overdue" : undefined}>
                  <td>
                    <input type="checkbox" aria-label={t("registration.queue.select", { name: r.name })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
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
                    {r.overdue ? <span className="overdue-flag">{t("registration.queue.overdue")}</span> : null}
                    {r.state === "invited" && r.confirmBy ? <span className="muted small">{t("registration.queue.confirmBy", { when: formatDeadline(r.confirmBy, zone) })}</span> : null}
                  </td>
                  <td>
                    <div className="clamp-cell">{r.workOn}</div>
                  </td>
                  <td>{r.needsStipend ? t("registration.queue.asked") : <span className="muted">{NONE}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("registration.queue.pages")} className="pager">
        <p>{t("registration.queue.range", { from: info.from, to: info.to, total: v.total, page: info.page, pages: info.pages })}</p>
        <div className="button-row">
          <button type="button" className="button small secondary" disabled={offset === 0} onClick={() => update({ offset: String(Math.max(0, offset - LIMIT)) })}>
            {t("registration.queue.previous")}
          </button>
          <button type="button" className="button small secondary" disabled={offset + LIMIT >= v.total} onClick={() => update({ offset: String(offset + LIMIT) })}>
            {t("registration.queue.next")}
          </button>
        </div>
      </nav>
      <section className="card paste-box" aria-labelledby="paste-title">
        <h2 id="paste-title">{t("registration.queue.byEmail")}</h2>
        <TextArea form="paste" name="emails" label={t("registration.queue.paste")} hint={t("registration.queue.pasteHint")} rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        <p className="muted small">{t("registration.queue.recognised", { count: splitEmails(pasted).length })}</p>
        <div className="button-row">
          {(["invite", "waitlist", "decline"] as const).map((a) => (
            <button key={a} type="button" className="button small secondary" disabled={splitEmails(pasted).length === 0} onClick={() => setDialog({ action: a, emails: pasted })}>
              {t(`registration.queue.addresses.${a}`)}
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
            // The first five skipped, with the server's reasons.
            const list = `${res.skipped.slice(0, 5).map((s) => t("registration.queue.skippedOne", { target: s.target, reason: s.reason })).join("; ")}${res.skipped.length > 5 ? "…" : ""}`;
            const done = t("registration.queue.result", { changed: res.changed, action: res.action, mails: res.mailsQueued });
            setResult({ tone: res.changed > 0 ? "success" : "error", text: res.skipped.length ? `${done} ${t("registration.queue.skipped", { count: res.skipped.length, list })}` : done });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** The decision dialog: an optional personal message and a preview of the mail before it is sent. */
function DecisionDialog({ api, action, count, onClose, onSend }: { api: string; action: Decision; count: number; onClose: () => void; onSend: (message: string) => Promise<void> }) {
  const { t } = useI18n();
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
    const timer = setTimeout(() => {
      fetchPreview(api, action, message, ctl.signal).then(setPreview, () => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [api, action, message]);
  const title = t("registration.decision.title", { action, count });
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
        <ErrorSummary form="decision" errors={errors} labels={{ message: t("registration.decision.message") }} />
        <TextArea form="decision" name="message" label={t("registration.decision.messageField")} hint={t("registration.decision.messageHint", { placeholder: "{{message}}" })} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} error={errors.fields.message} maxLength={5000} />
        <section aria-labelledby="preview-title" className="mail-preview">
          <h3 id="preview-title">{t("registration.decision.preview")}</h3>
          {preview ? (
            <>
              <p className="mail-preview-subject">
                <span className="muted">{t("registration.decision.subject")}</span> {preview.subject}
              </p>
              <pre className="mail-preview-text">{preview.text}</pre>
            </>
          ) : (
            <p className="muted">{t("registration.decision.loading")}</p>
          )}
          <p className="muted small">{t("registration.decision.sample")}</p>
        </section>
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel={t("registration.request.sending")}>
            {t("registration.decision.send", { count })}
          </SubmitButton>
          <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function fetchPreview(api: string, action: Decision, message: string, signal: AbortSignal): Promise<PreviewView> {
  void signal;
  // The preview is the mail in the page's language where the mails are written in it (English
  // and German; a French page previews the English); each person gets theirs in their own.
  return post<PreviewView>(`${api}/templates/${DECISION_TEMPLATE[action]}/preview`, { locale: pageLocale() === "de" ? "de" : "en", message });
}

/** One request: answers, dates, internal notes and single decisions. */
export function RegistrationRequestPage() {
  const { requestId = "" } = useParams();
  return <OrganiserShell titleId="registration.detail.title">{(e, p) => <RequestDetailView api={p.api} page={p.page} zone={e.timeZone} id={requestId} />}</OrganiserShell>;
}

function RequestDetailView({ api, page, zone, id }: { api: string; page: string; zone: string; id: string }) {
  const { t, rich } = useI18n();
  const [state, reload, setData] = useLoad((signal) => get<RequestDetail>(`${api}/requests/${id}`, signal), [api, id]);
  // The extra questions' wording, to show with the answers (their ids are stored).
  const [settings] = useLoad((signal) => get<Settings>(api, signal), [api]);
  const questionLabel = (key: string) => (settings.status === "ok" ? settings.data.questions.extra.find((q) => q.id === key)?.label : undefined) ?? key;
  const [note, setNote] = useState("");
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { busy, errors, run } = useSubmit(["body"]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.status.what")} />;
  const r = state.data;
  const history: [MessageId, string | null][] = [
    ["registration.detail.requested", r.requestedAt],
    ["registration.detail.promised", r.answerBy],
    ["registration.detail.deadline", r.confirmBy],
    ["registration.detail.checkedIn", r.checkedInAt],
  ];
  const actions: Decision[] = r.state === "requested" ? ["invite", "waitlist", "decline"] : r.state === "waitlisted" ? ["invite", "decline"] : r.state === "invited" || r.state === "confirmed" ? ["cancel"] : [];
  return (
    <div className="request-detail">
      <p>
        <Link to={`${page}/queue`}>{t("registration.detail.back")}</Link>
      </p>
      <div className="status-layout">
        <div className="stack">
          <section className="card" aria-labelledby="req-title">
            <h2 id="req-title">
              {r.name} <StateBadge state={r.state} />
            </h2>
            <Facts
              items={[
                [t("registration.detail.email"), r.email],
                [t("registration.detail.affiliation"), r.affiliation ?? NONE],
                [t("registration.detail.answerBy"), <>{formatDeadline(r.answerBy, zone)}{r.overdue ? <span className="overdue-flag">{t("registration.queue.overdue")}</span> : null}</>],
                ...(r.checkinCode ? ([[t("registration.detail.code"), <code>{r.checkinCode}</code>]] as [string, ReactNode][]) : []),
              ]}
            />
            <ActionResult result={result} />
            {actions.length ? (
              <div className="button-row">
                {actions.map((a) => (
                  <button key={a} type="button" className={`button ${a === "invite" ? "primary" : a === "decline" || a === "cancel" ? "danger-outline" : "secondary"}`} onClick={() => setDialog(a)}>
                    {t(`registration.decision.${a}`)}
                  </button>
                ))}
              </div>
            ) : null}
          </section>
          <section className="card" aria-labelledby="answers-title">
            <h2 id="answers-title">{t("registration.detail.answers")}</h2>
            <h3>{t("registration.detail.workOn")}</h3>
            <p className="pre-wrap">{r.answers.workOn}</p>
            {r.answers.needsStipend !== undefined ? <p>{t("registration.detail.needsStipend", { needs: r.answers.needsStipend ? "yes" : "no" })}</p> : null}
            {Object.entries(r.answers.extra).map(([k, v]) => (
              <div key={k}>
                <h3>{questionLabel(k)}</h3>
                <p className="pre-wrap">{v}</p>
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">{t("registration.detail.history")}</h2>
            <ol className="history">
              {history
                .filter(([, at]) => at)
                .sort(([, a], [, b]) => Date.parse(a!) - Date.parse(b!))
                .map(([label, at]) => (
                  <li key={label}>
                    <strong>{t(label)}</strong> <time dateTime={at!}>{formatDeadline(at!, zone)}</time>
                  </li>
                ))}
              <li>
                <strong>{t("registration.detail.now")}</strong> {t(STATE_LABEL[r.state])}
              </li>
            </ol>
          </section>
        </div>
        <section className="card internal-notes" aria-labelledby="notes-title">
          <h2 id="notes-title">{t("registration.internalNotes")}</h2>
          <p className="internal-label">{t("registration.internalOnly")}</p>
          {r.notesList.length === 0 ? <p className="muted">{t("registration.detail.noNotes")}</p> : null}
          <ol className="message-list">
            {r.notesList.map((n) => (
              <li key={n.id} className="message internal">
                <p className="message-meta">
                  {rich("registration.meta", { who: n.authorName ?? t("registration.detail.anOrganiser"), when: <time dateTime={n.createdAt}>{formatDeadline(n.createdAt, zone)}</time> })}
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
            <ErrorSummary form="note" errors={errors} labels={{ body: t("registration.detail.note") }} />
            <TextArea form="note" name="body" label={t("registration.detail.addNote")} rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={errors.fields.body} maxLength={10000} />
            <SubmitButton busy={busy} className="button secondary">
              {t("registration.detail.addNoteButton")}
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
            setResult(res.changed ? { tone: "success", text: t("registration.detail.done", { mails: res.mailsQueued }) } : { tone: "error", text: res.skipped.map((s) => s.reason).join(" ") || t("registration.detail.nothing") });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
