import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragOverEvent, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import { Link, useParams } from "react-router-dom";
import { findConflicts, isHard, type Grid } from "../../../server/features/schedule/rules.js";
import { sessionBody, type ConflictView, type DraftView, type EditorView, type ReleaseView, type SessionView } from "../../../server/features/schedule/schema.js";
import { formatDate, formatInstant } from "../../../shared/i18n/format.js";
import { ApiError, api, get, post } from "../../app/api.js";
import { ErrorSummary, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { cellId, changeText, conflictText, gridRows, P, parseCellId } from "./logic.js";

/**
 * The schedule editor: a grid of rooms × time cells for one day, sessions dragged onto it
 * (@dnd-kit, pointer or keyboard), or placed with a small form. The rules the server enforces
 * (rules.ts) run here too, so a drag shows its conflicts while it hovers; a drop the server
 * refuses is not saved and says why.
 */
const ROW_REM = 1.5;
const apiOf = (community: string, event: string) => `/communities/${community}/events/${event}`;

function toGrid(e: EditorView, override?: { id: string; roomId: string | null; start: number | null }): Grid {
  return {
    rooms: e.rooms.map((r) => ({ id: r.id, capacity: r.capacity })),
    days: e.days.map((d) => ({ date: d.date, start: Date.parse(d.start), end: Date.parse(d.end) })),
    blocks: e.blocks.map((b) => ({ id: b.id, roomId: b.roomId, kind: b.kind, start: Date.parse(b.startsAt), end: Date.parse(b.endsAt) })),
    speakers: e.speakers.map((s) => ({ id: s.id, availability: s.availability?.map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) })) ?? null })),
    sessions: e.sessions.map((s) => {
      const moved = override?.id === s.id ? override : null;
      return { id: s.id, roomId: moved ? moved.roomId : s.roomId, start: moved ? moved.start : s.startsAt ? Date.parse(s.startsAt) : null, durationMinutes: s.durationMinutes, speakerIds: s.speakerIds, expectedAudience: s.expectedAudience == null ? (s.favourites || null) : Math.max(s.expectedAudience, s.favourites) };
    }),
    coFavourites: e.coFavourites,
  };
}

