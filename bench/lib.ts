import { spawn } from "node:child_process";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { openDatabase, wrapPglite, type Database } from "../src/server/platform/db/index.js";
import { migrate } from "../src/server/platform/db/migrate.js";

/** One line naming the machine, for the header of docs/benchmarks.md. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface ProcessRun {
  code: number | null;
  seconds: number;
  /** Peak resident set of the child, from GNU time, in MiB. */
  peakRssMiB: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command under /usr/bin/time so that whole-process wall time and peak RSS are
 * measured the same way for our tools and for peers (scipy, cbc, highs).
 */
export function runMeasured(cmd: string, args: readonly string[], opts: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("/usr/bin/time", ["-f", "__RSS_KB=%M", cmd, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const m = /__RSS_KB=(\d+)/.exec(stderr);
      resolve({ code, seconds, peakRssMiB: m ? Number(m[1]) / 1024 : Number.NaN, stdout, stderr: stderr.replace(/.*__RSS_KB=\d+\s*$/s, "") });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

export function hasCommand(path: string): boolean {
  try {
    readFileSync(path, { flag: "r" });
    return true;
  } catch {
    return false;
  }
}

/** A Markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const fmt = {
  s: (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 3 : 1)} s` : "—"),
  ms: (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "—"),
  mib: (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : "—"),
  ratio: (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "—"),
};

/** The p-th percentile (nearest rank) of some timings. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export const BENCH_PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A migrated database for one measurement: a fresh in-memory PGlite, or a private schema on
 * the PostgreSQL server of BENCH_PG_URL; `drop()` closes it and removes the schema.
 */
export async function benchDatabase(kind: "pglite" | "postgres", prefix: string): Promise<Database & { drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  let database: Database;
  let pglite: { close(): Promise<void> } | undefined;
  if (kind === "postgres") database = await openDatabase({ databaseUrl: BENCH_PG_URL, dataDir: "", schema, poolSize: 10 });
  else {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create();
    pglite = client;
    database = await wrapPglite(client, undefined, "public", false);
  }
  await migrate(database);
  return {
    ...database,
    async drop() {
      await database.close().catch(() => undefined);
      await pglite?.close().catch(() => undefined);
      if (kind === "postgres") {
        const c = new pg.Client({ connectionString: BENCH_PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
    },
  };
}

/** The machine's load average now, for a section's notes: other work slows every figure. */
export function loadLine(): string {
  return `Load average when the run started: ${os.loadavg().map((x) => x.toFixed(1)).join(", ")} (other work on the machine slows every figure alike).`;
}
