import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { users } from "../../platform/auth/tables.js";
import { permitFor } from "../../platform/permissions.js";
import { eventBySlugs } from "../events/index.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import { putSettings } from "./call.js";
import { cfpConflicts, cfpProposals, cfpProposalSpeakers, speakerProfiles } from "./tables.js";
import type { SettingsBody } from "./schema.js";

/**
 * The demo's call: the summit's call for participation, reopened from the moment the demo was
 * seeded (the real one closed on its deadline) so the flow can be tried, and saying so; sample
 * proposals by the demo speaker account, labelled demo content, so each committee page has
 * something to show.
 */
export interface DemoCallSeed {
  communitySlug: string;
  eventSlug: string;
  /** Who sets the call up (a chair or an organiser of the event). */
  chairEmail: string;
  /** The committee's phase the demo starts in (reviewing: every committee page has work to show). */
  phase: "closed" | "bidding" | "reviewing";
  /** How long the reopened call stays open from seed time. */
  openDays: number;
  settings: Omit<SettingsBody, "opensAt" | "closesAt">;
  profiles: { email: string; name: string; affiliation: string; biography: string }[];
  proposals: { speakerEmail: string; title: string; abstract: string; sessionType: string; topics: string[] }[];
  /** A conflict a chair recorded, so the conflict page has one that is not automatic. */
  conflicts: { title: string; email: string }[];
}

export async function seedCfpDemo(ctx: AppContext, seed: DemoCallSeed): Promise<void> {
  const event = await eventBySlugs(ctx.db, seed.communitySlug, seed.eventSlug);
  const [chair] = await ctx.db.select().from(users).where(eq(users.email, seed.chairEmail));
  const actor = { kind: "user" as const, id: chair!.id, email: chair!.email, name: chair!.name, isAdmin: chair!.isAdmin, locale: chair!.locale, via: "session" as const };
  const target = { event, communitySlug: seed.communitySlug, permit: await permitFor(ctx, actor, { eventId: event.id, communityId: event.communityId }) };
  const now = ctx.now();
  const local = (d: Date) => ({ local: instantToZonedLocal(d, event.timeZone), zone: "event" as const });
  await putSettings(ctx, target, { ...seed.settings, opensAt: local(now), closesAt: local(new Date(now.getTime() + seed.openDays * 86_400_000)) }, { demo: true, phase: seed.phase });
  const ids = new Map<string, string>();
  for (const u of await ctx.db.select({ id: users.id, email: users.email }).from(users)) ids.set(u.email, u.id);
  await ctx.db.transaction(async (tx) => {
    for (const p of seed.profiles) await tx.insert(speakerProfiles).values({ userId: ids.get(p.email)!, name: p.name, affiliation: p.affiliation, biography: p.biography }).onConflictDoNothing();
    const titles = new Map<string, string>();
    for (const p of seed.proposals) {
      const [row] = await tx
        .insert(cfpProposals)
        .values({ eventId: event.id, submittedBy: ids.get(p.speakerEmail)!, title: p.title, abstract: p.abstract, sessionType: p.sessionType, topics: p.topics, state: "submitted", demo: true, submittedAt: now, notes: "Demo content." })
        .returning();
      await tx.insert(cfpProposalSpeakers).values({ proposalId: row!.id, email: p.speakerEmail, userId: ids.get(p.speakerEmail)!, status: "accepted", position: 0 });
      titles.set(p.title, row!.id);
    }
    for (const c of seed.conflicts) await tx.insert(cfpConflicts).values({ proposalId: titles.get(c.title)!, userId: ids.get(c.email)!, source: "chair" });
  });
}
