import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capacityBound, lagrangianBound, roundUp } from "./bound.js";
import { evaluate } from "./cost.js";
import { generateTimetable } from "./generate.js";
import { anneal, construct } from "./heuristic.js";
import { solveTimetable } from "./index.js";
import { compile } from "./model.js";
import { parseTimetableInstance } from "./parse.js";
import type { CostBreakdown, Placement, SlotSpec, TimetableInstance, TimetableResult } from "./types.js";

// --- An independent checker: it works from the JSON alone and shares no code with the solver. ---

function slotTimeline(inst: TimetableInstance): { day: string; index: number }[] {
  const order = inst.slots.map((s, i) => i).sort((a, b) => {
    const x = inst.slots[a]!;
    const y = inst.slots[b]!;
    return x.day.localeCompare(y.day) || x.start!.localeCompare(y.start!);
  });
  return order.map((i) => ({ day: inst.slots[i]!.day, index: i }));
}

/** Slot ids a placement occupies, or an error when it runs past the end of its day. */
function span(inst: TimetableInstance, topicLength: number, slot: string): string[] {
  const line = slotTimeline(inst);
  const at = line.findIndex((x) => inst.slots[x.index]!.id === slot);
  const out: string[] = [];
  for (let k = 0; k < topicLength; k++) {
    const x = line[at + k];
    if (!x || x.day !== line[at]!.day) throw new Error(`placement at ${slot} runs past the day`);
    out.push(inst.slots[x.index]!.id);
  }
  return out;
}

function checkHard(inst: TimetableInstance, placements: readonly Placement[]): string | undefined {
  const cells = new Set<string>();
  const leaderAt = new Set<string>();
  const seen = new Set<string>();
  for (const p of placements) {
    const topic = inst.topics.find((t) => t.id === p.topic);
    const area = inst.areas.find((a) => a.id === p.area);
    if (!topic || !area) return `unknown topic or area in ${JSON.stringify(p)}`;
    if (seen.has(p.topic)) return `${p.topic} placed twice`;
    seen.add(p.topic);
    if (!topic.needs.every((n) => area.features.includes(n))) return `${p.topic} lacks needs in ${p.area}`;
    let slots: string[];
    try {
      slots = span(inst, topic.length, p.slot);
    } catch (e) {
      return (e as Error).message;
    }
    for (const s of slots) {
      if (topic.unavailable.includes(s)) return `${p.topic} placed in unavailable ${s}`;
      if (cells.has(`${p.area}/${s}`)) return `two topics in ${p.area}/${s}`;
      cells.add(`${p.area}/${s}`);
      for (const l of topic.leaders) {
        if (leaderAt.has(`${l}/${s}`)) return `leader ${l} twice at ${s}`;
        leaderAt.add(`${l}/${s}`);
      }
    }
  }
  return undefined;
}

function checkCost(inst: TimetableInstance, placements: readonly Placement[]): { cost: number; breakdown: CostBreakdown } {
  const where = new Map(placements.map((p) => [p.topic, p]));
  const occupied = (id: string) => {
    const p = where.get(id);
    return p ? span(inst, inst.topics.find((t) => t.id === id)!.length, p.slot) : [];
  };
  // A person listed twice is one person, standing for the most people (`people`) any entry says.
  const people = new Map<string, Set<string>>();
  const weight = new Map<string, number>();
  for (const e of inst.interest) {
    people.set(e.person, new Set([...(people.get(e.person) ?? []), ...e.topics]));
    weight.set(e.person, Math.max(weight.get(e.person) ?? 1, e.people ?? 1));
  }
  const b: CostBreakdown = { clashes: 0, overflow: 0, unplaced: 0, moves: 0 };
  for (const [person, set] of people) {
    const list = [...set];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = occupied(list[i]!);
        if (occupied(list[j]!).some((s) => a.includes(s))) b.clashes += weight.get(person)!;
      }
    }
  }
  for (const topic of inst.topics) {
    const n = [...people].filter(([, s]) => s.has(topic.id)).reduce((sum, [person]) => sum + weight.get(person)!, 0);
    const p = where.get(topic.id);
    if (p) b.overflow += Math.max(0, n - inst.areas.find((a) => a.id === p.area)!.capacity);
    else b.unplaced += n + 1;
    const before = inst.previous.find((q) => q.topic === topic.id);
    if (before && (!p || p.area !== before.area || p.slot !== before.slot)) b.moves += inst.moveCost;
  }
  return { cost: b.clashes + b.overflow + b.unplaced + b.moves, breakdown: b };
}

