import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { BusCache } from "../../platform/cache.js";
import { NotFoundError, UnauthenticatedError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import type { Programme } from "../../platform/programme.js";
import { EVENTS_CHANGED } from "../../platform/topics.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { eventBySlugs, eventTarget } from "../events/index.js";
import { releaseByNumber, toSnapshot } from "./programme.js";
import { releaseView } from "./release.js";
import type { FavouritesView, PublicScheduleView, ReleaseView, VersionView } from "./schema.js";
import { outputApiBase, outputPath, outputsOf } from "./outputs/store.js";
import { scheduleFavourites, scheduleReleases, scheduleSessions } from "./tables.js";

/**
 * What anyone may read: the published programme, its versions and outputs, and a signed-in
 * person's favourites. An event's address is resolved once and kept until an event changes,
 * so serving an output costs no query.
 */
export interface PublicEvent {
  id: string;
  communityId: string;
  slug: string;
  communitySlug: string;
  name: string;
  timeZone: string;
}

export class PublicEvents {
  private readonly cache: BusCache<PublicEvent | null>;
  constructor(private readonly ctx: AppContext) {
    this.cache = new BusCache(ctx.bus, EVENTS_CHANGED, { ttlMs: 60_000, maxEntries: 2_000 });
  }

  /** A published event, or one the caller may see unpublished; 404 otherwise. */
  async resolve(actor: Actor, communitySlug: string, eventSlug: string): Promise<PublicEvent> {
    const hit = await this.cache.get(`${communitySlug}/${eventSlug}`, async () => {
      const e = await eventBySlugs(this.ctx.db, communitySlug, eventSlug).catch(() => null);
      return e?.published ? { id: e.id, communityId: e.communityId, slug: e.slug, communitySlug, name: e.name, timeZone: e.timeZone } : null;
    });
    if (hit) return hit;
    const { event: e } = await eventTarget(this.ctx, actor, communitySlug, eventSlug);
    return { id: e.id, communityId: e.communityId, slug: e.slug, communitySlug, name: e.name, timeZone: e.timeZone };
  }
}

const notReleased = () => new NotFoundError(msg("schedule.errors.notReleased"));

export function outputUrls(ctx: AppContext, communitySlug: string, eventSlug: string): PublicScheduleView["outputs"] {
  const api = outputApiBase(ctx, communitySlug, eventSlug);
  return {
    xml: `${api}/${outputPath("xml")}`,
    json: `${api}/${outputPath("json")}`,
    json2: `${api}/${outputPath("json2")}`,
    ics: `${api}/${outputPath("ics")}`,
    csv: `${api}/${outputPath("csv")}`,
    widget: `${api}/schedule/widget`,
    widgetScript: `${api}/schedule/widget.js`,
  };
}

export async function publicSchedule(ctx: AppContext, e: PublicEvent): Promise<PublicScheduleView> {
  const programme = await outputsOf(ctx).programme(e.id);
  if (!programme) throw notReleased();
  const [last] = await ctx.db
    .select({ number: scheduleReleases.number, releasedAt: scheduleReleases.releasedAt, note: scheduleReleases.note })
    .from(scheduleReleases)
    .where(eq(scheduleReleases.eventId, e.id))
    .orderBy(desc(scheduleReleases.number))
    .limit(1);
  return { programme: toSnapshot(programme), outputs: outputUrls(ctx, e.communitySlug, e.slug), release: last ? { number: last.number, releasedAt: last.releasedAt.toISOString(), note: last.note } : null };
}

export async function listVersions(ctx: AppContext, e: PublicEvent): Promise<{ releases: ReleaseView[] }> {
  const rows = await ctx.db.select().from(scheduleReleases).where(eq(scheduleReleases.eventId, e.id)).orderBy(desc(scheduleReleases.number));
  return { releases: rows.map(releaseView) };
}

export async function getVersion(ctx: AppContext, e: PublicEvent, n: number): Promise<VersionView> {
  const row = await releaseByNumber(ctx.db, e.id, n);
  if (!row) throw new NotFoundError(msg("schedule.errors.versionNotFound", { version: n }));
  return { release: releaseView(row), programme: row.programme };
}

// ---------------------------------------------------------------- favourites

/** The address of a person's favourites calendar: signed, so a calendar program can read it without a session. */
function favouritesToken(ctx: AppContext, userId: string, eventId: string): string {
  const mac = createHmac("sha256", ctx.secrets.statusLink).update(`schedule-favourites|${userId}|${eventId}`).digest("base64url").slice(0, 32);
  return `${userId}.${mac}`;
}

export function userOfToken(ctx: AppContext, token: string, eventId: string): string {
  const [userId] = token.split(".");
  const expected = userId ? favouritesToken(ctx, userId, eventId) : "";
  const a = Buffer.from(expected);
  const b = Buffer.from(token);
  if (!userId || a.length !== b.length || !timingSafeEqual(a, b)) throw new NotFoundError(msg("schedule.errors.feedNotFound"));
  return userId;
}

/** The signed-in person acting (a route with `access: "user"` has one; the type does not know). */
export const userOf = (a: Actor) => {
  if (a.kind !== "user") throw new UnauthenticatedError();
  return a;
};

export async function favouriteIds(ctx: AppContext, userId: string, eventId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: scheduleFavourites.sessionId })
    .from(scheduleFavourites)
    .innerJoin(scheduleSessions, eq(scheduleSessions.id, scheduleFavourites.sessionId))
    .where(and(eq(scheduleFavourites.userId, userId), eq(scheduleSessions.eventId, eventId)))
    .orderBy(asc(scheduleSessions.number));
  return rows.map((r) => r.id);
}

