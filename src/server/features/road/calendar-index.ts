import { and, eq, inArray, isNotNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { EVENTS_CHANGED, ROAD_CHANGED } from "../../platform/topics.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import { eventPlaces, type EventPlace } from "../events/index.js";
import { foldName } from "./gazetteer.js";
import { EARTH_RADIUS_KM, greatCircleKm, smallestK } from "./distance.js";
import { LIMITS, type CalendarFilters } from "./schema.js";
import { talkSpeakers, talks } from "./tables.js";

/**
 * The community's calendar of approved talks, held in memory as the few columns its filters
 * read, so "near me" over 100,000 talks is a scan of arrays rather than a haversine over
 * every row in SQL. The list, the iCalendar and the Atom feed all select through `select`,
 * so a filter means the same everywhere.
 *
 * Places belong to events, and a community's talks share a few thousand events: distances are
 * taken once per event (a dot product of unit vectors, with a haversine only for the page and
 * the edge of a `within` cap), and each talk reads its event's. The index is built once per
 * community (one query for the talks with their speakers, one for their events) and then kept
 * up to date from the bus: ROAD_CHANGED with `talkIds` reloads those talks, EVENTS_CHANGED
 * reloads the community's events (venues move, zones change), and ROAD_CHANGED without ids
 * (the demo's bulk seed) drops the community. Changes apply in the order they were heard, and
 * a read waits for those heard before it, so a request after a change sees it.
 */

export interface Facet {
  value: string;
  count: number;
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

/** Values seen in the index under a key (folded or lower-cased), shown as first seen. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly display: string[] = [];

  id(key: string, display: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.display.length;
      this.ids.set(key, id);
      this.display.push(display);
    }
    return id;
  }

  find(key: string): number | undefined {
    return this.ids.get(key);
  }
}

export interface TalkRecord {
  id: string;
  eventId: string;
  startMs: number;
  /** The end, or the start when no end was published. */
  overMs: number;
  topics: string[];
  speakers: string[];
}


const RAD = Math.PI / 180;
const QUARTER_HOUR_MS = 900_000;

/**
 * The venue-local month of a start: zone offsets and their changes fall on quarter hours, so
 * the month is the same across a quarter hour and Intl is asked once per zone and quarter.
 */
const monthMemo = new Map<string, string>();
function localMonth(startMs: number, timeZone: string): string {
  const key = `${timeZone}\u0000${Math.floor(startMs / QUARTER_HOUR_MS)}`;
  let m = monthMemo.get(key);
  if (m === undefined) {
    if (monthMemo.size > 200_000) monthMemo.clear();
    m = instantToZonedLocal(new Date(startMs), timeZone).slice(0, 7);
    monthMemo.set(key, m);
  }
  return m;
}

const epochMs = (c: AnyColumn) => sql`(extract(epoch from ${c}) * 1000)::bigint`;

/**
 * Approved talks at an event (all of the community's, or the given ones), only the columns
 * the index reads, with their speakers' names. Each query answers one JSON text: an embedded
 * database spends far more on a row than on its bytes (100,000 rows: seconds as rows, under
 * one as JSON).
 */
async function loadTalks(db: Db, communityId: string, ids?: readonly string[]): Promise<TalkRecord[]> {
  const where: SQL[] = [eq(talks.communityId, communityId), eq(talks.state, "approved")];
  if (ids) where.push(inArray(talks.id, [...ids]));
  const read = async (tx: Db) => {
    const [list] = await tx
      .select({ json: sql<string | null>`json_agg(json_build_array(${talks.id}, ${talks.eventId}, ${epochMs(talks.startsAt)}, ${epochMs(talks.endsAt)}, ${talks.topics}))::text` })
      .from(talks)
      .where(and(...where, isNotNull(talks.eventId)));
    const [names] = await tx
      .select({ json: sql<string | null>`json_agg(json_build_array(${talkSpeakers.talkId}, ${talkSpeakers.position}, ${talkSpeakers.name}))::text` })
      .from(talkSpeakers)
      .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
      .where(and(...where));
    return { list: list?.json ?? "[]", names: names?.json ?? "[]" };
  };
  // Read in one transaction, where the whole calendar's join is a hash join: without
  // statistics (a freshly filled table) the planner guesses one talk and loops per talk.
  const { list, names } = ids
    ? await read(db)
    : await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_nestloop = off`);
        return read(tx);
      });
  const speakers = new Map<string, [number, string][]>();
  for (const [talkId, position, name] of JSON.parse(names) as [string, number, string][]) (speakers.get(talkId) ?? speakers.set(talkId, []).get(talkId)!).push([position, name]);
  return (JSON.parse(list) as [string, string, number, number | null, string[]][]).map(([id, eventId, startMs, endMs, topics]) => ({
    id,
    eventId,
    startMs,
    overMs: endMs ?? startMs,
    topics,
    speakers: (speakers.get(id) ?? []).sort((a, b) => a[0] - b[0]).map(([, name]) => name),
  }));
}


/** One community's calendar as columns: talks in slots (a freed slot is reused), events beside them. */
export class Calendar {
  /** Raised on every change: what was built from the calendar (a feed) is keyed by it. */
  version = 0;

  // Talks, by slot.
  private readonly slotOf = new Map<string, number>();
  private readonly ids: (string | null)[] = [];
  private readonly free: number[] = [];
  private readonly startMs: number[] = [];
  /** The end, or the start when no end was published: when the talk is over. */
  private readonly overMs: number[] = [];
  private readonly event: number[] = [];
  private readonly month: number[] = [];
  private readonly topics: number[][] = [];
  private readonly speakers: number[][] = [];

  // Events, by slot.
  private readonly eventSlot = new Map<string, number>();
  private readonly eventZone: string[] = [];
  private readonly eventVisible: boolean[] = [];
  private readonly eventCountry: number[] = [];
  private readonly eventLat: number[] = [];
  private readonly eventLon: number[] = [];
  /** Unit vectors; NaN for an event without coordinates. */
  private readonly ex: number[] = [];
  private readonly ey: number[] = [];
  private readonly ez: number[] = [];

  private readonly months = new Interner();
  private readonly countries = new Interner();
  private readonly topicNames = new Interner();
  private readonly speakerNames = new Interner();
  private facetCache: { countries: Facet[]; topics: Facet[]; speakers: Facet[] } | null = null;
  /** Scratch space of `select`, which runs to the end without yielding: reused, so a query allocates next to nothing. */
  private scratch = { hits: new Int32Array(0), cos: new Float64Array(0), inside: new Uint8Array(0), perEvent: new Int32Array(0) };

  setEvents(rows: readonly EventPlace[]): void {
    const rezoned = new Set<number>();
    for (const e of rows) {
      let s = this.eventSlot.get(e.id);
      if (s === undefined) {
        s = this.eventZone.length;
        this.eventSlot.set(e.id, s);
        this.eventZone.push(e.timeZone);
      } else if (this.eventZone[s] !== e.timeZone) {
        this.eventZone[s] = e.timeZone;
        rezoned.add(s);
      }
      this.eventVisible[s] = e.published;
      this.eventCountry[s] = e.country ? this.countries.id(e.country.toLowerCase(), e.country) : -1;
      const placed = e.latitude !== null && e.longitude !== null;
      this.eventLat[s] = placed ? e.latitude! : Number.NaN;
      this.eventLon[s] = placed ? e.longitude! : Number.NaN;
      const lat = this.eventLat[s]! * RAD;
      const lon = this.eventLon[s]! * RAD;
      this.ex[s] = Math.cos(lat) * Math.cos(lon);
      this.ey[s] = Math.cos(lat) * Math.sin(lon);
      this.ez[s] = Math.sin(lat);
    }
    // A venue in another zone moves its talks' local months.
    if (rezoned.size) {
      for (let i = 0; i < this.ids.length; i++) {
        if (this.ids[i] !== null && rezoned.has(this.event[i]!)) this.month[i] = this.monthId(this.startMs[i]!, this.eventZone[this.event[i]!]!);
      }
    }
    this.changed();
  }

  hasEvent(id: string): boolean {
    return this.eventSlot.has(id);
  }

  eventIds(): string[] {
    return [...this.eventSlot.keys()];
  }

  /** Puts the given talks in (their events must be known), and takes out those of `ids` that are not among them. */
  setTalks(rows: readonly TalkRecord[], ids: readonly string[] = []): void {
    const kept = new Set<string>();
    for (const t of rows) {
      const ev = this.eventSlot.get(t.eventId);
      // Its event was deleted meanwhile (the talk goes with it).
      if (ev === undefined) continue;
      kept.add(t.id);
      let i = this.slotOf.get(t.id);
      if (i === undefined) {
        i = this.free.pop() ?? this.ids.length;
        this.slotOf.set(t.id, i);
      }
      this.ids[i] = t.id;
      this.startMs[i] = t.startMs;
      this.overMs[i] = t.overMs;
      this.event[i] = ev;
      this.month[i] = this.monthId(t.startMs, this.eventZone[ev]!);
      this.topics[i] = t.topics.map((x) => this.topicNames.id(x, x));
      this.speakers[i] = t.speakers.map((x) => this.speakerNames.id(foldName(x), x));
    }
    for (const id of ids) {
      const i = this.slotOf.get(id);
      if (i === undefined || kept.has(id)) continue;
      this.slotOf.delete(id);
      this.ids[i] = null;
      this.topics[i] = [];
      this.speakers[i] = [];
      this.free.push(i);
    }
    this.changed();
  }

  get size(): number {
    return this.slotOf.size;
  }

  private monthId(startMs: number, zone: string): number {
    const m = localMonth(startMs, zone);
    return this.months.id(m, m);
  }

  private changed(): void {
    this.version++;
    this.facetCache = null;
  }

  private visible(i: number): boolean {
    return this.ids[i] !== null && this.eventVisible[this.event[i]!] === true;
  }

  /** Countries, topics and speakers over the whole calendar, most talks first (a menu's worth); counted once per change. */
  facets(): { countries: Facet[]; topics: Facet[]; speakers: Facet[] } {
    if (this.facetCache) return this.facetCache;
    const countries = new Array<number>(this.countries.display.length).fill(0);
    const topics = new Array<number>(this.topicNames.display.length).fill(0);
    const speakers = new Array<number>(this.speakerNames.display.length).fill(0);
    for (let i = 0; i < this.ids.length; i++) {
      if (!this.visible(i)) continue;
      const c = this.eventCountry[this.event[i]!]!;
      if (c >= 0) countries[c]!++;
      for (const t of this.topics[i]!) topics[t]!++;
      for (const s of this.speakers[i]!) speakers[s]!++;
    }
    const list = (counts: number[], names: Interner): Facet[] =>
      counts
        .flatMap((count, id) => (count ? [{ value: names.display[id]!, count }] : []))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, LIMITS.facetMax);
    this.facetCache = { countries: list(countries, this.countries), topics: list(topics, this.topicNames), speakers: list(speakers, this.speakerNames) };
    return this.facetCache;
  }

  /**
   * Applies the filters: time (upcoming = not over yet), month, country, topic, speaker and
   * distance. Ordered by distance when there is an origin, else by start (soonest first;
   * latest first for past talks).
   */
  select(f: CalendarFilters, origin: Origin | null, now: Date, page: { limit: number; offset: number }): Selection {
    const nowMs = now.getTime();
    const none = -2;
    const country = f.country === undefined ? -1 : (this.countries.find(f.country.toLowerCase()) ?? none);
    const topic = f.topic === undefined ? -1 : (this.topicNames.find(f.topic) ?? none);
    const speaker = f.speaker === undefined ? -1 : (this.speakerNames.find(foldName(f.speaker)) ?? none);
    const month = f.month === undefined ? -1 : (this.months.find(f.month) ?? none);
    const monthCounts = new Array<number>(this.months.display.length).fill(0);
    if (country === none || topic === none || speaker === none) return { page: [], total: 0, months: [] };

    // Per event: the cosine of the angle to the origin (−2 when it has no place, so it sorts last),
    // and whether it is inside the `within` cap.
    const events = this.eventZone.length;
    if (this.scratch.cos.length < events || this.scratch.hits.length < this.ids.length) {
      const n = Math.max(events, 16) * 2;
      const m = Math.max(this.ids.length, 16) * 2;
      this.scratch = { hits: new Int32Array(m), cos: new Float64Array(n), inside: new Uint8Array(n), perEvent: new Int32Array(n) };
    }
    const { cos, inside } = this.scratch;
    inside.fill(1, 0, events);
    if (origin) {
      const la = origin.latitude * RAD;
      const lo = origin.longitude * RAD;
      const ox = Math.cos(la) * Math.cos(lo);
      const oy = Math.cos(la) * Math.sin(lo);
      const oz = Math.sin(la);
      // A little slack on the cap's cosine; the edge is decided by the haversine, as the distance shown is.
      const capCos = f.within === undefined ? -Infinity : Math.cos(Math.min(Math.PI, f.within / EARTH_RADIUS_KM)) - 1e-9;
      for (let e = 0; e < events; e++) {
        const c = this.ex[e]! * ox + this.ey[e]! * oy + this.ez[e]! * oz;
        cos[e] = Number.isNaN(c) ? -2 : c;
        if (f.within !== undefined) inside[e] = c >= capCos && greatCircleKm(origin.latitude, origin.longitude, this.eventLat[e]!, this.eventLon[e]!) <= f.within ? 1 : 0;
      }
    }

    const upcoming = f.when === "upcoming";
    const past = f.when === "past";
    const { ids, overMs, event, topics, speakers, month: monthOf, eventCountry } = this;
    const hits = this.scratch.hits;
    let total = 0;
    // Talks that pass per event, to find how far the page reaches without sorting every hit.
    const perEvent = origin ? this.scratch.perEvent.fill(0, 0, events) : null;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === null) continue;
      const e = event[i]!;
      if (!this.eventVisible[e] || !inside[e]) continue;
      const over = overMs[i]!;
      if (upcoming ? over < nowMs : past ? over >= nowMs : false) continue;
      if (country >= 0 && eventCountry[e] !== country) continue;
      if (topic >= 0 && !topics[i]!.includes(topic)) continue;
      if (speaker >= 0 && !speakers[i]!.includes(speaker)) continue;
      // Month counts ignore the month filter itself, so the page can offer the other months.
      const m = monthOf[i]!;
      monthCounts[m]!++;
      if (f.month !== undefined && m !== month) continue;
      hits[total++] = i;
      if (perEvent) perEvent[e]!++;
    }

    const start = this.startMs;
    const byStart = past ? (a: number, b: number) => start[b]! - start[a]! : (a: number, b: number) => start[a]! - start[b]!;
    const want = page.offset + page.limit;
    let top: number[];
    if (perEvent) {
      // The nearest events until they hold the page; only their talks are sorted.
      const order: number[] = [];
      for (let e = 0; e < events; e++) if (perEvent[e]! > 0) order.push(e);
      order.sort((a, b) => cos[b]! - cos[a]!);
      let held = 0;
      let reach = -Infinity;
      for (const e of order) {
        reach = cos[e]!;
        held += perEvent[e]!;
        if (held >= want) break;
      }
      top = [];
      for (let h = 0; h < total; h++) if (cos[event[hits[h]!]!]! >= reach) top.push(hits[h]!);
      top.sort((a, b) => cos[event[b]!]! - cos[event[a]!]! || byStart(a, b));
    } else {
      top = smallestK(hits.subarray(0, total), want, byStart);
    }
    top = top.slice(page.offset, want);
    const km = (i: number) => {
      const e = event[i]!;
      return origin && cos[e]! > -2 ? Math.round(greatCircleKm(origin.latitude, origin.longitude, this.eventLat[e]!, this.eventLon[e]!)) : null;
    };
    return {
      page: top.map((i) => ({ id: this.ids[i]!, distanceKm: km(i) })),
      total,
      months: monthCounts
        .flatMap((count, id) => (count ? [{ value: this.months.display[id]!, count }] : []))
        .sort((a, b) => a.value.localeCompare(b.value)),
    };
  }
}

/** Puts talks in with the events of theirs the calendar does not know yet; `ids` that are not among them go. */
async function putTalks(db: Db, calendar: Calendar, rows: readonly TalkRecord[], ids?: readonly string[]): Promise<void> {
  const unknown = [...new Set(rows.map((r) => r.eventId).filter((e) => !calendar.hasEvent(e)))];
  if (unknown.length) calendar.setEvents(await eventPlaces(db, unknown));
  calendar.setTalks(rows, ids);
}

/** Reads a community's calendar from the database: two queries, only the columns it keeps. */
export async function buildCalendar(db: Db, communityId: string): Promise<Calendar> {
  const calendar = new Calendar();
  await putTalks(db, calendar, await loadTalks(db, communityId));
  return calendar;
}

interface Entry {
  calendar: Promise<Calendar>;
  /** The changes heard so far, applied in order. */
  applied: Promise<unknown>;
}

/** One calendar per community, built on first use and then kept current from the bus. */
export class CalendarIndexes {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ctx: AppContext) {
    ctx.bus.subscribe(ROAD_CHANGED, (p) => {
      if (typeof p.communityId !== "string") return this.entries.clear();
      const ids = Array.isArray(p.talkIds) ? p.talkIds.filter((x): x is string => typeof x === "string") : null;
      if (!ids) return this.entries.delete(p.communityId);
      const communityId = p.communityId;
      this.apply(communityId, async (c) => putTalks(ctx.db, c, await loadTalks(ctx.db, communityId, ids), ids));
    });
    ctx.bus.subscribe(EVENTS_CHANGED, () => {
      for (const communityId of this.entries.keys()) this.apply(communityId, async (c) => c.setEvents(await eventPlaces(ctx.db, c.eventIds())));
    });
  }

  private apply(communityId: string, change: (c: Calendar) => Promise<void>): void {
    const entry = this.entries.get(communityId);
    if (!entry) return;
    entry.applied = Promise.all([entry.calendar, entry.applied])
      .then(([c]) => change(c))
      // A change that could not be applied leaves the calendar behind: build it afresh next time.
      .catch(() => this.entries.get(communityId) === entry && this.entries.delete(communityId));
  }

  async get(communityId: string): Promise<Calendar> {
    let entry = this.entries.get(communityId);
    if (!entry) {
      const calendar = buildCalendar(this.ctx.db, communityId);
      entry = { calendar, applied: calendar };
      this.entries.set(communityId, entry);
      const built = entry;
      // A failed build is not kept: the next request tries again.
      calendar.catch(() => this.entries.get(communityId) === built && this.entries.delete(communityId));
    }
    await entry.applied;
    return entry.calendar;
  }
}
