import { and, asc, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError } from "../../platform/errors.js";
import { emitWebhookTo, WEBHOOKS_QUEUED } from "../../platform/webhooks/emit.js";
import { defineWebhookEvent } from "../../platform/webhooks/registry.js";
import { webhookAttempts, webhookDeliveries, webhookMessages } from "../../platform/webhooks/tables.js";
import type { CommunityTarget } from "../communities/index.js";
import { endpointOf, type EndpointRow } from "./endpoints.js";
import type { DeliveryDetail, DeliveryQuery, DeliveryView } from "./schema.js";

const D = webhookDeliveries;
const M = webhookMessages;

/** Sent only by the "send a test event" button, to the one endpoint it is pressed for. */
export const testEvent = defineWebhookEvent({
  type: "webhook.test",
  subscribable: false,
  summary: "A test event, sent from the endpoint's page.",
  description: "Sent when an organiser presses “Send a test event”, to check that the receiver accepts deliveries and verifies their signatures. Nothing has changed.",
  schema: z.object({
    endpointId: z.uuid(),
    community: z.object({ slug: z.string(), name: z.string() }),
    sentBy: z.string().describe("The name of the organiser who sent it."),
  }),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Row = { d: typeof D.$inferSelect; type: string };

function view({ d, type }: Row): DeliveryView {
  return {
    id: d.id,
    seq: d.seq,
    messageId: d.messageId,
    type,
    state: d.state,
    attempts: d.attempts,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.state === "pending" ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: iso(d.deliveredAt),
    lastStatus: d.lastStatus,
    lastDurationMs: d.lastDurationMs,
    lastError: d.lastError,
    redeliveryOf: d.redeliveryOf,
  };
}

/** Newest first, a page at a time (`before` is the last `seq` seen). */
export async function listDeliveries(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string, q: DeliveryQuery) {
  permit.require("webhooks.view");
  const endpoint = await endpointOf(ctx.db, community.id, endpointId);
  const where: SQL[] = [eq(D.endpointId, endpoint.id)];
  if (q.state) where.push(eq(D.state, q.state));
  if (q.type) where.push(eq(M.type, q.type));
  if (q.before) where.push(lt(D.seq, q.before));
  const found = await ctx.db
    .select({ d: D, type: M.type })
    .from(D)
    .innerJoin(M, eq(M.id, D.messageId))
    .where(and(...where))
    .orderBy(desc(D.seq))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  return { deliveries: page.map(view), next: found.length > q.limit ? page[page.length - 1]!.d.seq : null };
}

async function deliveryOf(db: Db, endpoint: EndpointRow, deliveryId: string) {
  const [row] = await db
    .select({ d: D, type: M.type, body: M.body })
    .from(D)
    .innerJoin(M, eq(M.id, D.messageId))
    .where(and(eq(D.id, deliveryId), eq(D.endpointId, endpoint.id)));
  if (!row) throw new NotFoundError(msg("webhooks.errors.deliveryNotFound"));
  return row;
}

export async function getDelivery(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string, deliveryId: string): Promise<DeliveryDetail> {
  permit.require("webhooks.view");
  const endpoint = await endpointOf(ctx.db, community.id, endpointId);
  const row = await deliveryOf(ctx.db, endpoint, deliveryId);
  const attempts = await ctx.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, row.d.id)).orderBy(asc(webhookAttempts.id));
  return {
    ...view(row),
    body: row.body,
    attemptsLog: attempts.map((a) => ({ at: a.attemptedAt.toISOString(), status: a.status, durationMs: a.durationMs, error: a.error, response: a.response })),
  };
}

function requireEnabled(endpoint: EndpointRow): void {
  if (endpoint.state !== "enabled") throw new ConflictError("webhook_endpoint_disabled", msg("webhooks.errors.endpointDisabled"));
}

async function queuedView(ctx: AppContext, deliveryId: string): Promise<DeliveryView> {
  await ctx.bus.publish(WEBHOOKS_QUEUED);
  const [row] = await ctx.db.select({ d: D, type: M.type }).from(D).innerJoin(M, eq(M.id, D.messageId)).where(eq(D.id, deliveryId));
  return view(row!);
}

/**
 * Sends a message again: a new delivery of the same message (same `webhook-id`, so a
 * receiver that already has it can tell), queued behind the endpoint's pending ones.
 */
export async function redeliver(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string, deliveryId: string): Promise<DeliveryView> {
  permit.require("webhooks.manage");
  const endpoint = await endpointOf(ctx.db, community.id, endpointId);
  requireEnabled(endpoint);
  const { d } = await deliveryOf(ctx.db, endpoint, deliveryId);
  const now = ctx.now();
  const [again] = await ctx.db.insert(D).values({ endpointId: endpoint.id, messageId: d.messageId, redeliveryOf: d.id, nextAttemptAt: now, createdAt: now }).returning({ id: D.id });
  return queuedView(ctx, again!.id);
}

export async function sendTestEvent(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string): Promise<DeliveryView> {
  permit.require("webhooks.manage");
  const endpoint = await endpointOf(ctx.db, community.id, endpointId);
  requireEnabled(endpoint);
  const id = await ctx.db.transaction(async (tx) => {
    const messageId = await emitWebhookTo(ctx, tx, endpoint, testEvent.type, { endpointId: endpoint.id, community: { slug: community.slug, name: community.name }, sentBy: permit.user.name });
    const [row] = await tx.select({ id: D.id }).from(D).where(eq(D.messageId, messageId));
    return row!.id;
  });
  return queuedView(ctx, id);
}
