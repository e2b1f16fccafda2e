import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { msg, type Msg } from "../../../shared/i18n/catalogue.js";
import { runInWorker, type SolverProgress } from "../../../solvers/worker.js";
import type { TimetableInstance, TimetableResult } from "../../../solvers/timetable/index.js";
import type { EventTarget } from "../events/index.js";
import { breaksHardConstraint, MOVE_COST, placementProblems, runsOf, type Board, type Place, type Problem } from "./rules.js";
import type { ApplyBody, DiffEntry, PlaceBody, PlaceResult, PlanBody, PlanView, PreviewView } from "./schema.js";
import { bumpRevision, latestVersion, loadState, openTopics, publishedPlacements, toBoard, workingPlacements, type UnconfState } from "./state.js";
import { unconfTopics } from "./tables.js";

/**
 * The morning plenary's planner: the board mapped onto the timetable solver's instance
 * (shared/formats/solver-io.md), solved in a worker thread (`runInWorker`) with a time limit,
 * progress and cancellation, and mapped back as a preview: a diff against the published
 * timetable, its cost and the lower bound. Nothing is saved until the organiser applies it.
 *
 * - Slots are the board's unblocked slots; each run of consecutive slots (rules.runsOf) is a
 *   solver "day", so a topic never spans lunch or a plenary.
 * - Areas are the work areas with their capacity and features; leaders are the accounts
 *   leading a topic, so no one is planned into two places.
 * - Interest: everyone who marked a topic is one person; a must-attend is a second one, so
 *   the stronger wish weighs twice.
 * - Pinned topics are pinned; the published timetable is `previous`, so a re-plan after a new
 *   topic or a leader gone moves as few others as it can.
 */
export function toInstance(board: Board, pins: ReadonlyMap<string, Place>, previous: ReadonlyMap<string, Place>): TimetableInstance {
  const slots = runsOf(board.slots).flatMap((run, r) => run.map((s) => ({ id: s.id, day: `${s.date}#${String(r).padStart(3, "0")}`, start: new Date(s.start).toISOString().slice(11, 16) })));
  const inInstance = new Set(slots.map((s) => s.id));
  const people = new Map<string, string[]>();
  const add = (person: string, topic: string) => (people.get(person) ?? people.set(person, []).get(person)!).push(topic);
  for (const t of board.topics) {
    for (const p of t.interest) add(`u:${p}`, t.id);
    for (const p of t.mustAttend) add(`m:${p}`, t.id);
  }
  return {
    slots,
    areas: board.areas.map((a) => ({ id: a.id, capacity: a.capacity, features: [...a.features] })),
    topics: board.topics.map((t) => {
      const pin = pins.get(t.id);
      return { id: t.id, leaders: [...t.leaders], length: t.length, needs: [...t.needs], unavailable: t.unavailable.filter((id) => inInstance.has(id)), ...(pin ? { pinned: { area: pin.areaId, slot: pin.slotId } } : {}) };
    }),
    interest: [...people].map(([person, topics]) => ({ person, topics })),
    previous: [...previous].filter(([, p]) => inInstance.has(p.slotId) && board.areas.some((a) => a.id === p.areaId)).map(([topic, p]) => ({ topic, area: p.areaId, slot: p.slotId })),
    moveCost: MOVE_COST,
  };
}

/** Pins that still hold on their own; one that no longer does (a structure change) is planned freely. */
function validPins(s: UnconfState, board: Board): Map<string, Place> {
  const pins = new Map<string, Place>();
  for (const t of openTopics(s)) {
    if (!t.pinned || !t.areaId || !t.slotId) continue;
    const place = { areaId: t.areaId, slotId: t.slotId };
    if (!placementProblems(board, pins, t.id, place).some((p) => p.hard || p.kind === "lacksFeature" || p.kind === "leaderUnavailable" || p.kind === "leaderDoubleBooked")) pins.set(t.id, place);
  }
  return pins;
}

/** The solver's reasons name ids; the organiser reads names. */
function inWords(s: UnconfState, reason: string): string {
  let out = reason;
  for (const t of s.topics) for (const l of t.leaders) out = out.replaceAll(`'${l.id}'`, `'${l.name}'`);
  for (const a of s.areas) out = out.replaceAll(`'${a.id}'`, `'${a.label}'`);
  return out;
}

export function diffOf(s: UnconfState, published: ReadonlyMap<string, Place>, proposed: ReadonlyMap<string, Place>, reasons: ReadonlyMap<string, string>): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const t of openTopics(s)) {
    const from = published.get(t.id) ?? null;
    const to = proposed.get(t.id) ?? null;
    const kind = !to ? "unplaced" : !from ? "added" : from.areaId !== to.areaId || from.slotId !== to.slotId ? "moved" : "kept";
    out.push({ topicId: t.id, title: t.title, kind, from, to, ...(kind === "unplaced" ? { reason: reasons.get(t.id) ?? "" } : {}) });
  }
  for (const t of s.topics) if (t.state !== "open" && published.has(t.id)) out.push({ topicId: t.id, title: t.title, kind: "removed", from: published.get(t.id)!, to: null });
  return out;
}

