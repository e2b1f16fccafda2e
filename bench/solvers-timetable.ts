/**
 * Timetable solver against cbc on the same MILP (the one src/solvers/timetable/exact.ts builds),
 * on seeded unconference days, plus re-planning a day after one topic is added.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { evaluate } from "../src/solvers/timetable/cost.js";
import { buildMilp, solveExact } from "../src/solvers/timetable/exact.js";
import { generateTimetable } from "../src/solvers/timetable/generate.js";
import { compile } from "../src/solvers/timetable/model.js";
import type { TimetableInstance, TimetableResult } from "../src/solvers/timetable/types.js";
import { fmt, hasCommand, median, runMeasured, table, type ProcessRun } from "./lib.js";

export const title = "Timetable";

const DIR = "bench/.instances";
const REPEATS = 3;
const CBC_SMALL_SECONDS = 30;
const HIGHS_SECONDS = 10;
const CBC_LARGE_SECONDS = 120;

/** Sources whose compiled copies the measured process runs. */
function timetableSources(): string[] {
  const dir = "src/solvers/timetable";
  const solver = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  return [...solver.map((f) => `${dir}/${f}`), "src/cli/solve-timetable.ts", "src/cli/solve-io.ts", "bench/timetable-cli.ts"];
}

/** dist/ when it is built and not older than the sources (a stale build would measure old code), else tsx. */
function ours(): { cmd: string; pre: string[]; label: string; note?: string } {
  const built = "dist/bench/timetable-cli.js";
  const stale = timetableSources().filter((f) => {
    const js = `dist/${f.replace(/\.ts$/, ".js")}`;
    return !existsSync(js) || statSync(js).mtimeMs < statSync(f).mtimeMs;
  });
  if (existsSync(built) && !stale.length) return { cmd: process.execPath, pre: [built], label: `node ${built}` };
  const why = existsSync(built) ? `dist/ is older than ${stale.join(", ")}` : "no dist/ build";
  return { cmd: process.execPath, pre: ["--import", "tsx", "bench/timetable-cli.ts"], label: "node --import tsx bench/timetable-cli.ts", note: `${why}; tsx adds about 0.3 s of start-up to every run` };
}

interface Measured {
  runs: ProcessRun[];
  result: TimetableResult;
}

type Ours = ReturnType<typeof ours>;

async function runOurs(o: Ours, file: string, extra: string[], repeats: number): Promise<Measured> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < repeats; i++) {
    const r = await runMeasured(o.cmd, [...o.pre, "--input", file, "--seed", "1", ...extra]);
    if (r.code !== 0 && r.code !== 2) throw new Error(`timetable CLI failed (${r.code}): ${r.stderr}`);
    runs.push(r);
  }
  return { runs, result: JSON.parse(runs[runs.length - 1]!.stdout) as TimetableResult };
}

interface PeerFigures {
  seconds: number;
  rss: number;
  status: string;
  cost: number;
  bound: number;
  checked: string;
}

