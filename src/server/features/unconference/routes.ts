import { z } from "zod";
import { CALENDAR_CONTENT_TYPE } from "../../platform/calendar/index.js";
import type { AppContext } from "../../platform/context.js";
import { requestLocale } from "../../platform/http/locale.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import type { Router } from "../../platform/http/route.js";
import type { Actor } from "../../platform/permissions.js";
import { eventTarget, inEvent, type EventTarget } from "../events/index.js";
import { agendaCalendar, getAgenda } from "./agenda.js";
import { addFeedback, adoptFeedback, dropDemo, getEvening, orderDemos, signUpDemo, startDemo, voteFeedback } from "./evening.js";
import { streamBoard } from "./live.js";
import { applyPlan, PlanJobs, placeTopic } from "./planner.js";
import { getPlenary } from "./plenary.js";
import { publishBoard, versionView } from "./publish.js";
import * as s from "./schema.js";
import { versionsAfter } from "./state.js";
import { getStructure, setStructure, updateSettings } from "./structure.js";
import { dropInterest, getBoard, getTopic, markInterest, mergeTopic, proposeTopic, updateTopic, withdrawTopic } from "./topics.js";

const tags = ["unconference"];
const base = "/api/v1/communities/{community}/events/{event}/unconference";
const organise = inEvent("unconference.organise");
const participate = inEvent("unconference.participate");

