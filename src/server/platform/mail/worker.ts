import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../context.js";
import { localMailbox, outbox } from "./tables.js";
import { MAIL_QUEUED } from "./outbox.js";

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface Transport {
  send(mail: OutgoingMail): Promise<void>;
  /** How many mails it sends at once: the worker keeps that many claimed and no more. */
  readonly concurrency: number;
  close(): void;
}

/** With no SMTP server configured, mail lands in a table read at /dev/mail: all of it by the admin, their own by everyone else. */
export function localTransport(ctx: AppContext): Transport {
  return {
    async send(m) {
      // Keyed by Message-ID: a resend after a crash cannot show up twice.
      await ctx.db.insert(localMailbox).values({ messageId: m.messageId, to: m.to, from: m.from, subject: m.subject, text: m.text, html: m.html }).onConflictDoNothing();
    },
    concurrency: 1,
    close() {},
  };
}

/**
 * A pool of SMTP connections, each reused for up to 100 messages: one connection (and TLS
 * handshake) per message is what capped bulk mail at about 19 messages a second. Options in
 * the URL's query (nodemailer's, e.g. `?name=mx.example.org`) apply as given.
 */
export async function smtpTransport(url: string, connections = 5): Promise<Transport> {
  const { default: nodemailer } = await import("nodemailer");
  const t = nodemailer.createTransport({ url, pool: true, maxConnections: connections, maxMessages: 100 });
  return {
    async send(m) {
      await t.sendMail({ messageId: m.messageId, from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers ?? {} });
    },
    concurrency: connections,
    close: () => t.close(),
  };
}

export const MAX_ATTEMPTS = 8;
/** A claim's lease; renewed every quarter of it while the mail is being sent. */
export const LEASE_SECONDS = 60;

/** 30 s, 1 min, 2 min … capped at an hour: a down SMTP server is not hammered. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
  id: number;
  message_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string> | null;
  attempts: number;
}

/**
 * Sends the outbox. A row is claimed only when a connection is free to send it, in
 * (priority, id) order, with FOR UPDATE SKIP LOCKED under a lease that the worker renews
 * while the send runs: however slow the SMTP server, no other process takes a row that is
 * being sent, and none is held back while waiting its turn. A process that dies mid-send
 * stops renewing; once the lease expires another worker re-sends the row with the same
 * Message-ID. So the only way to deliver twice is to die (or lose the database for longer
 * than the lease) between the SMTP server's acceptance and our commit.
 */
