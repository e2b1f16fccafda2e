import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { permitFor, type Permit, type UserActor } from "../../platform/permissions.js";
import { findUserByEmail } from "../../platform/auth/index.js";
import { ROAD_CHANGED } from "../../platform/topics.js";
import { zonedToInstant } from "../../../shared/time.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { communityBySlug } from "../communities/index.js";
import { eventBySlugs, type EventRow } from "../events/index.js";
import { talkAllows, type TalkAction } from "./rules.js";
import type { NewRoadEvent, ProposeTalkBody, SpeakerInput, TalkView, UpdateTalkBody } from "./schema.js";
import { talkSpeakers, talks } from "./tables.js";
import { actorFor, loadTalk, toTalkView, zoneOf, type LoadedTalk } from "./talk-views.js";

/** A community and the caller's Permit in it, for the operations any signed-in member may call. */
export async function memberTarget(ctx: AppContext, actor: UserActor, communitySlug: string): Promise<{ community: Awaited<ReturnType<typeof communityBySlug>>; permit: Permit }> {
  const community = await communityBySlug(ctx.db, communitySlug);
  return { community, permit: await permitFor(ctx, actor, { communityId: community.id }) };
}

/** The dates a talk must fall within, from the event or the proposal's description of it. */
type Span = { timeZone: string; startDate: string; endDate: string; name: string };

function instantsFor(span: Span, startsLocal: string, endsLocal: string | null): { startsAt: Date; endsAt: Date | null } {
  const day = startsLocal.slice(0, 10);
  if (day < span.startDate || day > span.endDate) {
    const oneDay = span.startDate === span.endDate ? "yes" : "no";
    throw new ValidationError(msg("road.errors.notOnEventDay"), { startsLocal: [msg("road.errors.notOnEventDayField", { event: span.name, start: span.startDate, end: span.endDate, oneDay })] });
  }
  const startsAt = zonedToInstant(startsLocal, span.timeZone);
  const endsAt = endsLocal ? zonedToInstant(endsLocal, span.timeZone) : null;
  // The schema compares the wall-clock strings; a DST change can still fold an end onto the start.
  if (endsAt && endsAt <= startsAt) throw endBeforeStart();
  return { startsAt, endsAt };
}

const endBeforeStart = () => new ValidationError(msg("road.form.endBeforeStart"), { endsLocal: [msg("road.form.endBeforeStart")] });

/**
 * Speakers as rows. A member may link only their own account (by their address);
 * organisers may link anyone who has an account here.
 */
async function speakerRows(db: Db, permit: Permit, talkId: string, speakers: readonly SpeakerInput[]) {
  const me = permit.user;
  const fields: FieldErrors = {};
  const rows: (typeof talkSpeakers.$inferInsert)[] = [];
  for (const [i, s] of speakers.entries()) {
    let userId: string | null = null;
    if (s.accountEmail) {
      if (s.accountEmail.toLowerCase() === me.email.toLowerCase()) userId = me.id;
      else if (!permit.can("road.review")) fields[`speakers.${i}.accountEmail`] = [msg("road.errors.linkOnlyYourself")];
      else {
        const u = await findUserByEmail(db, s.accountEmail);
        if (u) userId = u.id;
        else fields[`speakers.${i}.accountEmail`] = [msg("events.errors.noAccountField")];
      }
    }
    rows.push({ talkId, position: i, name: s.name, affiliation: s.affiliation, userId });
  }
  if (Object.keys(fields).length) throw new ValidationError(msg("road.errors.speakerNotLinked"), fields);
  return rows;
}

const noSuchEvent = () => new ValidationError(msg("road.errors.noSuchEvent"), { eventSlug: [msg("road.errors.noSuchEventField")] });

async function externalEvent(db: Db, communitySlug: string, eventSlug: string, permit: Permit): Promise<EventRow> {
  const e = await eventBySlugs(db, communitySlug, eventSlug).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw noSuchEvent();
    throw err;
  });
  if (!e.published && !permit.can("road.review")) throw noSuchEvent();
  if (e.kind !== "external") throw new ValidationError(msg("road.errors.ownEvent"), { eventSlug: [msg("road.errors.ownEventField")] });
  return e;
}

const spanOfNew = (e: NewRoadEvent): Span => ({ timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate, name: e.name });

