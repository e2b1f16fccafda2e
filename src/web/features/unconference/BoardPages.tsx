import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { topicBody, updateTopicBody, type AgendaView, type BoardView, type TopicView } from "../../../server/features/unconference/schema.js";
import { formatInstant } from "../../../shared/i18n/format.js";
import { api, get, post } from "../../app/api.js";
import { CheckboxField, ErrorSummary, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { GridHead } from "./GridHead.js";
import { apiOf, nowAndNext, pageOf, useLiveBoard } from "./logic.js";

/**
 * The hackathon's board for everyone (a phone first: add a topic with a title, mark interest
 * with one tap), the projector view, and a person's agenda. Published changes arrive over the
 * live stream and the page reloads what it shows.
 */
export function BoardPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, reload, set] = useLoad((signal) => get<BoardView>(base, signal), [base]);
  useLiveBoard(base, state.status === "ok" ? state.data.version : null, reload);
  useTitle(state.status === "ok" ? t("unconference.page.titleOf", { event: state.data.event.name }) : t("unconference.page.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("unconference.page.what")} />;
  const b = state.data;
  const page = pageOf(community, event);
  const replace = (topic: TopicView) => set({ ...b, topics: b.topics.some((x) => x.id === topic.id) ? b.topics.map((x) => (x.id === topic.id ? topic : x)) : [...b.topics, topic] });
  const open = b.topics.filter((x) => x.state === "open");
  return (
    <div className="wrap unconference-board">
      <PageHeader title={t("unconference.page.title")} eyebrow={b.event.name}>
        <nav className="button-row">
          <Link to={`${page}/agenda`}>{t("unconference.page.agenda")}</Link>
          <Link to={`${page}/projector`}>{t("unconference.page.projector")}</Link>
          <Link to={`${page}/evening`}>{t("unconference.page.evening")}</Link>
          {b.can.organise ? <Link to={`${page}/plenary`}>{t("unconference.page.plenary")}</Link> : null}
          {b.can.organise ? <Link to={`${page}/structure`}>{t("unconference.page.structure")}</Link> : null}
        </nav>
      </PageHeader>
      <p className="muted small">{b.version ? t("unconference.page.version", { version: b.version, at: formatInstant(locale, b.publishedAt!, b.event.timeZone, "medium") }) : t("unconference.page.notPublished")}</p>
      {b.can.propose ? <AddTopic base={base} onAdded={replace} /> : null}
      <section aria-labelledby="topics-title" className="stack">
        <h2 id="topics-title">{t("unconference.page.topics", { count: open.length })}</h2>
        <ul className="topic-list">
          {open.map((x) => (
            <TopicCard key={x.id} topic={x} board={b} base={base} canMark={b.can.propose} onChange={replace} />
          ))}
        </ul>
      </section>
      <PublishedGrid b={b} />
    </div>
  );
}

function AddTopic({ base, onAdded }: { base: string; onAdded: (t: TopicView) => void }) {
  const F = "add-topic";
  const { t } = useI18n();
  const [title, setTitle] = useState("");
  const { busy, errors, run } = useSubmit(["title"]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onAdded(await post<TopicView>(`${base}/topics`, check(topicBody, { title })));
      setTitle("");
    });
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label={t("unconference.page.addTopic")}>
      <ErrorSummary form={F} errors={errors} labels={{ title: t("unconference.page.topicTitle") }} />
      <TextField form={F} name="title" label={t("unconference.page.topicTitle")} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} required />
      <SubmitButton busy={busy}>{t("unconference.page.addTopic")}</SubmitButton>
    </form>
  );
}

function placeText(b: BoardView, p: { areaId: string; slotId: string } | null, locale: Parameters<typeof formatInstant>[0], t: ReturnType<typeof useI18n>["t"]): string {
  if (!p) return t("unconference.page.notPlaced");
  const slot = b.slots.find((s) => s.id === p.slotId);
  const area = b.areas.find((a) => a.id === p.areaId);
  return t("unconference.page.place", { area: area?.label ?? "", time: slot ? formatInstant(locale, slot.start, b.event.timeZone, "medium", { zone: false }) : "" });
}

