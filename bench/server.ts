/**
 * Server figures: start-up to ready (existing and new data dir), peak RSS idle and under
 * load, and GET /api/v1/events under 50 connections as a ratio of a bare Fastify route
 * serving the same bytes, measured back to back in one run, on PGlite and PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { fmt, median, table } from "./lib.js";

export const title = "Server: start-up, memory, event-list throughput";

const PG_ADMIN = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
let nextPort = 3900;

interface Running {
  child: ChildProcess;
  port: number;
  readyMs: number;
}

async function waitReady(port: number, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function start(cmd: string, args: string[], env: Record<string, string>): Promise<Running> {
  const port = nextPort++;
  if (await fetch(`http://127.0.0.1:${port}/readyz`).then(() => true, () => false)) throw new Error(`port ${port} is taken by a leftover server`);
  const started = performance.now();
  // Its own process group: `npm start` runs the server as a grandchild, which a signal to
  // npm alone would leave running on its port.
  const child = spawn(cmd, args, { env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const readyMs = await waitReady(port, child, started);
  return { child, port, readyMs };
}

async function stop(r: Running): Promise<void> {
  const exited = new Promise((resolve) => r.child.once("exit", resolve));
  process.kill(-r.child.pid!, "SIGTERM");
  await exited;
  // The group's other members (the server under npm) finish draining before the next start.
  for (let i = 0; i < 500; i++) {
    try {
      process.kill(-r.child.pid!, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Peak resident set so far (VmHWM) of a process, in MiB. */
function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function load(port: number, seconds: number) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}/api/v1/events`, connections: 50, duration: seconds });
  if (r.non2xx || r.errors) throw new Error(`load run had ${r.non2xx} non-2xx and ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

async function backendFigures(name: string, env: Record<string, string>, startCmd: [string, string[]]) {
  // New data dir (or new database): migrate + seed. Then restarts on the existing one.
  const cold: number[] = [];
  const warm: number[] = [];
  let coldEnv = env;
  for (let i = 0; i < 3; i++) {
    coldEnv = await fresh(name, env);
    const r = await start(...startCmd, coldEnv);
    cold.push(r.readyMs);
    await stop(r);
  }
  for (let i = 0; i < 5; i++) {
    const r = await start(...startCmd, coldEnv);
    warm.push(r.readyMs);
    await stop(r);
  }
  const ours = await start(...startCmd, coldEnv);
  await new Promise((r) => setTimeout(r, 1500));
  const idleRss = peakRssMiB(ours.child.pid!);
  const body = await (await fetch(`http://127.0.0.1:${ours.port}/api/v1/events`)).text();
  const bodyFile = join(tmpdir(), `plenary-bench-body-${process.pid}.json`);
  writeFileSync(bodyFile, body);
  const bare = await start("node", ["dist/bench/bare-server.js"], { BARE_BODY_FILE: bodyFile });
  await load(ours.port, 2); // warm-up: JIT, caches, connection pools
  await load(bare.port, 2);
  const runs: { ours: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>> }[] = [];
  for (let i = 0; i < 2; i++) runs.push({ ours: await load(ours.port, 8), bare: await load(bare.port, 8) });
  const loadRss = peakRssMiB(ours.child.pid!);
  await stop(ours);
  await stop(bare);
  rmSync(bodyFile, { force: true });
  const oursRps = median(runs.map((r) => r.ours.rps));
  const bareRps = median(runs.map((r) => r.bare.rps));
  return {
    name,
    cold: median(cold),
    warm: median(warm),
    idleRss,
    loadRss,
    oursRps,
    bareRps,
    oursP99: median(runs.map((r) => r.ours.p99)),
    bareP99: median(runs.map((r) => r.bare.p99)),
    bytes: body.length,
  };
}

async function fresh(name: string, env: Record<string, string>): Promise<Record<string, string>> {
  if (name === "PGlite") return { ...env, PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), "plenary-bench-")) };
  const db = `plenary_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${db}`);
  await c.query(`CREATE DATABASE ${db}`);
  await c.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${db}`;
  return { ...env, PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), "plenary-bench-")), DATABASE_URL: url.toString() };
}

export async function run(): Promise<string> {
  const direct: [string, string[]] = ["node", ["--liftoff-only", "dist/src/cli/run.js", "serve"]];
  const results = [await backendFigures("PGlite", {}, direct), await backendFigures("PostgreSQL", {}, direct)];
  // `npm start` as a user types it: adds npm's own start-up and the build-freshness check.
  const npmEnv = await fresh("PGlite", {});
  const first = await start("npm", ["start", "--silent"], npmEnv);
  await stop(first);
  const npmWarm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await start("npm", ["start", "--silent"], npmEnv);
    npmWarm.push(r.readyMs);
    await stop(r);
  }
  const rows = results.map((r) => [
    r.name,
    fmt.ms(r.warm),
    fmt.ms(r.cold),
    fmt.mib(r.idleRss),
    fmt.mib(r.loadRss),
    `${r.oursRps.toFixed(0)} / ${r.bareRps.toFixed(0)}`,
    fmt.ratio(r.oursRps / r.bareRps),
    `${r.oursP99} ms / ${r.bareP99} ms`,
  ]);
  return [
    "Targets: ready < 2 s on an existing data dir; peak RSS < 250 MB idle and under load; event-list throughput ≥ 0.6× the bare-Fastify ceiling on PostgreSQL.",
    "",
    table(["database", "ready, existing (median of 5)", "ready, new: migrate + seed (median of 3)", "peak RSS idle", "peak RSS after load", "GET /api/v1/events req/s: ours / bare", "ratio", "p99: ours / bare"], rows),
    "",
    `Start-up is measured from spawning \`node --liftoff-only dist/src/cli/run.js serve\` (the flags \`npm start\` uses) to the first 200 from /readyz. Through \`npm start\` (npm itself plus the build-freshness check) on an existing PGlite data dir: median ${fmt.ms(median(npmWarm))} of 5.`,
    "PGlite's memory floor: its WebAssembly build cannot start with less than 128 MiB of linear memory (2,048 pages; `initialMemory` below that fails to link), and a bare `PGlite.create()` on this data dir peaks at about 270 MiB (`--liftoff-only`) before Plenary loads anything, so the 250 MB target is met only on PostgreSQL.",
    `Load: autocannon in the bench process, 50 connections, two 8 s runs each after a 2 s warm-up, ours and the bare route alternating; the response is the demo's event list (${results[0]!.bytes} bytes). Both servers and the load generator share the machine's 2 cores, so the ratio, not the absolute rate, is the figure to compare.`,
  ].join("\n");
}
