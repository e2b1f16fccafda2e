import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./platform/db/index.js";
import { migrate } from "./platform/db/migrate.js";
import { enqueueMail } from "./platform/mail/outbox.js";
import { useScratchDatabases } from "./test-support/db.js";
import { spawnTs, tsEntry, type Child } from "./test-support/processes.js";
import { freePort, SmtpPeer } from "./test-support/smtp.js";

/**
 * Whole server processes, as operators run them: start-up races and failures, shutdown,
 * and several processes on one PostgreSQL database (status links, mail under kill -9).
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const cli = tsEntry("../cli/run.ts");
const tmp = () => mkdtempSync(join(tmpdir(), "plenary-proc-"));
const children: Child[] = [];
const scratch = useScratchDatabases("plenary_proc");
const freshDatabase = () => scratch.create();

afterAll(async () => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill("SIGKILL");
  await Promise.all(children.map((c) => c.exited));
});

async function serve(env: Record<string, string | undefined>, args: string[] = []): Promise<Child & { base: string }> {
  const port = env.PORT ?? String(await freePort());
  const base = `http://127.0.0.1:${port}`;
  const child = spawnTs(cli, ["serve", ...args], { PORT: port, HOST: "127.0.0.1", PLENARY_URL: base, PLENARY_DATA_DIR: tmp(), DATABASE_URL: undefined, SMTP_URL: undefined, ...env });
  children.push(child);
  return { ...child, base };
}

const ready = /Plenary is serving/;

describe("starting and stopping", () => {
  it("exits non-zero when it cannot start, instead of running without listening", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", () => r()));
    const port = String((taken.address() as { port: number }).port);
    try {
      const s = await serve({ PORT: port, DATABASE_URL: pgUrl ? await freshDatabase() : undefined }, ["--no-demo"]);
      const { code } = await s.exited;
      expect(code).toBe(1);
      expect(s.output()).toMatch(/Plenary could not start: .*EADDRINUSE/);
    } finally {
      taken.close();
    }
  }, 120_000);

  it.each(["SIGTERM", "SIGINT"] as const)("stops gracefully on %s: exit 0, data folder released", async (signal) => {
    const s = await serve({ DATABASE_URL: pgUrl ? await freshDatabase() : undefined }, ["--no-demo"]);
    await s.waitFor(ready, 120_000);
    s.proc.kill(signal);
    expect(await s.exited).toEqual({ code: 0, signal: null });
  }, 150_000);
});

describe.skipIf(!pgUrl)("several processes on one PostgreSQL database", () => {
  it("two starting at once on an empty database both serve, seed the demo once, and honour each other's status links", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([serve({ DATABASE_URL: url }), serve({ DATABASE_URL: url })]);
    await Promise.all([a.waitFor(ready, 120_000), b.waitFor(ready, 120_000)]);
    expect([a.output(), b.output()].filter((o) => o.includes("Demo data loaded"))).toHaveLength(1);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      expect((await db.query("select count(*)::int as n from communities where slug = 'xen-project'")).rows[0].n).toBe(1);

      // An applicant asks on one process, confirms the address there, and follows the status link on the other.
      const email = `applicant-${Date.now()}@example.org`;
      const asked = await fetch(`${a.base}/api/v1/communities/xen-project/events/hackathon-2014/registration/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, name: "Ada", workOn: "the scheduler" }) });
      expect(asked.status).toBe(201);
      const mail = (await db.query("select text_body from mail_outbox where to_address = $1", [email])).rows[0] as { text_body: string };
      const [, requestId, token] = /\/registration\/(?:verify\?request=)?([0-9a-f-]{36})[?&]token=([\w-]+)/.exec(mail.text_body)!;
      const verified = await fetch(`${a.base}/api/v1/registration/verify`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requestId, token }) });
      expect(verified.status).toBe(200);
      const statusToken = new URL(((await verified.json()) as { statusUrl: string }).statusUrl).searchParams.get("token");
      for (const server of [a, b]) {
        const status = await fetch(`${server.base}/api/v1/registration/requests/${requestId}?token=${statusToken}`);
        expect(status.status).toBe(200);
      }
    } finally {
      await db.end();
    }
  }, 240_000);

  it("delivers every mail exactly once through a slow SMTP server when one of two processes is killed with -9 mid-send", async () => {
    const url = await freshDatabase();
    const N = 24;
    const database = await openDatabase({ databaseUrl: url, dataDir: "" });
    await migrate(database);
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await enqueueMail(tx, "plenary.test", { to: `crash-${i}@example.org`, template: "account.verify", vars: { name: `N${i}`, site: "Plenary", link: "http://plenary.test/verify", linkLabel: "Confirm" } });
    });
    await database.close();
    // 700 ms a message, two connections a process: the batch takes several seconds, so the kill lands mid-send.
    const smtp = await SmtpPeer.start({ delayMs: 700 });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const env = (name: string) => ({ DATABASE_URL: url, SMTP_URL: `${smtp.url}?name=${name}`, SMTP_CONNECTIONS: "2" });
      const [victim, survivor] = await Promise.all([serve(env("victim.test"), ["--no-demo"]), serve(env("survivor.test"), ["--no-demo"])]);
      await Promise.all([victim.waitFor(ready, 120_000), survivor.waitFor(ready, 120_000)]);
      // Kill while both of the victim's connections wait for the server's answer: its mails
      // are sent but not yet accepted, so a resend is the only way they arrive (not a duplicate).
      // (After it has delivered some: the kill lands mid-batch, not before the first.)
      for (let i = 0; smtp.answering.get("victim.test") !== 2 || !smtp.messages.some((m) => m.client === "victim.test"); i++) {
        if (i > 3000) throw new Error(`the victim never had two mails in flight; received ${smtp.messages.length}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      victim.proc.kill("SIGKILL");
      await victim.exited;
      const held = await db.query("select count(*)::int as n from mail_outbox where state = 'sending' and claimed_by like $1", [`%:${victim.proc.pid}:%`]);
      expect(held.rows[0].n).toBe(2);
      // Stands in for the 60 s lease running out: the dead process renews nothing.
      await db.query("update mail_outbox set claimed_until = now() - interval '1 second' where claimed_by like $1", [`%:${victim.proc.pid}:%`]);
      for (let i = 0; ; i++) {
        const left = (await db.query("select count(*)::int as n from mail_outbox where state <> 'sent'")).rows[0].n as number;
        if (left === 0) break;
        if (i > 600) throw new Error(`${left} mails never sent`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const ids = smtp.messages.map((m) => m.messageId);
      expect(ids).toHaveLength(N);
      expect(new Set(ids).size).toBe(N);
      expect(smtp.messages.some((m) => m.client === "victim.test")).toBe(true);
      expect(smtp.messages.filter((m) => m.client === "survivor.test").length).toBeGreaterThan(2);
      survivor.proc.kill("SIGTERM");
      expect((await survivor.exited).code).toBe(0);
    } finally {
      await db.end();
      await smtp.close();
    }
  }, 240_000);
});
