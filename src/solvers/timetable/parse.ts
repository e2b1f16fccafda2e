import { TimetableInputError, type AreaSpec, type InterestSpec, type Placement, type SlotSpec, type TimetableInstance, type TopicSpec } from "./types.js";

type Json = Record<string, unknown>;

function fail(field: string, problem: string): never {
  throw new TimetableInputError(field, problem);
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown, field: string): string {
  if (typeof v !== "string" || v === "") fail(field, `must be a non-empty string, got ${JSON.stringify(v) ?? "nothing"}`);
  return v;
}

function arr(v: unknown, field: string, optional: boolean): unknown[] {
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) fail(field, `must be an array, got ${v === undefined ? "nothing" : JSON.stringify(v)}`);
  return v;
}

function strings(v: unknown, field: string): string[] {
  return arr(v, field, true).map((x, i) => str(x, `${field}[${i}]`));
}

function obj(v: unknown, field: string): Json {
  if (!isObject(v)) fail(field, `must be an object, got ${JSON.stringify(v) ?? "nothing"}`);
  return v;
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

function ids<T extends { id: string }>(items: T[], field: string): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    const first = seen.get(it.id);
    if (first !== undefined) fail(`${field}[${i}].id`, `duplicate id '${it.id}' (also ${field}[${first}])`);
    seen.set(it.id, i);
  });
  return seen;
}

/**
 * Slots in time order: days sorted (ISO dates sort as text), and within a day by start time when
 * every slot of that day has one, else in input order. "Consecutive slots" means neighbours in this order.
 */
export function orderSlots(slots: readonly SlotSpec[]): number[] {
  const byDay = new Map<string, number[]>();
  slots.forEach((s, i) => {
    const list = byDay.get(s.day) ?? [];
    list.push(i);
    byDay.set(s.day, list);
  });
  const order: number[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const list = byDay.get(day)!;
    if (list.every((i) => slots[i]!.start !== undefined)) list.sort((a, b) => slots[a]!.start!.localeCompare(slots[b]!.start!));
    order.push(...list);
  }
  return order;
}

function parseSlots(v: unknown): SlotSpec[] {
  const slots = arr(v, "slots", false).map((raw, i): SlotSpec => {
    const f = `slots[${i}]`;
    const o = obj(raw, f);
    const slot: SlotSpec = { id: str(o.id, `${f}.id`), day: str(o.day, `${f}.day`) };
    for (const key of ["start", "end"] as const) {
      if (o[key] === undefined) continue;
      const t = str(o[key], `${f}.${key}`);
      if (!clock.test(t)) fail(`${f}.${key}`, `must be a time like "09:30", got "${t}"`);
      slot[key] = t;
    }
    if (slot.start !== undefined && slot.end !== undefined && slot.end <= slot.start) fail(`${f}.end`, `"${slot.end}" is not after start "${slot.start}"`);
    return slot;
  });
  ids(slots, "slots");
  // Clashes and leader conflicts are counted per shared slot, so slots of one day must not overlap in time.
  const order = orderSlots(slots);
  for (let k = 1; k < order.length; k++) {
    const a = slots[order[k - 1]!]!;
    const b = slots[order[k]!]!;
    if (a.day === b.day && a.end !== undefined && b.start !== undefined && b.start < a.end) {
      fail(`slots[${order[k]}].start`, `slot '${b.id}' overlaps slot '${a.id}' on ${a.day}`);
    }
  }
  return slots;
}

function parseAreas(v: unknown): AreaSpec[] {
  const areas = arr(v, "areas", false).map((raw, i): AreaSpec => {
    const f = `areas[${i}]`;
    const o = obj(raw, f);
    const capacity = o.capacity;
    if (typeof capacity !== "number" || !Number.isFinite(capacity) || capacity < 0) fail(`${f}.capacity`, `must be a number ≥ 0, got ${JSON.stringify(capacity) ?? "nothing"}`);
    return { id: str(o.id, `${f}.id`), capacity, features: strings(o.features, `${f}.features`) };
  });
  ids(areas, "areas");
  return areas;
}

