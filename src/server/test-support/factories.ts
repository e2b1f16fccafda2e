import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppContext } from "../platform/context.js";
import { issueSession, SESSION_COOKIE } from "../platform/auth/index.js";
import { createVerifiedUser } from "../features/accounts/index.js";
import { users } from "../platform/auth/tables.js";
import { communities, communityOrganisers } from "../features/communities/tables.js";
import { eventRoles, events, type EVENT_ROLES } from "../features/events/tables.js";

/** Factories: each test builds exactly the rows it needs, with unique names so files never collide. */
const uid = () => randomBytes(4).toString("hex");

export const PASSWORD = "correct horse battery";

export interface SignedIn {
  id: string;
  email: string;
  /** Headers for a cookie-authenticated request, CSRF token included. */
  headers: Record<string, string>;
}

export async function makeUser(ctx: AppContext, opts: { admin?: boolean; email?: string; name?: string } = {}): Promise<SignedIn> {
  const email = opts.email ?? `person-${uid()}@example.org`;
  const u = await createVerifiedUser(ctx, ctx.db, { email, name: opts.name ?? "Test Person", password: PASSWORD, isAdmin: opts.admin ?? false });
  const { token, csrfToken } = await issueSession(ctx, ctx.db, u.id);
  return { id: u.id, email, headers: { cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": csrfToken } };
}

export async function makeCommunity(ctx: AppContext, opts: { organiserId?: string } = {}) {
  const slug = `community-${uid()}`;
  const [c] = await ctx.db.insert(communities).values({ slug, name: `Community ${slug}` }).returning();
  if (opts.organiserId) await ctx.db.insert(communityOrganisers).values({ communityId: c!.id, userId: opts.organiserId });
  return c!;
}

export async function makeEvent(ctx: AppContext, communityId: string, overrides: Partial<typeof events.$inferInsert> = {}) {
  const [e] = await ctx.db
    .insert(events)
    .values({ communityId, kind: "conference", slug: `event-${uid()}`, name: "Test Summit", timeZone: "Europe/London", startDate: "2030-05-29", endDate: "2030-05-30", ...overrides })
    .returning();
  return e!;
}

export async function grant(ctx: AppContext, eventId: string, userId: string, role: (typeof EVENT_ROLES)[number]) {
  await ctx.db.insert(eventRoles).values({ eventId, userId, role });
}

export async function userRow(ctx: AppContext, id: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, id));
  return u!;
}
