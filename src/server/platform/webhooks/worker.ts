import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { AppContext } from "../context.js";
import { rows, type Db } from "../db/index.js";
import { MAIL_QUEUED } from "../mail/outbox.js";
import { PassRunner } from "../passes.js";
import { networkPolicy, systemResolve, type NetworkPolicy, type Resolve } from "./address.js";
import { WEBHOOKS_QUEUED } from "./emit.js";
import { postWebhook, type AttemptResult } from "./http.js";
import { signatureHeader, signingSecrets } from "./signature.js";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages } from "./tables.js";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/**
 * Seconds to wait after each failed attempt: Standard Webhooks' suggested schedule (5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), so a receiver that is down gets about 27 hours to
 * come back before its endpoint is disabled.
 */
const RETRY_AFTER_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_AFTER_SECONDS.length + 1;

/** The wait after the n-th failed attempt, or null when that was the last one. */
export function retryDelaySeconds(failedAttempts: number): number | null {
  return failedAttempts >= MAX_ATTEMPTS ? null : RETRY_AFTER_SECONDS[Math.max(0, failedAttempts - 1)]!;
}

/** Deliveries (and their attempts) are kept this long for the log, then deleted. */
export const RETENTION_DAYS = 30;
const CLEANUP_EVERY_MS = 3600_000;

export interface WebhookWorkerOptions {
  /** How often an idle worker looks for due deliveries (ms); also what bounds enqueue-to-send latency. */
  pollMs?: number;
  /** Endpoints served at once; each endpoint's deliveries still go one after another. */
  concurrency?: number;
  /** Deliveries read per query for one endpoint. */
  batch?: number;
  /** Per attempt: the receiver must answer within this (ms). */
  timeoutMs?: number;
  /** How long a claim on an endpoint lasts without renewal (ms): a dead worker's endpoints wait this long. */
  leaseMs?: number;
  /** Name resolution for the delivery-time address check (tests give their own). */
  resolve?: Resolve;
  /**
   * Runs in the transaction that disables an endpoint after its last attempt failed, to tell
   * the people responsible (the webhooks feature mails the community's organisers), with the
   * last attempt's error. Returns the number of mails queued.
   */
  onDisabled?: (tx: Db, endpoint: EndpointRow, lastError: string) => Promise<number>;
}

/**
 * Sends queued webhook deliveries. Work is claimed per endpoint, not per delivery: an
 * endpoint is claimed with FOR UPDATE SKIP LOCKED under a lease, and its worker sends its
 * pending deliveries strictly in `seq` order, one at a time, stopping at the first failure
 * (which waits for its retry). So several processes share the endpoints, and each endpoint
 * receives its events in order: a later event is never sent before an earlier one has been
 * delivered or has finally failed. A process that dies mid-send leaves a lease that expires;
 * the delivery it was sending is still pending and is sent again, with the same
 * `webhook-id`: at least once, never lost. On PGlite one process owns the database, so
 * claims found at start can only be a dead process's and are released at once.
 */
