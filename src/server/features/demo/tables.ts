import { integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { communities } from "../communities/tables.js";

/**
 * Set by the demo seed: this instance replays a community's past year with its request and
 * call windows reopened, which the web app says in a banner. The row goes with the community
 * (deleting the demo community ends the demo), and travels in backups like any other.
 */
export const demoInstance = pgTable("demo_instance", {
  communityId: uuid("community_id")
    .primaryKey()
    .references(() => communities.id, { onDelete: "cascade" }),
  /** The year whose events are replayed. */
  replayYear: integer("replay_year").notNull(),
  seededAt: timestamp("seeded_at", { withTimezone: true }).notNull().defaultNow(),
});
