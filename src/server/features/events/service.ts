import { and, asc, count, eq, gte, ilike, lte, or, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { authorize, rolesAllow, rolesOf, type Actor } from "../../platform/permissions.js";
import { findUserByEmail } from "../accounts/service.js";
import { users } from "../accounts/tables.js";
import { communityBySlug } from "../communities/service.js";
import { communities } from "../communities/tables.js";
import type { CreateEventBody, EventDetail, EventSummary, ListEventsQuery, UpdateEventBody } from "./schema.js";
import { eventRoles, events, talks } from "./tables.js";

type EventRow = typeof events.$inferSelect;

const summaryColumns = {
  id: events.id,
  communitySlug: communities.slug,
  communityName: communities.name,
  kind: events.kind,
  slug: events.slug,
  name: events.name,
  venue: events.venue,
  city: events.city,
  country: events.country,
  timeZone: events.timeZone,
  startDate: events.startDate,
  endDate: events.endDate,
  hostOrganisation: events.hostOrganisation,
  published: events.published,
};

export async function listEvents(ctx: AppContext, q: ListEventsQuery): Promise<{ events: EventSummary[]; total: number }> {
  const where: SQL[] = [eq(events.published, true)];
  if (q.from) where.push(gte(events.endDate, q.from));
  if (q.to) where.push(lte(events.startDate, q.to));
  if (q.kind) where.push(eq(events.kind, q.kind));
  if (q.community) where.push(eq(communities.slug, q.community));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(events.name, like), ilike(events.city, like), ilike(events.venue, like))!);
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db.select(summaryColumns).from(events).innerJoin(communities, eq(communities.id, events.communityId)).where(cond).orderBy(asc(events.startDate), asc(events.name)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(events).innerJoin(communities, eq(communities.id, events.communityId)).where(cond),
  ]);
  return { events: rows, total: total?.n ?? 0 };
}

export async function eventBySlugs(db: Db, communitySlug: string, eventSlug: string): Promise<EventRow> {
  const c = await communityBySlug(db, communitySlug);
  const [e] = await db.select().from(events).where(and(eq(events.communityId, c.id), eq(events.slug, eventSlug)));
  if (!e) throw new NotFoundError(`Event '${eventSlug}'`);
  return e;
}

/** An event row as the fields an organiser sets: what the detail view shows and an export carries. */
export function eventFields(e: EventRow): CreateEventBody {
  return {
    kind: e.kind,
    slug: e.slug,
    name: e.name,
    venue: e.venue,
    city: e.city,
    country: e.country,
    latitude: e.latitude,
    longitude: e.longitude,
    timeZone: e.timeZone,
    startDate: e.startDate,
    endDate: e.endDate,
    hostOrganisation: e.hostOrganisation,
    description: e.description,
    capacity: e.capacity,
    website: e.website,
    cfpClosesAt: e.cfpClosesAt?.toISOString() ?? null,
    published: e.published,
  };
}

export function talkView(t: typeof talks.$inferSelect) {
  return {
    id: t.id,
    title: t.title,
    startsAt: t.startsAt?.toISOString() ?? null,
    endsAt: t.endsAt?.toISOString() ?? null,
    room: t.room,
    speakerName: t.speakerName,
    speakerAffiliation: t.speakerAffiliation,
    abstract: t.abstract,
    slidesUrl: t.slidesUrl,
    videoUrl: t.videoUrl,
  };
}

export async function getEvent(ctx: AppContext, actor: Actor, communitySlug: string, eventSlug: string): Promise<EventDetail> {
  const e = await eventBySlugs(ctx.db, communitySlug, eventSlug);
  // The event page is the busiest signed-in read: the caller's roles are looked up once and
  // every capability on it is read from the same set.
  const roles = await rolesOf(ctx.db, actor, { eventId: e.id, communityId: e.communityId });
  // An unpublished event is invisible, not forbidden: its existence is not disclosed.
  if (!e.published && !rolesAllow(roles, "event.view_unpublished")) throw new NotFoundError(`Event '${eventSlug}'`);
  const [[c], programme] = await Promise.all([
    ctx.db.select().from(communities).where(eq(communities.id, e.communityId)),
    ctx.db.select().from(talks).where(eq(talks.eventId, e.id)).orderBy(asc(talks.startsAt), asc(talks.title)),
  ]);
  return {
    id: e.id,
    communitySlug: c!.slug,
    communityName: c!.name,
    ...eventFields(e),
    descriptionHtml: renderMarkdown(e.description),
    talks: programme.map(talkView),
    can: { update: rolesAllow(roles, "event.update"), manageRoles: rolesAllow(roles, "event.roles.manage") },
  };
}

