import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseAssignmentInstance, solveAssignment } from "./index.js";
import type { AssignmentResult } from "./index.js";

/** The instance as a user writes it (plain JSON), which the independent checks below read. */
interface RawInstance {
  proposals: number;
  reviewers: number;
  reviewsPerProposal: number;
  maxLoad: number;
  minLoad: number;
  loadOverrides: [number, number, number][];
  affinity: [number, number, number][];
  defaultAffinity: number | null;
  conflicts: [number, number][];
  existing: [number, number][];
  balance?: { perExtraLoad: number };
  objective?: "total" | "fair";
}

type Highs = { solve(lp: string): { Status: string; ObjectiveValue: number } };
let highs: Highs;
beforeAll(async () => {
  // highs' types describe its CommonJS entry; under ESM the default export is the loader itself.
  const loader = (await import("highs")) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const key = (p: number, r: number): string => `${p},${r}`;

/** Everything an independent checker needs, derived from the raw input only. */
function view(raw: RawInstance) {
  const listed = new Map(raw.affinity.map(([p, r, s]) => [key(p, r), s]));
  const conflicts = new Set(raw.conflicts.map(([p, r]) => key(p, r)));
  const existing = new Set(raw.existing.map(([p, r]) => key(p, r)));
  const min = Array.from({ length: raw.reviewers }, () => raw.minLoad);
  const max = Array.from({ length: raw.reviewers }, () => raw.maxLoad);
  for (const [r, lo, hi] of raw.loadOverrides) {
    min[r] = lo;
    max[r] = hi;
  }
  const score = (p: number, r: number): number | undefined => listed.get(key(p, r)) ?? raw.defaultAffinity ?? undefined;
  /** New pairs that may be assigned, with their scores. */
  const eligible: { p: number; r: number; s: number }[] = [];
  for (let p = 0; p < raw.proposals; p++) {
    for (let r = 0; r < raw.reviewers; r++) {
      const s = score(p, r);
      if (s !== undefined && !conflicts.has(key(p, r)) && !existing.has(key(p, r))) eligible.push({ p, r, s });
    }
  }
  const existingOf = (p: number): number => raw.existing.filter(([q]) => q === p).length;
  const existingLoad = (r: number): number => raw.existing.filter(([, q]) => q === r).length;
  const existingScore = raw.existing.reduce((sum, [p, r]) => sum + (score(p, r) ?? 0), 0);
  return { listed, conflicts, existing, min, max, score, eligible, existingOf, existingLoad, existingScore };
}

/** Checks every hard constraint and recomputes the objective from the input. */
function check(raw: RawInstance, res: AssignmentResult): void {
  const v = view(raw);
  const seen = new Set<string>();
  const perProposal = new Array<number>(raw.proposals).fill(0);
  const load = new Array<number>(raw.reviewers).fill(0);
  let objective = 0;
  let prev: [number, number] = [-1, -1];
  for (const [p, r] of res.assignments) {
    expect(p > prev[0] || (p === prev[0] && r > prev[1]), "sorted, distinct").toBe(true);
    prev = [p, r];
    expect(v.conflicts.has(key(p, r)), `conflict ${p},${r} assigned`).toBe(false);
    expect(v.existing.has(key(p, r)) || v.score(p, r) !== undefined, `ineligible ${p},${r}`).toBe(true);
    seen.add(key(p, r));
    perProposal[p]!++;
    load[r]!++;
    objective += v.score(p, r) ?? 0;
  }
  for (const [p, r] of raw.existing) expect(seen.has(key(p, r)), `existing ${p},${r} kept`).toBe(true);
  const short = new Map(res.short.map((s) => [s.proposal, s.missing]));
  for (let p = 0; p < raw.proposals; p++) expect(perProposal[p]! + (short.get(p) ?? 0)).toBe(raw.reviewsPerProposal);
  for (let r = 0; r < raw.reviewers; r++) expect(load[r]!).toBeLessThanOrEqual(v.max[r]!);
  const underloaded = new Set((res.underloaded ?? []).map((u) => u.reviewer));
  for (let r = 0; r < raw.reviewers; r++) expect(load[r]! >= v.min[r]! || underloaded.has(r)).toBe(true);
  for (const s of res.short) expect(s.reason).toMatch(/^(only \d+ eligible reviewers?|eligible reviewers are all at their maximum load)$/);
  expect(res.status === "infeasible").toBe(res.short.length > 0 || underloaded.size > 0);
  expect(res.objective).toBeCloseTo(objective, 9);
}

const num = (x: number): string => (Object.is(x, -0) ? "0" : String(x));

/** CPLEX LP text: maximise Σ weight·x over new eligible pairs, rows given as [terms, sense, rhs]. */
function lp(raw: RawInstance, weight: (s: number) => number, extra: string[], demandSense: "=" | "<=", withMin: boolean): string {
  const v = view(raw);
  const x = v.eligible.map((_, i) => `x${i}`);
  const obj = v.eligible.map((e, i) => `${weight(e.s) < 0 ? "-" : "+"} ${num(Math.abs(weight(e.s)))} ${x[i]}`).join(" ");
  const rows: string[] = [];
  const sum = (idx: number[]): string => ["0 dummy", ...idx.map((i) => x[i])].join(" + ");
  for (let p = 0; p < raw.proposals; p++) {
    const idx = v.eligible.flatMap((e, i) => (e.p === p ? [i] : []));
    rows.push(`p${p}: ${sum(idx)} ${demandSense} ${raw.reviewsPerProposal - v.existingOf(p)}`);
  }
  for (let r = 0; r < raw.reviewers; r++) {
    const idx = v.eligible.flatMap((e, i) => (e.r === r ? [i] : []));
    rows.push(`rmax${r}: ${sum(idx)} <= ${v.max[r]! - v.existingLoad(r)}`);
    if (withMin) rows.push(`rmin${r}: ${sum(idx)} >= ${v.min[r]! - v.existingLoad(r)}`);
  }
  return ["Maximize", ` obj: 0 dummy ${obj}`, "Subject To", ...rows.map((r) => ` ${r}`), ...extra, "Bounds", " 0 <= dummy <= 0", ...x.map((n) => ` 0 <= ${n} <= 1`), "End"].join("\n");
}

function allReviewsLp(raw: RawInstance): string {
  return lp(raw, () => 1, [], "<=", false);
}

/** The load-balancing variant as an LP: unit-load variables y_rj ∈ [0,1] with increasing cost λ·(load − 1). */
function balancedLp(raw: RawInstance, lambda: number): string {
  const v = view(raw);
  const base = lp(raw, (s) => s, [], "=", true);
  const y: string[] = [];
  const obj: string[] = [];
  const rows: string[] = [];
  for (let r = 0; r < raw.reviewers; r++) {
    const ys: string[] = [];
    for (let load = v.existingLoad(r) + 1; load <= v.max[r]!; load++) {
      const name = `y${r}_${load}`;
      ys.push(name);
      y.push(` 0 <= ${name} <= 1`);
      obj.push(`- ${num(lambda * (load - 1))} ${name}`);
    }
    const xs = v.eligible.flatMap((e, i) => (e.r === r ? [`x${i}`] : []));
    rows.push(` units${r}: 0 dummy ${xs.map((x) => `+ ${x}`).join(" ")} ${ys.map((n) => `- ${n}`).join(" ")} = 0`);
  }
  return base
    .replace(/\n obj: (.*)/, (_m, o: string) => `\n obj: ${o} ${obj.join(" ")}`)
    .replace("\nBounds", `\n${rows.join("\n")}\nBounds`)
    .replace("\nEnd", `\n${y.join("\n")}\nEnd`);
}

const instance = (opts: { minLoad?: boolean; dense?: boolean } = {}): fc.Arbitrary<RawInstance> =>
  fc
    .record({
      proposals: fc.integer({ min: 1, max: 6 }),
      reviewers: fc.integer({ min: 1, max: 6 }),
      k: fc.integer({ min: 0, max: 3 }),
      maxLoad: fc.integer({ min: 0, max: 5 }),
      minLoad: fc.integer({ min: 0, max: opts.minLoad ? 2 : 0 }),
      cells: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -1000, max: 1000 })), { minLength: 36, maxLength: 36 }),
      defaultAffinity: opts.dense ? fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }).map((x) => x / 10)) : fc.constant(null),
      override: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 4 }))),
    })
    .map(({ proposals, reviewers, k, maxLoad, minLoad, cells, defaultAffinity, override }) => {
      const raw: RawInstance = {
        proposals,
        reviewers,
        reviewsPerProposal: k,
        maxLoad: Math.max(maxLoad, minLoad),
        minLoad,
        loadOverrides: [],
        affinity: [],
        defaultAffinity,
        conflicts: [],
        existing: [],
      };
      if (override) {
        const [r, lo, hi] = override;
        raw.loadOverrides.push([r % reviewers, Math.min(lo, opts.minLoad ? lo : 0), Math.max(hi, lo)]);
      }
      const max = (r: number): number => raw.loadOverrides.find(([q]) => q === r)?.[2] ?? raw.maxLoad;
      const perP = new Array<number>(proposals).fill(0);
      const perR = new Array<number>(reviewers).fill(0);
      for (let p = 0; p < proposals; p++) {
        for (let r = 0; r < reviewers; r++) {
          const [u, s] = cells[p * 6 + r]!;
          const score = s / 1000;
          if (u < 0.55) raw.affinity.push([p, r, score]);
          else if (u < 0.65) raw.conflicts.push([p, r]);
          else if (u < 0.72 && perP[p]! < k && perR[r]! < max(r)) {
            raw.existing.push([p, r]);
            if (u < 0.69) raw.affinity.push([p, r, score]);
            perP[p]!++;
            perR[r]!++;
          }
        }
      }
      return raw;
    });

