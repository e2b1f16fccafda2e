import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DELIVERY_STATES, DISABLED_REASONS, ENDPOINT_STATES } from "../../../shared/webhooks.js";
import { users } from "../auth/tables.js";

/**
 * A community's subscription: an address, the event types it wants and the secret its
 * deliveries are signed with. The community is a plain id: the platform knows no feature's
 * tables (the webhooks feature checks the community when it creates the endpoint).
 * `claimed_by`/`claimed_until` is the delivery lease: one worker at a time sends to an
 * endpoint, which is what keeps its deliveries in order.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id").notNull(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: text("event_types").array().notNull(),
    state: text("state", { enum: ENDPOINT_STATES }).notNull().default("enabled"),
    disabledReason: text("disabled_reason", { enum: DISABLED_REASONS }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** `whsec_` + base64: Standard Webhooks' format, which its libraries read as it is. */
    secret: text("secret").notNull(),
    /** After a rotation, the old secret signs too until it expires, so receivers can switch over. */
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    claimedBy: text("claimed_by"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
  },
  (t) => [index("webhook_endpoints_community_idx").on(t.communityId)],
);

/** One event as sent: the exact bytes that are signed, the same on every retry and redelivery. */
export const webhookMessages = pgTable(
  "webhook_messages",
  {
    /** `msg_…`: the `webhook-id` header, by which receivers drop duplicates. */
    id: text("id").primaryKey(),
    communityId: uuid("community_id").notNull(),
    type: text("type").notNull(),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_messages_created_idx").on(t.createdAt)],
);

/**
 * The durable queue: one row per message and endpoint, written in the transaction of the
 * change. `seq` orders an endpoint's deliveries; only the oldest pending one is ever sent.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    messageId: text("message_id")
      .notNull()
      .references(() => webhookMessages.id, { onDelete: "cascade" }),
    state: text("state", { enum: DELIVERY_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatus: integer("last_status"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** Set when an organiser asked for this delivery again (the redeliver button). */
    redeliveryOf: uuid("redelivery_of"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The head of each endpoint's queue, and the worker's question "whose head is due?".
    index("webhook_deliveries_pending_idx").on(t.endpointId, t.seq).where(sql`${t.state} = 'pending'`),
    index("webhook_deliveries_log_idx").on(t.endpointId, t.seq),
    index("webhook_deliveries_message_idx").on(t.messageId),
  ],
);

/** Every attempt, for the delivery log: status code, response time, error, the start of the answer. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    status: integer("status"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    response: text("response"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.id)],
);
