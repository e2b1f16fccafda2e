import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { AppContext } from "../../platform/context.js";
import { rows as rowsOf, type Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { checkDestination, networkPolicy } from "../../platform/webhooks/address.js";
import { WEBHOOKS_QUEUED } from "../../platform/webhooks/emit.js";
import { webhookRegistry } from "../../platform/webhooks/registry.js";
import { newSecret } from "../../platform/webhooks/signature.js";
import { webhookDeliveries, webhookEndpoints } from "../../platform/webhooks/tables.js";
import type { CommunityTarget } from "../communities/index.js";
import { LIMITS, type CreateEndpointBody, type EndpointView, type EndpointWithSecret, type UpdateEndpointBody } from "./schema.js";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
const E = webhookEndpoints;
const D = webhookDeliveries;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The types an organiser may subscribe to: every registered type except those sent only on request. */
export function subscribableTypes(ctx: AppContext) {
  return webhookRegistry(ctx.features)
    .subscribable()
    .map((t) => ({ type: t.type, version: t.version, summary: t.summary, description: t.description }));
}

function checkTypes(ctx: AppContext, types: readonly string[]): void {
  const known = new Set(subscribableTypes(ctx).map((t) => t.type));
  const unknown = types.filter((t) => !known.has(t));
  if (unknown.length === 0) return;
  const list = unknown.join(", ");
  throw new ValidationError(msg("webhooks.errors.unknownTypes"), { eventTypes: [msg("webhooks.errors.unknownTypeList", { count: unknown.length, types: list })] });
}

/** HTTPS, resolvable, not private (unless the admin allowed it): otherwise a 422 naming `url`. Returns the URL as it is stored. */
async function checkedUrl(ctx: AppContext, url: string): Promise<string> {
  return (await checkDestination(url, networkPolicy(ctx.config.webhookAllowPrivate))).url.toString();
}

export async function endpointOf(db: Db, communityId: string, endpointId: string): Promise<EndpointRow> {
  const [row] = await db
    .select()
    .from(E)
    .where(and(eq(E.id, endpointId), eq(E.communityId, communityId)));
  if (!row) throw new NotFoundError(msg("webhooks.errors.endpointNotFound"));
  return row;
}

/** Endpoints as organisers see them: never the secret, with their queue and their last attempt. */
async function views(db: Db, rows: EndpointRow[]): Promise<EndpointView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({ endpointId: D.endpointId, pending: sql<number>`count(*) filter (where ${D.state} = 'pending')`.mapWith(Number), failed: sql<number>`count(*) filter (where ${D.state} = 'failed')`.mapWith(Number) })
    .from(D)
    .where(inArray(D.endpointId, ids))
    .groupBy(D.endpointId);
  const last = await rowsOf<{ endpoint_id: string; last_attempt_at: string | Date; last_status: number | null; last_duration_ms: number | null; state: string }>(
    db,
    sql`
    select distinct on (endpoint_id) endpoint_id, last_attempt_at, last_status, last_duration_ms, state
    from webhook_deliveries where endpoint_id in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json)) and last_attempt_at is not null
    order by endpoint_id, last_attempt_at desc`,
  );
  const lastBy = new Map(last.map((r) => [r.endpoint_id, r]));
  return rows.map((r) => {
    const c = counts.find((x) => x.endpointId === r.id);
    const l = lastBy.get(r.id);
    return {
      id: r.id,
      url: r.url,
      description: r.description,
      eventTypes: r.eventTypes,
      state: r.state,
      enabled: r.state === "enabled",
      disabledReason: r.disabledReason,
      disabledAt: iso(r.disabledAt),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      secretRotatedAt: iso(r.secretRotatedAt),
      previousSecretExpiresAt: iso(r.previousSecretExpiresAt),
      pending: c?.pending ?? 0,
      failed: c?.failed ?? 0,
      lastDelivery: l ? { at: new Date(l.last_attempt_at).toISOString(), status: l.last_status === null ? null : Number(l.last_status), durationMs: l.last_duration_ms === null ? null : Number(l.last_duration_ms), ok: l.state === "delivered" } : null,
    };
  });
}

export async function endpointView(db: Db, row: EndpointRow): Promise<EndpointView> {
  return (await views(db, [row]))[0]!;
}

