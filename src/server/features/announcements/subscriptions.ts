import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { DomainError } from "../../platform/errors.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { communityBySlug, communityNames } from "../communities/index.js";
import { announcementSubscribers } from "./tables.js";

const CONFIRM_DAYS = 7;
const secret = () => randomBytes(24).toString("base64url");
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Asks for a community's announcements by mail. The answer is the same whatever the address's
 * state (so nobody learns who subscribed); a confirmation mail goes out unless the address
 * is confirmed already. Nothing is sent to it before it is confirmed (double opt-in).
 */
export async function subscribe(ctx: AppContext, communitySlug: string, email: string, locale: string): Promise<void> {
  const community = await communityBySlug(ctx.db, communitySlug);
  const token = secret();
  const now = ctx.now();
  const confirmBy = new Date(now.getTime() + CONFIRM_DAYS * 86400_000);
  const mailed = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(announcementSubscribers)
      .where(and(eq(announcementSubscribers.communityId, community.id), sql`lower(${announcementSubscribers.email}) = lower(${email})`))
      .for("update");
    if (existing?.state === "confirmed") return false;
    if (existing) await tx.update(announcementSubscribers).set({ state: "pending", confirmTokenHash: hash(token), confirmBy, locale }).where(eq(announcementSubscribers.id, existing.id));
    else await tx.insert(announcementSubscribers).values({ communityId: community.id, email, locale, confirmTokenHash: hash(token), confirmBy, unsubscribeToken: secret() });
    await enqueueMail(tx, new URL(ctx.config.baseUrl).host, {
      to: email,
      template: "announcement.confirm",
      locale,
      vars: { community: community.name, link: `${ctx.config.baseUrl}/subscriptions/confirm?token=${token}` },
    });
    return true;
  });
  if (mailed) await ctx.bus.publish(MAIL_QUEUED);
}

const invalidLink = () => new DomainError("invalid_link", msg("announcements.errors.invalidLink"));

async function viewOf(ctx: AppContext, row: typeof announcementSubscribers.$inferSelect) {
  const c = (await communityNames(ctx.db, [row.communityId])).get(row.communityId)!;
  return { community: c, email: row.email, state: row.state };
}

export async function confirmSubscription(ctx: AppContext, token: string) {
  const [row] = await ctx.db
    .update(announcementSubscribers)
    .set({ state: "confirmed", confirmedAt: ctx.now(), confirmTokenHash: null, confirmBy: null })
    .where(and(eq(announcementSubscribers.confirmTokenHash, hash(token)), gt(announcementSubscribers.confirmBy, ctx.now())))
    .returning();
  if (!row) throw invalidLink();
  return viewOf(ctx, row);
}

/** The link in every mail, and its one-click form (RFC 8058): no sign-in, idempotent. */
export async function unsubscribe(ctx: AppContext, token: string) {
  const [row] = await ctx.db.select().from(announcementSubscribers).where(eq(announcementSubscribers.unsubscribeToken, token));
  if (!row) throw invalidLink();
  if (row.state === "unsubscribed") return viewOf(ctx, row);
  const [done] = await ctx.db.update(announcementSubscribers).set({ state: "unsubscribed", unsubscribedAt: ctx.now(), confirmTokenHash: null }).where(eq(announcementSubscribers.id, row.id)).returning();
  return viewOf(ctx, done!);
}