function TopicCard({ topic, board, base, canMark, onChange }: { topic: TopicView; board: BoardView; base: string; canMark: boolean; onChange: (t: TopicView) => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const mark = (method: "PUT" | "DELETE", body?: object) => {
    setBusy(true);
    void api<TopicView>(method, `${base}/topics/${topic.id}/interest`, body)
      .then(onChange)
      .finally(() => setBusy(false));
  };
  return (
    <li className="card topic-card">
      <h3>{topic.title}</h3>
      <p className="muted small">{t("unconference.page.ledBy", { names: topic.leaders.map((l) => l.name).join(", ") })}</p>
      <p>{placeText(board, topic.published, locale, t)}</p>
      <p className="small">{t("unconference.page.interest", { count: topic.interest })}</p>
      {canMark ? (
        <div className="button-row">
          <button type="button" className={`button ${topic.mine.interested ? "secondary" : "primary"}`} disabled={busy} aria-pressed={topic.mine.interested} onClick={() => mark(topic.mine.interested ? "DELETE" : "PUT", topic.mine.interested ? undefined : {})}>
            {topic.mine.interested ? t("unconference.page.interested") : t("unconference.page.markInterest")}
          </button>
          <button type="button" className="link-button" disabled={busy} aria-pressed={topic.mine.mustAttend} onClick={() => mark("PUT", { mustAttend: !topic.mine.mustAttend })}>
            {topic.mine.mustAttend ? t("unconference.page.mustAttendOn") : t("unconference.page.mustAttend")}
          </button>
        </div>
      ) : null}
      {topic.descriptionHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: topic.descriptionHtml }} /> : null}
      {topic.mine.leader ? <LeaderNotes topic={topic} board={board} base={base} onChange={onChange} /> : null}
    </li>
  );
}

/** What a topic's leaders write: its description before, its summary and outcomes for the evening plenary. */
function LeaderNotes({ topic, board, base, onChange }: { topic: TopicView; board: BoardView; base: string; onChange: (t: TopicView) => void }) {
  const F = `notes-${topic.number}`;
  const { t } = useI18n();
  const { locale } = useI18n();
  const [v, setV] = useState({ description: topic.description, summary: topic.summary, outcomes: topic.outcomes });
  const [length, setLength] = useState(String(topic.length));
  const [needs, setNeeds] = useState(topic.needs.join(", "));
  const [away, setAway] = useState(new Set(topic.unavailable));
  const { busy, errors, run } = useSubmit(["description", "summary", "outcomes", "length", "needs", "unavailable"]);
  const labels = { description: t("unconference.page.description"), summary: t("unconference.page.summary"), outcomes: t("unconference.page.outcomes"), length: t("unconference.page.length"), needs: t("unconference.page.needs"), unavailable: t("unconference.page.unavailable") };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, length: Number(length), needs: needs.split(",").map((x) => x.trim()).filter(Boolean), unavailable: [...away] };
    void run(async () => onChange(await api<TopicView>("PATCH", `${base}/topics/${topic.id}`, check(updateTopicBody, body))));
  };
  return (
    <details>
      <summary>{t("unconference.page.edit")}</summary>
      <form className="stack" onSubmit={save} noValidate aria-label={t("unconference.page.edit")}>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        {(["description", "summary", "outcomes"] as const).map((k) => (
          <TextArea key={k} form={F} name={k} label={labels[k]} hint={t("unconference.page.markdown")} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} error={errors.fields[k]} />
        ))}
        <TextField form={F} name="length" label={labels.length} type="number" min={1} max={12} value={length} onChange={(e) => setLength(e.target.value)} error={errors.fields.length} />
        <TextField form={F} name="needs" label={labels.needs} value={needs} onChange={(e) => setNeeds(e.target.value)} error={errors.fields.needs} />
        <fieldset>
          <legend>{labels.unavailable}</legend>
          {board.slots
            .filter((x) => !x.blocked)
            .map((x) => (
              <CheckboxField key={x.id} form={F} name={`away-${x.id}`} label={formatInstant(locale, x.start, board.event.timeZone, "medium", { zone: false })} checked={away.has(x.id)} onChange={(e) => setAway(new Set(e.target.checked ? [...away, x.id] : [...away].filter((id) => id !== x.id)))} />
            ))}
        </fieldset>
        <SubmitButton busy={busy}>{t("unconference.page.save")}</SubmitButton>
      </form>
    </details>
  );
}