export function unconferenceRoutes(r: Router, ctx: AppContext): void {
  const jobs = new PlanJobs();
  // Public reads: anyone who can see the event; the board's visibility setting decides the rest in the service.
  const resolve = (params: { community: string; event: string }, actor: Actor): Promise<EventTarget> => eventTarget(ctx, actor, params.community, params.event);

  // ------------------------------------------------------------ the board, for everyone allowed to see it
  r.add(
    { method: "GET", url: `${base}`, operationId: "getUnconferenceBoard", summary: "A hackathon's board: days, slots, work areas, fixed items, topics with their interest and published places (attendees only, when the organisers say so).", tags, access: "public", params: s.eventParams, response: s.boardView, errors: [404] },
    async ({ actor, params }) => getBoard(ctx, await resolve(params, actor)),
  );
  r.add(
    { method: "GET", url: `${base}/topics/{topic}`, operationId: "getUnconferenceTopic", summary: "One topic of the board.", tags, access: "public", params: s.topicParams, response: s.topicView, errors: [404] },
    async ({ actor, params }) => getTopic(ctx, await resolve(params, actor), params.topic),
  );
  r.add(
    { method: "GET", url: `${base}/versions`, operationId: "listUnconferenceVersions", summary: "Published versions of the timetable after `after`, oldest first, each with its changes and the board as published.", tags, access: "public", params: s.eventParams, query: s.versionsQuery, response: s.versionList, errors: [404] },
    async ({ actor, params, query }) => {
      const target = await resolve(params, actor);
      await getBoard(ctx, target);
      return { versions: (await versionsAfter(ctx.db, target.event.id, query.after)).map(versionView) };
    },
  );

  r.add(
    {
      method: "GET",
      url: `${base}/live`,
      operationId: "streamUnconferenceBoard",
      summary: "Server-Sent Events: each published version as an event `version` whose id is its number; reconnecting with `Last-Event-ID` (or `?after=`) sends exactly the versions missed.",
      tags,
      access: "public",
      params: s.eventParams,
      query: s.liveQuery,
      response: z.string(),
      produces: "text/event-stream",
      errors: [404],
    },
    async ({ actor, params, query, req, reply }) => streamBoard(ctx, await resolve(params, actor), req, reply, query.after),
  );
  r.add(
    { method: "GET", url: `${base}/agenda.ics`, operationId: "getUnconferenceAgendaCalendar", summary: "A person's agenda as iCalendar, at the secret address their agenda gives them (UIDs as in the board's schedule.ics; SEQUENCE raised on a move).", tags, access: "public", params: s.eventParams, query: s.agendaQuery, response: z.string(), produces: CALENDAR_CONTENT_TYPE, errors: [404] },
    async ({ actor, params, query, req, reply }) => {
      const target = await resolve(params, actor);
      const name = translator(requestLocale(req)).t("unconference.calendar.agenda", { event: target.event.name });
      return reply.header("cache-control", "private, max-age=60").type(CALENDAR_CONTENT_TYPE).send(await agendaCalendar(ctx, target.event, target.communitySlug, query.token, name));
    },
  );

  // ------------------------------------------------------------ attendees: topics, interest, agenda
  r.add(
    { method: "GET", url: `${base}/agenda`, operationId: "getUnconferenceAgenda", summary: "Your agenda: the topics you marked or lead where the published board has them, their clashes, and your calendar's address.", tags, access: participate, params: s.eventParams, response: s.agendaView, errors: [404] },
    async ({ target }) => getAgenda(ctx, target),
  );
  r.add(
    { method: "POST", url: `${base}/topics`, operationId: "proposeUnconferenceTopic", summary: "Propose a topic (before the event, or live at the morning plenary); its leaders default to the proposer.", tags, access: participate, params: s.eventParams, body: s.topicBody, response: s.topicView, status: 201, errors: [404, 409] },
    async ({ target, body }) => proposeTopic(ctx, target, body),
  );
  r.add(
    { method: "PATCH", url: `${base}/topics/{topic}`, operationId: "updateUnconferenceTopic", summary: "Change a topic (its leaders or an organiser): text, links, needs, length, leaders, the times a leader cannot make, the evening's summary and outcomes.", tags, access: participate, params: s.topicParams, body: s.updateTopicBody, response: s.topicView, errors: [404, 409] },
    async ({ target, params, body }) => updateTopic(ctx, target, params.topic, body),
  );
  r.add(
    { method: "POST", url: `${base}/topics/{topic}/withdraw`, operationId: "withdrawUnconferenceTopic", summary: "Withdraw a topic (its leaders or an organiser); it leaves the board at the next publish.", tags, access: participate, params: s.topicParams, response: s.topicView, errors: [404, 409] },
    async ({ target, params }) => withdrawTopic(ctx, target, params.topic),
  );
  r.add(
    { method: "PUT", url: `${base}/topics/{topic}/interest`, operationId: "markUnconferenceInterest", summary: "Mark your interest in a topic, or that you must attend it.", tags, access: participate, params: s.topicParams, body: s.interestBody, response: s.topicView, errors: [404, 409] },
    async ({ target, params, body }) => markInterest(ctx, target, params.topic, body.mustAttend),
  );
  r.add(
    { method: "DELETE", url: `${base}/topics/{topic}/interest`, operationId: "dropUnconferenceInterest", summary: "Take your interest back.", tags, access: participate, params: s.topicParams, response: s.topicView, errors: [404] },
    async ({ target, params }) => dropInterest(ctx, target, params.topic),
  );

  // ------------------------------------------------------------ the evening plenary
  r.add(
    { method: "GET", url: `${base}/evening`, operationId: "getUnconferenceEvening", summary: "A day's evening plenary: the published topics with their summaries and outcomes, the demo queue, the process feedback with votes.", tags, access: "public", params: s.eventParams, query: s.eveningQuery, response: s.eveningView, errors: [404] },
    async ({ actor, params, query }) => getEvening(ctx, await resolve(params, actor), query.date),
  );
  r.add(
    { method: "POST", url: `${base}/demos`, operationId: "signUpUnconferenceDemo", summary: "Put a topic you lead in the day's demo queue, with its time box.", tags, access: participate, params: s.eventParams, body: s.demoBody, response: s.eveningView, status: 201, errors: [400, 404, 409] },
    async ({ target, body }) => signUpDemo(ctx, target, body),
  );
  r.add(
    { method: "PUT", url: `${base}/demos/order`, operationId: "orderUnconferenceDemos", summary: "Set the demo queue's running order (every demo of the day, once).", tags, access: organise, params: s.eventParams, body: s.demoOrderBody, response: s.eveningView, errors: [400, 404] },
    async ({ target, body }) => orderDemos(ctx, target, body.date, body.demoIds),
  );
  r.add(
    { method: "POST", url: `${base}/demos/{demo}/start`, operationId: "startUnconferenceDemo", summary: "Start a demo's time box now (the projector counts down).", tags, access: organise, params: s.demoParams, response: s.eveningView, errors: [404] },
    async ({ target, params }) => startDemo(ctx, target, params.demo),
  );
  r.add(
    { method: "DELETE", url: `${base}/demos/{demo}`, operationId: "dropUnconferenceDemo", summary: "Take a demo out of the queue (whoever signed it up, or an organiser).", tags, access: participate, params: s.demoParams, response: s.eveningView, errors: [404] },
    async ({ target, params }) => dropDemo(ctx, target, params.demo),
  );
  r.add(
    { method: "POST", url: `${base}/feedback`, operationId: "addUnconferenceFeedback", summary: "Give process feedback for a day: keep, change or try.", tags, access: participate, params: s.eventParams, body: s.feedbackBody, response: s.eveningView, status: 201, errors: [404] },
    async ({ target, body }) => addFeedback(ctx, target, body),
  );
  r.add(
    { method: "PUT", url: `${base}/feedback/{feedback}/vote`, operationId: "voteUnconferenceFeedback", summary: "Vote for a piece of feedback.", tags, access: participate, params: s.feedbackParams, response: s.eveningView, errors: [404] },
    async ({ target, params }) => voteFeedback(ctx, target, params.feedback, true),
  );
  r.add(
    { method: "DELETE", url: `${base}/feedback/{feedback}/vote`, operationId: "unvoteUnconferenceFeedback", summary: "Take your vote back.", tags, access: participate, params: s.feedbackParams, response: s.eveningView, errors: [404] },
    async ({ target, params }) => voteFeedback(ctx, target, params.feedback, false),
  );
  r.add(
    { method: "PUT", url: `${base}/feedback/{feedback}/adopted`, operationId: "adoptUnconferenceFeedback", summary: "Mark feedback as adopted (or not) at the next morning's plenary: sets the mark, so sending it twice changes nothing more.", tags, access: organise, params: s.feedbackParams, body: s.adoptBody, response: s.eveningView, errors: [404] },
    async ({ target, params, body }) => adoptFeedback(ctx, target, params.feedback, body.adopted),
  );

  // ------------------------------------------------------------ organisers: structure
  r.add({ method: "GET", url: `${base}/structure`, operationId: "getUnconferenceStructure", summary: "Days, slots, work areas and fixed items, with the board's settings.", tags, access: organise, params: s.eventParams, response: s.structureView, errors: [404] }, async ({ target }) => getStructure(ctx, target));
  r.add(
    { method: "PUT", url: `${base}/structure`, operationId: "setUnconferenceStructure", summary: "Save the whole structure at once (slots and areas keep their ids when sent with them); a problem anywhere saves nothing.", tags, access: organise, params: s.eventParams, body: s.structureBody, response: s.structureView, errors: [404] },
    async ({ target, body }) => setStructure(ctx, target, body),
  );
  r.add({ method: "GET", url: `${base}/settings`, operationId: "getUnconferenceSettings", summary: "Who sees the board and on which days proposals are closed, with the structure.", tags, access: organise, params: s.eventParams, response: s.structureView, errors: [404] }, async ({ target }) => getStructure(ctx, target));
  r.add(
    { method: "PATCH", url: `${base}/settings`, operationId: "updateUnconferenceSettings", summary: "Set who sees the board (public, attendees) and close or reopen proposals for days.", tags, access: organise, params: s.eventParams, body: s.settingsBody, response: s.structureView, errors: [404] },
    async ({ target, body }) => updateSettings(ctx, target, body),
  );
  r.add(
    { method: "POST", url: `${base}/topics/{topic}/merge`, operationId: "mergeUnconferenceTopic", summary: "Merge a duplicate into another topic; leaders and interest carry over.", tags, access: organise, params: s.topicParams, body: s.mergeBody, response: s.topicView, errors: [400, 404, 409] },
    async ({ target, params, body }) => mergeTopic(ctx, target, params.topic, body.intoTopicId),
  );

  // ------------------------------------------------------------ organisers: the morning plenary
  r.add({ method: "GET", url: `${base}/plenary`, operationId: "getUnconferencePlenary", summary: "The working board: every open topic's place and pin, its problems and cost, and the revision a plan is made on.", tags, access: organise, params: s.eventParams, response: s.plenaryView, errors: [404] }, async ({ target }) => getPlenary(ctx, target));
  r.add(
    { method: "PUT", url: `${base}/topics/{topic}/place`, operationId: "placeUnconferenceTopic", summary: "Move a topic on the working board, pin it or take it off; a hard problem refuses the move, warnings come back with it.", tags, access: organise, params: s.topicParams, body: s.placeBody, response: s.placeResult, errors: [404, 409] },
    async ({ target, params, body }) => placeTopic(ctx, target, params.topic, body),
  );
  r.add(
    { method: "POST", url: `${base}/plans`, operationId: "startUnconferencePlan", summary: "Run the planner in a worker; poll the plan for progress and its preview. Nothing is saved.", tags, access: organise, params: s.eventParams, body: s.planBody, response: s.planView, status: 202, errors: [404], rateLimit: { bucket: "unconference-plan", max: 20, windowSeconds: 60 } },
    async ({ target, body }) => jobs.start(ctx, target, body),
  );
  r.add({ method: "GET", url: `${base}/plans/{plan}`, operationId: "getUnconferencePlan", summary: "A plan's progress, and its preview once done.", tags, access: organise, params: s.planParams, response: s.planView, errors: [404] }, async ({ target, params }) => jobs.get(target, params.plan));
  r.add({ method: "DELETE", url: `${base}/plans/{plan}`, operationId: "cancelUnconferencePlan", summary: "Cancel a running plan; the board is untouched.", tags, access: organise, params: s.planParams, response: s.planView, errors: [404] }, async ({ target, params }) => jobs.cancel(target, params.plan));
  r.add(
    { method: "POST", url: `${base}/plans/apply`, operationId: "applyUnconferencePlan", summary: "Save a previewed plan as the working board, unless the board changed since it was made.", tags, access: organise, params: s.eventParams, body: s.applyBody, response: s.placeResult, errors: [404, 409] },
    async ({ target, body }) => applyPlan(ctx, target, body),
  );
  r.add(
    { method: "POST", url: `${base}/versions`, operationId: "publishUnconferenceBoard", summary: "Publish the working board as the next version (send the version you saw: a stale one is a 409); live boards, feeds and the timetable.published webhook follow.", tags, access: organise, params: s.eventParams, body: s.publishBody, response: s.versionView, status: 201, errors: [404, 409] },
    async ({ target, body }) => publishBoard(ctx, target, body),
  );
}
