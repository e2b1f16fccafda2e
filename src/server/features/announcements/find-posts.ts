import { and, count, desc, eq, gte, lt, ne, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError } from "../../platform/errors.js";
import { permitFor, type Actor, type Permit } from "../../platform/permissions.js";
import { communityBySlug, type CommunityTarget } from "../communities/index.js";
import { eventTarget } from "../events/index.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { formatDate } from "../../../shared/i18n/format.js";
import type { Locale } from "../../../shared/i18n/locales.js";
import { LIMITS, type ListPostsQuery, type PostList, type PostView } from "./schema.js";
import { announcements } from "./tables.js";
import { postViews, type PostRow } from "./post-views.js";
import { postBySlug } from "./write-post.js";

type Community = Awaited<ReturnType<typeof communityBySlug>>;

/** The first instant of a UTC month and of the next one. */
export function monthBounds(month: string): [Date, Date] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 1))];
}

export function feedUrl(ctx: AppContext, communitySlug: string, tag?: string): string {
  return `${ctx.config.baseUrl}/api/v1/communities/${communitySlug}/announcements${tag ? `/tags/${tag}` : ""}/feed.atom`;
}

/** Published posts of a community (optionally of one tag), newest first: the index, the archives, the feeds. */
export async function publishedPage(ctx: AppContext, community: Community, f: { month?: string | undefined; tag?: string | undefined; eventId?: string | undefined }, page: number, size: number): Promise<{ rows: PostRow[]; total: number }> {
  const where: SQL[] = [eq(announcements.communityId, community.id), eq(announcements.state, "published")];
  if (f.month) {
    const [from, to] = monthBounds(f.month);
    where.push(gte(announcements.publishAt, from), lt(announcements.publishAt, to));
  }
  if (f.tag) where.push(sql`${f.tag} = any(${announcements.tags})`);
  if (f.eventId) where.push(eq(announcements.eventId, f.eventId));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(announcements)
      .where(cond)
      .orderBy(desc(announcements.publishAt), desc(announcements.id))
      .limit(size)
      .offset((page - 1) * size),
    ctx.db.select({ n: count() }).from(announcements).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** "Monthly Archives: March 2014", "Tag: xen-4-4", "Announcements about …", "Announcements", in the reader's language. */
function headingOf(locale: Locale, q: ListPostsQuery, eventName: string | undefined): string {
  const tr = translator(locale);
  if (q.month) return tr.t("announcements.heading.month", { month: formatDate(locale, `${q.month}-01`, "monthYear") });
  if (q.tag) return tr.t("announcements.heading.tag", { tag: q.tag });
  if (eventName !== undefined) return tr.t("announcements.heading.event", { event: eventName });
  return tr.t("announcements.title");
}

export async function listPosts(ctx: AppContext, actor: Actor, communitySlug: string, q: ListPostsQuery, locale: Locale): Promise<PostList> {
  const community = await communityBySlug(ctx.db, communitySlug);
  const permit = await permitFor(ctx, actor, { communityId: community.id });
  const event = q.event ? (await eventTarget(ctx, actor, community.slug, q.event)).event : undefined;
  const published = and(eq(announcements.communityId, community.id), eq(announcements.state, "published"));
  const [{ rows, total }, archives, tags] = await Promise.all([
    publishedPage(ctx, community, { month: q.month, tag: q.tag, eventId: event?.id }, q.page, LIMITS.pageSize),
    ctx.db
      .select({ value: sql<string>`to_char(${announcements.publishAt} at time zone 'UTC', 'YYYY-MM')`, count: count() })
      .from(announcements)
      .where(published)
      .groupBy(sql`1`)
      .orderBy(sql`1 desc`),
    ctx.db
      .select({ value: sql<string>`unnest(${announcements.tags})`, count: count() })
      .from(announcements)
      .where(published)
      .groupBy(sql`1`)
      .orderBy(sql`2 desc, 1`),
  ]);
  return {
    heading: headingOf(locale, q, event?.name),
    posts: await postViews(ctx.db, rows, community.slug, permit),
    total,
    page: q.page,
    pages: Math.max(1, Math.ceil(total / LIMITS.pageSize)),
    archives: archives.map((a) => ({ value: a.value, count: Number(a.count) })),
    tags: tags.map((t) => ({ value: t.value, count: Number(t.count) })),
    feed: feedUrl(ctx, community.slug, q.tag),
    can: { write: permit.can("announcement.write") },
  };
}

/** A published post for everyone; drafts and scheduled posts only for the community's writers. */
export async function getPost(ctx: AppContext, actor: Actor, communitySlug: string, slug: string): Promise<PostView> {
  const community = await communityBySlug(ctx.db, communitySlug);
  const permit: Permit = await permitFor(ctx, actor, { communityId: community.id });
  const p = await postBySlug(ctx.db, community.id, slug);
  if (p.state !== "published" && !permit.can("announcement.write")) throw new NotFoundError(msg("announcements.errors.notFound"));
  return (await postViews(ctx.db, [p], community.slug, permit))[0]!;
}

/** Drafts and scheduled posts, the next to appear first. */
export async function listDrafts(ctx: AppContext, { community, permit }: CommunityTarget): Promise<{ posts: PostView[] }> {
  permit.require("announcement.write");
  const rows = await ctx.db
    .select()
    .from(announcements)
    .where(and(eq(announcements.communityId, community.id), ne(announcements.state, "published")))
    .orderBy(sql`${announcements.publishAt} asc nulls last`, desc(announcements.updatedAt));
  return { posts: await postViews(ctx.db, rows, community.slug, permit) };
}
