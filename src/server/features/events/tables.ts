import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { communities } from "../communities/tables.js";

// Defined with the Zod schemas so the web app can use them without drizzle.
import { EVENT_KINDS, EVENT_ROLES } from "./schema.js";
export { EVENT_KINDS, EVENT_ROLES };

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    venue: text("venue").notNull().default(""),
    city: text("city").notNull().default(""),
    country: text("country").notNull().default(""),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    timeZone: text("time_zone").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    hostOrganisation: text("host_organisation").notNull().default(""),
    description: text("description").notNull().default(""),
    capacity: integer("capacity"),
    website: text("website"),
    cfpClosesAt: timestamp("cfp_closes_at", { withTimezone: true }),
    published: boolean("published").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("events_community_slug_key").on(t.communityId, t.slug), index("events_start_idx").on(t.startDate)],
);

export const eventRoles = pgTable(
  "event_roles",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: EVENT_ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId, t.role] }), index("event_roles_user_idx").on(t.userId)],
);