export async function proposeTalk(ctx: AppContext, actor: UserActor, communitySlug: string, input: ProposeTalkBody): Promise<TalkView> {
  const { community, permit } = await memberTarget(ctx, actor, communitySlug);
  const event = input.eventSlug ? await externalEvent(ctx.db, community.slug, input.eventSlug, permit) : null;
  const { startsAt, endsAt } = instantsFor(event ?? spanOfNew(input.newEvent!), input.startsLocal, input.endsLocal);
  const id = await ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .insert(talks)
      .values({
        communityId: community.id,
        eventId: event?.id ?? null,
        proposedEvent: event ? null : input.newEvent,
        title: input.title,
        abstract: input.abstract,
        startsAt,
        endsAt,
        room: input.room,
        topics: [...new Set(input.topics)],
        sessionUrl: input.sessionUrl,
        proposedBy: actor.id,
      })
      .returning({ id: talks.id });
    await tx.insert(talkSpeakers).values(await speakerRows(tx, permit, t!.id, input.speakers));
    return t!.id;
  });
  return toTalkView(await loadTalk(ctx.db, community.id, id), community.slug, permit, ctx.now());
}

/** Loads a talk the caller may act on, or answers as if it did not exist / was not theirs. */
export async function talkFor(ctx: AppContext, permit: Permit, communityId: string, id: string, action: TalkAction): Promise<LoadedTalk> {
  const t = await loadTalk(ctx.db, communityId, id);
  const who = actorFor(t, permit);
  if (!who.owner && !who.reviewer && !(t.talk.state === "approved" && t.event?.published)) throw new NotFoundError(msg("road.errors.talkNotFound"));
  if (!talkAllows(action, t.talk.state, who, t.talk.startsAt, ctx.now())) {
    if (!who.owner && !who.reviewer) throw new ForbiddenError(msg("road.errors.notYours"));
    throw new ConflictError("talk_state", action === "addRecordings" && t.talk.state === "approved" ? msg("road.errors.recordingsTooEarly") : msg("road.errors.wrongState", { state: t.talk.state }));
  }
  return t;
}

/** Bumps the revision and the change time in one update, only while the talk is still in the state it was read in. */
export async function updateInState(tx: Db, t: LoadedTalk, set: Partial<typeof talks.$inferInsert>, now: Date): Promise<void> {
  const done = await tx
    .update(talks)
    .set({ ...set, revision: t.talk.revision + 1, updatedAt: now })
    .where(and(eq(talks.id, t.talk.id), eq(talks.state, t.talk.state), eq(talks.revision, t.talk.revision)))
    .returning({ id: talks.id });
  if (done.length === 0) throw new ConflictError("talk_state", msg("road.errors.changedMeanwhile"));
}

export async function updateTalk(ctx: AppContext, actor: UserActor, communitySlug: string, id: string, input: UpdateTalkBody): Promise<TalkView> {
  const { community, permit } = await memberTarget(ctx, actor, communitySlug);
  const t = await talkFor(ctx, permit, community.id, id, "edit");
  const zone = zoneOf(t);
  const span: Span = t.event ? { timeZone: zone, startDate: t.event.startDate, endDate: t.event.endDate, name: t.event.name } : spanOfNew(t.talk.proposedEvent!);
  const current = toTalkView(t, community.slug, permit, ctx.now());
  const startsLocal = input.startsLocal ?? current.startsLocal;
  const endsLocal = input.endsLocal !== undefined ? input.endsLocal : current.endsLocal;
  if (endsLocal && endsLocal <= startsLocal) throw endBeforeStart();
  const times = input.startsLocal !== undefined || input.endsLocal !== undefined ? instantsFor(span, startsLocal, endsLocal) : {};
  const { speakers, startsLocal: _s, endsLocal: _e, topics, ...rest } = input;
  await ctx.db.transaction(async (tx) => {
    await updateInState(tx, t, { ...rest, ...times, ...(topics ? { topics: [...new Set(topics)] } : {}) }, ctx.now());
    if (speakers) {
      const rows = await speakerRows(tx, permit, t.talk.id, speakers);
      await tx.delete(talkSpeakers).where(eq(talkSpeakers.talkId, t.talk.id));
      await tx.insert(talkSpeakers).values(rows);
    }
  });
  if (t.talk.state === "approved") await ctx.bus.publish(ROAD_CHANGED, { communityId: community.id, talkIds: [t.talk.id] });
  return toTalkView(await loadTalk(ctx.db, community.id, id), community.slug, permit, ctx.now());
}

/** The speaker cannot go after all, or the proposal is taken back: the talk leaves the calendar. */
export async function withdrawTalk(ctx: AppContext, actor: UserActor, communitySlug: string, id: string): Promise<TalkView> {
  const { community, permit } = await memberTarget(ctx, actor, communitySlug);
  const t = await talkFor(ctx, permit, community.id, id, "withdraw");
  await ctx.db.transaction((tx) => updateInState(tx, t, { state: "withdrawn" }, ctx.now()));
  if (t.talk.state === "approved") await ctx.bus.publish(ROAD_CHANGED, { communityId: community.id, talkIds: [t.talk.id] });
  return toTalkView(await loadTalk(ctx.db, community.id, id), community.slug, permit, ctx.now());
}
