import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveTimetable } from "../../../solvers/timetable/index.js";
import { toInstance } from "./planner.js";
import { boardCost, breaksHardConstraint, placementProblems, type Board, type BoardSlot, type Place } from "./rules.js";

/**
 * The planner's mapping checked over random boards with the solver run in-process (the worker
 * only moves the same call to another thread): whatever the board, the timetable it proposes
 * breaks no hard rule of the board, its cost is the cost the board's own rules recompute, pins
 * stay where they are, and a seed always gives the same timetable.
 */
const PEOPLE = ["p0", "p1", "p2", "p3", "p4", "p5"];
const FEATURES = ["projector", "quiet"];

const boards = fc
  .record({
    days: fc.array(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
    areas: fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 5 }), features: fc.subarray(FEATURES) }), { minLength: 1, maxLength: 3 }),
    topics: fc.array(
      fc.record({
        leaders: fc.subarray(PEOPLE, { maxLength: 2 }),
        needs: fc.subarray(FEATURES, { maxLength: 1 }),
        length: fc.integer({ min: 1, max: 2 }),
        interest: fc.subarray(PEOPLE),
        must: fc.subarray(PEOPLE, { maxLength: 2 }),
        unavailable: fc.array(fc.nat(8), { maxLength: 2 }),
        pin: fc.option(fc.record({ area: fc.nat(2), slot: fc.nat(8) }), { freq: 3 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map((r) => {
    const slots: BoardSlot[] = r.days.flatMap((blocked, d) => blocked.map((b, i) => ({ id: `s${d}-${i}`, date: `2014-05-${29 + d}`, start: Date.UTC(2014, 4, 29 + d, 9 + i), end: Date.UTC(2014, 4, 29 + d, 10 + i), blocked: b && i % 2 === 1 })));
    const board: Board = {
      slots,
      areas: r.areas.map((a, i) => ({ id: `a${i}`, label: String(i + 1), capacity: a.capacity, features: a.features })),
      topics: r.topics.map((t, i) => ({
        id: `t${i}`,
        leaders: t.leaders,
        needs: t.needs,
        length: t.length,
        unavailable: t.unavailable.map((n) => slots[n % slots.length]!.id),
        interest: [...new Set([...t.interest, ...t.must])],
        mustAttend: t.must,
      })),
    };
    // Only pins that hold on their own and against the pins before them, as the server keeps them.
    const pins = new Map<string, Place>();
    r.topics.forEach((t, i) => {
      if (!t.pin) return;
      const place = { areaId: `a${t.pin.area % r.areas.length}`, slotId: slots[t.pin.slot % slots.length]!.id };
      const bad = placementProblems(board, pins, `t${i}`, place).some((p) => p.hard || p.kind === "leaderDoubleBooked" || p.kind === "lacksFeature" || p.kind === "leaderUnavailable");
      if (!bad) pins.set(`t${i}`, place);
    });
    return { board, pins, seed: r.seed };
  });

const placementsOf = (result: Awaited<ReturnType<typeof solveTimetable>>) => new Map(result.placements.map((p) => [p.topic, { areaId: p.area, slotId: p.slot }]));

describe("the planner on random boards", () => {
  it("never breaks a hard rule, shows the cost the rules recompute, keeps pins and repeats itself for a seed", async () => {
    await fc.assert(
      fc.asyncProperty(boards, async ({ board, pins, seed }) => {
        // First the board without its last topic, published; then a re-plan with it added.
        const before = { ...board, topics: board.topics.slice(0, -1) };
        const first = await solveTimetable(toInstance(before, pins, new Map()), { seed, timeLimitMs: 20_000 });
        const previous = placementsOf(first);
        const instance = toInstance(board, pins, previous);
        const result = await solveTimetable(instance, { seed, timeLimitMs: 20_000 });
        const placed = placementsOf(result);
        expect(breaksHardConstraint(board, placed)).toEqual([]);
        const cost = boardCost(board, placed, previous);
        expect(cost.total).toBeCloseTo(result.cost, 9);
        expect([cost.clashes, cost.overflow, cost.unplaced, cost.moves]).toEqual([result.breakdown.clashes, result.breakdown.overflow, result.breakdown.unplaced, result.breakdown.moves]);
        for (const [topic, pin] of pins) expect(placed.get(topic)).toEqual(pin);
        const again = await solveTimetable(instance, { seed, timeLimitMs: 20_000 });
        expect(again.placements).toEqual(result.placements);
      }),
      { numRuns: 12, seed: 20140529 },
    );
  }, 120_000);
});
