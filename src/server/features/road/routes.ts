import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { sendFeed } from "../../platform/http/feed.js";
import { requestLocale } from "../../platform/http/locale.js";
import { ATOM_CONTENT_TYPE } from "../../platform/atom.js";
import { CALENDAR_CONTENT_TYPE } from "../../platform/calendar/index.js";
import { inCommunity } from "../communities/index.js";
import { CalendarIndexes } from "./calendar-index.js";
import { decideTalk } from "./decide-talk.js";
import { roadAtom, roadCalendar } from "./feeds.js";
import { getTalk, listProposals, listTalks, myTalks, placeById, searchPlaces } from "./find-talks.js";
import { proposeTalk, updateTalk, withdrawTalk } from "./propose-talk.js";
import { recordingsWanted, setRecordings } from "./recordings.js";
import * as s from "./schema.js";
import { UnauthenticatedError } from "../../platform/errors.js";
import type { Actor, UserActor } from "../../platform/permissions.js";

const tags = ["road"];
/** For `access: "user"` operations the router has already refused anyone else. */
const signedIn = (a: Actor): UserActor => {
  if (a.kind !== "user") throw new UnauthenticatedError();
  return a;
};
const base = "/api/v1/communities/{community}/road";

export function roadRoutes(r: Router, ctx: AppContext): void {
  const indexes = new CalendarIndexes(ctx);

  r.add(
    { method: "GET", url: "/api/v1/places", operationId: "searchPlaces", summary: "Cities from the offline GeoNames gazetteer whose name starts with the query, biggest first; the nearest spellings when none does.", tags, access: "public", query: s.placesQuery, response: s.placeList },
    async ({ query }) => searchPlaces(query.q, query.limit),
  );
  r.add({ method: "GET", url: "/api/v1/places/{place}", operationId: "getPlace", summary: "One gazetteer place by its GeoNames id.", tags, access: "public", params: s.placeParams, response: s.placeView, errors: [404] }, async ({ params }) => placeById(params.place));

  r.add(
    { method: "GET", url: `${base}/talks`, operationId: "listRoadTalks", summary: "The community's calendar of talks at other conferences: upcoming or past, by month, country, topic, speaker, and distance from a place.", tags, access: "public", params: s.communityParams, query: s.listTalksQuery, response: s.talkList, errors: [404] },
    async ({ actor, params, query, req }) => listTalks(ctx, indexes, actor, params.community, query, requestLocale(req)),
  );
  r.add(
    { method: "GET", url: `${base}/calendar.ics`, operationId: "roadCalendar", summary: "The calendar (same filters as the list) as iCalendar, in the venues' time zones.", tags, access: "public", params: s.communityParams, query: s.calendarFilters, response: z.string(), produces: CALENDAR_CONTENT_TYPE, errors: [404] },
    async ({ actor, params, query, req, reply }) => {
      const locale = requestLocale(req);
      return sendFeed(req, reply, CALENDAR_CONTENT_TYPE, await roadCalendar(ctx, indexes, actor, params.community, query, locale), { locale });
    },
  );
  r.add(
    { method: "GET", url: `${base}/feed.atom`, operationId: "roadFeed", summary: "The calendar (same filters as the list) as an Atom feed.", tags, access: "public", params: s.communityParams, query: s.calendarFilters, response: z.string(), produces: ATOM_CONTENT_TYPE, errors: [404] },
    async ({ actor, params, query, req, reply }) => {
      const locale = requestLocale(req);
      return sendFeed(req, reply, ATOM_CONTENT_TYPE, await roadAtom(ctx, indexes, actor, params.community, query, locale), { locale });
    },
  );

  r.add(
    { method: "POST", url: `${base}/talks`, operationId: "proposeRoadTalk", summary: "Propose a talk you will give at another conference; an organiser approves it onto the calendar.", tags, access: "user", params: s.communityParams, body: s.proposeTalkBody, response: s.talkView, status: 201, errors: [404] },
    async ({ actor, params, body }) => proposeTalk(ctx, signedIn(actor), params.community, body),
  );
  r.add(
    { method: "GET", url: `${base}/talks/{talk}`, operationId: "getRoadTalk", summary: "One talk (a proposal only to its speakers and the organisers).", tags, access: "public", params: s.talkParams, response: s.talkView, errors: [404] },
    async ({ actor, params }) => getTalk(ctx, actor, params.community, params.talk),
  );
  r.add(
    { method: "PATCH", url: `${base}/talks/{talk}`, operationId: "updateRoadTalk", summary: "Change a talk: its speakers while it is proposed, organisers at any time.", tags, access: "user", params: s.talkParams, body: s.updateTalkBody, response: s.talkView, errors: [403, 404, 409] },
    async ({ actor, params, body }) => updateTalk(ctx, signedIn(actor), params.community, params.talk, body),
  );
  r.add(
    { method: "POST", url: `${base}/talks/{talk}/withdraw`, operationId: "withdrawRoadTalk", summary: "Withdraw a proposal, or take a talk that will not happen off the calendar.", tags, access: "user", params: s.talkParams, response: s.talkView, errors: [403, 404, 409] },
    async ({ actor, params }) => withdrawTalk(ctx, signedIn(actor), params.community, params.talk),
  );
  r.add(
    { method: "PUT", url: `${base}/talks/{talk}/recordings`, operationId: "setRoadTalkRecordings", summary: "Link the slides and the video of a talk that has been given.", tags, access: "user", params: s.talkParams, body: s.recordingsBody, response: s.talkView, errors: [403, 404, 409] },
    async ({ actor, params, body }) => setRecordings(ctx, signedIn(actor), params.community, params.talk, body),
  );
  r.add(
    { method: "POST", url: `${base}/talks/{talk}/decision`, operationId: "decideRoadTalk", summary: "Approve a proposal onto the calendar, or turn it down.", tags, access: inCommunity("road.review"), params: s.talkParams, body: s.decideTalkBody, response: s.talkView, errors: [404, 409] },
    async ({ target, params, body }) => decideTalk(ctx, target, params.talk, body),
  );
  r.add(
    { method: "GET", url: `${base}/proposals`, operationId: "listRoadProposals", summary: "Proposals waiting for a decision.", tags, access: inCommunity("road.review"), params: s.communityParams, response: s.proposalList, errors: [404] },
    async ({ target }) => listProposals(ctx, target.community, target.permit),
  );
  r.add(
    { method: "GET", url: `${base}/wanted`, operationId: "listRoadRecordingsWanted", summary: "Slides and video wanted: past talks still missing either.", tags, access: inCommunity("road.review"), params: s.communityParams, response: s.proposalList, errors: [404] },
    async ({ target }) => recordingsWanted(ctx, target),
  );
  r.add(
    { method: "GET", url: `${base}/mine`, operationId: "listMyRoadTalks", summary: "The talks you proposed or speak at, in any state.", tags, access: "user", params: s.communityParams, response: s.proposalList, errors: [404] },
    async ({ actor, params }) => myTalks(ctx, actor, params.community),
  );
}
