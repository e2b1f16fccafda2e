import type { AppContext } from "../../platform/context.js";
import type { Guard, Router } from "../../platform/http/route.js";
import type { Capability } from "../../platform/permissions.js";
import { BusCache, RawJson } from "../../platform/cache.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { inCommunity } from "../communities/index.js";
import * as s from "./schema.js";
import * as service from "./service.js";

const tags = ["events"];
/**
 * Operations on one event (`{community}/events/{event}` in the path): the event and the
 * caller's Permit there, resolved once; an unpublished event is a 404 to whoever may not see it.
 */
export const inEvent = (capability: Capability): Guard<service.EventTarget> => ({
  capability,
  hiddenWithout: "event.view_unpublished",
  resolve: ({ params, actor, ctx }) => service.eventTarget(ctx, actor, String(params.community), String(params.event)),
});

export function eventRoutes(r: Router, ctx: AppContext): void {
  // The public list is what every visitor loads: kept serialised, dropped on any event change.
  const listCache = new BusCache<string>(ctx.bus, EVENTS_CHANGED, { ttlMs: 10_000, maxEntries: 500 });
  r.add(
    { method: "GET", url: "/api/v1/events", operationId: "listEvents", summary: "Published events by start date, soonest first (`order=desc`: most recent first); filter by dates, kind, community or text.", tags, access: "public", query: s.listEventsQuery, response: s.eventList },
    async ({ query }) => new RawJson(await listCache.get(JSON.stringify(query), async () => JSON.stringify(await service.listEvents(ctx, query)))),
  );

  r.add(
    {
      method: "POST",
      url: "/api/v1/communities/{community}/events",
      operationId: "createEvent",
      summary: "Create an event in a community; its creator becomes its organiser.",
      tags,
      access: inCommunity("event.create"),
      params: s.communityParams,
      body: s.createEventBody,
      response: s.eventDetail,
      status: 201,
      errors: [404, 409],
    },
    async ({ target, body }) => service.createEvent(ctx, target, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/events/{event}", operationId: "getEvent", summary: "One event with its programme of talks.", tags, access: "public", params: s.eventParams, response: s.eventDetail, errors: [404] },
    async ({ actor, params }) => service.getEvent(ctx, await service.eventTarget(ctx, actor, params.community, params.event)),
  );

  r.add(
    { method: "PATCH", url: "/api/v1/communities/{community}/events/{event}", operationId: "updateEvent", summary: "Change an event's settings.", tags, access: inEvent("event.update"), params: s.eventParams, body: s.updateEventBody, response: s.eventDetail, errors: [404, 409] },
    async ({ target, body }) => service.updateEvent(ctx, target, body),
  );

  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/events/{event}/roles", operationId: "listEventRoles", summary: "Who has which role at the event.", tags, access: inEvent("event.roles.read"), params: s.eventParams, response: s.roleList, errors: [404] },
    async ({ target }) => service.listRoles(ctx, target),
  );

  r.add(
    { method: "POST", url: "/api/v1/communities/{community}/events/{event}/roles", operationId: "grantEventRole", summary: "Give an account a role at the event.", tags, access: inEvent("event.roles.manage"), params: s.eventParams, body: s.roleBody, response: s.roleList, errors: [404] },
    async ({ target, body }) => service.grantRole(ctx, target, body.email, body.role),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/communities/{community}/events/{event}/roles/{userId}/{role}", operationId: "revokeEventRole", summary: "Take a role away.", tags, access: inEvent("event.roles.manage"), params: s.roleParams, response: null, errors: [404] },
    async ({ target, params }) => service.revokeRole(ctx, target, params.userId, params.role),
  );
}
