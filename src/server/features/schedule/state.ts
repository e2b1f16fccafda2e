import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import { zonedToInstant } from "../../../shared/time.js";
import type { EventRow } from "../events/index.js";
import { findConflicts, type Grid } from "./rules.js";
import type { BlockView, DayView, RoomView, SessionView, SetupView, SpeakerView } from "./schema.js";
import { scheduleBlocks, scheduleDays, scheduleFavourites, scheduleRooms, scheduleSessionSpeakers, scheduleSessions, scheduleSettings, scheduleSpeakers } from "./tables.js";

/**
 * An event's schedule as the editor and the release work on it: loaded in a handful of
 * queries, turned into the views the API sends and into the grid the rules check.
 */
export type SessionRow = typeof scheduleSessions.$inferSelect;
export type SpeakerRow = typeof scheduleSpeakers.$inferSelect;
export type RoomRow = typeof scheduleRooms.$inferSelect;
export type BlockRow = typeof scheduleBlocks.$inferSelect;
export type DayRow = typeof scheduleDays.$inferSelect;
export type SettingsRow = typeof scheduleSettings.$inferSelect;

export interface ScheduleState {
  event: EventRow;
  settings: SettingsRow;
  rooms: RoomRow[];
  days: (DayRow & { start: Date; end: Date })[];
  blocks: BlockRow[];
  speakers: SpeakerRow[];
  sessions: (SessionRow & { speakerIds: string[]; favourites: number })[];
}

const nextDate = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A day's hours as instants in the event's zone; an end at or before the start is on the next morning. */
export function dayInstants(d: { date: string; startTime: string; endTime: string }, timeZone: string): { start: Date; end: Date } {
  const start = zonedToInstant(`${d.date}T${d.startTime}`, timeZone);
  const endDate = d.endTime <= d.startTime ? nextDate(d.date) : d.date;
  return { start, end: zonedToInstant(`${endDate}T${d.endTime}`, timeZone) };
}

/** The settings row, created on first use (a conference has a schedule from the moment someone opens it). */
export async function settingsFor(db: Db, eventId: string, lock = false): Promise<SettingsRow> {
  await db.insert(scheduleSettings).values({ eventId }).onConflictDoNothing();
  const q = db.select().from(scheduleSettings).where(eq(scheduleSettings.eventId, eventId));
  const [row] = lock ? await q.for("update") : await q;
  return row!;
}

/** Raises the edit counter: a draft computed before this change is stale. Call inside the change's transaction. */
export async function bumpRevision(tx: Db, eventId: string, now: Date): Promise<number> {
  const [row] = await tx
    .update(scheduleSettings)
    .set({ revision: sql`${scheduleSettings.revision} + 1`, updatedAt: now })
    .where(eq(scheduleSettings.eventId, eventId))
    .returning({ revision: scheduleSettings.revision });
  return row!.revision;
}

export async function loadState(db: Db, event: EventRow, opts: { lock?: boolean } = {}): Promise<ScheduleState> {
  const settings = await settingsFor(db, event.id, opts.lock);
  const [rooms, days, blocks, speakers, sessions] = await Promise.all([
    db.select().from(scheduleRooms).where(eq(scheduleRooms.eventId, event.id)).orderBy(asc(scheduleRooms.position), asc(scheduleRooms.name)),
    db.select().from(scheduleDays).where(eq(scheduleDays.eventId, event.id)).orderBy(asc(scheduleDays.date)),
    db.select().from(scheduleBlocks).where(eq(scheduleBlocks.eventId, event.id)).orderBy(asc(scheduleBlocks.startsAt)),
    db.select().from(scheduleSpeakers).where(eq(scheduleSpeakers.eventId, event.id)).orderBy(asc(scheduleSpeakers.name)),
    db.select().from(scheduleSessions).where(eq(scheduleSessions.eventId, event.id)).orderBy(asc(scheduleSessions.number)),
  ]);
  // Joined on the event rather than listing a thousand session ids as parameters (which took PGlite most of a second).
  const ofEvent = eq(scheduleSessions.eventId, event.id);
  const [links, favs] = sessions.length
    ? await Promise.all([
        db
          .select({ sessionId: scheduleSessionSpeakers.sessionId, speakerId: scheduleSessionSpeakers.speakerId })
          .from(scheduleSessionSpeakers)
          .innerJoin(scheduleSessions, eq(scheduleSessions.id, scheduleSessionSpeakers.sessionId))
          .where(ofEvent)
          .orderBy(asc(scheduleSessionSpeakers.position)),
        db.select({ sessionId: scheduleFavourites.sessionId, n: count() }).from(scheduleFavourites).innerJoin(scheduleSessions, eq(scheduleSessions.id, scheduleFavourites.sessionId)).where(ofEvent).groupBy(scheduleFavourites.sessionId),
      ])
    : [[], []];
  const speakersOf = new Map<string, string[]>();
  for (const l of links) (speakersOf.get(l.sessionId) ?? speakersOf.set(l.sessionId, []).get(l.sessionId)!).push(l.speakerId);
  const favCount = new Map(favs.map((f) => [f.sessionId, f.n]));
  return {
    event,
    settings,
    rooms,
    days: days.map((d) => ({ ...d, ...dayInstants(d, event.timeZone) })),
    blocks,
    speakers,
    sessions: sessions.map((s) => ({ ...s, speakerIds: speakersOf.get(s.id) ?? [], favourites: favCount.get(s.id) ?? 0 })),
  };
}

