import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Secrets the instance generates for itself (cookie signing, status-link signing), one row
 * each. They live in the database, not in a process's data folder, so every process sharing
 * a database signs and checks alike, and a backup carries them to wherever it is restored.
 */
export const instanceSecrets = pgTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