const solve = (raw: RawInstance): AssignmentResult => solveAssignment(parseAssignmentInstance(JSON.parse(JSON.stringify(raw))));

describe("solveAssignment", () => {
  it("never breaks a hard constraint and reports the objective of its pairs", () => {
    fc.assert(
      fc.property(instance({ minLoad: true, dense: true }), (raw) => check(raw, solve(raw))),
      { numRuns: 300 },
    );
  });

  it("matches the LP optimum (HiGHS) when feasible, and is infeasible exactly when the LP is", () => {
    fc.assert(
      fc.property(instance({ minLoad: true, dense: true }), (raw) => {
        const res = solve(raw);
        const sol = highs.solve(lp(raw, (s) => s, [], "=", true));
        if (sol.Status === "Infeasible") {
          expect(res.status).toBe("infeasible");
          return;
        }
        expect(sol.Status).toBe("Optimal");
        expect(res.status).toBe("optimal");
        expect(res.objective - view(raw).existingScore).toBeCloseTo(sol.ObjectiveValue, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("with balance, matches the LP of affinity minus the convex load penalty", () => {
    fc.assert(
      fc.property(instance({ minLoad: true }), fc.constantFrom(0.05, 0.1, 0.3), (raw, lambda) => {
        const res = solve({ ...raw, balance: { perExtraLoad: lambda } });
        check(raw, res);
        const sol = highs.solve(balancedLp(raw, lambda));
        if (sol.Status === "Infeasible") {
          expect(res.status).toBe("infeasible");
          return;
        }
        expect(res.status).toBe("optimal");
        const v = view(raw);
        const load = new Array<number>(raw.reviewers).fill(0);
        for (const [, r] of res.assignments) load[r]!++;
        const penalty = load.reduce((sum, l, r) => {
          const e = v.existingLoad(r);
          return sum + (lambda * (l * (l - 1) - e * (e - 1))) / 2;
        }, 0);
        expect(res.objective - v.existingScore - penalty).toBeCloseTo(sol.ObjectiveValue, 6);
      }),
      { numRuns: 200 },
    );
  });

  it("when infeasible, places as many reviews as possible, then maximises affinity among those", () => {
    fc.assert(
      fc.property(instance({ dense: true }), (raw) => {
        const res = solve(raw);
        const v = view(raw);
        const most = highs.solve(allReviewsLp(raw));
        expect(most.Status).toBe("Optimal");
        const placed = res.assignments.length - raw.existing.length;
        expect(placed).toBe(Math.round(most.ObjectiveValue));
        const terms = ["0 dummy", ...v.eligible.map((_, i) => `x${i}`)].join(" + ");
        const best = highs.solve(lp(raw, (s) => s, [` all: ${terms} = ${placed}`], "<=", false));
        expect(best.Status).toBe("Optimal");
        expect(res.objective - v.existingScore).toBeCloseTo(best.ObjectiveValue, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("names why a proposal is short", () => {
    const res = solve({
      proposals: 3,
      reviewers: 3,
      reviewsPerProposal: 2,
      maxLoad: 1,
      minLoad: 0,
      loadOverrides: [],
      affinity: [
        [0, 0, 1],
        [0, 1, 1],
        [1, 2, 1],
        [2, 0, 0.5],
        [2, 1, 0.5],
      ],
      defaultAffinity: null,
      conflicts: [],
      existing: [],
    });
    expect(res.status).toBe("infeasible");
    expect(res.short).toEqual([
      { proposal: 1, missing: 1, reason: "only 1 eligible reviewer" },
      { proposal: 2, missing: 2, reason: "eligible reviewers are all at their maximum load" },
    ]);
  });

  it("reports reviewers that cannot reach their minimum load", () => {
    const res = solve({
      proposals: 2,
      reviewers: 2,
      reviewsPerProposal: 1,
      maxLoad: 2,
      minLoad: 0,
      loadOverrides: [[1, 2, 2]],
      affinity: [
        [0, 0, 1],
        [0, 1, 0],
        [1, 0, 1],
      ],
      defaultAffinity: null,
      conflicts: [],
      existing: [],
    });
    expect(res.status).toBe("infeasible");
    expect(res.assignments).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(res.underloaded).toEqual([{ reviewer: 1, load: 1, minLoad: 2, reason: "only 1 eligible proposal" }]);
  });

  it("balance spreads load at some cost in affinity", () => {
    const raw: RawInstance = {
      proposals: 4,
      reviewers: 2,
      reviewsPerProposal: 1,
      maxLoad: 4,
      minLoad: 0,
      loadOverrides: [],
      affinity: [0, 1, 2, 3].flatMap((p): [number, number, number][] => [
        [p, 0, 1],
        [p, 1, 0.9],
      ]),
      defaultAffinity: null,
      conflicts: [],
      existing: [],
    };
    expect(solve(raw).assignments.filter(([, r]) => r === 0)).toHaveLength(4);
    const balanced = solve({ ...raw, balance: { perExtraLoad: 0.2 } });
    check(raw, balanced);
    expect(balanced.assignments.filter(([, r]) => r === 0)).toHaveLength(2);
    expect(balanced.status).toBe("optimal");
  });

  it("fair maximises the worst new pair's affinity, then the total", () => {
    fc.assert(
      fc.property(instance(), (raw) => {
        const plain = solve(raw);
        const fair = solve({ ...raw, objective: "fair" });
        check(raw, fair);
        expect(fair.assignments.length).toBe(plain.assignments.length);
        const v = view(raw);
        const worst = (res: AssignmentResult): number =>
          Math.min(...res.assignments.filter(([p, r]) => !v.existing.has(key(p, r))).map(([p, r]) => v.score(p, r)!));
        if (fair.fairThreshold === undefined) return;
        expect(worst(fair)).toBe(fair.fairThreshold);
        expect(worst(fair)).toBeGreaterThanOrEqual(worst(plain));
        // No assignment placing as many reviews uses only pairs above the threshold.
        const above = v.eligible.filter((e) => e.s > fair.fairThreshold!).map((e) => [e.p, e.r, e.s] as [number, number, number]);
        const existingListed = raw.affinity.filter(([p, r]) => v.existing.has(key(p, r)));
        const stricter = solve({ ...raw, affinity: [...above, ...existingListed], defaultAffinity: null });
        expect(stricter.assignments.length).toBeLessThan(plain.assignments.length);
      }),
      { numRuns: 200 },
    );
  });

  it("returns a feasible assignment when the time limit is hit", () => {
    const proposals = 300;
    const reviewers = 300;
    const affinity: [number, number, number][] = [];
    for (let p = 0; p < proposals; p++) for (let r = 0; r < reviewers; r++) affinity.push([p, r, ((p * 7919 + r * 104729) % 1000) / 1000]);
    const raw: RawInstance = { proposals, reviewers, reviewsPerProposal: 3, maxLoad: 3, minLoad: 0, loadOverrides: [], affinity, defaultAffinity: null, conflicts: [], existing: [] };
    const res = solveAssignment(parseAssignmentInstance(raw), { timeLimitMs: 0 });
    expect(res.status).toBe("feasible");
    check(raw, res);
  });
});
