import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { containsPattern, isUniqueViolation } from "../../platform/db/sql.js";
import type { Programme } from "../../platform/programme.js";
import { slugify } from "../../../shared/slug.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { permitFor, type Actor, type Permit, type RoleResolver } from "../../platform/permissions.js";
import { findUserByEmail } from "../../platform/auth/index.js";
import { users } from "../../platform/auth/tables.js";
import { communityBySlug, communityNames, type CommunityTarget } from "../communities/index.js";
import type { CreateEventBody, EventDetail, EventSummary, ListEventsQuery, UpdateEventBody } from "./schema.js";
import { eventRoles, events } from "./tables.js";

export type EventRow = typeof events.$inferSelect;

const summaryColumns = {
  id: events.id,
  communityId: events.communityId,
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
  if (q.community) {
    const c = await communityBySlug(ctx.db, q.community).catch(() => null);
    if (!c) return { events: [], total: 0 };
    where.push(eq(events.communityId, c.id));
  }
  if (q.q) {
    const like = containsPattern(q.q);
    where.push(or(ilike(events.name, like), ilike(events.city, like), ilike(events.venue, like))!);
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db.select(summaryColumns).from(events).where(cond).orderBy(q.order === "desc" ? desc(events.startDate) : asc(events.startDate), asc(events.name)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(events).where(cond),
  ]);
  const names = await communityNames(ctx.db, rows.map((r) => r.communityId));
  return {
    events: rows.map(({ communityId, ...e }) => ({ ...e, communitySlug: names.get(communityId)?.slug ?? "", communityName: names.get(communityId)?.name ?? "" })),
    total: total?.n ?? 0,
  };
}

export async function eventBySlugs(db: Db, communitySlug: string, eventSlug: string): Promise<EventRow> {
  const c = await communityBySlug(db, communitySlug);
  const [e] = await db.select().from(events).where(and(eq(events.communityId, c.id), eq(events.slug, eventSlug)));
  if (!e) throw new NotFoundError(msg("events.errors.notFound", { slug: eventSlug }));
  return e;
}

export async function eventById(db: Db, id: string): Promise<EventRow> {
  const [e] = await db.select().from(events).where(eq(events.id, id));
  if (!e) throw new NotFoundError(msg("events.errors.notFoundById"));
  return e;
}

/** An event and the caller's standing at it: what every event-scoped operation acts on. */
export interface EventTarget {
  event: EventRow;
  communitySlug: string;
  permit: Permit;
}

/**
 * Resolves the event and the caller's roles there, once. An unpublished event is invisible,
 * not forbidden, to whoever may not see it: 404, so its existence is not disclosed.
 */
