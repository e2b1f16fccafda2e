import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { users } from "../../platform/auth/tables.js";
import { permitFor } from "../../platform/permissions.js";
import { zonedToInstant } from "../../../shared/time.js";
import { eventBySlugs } from "../events/index.js";
import { applyDraft, makeDraft } from "./draft.js";
import { releaseSchedule } from "./release.js";
import { insertSession } from "./sessions.js";
import { candidatesFor, syncCandidates } from "./sync-candidates.js";
import { scheduleBlocks, scheduleDays, scheduleRooms, scheduleSettings, scheduleSpeakers } from "./tables.js";

/**
 * The demo conference's schedule: rooms, days and breaks, then its sessions, released as
 * version 1. The sessions are the call for participation's accepted proposals when a
 * feature offers them (`candidateSessions`), placed by the automatic draft; until then the
 * seed's own demo sessions, placed as written here. Either way they are labelled demo content.
 */
export interface DemoScheduleSeed {
  communitySlug: string;
  eventSlug: string;
  /** Who releases version 1 (an organiser of the event). */
  organiserEmail: string;
  slotMinutes: number;
  rooms: { name: string; capacity: number }[];
  days: { date: string; startTime: string; endTime: string }[];
  /** Breaks in every room, local times. */
  breaks: { date: string; start: string; end: string; title: string }[];
  /** Display text; `email` links the speaker to that demo account. */
  speakers: { key: string; name: string; affiliation: string; email?: string }[];
  sessions: { title: string; abstract: string; type: string; track: string; minutes: number; audience: number; speakers: string[]; room: string; date: string; start: string }[];
}

export async function seedScheduleDemo(ctx: AppContext, seed: DemoScheduleSeed): Promise<void> {
  const event = await eventBySlugs(ctx.db, seed.communitySlug, seed.eventSlug);
  const zone = event.timeZone;
  const at = (date: string, time: string) => zonedToInstant(`${date}T${time}`, zone);
  const candidates = await candidatesFor(ctx, event.id);
  const [organiser] = await ctx.db.select().from(users).where(eq(users.email, seed.organiserEmail));
  const actor = { kind: "user" as const, id: organiser!.id, email: organiser!.email, name: organiser!.name, isAdmin: organiser!.isAdmin, locale: organiser!.locale, via: "session" as const };
  const target = { event, communitySlug: seed.communitySlug, permit: await permitFor(ctx, actor, { eventId: event.id, communityId: event.communityId }) };

  await ctx.db.transaction(async (tx) => {
    await tx.insert(scheduleSettings).values({ eventId: event.id, slotMinutes: seed.slotMinutes }).onConflictDoNothing();
    const rooms = await tx
      .insert(scheduleRooms)
      .values(seed.rooms.map((r, position) => ({ eventId: event.id, name: r.name, capacity: r.capacity, position })))
      .returning();
    await tx.insert(scheduleDays).values(seed.days.map((d) => ({ eventId: event.id, ...d })));
    await tx.insert(scheduleBlocks).values(seed.breaks.map((b) => ({ eventId: event.id, roomId: null, kind: "break" as const, title: b.title, startsAt: at(b.date, b.start), endsAt: at(b.date, b.end) })));
    if (candidates.length) return;
    const speakerIds = new Map<string, string>();
    for (const sp of seed.speakers) {
      const userId = sp.email ? ((await tx.select({ id: users.id }).from(users).where(eq(users.email, sp.email)))[0]?.id ?? null) : null;
      const [row] = await tx
        .insert(scheduleSpeakers)
        .values({ eventId: event.id, name: sp.name, affiliation: sp.affiliation, userId, sourceId: `demo:${sp.key}` })
        .returning();
      speakerIds.set(sp.key, row!.id);
    }
    const roomIds = new Map(rooms.map((r) => [r.name, r.id]));
    for (const s of seed.sessions) {
      await insertSession(tx, event.id, {
        source: "organiser",
        title: s.title,
        subtitle: "Demo content",
        abstract: s.abstract,
        description: "",
        type: s.type,
        track: s.track,
        language: "en",
        durationMinutes: s.minutes,
        expectedAudience: s.audience,
        speakerIds: s.speakers.map((k) => speakerIds.get(k)!),
        roomId: roomIds.get(s.room)!,
        startsAt: at(s.date, s.start),
        demo: true,
      });
    }
  });
  if (candidates.length) {
    await syncCandidates(ctx, target);
    const draft = await makeDraft(ctx, target, { timeLimitSeconds: 2, seed: 1, keepPlaced: false });
    await applyDraft(ctx, target, { baseRevision: draft.baseRevision, placements: draft.placements });
  }
  await releaseSchedule(ctx, target, { note: "Demo content: the first published version." });
}
