import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { runInWorker } from "../../../solvers/worker.js";
import type { TimetableInstance, TimetableResult } from "../../../solvers/timetable/index.js";
import type { EventTarget } from "../events/index.js";
import { withPlacements } from "./editor.js";
import { findConflicts, newHardConflicts } from "./rules.js";
import type { ApplyDraftBody, ApplyResult, DraftBody, DraftView } from "./schema.js";
import { bumpRevision, coFavourites, expectedAudience, loadState, toGrid, type ScheduleState } from "./state.js";
import { scheduleFavourites, scheduleSessions } from "./tables.js";

/**
 * The automatic draft: the schedule mapped onto the timetable solver's instance
 * (shared/formats/solver-io.md), solved in a worker thread, and mapped back as placements
 * and a diff for the organiser to preview; nothing is saved until the draft is applied.
 *
 * - Slots are the grid's cells (`slotMinutes`) within each day's hours. A break or block in
 *   every room cuts the day into runs, and each run is a solver "day", so a session never
 *   spans a break. A session takes as many consecutive cells as its length needs.
 * - Areas are the rooms, with their capacity (none: unlimited).
 * - A block in one room is a pinned placeholder topic there; a pinned session is a pinned topic.
 * - Leaders are the speakers: the solver never puts one in two places. A cell that is not
 *   inside a speaker's availability is `unavailable` for their sessions.
 * - Interest: each signed-in attendee's favourites (clashes between them cost), plus one entry
 *   per session standing for the expected audience beyond the favourites (`people`, the
 *   source's estimate from reviewers' scores, or the organiser's), so a room's capacity is
 *   weighed against them.
 * - The current placements are `previous`: a re-plan moves as little as it needs to.
 */
const MINUTE = 60_000;
const UNLIMITED = 1_000_000;

interface Cell {
  id: string;
  start: number;
  end: number;
  run: string;
}

export interface Mapped {
  instance: TimetableInstance;
  cells: Map<string, Cell>;
}

function cellsOf(s: ScheduleState): Cell[] {
  const step = s.settings.slotMinutes * MINUTE;
  const everywhere = s.blocks.filter((b) => b.roomId === null).map((b) => [b.startsAt.getTime(), b.endsAt.getTime()] as const);
  const cells: Cell[] = [];
  for (const d of s.days) {
    let run = 0;
    let open = false;
    for (let t = d.start.getTime(); t + step <= d.end.getTime(); t += step) {
      const blocked = everywhere.some(([a, b]) => t < b && a < t + step);
      if (blocked) {
        if (open) run++;
        open = false;
        continue;
      }
      open = true;
      cells.push({ id: `c${t}`, start: t, end: t + step, run: `${d.date}#${run}` });
    }
  }
  return cells;
}

