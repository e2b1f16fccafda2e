import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables.js";
import { communities } from "../communities/tables.js";
import { events } from "../events/tables.js";
import { talks } from "../road/tables.js";
import { POST_STATES } from "./rules.js";

export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    summary: text("summary").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    tags: text("tags").array().notNull().default([]),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    talkId: uuid("talk_id").references(() => talks.id, { onDelete: "set null" }),
    coverImageUrl: text("cover_image_url"),
    coverImageAlt: text("cover_image_alt").notNull().default(""),
    state: text("state", { enum: POST_STATES }).notNull().default("draft"),
    /** When it appears (or appeared): the date readers see and the archive month. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
    notifySubscribers: boolean("notify_subscribers").notNull().default(false),
    /** Set, once, when subscribers and webhooks were told; a republished post is not announced again. */
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("announcements_community_slug_key").on(t.communityId, t.slug), index("announcements_listing_idx").on(t.communityId, t.state, t.publishAt), index("announcements_due_idx").on(t.state, t.publishAt)],
);

export const SUBSCRIPTION_STATES = ["pending", "confirmed", "unsubscribed"] as const;

/** People who asked for a community's announcements by mail (double opt-in). */
export const announcementSubscribers = pgTable(
  "announcement_subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    locale: text("locale").notNull().default("en"),
    state: text("state", { enum: SUBSCRIPTION_STATES }).notNull().default("pending"),
    /** SHA-256 of the secret in the confirmation link. */
    confirmTokenHash: text("confirm_token_hash"),
    confirmBy: timestamp("confirm_by", { withTimezone: true }),
    /** The secret in every mail's unsubscribe link; stored as is, since it must be put into each mail. */
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("announcement_subscribers_email_key").on(t.communityId, sql`lower(${t.email})`), index("announcement_subscribers_confirm_idx").on(t.confirmTokenHash)],
);
