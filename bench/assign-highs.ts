/**
 * Peer for the reviewer-assignment benchmark: the same instance as a CPLEX-format LP solved
 * by the `highs` npm package (HiGHS in WebAssembly). Prints {status, objective} as JSON.
 * Existing assignments and min loads are not used by the benchmark instances, so this peer
 * models only eligibility, conflicts, exactly-k and max load.
 */
import { readFileSync } from "node:fs";
import highsModule from "highs";

interface Instance {
  proposals: number;
  reviewers: number;
  reviewsPerProposal: number;
  maxLoad: number;
  affinity: [number, number, number][];
  conflicts?: [number, number][];
}

const inst = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Instance;
const conflicts = new Set((inst.conflicts ?? []).map(([p, r]) => p * inst.reviewers + r));
const pairs = inst.affinity.filter(([p, r]) => !conflicts.has(p * inst.reviewers + r));
const byProposal: string[][] = Array.from({ length: inst.proposals }, () => []);
const byReviewer: string[][] = Array.from({ length: inst.reviewers }, () => []);
const objective: string[] = [];
const bounds: string[] = [];
pairs.forEach(([p, r, s], i) => {
  objective.push(`${s < 0 ? "-" : "+"} ${Math.abs(s)} x${i}`);
  byProposal[p]!.push(`x${i}`);
  byReviewer[r]!.push(`x${i}`);
  bounds.push(` 0 <= x${i} <= 1`);
});
const lp = [
  "Maximize",
  ` obj: ${objective.join(" ")}`,
  "Subject To",
  ...byProposal.map((xs, p) => ` p${p}: ${xs.join(" + ") || "0 x0"} = ${inst.reviewsPerProposal}`),
  ...byReviewer.map((xs, r) => (xs.length ? ` r${r}: ${xs.join(" + ")} <= ${inst.maxLoad}` : "")).filter(Boolean),
  "Bounds",
  ...bounds,
  "End",
].join("\n");
// highs' types describe its CommonJS entry; under ESM the default export is the loader itself.
const highs = await (highsModule as unknown as () => Promise<{ solve(lp: string): { Status: string; ObjectiveValue: number } }>)();
try {
  const sol = highs.solve(lp);
  console.log(JSON.stringify({ status: sol.Status === "Optimal" ? "optimal" : sol.Status, objective: sol.ObjectiveValue }));
} catch (e) {
  // On big models the WebAssembly build aborts (out of memory); report it like a result.
  console.log(JSON.stringify({ status: "crashed", error: (e as Error).message }));
  process.exitCode = 1;
}