/** How many signed-in people marked both of two sessions, for the pairs that share anyone. */
export async function coFavourites(db: Db, eventId: string): Promise<[string, string, number][]> {
  const rows = (await db.execute(sql`
    select f1.session_id as a, f2.session_id as b, count(*)::int as n
    from schedule_favourites f1
    join schedule_favourites f2 on f2.user_id = f1.user_id and f1.session_id < f2.session_id
    join schedule_sessions s on s.id = f1.session_id and s.event_id = ${eventId}
    group by f1.session_id, f2.session_id`)) as unknown as { rows: { a: string; b: string; n: number }[] };
  return rows.rows.map((r) => [r.a, r.b, Number(r.n)]);
}

export function toGrid(s: ScheduleState, co: readonly (readonly [string, string, number])[] = []): Grid {
  return {
    rooms: s.rooms.map((r) => ({ id: r.id, capacity: r.capacity })),
    days: s.days.map((d) => ({ date: d.date, start: d.start.getTime(), end: d.end.getTime() })),
    blocks: s.blocks.map((b) => ({ id: b.id, roomId: b.roomId, kind: b.kind, start: b.startsAt.getTime(), end: b.endsAt.getTime() })),
    speakers: s.speakers.map((sp) => ({ id: sp.id, availability: sp.availability?.map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) })) ?? null })),
    sessions: s.sessions.map((x) => ({ id: x.id, roomId: x.roomId, start: x.startsAt?.getTime() ?? null, durationMinutes: x.durationMinutes, speakerIds: x.speakerIds, expectedAudience: expectedAudience(x) })),
    coFavourites: co,
  };
}

/** The audience a session is planned for: the organisers' or the source's estimate, or the favourites when more. */
export function expectedAudience(s: { expectedAudience: number | null; favourites: number }): number | null {
  if (s.expectedAudience == null) return s.favourites > 0 ? s.favourites : null;
  return Math.max(s.expectedAudience, s.favourites);
}

export const conflictsOf = (s: ScheduleState, co: readonly (readonly [string, string, number])[] = []) => findConflicts(toGrid(s, co));

export const roomView = (r: RoomRow): RoomView => ({ id: r.id, name: r.name, capacity: r.capacity, position: r.position });
export const dayView = (d: ScheduleState["days"][number]): DayView => ({ date: d.date, startTime: d.startTime, endTime: d.endTime, start: d.start.toISOString(), end: d.end.toISOString() });
export const blockView = (b: BlockRow): BlockView => ({ id: b.id, roomId: b.roomId, kind: b.kind, title: b.title, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() });
export const speakerView = (s: SpeakerRow): SpeakerView => ({ id: s.id, name: s.name, affiliation: s.affiliation, biography: s.biography, email: s.email, userId: s.userId, availability: s.availability ?? null });
export const sessionView = (s: ScheduleState["sessions"][number]): SessionView => ({
  id: s.id,
  number: s.number,
  source: s.source,
  proposalId: s.proposalId,
  title: s.title,
  subtitle: s.subtitle,
  abstract: s.abstract,
  description: s.description,
  type: s.type,
  track: s.track,
  language: s.language,
  durationMinutes: s.durationMinutes,
  expectedAudience: s.expectedAudience,
  favourites: s.favourites,
  roomId: s.roomId,
  startsAt: s.startsAt?.toISOString() ?? null,
  pinned: s.pinned,
  demo: s.demo,
  speakerIds: s.speakerIds,
});

export function setupOf(s: ScheduleState, communitySlug: string): SetupView {
  const e = s.event;
  return {
    event: { id: e.id, name: e.name, slug: e.slug, communitySlug, timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate },
    slotMinutes: s.settings.slotMinutes,
    defaultLanguage: s.settings.defaultLanguage,
    rooms: s.rooms.map(roomView),
    days: s.days.map(dayView),
    blocks: s.blocks.map(blockView),
  };
}

/** The next free session number of an event (numbers are never reused while the row exists). */
export async function nextNumber(tx: Db, eventId: string): Promise<number> {
  const [row] = await tx.select({ max: sql<number>`coalesce(max(${scheduleSessions.number}), 0)::int` }).from(scheduleSessions).where(eq(scheduleSessions.eventId, eventId));
  return Number(row?.max ?? 0) + 1;
}

export async function sessionRow(db: Db, eventId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(scheduleSessions).where(and(eq(scheduleSessions.eventId, eventId), eq(scheduleSessions.id, id)));
  return row;
}

