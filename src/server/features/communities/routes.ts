import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import * as s from "./schema.js";
import * as service from "./service.js";

const tags = ["communities"];
const inCommunity = { scope: async ({ params, ctx }: { params: Record<string, unknown>; ctx: AppContext }) => ({ communityId: (await service.communityBySlug(ctx.db, String(params.community))).id }) };

export function communityRoutes(r: Router, ctx: AppContext): void {
  r.add({ method: "GET", url: "/api/v1/communities", operationId: "listCommunities", summary: "Communities hosted here.", tags, access: "public", response: s.communityList }, async () => service.listCommunities(ctx));

  r.add(
    { method: "POST", url: "/api/v1/communities", operationId: "createCommunity", summary: "Create a community.", tags, access: { capability: "community.create", scope: () => ({}) }, body: s.createCommunityBody, response: s.communityView, status: 201, errors: [409] },
    async ({ actor, body }) => service.createCommunity(ctx, actor, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}", operationId: "getCommunity", summary: "One community.", tags, access: "public", params: s.communityParams, response: s.communityView, errors: [404] },
    async ({ params }) => service.toView(await service.communityBySlug(ctx.db, params.community)),
  );

  r.add(
    { method: "PATCH", url: "/api/v1/communities/{community}", operationId: "updateCommunity", summary: "Change a community's name, description or website.", tags, access: { capability: "community.update", ...inCommunity }, params: s.communityParams, body: s.updateCommunityBody, response: s.communityView, errors: [404] },
    async ({ actor, params, body }) => service.updateCommunity(ctx, actor, params.community, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/organisers", operationId: "listCommunityOrganisers", summary: "The community's organisers.", tags, access: { capability: "community.organisers.manage", ...inCommunity }, params: s.communityParams, response: s.organiserList, errors: [404] },
    async ({ actor, params }) => service.listOrganisers(ctx, actor, params.community),
  );

  r.add(
    { method: "POST", url: "/api/v1/communities/{community}/organisers", operationId: "addCommunityOrganiser", summary: "Make an existing account an organiser of the community.", tags, access: { capability: "community.organisers.manage", ...inCommunity }, params: s.communityParams, body: s.organiserBody, response: s.organiserList, errors: [404] },
    async ({ actor, params, body }) => service.addOrganiser(ctx, actor, params.community, body.email),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/communities/{community}/organisers/{userId}", operationId: "removeCommunityOrganiser", summary: "Remove an organiser from the community.", tags, access: { capability: "community.organisers.manage", ...inCommunity }, params: s.organiserParams, response: null, errors: [404] },
    async ({ actor, params }) => service.removeOrganiser(ctx, actor, params.community, params.userId),
  );
}
