/**
 * Typed reviewer-assignment instance and result (format: shared/formats/solver-io.md).
 * Pair lists are kept as CSR tables sorted by proposal then reviewer, so that a dense
 * instance of millions of pairs lives in a few typed arrays rather than JS objects.
 */

/** Pairs grouped by proposal: row p holds cols[start[p] .. start[p+1]), reviewers ascending. */
export interface PairTable {
  start: Int32Array;
  cols: Int32Array;
  /** Position of each sorted pair in the input list, for error messages. */
  index: Int32Array;
}

export interface ScoredPairTable extends PairTable {
  /** Score of each sorted pair (aligned with cols). */
  scores: Float64Array;
}

export type AssignmentObjective = "total" | "fair";

export interface AssignmentInstance {
  proposals: number;
  reviewers: number;
  reviewsPerProposal: number;
  minLoad: Int32Array;
  maxLoad: Int32Array;
  affinity: ScoredPairTable;
  /** null: only listed pairs are eligible; a number: every unlisted pair is eligible with this score. */
  defaultAffinity: number | null;
  conflicts: PairTable;
  existing: PairTable;
  /** Load-balancing variant: the j-th review of a reviewer costs perExtraLoad·(j−1) affinity units. */
  balance: { perExtraLoad: number } | null;
  objective: AssignmentObjective;
}

export type AssignmentStatus = "optimal" | "feasible" | "infeasible";

export interface ShortProposal {
  proposal: number;
  missing: number;
  reason: string;
}

export interface UnderloadedReviewer {
  reviewer: number;
  load: number;
  minLoad: number;
  reason: string;
}

export interface AssignmentResult {
  status: AssignmentStatus;
  /** Sum of affinity over all assigned pairs, existing ones included, computed in float from the pairs. */
  objective: number;
  /** [proposal, reviewer], existing ones included, sorted by proposal then reviewer. */
  assignments: [number, number][];
  short: ShortProposal[];
  /** Not in the base format: reviewers left below their minimum load. */
  underloaded?: UnderloadedReviewer[];
  /** Not in the base format: for objective "fair", the worst assigned pair's affinity that was maximised. */
  fairThreshold?: number;
  /** Not in the base format: scores were rounded to multiples of this for the exact integer flow. */
  precision?: number;
  stats: { seconds: number; nodes: number; arcs: number };
}

export interface SolveAssignmentOptions {
  timeLimitMs?: number;
  onProgress?: (p: { fraction?: number; message?: string }) => void;
}
