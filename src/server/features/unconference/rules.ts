/**
 * The unconference board's rules, as data and pure functions shared by the server (which
 * enforces them on a move, a pin and a publish), the planner's tests (which check the solver's
 * timetables against them) and the web app (which shows the same warnings while a topic is
 * dragged). Times are instants in milliseconds; the server converts the event's local times.
 */
export const BOARD_VISIBILITY = ["public", "attendees"] as const;
export type BoardVisibility = (typeof BOARD_VISIBILITY)[number];
export const FIXED_KINDS = ["plenary", "lunch", "break", "social", "other"] as const;
export const TOPIC_STATES = ["open", "withdrawn", "merged"] as const;
export const FEEDBACK_KINDS = ["keep", "change", "try"] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

/** What a re-plan charges for each published topic it moves, in person units (the solver's `moveCost`). */
export const MOVE_COST = 0.5;

export interface BoardSlot {
  id: string;
  date: string;
  start: number;
  end: number;
  /** A fixed item (plenary, lunch) overlaps it: no topic can be there. */
  blocked: boolean;
}
export interface BoardArea {
  id: string;
  label: string;
  capacity: number;
  features: readonly string[];
}
export interface BoardTopic {
  id: string;
  leaders: readonly string[];
  needs: readonly string[];
  length: number;
  unavailable: readonly string[];
  /** People who marked interest; `mustAttend` is the subset with the stronger wish. */
  interest: readonly string[];
  mustAttend: readonly string[];
}
export interface Place {
  areaId: string;
  slotId: string;
}
export interface Board {
  /** Every slot, in time order. */
  slots: readonly BoardSlot[];
  areas: readonly BoardArea[];
  topics: readonly BoardTopic[];
}

/**
 * Runs of slots a topic may span: consecutive unblocked slots of one day with no gap between
 * them, so a two-slot topic never runs across lunch. The planner hands each run to the solver
 * as its own "day".
 */
