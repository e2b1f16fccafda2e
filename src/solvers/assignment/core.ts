/**
 * The assignment network and its min-cost flow.
 *
 *   proposal p ──(cap 1, cost −affinity)──▶ reviewer r ──(load tiers)──▶ sink
 *   proposal p ──(cap k − existing, cost PENALTY)──────────────────────▶ sink
 *
 * Each proposal supplies k − (its existing assignments) units. Existing pairs are not arcs:
 * they are fixed, reduce the proposal's supply and the reviewer's remaining quota.
 *
 * Reviewer tiers: the first (minLoad − existing) units of a reviewer earn a BONUS, the rest
 * up to (maxLoad − existing) cost nothing — or, with the load-balancing variant
 * (`balance.perExtraLoad` = λ), every unit is its own arc and the reviewer's j-th review
 * (existing ones counted) costs λ·(j−1): the objective becomes
 *   Σ affinity − λ·Σ_r load_r·(load_r − 1)/2,
 * a convex penalty that spreads reviews (HotCRP's scheme). The reported `objective` stays the
 * plain affinity sum.
 *
 * The penalty arc makes every instance feasible as a flow, so "maximise the number of
 * reviews, then the reviewers meeting their minimum, then affinity" is one min-cost flow
 * with lexicographic weights: PENALTY > n·(BONUS + C) and BONUS > n·C, where C bounds
 * |arc cost| otherwise and n the nodes, because any two flows differ by simple cycles of at most n arcs.
 *
 * Scores are scaled to integers: cost = round(σ·affinity) with σ as large as keeps every
 * path length below 2^52 (exact in doubles). The flow is proven optimal for the rounded
 * scores, so its affinity is within (assigned pairs)·0.5/σ of the float optimum; σ is
 * reported as `precision` = 1/σ. The objective itself is summed in float from the pairs.
 */
import { FlowNetwork, dagPotentials, minReducedCost, successiveShortestPaths } from "./mcf.js";
import { findPair } from "./parse.js";
import type { AssignmentInstance, ShortProposal, UnderloadedReviewer } from "./types.js";

export interface CoreOptions {
  /** Only pairs scoring at least this are eligible (the fairness variant's threshold). */
  minScore?: number;
  deadline?: number;
  onProgress?: (fraction: number) => void;
}

export interface CoreRun {
  /** Per proposal, the reviewers assigned (existing included), ascending. */
  assigned: number[][];
  /** Float affinity of each assigned pair, aligned with `assigned`. */
  scores: number[][];
  short: ShortProposal[];
  underloaded: UnderloadedReviewer[];
  /** Reviews placed (existing included). */
  served: number;
  /** Σ_r min(load_r, minLoad_r). */
  minCovered: number;
  interrupted: boolean;
  /** The residual reduced costs are all ≥ 0 (checked, not assumed). */
  proven: boolean;
  nodes: number;
  arcs: number;
  precision: number;
}

/**
 * Calls fn(reviewer, score) for each eligible new pair of proposal p in ascending reviewer
 * order: listed pairs (or every pair, when defaultAffinity is a number) minus conflicts and
 * existing assignments. Merges sorted rows, so a dense instance costs no lookups.
 */
export function forEachEligible(inst: AssignmentInstance, p: number, fn: (r: number, score: number) => void): void {
  const { affinity: a, conflicts: c, existing: x } = inst;
  let ci = c.start[p]!;
  const ce = c.start[p + 1]!;
  let xi = x.start[p]!;
  const xe = x.start[p + 1]!;
  const excluded = (r: number): boolean => {
    while (ci < ce && c.cols[ci]! < r) ci++;
    while (xi < xe && x.cols[xi]! < r) xi++;
    return (ci < ce && c.cols[ci] === r) || (xi < xe && x.cols[xi] === r);
  };
  let j = a.start[p]!;
  const je = a.start[p + 1]!;
  if (inst.defaultAffinity === null) {
    for (; j < je; j++) {
      const r = a.cols[j]!;
      if (!excluded(r)) fn(r, a.scores[j]!);
    }
    return;
  }
  for (let r = 0; r < inst.reviewers; r++) {
    let s = inst.defaultAffinity;
    if (j < je && a.cols[j] === r) s = a.scores[j++]!;
    if (!excluded(r)) fn(r, s);
  }
}

