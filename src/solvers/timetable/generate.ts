/**
 * Seeded unconference days with realistic structure, for the benchmark and for tests that need
 * more than a handful of topics: skewed popularity, 3–8 interests a person, a few people leading
 * two topics, some needs, unavailable slots and pins.
 */
import { rng } from "./heuristic.js";
import type { SlotSpec, TimetableInstance } from "./types.js";

export interface GenSpec {
  topics: number;
  areas: number;
  days: number;
  slotsPerDay: number;
  people: number;
  seed: number;
}

export function generateTimetable(g: GenSpec): TimetableInstance {
  const random = rng(g.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const slots: SlotSpec[] = [];
  for (let d = 1; d <= g.days; d++) {
    for (let k = 0; k < g.slotsPerDay; k++) {
      slots.push({ id: `d${d}-${k + 1}`, day: `2026-05-${String(27 + d).padStart(2, "0")}`, start: `${String(9 + k).padStart(2, "0")}:00`, end: `${String(10 + k).padStart(2, "0")}:00` });
    }
  }
  const areas = Array.from({ length: g.areas }, (_, a) => {
    const features = [];
    if (random() < 0.7) features.push("projector");
    if (random() < 0.4) features.push("whiteboard");
    if (a % 7 === 3) features.push("gpu");
    return { id: String(a + 1), capacity: pick([8, 12, 15, 20, 25, 30, 40, 60]), features };
  });
  const leaderPool = Array.from({ length: Math.ceil(g.topics * 0.85) }, (_, i) => `lead${i}`);
  const topics = Array.from({ length: g.topics }, (_, t) => {
    const leaders = [t < leaderPool.length ? leaderPool[t]! : pick(leaderPool)];
    if (random() < 0.08) leaders.push(pick(leaderPool));
    const needs = [];
    if (random() < 0.2) needs.push("projector");
    if (random() < 0.04) needs.push("gpu");
    const unavailable = random() < 0.1 ? [...new Set(Array.from({ length: int(1, 3) }, () => pick(slots).id))] : [];
    return { id: `topic-${t}`, leaders: [...new Set(leaders)], length: random() < 0.08 ? 2 : 1, needs, unavailable };
  });
  const weight = topics.map((_, t) => 1 / Math.pow(t + 3, 0.8));
  const order = topics.map((_, t) => t).sort(() => random() - 0.5);
  const total = weight.reduce((a, b) => a + b, 0);
  const interest = Array.from({ length: g.people }, (_, p) => {
    const chosen = new Set<number>();
    const k = Math.min(int(3, 8), g.topics);
    while (chosen.size < k) {
      let r = random() * total;
      let i = 0;
      while (i < weight.length - 1 && (r -= weight[i]!) > 0) i++;
      chosen.add(order[i]!);
    }
    return { person: `p${p}`, topics: [...chosen].map((t) => topics[t]!.id) };
  });
  // Pins only where no earlier pin sits and where the topic's needs and leaders allow.
  const used = new Set<string>();
  for (const topic of topics) {
    if (random() >= 0.03 || topic.length > 1) continue;
    const area = areas.find((a) => topic.needs.every((n) => a.features.includes(n)) && random() < 0.5);
    const slot = pick(slots);
    if (!area || used.has(`${area.id}/${slot.id}`) || topic.unavailable.includes(slot.id) || topic.leaders.some((l) => used.has(`${l}/${slot.id}`))) continue;
    used.add(`${area.id}/${slot.id}`);
    for (const l of topic.leaders) used.add(`${l}/${slot.id}`);
    Object.assign(topic, { pinned: { area: area.id, slot: slot.id } });
  }
  return { slots, areas, topics, interest, previous: [], moveCost: 0.5 };
}
