import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { events } from "../events/tables.js";

/**
 * Hackathon registration: invitation requests answered within a promised number of business
 * days, confirmations within a capacity, fees routed to a beneficiary, travel stipends.
 * Money is always an integer in minor units (cents) with an ISO 4217 currency beside it.
 */

// The state lists live with the Zod schemas so the web app can use them without drizzle.
import { LEDGER_KINDS, LIVE_STATES, REQUEST_STATES, STIPEND_STATES } from "./schema.js";
export { LEDGER_KINDS, LIVE_STATES, REQUEST_STATES, STIPEND_STATES };
export type { LedgerKind, RequestState, StipendState } from "./schema.js";

export interface ExtraQuestion {
  id: string;
  label: string;
  required: boolean;
  maxLength: number;
}
export interface Questions {
  affiliation: boolean;
  stipend: boolean;
  extra: ExtraQuestion[];
}
export interface Answers {
  workOn: string;
  affiliation?: string;
  needsStipend?: boolean;
  extra: Record<string, string>;
}

export const registrationSettings = pgTable("registration_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  capacity: integer("capacity").notNull(),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  responseBusinessDays: integer("response_business_days").notNull().default(5),
  /** Local dates (YYYY-MM-DD, the event's zone) that are not business days. */
  holidays: jsonb("holidays").$type<string[]>().notNull().default([]),
  confirmationDays: integer("confirmation_days").notNull().default(7),
  feeAmount: bigint("fee_amount", { mode: "number" }).notNull().default(0),
  feeCurrency: text("fee_currency").notNull().default("USD"),
  feeInstructions: text("fee_instructions").notNull().default(""),
  beneficiaryName: text("beneficiary_name").notNull().default(""),
  beneficiaryUrl: text("beneficiary_url"),
  waiversAllowed: boolean("waivers_allowed").notNull().default(true),
  stipendBudget: bigint("stipend_budget", { mode: "number" }).notNull().default(0),
  stipendCurrency: text("stipend_currency").notNull().default("USD"),
  questions: jsonb("questions").$type<Questions>().notNull().default({ affiliation: true, stipend: true, extra: [] }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const invitationRequests = pgTable(
  "registration_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    locale: text("locale").notNull().default("en"),
    state: text("state", { enum: REQUEST_STATES }).notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    /** Secret that, with the server's key, derives the status-page link; rotating it revokes old links. */
    linkSalt: text("link_salt").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    answerBy: timestamp("answer_by", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    confirmBy: timestamp("confirm_by", { withTimezone: true }),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    checkinCode: text("checkin_code"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live request per person per event, enforced by the database too.
    uniqueIndex("registration_requests_live_key")
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.state} in ('unverified', 'requested', 'invited', 'waitlisted', 'confirmed')`),
    index("registration_requests_queue_idx").on(t.eventId, t.state, t.answerBy),
    index("registration_requests_answer_idx").on(t.eventId, t.answerBy, t.id),
    index("registration_requests_confirm_by_idx").on(t.state, t.confirmBy),
    index("registration_requests_user_idx").on(t.userId),
    uniqueIndex("registration_requests_checkin_key").on(t.eventId, t.checkinCode),
  ],
);

export const requestNotes = pgTable(
  "registration_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => invitationRequests.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_notes_request_idx").on(t.requestId, t.createdAt)],
);

/** An organiser's wording for one decision mail at one event; the built-in template otherwise. */
export const mailTemplateOverrides = pgTable(
  "registration_mail_templates",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    /** Paragraphs separated by a blank line; `{{var}}` placeholders. */
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.template, t.locale] })],
);

/** The fee ledger: append-only entries; balances are sums. */
export const ledgerEntries = pgTable(
  "registration_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").references(() => invitationRequests.id, { onDelete: "set null" }),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    provider: text("provider").notNull(),
    method: text("method").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    reference: text("reference").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_ledger_event_idx").on(t.eventId, t.recordedAt), index("registration_ledger_request_idx").on(t.requestId)],
);

export const stipendRequests = pgTable(
  "registration_stipends",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => invitationRequests.id, { onDelete: "cascade" }),
    state: text("state", { enum: STIPEND_STATES }).notNull().default("submitted"),
    amountAsked: bigint("amount_asked", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    origin: text("origin").notNull(),
    justification: text("justification").notNull(),
    amountOffered: bigint("amount_offered", { mode: "number" }),
    amountReimbursed: bigint("amount_reimbursed", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("registration_stipends_request_key").on(t.requestId), index("registration_stipends_event_idx").on(t.eventId, t.state)],
);

/** Messages between applicant and organisers, and organisers' internal notes (`internal`), never shown to the applicant. */
export const stipendMessages = pgTable(
  "registration_stipend_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stipendId: uuid("stipend_id")
      .notNull()
      .references(() => stipendRequests.id, { onDelete: "cascade" }),
    from: text("from_side", { enum: ["applicant", "organiser"] }).notNull(),
    internal: boolean("internal").notNull().default(false),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_stipend_messages_idx").on(t.stipendId, t.createdAt)],
);

/** Recorded donations to the beneficiary; each one closes what was owed at that moment. */
export const donations = pgTable(
  "registration_donations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    beneficiaryName: text("beneficiary_name").notNull(),
    reference: text("reference").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_donations_event_idx").on(t.eventId)],
);
