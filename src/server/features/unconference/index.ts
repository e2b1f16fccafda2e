/**
 * The unconference board of a hackathon: structure, topics and interest, the morning
 * plenary's planner (the timetable solver in a worker) and numbered publishes, served to the
 * schedule outputs through the Feature `programme` hook.
 */
import { eq } from "drizzle-orm";
import type { Feature } from "../../platform/feature.js";
import { publishedProgramme, UNCONFERENCE_WEBHOOKS } from "./publish.js";
import { unconferenceRoutes } from "./routes.js";
import { unconfInterest, unconfTopics } from "./tables.js";

export { seedUnconferenceDemo, type DemoBoardSeed } from "./demo.js";

export const unconferenceFeature: Feature = {
  name: "unconference",
  routes: unconferenceRoutes,
  programme: publishedProgramme,
  webhooks: UNCONFERENCE_WEBHOOKS,
  // Interest goes with the account and the proposer is no longer named; the anonymised account stays a leader ("Deleted account"), as the board showed it.
  onAccountDeleted: async (_ctx, tx, userId) => {
    await tx.update(unconfTopics).set({ proposedBy: null }).where(eq(unconfTopics.proposedBy, userId));
    await tx.delete(unconfInterest).where(eq(unconfInterest.userId, userId));
  },
};