export function EditorPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, reload] = useLoad((signal) => get<EditorView>(`${base}/schedule/editor`, signal), [base]);
  const [day, setDay] = useState<string | null>(null);
  const [live, setLive] = useState<ConflictView[]>([]);
  const [refused, setRefused] = useState<{ message: string; conflicts: ConflictView[] } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const cellSize = useRef({ w: 160, h: 24 });
  // Live updates: when another organiser saves a change, the server says so on this stream and the grid reloads.
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const stream = new EventSource(`/api/v1${base}/schedule/editor/events`);
    stream.onmessage = () => {
      reload();
      setNote(t("schedule.editor.changedElsewhere"));
    };
    return () => stream.close();
  }, [base, reload, t]);
  useTitle(state.status === "ok" ? t("schedule.editor.titleOf", { event: state.data.event.name }) : state.status === "error" ? null : t("schedule.editor.title"));

  const keyboard: KeyboardCoordinateGetter = (ev, { currentCoordinates: c }) => {
    const { w, h } = cellSize.current;
    switch (ev.code) {
      case "ArrowRight":
        return { ...c, x: c.x + w };
      case "ArrowLeft":
        return { ...c, x: c.x - w };
      case "ArrowDown":
        return { ...c, y: c.y + h };
      case "ArrowUp":
        return { ...c, y: c.y - h };
    }
    return undefined;
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: keyboard }));

  const e = state.status === "ok" ? state.data : null;
  const title = useMemo(() => new Map(e?.sessions.map((s) => [s.id, s.title]) ?? []), [e]);
  const speakerName = useMemo(() => new Map(e?.speakers.map((s) => [s.id, s.name]) ?? []), [e]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.page.what")} />;
  const ed = state.data;
  const zone = ed.event.timeZone;
  const names = { session: (id: string) => title.get(id) ?? "", speaker: (id: string) => speakerName.get(id) ?? "" };
  const current = ed.days.find((d) => d.date === day) ?? ed.days[0];
  const rows = current ? gridRows(current, ed.slotMinutes) : [];
  const time = (ms: number | string) => formatInstant(locale, typeof ms === "number" ? new Date(ms) : ms, zone, "time", { zone: false });
  const placeName = (id: string) => {
    const c = parseCellId(id);
    if (!c) return t("schedule.editor.unscheduled");
    return t("schedule.editor.dropHere", { room: ed.rooms.find((r) => r.id === c.roomId)?.name ?? "", time: time(c.start) });
  };

  const target = (overId: string | undefined) => {
    if (!overId) return null;
    if (overId === "unscheduled") return { roomId: null, start: null };
    const c = parseCellId(overId);
    return c ? { roomId: c.roomId, start: c.start } : null;
  };

  const save = async (id: string, roomId: string | null, start: number | null, pinned?: boolean) => {
    setRefused(null);
    setNote(null);
    try {
      await api("PUT", `${base}/schedule/sessions/${id}/place`, { roomId, startsAt: start === null ? null : new Date(start).toISOString(), ...(pinned !== undefined ? { pinned } : {}) });
      setNote(t("schedule.editor.saved"));
      reload();
    } catch (err) {
      if (err instanceof ApiError) setRefused({ message: err.message, conflicts: (err.details.conflicts as ConflictView[] | undefined) ?? [] });
      else throw err;
    }
  };

  const onOver = (ev: DragOverEvent) => {
    const to = target(ev.over?.id as string | undefined);
    if (!to) return setLive([]);
    setLive(findConflicts(toGrid(ed, { id: String(ev.active.id), ...to }), new Set([String(ev.active.id)])));
  };
  const onEnd = (ev: DragEndEvent) => {
    setLive([]);
    const to = target(ev.over?.id as string | undefined);
    if (!to) return;
    const s = ed.sessions.find((x) => x.id === ev.active.id);
    if (!s || (s.roomId === to.roomId && (s.startsAt ? Date.parse(s.startsAt) : null) === to.start)) return;
    void save(String(ev.active.id), to.roomId, to.start);
  };
  // The card's top-left corner (not the pointer) says where the session starts.
  const collide: CollisionDetection = ({ collisionRect, droppableRects, droppableContainers }) => {
    const x = collisionRect.left + 4;
    const y = collisionRect.top + 4;
    for (const c of droppableContainers) {
      const r = droppableRects.get(c.id);
      if (r && x >= r.left && x < r.right && y >= r.top && y < r.bottom) return [{ id: c.id }];
    }
    return [];
  };

  const unscheduled = ed.sessions.filter((s) => !s.roomId || !s.startsAt);
  const onDay = ed.sessions.filter((s) => s.roomId && s.startsAt && current && Date.parse(s.startsAt) >= Date.parse(current.start) && Date.parse(s.startsAt) < Date.parse(current.end));
  const hard = ed.conflicts.filter((c) => c.hard);
  const soft = ed.conflicts.filter((c) => !c.hard);
  const eventPage = `/communities/${community}/events/${event}`;
  return (
    <div className="wrap schedule-editor">
      <nav aria-label={t("schedule.page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={eventPage}>{ed.event.name}</Link>
          </li>
          <li aria-current="page">{t("schedule.editor.title")}</li>
        </ol>
      </nav>
      <PageHeader title={t("schedule.editor.title")} eyebrow={ed.event.name}>
        <p className="lede">{t("schedule.editor.lede")}</p>
        <p className="button-row">
          <Link className="button secondary" to={`${eventPage}/schedule/setup`}>
            {t("schedule.editor.setup")}
          </Link>
          {ed.lastRelease ? (
            <Link className="button secondary" to={`${eventPage}/schedule`}>
              {t("schedule.eventLinks.open")}
            </Link>
          ) : null}
          {ed.candidateSources ? <SyncButton base={base} onDone={reload} /> : null}
        </p>
      </PageHeader>
      <div role="status" aria-live="polite" className="editor-status">
        {note}
      </div>
      {refused ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t("schedule.editor.refused")}</strong> {refused.message}
          </p>
          <ul>
            {refused.conflicts.map((c, i) => (
              <li key={i}>{conflictText(c, t, names)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {!ed.rooms.length || !ed.days.length ? (
        <p className="empty">
          <Link to={`${eventPage}/schedule/setup`}>{t("schedule.editor.noRooms")}</Link>
        </p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collide}
          onDragOver={onOver}
          onDragEnd={onEnd}
          onDragCancel={() => setLive([])}
          accessibility={{
            screenReaderInstructions: { draggable: t("schedule.editor.keyboardHint") },
            announcements: {
              onDragStart: ({ active }) => t("schedule.editor.dnd.picked", { title: title.get(String(active.id)) ?? "" }),
              onDragOver: ({ active, over }) => (over ? t("schedule.editor.dnd.over", { title: title.get(String(active.id)) ?? "", place: placeName(String(over.id)) }) : undefined),
              onDragEnd: ({ active, over }) => (over ? t("schedule.editor.dnd.dropped", { title: title.get(String(active.id)) ?? "", place: placeName(String(over.id)) }) : undefined),
              onDragCancel: ({ active }) => t("schedule.editor.dnd.cancelled", { title: title.get(String(active.id)) ?? "" }),
            },
          }}
        >
          <div className="editor-layout">
            <section aria-labelledby="unscheduled-title" className="editor-side">
              <h2 id="unscheduled-title">{t("schedule.editor.unscheduled")}</h2>
              <Unscheduled>
                {unscheduled.length ? (
                  <ul className="editor-pool">
                    {unscheduled.map((s) => (
                      <li key={s.id}>
                        <Card s={s} names={names} onPin={save} onMove={setMoving} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("schedule.editor.noUnscheduled")}</p>
                )}
              </Unscheduled>
              <NewSession base={base} speakers={ed.speakers} onDone={reload} />
            </section>
            <section aria-labelledby="grid-title" className="editor-main">
              <h2 id="grid-title" className="visually-hidden">
                {current ? formatDate(locale, current.date, "weekday") : null}
              </h2>
              <label className="inline-field">
                {t("schedule.page.days")}{P.space}
                <select value={current?.date ?? ""} onChange={(x) => setDay(x.target.value)}>
                  {ed.days.map((d) => (
                    <option key={d.date} value={d.date}>
                      {formatDate(locale, d.date, "weekday")}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted small">{t("schedule.page.zone", { zone })}</p>
              <div role="status" aria-live="polite" className="live-warnings">
                {live.length ? (
                  <ul>
                    {live.map((c, i) => (
                      <li key={i} className={c.hard ? "hard" : "soft"}>
                        {conflictText(c, t, names)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <div className="editor-grid" style={{ gridTemplateColumns: `4.5rem repeat(${ed.rooms.length}, minmax(9rem, 1fr))`, gridTemplateRows: `auto repeat(${rows.length}, ${ROW_REM}rem)` }}>
                <div className="grid-corner" />
                {ed.rooms.map((r, i) => (
                  <div key={r.id} className="grid-room" style={{ gridColumn: i + 2, gridRow: 1 }}>
                    {r.name}
                    {r.capacity ? <span className="muted small">{P.open}{r.capacity}{P.close}</span> : null}
                  </div>
                ))}
                {rows.map((ms, k) => (
                  <div key={ms} className="grid-time" style={{ gridColumn: 1, gridRow: k + 2 }}>
                    {k % Math.max(1, Math.round(60 / ed.slotMinutes)) === 0 ? time(ms) : ""}
                  </div>
                ))}
                {ed.rooms.map((r, i) =>
                  rows.map((ms, k) => <Cell key={cellId(r.id, ms)} id={cellId(r.id, ms)} column={i + 2} row={k + 2} measure={k === 0 && i === 0 ? cellSize : undefined} />),
                )}
                {ed.blocks.map((b) =>
                  ed.rooms.map((r, i) => {
                    if (b.roomId && b.roomId !== r.id) return null;
                    const first = rows.findIndex((ms) => ms >= Date.parse(b.startsAt));
                    if (first < 0 || !current || Date.parse(b.startsAt) >= Date.parse(current.end)) return null;
                    const span = Math.max(1, Math.round((Date.parse(b.endsAt) - Date.parse(b.startsAt)) / (ed.slotMinutes * 60_000)));
                    return (
                      <div key={`${b.id}-${r.id}`} className={`grid-block grid-${b.kind}`} style={{ gridColumn: i + 2, gridRow: `${first + 2} / span ${span}` }}>
                        {b.title}
                      </div>
                    );
                  }),
                )}
                {onDay.map((s) => {
                  const col = ed.rooms.findIndex((r) => r.id === s.roomId);
                  const first = rows.findIndex((ms) => ms >= Date.parse(s.startsAt!));
                  if (col < 0 || first < 0) return null;
                  const span = Math.max(1, Math.round(s.durationMinutes / ed.slotMinutes));
                  return (
                    <div key={s.id} className="grid-session" style={{ gridColumn: col + 2, gridRow: `${first + 2} / span ${span}` }}>
                      <Card s={s} names={names} onPin={save} onMove={setMoving} conflicts={ed.conflicts.filter((c) => c.sessionIds.includes(s.id))} />
                    </div>
                  );
                })}
              </div>
            </section>
          </div>
        </DndContext>
      )}
      {moving ? <MoveForm ed={ed} id={moving} rows={ed.days.flatMap((d) => gridRows(d, ed.slotMinutes))} onCancel={() => setMoving(null)} onSave={(roomId, start) => (setMoving(null), void save(moving, roomId, start))} /> : null}

      <section aria-labelledby="conflicts-title" className="card">
        <h2 id="conflicts-title">{t("schedule.editor.conflicts")}</h2>
        {!ed.conflicts.length ? <p>{t("schedule.editor.noConflicts")}</p> : null}
        {hard.length ? (
          <>
            <h3>{t("schedule.editor.hard")}</h3>
            <ul className="conflicts hard">
              {hard.map((c, i) => (
                <li key={i}>
                  <strong>{c.sessionIds.map((id) => title.get(id)).join(P.slash)}</strong>{P.colon}{conflictText(c, t, names)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {soft.length ? (
          <>
            <h3>{t("schedule.editor.soft")}</h3>
            <ul className="conflicts soft">
              {soft.map((c, i) => (
                <li key={i}>
                  <strong>{title.get(c.sessionIds[0]!)}</strong>{P.colon}{conflictText(c, t, names)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <DraftPanel ed={ed} base={base} onApplied={reload} />
      <ReleasePanel ed={ed} base={base} onReleased={() => reload()} onRefused={(err) => setRefused(err)} />
    </div>
  );
}

function Unscheduled({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: "unscheduled" });
  return (
    <div ref={setNodeRef} className={`editor-pool-zone${isOver ? " over" : ""}`}>
      {children}
    </div>
  );
}

function Cell({ id, column, row, measure }: { id: string; column: number; row: number; measure?: { current: { w: number; h: number } } }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div
      ref={(el) => {
        setNodeRef(el);
        if (el && measure) {
          const r = el.getBoundingClientRect();
          if (r.width && r.height) measure.current = { w: r.width, h: r.height };
        }
      }}
      className={`grid-cell${isOver ? " over" : ""}`}
      style={{ gridColumn: column, gridRow: row }}
    />
  );
}

function Card({ s, names, onPin, onMove, conflicts = [] }: { s: SessionView; names: { speaker: (id: string) => string }; onPin: (id: string, roomId: string | null, start: number | null, pinned?: boolean) => Promise<void>; onMove: (id: string) => void; conflicts?: ConflictView[] }) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: s.id });
  const placed = !!(s.roomId && s.startsAt);
  const bad = conflicts.some((c) => isHard(c.kind));
  return (
    <div ref={setNodeRef} className={`session-card${isDragging ? " dragging" : ""}${bad ? " has-hard" : conflicts.length ? " has-soft" : ""}${s.pinned ? " pinned" : ""}`} style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 } : undefined}>
      <button type="button" className="session-handle" {...listeners} {...attributes} aria-label={t("schedule.editor.moveTo", { title: s.title })}>
        <span className="session-title">{s.title}</span>
        <span className="session-meta">
          {t("schedule.editor.minutes", { minutes: s.durationMinutes })}
          {s.speakerIds.length ? <>{P.dot}{s.speakerIds.map(names.speaker).join(P.comma)}</> : null}
          {s.favourites ? <>{P.dot}{t("schedule.editor.favourites", { count: s.favourites })}</> : null}
        </span>
      </button>
      <span className="session-actions">
        <button type="button" className="link-button" onClick={() => onMove(s.id)}>
          {t("schedule.editor.place")}
        </button>
        {placed ? (
          <button type="button" className="link-button" aria-pressed={s.pinned} onClick={() => void onPin(s.id, s.roomId, Date.parse(s.startsAt!), !s.pinned)}>
            {s.pinned ? t("schedule.editor.unpin") : t("schedule.editor.pin")}
          </button>
        ) : null}
      </span>
    </div>
  );
}

/** Placing without dragging: a room and a start from the grid's cells. */
function MoveForm({ ed, id, rows, onCancel, onSave }: { ed: EditorView; id: string; rows: number[]; onCancel: () => void; onSave: (roomId: string | null, start: number | null) => void }) {
  const { t, locale } = useI18n();
  const s = ed.sessions.find((x) => x.id === id)!;
  const [roomId, setRoomId] = useState(s.roomId ?? ed.rooms[0]?.id ?? "");
  const [start, setStart] = useState(String(s.startsAt ? Date.parse(s.startsAt) : (rows[0] ?? "")));
  return (
    <div className="card move-form" role="dialog" aria-labelledby="move-title">
      <h2 id="move-title">{t("schedule.editor.moveTo", { title: s.title })}</h2>
      <label className="inline-field">
        {t("schedule.editor.room")}{P.space}
        <select value={roomId} onChange={(x) => setRoomId(x.target.value)} autoFocus>
          {ed.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        {t("schedule.editor.start")}{P.space}
        <select value={start} onChange={(x) => setStart(x.target.value)}>
          {rows.map((ms) => (
            <option key={ms} value={String(ms)}>
              {formatInstant(locale, new Date(ms), ed.event.timeZone, "medium", { zone: false })}
            </option>
          ))}
        </select>
      </label>
      <p className="button-row">
        <button type="button" className="button primary" onClick={() => onSave(roomId, Number(start))}>
          {t("schedule.editor.place")}
        </button>
        {s.roomId ? (
          <button type="button" className="button secondary" onClick={() => onSave(null, null)}>
            {t("schedule.editor.unschedule")}
          </button>
        ) : null}
        <button type="button" className="button secondary" onClick={onCancel}>
          {t("schedule.editor.cancel")}
        </button>
      </p>
    </div>
  );
}

function SyncButton({ base, onDone }: { base: string; onDone: () => void }) {
  const { t } = useI18n();
  const [msg, setMsg] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          void post<{ added: number; updated: number }>(`${base}/schedule/candidates/sync`).then((r) => {
            setMsg(t("schedule.editor.synced", r));
            onDone();
          })
        }
      >
        {t("schedule.editor.syncCandidates")}
      </button>
      {msg ? <span role="status">{msg}</span> : null}
    </>
  );
}

function NewSession({ base, speakers, onDone }: { base: string; speakers: EditorView["speakers"]; onDone: () => void }) {
  const F = "new-session";
  const { t } = useI18n();
  const [v, setV] = useState({ title: "", durationMinutes: "45", track: "", speaker: "" });
  const { busy, errors, run } = useSubmit(["title", "durationMinutes", "track"]);
  const labels = { title: t("schedule.setup.blockTitle"), durationMinutes: t("schedule.editor.length"), track: t("schedule.session.track") };
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const body = check(sessionBody, { title: v.title, durationMinutes: Number(v.durationMinutes), track: v.track || null, speakerIds: v.speaker ? [v.speaker] : [] });
      await post(`${base}/schedule/sessions`, body);
      setV({ title: "", durationMinutes: "45", track: "", speaker: "" });
      onDone();
    });
  };
  return (
    <form className="card stack" aria-labelledby={`${F}-title`} onSubmit={onSubmit} noValidate>
      <h3 id={`${F}-title`}>{t("schedule.editor.newSession")}</h3>
      <ErrorSummary form={F} errors={errors} labels={labels} />
      <TextField form={F} name="title" label={labels.title} value={v.title} onChange={(x) => setV({ ...v, title: x.target.value })} error={errors.fields.title} required />
      <TextField form={F} name="durationMinutes" label={labels.durationMinutes} type="number" min={5} step={5} value={v.durationMinutes} onChange={(x) => setV({ ...v, durationMinutes: x.target.value })} error={errors.fields.durationMinutes} />
      <TextField form={F} name="track" label={labels.track} value={v.track} onChange={(x) => setV({ ...v, track: x.target.value })} error={errors.fields.track} />
      <label className="inline-field">
        {t("schedule.session.speakers")}{P.space}
        <select value={v.speaker} onChange={(x) => setV({ ...v, speaker: x.target.value })}>
          <option value="" />
          {speakers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton busy={busy}>{t("schedule.editor.newSession")}</SubmitButton>
    </form>
  );
}

function DraftPanel({ ed, base, onApplied }: { ed: EditorView; base: string; onApplied: () => void }) {
  const { t, locale } = useI18n();
  const [keep, setKeep] = useState(true);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const { busy, errors, run } = useSubmit([]);
  const title = (id: string) => ed.sessions.find((s) => s.id === id)?.title ?? "";
  const where = (p: { roomId: string; startsAt: string } | null) => (p ? `${ed.rooms.find((r) => r.id === p.roomId)?.name ?? ""}, ${formatInstant(locale, p.startsAt, ed.event.timeZone, "medium", { zone: false })}` : t("schedule.editor.offGrid"));
  return (
    <section aria-labelledby="draft-title" className="card stack">
      <h2 id="draft-title">{t("schedule.editor.draft")}</h2>
      <p>{t("schedule.editor.draftLede")}</p>
      {errors.summary ? (
        <p className="notice notice-error" role="alert">
          {errors.summary}
        </p>
      ) : null}
      <label className="inline-field">
        <input type="checkbox" checked={keep} onChange={(x) => setKeep(x.target.checked)} /> {t("schedule.editor.keepPlaced")}
      </label>
      <p className="button-row">
        <button type="button" className="button secondary" disabled={busy} aria-busy={busy || undefined} onClick={() => void run(async () => setDraft(await post<DraftView>(`${base}/schedule/draft`, { keepPlaced: keep })))}>
          {busy ? t("schedule.editor.drafting") : t("schedule.editor.makeDraft")}
        </button>
      </p>
      {draft ? (
        <div role="status">
          <p>{t("schedule.editor.draftResult", { cost: draft.cost, bound: draft.lowerBound ?? "—", seconds: draft.seconds.toFixed(1), moves: draft.moves.length, unplaced: draft.unplaced.length })}</p>
          <ul className="draft-moves">
            {draft.moves.map((m) => (
              <li key={m.sessionId}>{t("schedule.editor.draftMove", { title: title(m.sessionId), from: where(m.from), to: where(m.to) })}</li>
            ))}
            {draft.unplaced.map((u) => (
              <li key={u.sessionId}>
                {title(u.sessionId)}{P.colon}{u.reason}
              </li>
            ))}
          </ul>
          <p className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={() =>
                void run(async () => {
                  await post(`${base}/schedule/draft/apply`, { baseRevision: draft.baseRevision, placements: draft.placements });
                  setDraft(null);
                  onApplied();
                })
              }
            >
              {t("schedule.editor.applyDraft")}
            </button>
            <button type="button" className="button secondary" onClick={() => setDraft(null)}>
              {t("schedule.editor.discardDraft")}
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function ReleasePanel({ ed, base, onReleased, onRefused }: { ed: EditorView; base: string; onReleased: () => void; onRefused: (r: { message: string; conflicts: ConflictView[] }) => void }) {
  const F = "release";
  const { t, locale } = useI18n();
  const [note, setNote] = useState("");
  const [done, setDone] = useState<number | null>(null);
  const { busy, errors, run } = useSubmit(["note"]);
  const next = (ed.lastRelease?.number ?? 0) + 1;
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      try {
        const r = await post<ReleaseView>(`${base}/schedule/releases`, { note });
        setDone(r.number);
        setNote("");
        onReleased();
      } catch (err) {
        if (err instanceof ApiError && Array.isArray(err.details.conflicts)) onRefused({ message: err.message, conflicts: err.details.conflicts as ConflictView[] });
        throw err;
      }
    });
  };
  return (
    <form className="card stack" aria-labelledby={`${F}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${F}-title`}>{t("schedule.editor.release")}</h2>
      <p>{t("schedule.editor.releaseLede")}</p>
      <p className="muted">{ed.lastRelease ? t("schedule.editor.lastRelease", { version: ed.lastRelease.number, when: formatInstant(locale, ed.lastRelease.releasedAt, ed.event.timeZone, "medium") }) : t("schedule.editor.neverReleased")}</p>
      {done ? <p role="status" className="notice notice-success">{t("schedule.editor.released", { version: done })}</p> : null}
      <ErrorSummary form={F} errors={errors} labels={{ note: t("schedule.editor.releaseNote") }} />
      {ed.lastRelease ? (
        <>
          <h3>{t("schedule.editor.pending")}</h3>
          {ed.pending.length ? (
            <ul className="change-list">
              {ed.pending.map((c) => (
                <li key={`${c.kind}-${c.sessionId}`}>{changeText(c, ed.event.timeZone, locale, t)}</li>
              ))}
            </ul>
          ) : (
            <p>{t("schedule.editor.nothingPending")}</p>
          )}
        </>
      ) : null}
      <TextField form={F} name="note" label={t("schedule.editor.releaseNote")} value={note} onChange={(x) => setNote(x.target.value)} error={errors.fields.note} />
      <SubmitButton busy={busy} busyLabel={t("schedule.editor.releasing")}>
        {t("schedule.editor.releaseButton", { version: next })}
      </SubmitButton>
    </form>
  );
}