export class WebhookWorker {
  readonly id = `webhooks-${randomUUID()}`;
  private readonly policy: NetworkPolicy;
  private stopping = false;
  private lastCleanup = 0;
  private releaseFirst = false;
  private readonly runner = new PassRunner(
    async () => {
      if (this.releaseFirst) {
        this.releaseFirst = false;
        await this.releaseAll();
      }
      await this.drain();
    },
    (err) => this.ctx.log.error({ err }, "webhook worker pass failed"),
  );

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: WebhookWorkerOptions = {},
  ) {
    this.policy = networkPolicy(ctx.config.webhookAllowPrivate);
  }

  private get leaseMs(): number {
    return this.opts.leaseMs ?? 30_000;
  }
  private get timeoutMs(): number {
    return this.opts.timeoutMs ?? 15_000;
  }

  start(): this {
    // On PGlite one process owns the database: claims found at start are a dead process's.
    this.releaseFirst = this.ctx.database.kind === "pglite";
    this.runner.start(this.ctx.bus, WEBHOOKS_QUEUED, this.opts.pollMs ?? 1000);
    return this;
  }

  /** Runs a pass now, or right after the current one. */
  kick(): void {
    this.runner.kick();
  }

  /** Sends everything due now; returns how many deliveries succeeded. Tests call this directly. */
  async drain(): Promise<number> {
    let delivered = 0;
    const concurrency = this.opts.concurrency ?? 8;
    const active = new Set<Promise<void>>();
    for (;;) {
      if (!this.stopping && active.size < concurrency) {
        for (const id of await this.claim(concurrency - active.size)) {
          const run: Promise<void> = this.serve(id)
            .then((n) => void (delivered += n))
            .catch((err: unknown) => this.ctx.log.error({ err, endpointId: id }, "webhook delivery failed unexpectedly"))
            .finally(() => active.delete(run));
          active.add(run);
        }
      }
      if (active.size === 0) break;
      await Promise.race(active);
    }
    await this.cleanupIfDue();
    return delivered;
  }

  /** Endpoints that are enabled, not claimed by a live worker, and whose oldest pending delivery is due. */
  private async claim(n: number): Promise<string[]> {
    const now = this.ctx.now();
    const until = new Date(now.getTime() + this.leaseMs);
    const claimed = await rows<{ id: string }>(
      this.ctx.db,
      sql`
      update webhook_endpoints set claimed_by = ${this.id}, claimed_until = ${until.toISOString()}::timestamptz
      where id in (
        select e.id from webhook_endpoints e
        cross join lateral (
          select d.next_attempt_at, d.created_at from webhook_deliveries d
          where d.endpoint_id = e.id and d.state = 'pending' order by d.seq limit 1) head
        where e.state = 'enabled'
          and (e.claimed_until is null or e.claimed_until < ${now.toISOString()}::timestamptz)
          and head.next_attempt_at <= ${now.toISOString()}::timestamptz
        order by head.created_at
        limit ${n}
        for update of e skip locked)
      returning id`,
    );
    return claimed.map((r) => r.id);
  }

  /** Sends one endpoint's due deliveries in order until none is left, one fails, or the worker stops. */
  private async serve(endpointId: string): Promise<number> {
    const db = this.ctx.db;
    let delivered = 0;
    let leaseUntil = this.ctx.now().getTime() + this.leaseMs;
    try {
      for (;;) {
        // Read again per batch, so an organiser's change (disabled, new URL, rotated secret) applies within one batch.
        const [endpoint] = await db
          .select()
          .from(webhookEndpoints)
          .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.claimedBy, this.id)));
        if (!endpoint || endpoint.state !== "enabled") return delivered;
        const batch = await db
          .select({ delivery: webhookDeliveries, body: webhookMessages.body })
          .from(webhookDeliveries)
          .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
          .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.state, "pending")))
          .orderBy(asc(webhookDeliveries.seq))
          .limit(this.opts.batch ?? 20);
        if (batch.length === 0) return delivered;
        for (const { delivery, body } of batch) {
          if (this.stopping || delivery.nextAttemptAt > this.ctx.now()) return delivered;
          // The claim must outlast the whole attempt, or another worker could send the next delivery meanwhile.
          if (leaseUntil - this.ctx.now().getTime() < this.timeoutMs + 5_000) {
            const renewed = await this.renew(endpointId);
            if (renewed === null) return delivered;
            leaseUntil = renewed;
          }
          if (!(await this.attempt(endpoint, delivery, body))) return delivered;
          delivered++;
        }
      }
    } finally {
      await db
        .update(webhookEndpoints)
        .set({ claimedBy: null, claimedUntil: null })
        .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.claimedBy, this.id)));
    }
  }

  private async renew(endpointId: string): Promise<number | null> {
    const until = this.ctx.now().getTime() + this.leaseMs;
    const [row] = await this.ctx.db
      .update(webhookEndpoints)
      .set({ claimedUntil: new Date(until) })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.claimedBy, this.id)))
      .returning({ id: webhookEndpoints.id });
    return row ? until : null;
  }

  /** One signed POST, recorded with its outcome; true when the receiver took it. */
  private async attempt(endpoint: EndpointRow, delivery: DeliveryRow, body: string): Promise<boolean> {
    const startedAt = this.ctx.now();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    const headers = {
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(signingSecrets(endpoint, startedAt), delivery.messageId, timestamp, body),
    };
    const r = await postWebhook(endpoint.url, headers, body, { policy: this.policy, resolve: this.opts.resolve ?? systemResolve, timeoutMs: this.timeoutMs });
    const attempts = delivery.attempts + 1;
    const retryIn = r.ok ? null : retryDelaySeconds(attempts);
    if (retryIn === null && !r.ok) await this.giveUp(endpoint, delivery, startedAt, r);
    else {
      const now = this.ctx.now();
      const state = r.ok ? "delivered" : "pending";
      const nextAttemptAt = r.ok ? delivery.nextAttemptAt : new Date(now.getTime() + retryIn! * 1000);
      // One statement for the attempt and the delivery (the common case): no BEGIN/COMMIT round trips per delivery.
      await this.ctx.db.execute(sql`
        with attempt as (
          insert into webhook_attempts (delivery_id, attempted_at, status, duration_ms, error, response)
          values (${delivery.id}, ${startedAt.toISOString()}::timestamptz, ${r.status}, ${r.durationMs}, ${r.error}, ${r.response}))
        update webhook_deliveries set state = ${state}, attempts = ${attempts}, last_attempt_at = ${startedAt.toISOString()}::timestamptz,
          last_status = ${r.status}, last_duration_ms = ${r.durationMs}, last_error = ${r.error},
          delivered_at = ${r.ok ? now.toISOString() : null}::timestamptz, next_attempt_at = ${nextAttemptAt.toISOString()}::timestamptz
        where id = ${delivery.id}`);
    }
    if (!r.ok) this.ctx.log.warn({ endpointId: endpoint.id, deliveryId: delivery.id, attempts, status: r.status, error: r.error, disabled: retryIn === null }, "webhook not delivered");
    return r.ok;
  }

  /** The last attempt failed too: the delivery is given up and the endpoint switched off, in one transaction with the mail. */
  private async giveUp(endpoint: EndpointRow, delivery: DeliveryRow, startedAt: Date, r: AttemptResult): Promise<void> {
    let mails = 0;
    await this.ctx.db.transaction(async (tx) => {
      const now = this.ctx.now();
      await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, attemptedAt: startedAt, status: r.status, durationMs: r.durationMs, error: r.error, response: r.response });
      await tx
        .update(webhookDeliveries)
        .set({ state: "failed", attempts: delivery.attempts + 1, lastAttemptAt: startedAt, lastStatus: r.status, lastDurationMs: r.durationMs, lastError: r.error })
        .where(eq(webhookDeliveries.id, delivery.id));
      const [off] = await tx
        .update(webhookEndpoints)
        .set({ state: "disabled", disabledReason: "failing", disabledAt: now, updatedAt: now })
        .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.state, "enabled")))
        .returning();
      if (off && this.opts.onDisabled) mails = await this.opts.onDisabled(tx, off, r.error ?? "no answer");
    });
    if (mails) await this.ctx.bus.publish(MAIL_QUEUED);
  }

  private async releaseAll(): Promise<void> {
    await this.ctx.db.update(webhookEndpoints).set({ claimedBy: null, claimedUntil: null }).where(sql`${webhookEndpoints.claimedBy} is not null`);
  }

  /** Old finished deliveries go, and messages no delivery points at any more. */
  private async cleanupIfDue(): Promise<void> {
    const now = this.ctx.now();
    if (now.getTime() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now.getTime();
    const before = new Date(now.getTime() - RETENTION_DAYS * 86400_000);
    await this.ctx.db.delete(webhookDeliveries).where(and(inArray(webhookDeliveries.state, ["delivered", "failed"]), lt(webhookDeliveries.createdAt, before)));
    await this.ctx.db.execute(sql`delete from webhook_messages m where m.created_at < ${before.toISOString()}::timestamptz and not exists (select 1 from webhook_deliveries d where d.message_id = m.id)`);
  }

  /** Graceful stop: the attempt in flight finishes and is recorded; claims are released. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.runner.stop();
  }
}
