import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { ambiguous, writeCalendar, type CalendarItem } from "./index.js";

/** Parses a feed with ical.js, a real RFC 5545 parser, resolving TZIDs against the feed's own VTIMEZONEs. */
function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents("vevent").map((ve) => {
    const e = new ICAL.Event(ve);
    return { uid: e.uid, sequence: e.sequence, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(), summary: e.summary, tzid: e.startDate.zone?.tzid, location: e.location };
  });
}

const zones = ["America/Sao_Paulo", "Etc/GMT+5", "Europe/London", "America/Chicago", "America/Los_Angeles", "America/Denver", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC"];

describe("iCalendar feeds", () => {
  it("keep every instant, zone, UID and SEQUENCE, across DST changes and past midnight", () => {
    const item = fc.record({
      start: fc.date({ min: new Date("2013-01-01T00:00:00Z"), max: new Date("2031-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000)),
      minutes: fc.integer({ min: 5, max: 60 * 30 }),
      timeZone: fc.constantFrom(...zones),
      summary: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && [...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !/\p{Cs}/u.test(c))),
      sequence: fc.nat({ max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (raw) => {
        const items: CalendarItem[] = raw.map((r, i) => ({ uid: `session-${i}@plenary.test`, sequence: r.sequence, start: r.start, end: new Date(r.start.getTime() + r.minutes * 60_000), timeZone: r.timeZone, summary: r.summary }));
        const parsed = parse(writeCalendar({ name: "Test", items }));
        expect(parsed).toHaveLength(items.length);
        for (const [i, p] of parsed.entries()) {
          const src = items[i]!;
          expect(p).toMatchObject({ uid: src.uid, sequence: src.sequence, start: src.start.toISOString(), end: src.end.toISOString(), summary: src.summary });
          // A local time that happens twice (clocks put back) is written in UTC: readers disagree which one it means.
          if (src.timeZone !== "UTC" && !ambiguous(src.start, src.timeZone) && !ambiguous(src.end, src.timeZone)) expect(p.tzid).toBe(src.timeZone);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("escapes text that would break the format and writes a VTIMEZONE per zone", () => {
    const text = writeCalendar({
      name: "Xen; Project, \"2014\"",
      items: [{ uid: "a@plenary.test", sequence: 1, start: new Date("2014-03-27T18:30:00Z"), end: new Date("2014-03-27T19:10:00Z"), timeZone: "America/Los_Angeles", summary: "Xen versus Xen Automotive; <b>live</b>,\nline two", location: "Napa, CA" }],
    });
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles");
    expect(text).toContain("DTSTART;TZID=America/Los_Angeles:20140327T113000");
    const [e] = parse(text);
    expect(e).toMatchObject({ summary: "Xen versus Xen Automotive; <b>live</b>,\nline two", location: "Napa, CA", start: "2014-03-27T18:30:00.000Z" });
  });

  const noReplacement = (a: fc.Arbitrary<string>) => a.filter((s) => !s.includes("\uFFFD"));
  it("folds long lines at 75 octets without splitting a character, and readers unfold them", () => {
    fc.assert(
      // A U+FFFD in the output must come from a split character, so the inputs carry none of their own.
      fc.property(noReplacement(fc.string({ unit: "grapheme", minLength: 60, maxLength: 300 })), noReplacement(fc.string({ unit: "binary", minLength: 60, maxLength: 200 })), (summary, location) => {
        const text = writeCalendar({ name: summary, items: [{ uid: "a@plenary.test", sequence: 0, start: new Date("2030-09-02T09:00:00Z"), end: new Date("2030-09-02T10:00:00Z"), timeZone: "Europe/Berlin", summary, location }] });
        for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(text).not.toContain("\uFFFD");
        const [e] = parse(text);
        expect(e).toMatchObject({ summary: summary.replace(/\r\n?/g, "\n"), location: location.replace(/\r\n?/g, "\n") });
      }),
      { numRuns: 30 },
    );
  });
});
