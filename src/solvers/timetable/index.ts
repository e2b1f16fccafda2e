/**
 * The unconference timetable solver (format: shared/formats/solver-io.md). Decisions the format
 * leaves open, applied the same way by the solver, the cost evaluator and the tests:
 * - A pin that cannot hold on its own (unknown area or slot, area lacks a need, an unavailable
 *   slot, runs past the end of the day) is invalid input naming the field. Two pins that collide
 *   (same area and slot, or the same leader at once) are not: the first in input order is kept,
 *   the later topic is left out with a reason, and the status is `infeasible` (CLI exit 2).
 * - A topic that was in `previous` and is now left out counts as moved as well as unplaced.
 * - Slots of one day must not overlap in time; a clash is two topics sharing a slot.
 * - A person listed twice in `interest` is one person; unknown topic ids there are invalid input.
 */
import { capacityBound, lagrangianBound, roundUp } from "./bound.js";
import { evaluate } from "./cost.js";
import { solveExact } from "./exact.js";
import { anneal, construct, descend, fromAssignment } from "./heuristic.js";
import { compile } from "./model.js";
import { explainUnplaced } from "./reasons.js";
import type { SolveOptions, TimetableInstance, TimetableResult } from "./types.js";

export { parseTimetableInstance } from "./parse.js";
export { TimetableInputError } from "./types.js";
export type { TimetableInstance, TimetableResult, TimetableProgress, SolveOptions, Placement, CostBreakdown } from "./types.js";

/**
 * The MILP's clash linearisation has a weak relaxation: highs proves 12-topic days in about a
 * second but not 20-topic ones in 8 s (nor 40 in 30 s, where cbc does no better), and past that it
 * does not even improve on annealing. So it is only tried on small days.
 */
const EXACT_MAX_TOPICS = 16;
/** Below this many positions highs answers in milliseconds, so the exact solve runs whatever the clock says. */
const TRIVIAL_POSITIONS = 300;
/**
 * highs overruns short time limits (reading and presolving alone take a few hundred ms at 40
 * topics), and on mid-sized days it rarely proves anything in less, so it needs this much time left.
 */
const EXACT_MIN_SECONDS = 2;
/** Subgradient steps for the bound; each costs one pass over all positions. */
const LAGRANGIAN_STEPS = 400;
/** Annealing steps per topic and round; a fixed count (not a clock) keeps a seed's result reproducible. */
const STEPS_PER_TOPIC = 5000;
/**
 * Small days anneal in independent rounds (different seeds, same start) until this many steps in
 * all: on 40 topics a few short runs beat one long one, and they take a fraction of a second.
 */
const MIN_STEPS = 600_000;
const MAX_ROUNDS = 8;
/**
 * Shares of the time limit (from the start of the solve, compiling included) after which
 * annealing and then the polish stop, so the polish and the bound (which needs its full steps to
 * be worth reporting, and costs a pass over every position first) fit inside the limit: at 1,000
 * sessions in 20 rooms each takes a few hundred milliseconds, and they used to run after it.
 */
const ANNEAL_SHARE = 0.75;
const POLISH_SHARE = 0.9;

/**
 * Greedy start (pins, then the previous timetable, then the rest), simulated annealing and a
 * greedy polish (or, when re-planning, only a repair of what changed), then for small instances the
 * exact MILP, and a lower bound. Deterministic for a seed as long as the time limit does not cut a
 * phase short.
 */
export async function solveTimetable(instance: TimetableInstance, opts: SolveOptions = {}): Promise<TimetableResult> {
  const started = Date.now();
  const limit = opts.timeLimitMs ?? 10_000;
  const deadline = started + limit;
  const left = () => Math.max(0, deadline - Date.now()) / 1000;
  const m = compile(instance);
  const replan = instance.previous.length > 0;

  let tt = construct(m);
  // Re-planning repairs: every published placement that still fits stays unless a changed topic needs its place.
  const annealUntil = started + limit * ANNEAL_SHARE;
  const polishUntil = started + limit * POLISH_SHARE;
  descend(tt, replan ? (t) => m.prev[t]! < 0 || tt.at[t] !== m.prev[t] : undefined, replan ? polishUntil : annealUntil);
  let iterations = 0;
  if (!replan) {
    const start = tt.at.slice();
    const perRound = m.T * STEPS_PER_TOPIC;
    const rounds = Math.min(MAX_ROUNDS, Math.ceil(MIN_STEPS / Math.max(1, perRound)));
    let best = tt;
    for (let round = 0; round < rounds && Date.now() < annealUntil && !opts.signal?.aborted; round++) {
      const sa = await anneal(fromAssignment(m, start), {
        seed: (opts.seed ?? 1) + round,
        iterations: perRound,
        startTemperature: 4,
        endTemperature: 0.05,
        deadline: annealUntil,
        signal: opts.signal,
        onChunk: (done, bestCost) => opts.onProgress?.({ phase: "heuristic", fraction: (0.7 * (round * perRound + done)) / (rounds * perRound), bestCost: Math.min(bestCost, best.cost) }),
      });
      iterations += sa.iterations;
      const polished = fromAssignment(m, sa.best);
      descend(polished, undefined, polishUntil);
      if (polished.cost < best.cost - 1e-9) best = polished;
    }
    tt = best;
  }

  let exact: TimetableResult["stats"]["exact"] = "skipped";
  let proven = false;
  const trivial = m.pos.length <= TRIVIAL_POSITIONS;
  if (m.T <= EXACT_MAX_TOPICS && !opts.signal?.aborted && (trivial || left() >= EXACT_MIN_SECONDS)) {
    opts.onProgress?.({ phase: "exact", fraction: 0.7, bestCost: tt.cost });
    const r = await solveExact(m, left() * 0.9);
    proven = r.proven;
    exact = r.proven ? "optimal" : "stopped";
    if (r.at && evaluate(m, r.at).cost < evaluate(m, tt.at).cost) tt = fromAssignment(m, r.at);
  }

  const { cost, breakdown } = evaluate(m, tt.at);
  let lower = capacityBound(m);
  let boundFrom = "capacity";
  if (proven) {
    lower = cost;
    boundFrom = "exact";
  } else if (!opts.signal?.aborted) {
    opts.onProgress?.({ phase: "bound", fraction: 0.95, bestCost: cost });
    const lagrangian = lagrangianBound(m, cost, LAGRANGIAN_STEPS);
    if (lagrangian > lower) {
      lower = lagrangian;
      boundFrom = "lagrangian";
    }
  }
  lower = Math.min(cost, roundUp(m, lower));

  const { topics, areas, slots } = instance;
  const placements = [];
  const unplaced = [];
  for (let t = 0; t < m.T; t++) {
    const p = tt.at[t]!;
    if (p < 0) unplaced.push({ topic: topics[t]!.id, reason: explainUnplaced(tt, t) });
    else placements.push({ topic: topics[t]!.id, area: areas[Math.floor(p / m.S)]!.id, slot: slots[m.slotOf[p % m.S]!]!.id });
  }
  const status = m.pinRejected.size ? "infeasible" : proven || cost <= lower + 1e-9 ? "optimal" : "feasible";
  return {
    status,
    cost,
    breakdown,
    lowerBound: lower,
    placements,
    unplaced,
    stats: { seconds: (Date.now() - started) / 1000, iterations, exact, boundFrom },
  };
}
