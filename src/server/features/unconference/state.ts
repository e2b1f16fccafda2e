import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { NotFoundError } from "../../platform/errors.js";
import { users } from "../../platform/auth/tables.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { zonedToInstant } from "../../../shared/time.js";
import type { EventRow } from "../events/index.js";
import type { Board, BoardTopic, Place } from "./rules.js";
import type { PublishedBoard, StructureView } from "./schema.js";
import { unconfAreas, unconfDays, unconfFixed, unconfInterest, unconfLeaders, unconfSettings, unconfSlots, unconfTopics, unconfVersions } from "./tables.js";

/**
 * A hackathon's board as services work on it: loaded in a handful of queries, turned into the
 * rules' Board (instants, blocked slots) and into the views the API sends.
 */
export type SettingsRow = typeof unconfSettings.$inferSelect;
export type TopicRow = typeof unconfTopics.$inferSelect;
export type AreaRow = typeof unconfAreas.$inferSelect;
type Timed = { date: string; startTime: string; endTime: string };
export type Span = { start: Date; end: Date };

export interface TopicState extends TopicRow {
  leaders: { id: string; name: string }[];
  interest: string[];
  mustAttend: string[];
}

export interface UnconfState {
  event: EventRow;
  settings: SettingsRow;
  days: (Timed & Span)[];
  slots: (typeof unconfSlots.$inferSelect & Span & { blocked: boolean })[];
  areas: AreaRow[];
  fixed: (typeof unconfFixed.$inferSelect & Span)[];
  topics: TopicState[];
}

/** Local hours of a date in the event's zone as instants. */
export function localSpan(t: Timed, timeZone: string): Span {
  return { start: zonedToInstant(`${t.date}T${t.startTime}`, timeZone), end: zonedToInstant(`${t.date}T${t.endTime}`, timeZone) };
}

/** The board belongs to hackathons; any other event has none (404, as for an address that does not exist). */
export function requireHackathon(event: EventRow): void {
  if (event.kind !== "hackathon") throw new NotFoundError(msg("unconference.errors.notHackathon"));
}

export async function settingsFor(db: Db, eventId: string, lock = false): Promise<SettingsRow> {
  await db.insert(unconfSettings).values({ eventId }).onConflictDoNothing();
  const q = db.select().from(unconfSettings).where(eq(unconfSettings.eventId, eventId));
  const [row] = lock ? await q.for("update") : await q;
  return row!;
}

/** Raises the working board's edit counter: a plan computed before this change is stale. */
export async function bumpRevision(tx: Db, eventId: string, now: Date): Promise<number> {
  const [row] = await tx
    .update(unconfSettings)
    .set({ revision: sql`${unconfSettings.revision} + 1`, updatedAt: now })
    .where(eq(unconfSettings.eventId, eventId))
    .returning({ revision: unconfSettings.revision });
  return row!.revision;
}

/** `lock`: hold the settings row, so changes to one board are serialised (publish, apply, structure). */
export async function loadState(db: Db, event: EventRow, opts: { lock?: boolean } = {}): Promise<UnconfState> {
  requireHackathon(event);
  const settings = await settingsFor(db, event.id, opts.lock);
  const [days, slots, areas, fixed, topics] = await Promise.all([
    db.select().from(unconfDays).where(eq(unconfDays.eventId, event.id)).orderBy(asc(unconfDays.date)),
    db.select().from(unconfSlots).where(eq(unconfSlots.eventId, event.id)).orderBy(asc(unconfSlots.date), asc(unconfSlots.startTime)),
    db.select().from(unconfAreas).where(eq(unconfAreas.eventId, event.id)).orderBy(asc(unconfAreas.position)),
    db.select().from(unconfFixed).where(eq(unconfFixed.eventId, event.id)).orderBy(asc(unconfFixed.date), asc(unconfFixed.startTime)),
    db.select().from(unconfTopics).where(eq(unconfTopics.eventId, event.id)).orderBy(asc(unconfTopics.number)),
  ]);
  const ids = topics.map((t) => t.id);
  const [leaders, interest] = ids.length
    ? await Promise.all([
        db.select({ topicId: unconfLeaders.topicId, id: users.id, name: users.name }).from(unconfLeaders).innerJoin(users, eq(users.id, unconfLeaders.userId)).where(inArray(unconfLeaders.topicId, ids)).orderBy(asc(users.name)),
        db.select().from(unconfInterest).where(inArray(unconfInterest.topicId, ids)),
      ])
    : [[], []];
  const zone = event.timeZone;
  const fixedSpans = fixed.map((f) => ({ ...f, ...localSpan(f, zone) }));
  return {
    event,
    settings,
    days: days.map((d) => ({ ...d, ...localSpan(d, zone) })),
    slots: slots.map((s) => {
      const span = localSpan(s, zone);
      return { ...s, ...span, blocked: fixedSpans.some((f) => f.start < span.end && span.start < f.end) };
    }),
    areas,
    fixed: fixedSpans,
    topics: topics.map((t) => ({
      ...t,
      leaders: leaders.filter((l) => l.topicId === t.id).map(({ id, name }) => ({ id, name })),
      interest: interest.filter((i) => i.topicId === t.id).map((i) => i.userId),
      mustAttend: interest.filter((i) => i.topicId === t.id && i.mustAttend).map((i) => i.userId),
    })),
  };
}

