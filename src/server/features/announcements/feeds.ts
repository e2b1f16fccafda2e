import type { AppContext } from "../../platform/context.js";
import { writeAtom } from "../../platform/atom.js";
import { feedBody, type FeedBody } from "../../platform/http/feed.js";
import { BusCache } from "../../platform/cache.js";
import { ANNOUNCEMENTS_CHANGED } from "../../platform/topics.js";
import { communityBySlug } from "../communities/index.js";
import { LIMITS } from "./schema.js";
import { feedUrl, publishedPage } from "./find-posts.js";
import { postUrl, summaryOf } from "./post-views.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import type { Locale } from "../../../shared/i18n/locales.js";

/**
 * The Atom feeds of a community's announcements, all of them or one tag's: the newest
 * LIMITS.feedSize posts, older ones on RFC 5005 pages (`?page=2`). Built once per change
 * and language (the bus drops them in every process) and served as bytes with an ETag.
 */
export class AnnouncementFeeds {
  private readonly cache: BusCache<FeedBody>;

  constructor(private readonly ctx: AppContext) {
    this.cache = new BusCache<FeedBody>(ctx.bus, ANNOUNCEMENTS_CHANGED, { ttlMs: 300_000, maxEntries: 1000 });
  }

  get(communitySlug: string, tag: string | undefined, page: number, locale: Locale): Promise<FeedBody> {
    return this.cache.get(`${communitySlug}\u0000${tag ?? ""}\u0000${page}\u0000${locale}`, () => this.build(communitySlug, tag, page, locale));
  }

  private async build(communitySlug: string, tag: string | undefined, page: number, locale: Locale): Promise<FeedBody> {
    const ctx = this.ctx;
    const community = await communityBySlug(ctx.db, communitySlug);
    const { rows, total } = await publishedPage(ctx, community, { tag }, page, LIMITS.feedSize);
    const last = Math.max(1, Math.ceil(total / LIMITS.feedSize));
    const self = feedUrl(ctx, community.slug, tag);
    const at = (n: number) => (n === 1 ? self : `${self}?page=${n}`);
    const html = `${ctx.config.baseUrl}/communities/${community.slug}/announcements${tag ? `?tag=${tag}` : ""}`;
    const body = writeAtom({
      // The feed's id is its first page's address, whichever page this is (RFC 5005 §3).
      id: self,
      title: translator(locale).t("announcements.feed.title", { community: community.name, hasTag: tag ? "yes" : "no", tag: tag ?? "" }),
      selfUrl: at(page),
      alternateUrl: html,
      emptyUpdated: community.createdAt,
      authors: [{ name: community.name }],
      paging: last > 1 ? { first: at(1), last: at(last), ...(page > 1 ? { previous: at(page - 1) } : {}), ...(page < last ? { next: at(page + 1) } : {}) } : undefined,
      entries: rows.map((p) => ({
        id: `urn:uuid:${p.id}`,
        title: p.title,
        updated: p.updatedAt > p.publishAt! ? p.updatedAt : p.publishAt!,
        published: p.publishAt,
        link: postUrl(ctx, community.slug, p.slug),
        categories: p.tags.map((term) => ({ term })),
        summary: summaryOf(p),
        contentHtml: renderMarkdown(p.body),
        links: p.coverImageUrl ? [{ rel: "enclosure", href: p.coverImageUrl, title: p.coverImageAlt }] : [],
      })),
    });
    return feedBody(body);
  }
}
