import { describe, expect, it } from "vitest";
import { parseTimetableInstance } from "./parse.js";

const valid = () => ({
  slots: [
    { id: "d1-1", day: "2014-05-29", start: "09:30", end: "10:30" },
    { id: "d1-2", day: "2014-05-29", start: "10:30", end: "11:30" },
    { id: "d2-1", day: "2014-05-30", start: "09:30", end: "10:30" },
  ],
  areas: [{ id: "1", capacity: 20, features: ["projector"] }],
  topics: [{ id: "xengt", leaders: ["lv"], length: 1, needs: ["projector"], unavailable: ["d1-1"], pinned: { area: "1", slot: "d1-2" } }, { id: "arm-abi" }],
  interest: [{ person: "p17", topics: ["xengt", "arm-abi"] }],
  previous: [{ topic: "xengt", area: "1", slot: "d1-2" }],
});

function error(mutate: (x: ReturnType<typeof valid> & Record<string, unknown>) => void): string {
  const input = valid() as ReturnType<typeof valid> & Record<string, unknown>;
  mutate(input);
  try {
    parseTimetableInstance(input);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("parsed without complaint");
}

describe("parseTimetableInstance", () => {
  it("accepts the format's example with defaults filled in and unknown fields ignored", () => {
    const inst = parseTimetableInstance({ ...valid(), colour: "blue" });
    expect(inst.moveCost).toBe(0.5);
    expect(inst.topics[1]).toEqual({ id: "arm-abi", leaders: [], length: 1, needs: [], unavailable: [] });
  });

  it("rejects input that is not an object", () => {
    expect(() => parseTimetableInstance([])).toThrow("input: must be an object, got []");
  });

  it.each([
    ["missing slots", (x: Record<string, unknown>) => delete x.slots, "slots: must be an array, got nothing"],
    ["a numeric capacity given as text", (x: ReturnType<typeof valid>) => Object.assign(x.areas[0]!, { capacity: "20" }), 'areas[0].capacity: must be a number ≥ 0, got "20"'],
    ["a numeric topic id", (x: ReturnType<typeof valid>) => Object.assign(x.topics[1]!, { id: 7 }), "topics[1].id: must be a non-empty string, got 7"],
    ["a fractional length", (x: ReturnType<typeof valid>) => Object.assign(x.topics[1]!, { length: 1.5 }), "topics[1].length: must be a whole number ≥ 1, got 1.5"],
    ["leaders not a list", (x: ReturnType<typeof valid>) => Object.assign(x.topics[0]!, { leaders: "lv" }), 'topics[0].leaders: must be an array, got "lv"'],
    ["a negative moveCost", (x: Record<string, unknown>) => (x.moveCost = -1), "moveCost: must be a number ≥ 0, got -1"],
    ["a bad start time", (x: ReturnType<typeof valid>) => (x.slots[0]!.start = "9h30"), 'slots[0].start: must be a time like "09:30", got "9h30"'],
  ])("rejects %s", (_, mutate, message) => {
    expect(error(mutate as (x: unknown) => void)).toBe(message);
  });

  it.each([
    ["slot ids", (x: ReturnType<typeof valid>) => (x.slots[2]!.id = "d1-1"), "slots[2].id: duplicate id 'd1-1' (also slots[0])"],
    ["area ids", (x: ReturnType<typeof valid>) => x.areas.push({ id: "1", capacity: 3, features: [] }), "areas[1].id: duplicate id '1' (also areas[0])"],
    ["topic ids", (x: ReturnType<typeof valid>) => (x.topics[1]!.id = "xengt"), "topics[1].id: duplicate id 'xengt' (also topics[0])"],
    ["topics in previous", (x: ReturnType<typeof valid>) => x.previous.push({ topic: "xengt", area: "1", slot: "d2-1" }), "previous[1].topic: topic 'xengt' is already placed by previous[0]"],
  ])("rejects duplicate %s", (_, mutate, message) => {
    expect(error(mutate as (x: unknown) => void)).toBe(message);
  });

  it.each([
    ["pinned area", (x: ReturnType<typeof valid>) => (x.topics[0]!.pinned!.area = "9"), "topics[0].pinned.area: unknown area '9'"],
    ["pinned slot", (x: ReturnType<typeof valid>) => (x.topics[0]!.pinned!.slot = "d9"), "topics[0].pinned.slot: unknown slot 'd9'"],
    ["unavailable slot", (x: ReturnType<typeof valid>) => x.topics[0]!.unavailable!.push("d7"), "topics[0].unavailable[1]: unknown slot 'd7'"],
    ["previous area", (x: ReturnType<typeof valid>) => (x.previous[0]!.area = "2"), "previous[0].area: unknown area '2'"],
    ["previous slot", (x: ReturnType<typeof valid>) => (x.previous[0]!.slot = "x"), "previous[0].slot: unknown slot 'x'"],
    ["previous topic", (x: ReturnType<typeof valid>) => (x.previous[0]!.topic = "nope"), "previous[0].topic: unknown topic 'nope'"],
    ["interesting topic", (x: ReturnType<typeof valid>) => x.interest[0]!.topics.push("gone"), "interest[0].topics[2]: unknown topic 'gone'"],
  ])("rejects an unknown %s", (_, mutate, message) => {
    expect(error(mutate as (x: unknown) => void)).toBe(message);
  });

  it("reads how many people an interest entry stands for, and rejects anything but a whole number from 1", () => {
    expect(parseTimetableInstance({ ...valid(), interest: [{ person: "a", topics: ["xengt"], people: 40 }] }).interest[0]!.people).toBe(40);
    for (const people of [0, 1.5, "3", -2]) expect(error((x) => Object.assign(x.interest[0]!, { people }))).toMatch(/^interest\[0\]\.people: must be a whole number from 1/);
  });

  it("rejects a topic longer than any day", () => {
    expect(error((x) => Object.assign(x.topics[1]!, { length: 3 }))).toBe("topics[1].length: 3 slots is longer than any day (the longest has 2)");
  });

  it("rejects pins that cannot hold on their own", () => {
    expect(error((x) => (x.topics[0]!.pinned!.slot = "d1-1"))).toBe("topics[0].pinned.slot: the topic is unavailable in slot 'd1-1', which the pin occupies");
    expect(error((x) => Object.assign(x.topics[0]!, { length: 2, pinned: { area: "1", slot: "d1-2" } }))).toBe("topics[0].pinned.slot: a topic of length 2 starting at 'd1-2' runs past the end of day 2014-05-29");
    expect(error((x) => (x.topics[0]!.needs = ["gpu"]))).toBe("topics[0].pinned.area: area '1' lacks 'gpu', which the topic needs");
  });

  it("rejects slots of one day that overlap in time", () => {
    expect(error((x) => (x.slots[1]!.start = "10:00"))).toBe("slots[1].start: slot 'd1-2' overlaps slot 'd1-1' on 2014-05-29");
  });
});
