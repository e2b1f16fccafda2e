import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const MAIL_STATES = ["pending", "sending", "sent", "failed"] as const;

/**
 * Lower is sooner. Someone is waiting at a screen for a transactional mail (a verification
 * or sign-in link, a password reset); everything else, bulk decisions included, can wait.
 */
export const MAIL_PRIORITY = { transactional: 0, normal: 1 } as const;

/**
 * The durable outbox: a row is written in the same transaction as the change that causes
 * the mail, so a rolled-back change sends nothing and a committed one is never lost.
 */
export const outbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Stable across retries, so a receiving server or the local mailbox can drop a resend. */
    messageId: text("message_id").notNull().unique(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text_body").notNull(),
    html: text("html_body").notNull(),
    template: text("template").notNull(),
    state: text("state", { enum: MAIL_STATES }).notNull().default("pending"),
    priority: smallint("priority").notNull().default(MAIL_PRIORITY.normal),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedBy: text("claimed_by"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    /** Extra headers sent as given (List-Unsubscribe for mail to subscribers). */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
  },
  // The worker claims in (priority, id) order among rows still to send.
  (t) => [index("mail_outbox_claim_idx").on(t.priority, t.id).where(sql`${t.state} in ('pending', 'sending')`)],
);

/** Where mail goes when no SMTP server is configured; read at /dev/mail. */
export const localMailbox = pgTable(
  "mail_local_mailbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: text("message_id").notNull(),
    to: text("to_address").notNull(),
    from: text("from_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text_body").notNull(),
    html: text("html_body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mail_local_mailbox_message_key").on(t.messageId)],
);