/** Every assignment of every topic to (area, slot) or nothing; only for a handful of topics. */
function bruteForce(inst: TimetableInstance): number {
  const options: (Placement | undefined)[] = [undefined];
  for (const a of inst.areas) for (const s of inst.slots) options.push({ topic: "", area: a.id, slot: s.id });
  let best = Infinity;
  const chosen: Placement[] = [];
  const go = (t: number) => {
    if (t === inst.topics.length) {
      if (!checkHard(inst, chosen)) best = Math.min(best, checkCost(inst, chosen).cost);
      return;
    }
    const topic = inst.topics[t]!;
    for (const o of options) {
      if (topic.pinned && (!o || o.area !== topic.pinned.area || o.slot !== topic.pinned.slot)) continue;
      if (o) chosen.push({ ...o, topic: topic.id });
      if (!checkHard(inst, chosen)) go(t + 1);
      if (o) chosen.pop();
    }
  };
  go(0);
  return best;
}

// --- Random instances: small enough to brute-force, with every kind of constraint present. ---

const FEATURES = ["gpu", "projector"];
const raw = (maxTopics: number) =>
  fc.record({
    days: fc.integer({ min: 1, max: 2 }),
    perDay: fc.integer({ min: 1, max: 3 }),
    areas: fc.array(fc.record({ capacity: fc.integer({ min: 0, max: 3 }), features: fc.subarray(FEATURES) }), { minLength: 1, maxLength: 2 }),
    topics: fc.array(
      fc.record({
        leaders: fc.subarray(["ann", "bob", "cy"], { maxLength: 2 }),
        length: fc.integer({ min: 1, max: 2 }),
        needs: fc.subarray(FEATURES, { maxLength: 1 }),
        unavailable: fc.array(fc.nat(9), { maxLength: 2 }),
        pin: fc.option(fc.record({ area: fc.nat(3), slot: fc.nat(9) }), { freq: 4 }),
        previous: fc.option(fc.record({ area: fc.nat(3), slot: fc.nat(9) }), { freq: 3 }),
      }),
      { maxLength: maxTopics },
    ),
    people: fc.array(fc.array(fc.nat(9), { maxLength: 4 }), { maxLength: 7 }),
    moveCost: fc.constantFrom(0.5, 1, 2),
  });

type RawInstance = ReturnType<typeof raw> extends fc.Arbitrary<infer R> ? R : never;