export async function getFavourites(ctx: AppContext, actor: Actor, e: PublicEvent): Promise<FavouritesView> {
  const u = userOf(actor);
  return { sessionIds: await favouriteIds(ctx, u.id, e.id), calendarUrl: `${outputApiBase(ctx, e.communitySlug, e.slug)}/schedule/favourites.ics?token=${favouritesToken(ctx, u.id, e.id)}` };
}

/** Replaces the person's favourites at this event (the browser merges its own list in first). */
export async function setFavourites(ctx: AppContext, actor: Actor, e: PublicEvent, sessionIds: readonly string[]): Promise<FavouritesView> {
  const u = userOf(actor);
  const wanted = [...new Set(sessionIds)];
  await ctx.db.transaction(async (tx) => {
    const known = wanted.length
      ? (
          await tx
            .select({ id: scheduleSessions.id })
            .from(scheduleSessions)
            .where(and(eq(scheduleSessions.eventId, e.id), inArray(scheduleSessions.id, wanted)))
        ).map((r) => r.id)
      : [];
    const mine = await tx
      .select({ id: scheduleFavourites.sessionId })
      .from(scheduleFavourites)
      .innerJoin(scheduleSessions, eq(scheduleSessions.id, scheduleFavourites.sessionId))
      .where(and(eq(scheduleFavourites.userId, u.id), eq(scheduleSessions.eventId, e.id)));
    const drop = mine.map((r) => r.id).filter((id) => !known.includes(id));
    if (drop.length) await tx.delete(scheduleFavourites).where(and(eq(scheduleFavourites.userId, u.id), inArray(scheduleFavourites.sessionId, drop)));
    if (known.length)
      await tx
        .insert(scheduleFavourites)
        .values(known.map((sessionId) => ({ userId: u.id, sessionId })))
        .onConflictDoNothing();
  });
  return getFavourites(ctx, actor, e);
}

/** Items of the published programme selected by their session numbers (a browser's favourites). */
export function itemsByNumber(p: Programme, numbers: readonly number[]): Set<string> {
  const wanted = new Set(numbers);
  return new Set(p.items.filter((i) => i.number !== undefined && wanted.has(i.number)).map((i) => i.id));
}

