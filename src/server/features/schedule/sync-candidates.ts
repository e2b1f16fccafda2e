import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { CandidateSession } from "../../platform/candidates.js";
import type { Db } from "../../platform/db/index.js";
import type { EventTarget } from "../events/index.js";
import { LIMITS } from "./schema.js";
import { editSchedule, insertSession, setSessionSpeakers } from "./sessions.js";
import { settingsFor } from "./state.js";
import { scheduleSessions, scheduleSpeakers } from "./tables.js";

/** Every candidate session the features offer for the event (the CFP's accepted and confirmed proposals). */
export async function candidatesFor(ctx: AppContext, eventId: string): Promise<CandidateSession[]> {
  const lists = await Promise.all(ctx.features.map((f) => f.candidateSessions?.(ctx, eventId) ?? Promise.resolve([])));
  return lists.flat();
}

export const candidateSourceCount = (ctx: AppContext) => ctx.features.filter((f) => f.candidateSessions).length;

const clampDuration = (m: number) => Math.min(LIMITS.durationMaxMinutes, Math.max(LIMITS.durationMinMinutes, Math.round(m)));

/** Speakers by their id at the source; availability is what the source says (null: any time). */
async function upsertSpeakers(tx: Db, eventId: string, c: CandidateSession): Promise<string[]> {
  const ids: string[] = [];
  for (const sp of c.speakers) {
    const sourceId = `cfp:${sp.id}`;
    const availability = c.availability?.map((w) => ({ start: w.start.toISOString(), end: w.end.toISOString() })) ?? null;
    const values = { name: sp.name, affiliation: sp.affiliation, userId: sp.userId, ...(c.availability !== undefined ? { availability } : {}) };
    const [row] = await tx
      .insert(scheduleSpeakers)
      .values({ eventId, sourceId, ...values })
      .onConflictDoUpdate({ target: [scheduleSpeakers.eventId, scheduleSpeakers.sourceId], set: values })
      .returning({ id: scheduleSpeakers.id });
    ids.push(row!.id);
  }
  return ids;
}

/**
 * Takes the sources' candidates into the schedule: new proposals become unscheduled
 * sessions, known ones get their text, length and speakers refreshed (their place stays),
 * and sessions whose proposal is no longer offered are reported, not deleted: an organiser
 * decides what happens to a withdrawn talk that is already on the grid.
 */
export async function syncCandidates(ctx: AppContext, target: EventTarget): Promise<{ added: number; updated: number; gone: string[]; revision: number }> {
  const candidates = await candidatesFor(ctx, target.event.id);
  const eventId = target.event.id;
  const result = await editSchedule(ctx, target, async (tx) => {
    const existing = await tx
      .select({ id: scheduleSessions.id, proposalId: scheduleSessions.proposalId })
      .from(scheduleSessions)
      .where(and(eq(scheduleSessions.eventId, eventId), eq(scheduleSessions.source, "cfp")));
    const byProposal = new Map(existing.map((s) => [s.proposalId, s.id]));
    let added = 0;
    let updated = 0;
    for (const c of candidates) {
      const speakerIds = await upsertSpeakers(tx, eventId, c);
      const fields = {
        title: c.title.slice(0, LIMITS.titleMax),
        abstract: c.abstract.slice(0, LIMITS.abstractMax),
        description: c.description.slice(0, LIMITS.descriptionMax),
        type: c.sessionType || "talk",
        track: c.track,
        language: c.language ?? null,
        durationMinutes: clampDuration(c.durationMinutes),
        ...(c.expectedAudience !== undefined ? { expectedAudience: c.expectedAudience } : {}),
      };
      const id = byProposal.get(c.proposalId);
      if (id) {
        await tx.update(scheduleSessions).set({ ...fields, updatedAt: ctx.now() }).where(eq(scheduleSessions.id, id));
        await setSessionSpeakers(tx, eventId, id, speakerIds);
        byProposal.delete(c.proposalId);
        updated++;
      } else {
        await insertSession(tx, eventId, { ...fields, subtitle: "", expectedAudience: c.expectedAudience ?? null, source: "cfp", proposalId: c.proposalId, speakerIds });
        added++;
      }
    }
    return { added, updated, gone: [...byProposal.values()] };
  });
  const { revision } = await settingsFor(ctx.db, eventId);
  return { ...result, revision };
}