function build(r: RawInstance): TimetableInstance {
  const slots: SlotSpec[] = [];
  for (let d = 0; d < r.days; d++) for (let k = 0; k < r.perDay; k++) slots.push({ id: `s${d}${k}`, day: `2026-01-0${d + 1}`, start: `1${k}:00` });
  const areas = r.areas.map((a, i) => ({ id: `a${i}`, ...a }));
  const slotAt = (n: number) => slots[n % slots.length]!.id;
  const topics = r.topics.map((t, i) => {
    const topic: TimetableInstance["topics"][number] = { id: `t${i}`, leaders: t.leaders, length: Math.min(t.length, r.perDay), needs: t.needs, unavailable: [...new Set(t.unavailable.map(slotAt))] };
    if (t.pin) {
      const area = areas[t.pin.area % areas.length]!;
      const slot = slotAt(t.pin.slot);
      const pos = slots.findIndex((s) => s.id === slot);
      const fitsDay = (pos % r.perDay) + topic.length <= r.perDay;
      const free = fitsDay && slots.slice(pos, pos + topic.length).every((s) => !topic.unavailable.includes(s.id));
      if (free && topic.needs.every((n) => area.features.includes(n))) topic.pinned = { area: area.id, slot };
    }
    return topic;
  });
  const previous = r.topics.flatMap((t, i) => (t.previous ? [{ topic: `t${i}`, area: areas[t.previous.area % areas.length]!.id, slot: slotAt(t.previous.slot) }] : []));
  // Some entries stand for several people (a block of an expected audience), some persons are listed twice.
  const interest = topics.length ? r.people.map((p, i) => ({ person: `p${i % 5}`, topics: p.map((n) => topics[n % topics.length]!.id), ...(i % 3 === 2 ? { people: 1 + (p.length % 4) } : {}) })) : [];
  return parseTimetableInstance({ slots, areas, topics, interest, previous, moveCost: r.moveCost });
}

const tiny = raw(4).map(build);
const small = raw(9).map(build);

function expectValid(inst: TimetableInstance, res: TimetableResult): void {
  expect(checkHard(inst, res.placements)).toBeUndefined();
  expect(new Set([...res.placements.map((p) => p.topic), ...res.unplaced.map((u) => u.topic)]).size).toBe(inst.topics.length);
  expect(res.placements.length + res.unplaced.length).toBe(inst.topics.length);
  const { cost, breakdown } = checkCost(inst, res.placements);
  expect(res.cost).toBeCloseTo(cost, 9);
  for (const k of ["clashes", "overflow", "unplaced", "moves"] as const) expect(res.breakdown[k]).toBeCloseTo(breakdown[k], 9);
  expect(res.lowerBound!).toBeLessThanOrEqual(res.cost + 1e-9);
  for (const u of res.unplaced) expect(u.reason.length).toBeGreaterThan(5);
  for (const t of inst.topics) {
    if (!t.pinned) continue;
    const p = res.placements.find((x) => x.topic === t.id);
    // A pin is only ever dropped when it collides with an earlier pin, and then the result says so.
    if (p) expect({ area: p.area, slot: p.slot }).toEqual(t.pinned);
    else expect(res.status).toBe("infeasible");
  }
}

