import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { Permit } from "../../platform/permissions.js";
import { NotFoundError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { users } from "../../platform/auth/tables.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import { eventsByIds, type EventRow } from "../events/index.js";
import { talkAllows, type TalkActor } from "./rules.js";
import type { TalkView } from "./schema.js";
import { talkSpeakers, talks } from "./tables.js";

export type TalkRow = typeof talks.$inferSelect;
export type SpeakerRow = typeof talkSpeakers.$inferSelect;

/** A talk with what its views need: its event (or the one its proposal describes) and speakers. */
export interface LoadedTalk {
  talk: TalkRow;
  event: EventRow | null;
  speakers: SpeakerRow[];
  proposedByName: string | null;
}

export async function loadTalks(db: Db, ids: readonly string[]): Promise<LoadedTalk[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(talks).where(inArray(talks.id, [...ids]));
  const [speakers, events, proposers] = await Promise.all([
    db.select().from(talkSpeakers).where(inArray(talkSpeakers.talkId, [...ids])).orderBy(asc(talkSpeakers.position)),
    eventsByIds(db, rows.flatMap((r) => (r.eventId ? [r.eventId] : []))),
    (async () => {
      const proposerIds = [...new Set(rows.flatMap((r) => (r.proposedBy ? [r.proposedBy] : [])))];
      return proposerIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, proposerIds)) : [];
    })(),
  ]);
  const eventById = new Map(events.map((e) => [e.id, e]));
  const nameOf = new Map(proposers.map((u) => [u.id, u.name]));
  const byId = new Map(rows.map((t) => [t.id, t]));
  return ids.flatMap((id) => {
    const t = byId.get(id);
    if (!t) return [];
    return [{ talk: t, event: t.eventId ? (eventById.get(t.eventId) ?? null) : null, speakers: speakers.filter((s) => s.talkId === id), proposedByName: t.proposedBy ? (nameOf.get(t.proposedBy) ?? null) : null }];
  });
}

export async function loadTalk(db: Db, communityId: string, id: string): Promise<LoadedTalk> {
  const [t] = await loadTalks(db, [id]);
  if (!t || t.talk.communityId !== communityId) throw new NotFoundError(msg("road.errors.talkNotFound"));
  return t;
}

/** The venue's zone: the event's, or the one the proposal gave for a new event. */
export function zoneOf(t: LoadedTalk): string {
  return t.event?.timeZone ?? t.talk.proposedEvent?.timeZone ?? "UTC";
}

export function actorFor(t: LoadedTalk, permit: Permit): TalkActor {
  const me = permit.actor.kind === "user" ? permit.actor.id : null;
  return { reviewer: permit.can("road.review"), owner: me !== null && (t.talk.proposedBy === me || t.speakers.some((s) => s.userId === me)) };
}

/** Who may see a talk: everyone once approved (at a published event); otherwise its owners and reviewers. */
export function visibleTo(t: LoadedTalk, permit: Permit): boolean {
  if (t.talk.state === "approved" && t.event?.published) return true;
  const who = actorFor(t, permit);
  return who.reviewer || who.owner;
}

export function toTalkView(t: LoadedTalk, communitySlug: string, permit: Permit, now: Date, distanceKm: number | null = null): TalkView {
  const { talk } = t;
  const zone = zoneOf(t);
  const e = t.event;
  const pe = talk.proposedEvent;
  const who = actorFor(t, permit);
  const allows = (a: Parameters<typeof talkAllows>[0]) => talkAllows(a, talk.state, who, talk.startsAt, now);
  return {
    id: talk.id,
    communitySlug,
    state: talk.state,
    title: talk.title,
    abstract: talk.abstract,
    startsAt: talk.startsAt.toISOString(),
    endsAt: talk.endsAt?.toISOString() ?? null,
    startsLocal: instantToZonedLocal(talk.startsAt, zone),
    endsLocal: talk.endsAt ? instantToZonedLocal(talk.endsAt, zone) : null,
    durationMinutes: talk.endsAt ? Math.round((talk.endsAt.getTime() - talk.startsAt.getTime()) / 60000) : null,
    room: talk.room,
    speakers: t.speakers.map((s) => ({ name: s.name, affiliation: s.affiliation, userId: s.userId })),
    topics: talk.topics,
    sessionUrl: talk.sessionUrl,
    slidesUrl: talk.slidesUrl,
    videoUrl: talk.videoUrl,
    event: e
      ? { slug: e.slug, name: e.name, website: e.website, venue: e.venue, city: e.city, country: e.country, latitude: e.latitude, longitude: e.longitude, timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate }
      : { slug: null, name: pe?.name ?? "", website: pe?.website ?? null, venue: pe?.venue ?? "", city: pe?.city ?? "", country: pe?.country ?? "", latitude: pe?.latitude ?? null, longitude: pe?.longitude ?? null, timeZone: zone, startDate: pe?.startDate ?? "", endDate: pe?.endDate ?? "" },
    distanceKm,
    // The decision note is for the proposer and the organisers, not the public.
    decisionNote: who.reviewer || who.owner ? talk.decisionNote : "",
    proposedByName: who.reviewer ? t.proposedByName : null,
    createdAt: talk.createdAt.toISOString(),
    updatedAt: talk.updatedAt.toISOString(),
    can: { edit: allows("edit"), decide: allows("approve"), withdraw: allows("withdraw"), addRecordings: allows("addRecordings") },
  };
}

/** Talk ids of a community in one state, soonest first. */
export async function talkIdsInState(db: Db, communityId: string, state: TalkRow["state"]): Promise<string[]> {
  const rows = await db
    .select({ id: talks.id })
    .from(talks)
    .where(and(eq(talks.communityId, communityId), eq(talks.state, state)))
    .orderBy(asc(talks.startsAt));
  return rows.map((r) => r.id);
}

/** Titles of a community's talks by id, for other features that link to a talk (an announcement). */
export async function talkTitles(db: Db, communityId: string, ids: readonly string[]): Promise<Map<string, { id: string; title: string; state: TalkRow["state"] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: talks.id, title: talks.title, state: talks.state })
    .from(talks)
    .where(and(eq(talks.communityId, communityId), inArray(talks.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}