/** Solves the board as it stands (in a worker) and returns the preview; exported for the tests. */
export async function planBoard(ctx: AppContext, s: UnconfState, input: PlanBody, opts: { signal?: AbortSignal; onProgress?: (p: SolverProgress) => void } = {}): Promise<PreviewView> {
  const board = toBoard(s);
  const last = await latestVersion(ctx.db, s.event.id);
  const published = publishedPlacements(last?.board);
  const instance = toInstance(board, validPins(s, board), published);
  const empty = !instance.slots.length || !instance.areas.length || !instance.topics.length;
  const result: TimetableResult = empty
    ? { status: "optimal", cost: 0, breakdown: { clashes: 0, overflow: 0, unplaced: 0, moves: 0 }, lowerBound: 0, placements: [], unplaced: [], stats: { seconds: 0, iterations: 0, exact: "skipped", boundFrom: "none" } }
    : await runInWorker<TimetableResult>("timetable", instance, { timeLimitMs: input.timeLimitSeconds * 1000, seed: input.seed, ...opts });
  const proposed = new Map(result.placements.map((p) => [p.topic, { areaId: p.area, slotId: p.slot }]));
  const reasons = new Map(result.unplaced.map((u) => [u.topic, inWords(s, u.reason)]));
  if (empty) for (const t of board.topics) reasons.set(t.id, inWords(s, !instance.areas.length ? "there are no areas" : "there are no free slots"));
  if (empty) result.breakdown.unplaced = result.cost = board.topics.reduce((n, t) => n + t.interest.length + t.mustAttend.length + 1, 0);
  return {
    baseRevision: s.settings.revision,
    baseVersion: last?.number ?? 0,
    status: result.status,
    cost: result.cost,
    breakdown: result.breakdown,
    lowerBound: result.lowerBound ?? null,
    seconds: result.stats.seconds,
    placements: result.placements.map((p) => ({ topicId: p.topic, areaId: p.area, slotId: p.slot })),
    diff: diffOf(s, published, proposed, reasons),
  };
}

interface Job {
  id: string;
  eventId: string;
  view: PlanView;
  controller: AbortController;
  finished: number | null;
}

/** How long a finished plan stays readable: the organiser looks at the preview, then applies it. */
const KEEP_MS = 15 * 60_000;

/**
 * Running and finished plans of this process. A plan is a few seconds of one organiser's work
 * in front of the room: it lives in memory, and behind a load balancer the progress requests
 * must reach the process that started it (sticky sessions), which the answer's 404 says.
 */
export class PlanJobs {
  private readonly jobs = new Map<string, Job>();

  start(ctx: AppContext, target: EventTarget, input: PlanBody): Promise<PlanView> {
    target.permit.require("unconference.organise");
    this.sweep();
    return loadState(ctx.db, target.event).then((s) => {
      const id = randomUUID();
      const controller = new AbortController();
      const job: Job = { id, eventId: target.event.id, controller, finished: null, view: { id, state: "running", fraction: 0, bestCost: null, preview: null, error: null } };
      this.jobs.set(id, job);
      const done = (patch: Partial<PlanView>) => {
        job.view = { ...job.view, ...patch };
        job.finished = Date.now();
      };
      planBoard(ctx, s, input, {
        signal: controller.signal,
        onProgress: (p) => {
          job.view = { ...job.view, fraction: p.fraction ?? job.view.fraction, bestCost: typeof (p as { bestCost?: unknown }).bestCost === "number" ? (p as { bestCost: number }).bestCost : job.view.bestCost };
        },
      }).then(
        (preview) => done({ state: "done", fraction: 1, preview, bestCost: preview.cost }),
        (err: unknown) => (controller.signal.aborted ? done({ state: "cancelled" }) : done({ state: "failed", error: err instanceof Error ? err.message : String(err) })),
      );
      return job.view;
    });
  }

  private find(target: EventTarget, id: string): Job {
    target.permit.require("unconference.organise");
    const job = this.jobs.get(id);
    if (!job || job.eventId !== target.event.id) throw new NotFoundError(msg("unconference.errors.planNotFound"));
    return job;
  }

  get(target: EventTarget, id: string): PlanView {
    return this.find(target, id).view;
  }

  /** Stops the worker at once; the published board is untouched either way. */
  cancel(target: EventTarget, id: string): PlanView {
    const job = this.find(target, id);
    if (job.view.state === "running") {
      job.controller.abort();
      job.view = { ...job.view, state: "cancelled" };
      job.finished = Date.now();
    }
    return job.view;
  }

