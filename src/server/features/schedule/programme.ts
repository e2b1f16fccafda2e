import { and, desc, eq } from "drizzle-orm";
import { BusCache } from "../../platform/cache.js";
import type { AppContext } from "../../platform/context.js";
import { PROGRAMME_CHANGED } from "../../platform/topics.js";
import type { Db } from "../../platform/db/index.js";
import type { Programme, ProgrammeItem } from "../../platform/programme.js";
import type { SnapshotProgramme } from "./schema.js";
import type { ScheduleState } from "./state.js";
import { scheduleReleases } from "./tables.js";

/**
 * The conference's programme: built from the schedule's rows when it is released, kept as
 * JSON in the release (so every version stays readable exactly as it was), and read back by
 * the Feature `programme` hook for the event page and every output.
 */
export function scheduleBase(ctx: AppContext, communitySlug: string, eventSlug: string): string {
  return `${ctx.config.baseUrl}/communities/${communitySlug}/events/${eventSlug}/schedule`;
}

export const sessionUrl = (base: string, n: number) => `${base}/sessions/${n}`;
export const speakerUrl = (base: string, id: string) => `${base}/speakers/${id}`;

/**
 * The programme the rows make now: placed sessions only, ordered by start and room. Item
 * revisions are the released ones; the release raises those that changed.
 */
export function programmeOfState(ctx: AppContext, s: ScheduleState, communitySlug: string, version: string, publishedAt: Date, revisions: ReadonlyMap<string, number> = new Map()): Programme {
  const e = s.event;
  const base = scheduleBase(ctx, communitySlug, e.slug);
  const speakers = new Map(s.speakers.map((sp) => [sp.id, sp]));
  const roomOrder = new Map(s.rooms.map((r, i) => [r.id, i]));
  const placed = s.sessions.filter((x) => x.roomId && x.startsAt && roomOrder.has(x.roomId));
  placed.sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime() || roomOrder.get(a.roomId!)! - roomOrder.get(b.roomId!)! || a.number - b.number);
  const items: ProgrammeItem[] = placed.map((x) => ({
    id: x.id,
    number: x.number,
    slug: String(x.number),
    title: x.title,
    subtitle: x.subtitle || null,
    abstract: x.abstract,
    description: x.description || null,
    track: x.track,
    type: x.type,
    language: x.language ?? s.settings.defaultLanguage,
    roomId: x.roomId!,
    start: x.startsAt!,
    end: new Date(x.startsAt!.getTime() + x.durationMinutes * 60_000),
    persons: x.speakerIds.flatMap((id) => {
      const sp = speakers.get(id);
      return sp ? [{ id: sp.id, name: sp.name, affiliation: sp.affiliation || null, url: speakerUrl(base, sp.id) }] : [];
    }),
    links: [],
    url: sessionUrl(base, x.number),
    revision: revisions.get(x.id) ?? 0,
  }));
  return {
    event: { id: e.id, slug: e.slug, communitySlug, title: e.name, timeZone: e.timeZone, startDate: e.startDate, endDate: e.endDate, url: `${ctx.config.baseUrl}/communities/${communitySlug}/events/${e.slug}`, language: s.settings.defaultLanguage },
    version,
    publishedAt,
    rooms: s.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, position: r.position })),
    items,
    days: s.days.map((d) => ({ date: d.date, start: d.start, end: d.end })),
    breaks: s.blocks.filter((b) => b.kind === "break").map((b) => ({ id: b.id, title: b.title, roomId: b.roomId, start: b.startsAt, end: b.endsAt })),
    slotMinutes: s.settings.slotMinutes,
  };
}

const iso = (d: Date) => d.toISOString();

export function toSnapshot(p: Programme): SnapshotProgramme {
  return {
    ...p,
    publishedAt: iso(p.publishedAt),
    items: p.items.map((i) => ({ ...i, start: iso(i.start), end: iso(i.end) })),
    days: p.days?.map((d) => ({ ...d, start: iso(d.start), end: iso(d.end) })),
    breaks: p.breaks?.map((b) => ({ ...b, start: iso(b.start), end: iso(b.end) })),
  };
}

export function fromSnapshot(p: SnapshotProgramme): Programme {
  const d = (s: string) => new Date(s);
  return {
    ...p,
    publishedAt: d(p.publishedAt),
    items: p.items.map((i) => ({ ...i, start: d(i.start), end: d(i.end) })),
    days: p.days?.map((x) => ({ ...x, start: d(x.start), end: d(x.end) })),
    breaks: p.breaks?.map((b) => ({ ...b, start: d(b.start), end: d(b.end) })),
  };
}

export type ReleaseRow = typeof scheduleReleases.$inferSelect;

export async function latestRelease(db: Db, eventId: string): Promise<ReleaseRow | null> {
  const [row] = await db.select().from(scheduleReleases).where(eq(scheduleReleases.eventId, eventId)).orderBy(desc(scheduleReleases.number)).limit(1);
  return row ?? null;
}

export async function releaseByNumber(db: Db, eventId: string, n: number): Promise<ReleaseRow | null> {
  const [row] = await db
    .select()
    .from(scheduleReleases)
    .where(and(eq(scheduleReleases.eventId, eventId), eq(scheduleReleases.number, n)));
  return row ?? null;
}

const released = new WeakMap<AppContext, BusCache<Programme | null>>();

/**
 * The Feature `programme` hook: the latest released version, or null before the first release.
 * Kept per process until the bus says that event's programme changed (a release, an import):
 * a big conference's programme is a megabyte of JSON, and the event page reads it on every view.
 */
export async function releasedProgramme(ctx: AppContext, eventId: string): Promise<Programme | null> {
  let cache = released.get(ctx);
  if (!cache) released.set(ctx, (cache = new BusCache(ctx.bus, PROGRAMME_CHANGED, { ttlMs: 60_000, maxEntries: 200, keyOf: (p) => (typeof p.eventId === "string" ? p.eventId : undefined) })));
  return cache.get(eventId, async () => {
    const row = await latestRelease(ctx.db, eventId);
    return row ? fromSnapshot(row.programme) : null;
  });
}
