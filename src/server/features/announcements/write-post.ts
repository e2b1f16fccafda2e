import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { ANNOUNCEMENTS_CHANGED } from "../../platform/topics.js";
import { slugify } from "../../../shared/slug.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { CommunityTarget } from "../communities/index.js";
import { eventBySlugs } from "../events/index.js";
import { talkTitles } from "../road/index.js";
import { postAllows, type PostAction } from "./rules.js";
import type { CreatePostBody, PostView, UpdatePostBody } from "./schema.js";
import { announcements } from "./tables.js";
import { postViews, type PostRow } from "./post-views.js";

/** The linked event and talk, checked to belong to the community. */
async function links(db: Db, target: CommunityTarget, input: { eventSlug?: string | null | undefined; talkId?: string | null | undefined }) {
  const out: { eventId?: string | null; talkId?: string | null } = {};
  if (input.eventSlug !== undefined) {
    out.eventId = input.eventSlug
      ? (
          await eventBySlugs(db, target.community.slug, input.eventSlug).catch(() => {
            throw new ValidationError(msg("road.errors.noSuchEvent"), { eventSlug: [msg("road.errors.noSuchEventField")] });
          })
        ).id
      : null;
  }
  if (input.talkId !== undefined) {
    if (input.talkId && !(await talkTitles(db, target.community.id, [input.talkId])).has(input.talkId)) throw new ValidationError(msg("announcements.errors.noSuchTalk"), { talkId: [msg("announcements.errors.noSuchTalkField")] });
    out.talkId = input.talkId;
  }
  return out;
}

export async function postBySlug(db: Db, communityId: string, slug: string): Promise<PostRow> {
  const [p] = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.communityId, communityId), eq(announcements.slug, slug)));
  if (!p) throw new NotFoundError(msg("announcements.errors.notFound"));
  return p;
}

/** A post the writer may act on this way now, or the reason why not. */
export async function postFor(db: Db, target: CommunityTarget, slug: string, action: PostAction): Promise<PostRow> {
  target.permit.require("announcement.write");
  const p = await postBySlug(db, target.community.id, slug);
  if (!postAllows(action, p.state, true)) throw new ConflictError("announcement_state", msg("announcements.errors.wrongState", { state: p.state }));
  return p;
}

export async function viewOf(ctx: AppContext, target: CommunityTarget, id: string): Promise<PostView> {
  const [row] = await ctx.db.select().from(announcements).where(eq(announcements.id, id));
  return (await postViews(ctx.db, [row!], target.community.slug, target.permit))[0]!;
}

/** A new post is a draft; its address comes from the title unless one is given. */
export async function createPost(ctx: AppContext, target: CommunityTarget, input: CreatePostBody): Promise<PostView> {
  target.permit.require("announcement.write");
  const { slug: wanted, eventSlug, talkId, ...fields } = input;
  const linked = await links(ctx.db, target, { eventSlug, talkId });
  const base = wanted ?? (slugify(input.title) || "announcement");
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [row] = await ctx.db
      .insert(announcements)
      .values({ ...fields, ...linked, communityId: target.community.id, slug, authorId: target.permit.user.id })
      .onConflictDoNothing()
      .returning({ id: announcements.id });
    if (row) {
      await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId: target.community.id });
      return viewOf(ctx, target, row.id);
    }
    if (wanted) throw new ConflictError("slug_taken", msg("announcements.errors.slugTaken", { slug: wanted }), { slug: [msg("communities.errors.slugTakenField")] });
  }
}

export async function updatePost(ctx: AppContext, target: CommunityTarget, slug: string, input: UpdatePostBody): Promise<PostView> {
  const p = await postFor(ctx.db, target, slug, "edit");
  const { eventSlug, talkId, ...fields } = input;
  const linked = await links(ctx.db, target, { eventSlug, talkId });
  const cover = fields.coverImageUrl !== undefined ? fields.coverImageUrl : p.coverImageUrl;
  const alt = fields.coverImageAlt !== undefined ? fields.coverImageAlt : p.coverImageAlt;
  if (cover && !alt) throw new ValidationError(msg("announcements.errors.coverAlt"), { coverImageAlt: [msg("announcements.form.coverAltRequired")] });
  await ctx.db
    .update(announcements)
    .set({ ...fields, ...linked, revision: p.revision + 1, updatedAt: ctx.now() })
    .where(eq(announcements.id, p.id));
  await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId: target.community.id });
  return viewOf(ctx, target, p.id);
}

/** Only what never went out can be deleted; a published post is unpublished instead. */
export async function deletePost(ctx: AppContext, target: CommunityTarget, slug: string): Promise<void> {
  const p = await postFor(ctx.db, target, slug, "delete");
  await ctx.db.delete(announcements).where(eq(announcements.id, p.id));
  await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId: target.community.id });
}
