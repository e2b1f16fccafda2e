/**
 * The communities feature's public entry: what other features may use. Nothing else in this
 * folder is imported from outside it (the lint rules enforce this).
 */
import type { Feature } from "../../platform/feature.js";
import { communityRoutes } from "./routes.js";
import { communityRoles, forgetOrganiser } from "./service.js";

export { inCommunity } from "./routes.js";
export { addOrganisers, communitiesOrganisedBy, communityBySlug, communityCount, communityNames, insertCommunity, organiserEmails, type CommunityTarget } from "./service.js";

export const communitiesFeature: Feature = {
  name: "communities",
  routes: communityRoutes,
  roles: communityRoles,
  onAccountDeleted: async (_ctx, tx, userId) => forgetOrganiser(tx, userId),
};
