/**
 * Mail figures, through a local SMTP server (smtp-server, in this process) and the real
 * outbox and worker on PostgreSQL (a private schema, dropped after):
 * - throughput: messages a second from the outbox to the server's acceptance, with one SMTP
 *   connection per message (the transport before pooling) and with a pool;
 * - the time a verification mail waits behind a 5,000-mail bulk invite queued just before
 *   it, in the order before (first in, first out) and now (transactional first).
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import pino from "pino";
import { InProcessBus } from "../src/server/platform/bus.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { enqueueMail } from "../src/server/platform/mail/outbox.js";
import { MailWorker, smtpTransport, type Transport } from "../src/server/platform/mail/worker.js";
import { assembleContext } from "../src/server/runtime.js";
import { benchDatabase, fmt, loadLine, table } from "./lib.js";

export const title = "Mail: SMTP throughput and a verification mail behind a bulk invite";

const THROUGHPUT_MAILS = 1_000;
const BULK = 5_000;

/** The SMTP server, in a child process (bench/smtp-sink.ts): arrival time (epoch ms) of each Message-ID. */
async function sink(): Promise<{ url: string; arrived: Map<string, number>; close(): Promise<void> }> {
  const arrived = new Map<string, number>();
  const child = fork(fileURLToPath(new URL("./smtp-sink.js", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) =>
    child.on("message", (m: { port?: number; id?: string; at?: number }) => {
      if (m.port) resolve(m.port);
      else if (m.id) arrived.set(m.id, m.at!);
    }),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    close: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.disconnect();
      }),
  };
}

const now = () => performance.timeOrigin + performance.now();

/** The transport as it was before pooling: nodemailer's default opens a connection per message. */
function connectionPerMessage(url: string): Transport {
  const t = nodemailer.createTransport(url);
  return {
    async send(m) {
      await t.sendMail({ messageId: m.messageId, from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html });
    },
    concurrency: 1,
    close: () => t.close(),
  };
}

/** Queues `n` mails in one transaction; `fifo` gives them the bulk priority, as every mail had before priorities. */
async function queue(ctx: AppContext, n: number, template: "registration.invited" | "account.verify", tag: string, fifo: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const vars: Record<string, string> = template === "account.verify" ? { name: "Ada", site: "Plenary", link: "http://plenary.bench/verify?token=abc", linkLabel: "Confirm" } : { name: `Person ${i}`, event: "Bench Hackathon", confirmBy: "1 June 2030", feeLine: "", link: "http://plenary.bench/registration/x?token=y", linkLabel: "Confirm my place", message: "" };
      await enqueueMail(tx, "plenary.bench", { to: `${tag}-${i}@example.org`, template, vars });
    }
    if (fifo) await tx.execute(sql`update mail_outbox set priority = 1 where to_address like ${tag + "-%"}`);
  });
}

const clear = (ctx: AppContext) => ctx.db.execute(sql`delete from mail_outbox`);

/** Messages a second, and the sending process's CPU per message (which the machine's other load does not inflate). */
async function throughput(ctx: AppContext, transport: Transport): Promise<{ rate: number; cpuMs: number }> {
  await clear(ctx);
  await queue(ctx, THROUGHPUT_MAILS, "registration.invited", `t${randomBytes(3).toString("hex")}`, false);
  const worker = new MailWorker(ctx, transport);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const sent = await worker.drain();
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  if (sent !== THROUGHPUT_MAILS) throw new Error(`sent ${sent} of ${THROUGHPUT_MAILS}`);
  return { rate: sent / seconds, cpuMs: (used.user + used.system) / 1000 / sent };
}

/** Queues the bulk invite, starts sending, then asks for a verification mail; returns how long that mail took to arrive. */
async function verificationWait(ctx: AppContext, transport: Transport, arrived: Map<string, number>, fifo: boolean): Promise<number> {
  await clear(ctx);
  await queue(ctx, BULK, "registration.invited", `b${randomBytes(3).toString("hex")}`, false);
  const worker = new MailWorker(ctx, transport);
  const draining = worker.drain();
  await new Promise((r) => setTimeout(r, 1000));
  const tag = `v${randomBytes(3).toString("hex")}`;
  await queue(ctx, 1, "account.verify", tag, fifo);
  const queuedAt = now();
  const id = ((await ctx.db.execute(sql`select message_id from mail_outbox where to_address like ${tag + "-%"}`)) as unknown as { rows: { message_id: string }[] }).rows[0]!.message_id;
  while (!arrived.has(id)) await new Promise((r) => setTimeout(r, 20));
  const waited = arrived.get(id)! - queuedAt;
  await worker.stop();
  await draining;
  return waited;
}

async function measure(kind: "pglite" | "postgres", rows: { through: (string | number)[][]; wait: (string | number)[][] }): Promise<void> {
  const database = await benchDatabase(kind, "bench_mail");
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-mail-"));
  const peer = await sink();
  const name = kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL";
  try {
    const config = loadConfig({}, { dataDir, baseUrl: "http://plenary.bench", logLevel: "silent" });
    const ctx = await assembleContext(config, database, new InProcessBus(), { log: pino({ level: "silent" }) });
    const before = await throughput(ctx, connectionPerMessage(peer.url));
    const pool1 = await throughput(ctx, await smtpTransport(peer.url, 1));
    const pool5 = await throughput(ctx, await smtpTransport(peer.url, 5));
    const cell = (r: { rate: number; cpuMs: number }) => `${r.rate.toFixed(0)}/s (${r.cpuMs.toFixed(1)} ms CPU)`;
    rows.through.push([name, cell(before), cell(pool1), cell(pool5), fmt.ratio(pool5.rate / before.rate)]);
    // The old order takes minutes (the whole invite goes first): measured where several processes share the queue.
    const fifoOld = kind === "postgres" ? fmt.s((await verificationWait(ctx, connectionPerMessage(peer.url), peer.arrived, true)) / 1000) : "—";
    const fifoPool = kind === "postgres" ? fmt.s((await verificationWait(ctx, await smtpTransport(peer.url, 5), peer.arrived, true)) / 1000) : "—";
    const prio = await verificationWait(ctx, await smtpTransport(peer.url, 5), peer.arrived, false);
    rows.wait.push([name, fifoOld, fifoPool, fmt.ms(prio)]);
  } finally {
    await peer.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const loadNote = loadLine();
  const rows = { through: [] as (string | number)[][], wait: [] as (string | number)[][] };
  for (const kind of ["pglite", "postgres"] as const) await measure(kind, rows);
  return [
    `Throughput: ${THROUGHPUT_MAILS.toLocaleString("en")} invitation mails queued in one transaction, then \`MailWorker.drain()\` until all are accepted by a local SMTP server (smtp-server in a child process, accepting at once); one run each. In brackets: CPU time of the sending process per message (worker, nodemailer and, on PGlite, the database).`,
    "",
    table(["Database", "One connection per message (before)", "Pool of 1", "Pool of 5 (default)", "Pool of 5 vs before"], rows.through),
    "",
    `Verification behind a bulk invite: ${BULK.toLocaleString("en")} invitation mails queued in one transaction and the worker sending; one second later an \`account.verify\` mail is queued; the figure is from its commit to its acceptance by the SMTP server. "Before" is first in, first out with one connection per message (measured on PostgreSQL only: it lasts as long as the whole invite); "now" is the outbox priority with the pool.`,
    "",
    table(["Database", "Before: FIFO, connection per message", "FIFO, pool of 5", "Now: priority, pool of 5"], rows.wait),
    "",
    loadNote,
  ].join("\n");
}
