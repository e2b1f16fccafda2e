import { eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { users } from "../../platform/auth/tables.js";
import { eventBySlugs } from "../events/index.js";
import type { FIXED_KINDS } from "./rules.js";
import { unconfAreas, unconfDays, unconfFixed, unconfInterest, unconfLeaders, unconfSettings, unconfSlots, unconfTopics } from "./tables.js";

/**
 * The demo hackathon's board: its structure and a pre-event topic list, every topic marked as
 * demo content. Leaders and interest are demo accounts (example.org), never real people.
 */
export interface DemoBoardSeed {
  communitySlug: string;
  eventSlug: string;
  days: { date: string; startTime: string; endTime: string }[];
  /** The same slots on every day, local times. */
  slots: { startTime: string; endTime: string }[];
  areas: { label: string; capacity: number; features: string[] }[];
  fixed: { date: string; startTime: string; endTime: string; kind: (typeof FIXED_KINDS)[number]; title: string }[];
  topics: { title: string; description: string; needs: string[]; length: number; leaders: string[]; interested: string[] }[];
}

export async function seedUnconferenceDemo(ctx: AppContext, seed: DemoBoardSeed): Promise<void> {
  const event = await eventBySlugs(ctx.db, seed.communitySlug, seed.eventSlug);
  const emails = [...new Set(seed.topics.flatMap((t) => [...t.leaders, ...t.interested]))];
  const people = new Map((emails.length ? await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails)) : []).map((u) => [u.email, u.id]));
  await ctx.db.transaction(async (tx) => {
    await tx.insert(unconfSettings).values({ eventId: event.id }).onConflictDoNothing();
    await tx.insert(unconfDays).values(seed.days.map((d) => ({ eventId: event.id, ...d })));
    await tx.insert(unconfSlots).values(seed.days.flatMap((d) => seed.slots.map((s) => ({ eventId: event.id, date: d.date, ...s }))));
    await tx.insert(unconfAreas).values(seed.areas.map((a, position) => ({ eventId: event.id, ...a, position })));
    await tx.insert(unconfFixed).values(seed.fixed.map((f) => ({ eventId: event.id, ...f })));
    for (const [i, t] of seed.topics.entries()) {
      const leaders = t.leaders.flatMap((e) => (people.has(e) ? [people.get(e)!] : []));
      const [row] = await tx
        .insert(unconfTopics)
        .values({ eventId: event.id, number: i + 1, title: t.title, description: t.description, needs: t.needs, length: t.length, demo: true, proposedBy: leaders[0] ?? null })
        .returning({ id: unconfTopics.id });
      if (leaders.length) await tx.insert(unconfLeaders).values(leaders.map((userId) => ({ topicId: row!.id, userId })));
      const interested = t.interested.flatMap((e) => (people.has(e) ? [people.get(e)!] : []));
      if (interested.length) await tx.insert(unconfInterest).values(interested.map((userId) => ({ topicId: row!.id, userId })));
    }
    await tx.update(unconfSettings).set({ revision: 1 }).where(eq(unconfSettings.eventId, event.id));
  });
}
