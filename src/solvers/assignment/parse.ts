/**
 * Validates a decoded assignment instance (plain JSON or json.ts's PackedRows) into an
 * AssignmentInstance. Every error names the offending field, e.g.
 * `affinity[12][2]: score must be a finite number, got "NaN"`.
 */
import { PackedRows } from "./json.js";
import type { AssignmentInstance, AssignmentObjective, PairTable, ScoredPairTable } from "./types.js";

export class AssignmentInputError extends Error {
  override name = "AssignmentInputError";
}

/** Beyond this a dense instance (defaultAffinity set) would need gigabytes of arcs. */
export const MAX_DENSE_PAIRS = 50_000_000;

function fail(message: string): never {
  throw new AssignmentInputError(message);
}

function show(v: unknown): string {
  const s = typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function count(obj: Record<string, unknown>, field: string, fallback?: number): number {
  const v = obj[field];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) fail(`${field}: must be a non-negative integer, got ${show(v)}`);
  return v;
}

/**
 * Reads a list of fixed-width number rows into one Float64Array, checking every entry is a
 * finite number; `columns` names the entries for error messages.
 */
function rows(obj: Record<string, unknown>, field: string, columns: readonly string[]): Float64Array {
  const v = obj[field];
  const width = columns.length;
  const shape = `[${columns.join(", ")}]`;
  if (v === undefined || v === null) return new Float64Array(0);
  if (v instanceof PackedRows) {
    if (v.width !== width) fail(`${field}[0]: expected ${shape}, got ${v.width} numbers`);
    for (let i = 0; i < v.data.length; i++) {
      if (!Number.isFinite(v.data[i]!)) fail(`${field}[${Math.floor(i / width)}][${i % width}]: ${columns[i % width]} must be a finite number, got ${v.data[i]}`);
    }
    return v.data;
  }
  if (!Array.isArray(v)) fail(`${field}: must be a list of ${shape}, got ${show(v)}`);
  const out = new Float64Array(v.length * width);
  v.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== width) fail(`${field}[${i}]: expected ${shape}, got ${show(row)}`);
    for (let j = 0; j < width; j++) {
      const x: unknown = row[j];
      if (typeof x !== "number" || !Number.isFinite(x)) fail(`${field}[${i}][${j}]: ${columns[j]} must be a finite number, got ${show(x)}`);
      out[i * width + j] = x;
    }
  });
  return out;
}

/** Extracts column `col` as ids in 0..limit-1 (integers), naming the offending entry otherwise. */
function ids(data: Float64Array, width: number, col: number, limit: number, field: string, what: string): Int32Array {
  const n = data.length / width;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = data[i * width + col]!;
    if (!Number.isInteger(x) || x < 0 || x >= limit) {
      fail(`${field}[${i}][${col}]: ${what} ${x} is out of range${limit > 0 ? ` 0..${limit - 1}` : ` (there are no ${what}s)`}${Number.isInteger(x) ? "" : " (not an integer)"}`);
    }
    out[i] = x;
  }
  return out;
}

/**
 * Groups pairs by proposal, reviewers ascending, in O(n + P + R) with two stable counting
 * sorts (by reviewer, then by proposal), so millions of pairs sort in milliseconds.
 */
export function groupPairs(proposals: number, reviewers: number, ps: Int32Array, rs: Int32Array): PairTable {
  const n = ps.length;
  const start = new Int32Array(proposals + 1);
  for (let i = 0; i < n; i++) start[ps[i]! + 1]!++;
  for (let p = 0; p < proposals; p++) start[p + 1]! += start[p]!;
  // Exported files are usually in order already; then the sort is the identity.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ps[i - 1]! < ps[i]! || (ps[i - 1] === ps[i] && rs[i - 1]! <= rs[i]!);
  if (sorted) {
    const index = new Int32Array(n);
    for (let i = 0; i < n; i++) index[i] = i;
    return { start, cols: rs, index };
  }
  const byReviewer = new Int32Array(n);
  const rCount = new Int32Array(reviewers + 1);
  for (let i = 0; i < n; i++) rCount[rs[i]! + 1]!++;
  for (let r = 0; r < reviewers; r++) rCount[r + 1]! += rCount[r]!;
  for (let i = 0; i < n; i++) byReviewer[rCount[rs[i]!]!++] = i;
  const next = start.slice(0, proposals);
  const cols = new Int32Array(n);
  const index = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byReviewer[j]!;
    const at = next[ps[i]!]!++;
    cols[at] = rs[i]!;
    index[at] = i;
  }
  return { start, cols, index };
}

/** Index (in the sorted table) of the first pair repeating its predecessor, or -1. */
function firstDuplicate(t: PairTable): number {
  for (let p = 0; p + 1 < t.start.length; p++) {
    for (let j = t.start[p]! + 1; j < t.start[p + 1]!; j++) if (t.cols[j] === t.cols[j - 1]) return j;
  }
  return -1;
}

function pairTable(obj: Record<string, unknown>, field: string, proposals: number, reviewers: number, duplicatesAllowed: boolean): PairTable {
  const data = rows(obj, field, ["proposal", "reviewer"]);
  const t = groupPairs(proposals, reviewers, ids(data, 2, 0, proposals, field, "proposal"), ids(data, 2, 1, reviewers, field, "reviewer"));
  const dup = duplicatesAllowed ? -1 : firstDuplicate(t);
  if (dup >= 0) fail(`${field}[${Math.max(t.index[dup]!, t.index[dup - 1]!)}]: duplicate pair, also listed as ${field}[${Math.min(t.index[dup]!, t.index[dup - 1]!)}]`);
  return t;
}

