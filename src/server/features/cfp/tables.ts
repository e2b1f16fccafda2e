import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { events } from "../events/tables.js";
import { BIDS, CONFLICT_SOURCES, DEADLINE_ZONES, PHASES, PROPOSAL_STATES, type Criterion } from "./rules.js";
import type { Answers, Question } from "./schema.js";

/** One row per event with a call: its dates, what it asks, and the committee's phase. */
export const cfpSettings = pgTable("cfp_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  opensAt: timestamp("opens_at", { withTimezone: true }),
  closesAt: timestamp("closes_at", { withTimezone: true }),
  /** The zone the dates were entered in, so the form and the page show them as entered. */
  deadlineZone: text("deadline_zone", { enum: DEADLINE_ZONES }).notNull().default("event"),
  sessionTypes: jsonb("session_types").$type<{ key: string; label: string; minutes: number }[]>().notNull(),
  tracks: jsonb("tracks").$type<{ key: string; name: string; topics: string[] }[]>().notNull(),
  questions: jsonb("questions").$type<Question[]>().notNull(),
  criteria: jsonb("criteria").$type<Criterion[]>().notNull(),
  maxProposalsPerSpeaker: integer("max_proposals_per_speaker"),
  lateAccessCode: text("late_access_code"),
  blind: boolean("blind").notNull().default(true),
  page: text("page").notNull().default(""),
  phase: text("phase", { enum: PHASES }).notNull().default("closed"),
  demo: boolean("demo").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A speaker's profile: one per account, reused in every event's call. */
export const speakerProfiles = pgTable("speaker_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  affiliation: text("affiliation").notNull().default(""),
  biography: text("biography").notNull().default(""),
  photoUrl: text("photo_url"),
  links: jsonb("links").$type<string[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const cfpProposals = pgTable(
  "cfp_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    abstract: text("abstract").notNull().default(""),
    description: text("description").notNull().default(""),
    notes: text("notes").notNull().default(""),
    sessionType: text("session_type").notNull(),
    topics: jsonb("topics").$type<string[]>().notNull().default([]),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    state: text("state", { enum: PROPOSAL_STATES }).notNull().default("draft"),
    demo: boolean("demo").notNull().default(false),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cfp_proposals_event_idx").on(t.eventId, t.state), index("cfp_proposals_submitter_idx").on(t.submittedBy)],
);

/** A proposal's speakers: the submitter (accepted) and co-speakers invited by address, each of whom accepts. */
export const cfpProposalSpeakers = pgTable(
  "cfp_proposal_speakers",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => cfpProposals.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ["accepted", "invited", "declined"] }).notNull(),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.email] }), index("cfp_proposal_speakers_user_idx").on(t.userId), index("cfp_proposal_speakers_email_idx").on(t.email)],
);

/** Declared conflicts (by the reviewer, a speaker or a chair); automatic ones are computed where they are read. */
export const cfpConflicts = pgTable(
  "cfp_conflicts",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => cfpProposals.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: CONFLICT_SOURCES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("cfp_conflicts_user_idx").on(t.userId)],
);

/** A speaker names committee members they are conflicted with by address, before knowing who is on it. */
export const cfpDeclaredConflicts = pgTable(
  "cfp_declared_conflicts",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => cfpProposals.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.email] })],
);

export const cfpBids = pgTable(
  "cfp_bids",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => cfpProposals.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bid: text("bid", { enum: BIDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/** What a reviewer follows, the fallback of the assignment when they did not bid. */
export const cfpReviewerTopics = pgTable(
  "cfp_reviewer_topics",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topics: jsonb("topics").$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

export const cfpAssignments = pgTable(
  "cfp_assignments",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => cfpProposals.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["solver", "manual"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("cfp_assignments_user_idx").on(t.userId)],
);

/** Reviews outlive their reviewer's place on the committee. */
export const cfpReviews = pgTable(
  "cfp_reviews",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => cfpProposals.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    confidence: integer("confidence").notNull(),
    commentForSpeakers: text("comment_for_speakers").notNull().default(""),
    commentForCommittee: text("comment_for_committee").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index("cfp_reviews_user_idx").on(t.userId)],
);
