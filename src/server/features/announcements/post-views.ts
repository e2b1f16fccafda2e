import { inArray } from "drizzle-orm";
import sanitizeHtml from "sanitize-html";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Permit } from "../../platform/permissions.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { users } from "../../platform/auth/tables.js";
import { eventsByIds } from "../events/index.js";
import { talkTitles } from "../road/index.js";
import { postAllows } from "./rules.js";
import type { PostView } from "./schema.js";
import type { announcements } from "./tables.js";

export type PostRow = typeof announcements.$inferSelect;

/** The summary lists and feeds show: the author's, or the first paragraph as plain text. */
export function summaryOf(post: Pick<PostRow, "summary" | "body">): string {
  if (post.summary) return post.summary;
  const first = renderMarkdown(post.body).split(/<\/p>/)[0] ?? "";
  const text = sanitizeHtml(first, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 297).replace(/\s+\S*$/, "")}…` : text;
}

export function postUrl(ctx: AppContext, communitySlug: string, slug: string): string {
  return `${ctx.config.baseUrl}/communities/${communitySlug}/announcements/${slug}`;
}

/** Views of several posts with their authors, events and talks, in two queries whatever their number. */
export async function postViews(db: Db, rows: readonly PostRow[], communitySlug: string, permit: Permit): Promise<PostView[]> {
  if (rows.length === 0) return [];
  const communityId = rows[0]!.communityId;
  const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const [authors, evs, talks] = await Promise.all([
    authorIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds)) : [],
    eventsByIds(db, rows.flatMap((r) => (r.eventId ? [r.eventId] : []))),
    talkTitles(db, communityId, rows.flatMap((r) => (r.talkId ? [r.talkId] : []))),
  ]);
  const author = new Map(authors.map((a) => [a.id, a.name]));
  const event = new Map(evs.map((e) => [e.id, e]));
  const write = permit.can("announcement.write");
  return rows.map((p) => {
    const e = p.eventId ? event.get(p.eventId) : undefined;
    const t = p.talkId ? talks.get(p.talkId) : undefined;
    return {
      id: p.id,
      slug: p.slug,
      communitySlug,
      title: p.title,
      body: write ? p.body : null,
      bodyHtml: renderMarkdown(p.body),
      summary: p.summary,
      excerpt: summaryOf(p),
      authorName: p.authorId ? (author.get(p.authorId) ?? null) : null,
      tags: p.tags,
      event: e && (e.published || write) ? { slug: e.slug, name: e.name } : null,
      talk: t && (t.state === "approved" || write) ? { id: t.id, title: t.title } : null,
      coverImageUrl: p.coverImageUrl,
      coverImageAlt: p.coverImageAlt,
      state: p.state,
      publishAt: p.publishAt?.toISOString() ?? null,
      notifySubscribers: p.notifySubscribers,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      can: { edit: postAllows("edit", p.state, write), publish: postAllows("publish", p.state, write), unpublish: postAllows("unpublish", p.state, write), delete: postAllows("delete", p.state, write) },
    };
  });
}
