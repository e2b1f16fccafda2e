import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { events } from "../events/tables.js";
import type { ReleaseChange, SnapshotProgramme } from "./schema.js";
import { BLOCK_KINDS, SESSION_SOURCES } from "./rules.js";

/** One row per conference with a schedule: the grid step and the edit counter drafts are checked against. */
export const scheduleSettings = pgTable("schedule_settings", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  /** The editor's grid step and the solver's slot length. */
  slotMinutes: integer("slot_minutes").notNull().default(15),
  /** Language of sessions that name none (outputs that need one per session use it). */
  defaultLanguage: text("default_language").notNull().default("en"),
  /** Raised on every change to the draft, so a draft computed earlier is not applied over newer edits. */
  revision: integer("revision").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const scheduleRooms = pgTable(
  "schedule_rooms",
  {
    /** Stable across versions: the frab room `guid`. */
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    capacity: integer("capacity"),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("schedule_rooms_event_name_key").on(t.eventId, t.name), index("schedule_rooms_event_idx").on(t.eventId, t.position)],
);

/** A conference day: its hours in the event's zone; an end at or before the start is on the next morning. */
export const scheduleDays = pgTable(
  "schedule_days",
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

/** A break (shown to everyone: lunch) or a block (a room not available), in one room or, with no room, in all. */
export const scheduleBlocks = pgTable(
  "schedule_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    roomId: uuid("room_id").references(() => scheduleRooms.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: BLOCK_KINDS }).notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("schedule_blocks_event_idx").on(t.eventId, t.startsAt)],
);

/** A person who speaks at the conference: display text, optionally an account here. */
export const scheduleSpeakers = pgTable(
  "schedule_speakers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    affiliation: text("affiliation").notNull().default(""),
    biography: text("biography").notNull().default(""),
    /** Where their mail goes when they have no account here (organisers add it). */
    email: text("email"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The speaker's id at the source the row came from (a CFP speaker, an imported person's guid). */
    sourceId: text("source_id"),
    /** When they can be there; null: any time. */
    availability: jsonb("availability").$type<{ start: string; end: string }[]>(),
  },
  (t) => [index("schedule_speakers_event_idx").on(t.eventId), uniqueIndex("schedule_speakers_source_key").on(t.eventId, t.sourceId), index("schedule_speakers_user_idx").on(t.userId)],
);

export const scheduleSessions = pgTable(
  "schedule_sessions",
  {
    /** Stable across versions and systems: the frab `guid`, the base of the iCalendar UID. */
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** Small and stable in the event: the frab `id` and the session's address. */
    number: integer("number").notNull(),
    source: text("source", { enum: SESSION_SOURCES }).notNull(),
    /** The CFP proposal the session came from (no foreign key: the CFP feature owns that table). */
    proposalId: uuid("proposal_id"),
    title: text("title").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    abstract: text("abstract").notNull().default(""),
    description: text("description").notNull().default(""),
    type: text("type").notNull().default("talk"),
    track: text("track"),
    language: text("language"),
    durationMinutes: integer("duration_minutes").notNull(),
    expectedAudience: integer("expected_audience"),
    roomId: uuid("room_id").references(() => scheduleRooms.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    /** A pinned session keeps its place when the automatic draft runs. */
    pinned: boolean("pinned").notNull().default(false),
    /** The iCalendar SEQUENCE of its last released version; -1 before it was first released. */
    sequence: integer("sequence").notNull().default(-1),
    /** Marked as demo content by the demo seed. */
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("schedule_sessions_number_key").on(t.eventId, t.number), uniqueIndex("schedule_sessions_proposal_key").on(t.eventId, t.proposalId), index("schedule_sessions_room_idx").on(t.roomId, t.startsAt)],
);

export const scheduleSessionSpeakers = pgTable(
  "schedule_session_speakers",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => scheduleSessions.id, { onDelete: "cascade" }),
    speakerId: uuid("speaker_id")
      .notNull()
      .references(() => scheduleSpeakers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.speakerId] }), index("schedule_session_speakers_speaker_idx").on(t.speakerId)],
);

/** A released version: the programme as published, and what changed since the version before, kept for ever. */
export const scheduleReleases = pgTable(
  "schedule_releases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    releasedAt: timestamp("released_at", { withTimezone: true }).notNull(),
    releasedBy: uuid("released_by").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    programme: jsonb("programme").$type<SnapshotProgramme>().notNull(),
    changes: jsonb("changes").$type<ReleaseChange[]>().notNull(),
  },
  (t) => [uniqueIndex("schedule_releases_number_key").on(t.eventId, t.number)],
);

/** A signed-in person's favourite sessions (people without an account keep theirs in the browser). */
export const scheduleFavourites = pgTable(
  "schedule_favourites",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => scheduleSessions.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sessionId] }), index("schedule_favourites_session_idx").on(t.sessionId)],
);
