import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { NotFoundError, ValidationError } from "../../platform/errors.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import type { SessionBody, SessionView, SpeakerBody, SpeakerView, UpdateSessionBody } from "./schema.js";
import type { SessionSource } from "./rules.js";
import { bumpRevision, loadState, nextNumber, sessionRow, sessionView, speakerView } from "./state.js";
import { scheduleSessionSpeakers, scheduleSessions, scheduleSpeakers } from "./tables.js";

/**
 * Sessions and speakers as rows of the schedule, whatever they came from: created by an
 * organiser, imported from a pretalx/frab file, or taken over from the call for
 * participation (through the Feature `candidateSessions` hook; see sync-candidates.ts).
 */
async function edit<T>(ctx: AppContext, target: EventTarget, work: (tx: Db) => Promise<T>): Promise<T> {
  target.permit.require("schedule.edit");
  return ctx.db.transaction(async (tx) => {
    await loadState(tx, target.event, { lock: true });
    const result = await work(tx);
    await bumpRevision(tx, target.event.id, ctx.now());
    return result;
  });
}

async function speakerIn(db: Db, eventId: string, id: string) {
  const [row] = await db.select().from(scheduleSpeakers).where(and(eq(scheduleSpeakers.eventId, eventId), eq(scheduleSpeakers.id, id)));
  if (!row) throw new NotFoundError(msg("schedule.errors.speakerNotFound"));
  return row;
}

export async function getSpeaker(ctx: AppContext, target: EventTarget, id: string): Promise<SpeakerView> {
  target.permit.require("schedule.edit");
  return speakerView(await speakerIn(ctx.db, target.event.id, id));
}

export async function getSession(ctx: AppContext, target: EventTarget, id: string): Promise<SessionView> {
  target.permit.require("schedule.edit");
  return viewOf(ctx, target, id);
}

export async function createSpeaker(ctx: AppContext, target: EventTarget, input: SpeakerBody): Promise<SpeakerView> {
  return edit(ctx, target, async (tx) => {
    const [row] = await tx
      .insert(scheduleSpeakers)
      .values({ eventId: target.event.id, ...input })
      .returning();
    return speakerView(row!);
  });
}

export async function updateSpeaker(ctx: AppContext, target: EventTarget, id: string, input: Partial<SpeakerBody>): Promise<SpeakerView> {
  return edit(ctx, target, async (tx) => {
    const current = await speakerIn(tx, target.event.id, id);
    if (!Object.keys(input).length) return speakerView(current);
    const [row] = await tx.update(scheduleSpeakers).set(input).where(eq(scheduleSpeakers.id, id)).returning();
    return speakerView(row!);
  });
}

/** A speaker is removed from every session they were on. */
export async function deleteSpeaker(ctx: AppContext, target: EventTarget, id: string): Promise<void> {
  await edit(ctx, target, async (tx) => {
    await speakerIn(tx, target.event.id, id);
    await tx.delete(scheduleSpeakers).where(eq(scheduleSpeakers.id, id));
  });
}

/** Replaces a session's speakers, in the given order; every id must be a speaker of this event. */
export async function setSessionSpeakers(tx: Db, eventId: string, sessionId: string, speakerIds: readonly string[]): Promise<void> {
  const unique = [...new Set(speakerIds)];
  if (unique.length) {
    const found = await tx
      .select({ id: scheduleSpeakers.id })
      .from(scheduleSpeakers)
      .where(and(eq(scheduleSpeakers.eventId, eventId), inArray(scheduleSpeakers.id, unique)));
    if (found.length !== unique.length) throw new ValidationError(msg("schedule.errors.speakerNotFound"), { speakerIds: [msg("schedule.errors.speakerNotFound")] });
  }
  await tx.delete(scheduleSessionSpeakers).where(eq(scheduleSessionSpeakers.sessionId, sessionId));
  if (unique.length) await tx.insert(scheduleSessionSpeakers).values(unique.map((speakerId, position) => ({ sessionId, speakerId, position })));
}

export interface NewSession extends Omit<SessionBody, "speakerIds"> {
  id?: string;
  number?: number;
  source: SessionSource;
  proposalId?: string | null;
  speakerIds: readonly string[];
  roomId?: string | null;
  startsAt?: Date | null;
  demo?: boolean;
}

/** Inserts a session inside a caller's transaction (the import and the CFP take-over use it too). */
export async function insertSession(tx: Db, eventId: string, s: NewSession): Promise<string> {
  const { speakerIds, ...fields } = s;
  const [row] = await tx
    .insert(scheduleSessions)
    .values({ ...fields, eventId, number: s.number ?? (await nextNumber(tx, eventId)) })
    .returning({ id: scheduleSessions.id });
  await setSessionSpeakers(tx, eventId, row!.id, speakerIds);
  return row!.id;
}

async function viewOf(ctx: AppContext, target: EventTarget, id: string): Promise<SessionView> {
  const s = (await loadState(ctx.db, target.event)).sessions.find((x) => x.id === id);
  if (!s) throw new NotFoundError(msg("schedule.errors.sessionNotFound"));
  return sessionView(s);
}

export async function createSession(ctx: AppContext, target: EventTarget, input: SessionBody): Promise<SessionView> {
  const id = await edit(ctx, target, (tx) => insertSession(tx, target.event.id, { ...input, source: "organiser" }));
  return viewOf(ctx, target, id);
}

export async function updateSession(ctx: AppContext, target: EventTarget, id: string, input: UpdateSessionBody): Promise<SessionView> {
  await edit(ctx, target, async (tx) => {
    if (!(await sessionRow(tx, target.event.id, id))) throw new NotFoundError(msg("schedule.errors.sessionNotFound"));
    const { speakerIds, ...fields } = input;
    if (Object.keys(fields).length) await tx.update(scheduleSessions).set({ ...fields, updatedAt: ctx.now() }).where(eq(scheduleSessions.id, id));
    if (speakerIds) await setSessionSpeakers(tx, target.event.id, id, speakerIds);
  });
  return viewOf(ctx, target, id);
}

export async function deleteSession(ctx: AppContext, target: EventTarget, id: string): Promise<void> {
  await edit(ctx, target, async (tx) => {
    const gone = await tx
      .delete(scheduleSessions)
      .where(and(eq(scheduleSessions.eventId, target.event.id), eq(scheduleSessions.id, id)))
      .returning();
    if (!gone.length) throw new NotFoundError(msg("schedule.errors.sessionNotFound"));
  });
}

export { edit as editSchedule };
