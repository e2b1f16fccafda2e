/**
 * The schedule's rules as data and pure functions, shared by the service (which refuses a
 * move or a release that breaks a hard rule), the API (the conflicts it reports) and the
 * editor in the browser (live warnings while a session is dragged).
 *
 * Hard rules (a move that breaks one is not saved; a release with one is refused):
 * - two sessions in one room at once (`roomOverlap`);
 * - a speaker in two sessions at once (`speakerDoubleBooked`);
 * - a speaker on stage when they said they cannot be there (`speakerUnavailable`);
 * - a session starting inside a break or a block of its room (`roomBlocked`).
 * Soft rules (warnings):
 * - a session longer than its slot: it runs into the next break or block, or past the
 *   day's end (`overrunsSlot`);
 * - a session starting outside the hours of every day (`outsideDays`);
 * - more people expected than the room holds (`roomTooSmall`);
 * - two sessions at once that the same attendees marked as favourites (`topicClash`).
 */
export const BLOCK_KINDS = ["break", "block"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Where a session came from: the call for participation, an imported schedule, or an organiser. */
export const SESSION_SOURCES = ["cfp", "import", "organiser"] as const;
export type SessionSource = (typeof SESSION_SOURCES)[number];

export const HARD_CONFLICTS = ["roomOverlap", "speakerDoubleBooked", "speakerUnavailable", "roomBlocked"] as const;
export const SOFT_CONFLICTS = ["overrunsSlot", "outsideDays", "roomTooSmall", "topicClash"] as const;
export type ConflictKind = (typeof HARD_CONFLICTS)[number] | (typeof SOFT_CONFLICTS)[number];

export const isHard = (k: ConflictKind): boolean => (HARD_CONFLICTS as readonly string[]).includes(k);

/** Two sessions at once share at least this many people who marked both as favourites: a clash worth a warning. */
export const TOPIC_CLASH_MIN_PEOPLE = 2;

export interface GridSession {
  id: string;
  roomId: string | null;
  /** Instants in milliseconds; null while unscheduled. */
  start: number | null;
  durationMinutes: number;
  speakerIds: readonly string[];
  expectedAudience: number | null;
}
export interface GridRoom {
  id: string;
  capacity: number | null;
}
export interface GridBlock {
  id: string;
  roomId: string | null;
  kind: BlockKind;
  start: number;
  end: number;
}
export interface GridSpeaker {
  id: string;
  /** Intervals in milliseconds when they can be there; null: any time. */
  availability: readonly { start: number; end: number }[] | null;
}
export interface GridDay {
  date: string;
  start: number;
  end: number;
}

export interface Grid {
  rooms: readonly GridRoom[];
  days: readonly GridDay[];
  blocks: readonly GridBlock[];
  speakers: readonly GridSpeaker[];
  sessions: readonly GridSession[];
  /** [sessionA, sessionB, people who marked both]. */
  coFavourites?: readonly (readonly [string, string, number])[];
}

export interface Conflict {
  kind: ConflictKind;
  hard: boolean;
  /** The sessions involved: one, or the two that collide. */
  sessionIds: string[];
  speakerId?: string;
  blockId?: string;
  /** roomTooSmall: expected people and seats; topicClash: people; overrunsSlot: the slot's minutes. */
  count?: number;
  capacity?: number;
}

const MINUTE = 60_000;
const endOf = (s: GridSession) => s.start! + s.durationMinutes * MINUTE;
const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/**
 * Every conflict in the grid, hard ones first. Sessions are swept in start order per room
 * and per speaker, so a 1,000-session conference is checked in a few milliseconds.
 */
export function findConflicts(grid: Grid, only?: ReadonlySet<string>): Conflict[] {
  const out: Conflict[] = [];
  const placed = grid.sessions.filter((s) => s.roomId !== null && s.start !== null).sort((a, b) => a.start! - b.start!);
  const involves = (...ids: string[]) => !only || ids.some((id) => only.has(id));

  // Pairs that overlap within one group (a room, a speaker), by a sweep over start order.
  const sweep = (list: GridSession[], emit: (a: GridSession, b: GridSession) => void) => {
    const open: GridSession[] = [];
    for (const s of list) {
      for (let i = open.length - 1; i >= 0; i--) if (endOf(open[i]!) <= s.start!) open.splice(i, 1);
      for (const o of open) emit(o, s);
      open.push(s);
    }
  };

  const byRoom = new Map<string, GridSession[]>();
  for (const s of placed) (byRoom.get(s.roomId!) ?? byRoom.set(s.roomId!, []).get(s.roomId!)!).push(s);
  for (const list of byRoom.values()) sweep(list, (a, b) => involves(a.id, b.id) && out.push({ kind: "roomOverlap", hard: true, sessionIds: [a.id, b.id] }));

  const bySpeaker = new Map<string, GridSession[]>();
  for (const s of placed) for (const sp of new Set(s.speakerIds)) (bySpeaker.get(sp) ?? bySpeaker.set(sp, []).get(sp)!).push(s);
  for (const [speakerId, list] of bySpeaker) sweep(list, (a, b) => involves(a.id, b.id) && out.push({ kind: "speakerDoubleBooked", hard: true, sessionIds: [a.id, b.id], speakerId }));

  const speakers = new Map(grid.speakers.map((s) => [s.id, s]));
  for (const s of placed) {
    if (!involves(s.id)) continue;
    for (const sp of new Set(s.speakerIds)) {
      const av = speakers.get(sp)?.availability;
      if (!av) continue;
      const fits = av.some((w) => w.start <= s.start! && endOf(s) <= w.end);
      if (!fits) out.push({ kind: "speakerUnavailable", hard: true, sessionIds: [s.id], speakerId: sp });
    }
  }

  const blocksOf = (roomId: string) => grid.blocks.filter((b) => b.roomId === null || b.roomId === roomId);
  const roomBlocks = new Map(grid.rooms.map((r) => [r.id, blocksOf(r.id)]));
  const rooms = new Map(grid.rooms.map((r) => [r.id, r]));
  for (const s of placed) {
    if (!involves(s.id)) continue;
    const blocks = roomBlocks.get(s.roomId!) ?? blocksOf(s.roomId!);
    const inside = blocks.find((b) => b.start <= s.start! && s.start! < b.end);
    if (inside) {
      out.push({ kind: "roomBlocked", hard: true, sessionIds: [s.id], blockId: inside.id });
      continue;
    }
    const day = grid.days.find((d) => d.start <= s.start! && s.start! < d.end);
    if (!day) {
      if (grid.days.length) out.push({ kind: "outsideDays", hard: false, sessionIds: [s.id] });
    } else {
      // The slot: from the start to whatever comes next in the room that is not a session (those are overlaps).
      let slotEnd = day.end;
      for (const b of blocks) if (b.start > s.start! && b.start < slotEnd) slotEnd = b.start;
      if (endOf(s) > slotEnd) out.push({ kind: "overrunsSlot", hard: false, sessionIds: [s.id], count: Math.round((slotEnd - s.start!) / MINUTE) });
    }
    const cap = rooms.get(s.roomId!)?.capacity;
    if (cap != null && s.expectedAudience != null && s.expectedAudience > cap) out.push({ kind: "roomTooSmall", hard: false, sessionIds: [s.id], count: s.expectedAudience, capacity: cap });
  }

  if (grid.coFavourites?.length) {
    const at = new Map(placed.map((s) => [s.id, s]));
    for (const [a, b, people] of grid.coFavourites) {
      if (people < TOPIC_CLASH_MIN_PEOPLE || !involves(a, b)) continue;
      const x = at.get(a);
      const y = at.get(b);
      if (x && y && overlaps(x.start!, endOf(x), y.start!, endOf(y))) out.push({ kind: "topicClash", hard: false, sessionIds: [a, b], count: people });
    }
  }
  return out.sort((p, q) => Number(q.hard) - Number(p.hard));
}

/** The hard conflicts a change brings that were not there before it (what makes a move refused). */
export function newHardConflicts(before: readonly Conflict[], after: readonly Conflict[]): Conflict[] {
  const key = (c: Conflict) => `${c.kind}|${[...c.sessionIds].sort().join(",")}|${c.speakerId ?? ""}|${c.blockId ?? ""}`;
  const seen = new Set(before.filter((c) => c.hard).map(key));
  return after.filter((c) => c.hard && !seen.has(key(c)));
}

/** Local wall-clock "HH:MM" to minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}