export async function listEndpoints(ctx: AppContext, { community, permit }: CommunityTarget) {
  permit.require("webhooks.view");
  const rows = await ctx.db.select().from(E).where(eq(E.communityId, community.id)).orderBy(asc(E.createdAt), asc(E.id));
  return { endpoints: await views(ctx.db, rows), limit: LIMITS.endpointsPerCommunity };
}

export async function getEndpoint(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string): Promise<EndpointView> {
  permit.require("webhooks.view");
  return endpointView(ctx.db, await endpointOf(ctx.db, community.id, endpointId));
}

export async function createEndpoint(ctx: AppContext, { community, permit }: CommunityTarget, input: CreateEndpointBody): Promise<EndpointWithSecret> {
  permit.require("webhooks.manage");
  checkTypes(ctx, input.eventTypes);
  const url = await checkedUrl(ctx, input.url);
  const row = await ctx.db.transaction(async (tx) => {
    const [{ n }] = (await tx.select({ n: count() }).from(E).where(eq(E.communityId, community.id))) as [{ n: number }];
    if (n >= LIMITS.endpointsPerCommunity) throw new ConflictError("webhook_endpoints_limit", msg("webhooks.errors.endpointsLimit", { limit: LIMITS.endpointsPerCommunity }));
    const now = ctx.now();
    const [r] = await tx
      .insert(E)
      .values({ communityId: community.id, url, description: input.description, eventTypes: input.eventTypes, secret: newSecret(), createdBy: permit.actor.kind === "user" ? permit.actor.id : null, createdAt: now, updatedAt: now })
      .returning();
    return r!;
  });
  return { ...(await endpointView(ctx.db, row)), secret: row.secret };
}

export async function updateEndpoint(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string, input: UpdateEndpointBody): Promise<EndpointView> {
  permit.require("webhooks.manage");
  const current = await endpointOf(ctx.db, community.id, endpointId);
  const now = ctx.now();
  const set: Partial<typeof E.$inferInsert> = { updatedAt: now };
  if (input.url !== undefined) set.url = await checkedUrl(ctx, input.url);
  if (input.description !== undefined) set.description = input.description;
  if (input.eventTypes !== undefined) {
    checkTypes(ctx, input.eventTypes);
    set.eventTypes = input.eventTypes;
  }
  if (input.enabled === true) Object.assign(set, { state: "enabled", disabledReason: null, disabledAt: null });
  if (input.enabled === false && current.state === "enabled") Object.assign(set, { state: "disabled", disabledReason: "organiser", disabledAt: now });
  const [row] = await ctx.db.update(E).set(set).where(eq(E.id, current.id)).returning();
  // Enabling again resumes the deliveries that waited, in their order.
  if (input.enabled === true) await ctx.bus.publish(WEBHOOKS_QUEUED);
  return endpointView(ctx.db, row!);
}

export async function deleteEndpoint(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string): Promise<void> {
  permit.require("webhooks.manage");
  const gone = await ctx.db
    .delete(E)
    .where(and(eq(E.id, endpointId), eq(E.communityId, community.id)))
    .returning({ id: E.id });
  if (gone.length === 0) throw new NotFoundError(msg("webhooks.errors.endpointNotFound"));
}

/**
 * A new secret, shown once. The old one keeps signing beside it for `overlapHours` (each
 * delivery then carries both signatures), so a receiver can be switched over without
 * refusing anything; rotating again ends an earlier overlap.
 */
export async function rotateSecret(ctx: AppContext, { community, permit }: CommunityTarget, endpointId: string, overlapHours: number): Promise<EndpointWithSecret> {
  permit.require("webhooks.manage");
  const current = await endpointOf(ctx.db, community.id, endpointId);
  const now = ctx.now();
  const overlap = overlapHours > 0;
  const [row] = await ctx.db
    .update(E)
    .set({ secret: newSecret(), previousSecret: overlap ? current.secret : null, previousSecretExpiresAt: overlap ? new Date(now.getTime() + overlapHours * 3600_000) : null, secretRotatedAt: now, updatedAt: now })
    .where(eq(E.id, current.id))
    .returning();
  return { ...(await endpointView(ctx.db, row!)), secret: row!.secret };
}