export class MailWorker {
  /** Host and pid first: an operator reading `claimed_by` sees which process holds a row. */
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private readonly sending = new Set<number>();
  private readonly passes = new Set<Promise<number>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly transport: Transport,
    private readonly opts: { pollMs?: number; leaseSeconds?: number } = {},
  ) {}

  private get leaseMs(): number {
    return (this.opts.leaseSeconds ?? LEASE_SECONDS) * 1000;
  }

  start(): void {
    this.unsubscribe = this.ctx.bus.subscribe(MAIL_QUEUED, () => this.kick());
    this.timer = setInterval(() => this.kick(), this.opts.pollMs ?? 5000);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass now, or right after the current one. */
  kick(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((err: unknown) => this.ctx.log.error({ err }, "mail worker pass failed"))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends everything due now, `transport.concurrency` at a time; returns how many were sent. Tests call this directly. */
  async drain(): Promise<number> {
    const pass = this.pass();
    this.passes.add(pass);
    try {
      return await pass;
    } finally {
      this.passes.delete(pass);
    }
  }

  private async pass(): Promise<number> {
    let sent = 0;
    const tasks = new Set<Promise<void>>();
    const renew = setInterval(() => void this.renew(), this.leaseMs / 4);
    try {
      for (;;) {
        const free = this.stopping ? 0 : this.transport.concurrency - tasks.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const row of claimed) {
          const task: Promise<void> = this.sendOne(row)
            .then(
              (ok) => {
                if (ok) sent++;
              },
              // The outcome could not be recorded (database gone): the lease expires and the row is retried.
              (err: unknown) => this.ctx.log.error({ err, outboxId: row.id }, "mail worker could not record a send"),
            )
            .finally(() => tasks.delete(task));
          tasks.add(task);
        }
        if (tasks.size === 0) return sent;
        // Wait for a free connection whenever the pool is full or the queue had no more.
        if (claimed.length < free || free === 0) await Promise.race(tasks);
      }
    } finally {
      await Promise.all(tasks);
      clearInterval(renew);
    }
  }

  private async claim(n: number): Promise<Claimed[]> {
    const now = this.ctx.now();
    const until = new Date(now.getTime() + this.leaseMs);
    const res = (await this.ctx.db.execute(sql`
      update mail_outbox set state = 'sending', claimed_by = ${this.id}, claimed_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
      where id in (
        select id from mail_outbox
        where (state = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz)
           or (state = 'sending' and claimed_until < ${now.toISOString()}::timestamptz and claimed_by <> ${this.id})
        order by priority, id limit ${n}
        for update skip locked)
      returning id, message_id, to_address, subject, text_body, html_body, headers, attempts`)) as unknown as { rows: Claimed[] };
    const rows = res.rows.map((r) => ({ ...r, id: Number(r.id) }));
    for (const r of rows) this.sending.add(r.id);
    return rows;
  }

  /** Extends the lease of every row being sent, so a slow SMTP server never lets another process take one. */
  private async renew(): Promise<void> {
    if (this.sending.size === 0) return;
    const ids = [...this.sending];
    const until = new Date(this.ctx.now().getTime() + this.leaseMs);
    try {
      const res = (await this.ctx.db.execute(sql`
        update mail_outbox set claimed_until = ${until.toISOString()}::timestamptz
        where claimed_by = ${this.id} and state = 'sending' and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})
        returning id`)) as unknown as { rows: { id: number }[] };
      if (res.rows.length < ids.length) this.ctx.log.error({ held: ids.length, renewed: res.rows.length }, "mail worker lost the lease of rows being sent (renewal came too late)");
    } catch (err) {
      this.ctx.log.warn({ err }, "mail worker could not renew its leases");
    }
  }

  private async sendOne(row: Claimed): Promise<boolean> {
    try {
      await this.transport.send({ messageId: row.message_id, from: this.ctx.config.mailFrom, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, headers: row.headers ?? {} });
    } catch (err) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      await this.settle(row.id, {
        state: failed ? "failed" : "pending",
        claimedBy: null,
        claimedUntil: null,
        lastError: String(err instanceof Error ? err.message : err).slice(0, 1000),
        nextAttemptAt: new Date(this.ctx.now().getTime() + backoffSeconds(row.attempts) * 1000),
      });
      this.ctx.log.warn({ outboxId: row.id, attempts: row.attempts, failed, err }, "mail not sent");
      return false;
    }
    await this.settle(row.id, { state: "sent", sentAt: this.ctx.now(), claimedBy: null, claimedUntil: null, lastError: null });
    return true;
  }

  /** Records the outcome, only while the row is still ours. */
  private async settle(id: number, values: Partial<typeof outbox.$inferInsert>): Promise<void> {
    try {
      await this.ctx.db
        .update(outbox)
        .set(values)
        .where(and(eq(outbox.id, id), eq(outbox.claimedBy, this.id)));
    } finally {
      this.sending.delete(id);
    }
  }

  /** Graceful stop: the mails being sent finish, claimed-but-unsent rows go back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([this.running, ...this.passes]);
    await this.ctx.db.execute(sql`update mail_outbox set state = 'pending', claimed_by = null, claimed_until = null, attempts = attempts - 1 where claimed_by = ${this.id} and state = 'sending'`);
    this.transport.close();
  }
}
