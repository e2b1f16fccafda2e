import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { DomainError } from "../../platform/errors.js";
import { EVENTS_CHANGED, PROGRAMME_CHANGED } from "../../platform/topics.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import type { CommunityTarget } from "../communities/index.js";
import { createImportedConference } from "../events/index.js";
import { toSnapshot } from "./programme.js";
import { readScheduleJson, readScheduleXml, type ReadSchedule } from "./read-schedule.js";
import { nextProgramme } from "./release.js";
import type { ImportBody, ImportResult } from "./schema.js";
import { insertSession } from "./sessions.js";
import { loadState } from "./state.js";
import { scheduleBlocks, scheduleDays, scheduleReleases, scheduleRooms, scheduleSessions, scheduleSettings, scheduleSpeakers } from "./tables.js";

/**
 * A pretalx or frab schedule becomes a conference of the community: its rooms, days,
 * speakers (display text), sessions and (from version 2 of the JSON) breaks, released as version 1 so every output exists at
 * once. Ids (the files' guids) are kept where they are free, so exporting the imported
 * schedule gives back the same guids. A file with problems imports nothing: the answer
 * names its first problems with their lines.
 */
const localTime = (d: Date, zone: string) => instantToZonedLocal(d, zone).slice(11, 16);

async function freeIds(tx: Db, table: typeof scheduleRooms | typeof scheduleSessions | typeof scheduleSpeakers | typeof scheduleBlocks, wanted: readonly (string | null)[]): Promise<Set<string>> {
  const list = wanted.filter((x): x is string => !!x);
  if (!list.length) return new Set();
  const taken = new Set((await tx.select({ id: table.id }).from(table).where(inArray(table.id, list))).map((r) => r.id));
  return new Set(list.filter((id) => !taken.has(id)));
}

export async function importSchedule(ctx: AppContext, { community, permit }: CommunityTarget, input: ImportBody): Promise<ImportResult> {
  permit.require("event.create");
  const { schedule: doc, problems } = input.format === "xml" ? readScheduleXml(input.content) : readScheduleJson(input.content);
  if (!doc) {
    throw new DomainError("schedule_import_invalid", msg("schedule.import.invalid", { count: problems.length }), { content: problems.map((p) => p.message) }, { problems: problems.map((p) => ({ line: p.line, id: p.message.id, values: p.message.values })) });
  }
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const dates = doc.days.map((d) => d.date).sort();
    const startDate = dates[0] ?? instantToZonedLocal(doc.sessions[0]?.start ?? now, doc.timeZone).slice(0, 10);
    const event = await createImportedConference(tx, community.id, { slug: input.slug ?? doc.slug, name: doc.title, timeZone: doc.timeZone, startDate, endDate: dates.at(-1) ?? startDate, website: doc.url && /^https?:\/\//.test(doc.url) ? doc.url : null }, permit.actor.kind === "user" ? permit.user.id : null);
    await tx.insert(scheduleSettings).values({ eventId: event.id, slotMinutes: doc.slotMinutes });
    await writeFrame(tx, event.id, doc);
    const speakers = await writeSpeakers(tx, event.id, doc);
    const roomIds = new Map((await tx.select().from(scheduleRooms).where(inArray(scheduleRooms.eventId, [event.id]))).map((r) => [r.name, r.id]));
    const free = await freeIds(tx, scheduleSessions, doc.sessions.map((s) => s.guid));
    const numbers = new Set<number>();
    for (const s of doc.sessions) {
      const number = s.number && !numbers.has(s.number) ? s.number : undefined;
      if (number) numbers.add(number);
      const { guid, number: _wanted, room, start, persons, ...fields } = s;
      await insertSession(tx, event.id, {
        ...fields,
        id: free.delete(guid) ? guid : randomUUID(),
        ...(number ? { number } : {}),
        source: "import",
        expectedAudience: null,
        speakerIds: persons.map((p) => speakers.get(p.guid ?? `name:${p.name}`)!).filter(Boolean),
        roomId: roomIds.get(room) ?? null,
        startsAt: start,
      });
    }
    // Released as it was published elsewhere: version 1 is the file, conflicts and all.
    const state = await loadState(tx, event);
    const { programme } = nextProgramme(ctx, state, community.slug, null, "1", now);
    for (const i of programme.items) await tx.update(scheduleSessions).set({ sequence: i.revision }).where(inArray(scheduleSessions.id, [i.id]));
    await tx.insert(scheduleReleases).values({ eventId: event.id, number: 1, releasedAt: now, releasedBy: permit.actor.kind === "user" ? permit.user.id : null, note: "", programme: toSnapshot(programme), changes: [] });
    return { event, rooms: roomIds.size, sessions: doc.sessions.length, speakers: new Set(speakers.values()).size };
  });
  await ctx.bus.publish(EVENTS_CHANGED);
  await ctx.bus.publish(PROGRAMME_CHANGED, { eventId: result.event.id });
  return { eventSlug: result.event.slug, rooms: result.rooms, sessions: result.sessions, speakers: result.speakers, release: 1 };
}

async function writeFrame(tx: Db, eventId: string, doc: ReadSchedule): Promise<void> {
  const free = await freeIds(tx, scheduleRooms, doc.rooms.map((r) => r.guid));
  const rooms = doc.rooms.map((r, position) => ({ id: r.guid && free.delete(r.guid) ? r.guid : randomUUID(), eventId, name: r.name, capacity: r.capacity, position }));
  if (rooms.length) await tx.insert(scheduleRooms).values(rooms);
  const seen = new Set<string>();
  const days = doc.days.filter((d) => !seen.has(d.date) && seen.add(d.date));
  if (days.length) await tx.insert(scheduleDays).values(days.map((d) => ({ eventId, date: d.date, startTime: localTime(d.start, doc.timeZone), endTime: localTime(d.end, doc.timeZone) })));
  const roomId = new Map(rooms.map((r) => [r.name, r.id]));
  const freeBreaks = await freeIds(tx, scheduleBlocks, doc.breaks.map((b) => b.guid));
  if (doc.breaks.length)
    await tx.insert(scheduleBlocks).values(doc.breaks.map((b) => ({ id: b.guid && freeBreaks.delete(b.guid) ? b.guid : randomUUID(), eventId, roomId: b.room ? (roomId.get(b.room) ?? null) : null, kind: "break" as const, title: b.title, startsAt: b.start, endsAt: b.end })));
}

/** One speaker per person guid (or, without one, per name): the key of each to its row. */
async function writeSpeakers(tx: Db, eventId: string, doc: ReadSchedule): Promise<Map<string, string>> {
  const people = new Map<string, { guid: string | null; name: string }>();
  for (const s of doc.sessions) for (const p of s.persons) if (p.name) people.set(p.guid ?? `name:${p.name}`, p);
  const free = await freeIds(tx, scheduleSpeakers, [...people.values()].map((p) => p.guid));
  const out = new Map<string, string>();
  for (const [key, p] of people) {
    const id = p.guid && free.delete(p.guid) ? p.guid : randomUUID();
    await tx.insert(scheduleSpeakers).values({ id, eventId, name: p.name, sourceId: `import:${key}` });
    out.set(key, id);
  }
  return out;
}
