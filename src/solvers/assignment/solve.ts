import { runCore } from "./core.js";
import { runFair } from "./fair.js";
import type { AssignmentInstance, AssignmentResult, SolveAssignmentOptions } from "./types.js";

/**
 * Solves a reviewer-assignment instance: the optimal flow (see core.ts), or with
 * `objective: "fair"` the fairness variant (fair.ts). Never throws for a valid instance;
 * infeasibility is reported in the result.
 */
export function solveAssignment(inst: AssignmentInstance, opts: SolveAssignmentOptions = {}): AssignmentResult {
  const started = performance.now();
  const onProgress = opts.onProgress;
  const coreOpts = {
    deadline: opts.timeLimitMs === undefined ? undefined : started + opts.timeLimitMs,
    onProgress: onProgress && ((fraction: number) => onProgress({ fraction })),
  };
  const fair = inst.objective === "fair" ? runFair(inst, coreOpts) : undefined;
  const run = fair?.run ?? runCore(inst, coreOpts);

  const assignments: [number, number][] = [];
  let objective = 0;
  run.assigned.forEach((reviewers, p) => {
    reviewers.forEach((r, i) => {
      assignments.push([p, r]);
      objective += run.scores[p]![i]!;
    });
  });
  const broken = run.short.length > 0 || run.underloaded.length > 0;
  const result: AssignmentResult = {
    status: broken ? "infeasible" : run.proven ? "optimal" : "feasible",
    objective,
    assignments,
    short: run.short,
    stats: { seconds: Math.round(performance.now() - started) / 1000, nodes: run.nodes, arcs: run.arcs },
  };
  if (run.underloaded.length > 0) result.underloaded = run.underloaded;
  if (fair && Number.isFinite(fair.threshold)) result.fairThreshold = fair.threshold;
  result.precision = run.precision;
  return result;
}
