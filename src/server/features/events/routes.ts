import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { BusCache, RawJson } from "../../platform/cache.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { communityBySlug } from "../communities/service.js";
import * as s from "./schema.js";
import * as service from "./service.js";

const tags = ["events"];
const inEvent = { scope: async ({ params, ctx }: { params: Record<string, unknown>; ctx: AppContext }) => ({ eventId: (await service.eventBySlugs(ctx.db, String(params.community), String(params.event))).id }) };

export function eventRoutes(r: Router, ctx: AppContext): void {
  // The public list is what every visitor loads: kept serialised, dropped on any event change.
  const listCache = new BusCache<string>(ctx.bus, EVENTS_CHANGED, { ttlMs: 10_000, maxEntries: 500 });
  r.add(
    { method: "GET", url: "/api/v1/events", operationId: "listEvents", summary: "Published events, soonest first; filter by dates, kind, community or text.", tags, access: "public", query: s.listEventsQuery, response: s.eventList },
    async ({ query }) => new RawJson(await listCache.get(JSON.stringify(query), async () => JSON.stringify(await service.listEvents(ctx, query)))),
  );

  r.add(
    {
      method: "POST",
      url: "/api/v1/communities/{community}/events",
      operationId: "createEvent",
      summary: "Create an event in a community; its creator becomes its organiser.",
      tags,
      access: { capability: "event.create", scope: async ({ params, ctx }) => ({ communityId: (await communityBySlug(ctx.db, String(params.community))).id }) },
      params: s.communityParams,
      body: s.createEventBody,
      response: s.eventDetail,
      status: 201,
      errors: [404, 409],
    },
    async ({ actor, params, body }) => service.createEvent(ctx, actor, params.community, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/events/{event}", operationId: "getEvent", summary: "One event with its programme of talks.", tags, access: "public", params: s.eventParams, response: s.eventDetail, errors: [404] },
    async ({ actor, params }) => service.getEvent(ctx, actor, params.community, params.event),
  );

  r.add(
    { method: "PATCH", url: "/api/v1/communities/{community}/events/{event}", operationId: "updateEvent", summary: "Change an event's settings.", tags, access: { capability: "event.update", ...inEvent }, params: s.eventParams, body: s.updateEventBody, response: s.eventDetail, errors: [404, 409] },
    async ({ actor, params, body }) => service.updateEvent(ctx, actor, params.community, params.event, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/events/{event}/roles", operationId: "listEventRoles", summary: "Who has which role at the event.", tags, access: { capability: "event.roles.read", ...inEvent }, params: s.eventParams, response: s.roleList, errors: [404] },
    async ({ actor, params }) => service.listRoles(ctx, actor, params.community, params.event),
  );

  r.add(
    { method: "POST", url: "/api/v1/communities/{community}/events/{event}/roles", operationId: "grantEventRole", summary: "Give an account a role at the event.", tags, access: { capability: "event.roles.manage", ...inEvent }, params: s.eventParams, body: s.roleBody, response: s.roleList, errors: [404] },
    async ({ actor, params, body }) => service.grantRole(ctx, actor, params.community, params.event, body.email, body.role),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/communities/{community}/events/{event}/roles/{userId}/{role}", operationId: "revokeEventRole", summary: "Take a role away.", tags, access: { capability: "event.roles.manage", ...inEvent }, params: s.roleParams, response: null, errors: [404] },
    async ({ actor, params }) => service.revokeRole(ctx, actor, params.community, params.event, params.userId, params.role),
  );
}