export function parseTimetableInstance(input: unknown): TimetableInstance {
  const root = obj(input, "input");
  const slots = parseSlots(root.slots);
  const areas = parseAreas(root.areas);
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const areaIndex = new Map(areas.map((a, i) => [a.id, i]));
  const order = orderSlots(slots);
  const rank = new Int32Array(slots.length);
  order.forEach((slot, r) => (rank[slot] = r));
  const dayLength = new Map<string, number>();
  for (const s of slots) dayLength.set(s.day, (dayLength.get(s.day) ?? 0) + 1);
  const longestDay = Math.max(0, ...dayLength.values());

  const slotRef = (v: unknown, field: string): number => {
    const id = str(v, field);
    const i = slotIndex.get(id);
    if (i === undefined) fail(field, `unknown slot '${id}'`);
    return i;
  };
  const areaRef = (v: unknown, field: string): number => {
    const id = str(v, field);
    const i = areaIndex.get(id);
    if (i === undefined) fail(field, `unknown area '${id}'`);
    return i;
  };

  const topics = arr(root.topics, "topics", false).map((raw, i): TopicSpec => {
    const f = `topics[${i}]`;
    const o = obj(raw, f);
    const length = o.length ?? 1;
    if (typeof length !== "number" || !Number.isInteger(length) || length < 1) fail(`${f}.length`, `must be a whole number ≥ 1, got ${JSON.stringify(length)}`);
    if (length > longestDay) fail(`${f}.length`, `${length} slots is longer than any day (the longest has ${longestDay})`);
    const listed = strings(o.unavailable, `${f}.unavailable`);
    listed.forEach((id, k) => slotRef(id, `${f}.unavailable[${k}]`));
    const unavailable = [...new Set(listed)];
    const topic: TopicSpec = {
      id: str(o.id, `${f}.id`),
      leaders: [...new Set(strings(o.leaders, `${f}.leaders`))],
      length,
      needs: [...new Set(strings(o.needs, `${f}.needs`))],
      unavailable,
    };
    if (o.pinned !== undefined) {
      const p = obj(o.pinned, `${f}.pinned`);
      const area = areas[areaRef(p.area, `${f}.pinned.area`)]!;
      const first = slotRef(p.slot, `${f}.pinned.slot`);
      // A pin that cannot hold on its own is the organiser's typo, not something to optimise around.
      const missing = topic.needs.filter((n) => !area.features.includes(n));
      if (missing.length) fail(`${f}.pinned.area`, `area '${area.id}' lacks ${missing.map((n) => `'${n}'`).join(", ")}, which the topic needs`);
      const r = rank[first]!;
      for (let k = 0; k < length; k++) {
        const s = order[r + k];
        if (s === undefined || slots[s]!.day !== slots[first]!.day) fail(`${f}.pinned.slot`, `a topic of length ${length} starting at '${p.slot}' runs past the end of day ${slots[first]!.day}`);
        if (unavailable.includes(slots[s]!.id)) fail(`${f}.pinned.slot`, `the topic is unavailable in slot '${slots[s]!.id}', which the pin occupies`);
      }
      topic.pinned = { area: area.id, slot: slots[first]!.id };
    }
    return topic;
  });
  ids(topics, "topics");
  const topicIds = new Set(topics.map((t) => t.id));
  const topicRef = (v: unknown, field: string): string => {
    const id = str(v, field);
    if (!topicIds.has(id)) fail(field, `unknown topic '${id}'`);
    return id;
  };

  const interest = arr(root.interest, "interest", true).map((raw, i): InterestSpec => {
    const f = `interest[${i}]`;
    const o = obj(raw, f);
    const entry: InterestSpec = { person: str(o.person, `${f}.person`), topics: arr(o.topics, `${f}.topics`, false).map((t, k) => topicRef(t, `${f}.topics[${k}]`)) };
    if (o.people !== undefined) {
      if (typeof o.people !== "number" || !Number.isInteger(o.people) || o.people < 1 || o.people > 1_000_000) fail(`${f}.people`, `must be a whole number from 1 to 1000000, got ${JSON.stringify(o.people)}`);
      entry.people = o.people;
    }
    return entry;
  });

  const seenPrevious = new Map<string, number>();
  const previous = arr(root.previous, "previous", true).map((raw, i): Placement => {
    const f = `previous[${i}]`;
    const o = obj(raw, f);
    const topic = topicRef(o.topic, `${f}.topic`);
    const again = seenPrevious.get(topic);
    if (again !== undefined) fail(`${f}.topic`, `topic '${topic}' is already placed by previous[${again}]`);
    seenPrevious.set(topic, i);
    return { topic, area: areas[areaRef(o.area, `${f}.area`)]!.id, slot: slots[slotRef(o.slot, `${f}.slot`)]!.id };
  });

  const moveCost = root.moveCost ?? 0.5;
  if (typeof moveCost !== "number" || !Number.isFinite(moveCost) || moveCost < 0) fail("moveCost", `must be a number ≥ 0, got ${JSON.stringify(moveCost)}`);

  return { slots, areas, topics, interest, previous, moveCost };
}
