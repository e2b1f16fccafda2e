import { orderSlots } from "./parse.js";
import type { TimetableInstance } from "./types.js";

/**
 * The instance compiled to integer indices. Slots are renumbered in time order so that a topic of
 * length L at start s occupies s..s+L-1. A position is encoded as `area * S + start`.
 */
export interface Model {
  instance: TimetableInstance;
  T: number;
  A: number;
  S: number;
  /** Model slot → index into instance.slots. */
  slotOf: Int32Array;
  /** Exclusive end of the day the slot belongs to. */
  dayEnd: Int32Array;
  len: Int32Array;
  interested: Int32Array;
  unplacedCost: Float64Array;
  /** overflow[t * A + a] = max(0, interested(t) − capacity(a)). */
  overflow: Float64Array;
  /** canStart[(t * A + a) * S + s]: needs, unavailability and day end allow t at (a, s). */
  canStart: Uint8Array;
  posStart: Int32Array;
  pos: Int32Array;
  /** Co-interest: for t, nbr[nbrStart[t]..nbrStart[t+1]) with weights = people interested in both. */
  nbrStart: Int32Array;
  nbr: Int32Array;
  nbrW: Float64Array;
  /** Dense copy of the co-interest weights when T² is small enough, for O(1) pair lookups. */
  pairW: Float32Array | undefined;
  leaderStart: Int32Array;
  leaders: Int32Array;
  leaderNames: string[];
  /** Pinned position, or -1 (also -1 for a pin dropped because it conflicts with an earlier one). */
  pin: Int32Array;
  pinRejected: Map<number, string>;
  /** Position in `previous`, or -1 when the topic was not in it. */
  prev: Int32Array;
  moveCost: number;
}

const DENSE_MAX_TOPICS = 1500;

function denseWeights(T: number, nbrStart: Int32Array, nbr: Int32Array, nbrW: Float64Array): Float32Array {
  const w = new Float32Array(T * T);
  for (let t = 0; t < T; t++) for (let k = nbrStart[t]!; k < nbrStart[t + 1]!; k++) w[t * T + nbr[k]!] = nbrW[k]!;
  return w;
}

export function weight(m: Model, t: number, u: number): number {
  if (m.pairW) return m.pairW[t * m.T + u]!;
  for (let k = m.nbrStart[t]!; k < m.nbrStart[t + 1]!; k++) if (m.nbr[k] === u) return m.nbrW[k]!;
  return 0;
}

