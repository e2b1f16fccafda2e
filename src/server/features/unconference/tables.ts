import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { events } from "../events/tables.js";
import { BOARD_VISIBILITY, FEEDBACK_KINDS, FIXED_KINDS, TOPIC_STATES } from "./rules.js";
import type { BoardChange, PublishedBoard } from "./schema.js";

/** One row per hackathon with a board: who sees it, the working board's edit counter, the published version. */
export const unconfSettings = pgTable("unconf_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  /** What anonymous visitors see of the board: everything (`public`) or nothing (`attendees`). */
  visibility: text("visibility", { enum: BOARD_VISIBILITY }).notNull().default("public"),
  /** Dates on which no more topics may be proposed (the organisers closed that day's board). */
  closedDates: jsonb("closed_dates").$type<string[]>().notNull().default([]),
  /** Raised by every change of the working board, so a plan made before it is not applied over it. */
  revision: integer("revision").notNull().default(0),
  /** The latest published version's number; 0 before the first publish. */
  version: integer("version").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A hackathon day and its hours in the event's zone. */
export const unconfDays = pgTable(
  "unconf_days",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.date] })],
);

/** A time segment of a day; its id stays when the structure is saved again, so placements keep it. */
export const unconfSlots = pgTable(
  "unconf_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
  },
  (t) => [index("unconf_slots_event_idx").on(t.eventId, t.date, t.startTime)],
);

/** A numbered place to work, with its capacity and features (projector, whiteboard, quiet). */
export const unconfAreas = pgTable(
  "unconf_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    capacity: integer("capacity").notNull(),
    features: jsonb("features").$type<string[]>().notNull().default([]),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("unconf_areas_event_label_key").on(t.eventId, t.label)],
);

/** A programme item that blocks every area (plenaries, lunch, the social evening). */
export const unconfFixed = pgTable(
  "unconf_fixed",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    kind: text("kind", { enum: FIXED_KINDS }).notNull(),
    title: text("title").notNull(),
  },
  (t) => [index("unconf_fixed_event_idx").on(t.eventId, t.date)],
);

export const unconfTopics = pgTable(
  "unconf_topics",
  {
    /** Stable: the base of the iCalendar UID and the programme item's id. */
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown source; rendered and sanitised by platform/markdown.ts when shown. */
    description: text("description").notNull().default(""),
    links: jsonb("links").$type<{ title: string; url: string }[]>().notNull().default([]),
    needs: jsonb("needs").$type<string[]>().notNull().default([]),
    length: integer("length").notNull().default(1),
    /** Slots a leader cannot make. */
    unavailable: jsonb("unavailable").$type<string[]>().notNull().default([]),
    state: text("state", { enum: TOPIC_STATES }).notNull().default("open"),
    mergedInto: uuid("merged_into"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    /** The working board's placement (published versions keep their own copy). */
    areaId: uuid("area_id").references(() => unconfAreas.id, { onDelete: "set null" }),
    slotId: uuid("slot_id").references(() => unconfSlots.id, { onDelete: "set null" }),
    pinned: boolean("pinned").notNull().default(false),
    /** iCalendar SEQUENCE of its last published placement; -1 before it was first published. */
    sequence: integer("sequence").notNull().default(-1),
    /** The evening plenary: what was done (Markdown), written by its leaders. */
    summary: text("summary").notNull().default(""),
    outcomes: text("outcomes").notNull().default(""),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("unconf_topics_number_key").on(t.eventId, t.number), index("unconf_topics_area_idx").on(t.areaId), index("unconf_topics_slot_idx").on(t.slotId)],
);

export const unconfLeaders = pgTable(
  "unconf_leaders",
  {
    topicId: uuid("topic_id")
      .notNull()
      .references(() => unconfTopics.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index("unconf_leaders_user_idx").on(t.userId)],
);

/** A person's wish to join a topic; `mustAttend` weighs it twice in the planner. */
export const unconfInterest = pgTable(
  "unconf_interest",
  {
    topicId: uuid("topic_id")
      .notNull()
      .references(() => unconfTopics.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mustAttend: boolean("must_attend").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index("unconf_interest_user_idx").on(t.userId)],
);

/** A published timetable, kept for ever: live boards resume from it and feeds are built from the latest. */
export const unconfVersions = pgTable(
  "unconf_versions",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    board: jsonb("board").$type<PublishedBoard>().notNull(),
    changes: jsonb("changes").$type<BoardChange[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.number] })],
);

/** The evening plenary's demo queue: a topic's leaders sign up, the organisers order it and start each time box. */
export const unconfDemos = pgTable(
  "unconf_demos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => unconfTopics.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    position: integer("position").notNull(),
    minutes: integer("minutes").notNull(),
    /** When the organiser started its time box (the projector counts down from it). */
    startedAt: timestamp("started_at", { withTimezone: true }),
    signedUpBy: uuid("signed_up_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("unconf_demos_topic_day_key").on(t.topicId, t.date), index("unconf_demos_event_idx").on(t.eventId, t.date, t.position)],
);

/** Process feedback from the evening plenary (keep / change / try), reviewed by the next morning's plenary. */
export const unconfFeedback = pgTable(
  "unconf_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    kind: text("kind", { enum: FEEDBACK_KINDS }).notNull(),
    text: text("text").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    adopted: boolean("adopted").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("unconf_feedback_event_idx").on(t.eventId, t.date)],
);

export const unconfFeedbackVotes = pgTable(
  "unconf_feedback_votes",
  {
    feedbackId: uuid("feedback_id")
      .notNull()
      .references(() => unconfFeedback.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.userId] })],
);