export function runsOf(slots: readonly BoardSlot[]): BoardSlot[][] {
  const runs: BoardSlot[][] = [];
  let run: BoardSlot[] = [];
  for (const s of slots) {
    const prev = run[run.length - 1];
    if (s.blocked || !prev || prev.date !== s.date || prev.end !== s.start) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (!s.blocked) run.push(s);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Why a topic cannot start in a slot at all, whatever else is on the board. */
export type SpanProblem = "unknownSlot" | "blocked" | "pastDay";

/** The slots a topic of `length` occupies from `slotId`, or why it cannot start there. */
export function spanOf(board: Pick<Board, "slots">, slotId: string, length: number): BoardSlot[] | SpanProblem {
  const slot = board.slots.find((s) => s.id === slotId);
  if (!slot) return "unknownSlot";
  if (slot.blocked) return "blocked";
  const run = runsOf(board.slots).find((r) => r.includes(slot))!;
  const i = run.indexOf(slot);
  if (i + length > run.length) return "pastDay";
  return run.slice(i, i + length);
}

/** The longest run of a day: a topic longer than that fits on no day. */
export function longestRun(slots: readonly BoardSlot[]): number {
  return Math.max(0, ...runsOf(slots).map((r) => r.length));
}

export const HARD_PROBLEMS = ["unknownArea", "unknownSlot", "blocked", "pastDay", "areaTaken"] as const;
export const WARNINGS = ["leaderDoubleBooked", "lacksFeature", "overCapacity", "leaderUnavailable", "clashes"] as const;
export type Problem = {
  kind: (typeof HARD_PROBLEMS)[number] | (typeof WARNINGS)[number];
  hard: boolean;
  topicId: string;
  /** The other topics involved (the one in the area, the leader's other topic). */
  others?: string[];
  leaderId?: string;
  features?: string[];
  count?: number;
  capacity?: number;
};

type Placements = ReadonlyMap<string, Place>;

function occupied(board: Board, placements: Placements): Map<string, { topicId: string; areaId: string }[]> {
  const bySlot = new Map<string, { topicId: string; areaId: string }[]>();
  const topics = new Map(board.topics.map((t) => [t.id, t]));
  for (const [topicId, p] of placements) {
    const span = spanOf(board, p.slotId, topics.get(topicId)?.length ?? 1);
    if (typeof span === "string") continue;
    for (const s of span) (bySlot.get(s.id) ?? bySlot.set(s.id, []).get(s.id)!).push({ topicId, areaId: p.areaId });
  }
  return bySlot;
}

/**
 * People who would have two interesting topics at once. A must-attend is a second "person" in
 * the planner's terms (`interest` includes the must-attend people), so it weighs twice.
 */
export function clashesBetween(a: BoardTopic, b: BoardTopic): number {
  const inB = new Set(b.interest);
  const mustB = new Set(b.mustAttend);
  let n = 0;
  for (const p of a.interest) if (inB.has(p)) n++;
  for (const p of a.mustAttend) if (mustB.has(p)) n++;
  return n;
}

/** How many people a topic stands for in the planner: interest, plus a second count for each must-attend. */
export const weightOf = (t: BoardTopic): number => t.interest.length + t.mustAttend.length;

function overlapping(board: Board, placements: Placements, topicId: string, p: Place): string[] {
  const topic = board.topics.find((t) => t.id === topicId)!;
  const span = spanOf(board, p.slotId, topic.length);
  if (typeof span === "string") return [];
  const ids = new Set(span.map((s) => s.id));
  const out: string[] = [];
  const topics = new Map(board.topics.map((t) => [t.id, t]));
  for (const [other, q] of placements) {
    if (other === topicId) continue;
    const s2 = spanOf(board, q.slotId, topics.get(other)?.length ?? 1);
    if (typeof s2 !== "string" && s2.some((s) => ids.has(s.id))) out.push(other);
  }
  return out;
}

/**
 * What is wrong with topic `topicId` at `place` on the board with `placements` (the topic's own
 * entry is ignored): hard problems refuse the move; warnings are shown and allowed.
 */
export function placementProblems(board: Board, placements: Placements, topicId: string, place: Place): Problem[] {
  const topic = board.topics.find((t) => t.id === topicId);
  if (!topic) return [];
  const area = board.areas.find((a) => a.id === place.areaId);
  if (!area) return [{ kind: "unknownArea", hard: true, topicId }];
  const span = spanOf(board, place.slotId, topic.length);
  if (typeof span === "string") return [{ kind: span, hard: true, topicId }];
  const problems: Problem[] = [];
  const others = new Map(placements);
  others.delete(topicId);
  const bySlot = occupied(board, others);
  const inArea = [...new Set(span.flatMap((s) => (bySlot.get(s.id) ?? []).filter((o) => o.areaId === area.id).map((o) => o.topicId)))];
  if (inArea.length) problems.push({ kind: "areaTaken", hard: true, topicId, others: inArea });
  const topics = new Map(board.topics.map((t) => [t.id, t]));
  const together = overlapping(board, others, topicId, place);
  for (const leader of topic.leaders) {
    const led = together.filter((o) => topics.get(o)?.leaders.includes(leader));
    if (led.length) problems.push({ kind: "leaderDoubleBooked", hard: false, topicId, leaderId: leader, others: led });
  }
  const missing = topic.needs.filter((n) => !area.features.includes(n));
  if (missing.length) problems.push({ kind: "lacksFeature", hard: false, topicId, features: missing });
  const people = weightOf(topic);
  if (people > area.capacity) problems.push({ kind: "overCapacity", hard: false, topicId, count: people, capacity: area.capacity });
  if (span.some((s) => topic.unavailable.includes(s.id))) problems.push({ kind: "leaderUnavailable", hard: false, topicId });
  const clashes = together.reduce((n, o) => n + clashesBetween(topic, topics.get(o)!), 0);
  if (clashes) problems.push({ kind: "clashes", hard: false, topicId, count: clashes, others: together.filter((o) => clashesBetween(topic, topics.get(o)!) > 0) });
  return problems;
}

/** Every problem of a whole board, each topic checked against the others. */
export function boardProblems(board: Board, placements: Placements): Problem[] {
  return [...placements].flatMap(([id, p]) => placementProblems(board, placements, id, p));
}

/**
 * The planner's hard constraints (the solver's): no hard placement problem, leaders never in two
 * places, needs met, unavailable slots respected. What the planner proposes always passes.
 */
export function breaksHardConstraint(board: Board, placements: Placements): Problem[] {
  return boardProblems(board, placements).filter((p) => p.hard || p.kind === "leaderDoubleBooked" || p.kind === "lacksFeature" || p.kind === "leaderUnavailable");
}

export interface Cost {
  clashes: number;
  overflow: number;
  unplaced: number;
  moves: number;
  total: number;
}

/**
 * The cost of a board in person units, as solver-io.md defines it: clashes (people with two
 * interesting topics at once), overflow beyond an area's capacity, topics left out (their
 * people plus one), and `MOVE_COST` per topic placed differently from `previous`.
 */
export function boardCost(board: Board, placements: Placements, previous: Placements, moveCost = MOVE_COST): Cost {
  const c = { clashes: 0, overflow: 0, unplaced: 0, moves: 0 };
  const topics = new Map(board.topics.map((t) => [t.id, t]));
  const bySlot = occupied(board, placements);
  for (const t of board.topics) {
    const p = placements.get(t.id);
    const was = previous.get(t.id);
    if (was && (!p || p.areaId !== was.areaId || p.slotId !== was.slotId)) c.moves += moveCost;
    if (!p) {
      c.unplaced += weightOf(t) + 1;
      continue;
    }
    const area = board.areas.find((a) => a.id === p.areaId);
    if (area) c.overflow += Math.max(0, weightOf(t) - area.capacity);
  }
  const counted = new Set<string>();
  for (const list of bySlot.values()) {
    for (const a of list) {
      for (const b of list) {
        if (a.topicId >= b.topicId) continue;
        const key = `${a.topicId}|${b.topicId}`;
        if (counted.has(key)) continue;
        counted.add(key);
        c.clashes += clashesBetween(topics.get(a.topicId)!, topics.get(b.topicId)!);
      }
    }
  }
  return { ...c, total: c.clashes + c.overflow + c.unplaced + c.moves };
}