function rowValues<T extends Partial<CreateEventBody>>(input: T): Omit<T, "cfpClosesAt"> & { cfpClosesAt?: Date | null } {
  const { cfpClosesAt, ...rest } = input;
  return { ...rest, ...(cfpClosesAt !== undefined ? { cfpClosesAt: cfpClosesAt === null ? null : new Date(cfpClosesAt) } : {}) };
}

const slugTaken = (slug: string) => new ConflictError("slug_taken", `This community already has an event at '${slug}'.`, { slug: ["This address is taken in this community."] });

export async function createEvent(ctx: AppContext, actor: Actor, communitySlug: string, input: CreateEventBody): Promise<EventDetail> {
  const c = await communityBySlug(ctx.db, communitySlug);
  await authorize(ctx.db, actor, "event.create", { communityId: c.id });
  await ctx.db.transaction(async (tx) => {
    const [e] = await tx.insert(events).values({ ...rowValues(input), communityId: c.id }).onConflictDoNothing().returning();
    if (!e) throw slugTaken(input.slug);
    // Whoever creates an event organises it, so it stays theirs if they leave the community team.
    if (actor.kind === "user") await tx.insert(eventRoles).values({ eventId: e.id, userId: actor.id, role: "organiser" });
  });
  await ctx.bus.publish(EVENTS_CHANGED);
  return getEvent(ctx, actor, communitySlug, input.slug);
}

export async function updateEvent(ctx: AppContext, actor: Actor, communitySlug: string, eventSlug: string, input: UpdateEventBody): Promise<EventDetail> {
  const e = await eventBySlugs(ctx.db, communitySlug, eventSlug);
  await authorize(ctx.db, actor, "event.update", { eventId: e.id });
  const start = input.startDate ?? e.startDate;
  const end = input.endDate ?? e.endDate;
  if (start > end) throw new ValidationError("The event cannot end before it starts.", { endDate: [`The event starts on ${start}; it cannot end on ${end}.`] });
  const lat = input.latitude !== undefined ? input.latitude : e.latitude;
  const lon = input.longitude !== undefined ? input.longitude : e.longitude;
  if ((lat === null) !== (lon === null)) throw new ValidationError("Give both latitude and longitude, or neither.", { longitude: ["Give both latitude and longitude, or neither."] });
  const [updated] = await ctx.db
    .update(events)
    .set({ ...rowValues(input), updatedAt: ctx.now() })
    .where(eq(events.id, e.id))
    .returning()
    .catch((err: unknown) => {
      if (String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === "23505") throw slugTaken(input.slug ?? eventSlug);
      throw err;
    });
  await ctx.bus.publish(EVENTS_CHANGED);
  return getEvent(ctx, actor, communitySlug, updated!.slug);
}

export async function listRoles(ctx: AppContext, actor: Actor, communitySlug: string, eventSlug: string) {
  const e = await eventBySlugs(ctx.db, communitySlug, eventSlug);
  await authorize(ctx.db, actor, "event.roles.read", { eventId: e.id });
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: eventRoles.role })
    .from(eventRoles)
    .innerJoin(users, eq(users.id, eventRoles.userId))
    .where(eq(eventRoles.eventId, e.id))
    .orderBy(asc(eventRoles.role), asc(users.name));
  return { roles: rows };
}

export async function grantRole(ctx: AppContext, actor: Actor, communitySlug: string, eventSlug: string, email: string, role: (typeof eventRoles.$inferSelect)["role"]) {
  const e = await eventBySlugs(ctx.db, communitySlug, eventSlug);
  await authorize(ctx.db, actor, "event.roles.manage", { eventId: e.id });
  const u = await findUserByEmail(ctx.db, email);
  if (!u) throw new ValidationError("There is no account with this email address yet; ask them to sign up first.", { email: ["No account has this address."] });
  await ctx.db.insert(eventRoles).values({ eventId: e.id, userId: u.id, role }).onConflictDoNothing();
  return listRoles(ctx, actor, communitySlug, eventSlug);
}

export async function revokeRole(ctx: AppContext, actor: Actor, communitySlug: string, eventSlug: string, userId: string, role: (typeof eventRoles.$inferSelect)["role"]): Promise<void> {
  const e = await eventBySlugs(ctx.db, communitySlug, eventSlug);
  await authorize(ctx.db, actor, "event.roles.manage", { eventId: e.id });
  const gone = await ctx.db.delete(eventRoles).where(and(eq(eventRoles.eventId, e.id), eq(eventRoles.userId, userId), eq(eventRoles.role, role))).returning();
  if (gone.length === 0) throw new NotFoundError("That role");
}
