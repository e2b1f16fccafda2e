import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../platform/paths.js";
import { freePort } from "../../test-support/smtp.js";
import { WebhookReceiver } from "../../test-support/webhook-receiver.js";

/**
 * kill -9 of the server while it is delivering loses no delivery. The real server runs as a
 * child process (`plenary serve`, under tsx) on its own database: PGlite in a data dir, or,
 * with TEST_DATABASE_URL, a fresh PostgreSQL database. Forty events are queued before it
 * starts; the receiver holds the twelfth request open and the test kills the server then,
 * mid-request. A second server on the same database must deliver everything: each event at
 * least once, in the order it happened, the one in flight perhaps twice (same webhook-id).
 */
const N = 40;
const HOLD_AT = 12;
const pgUrl = process.env.TEST_DATABASE_URL;
let receiver: WebhookReceiver;
let dataDir: string;
let databaseUrl: string | undefined;
let dbName: string | undefined;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  dataDir = mkdtempSync(join(tmpdir(), "plenary-webhooks-crash-"));
  if (pgUrl) {
    dbName = `webhooks_crash_${randomBytes(4).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
    const u = new URL(pgUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
});

afterAll(async () => {
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (dbName) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
});

/** A TypeScript entry run by Node as `npm start` runs the server (--liftoff-only), on this test's database. */
function spawnWith(args: string[], extra: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; output: () => string; stdout: () => string } {
  // Never inherit a DATABASE_URL: this test owns its database.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, PLENARY_DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE: "127.0.0.0/8", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...extra };
  const child = spawn(process.execPath, ["--liftoff-only", "--import", "tsx", ...args], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let stdout = "";
  child.stdout?.on("data", (d: Buffer) => ((out += d.toString()), (stdout += d.toString())));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => out, stdout: () => stdout };
}

const startServer = (port: number) => spawnWith([join(repoRoot, "src/cli/run.ts"), "serve"], { PORT: String(port), HOST: "127.0.0.1", PLENARY_DEMO: "false", LOG_LEVEL: "warn" });

async function until(what: string, ok: () => boolean, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms; server output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const nameOf = (body: string) => (JSON.parse(body) as { data: { request: { name: string } } }).data.request.name;

describe("webhook delivery across a crash", () => {
  it("loses nothing when the server is killed with SIGKILL mid-delivery", { timeout: 240_000 }, async () => {
    // Queued while no server runs (PGlite has one owner at a time), by a child that has the fast WebAssembly tier.
    const fixture = spawnWith([join(repoRoot, "src/server/test-support/webhook-crash-fixture.ts")], { RECEIVER_URL: receiver.url("/crash"), COUNT: String(N), LOG_LEVEL: "silent" });
    expect(await fixture.exited, fixture.output()).toBe(0);
    const { secret } = JSON.parse(fixture.stdout().trim()) as { secret: string };

    receiver.respond((_r, n) => (n === HOLD_AT ? "hang" : { status: 200, delayMs: 20 }));
    const first = startServer(await freePort());
    await until(`request ${HOLD_AT} arriving`, () => receiver.received.length >= HOLD_AT, 120_000, first.output);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe(null);
    const beforeCrash = receiver.received.length;
    expect(beforeCrash).toBe(HOLD_AT);

    receiver.respond(() => 200);
    const second = startServer(await freePort());
    const distinct = () => new Set(receiver.received.map((r) => r.headers["webhook-id"])).size;
    try {
      // PGlite: the new server releases the dead one's claim at start; PostgreSQL: its 30 s lease runs out.
      await until("every event delivered", () => distinct() === N, 120_000, second.output);
      // Each one was also recorded as delivered: two more polls send nothing again.
      const settled = receiver.received.length;
      await new Promise((r) => setTimeout(r, 2500));
      expect(receiver.received.length).toBe(settled);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }

    const got = receiver.received;
    for (const r of got) expect(() => new Webhook(secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    // In the order the events happened, by first arrival; the only repeat is the request that was in flight.
    const firstSeen: string[] = [];
    const seen = new Set<string>();
    for (const r of got) {
      const id = String(r.headers["webhook-id"]);
      if (!seen.has(id)) firstSeen.push(nameOf(r.body));
      seen.add(id);
    }
    expect(firstSeen).toEqual(Array.from({ length: N }, (_, i) => `Person ${i}`));
    const repeats = got.length - N;
    expect(repeats).toBeLessThanOrEqual(1);
    if (repeats === 1) expect(nameOf(got[HOLD_AT]!.body)).toBe(nameOf(got[HOLD_AT - 1]!.body));

  });
});
