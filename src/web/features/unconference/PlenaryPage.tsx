import { useMemo, useRef, useState, type ReactNode } from "react";
import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent, type DragOverEvent } from "@dnd-kit/core";
import { Link, useParams } from "react-router-dom";
import { placementProblems, spanOf, type Place } from "../../../server/features/unconference/rules.js";
import type { PlaceResult, PlanView, PlenaryView, ProblemView, VersionView } from "../../../server/features/unconference/schema.js";
import { formatInstant } from "../../../shared/i18n/format.js";
import { ApiError, api, del, get, post } from "../../app/api.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { GridHead } from "./GridHead.js";
import { apiOf, boardOf, cellId, diffText, pageOf, parseCellId, problemText } from "./logic.js";

/**
 * The morning plenary for organisers: the working board as a grid of work areas × slots,
 * topics dragged between cells (@dnd-kit, pointer or keyboard: space picks up, arrows move,
 * space drops) with the rules' warnings while they hover, pins, the planner run in a worker
 * with its progress, a cancel and a preview (diff, cost, lower bound), and publishing.
 */
export function PlenaryPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, reload] = useLoad((signal) => get<PlenaryView>(`${base}/plenary`, signal), [base]);
  const [hover, setHover] = useState<ProblemView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  useTitle(t("unconference.page.plenary"));
  const working = useMemo(() => new Map(state.status === "ok" ? state.data.working.flatMap((w) => (w.areaId && w.slotId ? [[w.topicId, { areaId: w.areaId, slotId: w.slotId }] as const] : [])) : []), [state]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("unconference.page.what")} />;
  const v = state.data;
  const board = boardOf(v);
  const title = (id: string) => v.topics.find((x) => x.id === id)?.title ?? "";
  const where = (p: { areaId: string; slotId: string } | null) => {
    if (!p) return t("unconference.page.notPlaced");
    const s = v.slots.find((x) => x.id === p.slotId);
    return t("unconference.page.place", { area: v.areas.find((a) => a.id === p.areaId)?.label ?? "", time: s ? formatInstant(locale, s.start, v.event.timeZone, "medium", { zone: false }) : "" });
  };
  const fail = (err: unknown) => setMessage(err instanceof ApiError ? err.message : t("unconference.page.failed"));

  const move = (topicId: string, place: Place | null, pinned?: boolean) =>
    api<PlaceResult>("PUT", `${base}/topics/${topicId}/place`, { areaId: place?.areaId ?? null, slotId: place?.slotId ?? null, ...(pinned === undefined ? {} : { pinned }) }).then((r) => {
      setMessage(r.problems.length ? r.problems.map((p) => problemText(p, t)).join(" ") : t("unconference.page.moved", { title: title(topicId) }));
      reload();
    }, fail);
  const onOver = (e: DragOverEvent) => {
    const place = e.over ? parseCellId(String(e.over.id)) : null;
    setHover(place ? placementProblems(board, working, String(e.active.id), place) : []);
  };
  const onEnd = (e: DragEndEvent) => {
    setHover([]);
    if (!e.over) return;
    const place = parseCellId(String(e.over.id));
    void move(String(e.active.id), place);
  };

  const poll = (p: PlanView) => {
    setPlan(p);
    if (p.state === "running") polling.current = setTimeout(() => void get<PlanView>(`${base}/plans/${p.id}`).then(poll, fail), 300);
  };
  const runPlanner = () => void post<PlanView>(`${base}/plans`, { timeLimitSeconds: 3 }).then(poll, fail);
  const cancel = () => {
    if (polling.current) clearTimeout(polling.current);
    if (plan) void del<PlanView>(`${base}/plans/${plan.id}`).then(setPlan, fail);
  };
  const apply = () => {
    const p = plan?.preview;
    if (p) void post<PlaceResult>(`${base}/plans/apply`, { baseRevision: p.baseRevision, placements: p.placements }).then(() => (setPlan(null), reload()), fail);
  };
  const publish = () => void post<VersionView>(`${base}/versions`, { baseVersion: v.version }).then((r) => (setMessage(t("unconference.page.published", { version: r.number })), reload()), fail);
  const unplaced = v.working.filter((w) => !w.areaId);
  // Cells a longer topic runs on into: taken, though the topic is drawn in its first cell.
  const covered = new Set(
    [...working].flatMap(([id, p]) => {
      const span = spanOf(board, p.slotId, board.topics.find((x) => x.id === id)?.length ?? 1);
      return typeof span === "string" ? [] : span.slice(1).map((x) => cellId(p.areaId, x.id));
    }),
  );

  return (
    <div className="wrap unconference-plenary">
      <nav aria-label={t("unconference.page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={pageOf(community, event)}>{t("unconference.page.title")}</Link>
          </li>
          <li aria-current="page">{t("unconference.page.plenary")}</li>
        </ol>
      </nav>
      <PageHeader title={t("unconference.page.plenary")} eyebrow={v.event.name} />
      <div className="button-row">
        <button type="button" className="button" onClick={runPlanner} disabled={plan?.state === "running"}>
          {t("unconference.page.runPlanner")}
        </button>
        {plan?.state === "running" ? (
          <>
            <progress max={1} value={plan.fraction} aria-label={t("unconference.page.progress")} />
            <button type="button" className="link-button" onClick={cancel}>
              {t("unconference.page.cancel")}
            </button>
          </>
        ) : null}
        <button type="button" className="button primary" onClick={publish}>
          {t("unconference.page.publish", { version: v.version + 1 })}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {message}
        {plan && plan.state !== "running" && plan.state !== "done" ? t(`unconference.page.plan.${plan.state}`) : null}
      </p>
      <p className="small">{t("unconference.page.cost", { total: v.cost.total, clashes: v.cost.clashes, overflow: v.cost.overflow, unplaced: v.cost.unplaced, moves: v.cost.moves })}</p>
      {plan?.preview ? (
        <section className="card stack" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("unconference.page.preview")}</h2>
          <p>{t("unconference.page.previewCost", { cost: plan.preview.cost, bound: plan.preview.lowerBound ?? 0, clashes: plan.preview.breakdown.clashes, overflow: plan.preview.breakdown.overflow, unplaced: plan.preview.breakdown.unplaced, moves: plan.preview.breakdown.moves })}</p>
          <ul>
            {plan.preview.diff
              .filter((d) => d.kind !== "kept")
              .map((d) => (
                <li key={d.topicId}>{diffText(d, t, where)}</li>
              ))}
          </ul>
          <button type="button" className="button primary" onClick={apply}>
            {t("unconference.page.apply")}
          </button>
        </section>
      ) : null}
      {hover.length ? (
        <ul className="callout warning" aria-live="polite">
          {hover.map((p, i) => (
            <li key={i}>{problemText(p, t)}</li>
          ))}
        </ul>
      ) : null}
      <DndContext sensors={sensors} onDragOver={onOver} onDragEnd={onEnd} onDragCancel={() => setHover([])}>
        <section aria-labelledby="unplaced-title" className="card">
          <h2 id="unplaced-title">{t("unconference.page.unplaced", { count: unplaced.length })}</h2>
          <div className="chip-row">
            {unplaced.map((w) => (
              <Chip key={w.topicId} id={w.topicId} title={title(w.topicId)} pinned={false} />
            ))}
          </div>
        </section>
        {v.days.map((d) => {
          const slots = v.slots.filter((s) => s.date === d.date);
          return (
            <div key={d.date} className="table-scroll">
              <table className="unconference-grid">
                <GridHead date={d.date} slots={slots} timeZone={v.event.timeZone} />
                <tbody>
                  {v.areas.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.label}</th>
                      {slots.map((s) =>
                        s.blocked || covered.has(cellId(a.id, s.id)) ? (
                          <td key={s.id} className={s.blocked ? "cell-blocked" : "cell-covered"} />
                        ) : (
                          <Cell key={s.id} id={cellId(a.id, s.id)}>
                            {v.working
                              .filter((w) => w.areaId === a.id && w.slotId === s.id)
                              .map((w) => (
                                <span key={w.topicId} className="chip-with-pin">
                                  <Chip id={w.topicId} title={title(w.topicId)} pinned={w.pinned} />
                                  <button type="button" className="link-button small" aria-pressed={w.pinned} onClick={() => void move(w.topicId, { areaId: a.id, slotId: s.id }, !w.pinned)}>
                                    {w.pinned ? t("unconference.page.unpin") : t("unconference.page.pin")}
                                  </button>
                                </span>
                              ))}
                          </Cell>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </DndContext>
    </div>
  );
}

function Cell({ id, children }: { id: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <td ref={setNodeRef} className={isOver ? "cell-over" : undefined}>
      {children}
    </td>
  );
}

function Chip({ id, title, pinned }: { id: string; title: string; pinned: boolean }) {
  const { attributes, listeners, setNodeRef, transform } = useDraggable({ id });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <button type="button" ref={setNodeRef} className={`topic-chip ${pinned ? "pinned" : ""}`} style={style} {...listeners} {...attributes}>
      {title}
    </button>
  );
}