export function toInstance(s: ScheduleState, favourites: readonly { userId: string; sessionId: string }[], opts: { keepPlaced: boolean }): Mapped {
  const cells = cellsOf(s);
  const step = s.settings.slotMinutes * MINUTE;
  const cellAt = (t: number) => cells.find((c) => c.start <= t && t < c.end);
  const lengthOf = (minutes: number) => Math.max(1, Math.ceil((minutes * MINUTE) / step));
  const topics: TimetableInstance["topics"] = [];
  const previous: TimetableInstance["previous"] = [];

  // A span of consecutive cells of one run, from the cell holding `start` on: the place a pin keeps.
  const span = (start: number, end: number) => {
    const first = cellAt(start);
    if (!first) return null;
    const i = cells.indexOf(first);
    let n = 1;
    while (cells[i + n] && cells[i + n]!.run === first.run && cells[i + n]!.start < end) n++;
    return { slot: first.id, length: n };
  };

  for (const b of s.blocks) {
    if (b.roomId === null) continue;
    for (const run of new Set(cells.filter((c) => c.start < b.endsAt.getTime() && b.startsAt.getTime() < c.end).map((c) => c.run))) {
      const inRun = cells.filter((c) => c.run === run && c.start < b.endsAt.getTime() && b.startsAt.getTime() < c.end);
      topics.push({ id: `block:${b.id}:${run}`, leaders: [], length: inRun.length, needs: [], unavailable: [], pinned: { area: b.roomId, slot: inRun[0]!.id } });
    }
  }

  const speakers = new Map(s.speakers.map((sp) => [sp.id, sp.availability?.map((w) => [Date.parse(w.start), Date.parse(w.end)] as const) ?? null]));
  for (const x of s.sessions) {
    const placed = x.roomId && x.startsAt;
    if (x.pinned && placed) {
      const pin = span(x.startsAt!.getTime(), x.startsAt!.getTime() + x.durationMinutes * MINUTE);
      // A pinned session off the grid (outside the days, in a break) stays where it is and is left out.
      if (pin) topics.push({ id: x.id, leaders: x.speakerIds, length: pin.length, needs: [], unavailable: [], pinned: { area: x.roomId!, slot: pin.slot } });
      continue;
    }
    const unavailable = cells
      .filter((c) =>
        x.speakerIds.some((id) => {
          const av = speakers.get(id);
          return av && !av.some(([a, b]) => a <= c.start && c.end <= b);
        }),
      )
      .map((c) => c.id);
    topics.push({ id: x.id, leaders: x.speakerIds, length: lengthOf(x.durationMinutes), needs: [], unavailable });
    if (opts.keepPlaced && placed) {
      const c = cellAt(x.startsAt!.getTime());
      if (c) previous.push({ topic: x.id, area: x.roomId!, slot: c.id });
    }
  }

  const inInstance = new Set(topics.map((t) => t.id));
  const people = new Map<string, string[]>();
  for (const f of favourites) if (inInstance.has(f.sessionId)) (people.get(f.userId) ?? people.set(f.userId, []).get(f.userId)!).push(f.sessionId);
  const interest: TimetableInstance["interest"] = [...people].map(([person, list]) => ({ person: `u:${person}`, topics: list }));
  // One entry per session standing for all of them (`people`): at 1,000 sessions one entry per person made 150,000.
  for (const x of s.sessions) {
    if (!inInstance.has(x.id)) continue;
    const extra = (expectedAudience(x) ?? 0) - x.favourites;
    if (extra > 0) interest.push({ person: `a:${x.id}`, topics: [x.id], people: extra });
  }
  return {
    instance: {
      slots: cells.map((c) => ({ id: c.id, day: c.run })),
      areas: s.rooms.map((r) => ({ id: r.id, capacity: r.capacity ?? UNLIMITED, features: [] })),
      topics,
      interest,
      previous,
      moveCost: 0.5,
    },
    cells: new Map(cells.map((c) => [c.id, c])),
  };
}

/**
 * What the draft keeps of its time limit for starting the worker, copying the instance to it and
 * reading it there, and mapping the answer back (about 0.3 s at 1,000 sessions on a busy machine).
 */
const OVERHEAD_MS = 400;
/** The solver always gets this long, however long loading took: enough for a greedy start and a bound. */
const MIN_SOLVER_MS = 500;

/** The organiser's time limit is for the whole draft (loading, mapping, the worker), so the solver gets what is left of it. */
export async function makeDraft(ctx: AppContext, target: EventTarget, input: DraftBody): Promise<DraftView> {
  target.permit.require("schedule.edit");
  const deadline = Date.now() + input.timeLimitSeconds * 1000;
  const s = await loadState(ctx.db, target.event);
  const favourites = s.sessions.length
    ? await ctx.db
        .select({ userId: scheduleFavourites.userId, sessionId: scheduleFavourites.sessionId })
        .from(scheduleFavourites)
        .innerJoin(scheduleSessions, eq(scheduleSessions.id, scheduleFavourites.sessionId))
        .where(eq(scheduleSessions.eventId, target.event.id))
    : [];
  const { instance, cells } = toInstance(s, favourites, { keepPlaced: input.keepPlaced });
  // Nothing to place (or nowhere to place it): no need to start a solver.
  const result: TimetableResult =
    instance.topics.some((t) => !t.pinned) && instance.slots.length && instance.areas.length
      ? await runInWorker<TimetableResult>("timetable", instance, { timeLimitMs: Math.max(MIN_SOLVER_MS, deadline - Date.now() - OVERHEAD_MS), seed: input.seed })
      : { status: "optimal", cost: 0, breakdown: { clashes: 0, overflow: 0, unplaced: 0, moves: 0 }, lowerBound: 0, placements: [], unplaced: instance.topics.filter((t) => !t.pinned).map((t) => ({ topic: t.id, reason: "no room or time on the grid" })), stats: { seconds: 0, iterations: 0, exact: "skipped", boundFrom: "none" } };
  return draftView(s, cells, result);
}

