import { afterEach, describe, expect, it } from "vitest";
import { dayBefore, formatDateRange, formatDay, formatDeadline, formatLongDate, formatMonth, formatTime, instantToLocalInput, localDay, localInputToInstant, todayIso } from "./dates.js";
import { begin, fmt } from "./i18n.js";

// Intl puts thin spaces around the dash of a range; they read as spaces.
const plain = (s: string) => s.replace(/\u2009/g, " ");

async function inLocale(lang: string) {
  globalThis.document = { documentElement: { lang } } as unknown as Document;
  await begin();
}
afterEach(() => inLocale("en"));

describe("formatDateRange", () => {
  it("shortens ranges that share a month or year", () => {
    expect(plain(formatDateRange("2014-05-29", "2014-05-30"))).toBe("29 – 30 May 2014");
    expect(plain(formatDateRange("2014-05-30", "2014-06-02"))).toBe("30 May – 2 June 2014");
    expect(plain(formatDateRange("2014-12-29", "2015-01-02"))).toBe("29 December 2014 – 2 January 2015");
    expect(formatDateRange("2014-05-29", "2014-05-29")).toBe("29 May 2014");
    expect(plain(formatDateRange("2014-08-18", "2014-08-19", { short: true }))).toBe("18 – 19 Aug 2014");
  });
  it("writes them the page's way", async () => {
    await inLocale("de");
    expect(formatDateRange("2014-05-29", "2014-05-30")).toBe("29.–30. Mai 2014");
    expect(formatLongDate("2014-05-29")).toBe("Donnerstag, 29. Mai 2014");
  });
});

describe("months, days and distances", () => {
  it("names an archive month, a post's day and a distance the page's way", async () => {
    expect(formatMonth("2014-03")).toBe("March 2014");
    expect(formatDay("2014-03-10")).toBe("10 March 2014");
    expect(fmt.distance(1250)).toBe("1,250 km");
    await inLocale("de");
    expect(formatMonth("2014-03")).toBe("März 2014");
    expect(formatDay("2014-03-10")).toBe("10. März 2014");
    expect(fmt.distance(1250)).toBe("1.250 km");
  });
});

describe("calendar days", () => {
  it("names weekdays and steps back a day", () => {
    expect(formatLongDate("2014-05-29")).toBe("Thursday, 29 May 2014");
    expect(dayBefore("2014-03-01")).toBe("2014-02-28");
    expect(todayIso(new Date(2026, 0, 5, 12))).toBe("2026-01-05");
  });
});

describe("instants in the event's zone", () => {
  it("round-trips a datetime-local value through the zone", () => {
    const iso = localInputToInstant("2014-05-02T23:59", "America/Chicago");
    expect(iso).toBe("2014-05-03T04:59:00.000Z");
    expect(instantToLocalInput(iso!, "America/Chicago")).toBe("2014-05-02T23:59");
    expect(localDay(iso!, "America/Chicago")).toBe("2014-05-02");
    expect(localDay(iso!, "Europe/London")).toBe("2014-05-03");
  });
  it("rejects empty values and unknown zones", () => {
    expect(localInputToInstant("", "Europe/London")).toBeNull();
    expect(localInputToInstant("2014-05-02T23:59", "Mars/Olympus")).toBeNull();
  });
  it("formats deadlines with the zone named, and times as the venue sees them", async () => {
    expect(formatDeadline("2014-05-03T04:59:00.000Z", "America/Chicago")).toBe("Friday, 2 May 2014 at 23:59 (America/Chicago)");
    expect(formatTime("2014-05-29T08:30:00Z", "Europe/London")).toBe("09:30");
    await inLocale("de");
    expect(formatDeadline("2014-05-03T04:59:00.000Z", "America/Chicago")).toBe("Freitag, 2. Mai 2014 um 23:59 (America/Chicago)");
  });
});
