import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { ANNOUNCEMENTS_CHANGED } from "../../platform/topics.js";
import { communityNames, type CommunityTarget } from "../communities/index.js";
import type { PostView } from "./schema.js";
import { announcementSubscribers, announcements } from "./tables.js";
import { postUrl, summaryOf, type PostRow } from "./post-views.js";
import { emitWebhook, WEBHOOKS_QUEUED } from "../../platform/webhooks/emit.js";
import { postFor, viewOf } from "./write-post.js";

export function unsubscribeUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.baseUrl}/api/v1/subscriptions/unsubscribe?token=${token}`;
}

interface Released {
  communities: Set<string>;
  mails: number;
  webhooks: number;
}

/**
 * Publishes the given rows, already locked by the caller's transaction, and announces each
 * one that was never announced: a mail to every confirmed subscriber (when the post asks for
 * it), with List-Unsubscribe headers, written to the outbox in this transaction, and the
 * `announcement.published` webhook, queued in this transaction too. `announced_at` makes that happen once, whichever process gets there first.
 */
async function release(ctx: AppContext, tx: Db, rows: readonly PostRow[], now: Date, backdate: Date | null): Promise<Released> {
  const out: Released = { communities: new Set(), mails: 0, webhooks: 0 };
  if (rows.length === 0) return out;
  const names = await communityNames(tx, rows.map((r) => r.communityId));
  const host = new URL(ctx.config.baseUrl).host;
  for (const p of rows) {
    const publishAt = backdate ?? (p.state === "scheduled" && p.publishAt ? p.publishAt : now);
    const announce = p.announcedAt === null;
    await tx
      .update(announcements)
      .set({ state: "published", publishAt, updatedAt: now, revision: p.revision + 1, ...(announce ? { announcedAt: now } : {}) })
      .where(eq(announcements.id, p.id));
    out.communities.add(p.communityId);
    if (!announce) continue;
    const community = names.get(p.communityId)!;
    const url = postUrl(ctx, community.slug, p.slug);
    out.webhooks += await emitWebhook(ctx, tx, "announcement.published", p.communityId, { id: p.id, community: community.slug, slug: p.slug, title: p.title, summary: summaryOf(p), url, publishedAt: publishAt.toISOString(), tags: p.tags });
    if (!p.notifySubscribers) continue;
    const subscribers = await tx
      .select()
      .from(announcementSubscribers)
      .where(and(eq(announcementSubscribers.communityId, p.communityId), eq(announcementSubscribers.state, "confirmed")));
    for (const s of subscribers) {
      const unsubscribe = unsubscribeUrl(ctx, s.unsubscribeToken);
      await enqueueMail(tx, host, {
        to: s.email,
        template: "announcement.published",
        locale: s.locale,
        vars: { community: community.name, title: p.title, summary: summaryOf(p), link: url, unsubscribe },
        meta: { announcementId: p.id, subscriberId: s.id },
        // RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe that POSTs to the link.
        headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "List-Id": `${translator(s.locale).t("announcements.feed.title", { community: community.name, hasTag: "no", tag: "" })} <${community.slug}.announcements.${host}>` },
      });
      out.mails++;
    }
  }
  return out;
}

async function afterCommit(ctx: AppContext, r: Released): Promise<void> {
  if (r.mails) await ctx.bus.publish(MAIL_QUEUED);
  for (const communityId of r.communities) await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId });
  if (r.webhooks) await ctx.bus.publish(WEBHOOKS_QUEUED);
}

/**
 * Publishes now, or schedules for `at` when that is in the future. A past `at` publishes
 * with that date (bringing over an older post); no `at` means now.
 */
export async function publishPost(ctx: AppContext, target: CommunityTarget, slug: string, at: string | null): Promise<PostView> {
  const now = ctx.now();
  const when = at ? new Date(at) : null;
  if (when && when > now) {
    const p = await postFor(ctx.db, target, slug, "schedule");
    await ctx.db.update(announcements).set({ state: "scheduled", publishAt: when, updatedAt: now, revision: p.revision + 1 }).where(eq(announcements.id, p.id));
    await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId: target.community.id });
    return viewOf(ctx, target, p.id);
  }
  const p = await postFor(ctx.db, target, slug, "publish");
  const released = await ctx.db.transaction(async (tx) => {
    const locked = await tx.select().from(announcements).where(eq(announcements.id, p.id)).for("update");
    // The job may have published it meanwhile: then there is nothing left to do.
    return release(ctx, tx, locked.filter((r) => r.state !== "published"), now, when);
  });
  await afterCommit(ctx, released);
  return viewOf(ctx, target, p.id);
}

/** Back to a draft: off the index and the feeds (a scheduled post loses its time). */
export async function unpublishPost(ctx: AppContext, target: CommunityTarget, slug: string): Promise<PostView> {
  const p = await postFor(ctx.db, target, slug, "unpublish");
  await ctx.db
    .update(announcements)
    .set({ state: "draft", publishAt: p.state === "scheduled" ? null : p.publishAt, updatedAt: ctx.now(), revision: p.revision + 1 })
    .where(eq(announcements.id, p.id));
  await ctx.bus.publish(ANNOUNCEMENTS_CHANGED, { communityId: target.community.id });
  return viewOf(ctx, target, p.id);
}

const BATCH = 50;

/**
 * Publishes every scheduled post whose time has come, including those whose time passed
 * while no server was running. Rows are claimed FOR UPDATE SKIP LOCKED, so several
 * processes share the work and each post is published and announced once.
 */
export async function publishDue(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.now();
    const released = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(announcements)
        .where(inArray(announcements.id, sql`(select ${announcements.id} from ${announcements} where ${announcements.state} = 'scheduled' and ${announcements.publishAt} <= ${now.toISOString()}::timestamptz order by ${announcements.publishAt} limit ${BATCH} for update skip locked)`));
      return { n: due.length, r: await release(ctx, tx, due, now, null) };
    });
    await afterCommit(ctx, released.r);
    total += released.n;
    if (released.n < BATCH) return total;
  }
}

/** Runs `publishDue` at start and every 30 seconds. */
export function startPublishing(ctx: AppContext, everyMs = 30_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => publishDue(ctx)).catch((err: unknown) => ctx.log.error({ err }, "publishing scheduled announcements failed"));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
