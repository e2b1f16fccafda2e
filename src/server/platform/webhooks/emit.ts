import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../context.js";
import type { Db } from "../db/index.js";
import { webhookRegistry, type WebhookEventType, type WebhookPayloads, type WebhookTypeName } from "./registry.js";
import { newMessageId } from "./signature.js";
import { webhookEndpoints } from "./tables.js";

/** Published after a commit that queued deliveries, to wake the workers before their next poll. */
export const WEBHOOKS_QUEUED = "webhooks.queued";

type Emitter = Pick<AppContext, "features" | "now">;

interface Message {
  id: string;
  body: string;
}

/** Parsed, so what goes out is what the documented schema says (unknown keys dropped). */
function parseAll(def: WebhookEventType, data: readonly unknown[]): unknown[] {
  return data.map((d) => def.schema.parse(d));
}

function messagesOf(ctx: Emitter, def: WebhookEventType, parsed: readonly unknown[]): Message[] {
  const timestamp = ctx.now().toISOString();
  return parsed.map((data) => {
    const id = newMessageId();
    return { id, body: JSON.stringify({ id, type: def.type, version: def.version, timestamp, data }) };
  });
}

/** Inserts the messages and one delivery per message and endpoint, in one statement each, in the given order. */
async function insertDeliveries(ctx: Emitter, tx: Db, communityId: string, def: WebhookEventType, messages: Message[], endpointIds: readonly string[]): Promise<number> {
  const now = ctx.now().toISOString();
  const list = JSON.stringify(messages.map((m, i) => ({ id: m.id, body: m.body, n: i })));
  await tx.execute(sql`
    insert into webhook_messages (id, community_id, type, version, body, created_at)
    select m.id, ${communityId}::uuid, ${def.type}, ${def.version}, m.body, ${now}::timestamptz
    from json_to_recordset(${list}::json) as m(id text, body text, n int)`);
  // seq follows the ORDER BY, so each endpoint receives the messages in the order they were emitted.
  await tx.execute(sql`
    insert into webhook_deliveries (endpoint_id, message_id, next_attempt_at, created_at)
    select e.id, m.id, ${now}::timestamptz, ${now}::timestamptz
    from json_to_recordset(${list}::json) as m(id text, body text, n int)
    cross join (select value::uuid as id from json_array_elements_text(${JSON.stringify(endpointIds)}::json)) e
    order by m.n, e.id`);
  return messages.length * endpointIds.length;
}

/**
 * Queues a webhook event for every enabled endpoint of the community that subscribed to its
 * type. Call it with the transaction of the change, as with mail: the deliveries exist
 * exactly when the change does (a rollback sends nothing, a commit loses nothing). The
 * workers poll every second; publishing WEBHOOKS_QUEUED after the commit is optional and
 * only saves that second. `data` is one payload or many (a bulk decision), checked against
 * the type's schema; an unregistered type or a payload that does not fit throws.
 * Returns the number of deliveries queued.
 */
export async function emitWebhook<T extends WebhookTypeName>(ctx: Emitter, tx: Db, type: T, communityId: string, data: WebhookPayloads[T] | readonly WebhookPayloads[T][]): Promise<number> {
  const def = webhookRegistry(ctx.features).require(type);
  const list: readonly unknown[] = Array.isArray(data) ? data : [data];
  if (list.length === 0) return 0;
  const parsed = parseAll(def, list);
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.communityId, communityId), eq(webhookEndpoints.state, "enabled"), sql`${type} = any(${webhookEndpoints.eventTypes})`));
  if (endpoints.length === 0) return 0;
  return insertDeliveries(ctx, tx, communityId, def, messagesOf(ctx, def, parsed), endpoints.map((e) => e.id));
}

/** Queues one event for one endpoint, whatever it subscribed to: the "send a test event" button. */
export async function emitWebhookTo(ctx: Emitter, tx: Db, endpoint: { id: string; communityId: string }, type: string, data: unknown): Promise<string> {
  const def = webhookRegistry(ctx.features).require(type);
  const messages = messagesOf(ctx, def, parseAll(def, [data]));
  await insertDeliveries(ctx, tx, endpoint.communityId, def, messages, [endpoint.id]);
  return messages[0]!.id;
}