export const openTopics = (s: UnconfState) => s.topics.filter((t) => t.state === "open");

export function boardTopic(t: TopicState): BoardTopic {
  return { id: t.id, leaders: t.leaders.map((l) => l.id), needs: t.needs, length: t.length, unavailable: t.unavailable, interest: t.interest, mustAttend: t.mustAttend };
}

/** The rules' view of the board: every slot in time order, the areas, the open topics. */
export function toBoard(s: UnconfState): Board {
  return {
    slots: s.slots.map((x) => ({ id: x.id, date: x.date, start: x.start.getTime(), end: x.end.getTime(), blocked: x.blocked })).sort((a, b) => a.start - b.start),
    areas: s.areas.map((a) => ({ id: a.id, label: a.label, capacity: a.capacity, features: a.features })),
    topics: openTopics(s).map(boardTopic),
  };
}

/** The working board's placements of open topics. */
export function workingPlacements(s: UnconfState): Map<string, Place> {
  return new Map(openTopics(s).flatMap((t) => (t.areaId && t.slotId ? [[t.id, { areaId: t.areaId, slotId: t.slotId }] as const] : [])));
}

export async function latestVersion(db: Db, eventId: string) {
  const [row] = await db.select().from(unconfVersions).where(eq(unconfVersions.eventId, eventId)).orderBy(desc(unconfVersions.number)).limit(1);
  return row ?? null;
}

/** The published placements (of topics still open), for the planner's `previous` and the board's diff. */
export function publishedPlacements(board: PublishedBoard | null | undefined): Map<string, Place> {
  return new Map((board?.topics ?? []).map((t) => [t.id, { areaId: t.areaId, slotId: t.slotId }]));
}

export async function versionsAfter(db: Db, eventId: string, after: number) {
  return db
    .select()
    .from(unconfVersions)
    .where(and(eq(unconfVersions.eventId, eventId), sql`${unconfVersions.number} > ${after}`))
    .orderBy(asc(unconfVersions.number));
}

export function structureOf(s: UnconfState, communitySlug: string): StructureView {
  const e = s.event;
  return {
    event: { id: e.id, name: e.name, slug: e.slug, communitySlug, timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate },
    visibility: s.settings.visibility,
    closedDates: s.settings.closedDates,
    days: s.days.map((d) => ({ date: d.date, startTime: d.startTime, endTime: d.endTime })),
    slots: s.slots.map((x) => ({ id: x.id, date: x.date, startTime: x.startTime, endTime: x.endTime, start: x.start.toISOString(), end: x.end.toISOString(), blocked: x.blocked })),
    areas: s.areas.map((a) => ({ id: a.id, label: a.label, capacity: a.capacity, features: a.features, position: a.position })),
    fixed: s.fixed.map((f) => ({ id: f.id, date: f.date, startTime: f.startTime, endTime: f.endTime, start: f.start.toISOString(), end: f.end.toISOString(), kind: f.kind, title: f.title })),
  };
}
