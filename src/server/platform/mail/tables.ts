import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const MAIL_STATES = ["pending", "sending", "sent", "failed"] as const;

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
  (t) => [index("mail_outbox_due_idx").on(t.state, t.nextAttemptAt)],
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
