import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError, ValidationError } from "../../platform/errors.js";
import { permitFor, type Actor, type Permit } from "../../platform/permissions.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import type { Locale } from "../../../shared/i18n/locales.js";
import { communityBySlug } from "../communities/index.js";
import type { CalendarIndexes, Origin } from "./calendar-index.js";
import { gazetteer, placeView } from "./gazetteer.js";
import type { CalendarFilters, ListTalksQuery, TalkList, TalkView } from "./schema.js";
import { talkSpeakers, talks } from "./tables.js";
import { loadTalk, loadTalks, talkIdsInState, toTalkView, visibleTo } from "./talk-views.js";

type Community = Awaited<ReturnType<typeof communityBySlug>>;

/** Where distances are measured from: a gazetteer place, or coordinates from the browser (labelled `here`, in the reader's language). */
export function originOf(f: CalendarFilters, here: string): Origin | null {
  if (f.place !== undefined) {
    const p = gazetteer().get(f.place);
    if (!p) throw new ValidationError(msg("road.form.unknownPlace"), { place: [msg("road.errors.unknownPlaceField")] });
    return { label: placeView(p).label, latitude: p.latitude, longitude: p.longitude };
  }
  if (f.near !== undefined) {
    const [latitude, longitude] = f.near.split(",").map(Number) as [number, number];
    return { label: here, latitude, longitude };
  }
  return null;
}

/** The filters as a query string, in a fixed order, so a selection has one stable address. */
export function filterQuery(f: CalendarFilters): string {
  const q = new URLSearchParams();
  const keys = ["when", "month", "country", "topic", "speaker", "place", "near", "within"] as const;
  for (const k of keys) {
    const v = f[k];
    if (v === undefined || (k === "when" && v === "upcoming")) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function feedUrls(ctx: AppContext, communitySlug: string, f: CalendarFilters) {
  const base = `${ctx.config.baseUrl}/api/v1/communities/${communitySlug}/road`;
  const q = filterQuery(f);
  return { ical: `${base}/calendar.ics${q}`, atom: `${base}/feed.atom${q}` };
}

export async function communityAndPermit(ctx: AppContext, actor: Actor, slug: string): Promise<{ community: Community; permit: Permit }> {
  const community = await communityBySlug(ctx.db, slug);
  return { community, permit: await permitFor(ctx, actor, { communityId: community.id }) };
}

/** Selects from the community's calendar and loads the page's talks. */
export async function selectTalks(ctx: AppContext, indexes: CalendarIndexes, community: Community, f: CalendarFilters, page: { limit: number; offset: number }, here: string) {
  const origin = originOf(f, here);
  const index = await indexes.get(community.id);
  const sel = index.select(f, origin, ctx.now(), page);
  const loaded = await loadTalks(ctx.db, sel.page.map((p) => p.id));
  const distance = new Map(sel.page.map((p) => [p.id, p.distanceKm]));
  return { index, origin, sel, loaded, distance };
}

export async function listTalks(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, q: ListTalksQuery, locale: Locale): Promise<TalkList> {
  const { community, permit } = await communityAndPermit(ctx, actor, communitySlug);
  const { limit, offset, ...filters } = q;
  const { index, origin, sel, loaded, distance } = await selectTalks(ctx, indexes, community, filters, { limit, offset }, translator(locale).t("road.list.yourLocation"));
  const now = ctx.now();
  return {
    talks: loaded.map((t) => toTalkView(t, community.slug, permit, now, distance.get(t.talk.id) ?? null)),
    total: sel.total,
    origin,
    facets: { ...index.facets(), months: sel.months },
    feeds: feedUrls(ctx, community.slug, filters),
  };
}

export async function getTalk(ctx: AppContext, actor: Actor, communitySlug: string, id: string): Promise<TalkView> {
  const { community, permit } = await communityAndPermit(ctx, actor, communitySlug);
  const t = await loadTalk(ctx.db, community.id, id);
  if (!visibleTo(t, permit)) throw new NotFoundError(msg("road.errors.talkNotFound"));
  return toTalkView(t, community.slug, permit, ctx.now());
}

/** Proposals waiting for a decision (organisers), or the caller's own talks in any state. */
export async function listProposals(ctx: AppContext, community: Community, permit: Permit): Promise<{ talks: TalkView[] }> {
  permit.require("road.review");
  const loaded = await loadTalks(ctx.db, await talkIdsInState(ctx.db, community.id, "proposed"));
  return { talks: loaded.map((t) => toTalkView(t, community.slug, permit, ctx.now())) };
}

export async function myTalks(ctx: AppContext, actor: Actor, communitySlug: string): Promise<{ talks: TalkView[] }> {
  const { community, permit } = await communityAndPermit(ctx, actor, communitySlug);
  const me = permit.user.id;
  const rows = await ctx.db
    .select({ id: talks.id })
    .from(talks)
    .where(and(eq(talks.communityId, community.id), or(eq(talks.proposedBy, me), inArray(talks.id, ctx.db.select({ id: talkSpeakers.talkId }).from(talkSpeakers).where(eq(talkSpeakers.userId, me))))))
    .orderBy(asc(talks.startsAt));
  const loaded = await loadTalks(ctx.db, rows.map((r) => r.id));
  return { talks: loaded.map((t) => toTalkView(t, community.slug, permit, ctx.now())) };
}

export function searchPlaces(q: string, limit: number) {
  const { places, suggestions } = gazetteer().search(q, limit);
  return { places: places.map(placeView), suggestions };
}

export function placeById(id: number) {
  const p = gazetteer().get(id);
  if (!p) throw new NotFoundError(msg("road.errors.placeNotFound"));
  return placeView(p);
}
