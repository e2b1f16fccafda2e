import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Programme } from "../../../platform/programme.js";
import { readScheduleJson, readScheduleXml } from "../read-schedule.js";
import { jsonSchemaErrors, xsdErrors } from "../test-helpers.js";
import { writeFrabJson, writeFrabJson2, writeFrabXml } from "./frab.js";
import { writeScheduleCalendar } from "./flat.js";
import { clean, shape } from "./shape.js";

/**
 * Random programmes (names with markup, emoji, right-to-left text, newlines and XML specials;
 * zones on the days their clocks change; sessions past midnight; empty rooms and days) come
 * out valid in every format, and at the right instants: the XML and JSON read back, and the
 * iCalendar parsed by ical.js, give every session's start and end as written.
 */
const ZONES = ["Europe/Berlin", "America/New_York", "America/Chicago", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "America/Sao_Paulo", "Etc/GMT+5", "UTC"];
// Days on which some of those zones change their clocks (2024), and an ordinary one.
const DAYS = ["2024-03-10", "2024-03-31", "2024-04-07", "2024-10-06", "2024-10-27", "2024-11-03", "2024-06-15"];
const ODD = ["<b>bold</b> & co", "]]> \"quoted\" 'single'", "Emoji 🎉👩‍💻", "שלום עולם", "مرحبا", "line one\nline two", "tab\there", "  spaced  ", "&amp; already", "<?xml?>", "\u0007bell"];
const text = fc.oneof(fc.constantFrom(...ODD), fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }));
const uuid = fc.uuid({ version: 4 });
const HOST = "plenary.test";

const programme = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    day: fc.constantFrom(...DAYS),
    extraDays: fc.integer({ min: 0, max: 2 }),
    title: text,
    rooms: fc.uniqueArray(fc.record({ id: uuid, name: text, capacity: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }) }), { maxLength: 4, selector: (r) => r.id }),
    items: fc.array(
      fc.record({
        id: uuid,
        title: text,
        subtitle: fc.option(text, { nil: null }),
        abstract: fc.oneof(text, fc.constant("")),
        track: fc.option(text, { nil: null }),
        room: fc.nat(),
        // From a few hours before the day to past the next midnight.
        offsetMinutes: fc.integer({ min: -120, max: 30 * 60 }),
        minutes: fc.integer({ min: 5, max: 240 }),
        persons: fc.array(fc.record({ id: uuid, name: text, affiliation: fc.option(text, { nil: null }) }), { maxLength: 3 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ zone, day, extraDays, title, rooms, items }): Programme => {
    const midnight = Date.parse(`${day}T00:00:00Z`);
    const end = new Date(midnight + extraDays * 86_400_000).toISOString().slice(0, 10);
    const url = `https://${HOST}/communities/c/events/e`;
    return {
      event: { id: "00000000-0000-4000-8000-000000000001", slug: "test-event", communitySlug: "c", title, timeZone: zone, startDate: day, endDate: end, url },
      version: "1",
      publishedAt: new Date(midnight),
      rooms: rooms.map((r, position) => ({ ...r, position })),
      items: rooms.length
        ? items.map((i, k) => ({
            id: i.id,
            number: k + 1,
            slug: String(k + 1),
            title: i.title,
            subtitle: i.subtitle,
            abstract: i.abstract,
            description: null,
            track: i.track,
            type: "talk",
            language: "en",
            roomId: rooms[i.room % rooms.length]!.id,
            start: new Date(midnight + i.offsetMinutes * 60_000),
            end: new Date(midnight + (i.offsetMinutes + i.minutes) * 60_000),
            persons: i.persons.map((p) => ({ ...p, url: null })),
            links: [],
            url: `${url}/schedule/sessions/${k + 1}`,
            revision: k % 3,
          }))
        : [],
    };
  })
  // Item ids must be unique within a programme.
  .filter((p) => new Set(p.items.map((i) => i.id)).size === p.items.length);

describe("schedule outputs of random programmes", () => {
  it("are valid against the XSD and both JSON Schemas, and give back every instant", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const s = shape(p);
        const xml = writeFrabXml(s, `https://${HOST}/schedule.xml`);
        expect(xsdErrors(xml)).toEqual([]);
        const json = writeFrabJson(s, `https://${HOST}/schedule.json`);
        expect(jsonSchemaErrors(json, 1)).toEqual([]);
        const json2 = writeFrabJson2(s, `https://${HOST}/schedule-v2.json`);
        expect(jsonSchemaErrors(json2, 2)).toEqual([]);

        // Read back (all three, as an import would): the same sessions at the same instants, titles escaped and restored.
        for (const read of [readScheduleXml(xml), readScheduleJson(json), readScheduleJson(json2)]) {
          expect(read.problems).toEqual([]);
          const byId = new Map(read.schedule!.sessions.map((x) => [x.guid, x]));
          for (const i of p.items) {
            const r = byId.get(i.id)!;
            expect(r.start.getTime()).toBe(i.start.getTime());
            expect(r.durationMinutes).toBe(Math.round((i.end.getTime() - i.start.getTime()) / 60_000));
            expect(r.title).toBe(clean(i.title).trim() || clean(i.title));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("writes iCalendar that ical.js reads at the same instants, with UIDs, SEQUENCE and URLs", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const ics = writeScheduleCalendar(shape(p), HOST, { selfUrl: `https://${HOST}/schedule.ics` });
        const cal = new ICAL.Component(ICAL.parse(ics));
        for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
        const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
        expect(events).toHaveLength(p.items.length);
        const byUid = new Map(events.map((e) => [e.uid, e]));
        for (const i of p.items) {
          const e = byUid.get(`schedule-${i.id}@${HOST}`)!;
          expect(e.startDate.toJSDate().getTime()).toBe(i.start.getTime());
          expect(e.endDate.toJSDate().getTime()).toBe(i.end.getTime());
          expect(e.sequence).toBe(i.revision);
          expect(String(e.component.getFirstPropertyValue("url"))).toBe(i.url);
          expect(e.summary).toBe(i.title);
        }
      }),
      { numRuns: 60 },
    );
  });
});
