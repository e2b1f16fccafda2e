import { count } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { zonedToInstant } from "../../../shared/time.js";
import { createVerifiedUser } from "../accounts/service.js";
import { seedRegistrationDemo } from "../registration/demo.js";
import { communities, communityOrganisers } from "../communities/tables.js";
import { eventRoles, events, talks } from "../events/tables.js";
import type { DemoCommunity } from "./data-types.js";
import { xenProject } from "./xen2014.js";

/** Printed at start; example.org addresses only, never real people's accounts. */
export const DEMO_PASSWORD = "plenary-demo";
export const DEMO_ACCOUNTS = [
  { email: "admin@example.org", name: "Demo Admin", role: "instance admin", isAdmin: true },
  { email: "organiser@example.org", name: "Demo Organiser", role: "organiser of the Xen Project community", isAdmin: false },
  { email: "reviewer@example.org", name: "Demo Reviewer", role: "reviewer at the Developer Summit", isAdmin: false },
  { email: "speaker@example.org", name: "Demo Speaker", role: "speaker at the Developer Summit", isAdmin: false },
  { email: "attendee@example.org", name: "Demo Attendee", role: "attendee of the Hackathon", isAdmin: false },
] as const;

export async function seedCommunity(ctx: AppContext, data: DemoCommunity): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.insert(communities).values({ slug: data.slug, name: data.name, description: data.description, website: data.website }).returning();
    for (const e of data.events) {
      const { talks: programme, cfpClosesAt, ...fields } = e;
      const [row] = await tx
        .insert(events)
        .values({ ...fields, communityId: c!.id, cfpClosesAt: cfpClosesAt ? new Date(cfpClosesAt) : null })
        .returning({ id: events.id });
      ids.set(e.slug, row!.id);
      if (programme.length) {
        await tx.insert(talks).values(
          programme.map(({ startsLocal, endsLocal, ...t }) => ({
            ...t,
            eventId: row!.id,
            startsAt: startsLocal ? zonedToInstant(startsLocal, e.timeZone) : null,
            endsAt: endsLocal ? zonedToInstant(endsLocal, e.timeZone) : null,
          })),
        );
      }
    }
    ids.set("", c!.id);
  });
  return ids;
}

/** Seeds the Xen Project demo when the instance has no community yet; returns the logins, or null. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<{ password: string; accounts: { email: string; role: string }[] } | null> {
  const [row] = await ctx.db.select({ n: count() }).from(communities);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(ctx);
}

export async function seedDemo(ctx: AppContext): Promise<{ password: string; accounts: { email: string; role: string }[] }> {
  const ids = await seedCommunity(ctx, xenProject);
  const communityId = ids.get("")!;
  const users = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const u = await createVerifiedUser(ctx, ctx.db, { email: a.email, name: a.name, password: DEMO_PASSWORD, isAdmin: a.isAdmin });
    users.set(a.email, u.id);
  }
  await ctx.db.insert(communityOrganisers).values({ communityId, userId: users.get("organiser@example.org")! }).onConflictDoNothing();
  const kindSlug = (kind: string) => xenProject.events.find((e) => e.kind === kind)?.slug;
  const summit = ids.get(kindSlug("conference") ?? "");
  const hackathon = ids.get(kindSlug("hackathon") ?? "");
  const roles: (typeof eventRoles.$inferInsert)[] = [];
  if (summit) {
    roles.push({ eventId: summit, userId: users.get("reviewer@example.org")!, role: "reviewer" });
    roles.push({ eventId: summit, userId: users.get("speaker@example.org")!, role: "speaker" });
  }
  if (hackathon) roles.push({ eventId: hackathon, userId: users.get("attendee@example.org")!, role: "attendee" });
  if (roles.length) await ctx.db.insert(eventRoles).values(roles).onConflictDoNothing();
  if (hackathon) await seedRegistrationDemo(ctx, hackathon);
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
