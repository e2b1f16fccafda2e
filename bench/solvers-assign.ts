/**
 * Reviewer assignment: `plenary solve assign` as a whole process against LP peers on the same
 * seeded instances — scipy's HiGHS (linprog) and the `highs` npm package (HiGHS in WebAssembly).
 * The assignment LP is totally unimodular, so the peers' LP optimum is the integer optimum and
 * the objectives must agree.
 */
import { existsSync, mkdirSync, openSync, writeSync, closeSync } from "node:fs";
import { fmt, loadLine, median, runMeasured, table } from "./lib.js";
import type { ProcessRun } from "./lib.js";

export const title = "Reviewer assignment";

const dir = "bench/.instances";
const REPEATS = 3;

interface Case {
  name: string;
  proposals: number;
  reviewers: number;
  k: number;
  maxLoad: number;
  conflictRate: number;
  /** Eligible reviewers per proposal; all of them when undefined. */
  perProposal?: number;
  target?: string;
  peers: ("scipy" | "highs-npm")[];
}

const cases: Case[] = [
  { name: "300 × 100, k=3, max 10, 2% conflicts, all pairs", proposals: 300, reviewers: 100, k: 3, maxLoad: 10, conflictRate: 0.02, peers: ["highs-npm", "scipy"] },
  {
    name: "911 × 2,435, k=3, max 6, 1% conflicts, all 2.2 M pairs",
    proposals: 911,
    reviewers: 2435,
    k: 3,
    maxLoad: 6,
    conflictRate: 0.01,
    target: "< 2 s, < 1 GB",
    peers: ["scipy", "highs-npm"],
  },
  {
    name: "20,000 × 20,000, k=4, max 6, 100 eligible per proposal (2 M pairs)",
    proposals: 20000,
    reviewers: 20000,
    k: 4,
    maxLoad: 6,
    conflictRate: 0,
    perProposal: 100,
    target: "< 30 s, < 2 GB",
    peers: ["scipy"],
  },
];

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the case's instance (once; seeded, so always the same file) and returns its path. */
function instanceFile(c: Case, seed: number): string {
  const path = `${dir}/assign-${c.proposals}x${c.reviewers}-k${c.k}-${c.perProposal ?? "all"}-s${seed}.json`;
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const rnd = prng(seed);
  const affinity: string[] = [];
  const conflicts: string[] = [];
  for (let p = 0; p < c.proposals; p++) {
    let reviewers: Iterable<number>;
    if (c.perProposal === undefined) {
      reviewers = Array.from({ length: c.reviewers }, (_, r) => r);
    } else {
      const chosen = new Set<number>();
      while (chosen.size < c.perProposal) chosen.add(Math.floor(rnd() * c.reviewers));
      reviewers = [...chosen].sort((x, y) => x - y);
    }
    for (const r of reviewers) {
      affinity.push(`[${p},${r},${Math.round(rnd() * 1e4) / 1e4}]`);
      if (rnd() < c.conflictRate) conflicts.push(`[${p},${r}]`);
    }
  }
  const fd = openSync(path, "w");
  writeSync(fd, `{"proposals":${c.proposals},"reviewers":${c.reviewers},"reviewsPerProposal":${c.k},"maxLoad":${c.maxLoad},"minLoad":0,"defaultAffinity":null,"existing":[],\n"conflicts":[${conflicts.join(",")}],\n"affinity":[`);
  // In slices: one string of all 2 M rows would come close to V8's string length limit.
  for (let i = 0; i < affinity.length; i += 100_000) writeSync(fd, (i ? "," : "") + affinity.slice(i, i + 100_000).join(","));
  writeSync(fd, "]}\n");
  closeSync(fd);
  return path;
}

/** A bench script compiled into dist/ when a build exists, else run from source with tsx. */
function script(name: string): { cmd: string; args: string[]; label: string } {
  const compiled = `dist/bench/${name}.js`;
  if (existsSync(compiled)) return { cmd: process.execPath, args: [compiled], label: `node ${compiled}` };
  return { cmd: process.execPath, args: ["--import", "tsx", `bench/${name}.ts`], label: `node --import tsx bench/${name}.ts` };
}

interface Row {
  tool: string;
  runs: ProcessRun[];
  status: string;
  objective: number;
  note: string;
}

interface Reported {
  status: string;
  objective?: number;
  error?: string;
}

function summarise(tool: string, runs: ProcessRun[]): Row {
  const last = runs[runs.length - 1]!;
  try {
    const { status, objective, error } = JSON.parse(last.stdout) as Reported;
    const note = error ? `exit ${last.code}: ${error.replace(/\|/g, "\\|")}` : runs.length > 1 ? `median of ${runs.length}` : "1 run";
    return { tool, runs, status, objective: objective ?? Number.NaN, note };
  } catch {
    const why = last.code === null ? "killed (timeout)" : `exit ${last.code}`;
    const err = last.stderr.trim().split("\n").filter(Boolean).slice(-1)[0] ?? "";
    return { tool, runs, status: "failed", objective: Number.NaN, note: `${why}${err ? `: ${err.slice(0, 120).replace(/\|/g, "\\|")}` : ""}` };
  }
}

export async function run(): Promise<string> {
  const load = loadLine();
  const ours = script("assign-cli");
  const highsNpm = script("assign-highs");
  const sections: string[] = [];
  const seed = 20260601;
  for (const c of cases) {
    const file = instanceFile(c, seed);
    console.error(`  ${c.name}`);
    const oursRuns: ProcessRun[] = [];
    for (let i = 0; i < REPEATS; i++) oursRuns.push(await runMeasured(ours.cmd, [...ours.args, "--input", file], { timeoutMs: 120_000 }));
    const rows: Row[] = [summarise("Plenary (min-cost flow)", oursRuns)];
    for (const peer of c.peers) {
      if (peer === "scipy") {
        const r = await runMeasured("/usr/bin/python3", ["bench/assign_scipy.py", file], { timeoutMs: 300_000 });
        rows.push(summarise("scipy linprog(method=\"highs\") — bench/assign_scipy.py", [r]));
      } else {
        const r = await runMeasured(highsNpm.cmd, [...highsNpm.args, file], { timeoutMs: 180_000 });
        rows.push(summarise("`highs` npm LP — bench/assign-highs.ts", [r]));
      }
    }
    const best = rows[0]!.objective;
    sections.push(
      `### ${c.name}${c.target ? ` (target ${c.target})` : ""}\n\n` +
        table(
          ["Tool", "Wall time", "Peak RSS", "Status", "Objective", "Δ vs ours", "Notes"],
          rows.map((r) => [
            r.tool,
            fmt.s(median(r.runs.map((x) => x.seconds))),
            fmt.mib(median(r.runs.map((x) => x.peakRssMiB))),
            r.status,
            Number.isFinite(r.objective) ? r.objective.toFixed(4) : "—",
            Number.isFinite(r.objective) && r !== rows[0] ? (r.objective - best).toExponential(1) : "",
            r.note,
          ]),
        ),
    );
  }
  return [
    `Whole-process wall time and peak RSS (GNU time), instances generated with seed ${seed} into \`${dir}/\`. ${load}`,
    `Ours measured as \`${ours.label} --input FILE\` (${ours.label.includes("tsx") ? "from source under tsx: no build existed; a compiled run starts faster" : "compiled"}); the \`highs\` npm peer as \`${highsNpm.label} FILE\`.`,
    "Peers solve the LP relaxation, which is integral here (transportation problem), so equal objectives mean both are optimal.",
    ...sections,
  ].join("\n\n");
}
