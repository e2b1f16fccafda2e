/**
 * The call for participation: the call's settings and public page, speakers' profiles and
 * proposals, the programme committee (conflicts, blind review, bids, reviews, the optimal
 * assignment, decisions) and speakers' confirmations; accepted and confirmed proposals are
 * offered to the schedule through `candidateSessions`.
 */
import { eq } from "drizzle-orm";
import type { Feature } from "../../platform/feature.js";
import { candidateSessions, CFP_WEBHOOKS } from "./decide.js";
import { cfpRoutes } from "./routes.js";
import { cfpBids, cfpProposalSpeakers, cfpReviewerTopics, speakerProfiles } from "./tables.js";

export { seedCfpDemo, type DemoCallSeed } from "./demo.js";

export const cfpFeature: Feature = {
  name: "cfp",
  routes: cfpRoutes,
  candidateSessions,
  webhooks: CFP_WEBHOOKS,
  // Proposals and reviews stay (a programme and a committee's record); the person's links to them go.
  onAccountDeleted: async (_ctx, tx, userId) => {
    await tx.update(cfpProposalSpeakers).set({ userId: null }).where(eq(cfpProposalSpeakers.userId, userId));
    await tx.delete(cfpBids).where(eq(cfpBids.userId, userId));
    await tx.delete(cfpReviewerTopics).where(eq(cfpReviewerTopics.userId, userId));
    await tx.delete(speakerProfiles).where(eq(speakerProfiles.userId, userId));
  },
};
