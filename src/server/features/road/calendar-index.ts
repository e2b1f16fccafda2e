import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { EVENTS_CHANGED, ROAD_CHANGED } from "../../platform/topics.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import { eventsByIds } from "../events/index.js";
import { foldName } from "./gazetteer.js";
import { greatCircleKm, smallestK } from "./distance.js";
import type { CalendarFilters } from "./schema.js";
import { talkSpeakers, talks } from "./tables.js";

/**
 * The community's calendar of approved talks, held in memory as the few fields its filters
 * read, so "near me" over 100,000 talks is a scan of arrays rather than a haversine over
 * every row in SQL. The list, the iCalendar and the Atom feed all select through `select`,
 * so a filter means the same everywhere. An index is dropped when the bus says a talk of the
 * community changed (ROAD_CHANGED) or any event did (venues move), in every process.
 */
export interface IndexedTalk {
  id: string;
  startMs: number;
  /** End, or the start when no end was published: when the talk is over. */
  overMs: number;
  latitude: number | null;
  longitude: number | null;
  /** Venue-local month, YYYY-MM. */
  month: string;
  country: string;
  topics: readonly string[];
  /** Folded speaker names, for the speaker filter. */
  speakers: readonly string[];
}

export interface Facet {
  value: string;
  count: number;
}

export interface CalendarIndex {
  talks: readonly IndexedTalk[];
  countries: Facet[];
  topics: Facet[];
  speakers: Facet[];
}

export interface Origin {
  label: string;
  latitude: number;
  longitude: number;
}

export interface Selection {
  /** The page asked for, in order, with distances when an origin was given. */
  page: { id: string; distanceKm: number | null }[];
  total: number;
  months: Facet[];
}

function facet(values: Iterable<string>, display: Map<string, string> = new Map()): Facet[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].map(([v, count]) => ({ value: display.get(v) ?? v, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Reads the approved talks of a community with their events' places. */
export async function buildIndex(db: Db, communityId: string): Promise<CalendarIndex> {
  const rows = await db
    .select({ id: talks.id, eventId: talks.eventId, startsAt: talks.startsAt, endsAt: talks.endsAt, topics: talks.topics })
    .from(talks)
    .where(and(eq(talks.communityId, communityId), eq(talks.state, "approved")));
  const speakerRows = rows.length
    ? await db
        .select({ talkId: talkSpeakers.talkId, name: talkSpeakers.name })
        .from(talkSpeakers)
        .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
        .where(and(eq(talks.communityId, communityId), eq(talks.state, "approved")))
        .orderBy(asc(talkSpeakers.position))
    : [];
  const events = new Map((await eventsByIds(db, [...new Set(rows.flatMap((r) => (r.eventId ? [r.eventId] : [])))])).map((e) => [e.id, e]));
  const speakersOf = new Map<string, string[]>();
  const speakerDisplay = new Map<string, string>();
  for (const s of speakerRows) {
    const key = foldName(s.name);
    (speakersOf.get(s.talkId) ?? speakersOf.set(s.talkId, []).get(s.talkId)!).push(key);
    if (!speakerDisplay.has(key)) speakerDisplay.set(key, s.name);
  }
  const indexed: IndexedTalk[] = [];
  for (const r of rows) {
    const e = r.eventId ? events.get(r.eventId) : undefined;
    if (!e || !e.published) continue;
    const startMs = r.startsAt.getTime();
    indexed.push({
      id: r.id,
      startMs,
      overMs: r.endsAt?.getTime() ?? startMs,
      latitude: e.latitude,
      longitude: e.longitude,
      month: instantToZonedLocal(r.startsAt, e.timeZone).slice(0, 7),
      country: e.country,
      topics: r.topics,
      speakers: speakersOf.get(r.id) ?? [],
    });
  }
  return {
    talks: indexed,
    countries: facet(indexed.map((t) => t.country).filter(Boolean)),
    topics: facet(indexed.flatMap((t) => t.topics)),
    speakers: facet(
      indexed.flatMap((t) => t.speakers),
      speakerDisplay,
    ),
  };
}

/**
 * Applies the filters: time (upcoming = not over yet), month, country, topic, speaker and
 * distance. Ordered by distance when there is an origin, else by start (soonest first;
 * latest first for past talks).
 */
export function select(index: CalendarIndex, f: CalendarFilters, origin: Origin | null, now: Date, page: { limit: number; offset: number }): Selection {
  const nowMs = now.getTime();
  const country = f.country?.toLowerCase();
  const speaker = f.speaker ? foldName(f.speaker) : undefined;
  const hits: { t: IndexedTalk; d: number }[] = [];
  const months = new Map<string, number>();
  for (const t of index.talks) {
    if (f.when === "upcoming" ? t.overMs < nowMs : f.when === "past" ? t.overMs >= nowMs : false) continue;
    if (country !== undefined && t.country.toLowerCase() !== country) continue;
    if (f.topic !== undefined && !t.topics.includes(f.topic)) continue;
    if (speaker !== undefined && !t.speakers.includes(speaker)) continue;
    let d = Number.POSITIVE_INFINITY;
    if (origin) {
      if (t.latitude !== null && t.longitude !== null) d = greatCircleKm(origin.latitude, origin.longitude, t.latitude, t.longitude);
      if (f.within !== undefined && !(d <= f.within)) continue;
    }
    // Month counts ignore the month filter itself, so the page can offer the other months.
    months.set(t.month, (months.get(t.month) ?? 0) + 1);
    if (f.month !== undefined && t.month !== f.month) continue;
    hits.push({ t, d });
  }
  const byStart = f.when === "past" ? (a: { t: IndexedTalk }, b: { t: IndexedTalk }) => b.t.startMs - a.t.startMs : (a: { t: IndexedTalk }, b: { t: IndexedTalk }) => a.t.startMs - b.t.startMs;
  const compare = origin ? (a: { t: IndexedTalk; d: number }, b: { t: IndexedTalk; d: number }) => (a.d === b.d ? byStart(a, b) : a.d < b.d ? -1 : 1) : byStart;
  const top = smallestK(hits, page.offset + page.limit, compare).slice(page.offset);
  return {
    page: top.map(({ t, d }) => ({ id: t.id, distanceKm: origin && Number.isFinite(d) ? Math.round(d) : null })),
    total: hits.length,
    months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => ({ value, count })),
  };
}

/** One index per community, rebuilt on first use after a change. */
export class CalendarIndexes {
  private readonly entries = new Map<string, { index: Promise<CalendarIndex>; expires: number }>();

  constructor(
    private readonly ctx: AppContext,
    private readonly ttlMs = 300_000,
  ) {
    ctx.bus.subscribe(ROAD_CHANGED, (p) => (typeof p.communityId === "string" ? this.entries.delete(p.communityId) : this.entries.clear()));
    ctx.bus.subscribe(EVENTS_CHANGED, () => this.entries.clear());
  }

  get(communityId: string): Promise<CalendarIndex> {
    const now = Date.now();
    const hit = this.entries.get(communityId);
    if (hit && hit.expires > now) return hit.index;
    const index = buildIndex(this.ctx.db, communityId);
    this.entries.set(communityId, { index, expires: now + this.ttlMs });
    // A failed build is not kept: the next request tries again.
    index.catch(() => this.entries.get(communityId)?.index === index && this.entries.delete(communityId));
    return index;
  }
}
