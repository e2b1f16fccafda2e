/**
 * The events feature's public entry: what other features may use. Nothing else in this
 * folder is imported from outside it (the lint rules enforce this).
 */
import type { Feature } from "../../platform/feature.js";
import { eventRoutes } from "./routes.js";
import { eventRoleResolver, forgetRoles } from "./service.js";

export { inEvent } from "./routes.js";
export { createExternalEvent, createImportedConference, eventById, eventBySlugs, eventsByIds, eventPlaces, eventTarget, type EventPlace, grantRoles, roleHolders, rolesOfUser, type EventRow, type EventTarget, type ExternalEventInput, type ImportedConferenceInput } from "./service.js";
export { communityDocument, exportCommunity, importCommunity, type CommunityDocument } from "./transfer.js";

export const eventsFeature: Feature = {
  name: "events",
  routes: eventRoutes,
  roles: eventRoleResolver,
  onAccountDeleted: async (_ctx, tx, userId) => forgetRoles(tx, userId),
};
