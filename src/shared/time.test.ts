import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantToZonedLocal, zonedToInstant } from "./time.js";

describe("zoned times", () => {
  it("resolves local wall-clock times, summer and winter", () => {
    expect(zonedToInstant("2014-05-29T09:30", "Europe/London").toISOString()).toBe("2014-05-29T08:30:00.000Z");
    expect(zonedToInstant("2014-01-10T09:30", "Europe/London").toISOString()).toBe("2014-01-10T09:30:00.000Z");
    expect(zonedToInstant("2014-08-18T09:00", "America/Chicago").toISOString()).toBe("2014-08-18T14:00:00.000Z");
    expect(zonedToInstant("2014-04-10T13:00", "America/Denver").toISOString()).toBe("2014-04-10T19:00:00.000Z");
  });

  it("round-trips any minute through formatting", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), fc.constantFrom("Europe/London", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe"), (d, tz) => {
        const minute = new Date(Math.floor(d.getTime() / 60000) * 60000);
        const back = zonedToInstant(instantToZonedLocal(minute, tz), tz);
        // Ambiguous local times (the repeated hour in autumn) may resolve to either instant.
        expect(Math.abs(back.getTime() - minute.getTime()) % (30 * 60000)).toBe(0);
      }),
    );
  });
});
