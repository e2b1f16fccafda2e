import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, ValidationError } from "../../platform/errors.js";
import { users } from "../../platform/auth/tables.js";
import { addOrganisers, communityBySlug, insertCommunity, organiserEmails } from "../communities/index.js";
import { createCommunityBody } from "../communities/schema.js";
import { createEventBody } from "./schema.js";
import { eventFields, grantRoles, talkView } from "./service.js";
import { eventRoles, events, talks, EVENT_ROLES } from "./tables.js";
import { fieldErrors } from "../../platform/http/route.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";

/**
 * A community as a portable JSON document: its events, programmes and who holds which
 * role, people named by email so the file can move between instances.
 */
const talkDoc = z.object({
  title: z.string().min(1),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  room: z.string().nullable(),
  speakerName: z.string().nullable(),
  speakerAffiliation: z.string().nullable(),
  abstract: z.string(),
  slidesUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
});

export const communityDocument = z.object({
  format: z.literal("plenary-community"),
  version: z.literal(1),
  community: createCommunityBody,
  organisers: z.array(z.email()),
  events: z.array(
    createEventBody.safeExtend({
      talks: z.array(talkDoc),
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
  const allTalks = ids.length ? await ctx.db.select().from(talks).where(inArray(talks.eventId, ids)).orderBy(talks.startsAt) : [];
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
      talks: allTalks.filter((t) => t.eventId === e.id).map((t) => {
        const { id: _id, ...doc } = talkView(t);
        return doc;
      }),
      roles: allRoles.filter((r) => r.eventId === e.id).map(({ email, role }) => ({ email, role })),
    })),
  };
}

/** Imports in one transaction. People without an account here are reported, not invented. */
export async function importCommunity(ctx: AppContext, input: unknown): Promise<{ slug: string; events: number; talks: number; unknownPeople: string[] }> {
  const parsed = communityDocument.safeParse(input);
  if (!parsed.success) throw new ValidationError("This file is not a valid community export.", fieldErrors(parsed.error));
  const doc = parsed.data;
  const emails = [...new Set([...doc.organisers, ...doc.events.flatMap((e) => e.roles.map((r) => r.email))])];
  const known = emails.length ? await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, emails.map((e) => e.toLowerCase()))) : [];
  const idOf = new Map(known.map((u) => [u.email.toLowerCase(), u.id]));
  let talkCount = 0;
  await ctx.db.transaction(async (tx) => {
    const c = await insertCommunity(tx, doc.community);
    if (!c) throw new ConflictError("slug_taken", `A community at '${doc.community.slug}' exists already.`);
    await addOrganisers(tx, c.id, doc.organisers.flatMap((e) => (idOf.has(e.toLowerCase()) ? [idOf.get(e.toLowerCase())!] : [])));
    for (const { talks: programme, roles, cfpClosesAt, ...e } of doc.events) {
      const [ev] = await tx.insert(events).values({ ...e, communityId: c.id, cfpClosesAt: cfpClosesAt ? new Date(cfpClosesAt) : null }).returning({ id: events.id });
      if (programme.length) {
        await tx.insert(talks).values(programme.map((t) => ({ ...t, eventId: ev!.id, startsAt: t.startsAt ? new Date(t.startsAt) : null, endsAt: t.endsAt ? new Date(t.endsAt) : null })));
        talkCount += programme.length;
      }
      await grantRoles(tx, roles.flatMap((r) => (idOf.has(r.email.toLowerCase()) ? [{ eventId: ev!.id, userId: idOf.get(r.email.toLowerCase())!, role: r.role }] : [])));
    }
  });
  await ctx.bus.publish(EVENTS_CHANGED);
  return { slug: doc.community.slug, events: doc.events.length, talks: talkCount, unknownPeople: emails.filter((e) => !idOf.has(e.toLowerCase())) };
}