/** cbc on the LP file; its solution is decoded and re-costed with our evaluator as a cross-check. */
async function runCbc(instance: TimetableInstance, name: string, seconds: number): Promise<PeerFigures | undefined> {
  if (!hasCommand("/usr/bin/cbc")) return undefined;
  const m = compile(instance);
  const milp = buildMilp(m);
  const lp = `${DIR}/${name}.lp`;
  const sol = `${DIR}/${name}.cbc.txt`;
  writeFileSync(lp, milp.lp);
  writeFileSync(sol, "");
  // Wall-clock limit, as for ours; cbc's default counts CPU time. The kill is only a backstop.
  const r = await runMeasured("/usr/bin/cbc", [lp, "timeMode", "elapsed", "sec", String(seconds), "solve", "solu", sol], { timeoutMs: (seconds + 180) * 1000 });
  const status = /Result - (.*)/.exec(r.stdout)?.[1]?.trim() ?? `killed or crashed (exit ${r.code})`;
  const bound = Number(/Lower bound:\s+(-?[\d.e+]+)/.exec(r.stdout)?.[1] ?? (status.startsWith("Optimal") ? /Objective value:\s+(-?[\d.e+]+)/.exec(r.stdout)?.[1] : NaN));
  const values = new Map<string, number>();
  const lines = readFileSync(sol, "utf8").split("\n");
  for (const line of lines.slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 3) values.set(f[1]!, Number(f[2]));
  }
  const found = values.size > 0 && !/infeasible|no feasible/i.test(lines[0] ?? "");
  const cost = found ? evaluate(m, milp.decode((v) => values.get(v) ?? 0)).cost : NaN;
  const claimed = Number(/objective value\s+(-?[\d.e+]+)/i.exec(lines[0] ?? "")?.[1] ?? NaN);
  return { seconds: r.seconds, rss: r.peakRssMiB, status, cost, bound, checked: found ? (Math.abs(cost - claimed) < 1e-6 ? "re-costed, agrees" : `re-costed ${cost} vs claimed ${claimed}`) : "no timetable" };
}

/**
 * highs through the code our exact phase uses, timed in this process (so no RSS); its legacy API
 * reports no dual bound when stopped by the clock.
 */
async function runHighs(instance: TimetableInstance, seconds: number): Promise<PeerFigures> {
  const m = compile(instance);
  const started = performance.now();
  const r = await solveExact(m, seconds);
  return {
    seconds: (performance.now() - started) / 1000,
    rss: NaN,
    status: r.proven ? "Optimal" : "stopped on time limit",
    cost: r.at ? evaluate(m, r.at).cost : NaN,
    bound: NaN,
    checked: r.at ? "re-costed" : "no timetable",
  };
}

const money = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "—" : String(Math.round(x * 100) / 100));
const gap = (cost: number, bound: number | undefined) => (bound === undefined || !Number.isFinite(bound) || !Number.isFinite(cost) ? "—" : cost === 0 ? "0%" : `${(((cost - bound) / cost) * 100).toFixed(1)}%`);
const parts = (r: TimetableResult) => `${money(r.breakdown.clashes)} / ${money(r.breakdown.overflow)} / ${money(r.breakdown.unplaced)} / ${money(r.breakdown.moves)}`;

function ourRow(label: string, m: Measured): (string | number)[] {
  const r = m.result;
  return [label, fmt.s(median(m.runs.map((x) => x.seconds))), fmt.s(r.stats.seconds), fmt.mib(median(m.runs.map((x) => x.peakRssMiB))), money(r.cost), parts(r), money(r.lowerBound), gap(r.cost, r.lowerBound), `${r.status} (exact: ${r.stats.exact}, bound: ${r.stats.boundFrom})`];
}

function peerRow(label: string, p: PeerFigures | undefined): (string | number)[] {
  if (!p) return [label, "not installed", "", "", "", "", "", "", ""];
  return [label, fmt.s(p.seconds), "—", fmt.mib(p.rss), money(p.cost), p.checked, money(p.bound), gap(p.cost, p.bound), p.status];
}

const HEADER = ["solver", "wall", "in-process solve", "peak RSS", "cost", "clashes / overflow / unplaced / moves", "lower bound", "gap", "status"];

/** The day after: one new topic that 40 people want, and the earlier timetable as `previous`. */
function withOneMoreTopic(instance: TimetableInstance, before: TimetableResult): TimetableInstance {
  const id = "late-addition";
  return {
    ...instance,
    topics: [...instance.topics, { id, leaders: ["newcomer"], length: 1, needs: [], unavailable: [] }],
    interest: instance.interest.map((e, i) => (i % 25 === 0 ? { ...e, topics: [...e.topics, id] } : e)),
    previous: before.placements,
  };
}

