import { describe, expect, it } from "vitest";
import { groupByYear, placeLine } from "./kinds.js";

describe("grouping", () => {
  const events = [
    { kind: "external" as const, startDate: "2014-03-26", id: "a" },
    { kind: "hackathon" as const, startDate: "2014-05-29", id: "b" },
    { kind: "external" as const, startDate: "2013-04-09", id: "c" },
  ];
  it("groups by year, newest first", () => {
    expect(groupByYear(events).map((g) => [g.year, g.events.length])).toEqual([
      ["2014", 2],
      ["2013", 1],
    ]);
  });
  it("keeps a most-recent-first list in date order within each year, whatever the kinds", () => {
    const past = [
      { kind: "conference" as const, startDate: "2014-08-18", id: "aug" },
      { kind: "hackathon" as const, startDate: "2014-05-29", id: "may" },
      { kind: "external" as const, startDate: "2014-03-26", id: "mar" },
      { kind: "external" as const, startDate: "2013-10-24", id: "oct13" },
    ];
    expect(groupByYear(past).map((g) => [g.year, g.events.map((e) => e.id)])).toEqual([
      ["2014", ["aug", "may", "mar"]],
      ["2013", ["oct13"]],
    ]);
  });
});

describe("placeLine", () => {
  it("drops empty parts", () => {
    expect(placeLine({ venue: "", city: "Chicago", country: "" })).toBe("Chicago");
    expect(placeLine({ venue: "Rackspace", city: "Hayes (London)", country: "United Kingdom" }, true)).toBe("Rackspace, Hayes (London), United Kingdom");
  });
});