describe("solveTimetable", () => {
  it("keeps every hard constraint and reports the cost an independent checker computes", async () => {
    await fc.assert(
      fc.asyncProperty(small, fc.nat(1000), async (inst, seed) => {
        const res = await solveTimetable(inst, { seed, timeLimitMs: 5000 });
        expectValid(inst, res);
        // The reported bound is the proven optimum here; the bound used on bigger days must not exceed it.
        const m = compile(inst);
        if (res.stats.exact === "optimal") expect(roundUp(m, lagrangianBound(m, res.cost, 200))).toBeLessThanOrEqual(res.cost + 1e-9);
      }),
      { numRuns: 120 },
    );
  });

  it("finds the brute-force optimum on tiny instances, and its lower bound does not exceed it", async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async (inst) => {
        const res = await solveTimetable(inst, { seed: 3, timeLimitMs: 5000 });
        expectValid(inst, res);
        const optimum = bruteForce(inst);
        // No timetable keeps every pin exactly when two pins collide; the solver then drops the later one.
        if (optimum === Infinity) {
          expect(res.status).toBe("infeasible");
        } else {
          expect(res.status).toBe("optimal");
          expect(res.cost).toBeCloseTo(optimum, 9);
          expect(res.lowerBound!).toBeLessThanOrEqual(optimum + 1e-9);
          // The reported bound comes from the exact solve here, so check the cheaper bounds directly.
          const m = compile(inst);
          expect(roundUp(m, capacityBound(m))).toBeLessThanOrEqual(optimum + 1e-9);
          // Step sizes aim at the upper value given; whatever it is, the bound must stay valid.
          for (const upper of [optimum, optimum * 3 + 10]) expect(roundUp(m, lagrangianBound(m, upper, 200))).toBeLessThanOrEqual(optimum + 1e-9);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("anneals to a timetable whose incrementally tracked cost matches a full recount", async () => {
    await fc.assert(
      fc.asyncProperty(small, fc.nat(1000), async (inst, seed) => {
        const m = compile(inst);
        const tt = construct(m);
        const r = await anneal(tt, { seed, iterations: 3000, startTemperature: 3, endTemperature: 0.05, deadline: Infinity });
        expect(evaluate(m, tt.at).cost).toBeCloseTo(tt.cost, 6);
        expect(evaluate(m, r.best).cost).toBeCloseTo(r.bestCost, 6);
        expect(checkHard(inst, [...r.best].flatMap((p, t) => (p < 0 ? [] : [{ topic: inst.topics[t]!.id, area: inst.areas[Math.floor(p / m.S)]!.id, slot: inst.slots[m.slotOf[p % m.S]!]!.id }])))).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });

  it("prices a swap or ejection without applying it exactly as applying it would", async () => {
    await fc.assert(
      fc.asyncProperty(small, fc.nat(1000), async (inst, seed) => {
        const m = compile(inst);
        const tt = construct(m);
        await anneal(tt, { seed, iterations: 200, startTemperature: 5, endTemperature: 5, deadline: Infinity });
        for (let t = 0; t < m.T; t++) {
          if (m.pin[t]! >= 0 || m.pinRejected.has(t)) continue;
          for (let u = 0; u < m.T; u++) {
            const p = tt.at[u]!;
            if (u === t || p < 0 || m.pin[u]! >= 0 || !tt.fastExchange(t, u)) continue;
            const x = tt.exchange(t, u, p);
            if (!x) continue;
            const cur = tt.at[t]!;
            const before = tt.cost;
            tt.remove(u);
            if (cur >= 0) tt.remove(t);
            expect(tt.fits(t, p)).toBe(true);
            tt.place(t, p);
            if (x.swap) {
              expect(tt.fits(u, cur)).toBe(true);
              tt.place(u, cur);
            }
            expect(tt.cost - before).toBeCloseTo(x.delta, 9);
            expect(evaluate(m, tt.at).cost).toBeCloseTo(tt.cost, 9);
            if (x.swap) tt.remove(u);
            tt.remove(t);
            if (cur >= 0) tt.place(t, cur);
            tt.place(u, p);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same timetable for the same seed", async () => {
    await fc.assert(
      fc.asyncProperty(small, fc.nat(1000), async (inst, seed) => {
        const a = await solveTimetable(inst, { seed, timeLimitMs: 5000 });
        const b = await solveTimetable(inst, { seed, timeLimitMs: 5000 });
        expect({ ...b, stats: undefined }).toEqual({ ...a, stats: undefined });
      }),
      { numRuns: 30 },
    );
  });
});

describe("re-planning", () => {
  it("repairs the previous timetable, moving fewer than 5 other topics to fit one more in", async () => {
    const day = generateTimetable({ topics: 80, areas: 6, days: 2, slotsPerDay: 6, people: 400, seed: 3 });
    const first = await solveTimetable(day, { seed: 1, timeLimitMs: 10_000 });
    // Too big for the exact phase, so this also shows that annealing itself is reproducible.
    expect(first.stats.exact).toBe("skipped");
    expect({ ...(await solveTimetable(day, { seed: 1, timeLimitMs: 10_000 })), stats: undefined }).toEqual({ ...first, stats: undefined });
    const next: TimetableInstance = {
      ...day,
      topics: [...day.topics, { id: "late", leaders: ["newcomer"], length: 1, needs: [], unavailable: [] }],
      interest: day.interest.map((e, i) => (i % 8 === 0 ? { ...e, topics: [...e.topics, "late"] } : e)),
      previous: first.placements,
    };
    const again = await solveTimetable(next, { seed: 1, timeLimitMs: 10_000 });
    expectValid(next, again);
    const was = new Map(first.placements.map((p) => [p.topic, `${p.area}/${p.slot}`]));
    const now = new Map(again.placements.map((p) => [p.topic, `${p.area}/${p.slot}`]));
    const moved = day.topics.filter((t) => was.get(t.id) !== now.get(t.id));
    expect(now.has("late")).toBe(true);
    expect(moved.length).toBeLessThan(5);
  });
});

describe("unplaced reasons", () => {
  const base = { slots: [{ id: "m", day: "d", start: "09:00" }, { id: "n", day: "d", start: "10:00" }], areas: [{ id: "1", capacity: 9, features: ["projector"] }] };

  it("names a feature no area has", async () => {
    const inst = parseTimetableInstance({ ...base, topics: [{ id: "cuda", needs: ["gpu"] }] });
    const res = await solveTimetable(inst, { seed: 1 });
    expect(res.unplaced).toEqual([{ topic: "cuda", reason: "no area has feature 'gpu'" }]);
  });

  const twoAreas = { ...base, areas: [...base.areas, { id: "2", capacity: 9, features: [] }] };
  const pinnedLv = [
    { id: "a", leaders: ["lv"], pinned: { area: "1", slot: "m" } },
    { id: "b", leaders: ["lv"], pinned: { area: "1", slot: "n" } },
  ];

  it("names the needed feature when every area that has it is taken", async () => {
    const inst = parseTimetableInstance({ ...twoAreas, topics: [...pinnedLv, { id: "c", needs: ["projector"] }] });
    const res = await solveTimetable(inst, { seed: 1 });
    expect(res.unplaced).toEqual([{ topic: "c", reason: "every area with feature 'projector' is taken at every time it can run" }]);
  });

  it("names a leader who is busy whenever an area is free", async () => {
    const inst = parseTimetableInstance({ ...twoAreas, topics: [...pinnedLv, { id: "c", leaders: ["lv"] }] });
    const res = await solveTimetable(inst, { seed: 1 });
    expect(res.unplaced).toEqual([{ topic: "c", reason: "its leader 'lv' leads 2 other topics at every time an area is free" }]);
  });

  it("says when leaving a topic out is cheaper than any free place", async () => {
    const inst = parseTimetableInstance({
      slots: [base.slots[0]],
      areas: [
        { id: "1", capacity: 0, features: [] },
        { id: "2", capacity: 0, features: [] },
      ],
      topics: [{ id: "a" }, { id: "b" }],
      interest: ["p", "q"].map((person) => ({ person, topics: ["a", "b"] })),
    });
    const res = await solveTimetable(inst, { seed: 1 });
    expect(res).toMatchObject({ status: "optimal", cost: 5, breakdown: { clashes: 0, overflow: 2, unplaced: 3, moves: 0 } });
    expect(res.unplaced.map((u) => u.reason)).toEqual(["leaving it out costs 3, less than the 4 in clashes and overflow it would cause in the best free place"]);
  });

  it("explains a pin that collides with an earlier pin and reports the timetable infeasible", async () => {
    const inst = parseTimetableInstance({
      ...base,
      topics: [
        { id: "a", pinned: { area: "1", slot: "m" } },
        { id: "b", pinned: { area: "1", slot: "m" } },
      ],
    });
    const res = await solveTimetable(inst, { seed: 1 });
    expect(res.status).toBe("infeasible");
    expect(res.placements).toEqual([{ topic: "a", area: "1", slot: "m" }]);
    expect(res.unplaced).toEqual([{ topic: "b", reason: "pinned to area '1' at slot 'm', where 'a' is already pinned" }]);
  });
});
