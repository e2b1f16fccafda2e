import { describe, expect, it } from "vitest";
import { Calendar, type TalkRecord } from "./calendar-index.js";
import { greatCircleKm } from "./distance.js";
import type { CalendarFilters } from "./schema.js";

/** A small pseudo-random generator, so a failure is repeatable. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const ZONES = ["UTC", "Europe/Berlin", "America/Denver", "Asia/Kolkata", "Australia/Eucla"];
const COUNTRIES = ["Germany", "United States", "India", "Australia", ""];

function world(seed: number) {
  const r = rng(seed);
  const events = Array.from({ length: 40 }, (_, i) => ({
    id: `e${i}`,
    latitude: i % 13 === 0 ? null : -60 + r() * 130,
    longitude: i % 13 === 0 ? null : -180 + r() * 360,
    country: COUNTRIES[i % COUNTRIES.length]!,
    timeZone: ZONES[i % ZONES.length]!,
    published: i % 11 !== 5,
  }));
  const talks: TalkRecord[] = Array.from({ length: 400 }, (_, i) => {
    const startMs = Date.UTC(2014, 0, 1) + Math.floor(r() * 3 * 365 * 24) * 3_600_000;
    return { id: `t${i}`, eventId: `e${Math.floor(r() * events.length)}`, startMs, overMs: startMs + (i % 3) * 1_800_000, topics: i % 4 ? [`topic-${i % 5}`] : [], speakers: [`Speaker ${i % 7}`] };
  });
  return { events, talks };
}

/** What `select` must answer, the slow way: every talk, a haversine each, a full sort. */
function naive(w: ReturnType<typeof world>, f: CalendarFilters, origin: { latitude: number; longitude: number } | null, now: number) {
  const ev = new Map(w.events.map((e) => [e.id, e]));
  const rows = w.talks
    .map((t) => ({ t, e: ev.get(t.eventId)! }))
    .filter(({ t, e }) => e.published && (f.when === "upcoming" ? t.overMs >= now : f.when === "past" ? t.overMs < now : true))
    .filter(({ e }) => f.country === undefined || e.country.toLowerCase() === f.country.toLowerCase())
    .filter(({ t }) => f.topic === undefined || t.topics.includes(f.topic))
    .map(({ t, e }) => ({ t, d: origin && e.latitude !== null ? greatCircleKm(origin.latitude, origin.longitude, e.latitude, e.longitude!) : Infinity }))
    .filter(({ d }) => f.within === undefined || d <= f.within);
  const byStart = (a: { t: TalkRecord }, b: { t: TalkRecord }) => (f.when === "past" ? b.t.startMs - a.t.startMs : a.t.startMs - b.t.startMs);
  rows.sort((a, b) => (origin ? a.d - b.d : 0) || byStart(a, b));
  return { ids: rows.map((x) => x.t.id), km: rows.map((x) => (origin && Number.isFinite(x.d) ? Math.round(x.d) : null)) };
}

describe("the calendar index", () => {
  const munich = { label: "Munich", latitude: 48.137, longitude: 11.575 };
  const now = new Date(Date.UTC(2015, 6, 1));
  const cases: [CalendarFilters, typeof munich | null][] = [
    [{ when: "all" }, munich],
    [{ when: "upcoming" }, null],
    [{ when: "past" }, null],
    [{ when: "all", within: 3000 }, munich],
    [{ when: "upcoming", topic: "topic-3" }, munich],
    [{ when: "past", country: "germany" }, munich],
  ];

  it("selects and orders as the slow way does: every filter, by distance or start, page by page", () => {
    for (const seed of [1, 2, 3]) {
      const w = world(seed);
      const c = new Calendar();
      c.setEvents(w.events);
      c.setTalks(w.talks);
      for (const [f, origin] of cases) {
        const want = naive(w, f, origin, now.getTime());
        const all = c.select(f, origin, now, { limit: 1000, offset: 0 });
        expect(all.total).toBe(want.ids.length);
        // Equal distances may come in either order: compare the distances, then the ids as sets.
        expect(all.page.map((p) => p.distanceKm)).toEqual(want.km);
        expect(new Set(all.page.map((p) => p.id))).toEqual(new Set(want.ids));
        if (!origin) expect(all.page.map((p) => p.id)).toEqual(want.ids);
        const page = c.select(f, origin, now, { limit: 7, offset: 14 });
        expect(page.page).toEqual(all.page.slice(14, 21));
      }
    }
  });

  it("takes changes in place: a talk moved, one gone, an event moved to another zone and hidden", () => {
    const w = world(4);
    const c = new Calendar();
    c.setEvents(w.events);
    c.setTalks(w.talks);
    const before = c.version;
    const moved = { ...w.talks[0]!, eventId: "e1", startMs: Date.UTC(2016, 0, 31, 23, 30) };
    w.talks[0] = moved;
    c.setTalks([moved], [moved.id, "t1"]);
    w.talks.splice(1, 1);
    const e1 = { ...w.events[1]!, timeZone: "Asia/Kolkata", latitude: 48.2, longitude: 11.6 };
    w.events[1] = e1;
    w.events[2] = { ...w.events[2]!, published: false };
    c.setEvents([e1, w.events[2]]);
    expect(c.version).toBeGreaterThan(before);
    expect(c.size).toBe(399);
    const want = naive(w, { when: "all" }, munich, now.getTime());
    const got = c.select({ when: "all" }, munich, now, { limit: 1000, offset: 0 });
    expect(got.page.map((p) => p.distanceKm)).toEqual(want.km);
    // 23:30 UTC on 31 January is 1 February in Kolkata: the month follows the venue's new zone.
    const feb = c.select({ when: "all", month: "2016-02" }, null, now, { limit: 1000, offset: 0 });
    expect(feb.page.map((p) => p.id)).toContain(moved.id);
    expect(c.facets().speakers.reduce((n, s) => n + s.count, 0)).toBe(want.ids.length);
  });
});
