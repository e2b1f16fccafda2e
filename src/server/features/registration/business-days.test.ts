import { describe, expect, it } from "vitest";
import { addDays, answerBy, answerByDate, countingDay, localDateTime, nextBusinessDay } from "./business-days.js";

const at = (iso: string) => new Date(iso);

describe("answer-by dates in business days", () => {
  it("counts five business days from a weekday morning, skipping the weekend", () => {
    // Monday 23 November 2026, 10:00 in London (GMT).
    expect(answerByDate(at("2026-11-23T10:00:00Z"), 5, "Europe/London")).toBe("2026-11-30");
    // Wednesday → the Wednesday after.
    expect(answerByDate(at("2026-11-25T09:00:00Z"), 5, "Europe/London")).toBe("2026-12-02");
    expect(answerByDate(at("2026-11-20T10:00:00Z"), 5, "Europe/London")).toBe("2026-11-27");
  });

  it("counts a request made late on a Friday, or at the weekend, from Monday", () => {
    expect(countingDay(at("2026-11-20T18:30:00Z"), "Europe/London", new Set())).toBe("2026-11-23");
    expect(answerByDate(at("2026-11-20T18:30:00Z"), 5, "Europe/London")).toBe("2026-11-30");
    expect(answerByDate(at("2026-11-20T16:59:00Z"), 5, "Europe/London")).toBe("2026-11-27");
    expect(answerByDate(at("2026-11-21T12:00:00Z"), 5, "Europe/London")).toBe("2026-11-30");
    expect(answerByDate(at("2026-11-22T23:59:00Z"), 5, "Europe/London")).toBe("2026-11-30");
  });

  it("skips the organiser's holidays, also as the day a request counts from", () => {
    expect(answerByDate(at("2026-11-23T10:00:00Z"), 5, "Europe/London", ["2026-11-25"])).toBe("2026-12-01");
    // Christmas: 24, 25 Dec and 31 Dec, 1 Jan are holidays; the request counts from Monday 28.
    expect(answerByDate(at("2026-12-24T10:00:00Z"), 5, "Europe/London", ["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"])).toBe("2027-01-06");
    // A holiday on a weekend changes nothing.
    expect(answerByDate(at("2026-11-23T10:00:00Z"), 5, "Europe/London", ["2026-11-28"])).toBe("2026-11-30");
  });

  it("works in the event's zone, not the server's", () => {
    // Friday 23:30 UTC is Saturday 12:30 in Auckland and Friday 15:30 in Los Angeles.
    const instant = at("2026-11-20T23:30:00Z");
    expect(localDateTime(instant, "Pacific/Auckland")).toMatchObject({ date: "2026-11-21", weekday: 6 });
    expect(answerByDate(instant, 5, "Pacific/Auckland")).toBe("2026-11-30");
    expect(answerByDate(instant, 5, "America/Los_Angeles")).toBe("2026-11-27");
    expect(answerByDate(instant, 5, "UTC")).toBe("2026-11-30");
  });

  it("ends the answer-by day at local midnight, across DST changes", () => {
    expect(answerBy(at("2026-11-23T10:00:00Z"), 5, "Europe/London").toISOString()).toBe("2026-11-30T23:59:59.999Z");
    // London leaves summer time on Sunday 25 October 2026: Friday is BST, Monday GMT.
    expect(answerBy(at("2026-10-23T09:00:00Z"), 1, "Europe/London").toISOString()).toBe("2026-10-26T23:59:59.999Z");
    // New York enters summer time on Sunday 8 March 2026: Monday ends at 04:00 UTC minus 1 ms.
    expect(answerBy(at("2026-03-06T15:00:00Z"), 1, "America/New_York").toISOString()).toBe("2026-03-10T03:59:59.999Z");
    // A request at 16:30 BST on the Friday before the change (15:30 UTC) is before the cut-off.
    expect(answerByDate(at("2026-10-23T15:30:00Z"), 1, "Europe/London")).toBe("2026-10-26");
    // …and at 17:30 BST (16:30 UTC) after it, though it is before 17:00 in UTC.
    expect(answerByDate(at("2026-10-23T16:30:00Z"), 1, "Europe/London")).toBe("2026-10-27");
  });

  it("honours a different cut-off hour", () => {
    expect(answerByDate(at("2026-11-20T15:00:00Z"), 5, "Europe/London", [], 12)).toBe("2026-11-30");
  });

  it("gives up after ten years when every day is a holiday, rather than hang the request", () => {
    const everyDay = new Set(Array.from({ length: 4000 }, (_, i) => addDays("2026-01-01", i)));
    expect(nextBusinessDay("2026-01-01", everyDay)).toBe(addDays("2026-01-01", 3661));
  });
});
