import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, ValidationError } from "../../platform/errors.js";
import { users } from "../../platform/auth/tables.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { addOrganisers, communityBySlug, insertCommunity, organiserEmails } from "../communities/index.js";
import { createCommunityBody } from "../communities/schema.js";
import { createEventBody } from "./schema.js";
import { eventFields, grantRoles } from "./service.js";
import { eventRoles, events, EVENT_ROLES } from "./tables.js";
import { fieldErrors } from "../../platform/http/route.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";

/**
 * A community as a portable JSON document: its events and who holds which role (the
 * features that own programmes keep them; the road calendar has its own feeds), people named by email so the file can move between instances.
 */
export const communityDocument = z.object({
  format: z.literal("plenary-community"),
  version: z.literal(1),
  community: createCommunityBody,
  organisers: z.array(z.email()),
  events: z.array(
    createEventBody.safeExtend({
      roles: z.array(z.object({ email: z.email(), role: z.enum(EVENT_ROLES) })),
    }),
  ),
});
export type CommunityDocument = z.infer<typeof communityDocument>;

export async function exportCommunity(ctx: AppContext, slug: string): Promise<CommunityDocument> {
  const c = await communityBySlug(ctx.db, slug);
  const orgs = await organiserEmails(ctx.db, c.id);
  const evs = await ctx.db.select().from(events).where(eq(events.communityId, c.id)).orderBy(events.startDate);
  const ids = evs.map((e) => e.id);
  const allRoles = ids.length
    ? await ctx.db.select({ eventId: eventRoles.eventId, email: users.email, role: eventRoles.role }).from(eventRoles).innerJoin(users, eq(users.id, eventRoles.userId)).where(inArray(eventRoles.eventId, ids))
    : [];
  return {
    format: "plenary-community",
    version: 1,
    community: { slug: c.slug, name: c.name, description: c.description, website: c.website },
    organisers: orgs,
    events: evs.map((e) => ({
      ...eventFields(e),
      roles: allRoles.filter((r) => r.eventId === e.id).map(({ email, role }) => ({ email, role })),
    })),
  };
}

/** Imports in one transaction. People without an account here are reported, not invented. */
export async function importCommunity(ctx: AppContext, input: unknown): Promise<{ slug: string; events: number; unknownPeople: string[] }> {
  const parsed = communityDocument.safeParse(input);
  if (!parsed.success) throw new ValidationError(msg("events.errors.invalidExport"), fieldErrors(parsed.error));
  const doc = parsed.data;
  const emails = [...new Set([...doc.organisers, ...doc.events.flatMap((e) => e.roles.map((r) => r.email))])];
  const known = emails.length ? await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, emails.map((e) => e.toLowerCase()))) : [];
  const idOf = new Map(known.map((u) => [u.email.toLowerCase(), u.id]));
  await ctx.db.transaction(async (tx) => {
    const c = await insertCommunity(tx, doc.community);
    if (!c) throw new ConflictError("slug_taken", msg("communities.errors.slugTaken", { slug: doc.community.slug }));
    await addOrganisers(tx, c.id, doc.organisers.flatMap((e) => (idOf.has(e.toLowerCase()) ? [idOf.get(e.toLowerCase())!] : [])));
    for (const { roles, cfpClosesAt, ...e } of doc.events) {
      const [ev] = await tx.insert(events).values({ ...e, communityId: c.id, cfpClosesAt: cfpClosesAt ? new Date(cfpClosesAt) : null }).returning({ id: events.id });
      await grantRoles(tx, roles.flatMap((r) => (idOf.has(r.email.toLowerCase()) ? [{ eventId: ev!.id, userId: idOf.get(r.email.toLowerCase())!, role: r.role }] : [])));
    }
  });
  await ctx.bus.publish(EVENTS_CHANGED);
  return { slug: doc.community.slug, events: doc.events.length, unknownPeople: emails.filter((e) => !idOf.has(e.toLowerCase())) };
}