export function draftView(s: ScheduleState, cells: ReadonlyMap<string, Cell>, result: TimetableResult): DraftView {
  const at = new Map(result.placements.map((p) => [p.topic, p]));
  const placements: DraftView["placements"] = [];
  const moves: DraftView["moves"] = [];
  const unplaced = new Map(result.unplaced.map((u) => [u.topic, u.reason]));
  for (const x of s.sessions) {
    if (x.pinned && x.roomId && x.startsAt) continue;
    const p = at.get(x.id);
    const to = p ? { roomId: p.area, startsAt: new Date(cells.get(p.slot)!.start).toISOString() } : null;
    const from = x.roomId && x.startsAt ? { roomId: x.roomId, startsAt: x.startsAt.toISOString() } : null;
    placements.push({ sessionId: x.id, roomId: to?.roomId ?? null, startsAt: to?.startsAt ?? null });
    if (from?.roomId !== to?.roomId || from?.startsAt !== to?.startsAt) moves.push({ sessionId: x.id, from, to });
  }
  return {
    baseRevision: s.settings.revision,
    status: result.status,
    cost: result.cost,
    lowerBound: result.lowerBound ?? null,
    breakdown: result.breakdown,
    seconds: result.stats.seconds,
    placements,
    moves,
    unplaced: [...unplaced].filter(([id]) => !id.startsWith("block:")).map(([sessionId, reason]) => ({ sessionId, reason })),
  };
}

/** Applies a previewed draft, unless the schedule changed since it was computed; pinned sessions keep their place. */
export async function applyDraft(ctx: AppContext, target: EventTarget, input: ApplyDraftBody): Promise<ApplyResult> {
  target.permit.require("schedule.edit");
  return ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    if (s.settings.revision !== input.baseRevision) throw new ConflictError("schedule_changed", msg("schedule.errors.draftStale"));
    const byId = new Map(s.sessions.map((x) => [x.id, x]));
    const places = new Map<string, { roomId: string | null; startsAt: Date | null }>();
    for (const p of input.placements) {
      const x = byId.get(p.sessionId);
      if (!x) throw new ConflictError("schedule_changed", msg("schedule.errors.draftStale"));
      if (x.pinned) throw new ConflictError("schedule_pinned", msg("schedule.errors.pinned", { title: x.title }));
      if (p.roomId && !s.rooms.some((r) => r.id === p.roomId)) throw new ConflictError("schedule_changed", msg("schedule.errors.draftStale"));
      places.set(p.sessionId, { roomId: p.roomId, startsAt: p.startsAt ? new Date(p.startsAt) : null });
    }
    const co = await coFavourites(tx, target.event.id);
    const after = withPlacements(s, places);
    const added = newHardConflicts(findConflicts(toGrid(s, co)), findConflicts(toGrid(after, co)));
    if (added.length) throw new ConflictError("schedule_conflict", msg("schedule.errors.moveConflicts", { count: added.length }), undefined, { conflicts: added });
    let moved = 0;
    for (const [id, place] of places) {
      const x = byId.get(id)!;
      if (x.roomId === place.roomId && x.startsAt?.getTime() === place.startsAt?.getTime()) continue;
      moved++;
      await tx
        .update(scheduleSessions)
        .set({ ...place, updatedAt: ctx.now() })
        .where(eq(scheduleSessions.id, id));
    }
    const revision = await bumpRevision(tx, target.event.id, ctx.now());
    return { revision, moved };
  });
}
