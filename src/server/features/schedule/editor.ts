import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { fromSnapshot, latestRelease } from "./programme.js";
import { nextProgramme } from "./release.js";
import { findConflicts, newHardConflicts } from "./rules.js";
import type { EditorView, MoveBody, MoveResult } from "./schema.js";
import { bumpRevision, coFavourites, loadState, sessionView, setupOf, speakerView, toGrid, type ScheduleState } from "./state.js";
import { candidateSourceCount } from "./sync-candidates.js";
import { scheduleSessions } from "./tables.js";

/**
 * The editor: everything the grid shows (rooms, days, breaks, sessions, speakers, how many
 * people marked two sessions both), the conflicts as the rules see them, and what a release
 * now would announce. Moves are checked against the hard rules here as well as in the
 * browser: a move that brings a new hard conflict is refused with it and saves nothing.
 */
export async function getEditor(ctx: AppContext, target: EventTarget): Promise<EditorView> {
  target.permit.require("schedule.edit");
  const [s, co, last] = await Promise.all([loadState(ctx.db, target.event), coFavourites(ctx.db, target.event.id), latestRelease(ctx.db, target.event.id)]);
  const before = last ? fromSnapshot(last.programme) : null;
  const pending = nextProgramme(ctx, s, target.communitySlug, before, "next", ctx.now()).changes;
  return {
    ...setupOf(s, target.communitySlug),
    revision: s.settings.revision,
    speakers: s.speakers.map(speakerView),
    sessions: s.sessions.map(sessionView),
    coFavourites: co,
    conflicts: findConflicts(toGrid(s, co)),
    lastRelease: last ? { number: last.number, releasedAt: last.releasedAt.toISOString() } : null,
    pending: last ? pending : [],
    candidateSources: candidateSourceCount(ctx),
  };
}

/** The state with some sessions placed elsewhere, for checking a change before it is written. */
export function withPlacements(s: ScheduleState, placements: ReadonlyMap<string, { roomId: string | null; startsAt: Date | null }>): ScheduleState {
  return { ...s, sessions: s.sessions.map((x) => (placements.has(x.id) ? { ...x, ...placements.get(x.id)! } : x)) };
}

export async function moveSession(ctx: AppContext, target: EventTarget, sessionId: string, input: MoveBody): Promise<MoveResult> {
  target.permit.require("schedule.edit");
  const result = await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    const session = s.sessions.find((x) => x.id === sessionId);
    if (!session) throw new NotFoundError(msg("schedule.errors.sessionNotFound"));
    if (input.roomId && !s.rooms.some((r) => r.id === input.roomId)) throw new ValidationError(msg("schedule.errors.roomNotFound"), { roomId: [msg("schedule.errors.roomNotFound")] });
    const co = await coFavourites(tx, target.event.id);
    const place = { roomId: input.roomId, startsAt: input.startsAt ? new Date(input.startsAt) : null };
    const after = withPlacements(s, new Map([[sessionId, place]]));
    const only = new Set([sessionId]);
    const added = newHardConflicts(findConflicts(toGrid(s, co), only), findConflicts(toGrid(after, co), only));
    if (added.length) throw new ConflictError("schedule_conflict", msg("schedule.errors.moveConflicts", { count: added.length }), undefined, { conflicts: added });
    // An unscheduled session cannot stay pinned: there is no place to keep.
    const pinned = place.roomId === null ? false : (input.pinned ?? session.pinned);
    await tx
      .update(scheduleSessions)
      .set({ ...place, pinned, updatedAt: ctx.now() })
      .where(eq(scheduleSessions.id, sessionId));
    const revision = await bumpRevision(tx, target.event.id, ctx.now());
    const moved = { ...after.sessions.find((x) => x.id === sessionId)!, pinned };
    return { revision, session: sessionView(moved), conflicts: findConflicts(toGrid(after, co), only) };
  });
  return result;
}
