import { describe, expect, it } from "vitest";
import { groupByKind, groupByYear, placeLine } from "./kinds.js";

describe("grouping", () => {
  const events = [
    { kind: "external" as const, startDate: "2014-03-26", id: "a" },
    { kind: "hackathon" as const, startDate: "2014-05-29", id: "b" },
    { kind: "external" as const, startDate: "2013-04-09", id: "c" },
  ];
  it("groups by kind in a fixed order, keeping order within", () => {
    expect(groupByKind(events).map((g) => [g.kind, g.events.map((e) => e.id)])).toEqual([
      ["hackathon", ["b"]],
      ["external", ["a", "c"]],
    ]);
  });
  it("groups by year, newest first", () => {
    expect(groupByYear(events).map((g) => [g.year, g.events.length])).toEqual([
      ["2014", 2],
      ["2013", 1],
    ]);
  });
});

describe("placeLine", () => {
  it("drops empty parts", () => {
    expect(placeLine({ venue: "", city: "Chicago", country: "" })).toBe("Chicago");
    expect(placeLine({ venue: "Rackspace", city: "Hayes (London)", country: "United Kingdom" }, true)).toBe("Rackspace, Hayes (London), United Kingdom");
  });
});
