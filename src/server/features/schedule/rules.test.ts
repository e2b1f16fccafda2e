import { describe, expect, it } from "vitest";
import { findConflicts, newHardConflicts, type Grid } from "./rules.js";

const H = 3_600_000;
const day = { date: "2030-05-29", start: 9 * H, end: 17 * H };
const grid = (sessions: Grid["sessions"], extra: Partial<Grid> = {}): Grid => ({
  rooms: [
    { id: "a", capacity: 100 },
    { id: "b", capacity: 10 },
  ],
  days: [day],
  blocks: [{ id: "lunch", roomId: null, kind: "break", start: 12 * H, end: 13 * H }],
  speakers: [
    { id: "sam", availability: null },
    { id: "kim", availability: [{ start: 13 * H, end: 17 * H }] },
  ],
  sessions,
  ...extra,
});
const s = (id: string, roomId: string | null, startH: number | null, minutes = 60, speakerIds: string[] = [], expectedAudience: number | null = null) => ({ id, roomId, start: startH === null ? null : startH * H, durationMinutes: minutes, speakerIds, expectedAudience });
const kinds = (g: Grid) => findConflicts(g).map((c) => `${c.kind}:${c.sessionIds.join("+")}`);

describe("the schedule's rules", () => {
  it("finds room overlaps and double-booked speakers, hard, and ignores unscheduled sessions", () => {
    expect(kinds(grid([s("x", "a", 9), s("y", "a", 9.5), s("z", null, null, 60, ["sam"])]))).toEqual(["roomOverlap:x+y"]);
    expect(kinds(grid([s("x", "a", 9, 60, ["sam"]), s("y", "b", 9.5, 60, ["sam"])]))).toEqual(["speakerDoubleBooked:x+y"]);
    // Back to back is not an overlap.
    expect(kinds(grid([s("x", "a", 9, 60, ["sam"]), s("y", "a", 10, 60, ["sam"])]))).toEqual([]);
  });

  it("knows availability, breaks, slots, day hours and room sizes", () => {
    expect(kinds(grid([s("x", "a", 10, 60, ["kim"])]))).toEqual(["speakerUnavailable:x"]);
    expect(kinds(grid([s("x", "a", 12.5)]))).toEqual(["roomBlocked:x"]);
    const overrun = findConflicts(grid([s("x", "a", 11.5, 60)]));
    expect(overrun).toMatchObject([{ kind: "overrunsSlot", hard: false, count: 30 }]);
    expect(kinds(grid([s("x", "a", 18)]))).toEqual(["outsideDays:x"]);
    expect(findConflicts(grid([s("x", "b", 9, 60, [], 40)]))).toMatchObject([{ kind: "roomTooSmall", count: 40, capacity: 10 }]);
  });

  it("warns of a topic clash when enough people marked two sessions at the same time", () => {
    const g = grid([s("x", "a", 9), s("y", "b", 9.5)], { coFavourites: [["x", "y", 5]] });
    expect(findConflicts(g)).toMatchObject([{ kind: "topicClash", hard: false, count: 5 }]);
    expect(findConflicts({ ...g, coFavourites: [["x", "y", 1]] })).toEqual([]);
  });

  it("calls a move refused only for the hard conflicts it brings", () => {
    const before = findConflicts(grid([s("x", "a", 9), s("y", "a", 9.5), s("z", "b", 9)]));
    const after = findConflicts(grid([s("x", "a", 9), s("y", "a", 9.5), s("z", "a", 9.25)]));
    expect(newHardConflicts(before, after).map((c) => c.sessionIds.sort().join("+"))).toEqual(["x+z", "y+z"]);
  });
});
