import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test-support/app.js";
import { makeUser, type SignedIn } from "../../test-support/factories.js";
import { BID_AFFINITY } from "./rules.js";
import type { AssignmentPreview } from "./schema.js";
import { makeCall } from "./test-helpers.js";

const t = useTestApp();

type Highs = { solve(lp: string): { Status: string; ObjectiveValue: number } };
let highs: Highs;
beforeAll(async () => {
  // highs' types describe its CommonJS entry; under ESM the default export is the loader itself.
  const loader = (await import("highs")) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

/** The same assignment as a linear programme (integral here: a bipartite b-matching), solved by HiGHS. */
function lpOptimum(proposals: number, members: number, k: number, maxLoad: number, eligible: (p: number, m: number) => number | null): number {
  const x = (p: number, m: number) => `x_${p}_${m}`;
  const terms: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  for (let p = 0; p < proposals; p++) {
    const row: string[] = [];
    for (let m = 0; m < members; m++) {
      const a = eligible(p, m);
      if (a === null) continue;
      terms.push(`${a >= 0 ? "+" : "-"} ${Math.abs(a)} ${x(p, m)}`);
      row.push(`+ ${x(p, m)}`);
      bounds.push(`0 <= ${x(p, m)} <= 1`);
    }
    rows.push(`p${p}: ${row.join(" ")} = ${k}`);
  }
  for (let m = 0; m < members; m++) {
    const row = Array.from({ length: proposals }, (_, p) => p).filter((p) => eligible(p, m) !== null);
    if (row.length) rows.push(`m${m}: ${row.map((p) => `+ ${x(p, m)}`).join(" ")} <= ${maxLoad}`);
  }
  const lp = `Maximize\n obj: ${terms.join(" ") || "0 x_0_0"}\nSubject To\n ${rows.join("\n ")}\nBounds\n ${bounds.join("\n ")}\nEnd`;
  const sol = highs.solve(lp);
  expect(sol.Status).toBe("Optimal");
  return sol.ObjectiveValue;
}

/**
 * The assignment as the chair runs it, on random small committees: bids as preference, chair
 * conflicts as exclusions, quotas on both sides. Instances are made feasible (each proposal has
 * k members without a conflict, and loads allow it) so the result must be complete, respect
 * every quota, never use a conflict, and reach the LP optimum.
 */
describe("the app's assignment", () => {
  it("never uses a conflict, meets every quota and reaches the LP optimum", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.constantFrom("eager", "willing", "not_willing", null, "conflict"), { minLength: 16, maxLength: 16 }),
        async (reviewerCount, proposalCount, cells) => {
          const x = await makeCall(t, { blind: false });
          const members: SignedIn[] = [x.chair];
          for (let i = 0; i < reviewerCount; i++) members.push(await x.member("reviewer"));
          const ids: string[] = [];
          for (let p = 0; p < proposalCount; p++) ids.push((await x.propose(await makeUser(t().ctx), `P${p}`)).id);
          const k = 2;
          const cell = (p: number, m: number) => cells[(p * members.length + m) % cells.length]!;
          // At most members − k conflicts per proposal, so that it stays feasible; none for the chair
          // who runs it (a proposal a chair is conflicted with is left to another chair).
          const conflicted = new Set<string>();
          for (let p = 0; p < proposalCount; p++)
            for (let m = 0, n = 0; m < members.length; m++)
              if (m > 0 && cell(p, m) === "conflict" && n < members.length - k) {
                conflicted.add(`${p},${m}`);
                n++;
                expect((await x.call(x.chair, "POST", "/committee/conflicts", { proposalId: ids[p], userId: members[m]!.id })).status).toBe(200);
              }
          await x.call(x.chair, "PUT", "/phase", { phase: "bidding" });
          for (let p = 0; p < proposalCount; p++)
            for (let m = 0; m < members.length; m++) {
              const b = cell(p, m);
              if (b && b !== "conflict" && !conflicted.has(`${p},${m}`)) await x.call(members[m]!, "PUT", `/committee/proposals/${ids[p]}/bid`, { bid: b });
            }
          const maxLoad = proposalCount;
          const res = await x.call<AssignmentPreview>(x.chair, "POST", "/committee/assignment/preview", { reviewsPerProposal: k, maxLoad });
          expect(res.status).toBe(200);
          const r = res.body;
          expect(r.status).toBe("optimal");
          expect(r.short).toEqual([]);
          const pIndex = new Map(ids.map((id, i) => [id, i]));
          const mIndex = new Map(members.map((m, i) => [m.id, i]));
          const per = new Map<string, number>();
          for (const a of r.assignments) {
            expect(conflicted.has(`${pIndex.get(a.proposalId)},${mIndex.get(a.userId)}`)).toBe(false);
            per.set(a.proposalId, (per.get(a.proposalId) ?? 0) + 1);
          }
          for (const id of ids) expect(per.get(id)).toBe(k);
          for (const l of r.loads) expect(l.load).toBeLessThanOrEqual(maxLoad);
          const eligible = (p: number, m: number) => {
            if (conflicted.has(`${p},${m}`)) return null;
            const b = cell(p, m);
            return b && b !== "conflict" ? BID_AFFINITY[b] : 0;
          };
          expect(r.objective).toBeCloseTo(lpOptimum(proposalCount, members.length, k, maxLoad, eligible), 6);
        },
      ),
      { numRuns: 4 },
    );
  });
});