  /** Waits for a plan to finish (tests and the CLI). */
  async settled(target: EventTarget, id: string): Promise<PlanView> {
    while (this.find(target, id).view.state === "running") await new Promise((r) => setTimeout(r, 20));
    return this.get(target, id);
  }

  stopAll(): void {
    for (const j of this.jobs.values()) if (j.view.state === "running") j.controller.abort();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finished && now - j.finished > KEEP_MS) this.jobs.delete(id);
  }
}

/**
 * Saves a previewed plan as the working board, unless the board changed since it was made.
 * Pinned topics keep their place; the result must break no hard constraint.
 */
export async function applyPlan(ctx: AppContext, target: EventTarget, input: ApplyBody): Promise<PlaceResult> {
  target.permit.require("unconference.organise");
  return ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    if (s.settings.revision !== input.baseRevision) throw new ConflictError("unconference_changed", msg("unconference.errors.planStale"), { baseRevision: [msg("unconference.errors.planStale")] });
    const board = toBoard(s);
    const open = new Map(openTopics(s).map((t) => [t.id, t]));
    const next = new Map<string, Place>();
    for (const t of open.values()) if (t.pinned && t.areaId && t.slotId) next.set(t.id, { areaId: t.areaId, slotId: t.slotId });
    input.placements.forEach((p, i) => {
      const t = open.get(p.topicId);
      if (!t) {
        const fields: FieldErrors = {};
        fields[`placements.${i}.topicId`] = [msg("unconference.errors.topicNotFound")];
        throw new ValidationError(msg("unconference.errors.topicNotFound"), fields);
      }
      if (!next.has(t.id) || !t.pinned) next.set(t.id, { areaId: p.areaId, slotId: p.slotId });
    });
    const broken = breaksHardConstraint(board, next);
    if (broken.length) throw new ConflictError("unconference_conflict", msg("unconference.errors.hardProblems", { count: broken.length }), { placements: [msg("unconference.errors.hardProblems", { count: broken.length })] }, { problems: broken });
    for (const t of open.values()) {
      const p = next.get(t.id);
      if (t.areaId === (p?.areaId ?? null) && t.slotId === (p?.slotId ?? null)) continue;
      await tx.update(unconfTopics).set({ areaId: p?.areaId ?? null, slotId: p?.slotId ?? null, updatedAt: ctx.now() }).where(eq(unconfTopics.id, t.id));
    }
    const revision = await bumpRevision(tx, target.event.id, ctx.now());
    return { revision, problems: [] };
  });
}

/** Each problem in words, for the API's errors (the web app shows the same ids). */
const PROBLEM_TEXT: Record<Problem["kind"], Msg> = {
  unknownArea: msg("unconference.problems.unknownArea"),
  unknownSlot: msg("unconference.problems.unknownSlot"),
  blocked: msg("unconference.problems.blocked"),
  pastDay: msg("unconference.problems.pastDay"),
  areaTaken: msg("unconference.problems.areaTaken"),
  leaderDoubleBooked: msg("unconference.problems.leaderDoubleBooked"),
  lacksFeature: msg("unconference.problems.lacksFeature"),
  overCapacity: msg("unconference.problems.overCapacity"),
  leaderUnavailable: msg("unconference.problems.leaderUnavailable"),
  clashes: msg("unconference.problems.clashes"),
};

/**
 * Moves one topic on the working board (a drag in the grid), pins or unpins it, or takes it
 * off. A hard problem (the area is taken, a blocked cell, past the day's end) refuses the move
 * with nothing saved; warnings (leader double-booked, area lacks a feature, over capacity,
 * clashes created) come back with the saved move.
 */
export async function placeTopic(ctx: AppContext, target: EventTarget, topicId: string, input: PlaceBody): Promise<PlaceResult> {
  target.permit.require("unconference.organise");
  return ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    const t = openTopics(s).find((x) => x.id === topicId);
    if (!t) throw new NotFoundError(msg("unconference.errors.topicNotFound"));
    const board = toBoard(s);
    const place = input.areaId && input.slotId ? { areaId: input.areaId, slotId: input.slotId } : null;
    const problems = place ? placementProblems(board, workingPlacements(s), t.id, place) : [];
    const hard = problems.filter((p) => p.hard);
    if (hard.length) {
      const fields: FieldErrors = {};
      fields[hard.some((p) => p.kind === "unknownArea") ? "areaId" : "slotId"] = hard.map((p) => PROBLEM_TEXT[p.kind]);
      throw new ConflictError("unconference_conflict", PROBLEM_TEXT[hard[0]!.kind], fields, { problems: hard });
    }
    const pinned = place ? (input.pinned ?? t.pinned) : false;
    await tx.update(unconfTopics).set({ areaId: place?.areaId ?? null, slotId: place?.slotId ?? null, pinned, updatedAt: ctx.now() }).where(eq(unconfTopics.id, t.id));
    const revision = await bumpRevision(tx, target.event.id, ctx.now());
    return { revision, problems };
  });
}