/** The published timetable: for each day a table of work areas × slots. */
function PublishedGrid({ b, highlight }: { b: BoardView; highlight?: { current: string | null; next: string | null } }) {
  const { t } = useI18n();
  if (!b.version) return null;
  const mark = (slotId: string) => (highlight?.current === slotId ? "slot-now" : highlight?.next === slotId ? "slot-next" : undefined);
  return (
    <section aria-labelledby="grid-title" className="stack">
      <h2 id="grid-title">{t("unconference.page.timetable")}</h2>
      {b.days.map((d) => {
        const slots = b.slots.filter((s) => s.date === d.date && !s.blocked);
        return (
          <div key={d.date} className="table-scroll">
            <table className="unconference-grid">
              <GridHead date={d.date} slots={slots} timeZone={b.event.timeZone} classOf={mark} />
              <tbody>
                {b.areas.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.label}</th>
                    {slots.map((s) => (
                      <td key={s.id} className={mark(s.id)}>
                        {b.topics
                          .filter((x) => x.published?.areaId === a.id && x.published.slotId === s.id)
                          .map((x) => x.title)
                          .join(", ")}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <p className="muted small">{t("unconference.page.zone", { zone: b.event.timeZone })}</p>
    </section>
  );
}

/** Large type for the room's screen: the current and next slot marked, moving on with the clock, updated live. */
export function ProjectorPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, reload] = useLoad((signal) => get<BoardView>(base, signal), [base]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useLiveBoard(base, state.status === "ok" ? state.data.version : null, reload);
  useTitle(t("unconference.page.projector"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("unconference.page.what")} />;
  const b = state.data;
  const phone = `${window.location.origin}${pageOf(community, event)}`;
  return (
    <div className="unconference-projector">
      <h1>{b.event.name}</h1>
      <p className="projector-clock">{formatInstant(locale, new Date(now), b.event.timeZone, "time", { zone: false })}</p>
      <PublishedGrid b={b} highlight={nowAndNext(b, now)} />
      <p className="projector-phone">{t("unconference.page.phoneAt", { url: phone })}</p>
      <p className="muted small">{t("unconference.page.noQr")}</p>
    </div>
  );
}

/** A person's topics as placed, the clashes among them, and the calendar to subscribe to. */
export function AgendaPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, reload] = useLoad((signal) => Promise.all([get<AgendaView>(`${base}/agenda`, signal), get<BoardView>(base, signal)]), [base]);
  useLiveBoard(base, state.status === "ok" ? state.data[0].version : null, reload);
  useTitle(t("unconference.page.agenda"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("unconference.page.what")} />;
  const [a, b] = state.data;
  const time = (iso: string) => formatInstant(locale, iso, b.event.timeZone, "medium", { zone: false });
  const title = (id: string) => a.items.find((i) => i.topicId === id)?.title ?? "";
  return (
    <div className="wrap unconference-agenda">
      <PageHeader title={t("unconference.page.agenda")} eyebrow={b.event.name} />
      {a.clashes.length ? (
        <ul className="callout warning">
          {a.clashes.map((c) => (
            <li key={c.topicIds.join()}>{t("unconference.page.clash", { a: title(c.topicIds[0]), b: title(c.topicIds[1]), time: time(c.start) })}</li>
          ))}
        </ul>
      ) : null}
      <ol className="stack">
        {a.items.map((i) => (
          <li key={i.topicId} className="card">
            <strong>{i.title}</strong>
            <p>{t("unconference.page.agendaItem", { area: i.area, start: time(i.start) })}</p>
          </li>
        ))}
      </ol>
      {a.unplaced.length ? <p className="muted">{t("unconference.page.agendaUnplaced", { count: a.unplaced.length })}</p> : null}
      <p>
        <a href={a.calendarUrl}>{t("unconference.page.calendar")}</a>
      </p>
    </div>
  );
}
