import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { communities } from "../communities/tables.js";
import { events } from "../events/tables.js";
import type { NewRoadEvent } from "./schema.js";
import { TALK_STATES } from "./rules.js";

/**
 * A talk at an external event: what community members give at other conferences, the
 * programme of an `external` event. The table kept its name when it moved here from the
 * events feature (which now reads programmes through the Feature `programme` hook).
 * `event_id` is null only while a proposal names an event that is not on the calendar yet
 * (`proposed_event`); approving the talk creates that event.
 */
export const talks = pgTable(
  "talks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    proposedEvent: jsonb("proposed_event").$type<NewRoadEvent>(),
    state: text("state", { enum: TALK_STATES }).notNull().default("proposed"),
    title: text("title").notNull(),
    abstract: text("abstract").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    /** Null when the end was not published. */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    room: text("room"),
    topics: text("topics").array().notNull().default([]),
    sessionUrl: text("session_url"),
    slidesUrl: text("slides_url"),
    videoUrl: text("video_url"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note").notNull().default(""),
    /** Raised on every change a calendar subscriber should notice (iCalendar SEQUENCE). */
    revision: integer("revision").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("talks_event_idx").on(t.eventId, t.startsAt), index("talks_community_state_idx").on(t.communityId, t.state, t.startsAt)],
);

/** A talk's speakers in order: display text, optionally linked to an account here. */
export const talkSpeakers = pgTable(
  "talk_speakers",
  {
    talkId: uuid("talk_id")
      .notNull()
      .references(() => talks.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    affiliation: text("affiliation").notNull().default(""),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.talkId, t.position] }), index("talk_speakers_user_idx").on(t.userId)],
);
