/**
 * Talks on the road: the community's calendar of talks its members give at other
 * conferences, with "near me", feeds and the programme of every external event.
 */
import { and, eq } from "drizzle-orm";
import type { Feature } from "../../platform/feature.js";
import { roadProgramme } from "./programme.js";
import { roadRoutes } from "./routes.js";
import { talkSpeakers, talks } from "./tables.js";

export { seedRoadTalks, type RoadTalkSeed } from "./demo.js";
export { greatCircleKm } from "./distance.js";
export { talkTitles } from "./talk-views.js";
export { talkUrl } from "./decide-talk.js";

export const roadFeature: Feature = {
  name: "road",
  routes: roadRoutes,
  programme: roadProgramme,
  // The talk stays (it was given, its speaker's name is public display text); the link to the account goes, and open proposals are withdrawn.
  onAccountDeleted: async (_ctx, tx, userId) => {
    await tx.update(talkSpeakers).set({ userId: null }).where(eq(talkSpeakers.userId, userId));
    await tx.update(talks).set({ state: "withdrawn" }).where(and(eq(talks.proposedBy, userId), eq(talks.state, "proposed")));
    await tx.update(talks).set({ proposedBy: null }).where(eq(talks.proposedBy, userId));
    await tx.update(talks).set({ decidedBy: null }).where(eq(talks.decidedBy, userId));
  },
};