/** Affinity of an existing pair: its listed score, else defaultAffinity, else 0. */
function existingScore(inst: AssignmentInstance, p: number, r: number): number {
  const j = findPair(inst.affinity, p, r);
  return j >= 0 ? inst.affinity.scores[j]! : (inst.defaultAffinity ?? 0);
}

export function runCore(inst: AssignmentInstance, opts: CoreOptions = {}): CoreRun {
  const P = inst.proposals;
  const R = inst.reviewers;
  const k = inst.reviewsPerProposal;
  const minScore = opts.minScore ?? -Infinity;
  const t = P + R;
  const n = P + R + 1;

  const existingLoad = new Int32Array(R);
  for (let j = 0; j < inst.existing.cols.length; j++) existingLoad[inst.existing.cols[j]!]!++;
  const demand = new Int32Array(n);
  for (let p = 0; p < P; p++) demand[p] = k - (inst.existing.start[p + 1]! - inst.existing.start[p]!);

  const propEligible = new Int32Array(P);
  const revEligible = new Int32Array(R);
  let maxAbs = 0;
  for (let p = 0; p < P; p++) {
    forEachEligible(inst, p, (r, s) => {
      if (s < minScore) return;
      propEligible[p]!++;
      revEligible[r]!++;
      if (Math.abs(s) > maxAbs) maxAbs = Math.abs(s);
    });
  }

  const lambda = inst.balance?.perExtraLoad ?? 0;
  const quota = new Int32Array(R);
  const minQuota = new Int32Array(R);
  let hasMin = false;
  let tierArcs = 0;
  for (let r = 0; r < R; r++) {
    quota[r] = Math.min(inst.maxLoad[r]! - existingLoad[r]!, revEligible[r]!);
    minQuota[r] = Math.min(Math.max(0, inst.minLoad[r]! - existingLoad[r]!), quota[r]!);
    if (inst.minLoad[r]! > existingLoad[r]!) hasMin = true;
    tierArcs += lambda > 0 ? quota[r]! : 2;
    if (lambda > 0) maxAbs = Math.max(maxAbs, lambda * (existingLoad[r]! + quota[r]!));
  }

  // Largest integer cost C keeping PENALTY + n·(BONUS + C) well below 2^53 (see the header).
  const budget = 2 ** 50 / (4 * (n + 1) * (hasMin ? n + 1 : 1));
  const sigma = maxAbs > 0 ? budget / maxAbs : 1;
  const C = Math.round(sigma * maxAbs);
  const BONUS = hasMin ? (n + 1) * 2 * C + 1 : 0;
  const PENALTY = (n + 1) * 2 * (C + BONUS) + 1;

  // Reviewers without quota get no arcs: they could never take a review, and a node that cannot
  // reach the sink would have its potential drift on every search that passes it.
  let arcs = P + tierArcs;
  for (let r = 0; r < R; r++) if (quota[r]! > 0) arcs += revEligible[r]!;
  const net = new FlowNetwork(n, arcs);
  const arcScore = new Float64Array(arcs);
  for (let p = 0; p < P; p++) {
    forEachEligible(inst, p, (r, s) => {
      if (s < minScore || quota[r] === 0) return;
      arcScore[net.addArc(p, P + r, 1, -Math.round(sigma * s))] = s;
    });
    if (demand[p]! > 0) net.addArc(p, t, demand[p]!, PENALTY);
  }
  for (let r = 0; r < R; r++) {
    const u = P + r;
    if (lambda > 0) {
      for (let j = 1; j <= quota[r]!; j++) {
        const load = existingLoad[r]! + j;
        const balanceCost = Math.round(sigma * lambda * (load - 1));
        net.addArc(u, t, 1, balanceCost - (j <= minQuota[r]! ? BONUS : 0));
      }
    } else {
      if (minQuota[r]! > 0) net.addArc(u, t, minQuota[r]!, -BONUS);
      if (quota[r]! > minQuota[r]!) net.addArc(u, t, quota[r]! - minQuota[r]!, 0);
    }
  }
  net.seal();

  const pi = dagPotentials(net);
  const supply = demand.slice();
  const ssp = successiveShortestPaths(net, supply, t, pi, {
    deadline: opts.deadline,
    onProgress: opts.onProgress && ((routed, total) => opts.onProgress!(total > 0 ? routed / total : 1)),
  });
  if (ssp.interrupted) completeGreedily(net, demand, P, t);
  const proven = !ssp.interrupted && minReducedCost(net, pi) >= 0;

  // Read the flow back.
  const assigned: number[][] = [];
  const scores: number[][] = [];
  const load = existingLoad.slice();
  const short: ShortProposal[] = [];
  let served = 0;
  for (let p = 0; p < P; p++) {
    const pairsOfP: [number, number][] = [];
    for (let j = inst.existing.start[p]!; j < inst.existing.start[p + 1]!; j++) {
      const r = inst.existing.cols[j]!;
      pairsOfP.push([r, existingScore(inst, p, r)]);
    }
    for (let e = net.first[p]!; e < net.first[p + 1]!; e++) {
      if (net.head[e] !== t && net.flow[e]! > 0) {
        const r = net.head[e]! - P;
        pairsOfP.push([r, arcScore[e]!]);
        load[r]!++;
      }
    }
    pairsOfP.sort((x, y) => x[0] - y[0]);
    assigned.push(pairsOfP.map((x) => x[0]));
    scores.push(pairsOfP.map((x) => x[1]));
    served += pairsOfP.length;
    if (pairsOfP.length < k) short.push({ proposal: p, missing: k - pairsOfP.length, reason: "" });
  }
  for (const s of short) {
    const eligible = propEligible[s.proposal]! + (k - demand[s.proposal]!);
    s.reason = ssp.interrupted
      ? "time limit reached before it was completed"
      : eligible < k
        ? `only ${eligible} eligible reviewer${eligible === 1 ? "" : "s"}`
        : "eligible reviewers are all at their maximum load";
  }

  const underloaded: UnderloadedReviewer[] = [];
  let minCovered = 0;
  let totalMin = 0;
  for (let r = 0; r < R; r++) totalMin += inst.minLoad[r]!;
  for (let r = 0; r < R; r++) {
    const min = inst.minLoad[r]!;
    minCovered += Math.min(min, load[r]!);
    if (load[r]! >= min) continue;
    const eligible = revEligible[r]! + existingLoad[r]!;
    const reason = ssp.interrupted
      ? "time limit reached before it was completed"
      : eligible < min
        ? `only ${eligible} eligible proposal${eligible === 1 ? "" : "s"}`
        : P * k < totalMin
          ? `there are ${P * k} reviews in all for minimum loads totalling ${totalMin}`
          : `its ${eligible} eligible proposals are fully reviewed by reviewers who cannot spare one`;
    underloaded.push({ reviewer: r, load: load[r]!, minLoad: min, reason });
  }

  return {
    assigned,
    scores,
    short,
    underloaded,
    served,
    minCovered,
    interrupted: ssp.interrupted,
    proven,
    nodes: n,
    arcs: net.arcs,
    precision: 1 / sigma,
  };
}

/**
 * After a time-out: gives each proposal still short its cheapest eligible reviewers that
 * have quota left. Keeps every hard constraint; gives up optimality, which was not reached.
 */
function completeGreedily(net: FlowNetwork, demand: Int32Array, proposals: number, t: number): void {
  const spareTier = (r: number): number => {
    for (let e = net.first[r]!; e < net.first[r + 1]!; e++) if (net.flow[e]! < net.cap[e]!) return e;
    return -1;
  };
  for (let p = 0; p < proposals; p++) {
    let missing = demand[p]!;
    for (let e = net.first[p]!; e < net.first[p + 1]!; e++) if (net.head[e] !== t) missing -= net.flow[e]!;
    for (; missing > 0; missing--) {
      let best = -1;
      for (let e = net.first[p]!; e < net.first[p + 1]!; e++) {
        if (net.head[e] !== t && net.flow[e] === 0 && spareTier(net.head[e]!) !== -1 && (best === -1 || net.cost[e]! < net.cost[best]!)) best = e;
      }
      if (best === -1) break;
      net.push(best, 1);
      net.push(spareTier(net.head[best]!), 1);
    }
  }
}
