import type { AppContext } from "../../platform/context.js";
import type { Guard, Router } from "../../platform/http/route.js";
import { permitFor, type Capability } from "../../platform/permissions.js";
import * as s from "./schema.js";
import * as service from "./service.js";

const tags = ["communities"];
/** Operations on one community: the community and the caller's Permit in it, resolved once. */
export const inCommunity = (capability: Capability): Guard<service.CommunityTarget> => ({
  capability,
  resolve: ({ params, actor, ctx }) => service.communityTarget(ctx, actor, String(params.community)),
});
/** Instance-wide operations (creating a community): the caller's Permit without a scope. */
const onInstance = (capability: Capability): Guard => ({ capability, resolve: async ({ actor, ctx }) => ({ permit: await permitFor(ctx, actor, {}) }) });

export function communityRoutes(r: Router, ctx: AppContext): void {
  r.add({ method: "GET", url: "/api/v1/communities", operationId: "listCommunities", summary: "Communities hosted here.", tags, access: "public", response: s.communityList }, async () => service.listCommunities(ctx));

  r.add(
    { method: "POST", url: "/api/v1/communities", operationId: "createCommunity", summary: "Create a community.", tags, access: onInstance("community.create"), body: s.createCommunityBody, response: s.communityView, status: 201, errors: [409] },
    async ({ target, body }) => service.createCommunity(ctx, target.permit, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}", operationId: "getCommunity", summary: "One community.", tags, access: "public", params: s.communityParams, response: s.communityView, errors: [404] },
    async ({ params }) => service.toView(await service.communityBySlug(ctx.db, params.community)),
  );

  r.add(
    { method: "PATCH", url: "/api/v1/communities/{community}", operationId: "updateCommunity", summary: "Change a community's name, description or website.", tags, access: inCommunity("community.update"), params: s.communityParams, body: s.updateCommunityBody, response: s.communityView, errors: [404] },
    async ({ target, body }) => service.updateCommunity(ctx, target, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/organisers", operationId: "listCommunityOrganisers", summary: "The community's organisers.", tags, access: inCommunity("community.organisers.manage"), params: s.communityParams, response: s.organiserList, errors: [404] },
    async ({ target }) => service.listOrganisers(ctx, target),
  );

  r.add(
    { method: "POST", url: "/api/v1/communities/{community}/organisers", operationId: "addCommunityOrganiser", summary: "Make an existing account an organiser of the community.", tags, access: inCommunity("community.organisers.manage"), params: s.communityParams, body: s.organiserBody, response: s.organiserList, errors: [404] },
    async ({ target, body }) => service.addOrganiser(ctx, target, body.email),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/communities/{community}/organisers/{userId}", operationId: "removeCommunityOrganiser", summary: "Remove an organiser from the community.", tags, access: inCommunity("community.organisers.manage"), params: s.organiserParams, response: null, errors: [404] },
    async ({ target, params }) => service.removeOrganiser(ctx, target, params.userId),
  );
}