export async function eventTarget(ctx: AppContext, actor: Actor, communitySlug: string, eventSlug: string): Promise<EventTarget> {
  const event = await eventBySlugs(ctx.db, communitySlug, eventSlug);
  const permit = await permitFor(ctx, actor, { eventId: event.id, communityId: event.communityId });
  if (!event.published) permit.requireOrHide("event.view_unpublished", msg("events.errors.notFound", { slug: eventSlug }));
  return { event, communitySlug, permit };
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

/**
 * The event's programme, from whichever feature owns it (the road calendar for an external
 * event, the schedule for a conference, the board for a hackathon): the first that has one.
 */
async function programmeOf(ctx: AppContext, eventId: string): Promise<Programme | null> {
  for (const f of ctx.features) {
    const p = await f.programme?.(ctx, eventId);
    if (p) return p;
  }
  return null;
}

/** A programme's items as the event page lists them; an end equal to the start is an end nobody published. */
function programmeItems(p: Programme | null): EventDetail["talks"] {
  if (!p) return [];
  const rooms = new Map(p.rooms.map((r) => [r.id, r.name]));
  return p.items.map((i) => ({
    id: i.id,
    title: i.title,
    startsAt: i.start.toISOString(),
    endsAt: i.end > i.start ? i.end.toISOString() : null,
    room: rooms.get(i.roomId) ?? null,
    speakers: i.persons.map((person) => ({ name: person.name, affiliation: person.affiliation })),
    abstract: i.abstract,
    links: i.links,
    url: i.url,
  }));
}

export async function getEvent(ctx: AppContext, { event: e, communitySlug, permit }: EventTarget): Promise<EventDetail> {
  const [names, programme] = await Promise.all([communityNames(ctx.db, [e.communityId]), programmeOf(ctx, e.id)]);
  return {
    id: e.id,
    communitySlug,
    communityName: names.get(e.communityId)?.name ?? "",
    ...eventFields(e),
    descriptionHtml: renderMarkdown(e.description),
    talks: programmeItems(programme),
    can: { update: permit.can("event.update"), manageRoles: permit.can("event.roles.manage") },
  };
}

function rowValues<T extends Partial<CreateEventBody>>(input: T): Omit<T, "cfpClosesAt"> & { cfpClosesAt?: Date | null } {
  const { cfpClosesAt, ...rest } = input;
  return { ...rest, ...(cfpClosesAt !== undefined ? { cfpClosesAt: cfpClosesAt === null ? null : new Date(cfpClosesAt) } : {}) };
}

const slugTaken = (slug: string) => new ConflictError("slug_taken", msg("events.errors.slugTaken", { slug }), { slug: [msg("events.errors.slugTakenField")] });

export async function createEvent(ctx: AppContext, { community: c, permit }: CommunityTarget, input: CreateEventBody): Promise<EventDetail> {
  permit.require("event.create");
  await ctx.db.transaction(async (tx) => {
    const [e] = await tx.insert(events).values({ ...rowValues(input), communityId: c.id }).onConflictDoNothing().returning();
    if (!e) throw slugTaken(input.slug);
    // Whoever creates an event organises it, so it stays theirs if they leave the community team.
    if (permit.actor.kind === "user") await tx.insert(eventRoles).values({ eventId: e.id, userId: permit.actor.id, role: "organiser" });
  });
  await ctx.bus.publish(EVENTS_CHANGED);
  return getEvent(ctx, await eventTarget(ctx, permit.actor, c.slug, input.slug));
}

export async function updateEvent(ctx: AppContext, target: EventTarget, input: UpdateEventBody): Promise<EventDetail> {
  const { event: e, permit } = target;
  permit.require("event.update");
  const start = input.startDate ?? e.startDate;
  const end = input.endDate ?? e.endDate;
  if (start > end) throw new ValidationError(msg("events.form.endBeforeStart"), { endDate: [msg("events.errors.endBeforeStartField", { start, end })] });
  const lat = input.latitude !== undefined ? input.latitude : e.latitude;
  const lon = input.longitude !== undefined ? input.longitude : e.longitude;
  if ((lat === null) !== (lon === null)) throw new ValidationError(msg("events.form.coordinatesTogether"), { longitude: [msg("events.form.coordinatesTogether")] });
  const [updated] = await ctx.db
    .update(events)
    .set({ ...rowValues(input), updatedAt: ctx.now() })
    .where(eq(events.id, e.id))
    .returning()
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw slugTaken(input.slug ?? e.slug);
      throw err;
    });
  await ctx.bus.publish(EVENTS_CHANGED);
  // The caller's roles did not change; only the row did.
  return getEvent(ctx, { ...target, event: updated! });
}

export async function listRoles(ctx: AppContext, { event: e, permit }: EventTarget) {
  permit.require("event.roles.read");
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: eventRoles.role })
    .from(eventRoles)
    .innerJoin(users, eq(users.id, eventRoles.userId))
    .where(eq(eventRoles.eventId, e.id))
    .orderBy(asc(eventRoles.role), asc(users.name));
  return { roles: rows };
}

export async function grantRole(ctx: AppContext, target: EventTarget, email: string, role: EventRole) {
  target.permit.require("event.roles.manage");
  const u = await findUserByEmail(ctx.db, email);
  if (!u) throw new ValidationError(msg("events.errors.noAccount"), { email: [msg("events.errors.noAccountField")] });
  await ctx.db.insert(eventRoles).values({ eventId: target.event.id, userId: u.id, role }).onConflictDoNothing();
  return listRoles(ctx, target);
}

export async function revokeRole(ctx: AppContext, { event: e, permit }: EventTarget, userId: string, role: EventRole): Promise<void> {
  permit.require("event.roles.manage");
  const gone = await ctx.db.delete(eventRoles).where(and(eq(eventRoles.eventId, e.id), eq(eventRoles.userId, userId), eq(eventRoles.role, role))).returning();
  if (gone.length === 0) throw new NotFoundError(msg("events.errors.roleNotFound"));
}

// ---------------------------------------------------------------- for other features (through index.ts)

type EventRole = (typeof eventRoles.$inferSelect)["role"];