function movedOthers(before: TimetableResult, after: TimetableResult): number {
  const was = new Map(before.placements.map((p) => [p.topic, `${p.area}@${p.slot}`]));
  const now = new Map(after.placements.map((p) => [p.topic, `${p.area}@${p.slot}`]));
  let moved = 0;
  for (const id of new Set([...was.keys(), ...now.keys()])) if (id !== "late-addition" && was.get(id) !== now.get(id)) moved++;
  return moved;
}

export async function run(): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const who = ours();
  const small = generateTimetable({ topics: 40, areas: 4, days: 2, slotsPerDay: 6, people: 150, seed: 7 });
  const large = generateTimetable({ topics: 300, areas: 20, days: 2, slotsPerDay: 6, people: 2000, seed: 7 });
  const smallFile = `${DIR}/timetable-40.json`;
  const largeFile = `${DIR}/timetable-300.json`;
  writeFileSync(smallFile, JSON.stringify(small));
  writeFileSync(largeFile, JSON.stringify(large));

  const smallFast = await runOurs(who, smallFile, ["--time-limit", "0.5"], REPEATS);
  const smallHighs = await runHighs(small, HIGHS_SECONDS);
  const smallCbc = await runCbc(small, "timetable-40", CBC_SMALL_SECONDS);
  const largeOurs = await runOurs(who, largeFile, ["--time-limit", "2"], REPEATS);
  const largeCbc = await runCbc(large, "timetable-300", CBC_LARGE_SECONDS);

  const replanFile = `${DIR}/timetable-300-replan.json`;
  writeFileSync(replanFile, JSON.stringify(withOneMoreTopic(large, largeOurs.result)));
  const replan = await runOurs(who, replanFile, ["--time-limit", "2"], REPEATS);
  const added = replan.result.placements.find((p) => p.topic === "late-addition");

  const milpSize = (inst: TimetableInstance) => {
    const s = buildMilp(compile(inst)).size;
    return `${s.columns} binaries/unplaced columns, ${s.rows} rows`;
  };
  return [
    `Ours: \`${who.label} --seed 1\`${who.note ? ` (${who.note})` : ""}, whole process under /usr/bin/time, median of ${REPEATS} runs unless marked ×1. Peer: \`cbc MODEL.lp timeMode elapsed sec N solve solu OUT\` on the MILP our exact phase gives highs, written as a CPLEX LP file to ${DIR}/, run once; its timetable is read back and re-costed by our evaluator. Cost columns are in person units (lower is better); gap = (cost − lower bound) / cost.`,
    "",
    `### 40 topics, 4 areas, 12 slots (2 days × 6), 150 people (MILP: ${milpSize(small)})`,
    "",
    table(HEADER, [ourRow("ours, --time-limit 0.5", smallFast), peerRow(`highs (npm, in this process) on the same MILP, ${HIGHS_SECONDS} s limit (×1)`, smallHighs), peerRow(`cbc, ${CBC_SMALL_SECONDS} s limit (×1)`, smallCbc)]),
    "",
    `### 300 topics, 20 areas, 12 slots, 2,000 people (MILP: ${milpSize(large)})`,
    "",
    table(HEADER, [ourRow("ours, --time-limit 2", largeOurs), peerRow(`cbc, ${CBC_LARGE_SECONDS} s limit (×1)`, largeCbc)]),
    "",
    "### Re-planning the 300-topic day after one topic is added",
    "",
    `previous = our --time-limit 2 timetable above; the new topic interests 80 people. Topics other than the new one whose placement changed: **${movedOthers(largeOurs.result, replan.result)}**; the new topic was ${added ? `placed in area ${added.area} at ${added.slot}` : `left out (${replan.result.unplaced.find((u) => u.topic === "late-addition")?.reason ?? "?"})`}. In-process solve time ${fmt.s(replan.result.stats.seconds)}.`,
    "",
    table(HEADER, [ourRow("ours, re-plan", replan)]),
  ].join("\n");
}
