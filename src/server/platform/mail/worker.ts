import { randomUUID } from "node:crypto";
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
  close(): void;
}

/** With no SMTP server configured, mail lands in a table that organisers read at /dev/mail. */
export function localTransport(ctx: AppContext): Transport {
  return {
    async send(m) {
      // Keyed by Message-ID: a resend after a crash cannot show up twice.
      await ctx.db.insert(localMailbox).values({ messageId: m.messageId, to: m.to, from: m.from, subject: m.subject, text: m.text, html: m.html }).onConflictDoNothing();
    },
    close() {},
  };
}

export async function smtpTransport(url: string): Promise<Transport> {
  const { default: nodemailer } = await import("nodemailer");
  const t = nodemailer.createTransport(url);
  return {
    async send(m) {
      await t.sendMail({ messageId: m.messageId, from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers ?? {} });
    },
    close: () => t.close(),
  };
}

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;

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
 * Sends the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED under a lease, so several
 * processes share the work without sending a row twice; a process that dies mid-send
 * leaves a lease that expires and the row is retried with the same Message-ID. The only
 * window for a duplicate is a crash between the SMTP server's acceptance and our commit.
 */
export class MailWorker {
  readonly id = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private again = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly transport: Transport,
    private readonly opts: { pollMs?: number; batch?: number } = {},
  ) {}

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

  /** Sends everything due now; returns how many were sent. Tests call this directly. */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      if (this.stopping) return sent;
      const batch = await this.claim();
      if (batch.length === 0) return sent;
      for (let i = 0; i < batch.length; i++) {
        if (this.stopping) {
          await this.release(batch.slice(i).map((r) => r.id));
          return sent;
        }
        if (await this.sendOne(batch[i]!)) sent++;
      }
    }
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.ctx.now();
    const until = new Date(now.getTime() + LEASE_SECONDS * 1000);
    const res = (await this.ctx.db.execute(sql`
      update mail_outbox set state = 'sending', claimed_by = ${this.id}, claimed_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
      where id in (
        select id from mail_outbox
        where (state = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz)
           or (state = 'sending' and claimed_until < ${now.toISOString()}::timestamptz)
        order by id limit ${this.opts.batch ?? 20}
        for update skip locked)
      returning id, message_id, to_address, subject, text_body, html_body, headers, attempts`)) as unknown as { rows: Claimed[] };
    return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  private async sendOne(row: Claimed): Promise<boolean> {
    try {
      await this.transport.send({ messageId: row.message_id, from: this.ctx.config.mailFrom, to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, headers: row.headers ?? {} });
    } catch (err) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      await this.ctx.db
        .update(outbox)
        .set({
          state: failed ? "failed" : "pending",
          claimedBy: null,
          claimedUntil: null,
          lastError: String(err instanceof Error ? err.message : err).slice(0, 1000),
          nextAttemptAt: new Date(this.ctx.now().getTime() + backoffSeconds(row.attempts) * 1000),
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.claimedBy, this.id)));
      this.ctx.log.warn({ outboxId: row.id, attempts: row.attempts, failed, err }, "mail not sent");
      return false;
    }
    await this.ctx.db
      .update(outbox)
      .set({ state: "sent", sentAt: this.ctx.now(), claimedBy: null, claimedUntil: null, lastError: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.claimedBy, this.id)));
    return true;
  }

  private async release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ctx.db.execute(sql`
      update mail_outbox set state = 'pending', claimed_by = null, claimed_until = null, attempts = attempts - 1
      where claimed_by = ${this.id} and state = 'sending' and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  }

  /** Graceful stop: the mail being sent finishes, claimed-but-unsent rows go back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.ctx.db.execute(sql`update mail_outbox set state = 'pending', claimed_by = null, claimed_until = null, attempts = attempts - 1 where claimed_by = ${this.id} and state = 'sending'`);
    this.transport.close();
  }
}