/** Event roles, for the permission table. */
export const eventRoleResolver: RoleResolver = async (db, actor, scope) => {
  if (!scope.eventId) return [];
  const rows = await db.select({ role: eventRoles.role }).from(eventRoles).where(and(eq(eventRoles.eventId, scope.eventId), eq(eventRoles.userId, actor.id)));
  return rows.map((r) => r.role);
};

/** A person's roles at every event, for their account page. */
export async function rolesOfUser(db: Db, userId: string) {
  const rows = await db
    .select({ eventId: events.id, eventName: events.name, eventSlug: events.slug, communityId: events.communityId, role: eventRoles.role })
    .from(eventRoles)
    .innerJoin(events, eq(events.id, eventRoles.eventId))
    .where(eq(eventRoles.userId, userId))
    .orderBy(events.startDate);
  const names = await communityNames(db, rows.map((r) => r.communityId));
  return rows.map(({ communityId, ...r }) => ({ ...r, communitySlug: names.get(communityId)?.slug ?? "" }));
}

/** Who holds any of these roles at an event (a person holding two appears twice). */
export async function roleHolders(db: Db, eventId: string, roles: readonly EventRole[]): Promise<{ userId: string; role: EventRole }[]> {
  return db.select({ userId: eventRoles.userId, role: eventRoles.role }).from(eventRoles).where(and(eq(eventRoles.eventId, eventId), inArray(eventRoles.role, [...roles])));
}

export async function grantRoles(tx: Db, rows: readonly { eventId: string; userId: string; role: EventRole }[]): Promise<void> {
  if (rows.length) await tx.insert(eventRoles).values([...rows]).onConflictDoNothing();
}

/** Roles end with the account. */
export async function forgetRoles(tx: Db, userId: string): Promise<void> {
  await tx.delete(eventRoles).where(eq(eventRoles.userId, userId));
}

export async function eventsByIds(db: Db, ids: readonly string[]): Promise<EventRow[]> {
  return ids.length ? db.select().from(events).where(inArray(events.id, [...new Set(ids)])) : [];
}

export type EventPlace = Pick<EventRow, "id" | "latitude" | "longitude" | "country" | "timeZone" | "published">;

/** Where events are and in which zone, and nothing else: the road calendar holds these for thousands of events. */
export async function eventPlaces(db: Db, ids: readonly string[]): Promise<EventPlace[]> {
  const out: EventPlace[] = [];
  // In slices, under the protocol's limit on parameters.
  for (let i = 0; i < ids.length; i += 10_000) {
    out.push(
      ...(await db
        .select({ id: events.id, latitude: events.latitude, longitude: events.longitude, country: events.country, timeZone: events.timeZone, published: events.published })
        .from(events)
        .where(inArray(events.id, ids.slice(i, i + 10_000)))),
    );
  }
  return out;
}

/** What the road calendar knows of a conference elsewhere when a member's talk there is approved. */
export interface ExternalEventInput {
  name: string;
  website: string | null;
  venue: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  startDate: string;
  endDate: string;
}

/**
 * Creates a published `external` event in the caller's transaction, at the first free
 * address made from its name and year ("kubecon-2030", "kubecon-2030-2", …).
 */
export async function createExternalEvent(tx: Db, communityId: string, input: ExternalEventInput): Promise<EventRow> {
  const year = input.startDate.slice(0, 4);
  const words = slugify(input.name, 48);
  const base = words.includes(year) ? words || "event" : `${words || "event"}-${year}`;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [e] = await tx
      .insert(events)
      .values({ ...input, communityId, kind: "external", slug, published: true })
      .onConflictDoNothing()
      .returning();
    if (e) return e;
  }
}

/** What an imported schedule (a pretalx or frab export) says of its conference. */
export interface ImportedConferenceInput {
  slug: string;
  name: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  website: string | null;
}

/**
 * Creates a published conference for an imported schedule in the caller's transaction, at
 * the wanted address or the first free one after it ("fosdem-2024", "fosdem-2024-2", …);
 * whoever imported it organises it.
 */
export async function createImportedConference(tx: Db, communityId: string, input: ImportedConferenceInput, organiserId: string | null): Promise<EventRow> {
  const { slug: base, ...fields } = input;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [e] = await tx
      .insert(events)
      .values({ ...fields, communityId, kind: "conference", slug, published: true })
      .onConflictDoNothing()
      .returning();
    if (!e) continue;
    if (organiserId) await tx.insert(eventRoles).values({ eventId: e.id, userId: organiserId, role: "organiser" });
    return e;
  }
}
