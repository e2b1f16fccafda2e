import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import { EVENTS_CHANGED, ROAD_CHANGED } from "../../platform/topics.js";
import { users } from "../../platform/auth/tables.js";
import { createExternalEvent } from "../events/index.js";
import type { CommunityTarget } from "../communities/index.js";
import type { DecideTalkBody, TalkView } from "./schema.js";
import { loadTalk, toTalkView } from "./talk-views.js";
import { talkFor, updateInState } from "./propose-talk.js";

export function talkUrl(ctx: AppContext, communitySlug: string, talkId: string): string {
  return `${ctx.config.baseUrl}/communities/${communitySlug}/road/talks/${talkId}`;
}

/**
 * A community organiser approves a proposal onto the calendar (creating its event when the
 * proposal described a new one) or turns it down; the proposer hears either way, by mail
 * written in the same transaction.
 */
export async function decideTalk(ctx: AppContext, { community, permit }: CommunityTarget, id: string, input: DecideTalkBody): Promise<TalkView> {
  permit.require("road.review");
  const t = await talkFor(ctx, permit, community.id, id, input.decision);
  const now = ctx.now();
  let createdEvent = false;
  const mailed = await ctx.db.transaction(async (tx) => {
    let eventId = t.talk.eventId;
    if (input.decision === "approve" && !eventId && t.talk.proposedEvent) {
      eventId = (await createExternalEvent(tx, community.id, t.talk.proposedEvent)).id;
      createdEvent = true;
    }
    await updateInState(tx, t, { state: input.decision === "approve" ? "approved" : "rejected", eventId, decidedBy: permit.user.id, decidedAt: now, decisionNote: input.note }, now);
    if (!t.talk.proposedBy || t.talk.proposedBy === permit.user.id) return false;
    const [proposer] = await tx.select({ email: users.email, name: users.name, locale: users.locale, deletedAt: users.deletedAt }).from(users).where(eq(users.id, t.talk.proposedBy));
    if (!proposer || proposer.deletedAt) return false;
    const host = new URL(ctx.config.baseUrl).host;
    await enqueueMail(tx, host, {
      to: proposer.email,
      template: input.decision === "approve" ? "road.approved" : "road.rejected",
      locale: proposer.locale,
      vars: { name: proposer.name, title: t.talk.title, community: community.name, event: t.event?.name ?? t.talk.proposedEvent?.name ?? "", note: input.note, link: talkUrl(ctx, community.slug, t.talk.id) },
      meta: { talkId: t.talk.id },
    });
    return true;
  });
  if (mailed) await ctx.bus.publish(MAIL_QUEUED);
  if (createdEvent) await ctx.bus.publish(EVENTS_CHANGED);
  await ctx.bus.publish(ROAD_CHANGED, { communityId: community.id, talkIds: [t.talk.id] });
  return toTalkView(await loadTalk(ctx.db, community.id, id), community.slug, permit, now);
}