/** Position of pair (p, r) in a sorted table, or -1 (binary search in row p). */
export function findPair(t: PairTable, p: number, r: number): number {
  let lo = t.start[p]!;
  let hi = t.start[p + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = t.cols[mid]!;
    if (c === r) return mid;
    if (c < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function parseAssignmentInstance(json: unknown): AssignmentInstance {
  if (typeof json !== "object" || json === null || Array.isArray(json) || json instanceof PackedRows) fail(`input: must be a JSON object, got ${show(json)}`);
  const obj = json as Record<string, unknown>;
  const proposals = count(obj, "proposals");
  const reviewers = count(obj, "reviewers");
  const k = count(obj, "reviewsPerProposal");
  const baseMax = count(obj, "maxLoad", proposals);
  const baseMin = count(obj, "minLoad", 0);
  if (baseMax < baseMin) fail(`maxLoad: ${baseMax} is less than minLoad ${baseMin}`);
  if (proposals > 2 ** 30 || reviewers > 2 ** 30) fail(`${proposals > 2 ** 30 ? "proposals" : "reviewers"}: too many (limit ${2 ** 30})`);

  const minLoad = new Int32Array(reviewers).fill(baseMin);
  const maxLoad = new Int32Array(reviewers).fill(Math.min(baseMax, 2 ** 31 - 1));
  const overrides = rows(obj, "loadOverrides", ["reviewer", "minLoad", "maxLoad"]);
  const overridden = new Uint8Array(reviewers);
  const overrideReviewers = ids(overrides, 3, 0, reviewers, "loadOverrides", "reviewer");
  overrideReviewers.forEach((r, i) => {
    const lo = overrides[i * 3 + 1]!;
    const hi = overrides[i * 3 + 2]!;
    if (!Number.isSafeInteger(lo) || lo < 0) fail(`loadOverrides[${i}][1]: minLoad must be a non-negative integer, got ${lo}`);
    if (!Number.isSafeInteger(hi) || hi < 0) fail(`loadOverrides[${i}][2]: maxLoad must be a non-negative integer, got ${hi}`);
    if (hi < lo) fail(`loadOverrides[${i}]: maxLoad ${hi} is less than minLoad ${lo}`);
    if (overridden[r]) fail(`loadOverrides[${i}]: reviewer ${r} already has an override`);
    overridden[r] = 1;
    minLoad[r] = lo;
    maxLoad[r] = Math.min(hi, 2 ** 31 - 1);
  });

  const da = obj.defaultAffinity;
  if (da !== undefined && da !== null && (typeof da !== "number" || !Number.isFinite(da))) fail(`defaultAffinity: must be null or a finite number, got ${show(da)}`);
  const defaultAffinity = typeof da === "number" ? da : null;
  if (defaultAffinity !== null && proposals * reviewers > MAX_DENSE_PAIRS) {
    fail(`defaultAffinity: a dense instance of ${proposals} × ${reviewers} pairs is over the limit of ${MAX_DENSE_PAIRS}; list eligible pairs in affinity instead`);
  }

  const aff = rows(obj, "affinity", ["proposal", "reviewer", "score"]);
  const affTable = groupPairs(proposals, reviewers, ids(aff, 3, 0, proposals, "affinity", "proposal"), ids(aff, 3, 1, reviewers, "affinity", "reviewer"));
  const dup = firstDuplicate(affTable);
  if (dup >= 0) fail(`affinity[${Math.max(affTable.index[dup]!, affTable.index[dup - 1]!)}]: duplicate pair, also listed as affinity[${Math.min(affTable.index[dup]!, affTable.index[dup - 1]!)}]`);
  const scores = new Float64Array(affTable.cols.length);
  for (let j = 0; j < scores.length; j++) scores[j] = aff[affTable.index[j]! * 3 + 2]!;
  const affinity: ScoredPairTable = { ...affTable, scores };

  const conflicts = pairTable(obj, "conflicts", proposals, reviewers, true);
  const existing = pairTable(obj, "existing", proposals, reviewers, false);
  const reviewerLoad = new Int32Array(reviewers);
  for (let p = 0; p < proposals; p++) {
    const have = existing.start[p + 1]! - existing.start[p]!;
    if (have > k) fail(`existing: proposal ${p} already has ${have} reviewers, more than reviewsPerProposal ${k}`);
    for (let j = existing.start[p]!; j < existing.start[p + 1]!; j++) {
      const r = existing.cols[j]!;
      if (findPair(conflicts, p, r) >= 0) fail(`existing[${existing.index[j]}]: proposal ${p} and reviewer ${r} are listed in conflicts`);
      if (++reviewerLoad[r]! > maxLoad[r]!) fail(`existing: reviewer ${r} already has more than their maxLoad ${maxLoad[r]} reviews`);
    }
  }

  let balance: AssignmentInstance["balance"] = null;
  if (obj.balance !== undefined && obj.balance !== null) {
    const b = obj.balance as Record<string, unknown>;
    const per = typeof b === "object" ? b.perExtraLoad : undefined;
    if (typeof per !== "number" || !Number.isFinite(per) || per < 0) fail(`balance.perExtraLoad: must be a non-negative finite number, got ${show(per)}`);
    balance = { perExtraLoad: per };
  }
  const objective = obj.objective ?? "total";
  if (objective !== "total" && objective !== "fair") fail(`objective: must be "total" or "fair", got ${show(objective)}`);

  return {
    proposals,
    reviewers,
    reviewsPerProposal: k,
    minLoad,
    maxLoad,
    affinity,
    defaultAffinity,
    conflicts,
    existing,
    balance,
    objective: objective as AssignmentObjective,
  };
}