export function compile(instance: TimetableInstance): Model {
  const { slots, areas, topics } = instance;
  const T = topics.length;
  const A = areas.length;
  const S = slots.length;
  const slotOf = Int32Array.from(orderSlots(slots));
  const rank = new Int32Array(S);
  slotOf.forEach((slot, r) => (rank[slot] = r));
  const dayEnd = new Int32Array(S);
  for (let r = S - 1; r >= 0; r--) {
    const sameDayAsNext = r + 1 < S && slots[slotOf[r + 1]!]!.day === slots[slotOf[r]!]!.day;
    dayEnd[r] = sameDayAsNext ? dayEnd[r + 1]! : r + 1;
  }
  const topicIndex = new Map(topics.map((t, i) => [t.id, i]));
  const areaIndex = new Map(areas.map((a, i) => [a.id, i]));
  const slotRankById = new Map(slots.map((s, i) => [s.id, rank[i]!]));

  // Plain arrays, made unique only when a person lists more than one topic. A person listed twice
  // is one person, standing for the most people any of their entries says.
  const people = new Map<string, { topics: number[]; n: number }>();
  for (const entry of instance.interest) {
    const ids = entry.topics.map((id) => topicIndex.get(id)!);
    const seen = people.get(entry.person);
    if (seen) {
      seen.topics.push(...ids);
      seen.n = Math.max(seen.n, entry.people ?? 1);
    } else people.set(entry.person, { topics: ids, n: entry.people ?? 1 });
  }
  const persons = [...people.values()].map((p) => (p.topics.length > 1 ? { topics: [...new Set(p.topics)], n: p.n } : p));
  // Co-interest pairs as sorted keys t * T + u, counted by runs: no hash map, which at thousands of
  // people dominated compile time. An entry standing for n people adds its pairs n times over (rare: a block of identical people).
  const interested = new Int32Array(T);
  const heavy = new Map<number, number>();
  let pairs = 0;
  for (const p of persons) if (p.n === 1) pairs += p.topics.length * (p.topics.length - 1);
  const keys = new Float64Array(pairs);
  let n = 0;
  for (const { topics: list, n: w } of persons) {
    for (const t of list) {
      interested[t]! += w;
      for (const u of list) {
        if (t === u) continue;
        if (w === 1) keys[n++] = t * T + u;
        else heavy.set(t * T + u, (heavy.get(t * T + u) ?? 0) + w);
      }
    }
  }
  // Each heavy pair joins the sorted keys once, carrying its people as extra weight.
  const all = heavy.size ? Float64Array.from([...keys, ...heavy.keys()]) : keys;
  all.sort();
  const nbrStart = new Int32Array(T + 1);
  const nbrList: number[] = [];
  const weightList: number[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j] === all[i]) j++;
    const key = all[i]!;
    const t = Math.floor(key / T);
    nbrStart[t + 1]!++;
    nbrList.push(key - t * T);
    const h = heavy.get(key);
    weightList.push(h === undefined ? j - i : j - i - 1 + h);
    i = j;
  }
  for (let t = 0; t < T; t++) nbrStart[t + 1]! += nbrStart[t]!;
  const nbr = Int32Array.from(nbrList);
  const nbrW = Float64Array.from(weightList);

  const len = Int32Array.from(topics, (t) => t.length);
  const unplacedCost = Float64Array.from(interested, (n) => n + 1);
  const overflow = new Float64Array(T * A);
  const canStart = new Uint8Array(T * A * S);
  // Positions straight into typed arrays (counted, then listed from canStart): at 1,000 topics in
  // 20 rooms of 132 slots there are millions, and arrays of numbers flattened cost seconds.
  const posStart = new Int32Array(T + 1);
  const blocked = new Uint8Array(S);
  for (let t = 0; t < T; t++) {
    const topic = topics[t]!;
    blocked.fill(0);
    for (const id of topic.unavailable) blocked[slotRankById.get(id)!] = 1;
    let count = 0;
    for (let a = 0; a < A; a++) {
      const area = areas[a]!;
      overflow[t * A + a] = Math.max(0, interested[t]! - area.capacity);
      if (!topic.needs.every((n) => area.features.includes(n))) continue;
      for (let s = 0; s < S; s++) {
        if (s + len[t]! > dayEnd[s]!) continue;
        let ok = true;
        for (let k = s; k < s + len[t]! && ok; k++) ok = !blocked[k];
        if (!ok) continue;
        canStart[(t * A + a) * S + s] = 1;
        count++;
      }
    }
    posStart[t + 1] = posStart[t]! + count;
  }
  const pos = new Int32Array(posStart[T]!);
  for (let t = 0, k = 0; t < T; t++) for (let i = 0; i < A * S; i++) if (canStart[t * A * S + i]) pos[k++] = i;

  const leaderIndex = new Map<string, number>();
  const leaderStart = new Int32Array(T + 1);
  const leaderList: number[] = [];
  topics.forEach((topic, t) => {
    for (const name of topic.leaders) {
      if (!leaderIndex.has(name)) leaderIndex.set(name, leaderIndex.size);
      leaderList.push(leaderIndex.get(name)!);
    }
    leaderStart[t + 1] = leaderList.length;
  });

  const model: Model = {
    instance,
    T,
    A,
    S,
    slotOf,
    dayEnd,
    len,
    interested,
    unplacedCost,
    overflow,
    canStart,
    posStart,
    pos,
    nbrStart,
    nbr,
    nbrW,
    pairW: T <= DENSE_MAX_TOPICS ? denseWeights(T, nbrStart, nbr, nbrW) : undefined,
    leaderStart,
    leaders: Int32Array.from(leaderList),
    leaderNames: [...leaderIndex.keys()],
    pin: new Int32Array(T).fill(-1),
    pinRejected: new Map(),
    prev: new Int32Array(T).fill(-1),
    moveCost: instance.moveCost,
  };
  for (const p of instance.previous) model.prev[topicIndex.get(p.topic)!] = areaIndex.get(p.area)! * S + slotRankById.get(p.slot)!;
  acceptPins(model, areaIndex, slotRankById);
  return model;
}

/**
 * Pins are each possible on their own (parse checks that); two of them can still collide. The first
 * in input order wins and the later one is dropped with a reason, which makes the result `infeasible`.
 */
function acceptPins(model: Model, areaIndex: Map<string, number>, slotRank: Map<string, number>): void {
  const { A, S, instance } = model;
  const cell = new Int32Array(A * S).fill(-1);
  const leaderAt = new Map<number, number>();
  instance.topics.forEach((topic, t) => {
    if (!topic.pinned) return;
    const a = areaIndex.get(topic.pinned.area)!;
    const s = slotRank.get(topic.pinned.slot)!;
    const span = [...Array(model.len[t]!).keys()].map((k) => s + k);
    const slotName = (k: number) => instance.slots[model.slotOf[k]!]!.id;
    for (const k of span) {
      const other = cell[a * S + k]!;
      if (other >= 0) {
        model.pinRejected.set(t, `pinned to area '${topic.pinned.area}' at slot '${slotName(k)}', where '${instance.topics[other]!.id}' is already pinned`);
        return;
      }
      for (let i = model.leaderStart[t]!; i < model.leaderStart[t + 1]!; i++) {
        const busy = leaderAt.get(model.leaders[i]! * S + k);
        if (busy !== undefined) {
          model.pinRejected.set(t, `pinned at slot '${slotName(k)}', when its leader '${model.leaderNames[model.leaders[i]!]}' is pinned to lead '${instance.topics[busy]!.id}'`);
          return;
        }
      }
    }
    for (const k of span) {
      cell[a * S + k] = t;
      for (let i = model.leaderStart[t]!; i < model.leaderStart[t + 1]!; i++) leaderAt.set(model.leaders[i]! * S + k, t);
    }
    model.pin[t] = a * S + s;
  });
}

/** Whether placements p (of t) and q (of u) share a slot. */
export function overlaps(model: Model, t: number, p: number, u: number, q: number): boolean {
  const s = p % model.S;
  const r = q % model.S;
  return s < r + model.len[u]! && r < s + model.len[t]!;
}
