/**
 * Fairness variant (`"objective": "fair"`): first maximise the worst affinity among the newly
 * assigned pairs, then the total affinity.
 *
 * What it guarantees, precisely: among assignments that place as many reviews and meet as
 * many minimum loads as the plain optimum can, none has a higher minimum pair affinity τ*
 * (bottleneck objective, exact: binary search over the distinct scores, each step a flow
 * feasibility check on the pairs scoring ≥ τ); and among those using only pairs ≥ τ*, the
 * total affinity is optimal. So every proposal's new reviews each score at least τ*, and the
 * worst-off proposal's total is at least (its existing affinity) + (reviews added)·τ*.
 * It does not maximise the worst-off proposal's *total* exactly — that max-min problem is
 * NP-hard in general — it bounds it through τ*, in O(log(distinct scores)) flow solves.
 */
import { forEachEligible, runCore } from "./core.js";
import type { CoreOptions, CoreRun } from "./core.js";
import type { AssignmentInstance } from "./types.js";

export function runFair(inst: AssignmentInstance, opts: CoreOptions): { run: CoreRun; threshold: number } {
  // Checks solve the real objective rather than a bare max-flow: costs steer each search
  // straight to good reviewers, where zero costs leave it exploring every tie.
  const all = runCore(inst, { ...opts, onProgress: undefined });
  const seen: number[] = [];
  for (let p = 0; p < inst.proposals; p++) forEachEligible(inst, p, (_r, s) => seen.push(s));
  const distinct = Float64Array.from(new Set(seen)).sort();

  // Invariant: distinct[lo] is achievable (or lo = -1: no threshold), distinct[hi] is not.
  let lo = -1;
  let hi = distinct.length;
  let steps = 0;
  const totalSteps = Math.ceil(Math.log2(distinct.length + 1));
  while (hi - lo > 1 && !all.interrupted) {
    const mid = (lo + hi) >> 1;
    const check = runCore(inst, { ...opts, minScore: distinct[mid]!, onProgress: undefined });
    if (check.interrupted) break;
    if (check.served === all.served && check.minCovered === all.minCovered) lo = mid;
    else hi = mid;
    opts.onProgress?.(++steps / (totalSteps + 1));
  }
  // With nothing new to place there is no worst new pair to speak of.
  const placesSome = all.served > inst.existing.cols.length;
  const threshold = lo >= 0 && placesSome ? distinct[lo]! : -Infinity;
  return { run: runCore(inst, { ...opts, minScore: threshold }), threshold };
}
