import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import type { Actor } from "../../platform/permissions.js";
import { sendFeed } from "../../platform/http/feed.js";
import { allowEmbedding } from "../../platform/http/headers.js";
import { requestLocale } from "../../platform/http/locale.js";
import { CALENDAR_CONTENT_TYPE } from "../../platform/calendar/index.js";
import { NotFoundError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { toLocale } from "../../../shared/i18n/locales.js";
import { inCommunity } from "../communities/index.js";
import { inEvent, type EventTarget } from "../events/index.js";
import { getMyAvailability, setMyAvailability } from "./availability.js";
import { applyDraft, makeDraft } from "./draft.js";
import { getEditor, moveSession } from "./editor.js";
import { importSchedule } from "./import.js";
import { announceEdit, editStream } from "./live.js";
import { outputApiBase, outputsOf, type OutputKind } from "./outputs/store.js";
import { favouriteIds, getFavourites, getVersion, itemsByNumber, listVersions, PublicEvents, publicSchedule, setFavourites, userOfToken } from "./public.js";
import { releaseSchedule } from "./release.js";
import * as s from "./schema.js";
import { createSession, createSpeaker, deleteSession, deleteSpeaker, getSession, getSpeaker, updateSession, updateSpeaker } from "./sessions.js";
import { createBlock, createRoom, deleteBlock, deleteRoom, getRoom, getSetup, orderRooms, setDays, updateBlock, updateRoom, updateSettings } from "./setup.js";
import { syncCandidates } from "./sync-candidates.js";
import { widgetHtml, widgetScript } from "./widget.js";

const tags = ["schedule"];
const base = "/api/v1/communities/{community}/events/{event}";
const edit = inEvent("schedule.edit");
const OUTPUT_TYPES: Record<Exclude<OutputKind, "ics">, string> = {
  xml: "application/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
  json2: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
};
/** Apps poll these; a minute keeps a release visible quickly and the validators make polling cheap. */
const OUTPUT_MAX_AGE = 60;

export function scheduleRoutes(r: Router, ctx: AppContext): void {
  const events = new PublicEvents(ctx);
  const outputs = outputsOf(ctx);
  const noProgramme = () => new NotFoundError(msg("schedule.errors.notReleased"));
  // Every saved change is announced on the bus, so other organisers' open editors reload (live.ts).
  const saved = async <R>(actor: Actor, target: EventTarget, work: Promise<R>): Promise<R> => {
    const result = await work;
    await announceEdit(ctx, target.event.id, actor);
    return result;
  };

  // ------------------------------------------------------------ public: the programme and its outputs
  r.add(
    { method: "GET", url: `${base}/schedule`, operationId: "getSchedule", summary: "The published programme (the latest released version of a conference schedule, a hackathon's board) with the addresses of its outputs.", tags, access: "public", params: s.eventParams, response: s.publicScheduleView, errors: [404] },
    async ({ actor, params }) => publicSchedule(ctx, await events.resolve(actor, params.community, params.event)),
  );
  r.add(
    { method: "GET", url: `${base}/schedule/versions`, operationId: "listScheduleVersions", summary: "Every released version, newest first, with what changed in each.", tags, access: "public", params: s.eventParams, response: s.releaseList, errors: [404] },
    async ({ actor, params }) => listVersions(ctx, await events.resolve(actor, params.community, params.event)),
  );
  r.add(
    { method: "GET", url: `${base}/schedule/versions/{version}`, operationId: "getScheduleVersion", summary: "One released version as it was published, with its change log.", tags, access: "public", params: s.versionParams, response: s.versionView, errors: [404] },
    async ({ actor, params }) => getVersion(ctx, await events.resolve(actor, params.community, params.event), params.version),
  );

  const frab: { kind: Exclude<OutputKind, "ics">; path: string; operationId: string; summary: string }[] = [
    { kind: "xml", path: "schedule.xml", operationId: "getScheduleXml", summary: "The programme as frab/c3voc schedule.xml (valid against the c3voc XSD), for Giggity, EventFahrplan, ConfClerk and the C3VOC tooling." },
    { kind: "json", path: "schedule.json", operationId: "getScheduleJson", summary: "The programme as frab/c3voc schedule.json, version 1 (as pretalx and frab export it)." },
    { kind: "json2", path: "schedule-v2.json", operationId: "getScheduleJsonV2", summary: "The programme as c3voc schedule JSON version 2, breaks included." },
    { kind: "csv", path: "schedule.csv", operationId: "getScheduleCsv", summary: "The programme as CSV, one session a row." },
  ];
  for (const o of frab) {
    r.add(
      { method: "GET", url: `${base}/${o.path}`, operationId: o.operationId, summary: o.summary, tags, access: "public", params: s.eventParams, response: z.string(), produces: OUTPUT_TYPES[o.kind], errors: [404] },
      async ({ actor, params, req, reply }) => {
        const e = await events.resolve(actor, params.community, params.event);
        const out = await outputs.get(e.id, o.kind);
        if (!out) throw noProgramme();
        return sendFeed(req, reply, OUTPUT_TYPES[o.kind], out, { maxAgeSeconds: OUTPUT_MAX_AGE });
      },
    );
  }
  r.add(
    { method: "GET", url: `${base}/schedule.ics`, operationId: "getScheduleCalendar", summary: "The programme as iCalendar: the whole event, or one room, one track, one speaker, or a list of sessions (someone's favourites by session number).", tags, access: "public", params: s.eventParams, query: s.calendarQuery, response: z.string(), produces: CALENDAR_CONTENT_TYPE, errors: [404] },
    async ({ actor, params, query, req, reply }) => {
      const e = await events.resolve(actor, params.community, params.event);
      const tr = translator(requestLocale(req));
      let out;
      if (query.sessions) {
        const p = await outputs.programme(e.id);
        if (!p) throw noProgramme();
        const self = `${outputApiBase(ctx, e.communitySlug, e.slug)}/schedule.ics?sessions=${query.sessions}`;
        out = await outputs.personal(e.id, tr.t("schedule.calendar.favourites"), itemsByNumber(p, query.sessions.split(",").map(Number)), self);
      } else if (query.room || query.track || query.speaker) {
        const p = await outputs.programme(e.id);
        if (!p) throw noProgramme();
        const label = query.room ? (p.rooms.find((x) => x.id === query.room)?.name ?? "") : query.track ? query.track : (p.items.flatMap((i) => i.persons).find((x) => x.id === query.speaker)?.name ?? "");
        const variant = `?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]).toString()}`;
        out = await outputs.get(e.id, "ics", variant, {
          label,
          filter: (i) => (!query.room || i.roomId === query.room) && (!query.track || i.track === query.track) && (!query.speaker || i.persons.some((x) => x.id === query.speaker)),
        });
      } else out = await outputs.get(e.id, "ics");
      if (!out) throw noProgramme();
      return sendFeed(req, reply, CALENDAR_CONTENT_TYPE, out, { maxAgeSeconds: OUTPUT_MAX_AGE });
    },
  );
  r.add(
    { method: "GET", url: `${base}/schedule/favourites.ics`, operationId: "getFavouritesCalendar", summary: "A signed-in person's favourite sessions as iCalendar, at the secret address their favourites page gives them.", tags, access: "public", params: s.eventParams, query: s.favouritesFeedQuery, response: z.string(), produces: CALENDAR_CONTENT_TYPE, errors: [404] },
    async ({ actor, params, query, req, reply }) => {
      const e = await events.resolve(actor, params.community, params.event);
      const userId = userOfToken(ctx, query.token, e.id);
      const ids = new Set(await favouriteIds(ctx, userId, e.id));
      const out = await outputs.personal(e.id, translator(requestLocale(req)).t("schedule.calendar.favourites"), ids, `${outputApiBase(ctx, e.communitySlug, e.slug)}/schedule/favourites.ics?token=${query.token}`);
      if (!out) throw noProgramme();
      return sendFeed(req, reply, CALENDAR_CONTENT_TYPE, out, { maxAgeSeconds: OUTPUT_MAX_AGE });
    },
  );
  r.add(
    { method: "GET", url: `${base}/schedule/widget`, operationId: "getScheduleWidget", summary: "A small page of one day's sessions (now and next marked) for other sites to show in an iframe.", tags, access: "public", params: s.eventParams, query: s.widgetQuery, response: z.string(), produces: "text/html; charset=utf-8", errors: [404] },
    async ({ actor, params, query, req, reply }) => {
      const e = await events.resolve(actor, params.community, params.event);
      const p = await outputs.programme(e.id);
      if (!p) throw noProgramme();
      allowEmbedding(reply);
      return reply
        .header("cache-control", `public, max-age=${OUTPUT_MAX_AGE}`)
        .type("text/html; charset=utf-8")
        .send(widgetHtml(p, toLocale(query.lang) ?? requestLocale(req), ctx.now(), query.day, `${outputApiBase(ctx, e.communitySlug, e.slug)}/schedule/widget.js`));
    },
  );
  r.add(
    { method: "GET", url: `${base}/schedule/widget.js`, operationId: "getScheduleWidgetScript", summary: 'The one-tag embed: <script src=".../schedule/widget.js" async></script> shows the widget where the tag is (data-lang, data-height).', tags, access: "public", params: s.eventParams, response: z.string(), produces: "text/javascript; charset=utf-8", errors: [404] },
    async ({ actor, params, req, reply }) => {
      const e = await events.resolve(actor, params.community, params.event);
      allowEmbedding(reply);
      const title = translator(requestLocale(req)).t("schedule.widget.title", { event: e.name });
      return reply
        .header("cache-control", "public, max-age=3600")
        .type("text/javascript; charset=utf-8")
        .send(widgetScript(`${outputApiBase(ctx, e.communitySlug, e.slug)}/schedule/widget`, title));
    },
  );

  // ------------------------------------------------------------ a signed-in person's favourites
  r.add(
    { method: "GET", url: `${base}/schedule/favourites`, operationId: "getScheduleFavourites", summary: "Your favourite sessions at the event, and the address of their calendar.", tags, access: "user", params: s.eventParams, response: s.favouritesView, errors: [404] },
    async ({ actor, params }) => getFavourites(ctx, actor, await events.resolve(actor, params.community, params.event)),
  );
  r.add(
    { method: "PUT", url: `${base}/schedule/favourites`, operationId: "setScheduleFavourites", summary: "Replace your favourite sessions at the event (the browser merges the ones it kept before you signed in).", tags, access: "user", params: s.eventParams, body: s.favouritesBody, response: s.favouritesView, errors: [404] },
    async ({ actor, params, body }) => setFavourites(ctx, actor, await events.resolve(actor, params.community, params.event), body.sessionIds),
  );

  // ------------------------------------------------------------ a speaker's own availability
  r.add(
    { method: "GET", url: `${base}/schedule/my-availability`, operationId: "getMyScheduleAvailability", summary: "The times you said you cannot make, as a speaker at the event (your account linked to a speaker of its schedule).", tags, access: "user", params: s.eventParams, response: s.myAvailabilityView, errors: [404] },
    async ({ actor, params }) => getMyAvailability(ctx, actor, await events.resolve(actor, params.community, params.event)),
  );
  r.add(
    { method: "PUT", url: `${base}/schedule/my-availability`, operationId: "setMyScheduleAvailability", summary: "Say which times you cannot make, as a speaker at the event; the editor then warns about any of your sessions placed then.", tags, access: "user", params: s.eventParams, body: s.myAvailabilityBody, response: s.myAvailabilityView, errors: [404] },
    async ({ actor, params, body }) => {
      const e = await events.resolve(actor, params.community, params.event);
      const out = await setMyAvailability(ctx, actor, e, body);
      await announceEdit(ctx, e.id, actor);
      return out;
    },
  );

  // ------------------------------------------------------------ organisers: rooms and the grid
  r.add({ method: "GET", url: `${base}/schedule/setup`, operationId: "getScheduleSetup", summary: "Rooms, days, breaks and blocks of the schedule.", tags, access: edit, params: s.eventParams, response: s.setupView, errors: [404] }, async ({ target }) => getSetup(ctx, target));
  r.add({ method: "GET", url: `${base}/schedule/settings`, operationId: "getScheduleSettings", summary: "The grid step and the sessions' default language, with the rooms, days and breaks.", tags, access: edit, params: s.eventParams, response: s.setupView, errors: [404] }, async ({ target }) => getSetup(ctx, target));
  r.add({ method: "PATCH", url: `${base}/schedule/settings`, operationId: "updateScheduleSettings", summary: "Change the grid step and the sessions' default language.", tags, access: edit, params: s.eventParams, body: s.settingsBody, response: s.setupView, errors: [404] }, async ({ target, body, actor }) => saved(actor, target, updateSettings(ctx, target, body)));
  r.add({ method: "POST", url: `${base}/schedule/rooms`, operationId: "createScheduleRoom", summary: "Add a room, last in the order.", tags, access: edit, params: s.eventParams, body: s.roomBody, response: s.setupView, status: 201, errors: [404, 409] }, async ({ target, body, actor }) => saved(actor, target, createRoom(ctx, target, body)));
  r.add({ method: "PUT", url: `${base}/schedule/rooms/order`, operationId: "orderScheduleRooms", summary: "Put the rooms in a new order (every room, once).", tags, access: edit, params: s.eventParams, body: s.roomOrderBody, response: s.setupView, errors: [404] }, async ({ target, body, actor }) => saved(actor, target, orderRooms(ctx, target, body.roomIds)));
  r.add({ method: "GET", url: `${base}/schedule/rooms/{room}`, operationId: "getScheduleRoom", summary: "One room.", tags, access: edit, params: s.roomParams, response: s.roomView, errors: [404] }, async ({ target, params }) => getRoom(ctx, target, params.room));
  r.add({ method: "PATCH", url: `${base}/schedule/rooms/{room}`, operationId: "updateScheduleRoom", summary: "Rename a room or change its capacity.", tags, access: edit, params: s.roomParams, body: s.updateRoomBody, response: s.setupView, errors: [404, 409] }, async ({ target, params, body, actor }) => saved(actor, target, updateRoom(ctx, target, params.room, body)));
  r.add({ method: "DELETE", url: `${base}/schedule/rooms/{room}`, operationId: "deleteScheduleRoom", summary: "Remove a room; its sessions go back to the unscheduled list.", tags, access: edit, params: s.roomParams, response: s.setupView, errors: [404] }, async ({ target, params, actor }) => saved(actor, target, deleteRoom(ctx, target, params.room)));
  r.add({ method: "PUT", url: `${base}/schedule/days`, operationId: "setScheduleDays", summary: "Set the conference days and each day's hours.", tags, access: edit, params: s.eventParams, body: s.daysBody, response: s.setupView, errors: [404] }, async ({ target, body, actor }) => saved(actor, target, setDays(ctx, target, body)));
  r.add({ method: "POST", url: `${base}/schedule/blocks`, operationId: "createScheduleBlock", summary: "Add a break (shown to everyone) or a block (a room not available), in one room or in all.", tags, access: edit, params: s.eventParams, body: s.blockBody, response: s.setupView, status: 201, errors: [404] }, async ({ target, body, actor }) => saved(actor, target, createBlock(ctx, target, body)));
  r.add({ method: "PUT", url: `${base}/schedule/blocks/{block}`, operationId: "updateScheduleBlock", summary: "Change a break or block.", tags, access: edit, params: s.blockParams, body: s.blockBody, response: s.setupView, errors: [404] }, async ({ target, params, body, actor }) => saved(actor, target, updateBlock(ctx, target, params.block, body)));
  r.add({ method: "DELETE", url: `${base}/schedule/blocks/{block}`, operationId: "deleteScheduleBlock", summary: "Remove a break or block.", tags, access: edit, params: s.blockParams, response: s.setupView, errors: [404] }, async ({ target, params, actor }) => saved(actor, target, deleteBlock(ctx, target, params.block)));

  // ------------------------------------------------------------ organisers: sessions, speakers, the editor
  r.add(
    { method: "GET", url: `${base}/schedule/editor/events`, operationId: "streamScheduleEdits", summary: "Server-Sent Events for an open editor: a message each time someone else saves a change to this schedule (ask with Accept: text/event-stream).", tags, access: edit, params: s.eventParams, response: z.string(), produces: "text/event-stream", errors: [400, 404] },
    async ({ target, actor, req, reply }) => editStream(ctx, target.event.id, actor, req, reply),
  );
  r.add({ method: "GET", url: `${base}/schedule/editor`, operationId: "getScheduleEditor", summary: "Everything the schedule editor shows: the grid, sessions, speakers, conflicts and what a release would announce.", tags, access: edit, params: s.eventParams, response: s.editorView, errors: [404] }, async ({ target }) => getEditor(ctx, target));
  r.add({ method: "POST", url: `${base}/schedule/speakers`, operationId: "createScheduleSpeaker", summary: "Add a speaker (display text; an address to mail them when their session moves).", tags, access: edit, params: s.eventParams, body: s.speakerBody, response: s.speakerView, status: 201, errors: [404] }, async ({ target, body, actor }) => saved(actor, target, createSpeaker(ctx, target, body)));
  r.add({ method: "GET", url: `${base}/schedule/speakers/{speaker}`, operationId: "getScheduleSpeaker", summary: "One speaker, with their availability and address.", tags, access: edit, params: s.speakerParams, response: s.speakerView, errors: [404] }, async ({ target, params }) => getSpeaker(ctx, target, params.speaker));
  r.add({ method: "PATCH", url: `${base}/schedule/speakers/{speaker}`, operationId: "updateScheduleSpeaker", summary: "Change a speaker, their availability included.", tags, access: edit, params: s.speakerParams, body: s.updateSpeakerBody, response: s.speakerView, errors: [404] }, async ({ target, params, body, actor }) => saved(actor, target, updateSpeaker(ctx, target, params.speaker, body)));
  r.add({ method: "DELETE", url: `${base}/schedule/speakers/{speaker}`, operationId: "deleteScheduleSpeaker", summary: "Remove a speaker from the schedule and from their sessions.", tags, access: edit, params: s.speakerParams, response: null, errors: [404] }, async ({ target, params, actor }) => saved(actor, target, deleteSpeaker(ctx, target, params.speaker)));
  r.add({ method: "POST", url: `${base}/schedule/sessions`, operationId: "createScheduleSession", summary: "Add a session (unscheduled until placed).", tags, access: edit, params: s.eventParams, body: s.sessionBody, response: s.sessionView, status: 201, errors: [404] }, async ({ target, body, actor }) => saved(actor, target, createSession(ctx, target, body)));
  r.add({ method: "GET", url: `${base}/schedule/sessions/{session}`, operationId: "getScheduleSession", summary: "One session as the editor sees it.", tags, access: edit, params: s.sessionParams, response: s.sessionView, errors: [404] }, async ({ target, params }) => getSession(ctx, target, params.session));
  r.add({ method: "PATCH", url: `${base}/schedule/sessions/{session}`, operationId: "updateScheduleSession", summary: "Change a session's text, length, expected audience or speakers.", tags, access: edit, params: s.sessionParams, body: s.updateSessionBody, response: s.sessionView, errors: [404] }, async ({ target, params, body, actor }) => saved(actor, target, updateSession(ctx, target, params.session, body)));
  r.add({ method: "DELETE", url: `${base}/schedule/sessions/{session}`, operationId: "deleteScheduleSession", summary: "Remove a session from the schedule.", tags, access: edit, params: s.sessionParams, response: null, errors: [404] }, async ({ target, params, actor }) => saved(actor, target, deleteSession(ctx, target, params.session)));
  r.add(
    { method: "PUT", url: `${base}/schedule/sessions/{session}/place`, operationId: "placeScheduleSession", summary: "Place a session in a room at a time, pin it, or take it off the grid; a place that breaks a hard rule is refused with the conflicts.", tags, access: edit, params: s.sessionParams, body: s.moveBody, response: s.moveResult, errors: [404, 409] },
    async ({ target, params, body, actor }) => saved(actor, target, moveSession(ctx, target, params.session, body)),
  );
  r.add(
    { method: "POST", url: `${base}/schedule/candidates/sync`, operationId: "syncScheduleCandidates", summary: "Take the call for participation's accepted and confirmed sessions into the schedule.", tags, access: edit, params: s.eventParams, response: s.syncResult, errors: [404] },
    async ({ target, actor }) => saved(actor, target, syncCandidates(ctx, target)),
  );
  r.add(
    { method: "POST", url: `${base}/schedule/draft`, operationId: "draftSchedule", summary: "An automatic draft from the timetable solver, as placements and a diff to preview; nothing is saved.", tags, access: edit, params: s.eventParams, body: s.draftBody, response: s.draftView, errors: [404], rateLimit: { bucket: "schedule-draft", max: 10, windowSeconds: 60 } },
    async ({ target, body }) => makeDraft(ctx, target, body),
  );
  r.add(
    { method: "POST", url: `${base}/schedule/draft/apply`, operationId: "applyScheduleDraft", summary: "Apply a previewed draft, unless the schedule changed since; pinned sessions keep their place.", tags, access: edit, params: s.eventParams, body: s.applyDraftBody, response: s.applyResult, errors: [404, 409] },
    async ({ target, body, actor }) => saved(actor, target, applyDraft(ctx, target, body)),
  );
  r.add(
    { method: "POST", url: `${base}/schedule/releases`, operationId: "releaseSchedule", summary: "Release the schedule as its next version: change log, mail to speakers whose session moved, the schedule.released webhook; refused while a hard conflict remains.", tags, access: edit, params: s.eventParams, body: s.releaseBody, response: s.releaseView, status: 201, errors: [404, 409] },
    async ({ target, body, actor }) => saved(actor, target, releaseSchedule(ctx, target, body)),
  );

  // ------------------------------------------------------------ moving over from pretalx or frab
  r.add(
    {
      method: "POST",
      url: "/api/v1/communities/{community}/schedule-imports",
      operationId: "importSchedule",
      summary: "Import a pretalx or frab schedule.xml or schedule.json (version 1 or 2) as a new conference with its rooms, sessions and speakers; a file with problems names the first ones with their lines and imports nothing.",
      tags,
      access: inCommunity("event.create"),
      params: s.communityParams,
      body: s.importBody,
      response: s.importResult,
      status: 201,
      errors: [404, 422],
      bodyLimit: s.LIMITS.importMaxBytes * 2,
    },
    async ({ target, body }) => importSchedule(ctx, target, body),
  );
}
