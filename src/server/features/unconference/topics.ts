import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { permitFor, type Actor } from "../../platform/permissions.js";
import { users } from "../../platform/auth/tables.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import type { EventTarget } from "../events/index.js";
import { longestRun } from "./rules.js";
import type { BoardView, PublishedBoard, TopicBody, TopicView, UpdateTopicBody } from "./schema.js";
import { bumpRevision, latestVersion, loadState, publishedPlacements, structureOf, toBoard, type TopicState, type UnconfState } from "./state.js";
import { unconfInterest, unconfLeaders, unconfTopics } from "./tables.js";

/**
 * Topics: proposed before the event or announced at the morning plenary by confirmed
 * attendees and organisers; interest marked by the same people; merged and withdrawn by
 * organisers (a leader may withdraw their own). Every change that the planner reads raises
 * the working board's revision in the same transaction.
 */
export function topicView(t: TopicState, me: string | null, published: PublishedBoard | null): TopicView {
  const place = publishedPlacements(published).get(t.id) ?? null;
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    description: t.description,
    descriptionHtml: renderMarkdown(t.description),
    links: t.links,
    needs: t.needs,
    length: t.length,
    unavailable: t.unavailable,
    state: t.state,
    mergedInto: t.mergedInto,
    leaders: t.leaders,
    interest: t.interest.length,
    mustAttend: t.mustAttend.length,
    mine: { interested: !!me && t.interest.includes(me), mustAttend: !!me && t.mustAttend.includes(me), leader: !!me && t.leaders.some((l) => l.id === me) },
    published: place,
    summary: t.summary,
    summaryHtml: renderMarkdown(t.summary),
    outcomes: t.outcomes,
    outcomesHtml: renderMarkdown(t.outcomes),
    demo: t.demo,
  };
}

const meOf = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

/** The board as anyone may see it (or 404 when the organisers keep it to attendees and the caller is not one). */
export async function getBoard(ctx: AppContext, { event, communitySlug, permit }: EventTarget): Promise<BoardView> {
  const s = await loadState(ctx.db, event);
  if (s.settings.visibility === "attendees" && !permit.can("unconference.participate")) throw new NotFoundError(msg("unconference.errors.attendeesOnly"));
  const last = await latestVersion(ctx.db, event.id);
  const me = meOf(permit.actor);
  return {
    ...structureOf(s, communitySlug),
    version: last?.number ?? 0,
    publishedAt: last?.publishedAt.toISOString() ?? null,
    topics: s.topics.filter((t) => t.state !== "merged").map((t) => topicView(t, me, last?.board ?? null)),
    can: { propose: permit.can("unconference.participate") && !proposalsClosed(ctx, s), organise: permit.can("unconference.organise") },
  };
}

/** Whether the organisers closed today's proposals (today in the event's zone). */
function proposalsClosed(ctx: AppContext, s: UnconfState): boolean {
  return s.settings.closedDates.includes(instantToZonedLocal(ctx.now(), s.event.timeZone).slice(0, 10));
}

/** Whether an account may lead a topic here: a confirmed attendee or an organiser (the permission table says who). */
async function participants(ctx: AppContext, db: Db, s: UnconfState, ids: readonly string[]): Promise<Set<string>> {
  const ok = new Set<string>();
  for (const id of new Set(ids)) {
    const [u] = await db.select().from(users).where(eq(users.id, id));
    if (!u || u.deletedAt) continue;
    const permit = await permitFor(ctx, { kind: "user", id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, locale: u.locale ?? "en", via: "session" }, { eventId: s.event.id, communityId: s.event.communityId }, db);
    if (permit.can("unconference.participate")) ok.add(id);
  }
  return ok;
}

async function checkTopic(ctx: AppContext, db: Db, s: UnconfState, input: { length?: number | undefined; unavailable?: readonly string[] | undefined; leaderIds?: readonly string[] | undefined }): Promise<void> {
  const fields: FieldErrors = {};
  const longest = longestRun(toBoard(s).slots);
  if (input.length !== undefined && s.slots.length && input.length > longest) fields.length = [msg("unconference.form.longerThanDay", { slots: longest })];
  input.unavailable?.forEach((id, i) => {
    if (!s.slots.some((x) => x.id === id)) fields[`unavailable.${i}`] = [msg("unconference.form.unknown")];
  });
  if (input.leaderIds) {
    const ok = await participants(ctx, db, s, input.leaderIds);
    input.leaderIds.forEach((id, i) => {
      if (!ok.has(id)) fields[`leaderIds.${i}`] = [msg("unconference.form.leaderNotAttendee")];
    });
  }
  if (Object.keys(fields).length) throw new ValidationError(msg("errors.invalidBody", { count: Object.keys(fields).length }), fields);
}

async function setLeaders(tx: Db, topicId: string, ids: readonly string[]): Promise<void> {
  await tx.delete(unconfLeaders).where(eq(unconfLeaders.topicId, topicId));
  await tx
    .insert(unconfLeaders)
    .values([...new Set(ids)].map((userId) => ({ topicId, userId })))
    .onConflictDoNothing();
}

async function reload(ctx: AppContext, target: EventTarget, topicId: string): Promise<TopicView> {
  const s = await loadState(ctx.db, target.event);
  const t = s.topics.find((x) => x.id === topicId);
  if (!t) throw new NotFoundError(msg("unconference.errors.topicNotFound"));
  return topicView(t, meOf(target.permit.actor), (await latestVersion(ctx.db, target.event.id))?.board ?? null);
}

export async function getTopic(ctx: AppContext, target: EventTarget, topicId: string): Promise<TopicView> {
  const s = await loadState(ctx.db, target.event);
  if (s.settings.visibility === "attendees" && !target.permit.can("unconference.participate")) throw new NotFoundError(msg("unconference.errors.attendeesOnly"));
  return reload(ctx, target, topicId);
}

export async function proposeTopic(ctx: AppContext, target: EventTarget, input: TopicBody): Promise<TopicView> {
  const me = target.permit.require("unconference.participate").user.id;
  const id = await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    if (proposalsClosed(ctx, s)) throw new ConflictError("unconference_closed", msg("unconference.errors.proposalsClosed"));
    const leaderIds = input.leaderIds ?? [me];
    await checkTopic(ctx, tx, s, { ...input, leaderIds });
    const number = Math.max(0, ...s.topics.map((t) => t.number)) + 1;
    const [row] = await tx
      .insert(unconfTopics)
      .values({ eventId: target.event.id, number, title: input.title, description: input.description, links: input.links, needs: [...new Set(input.needs)], length: input.length, unavailable: [...new Set(input.unavailable)], proposedBy: me })
      .returning();
    await setLeaders(tx, row!.id, leaderIds);
    await bumpRevision(tx, target.event.id, ctx.now());
    return row!.id;
  });
  return reload(ctx, target, id);
}

/** Loads the topic under the board's lock and checks the caller may change it (a leader or an organiser). */
async function ownTopic(tx: Db, target: EventTarget, topicId: string): Promise<{ s: UnconfState; t: TopicState }> {
  const s = await loadState(tx, target.event, { lock: true });
  const t = s.topics.find((x) => x.id === topicId);
  if (!t) throw new NotFoundError(msg("unconference.errors.topicNotFound"));
  const me = target.permit.require("unconference.participate").user.id;
  if (!target.permit.can("unconference.organise") && !t.leaders.some((l) => l.id === me)) throw new ForbiddenError(msg("unconference.errors.notLeader"));
  return { s, t };
}

const notOpen = (t: TopicState) => new ConflictError("unconference_topic_state", msg("unconference.errors.topicNotOpen", { title: t.title, state: t.state }), { topic: [msg("unconference.errors.topicNotOpen", { title: t.title, state: t.state })] });

export async function updateTopic(ctx: AppContext, target: EventTarget, topicId: string, input: UpdateTopicBody): Promise<TopicView> {
  await ctx.db.transaction(async (tx) => {
    const { s, t } = await ownTopic(tx, target, topicId);
    const { leaderIds, ...fields } = input;
    const planning = input.length !== undefined || input.unavailable !== undefined || input.needs !== undefined || leaderIds !== undefined;
    if (planning && t.state !== "open") throw notOpen(t);
    await checkTopic(ctx, tx, s, input);
    if (Object.keys(fields).length) await tx.update(unconfTopics).set({ ...fields, updatedAt: ctx.now() }).where(eq(unconfTopics.id, t.id));
    if (leaderIds) await setLeaders(tx, t.id, leaderIds);
    if (planning) await bumpRevision(tx, target.event.id, ctx.now());
  });
  return reload(ctx, target, topicId);
}

export async function withdrawTopic(ctx: AppContext, target: EventTarget, topicId: string): Promise<TopicView> {
  await ctx.db.transaction(async (tx) => {
    const { t } = await ownTopic(tx, target, topicId);
    if (t.state !== "open") throw notOpen(t);
    await tx.update(unconfTopics).set({ state: "withdrawn", areaId: null, slotId: null, pinned: false, updatedAt: ctx.now() }).where(eq(unconfTopics.id, t.id));
    await bumpRevision(tx, target.event.id, ctx.now());
  });
  return reload(ctx, target, topicId);
}

export async function markInterest(ctx: AppContext, target: EventTarget, topicId: string, mustAttend: boolean): Promise<TopicView> {
  const me = target.permit.require("unconference.participate").user.id;
  await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    const t = s.topics.find((x) => x.id === topicId);
    if (!t) throw new NotFoundError(msg("unconference.errors.topicNotFound"));
    if (t.state !== "open") throw notOpen(t);
    await tx
      .insert(unconfInterest)
      .values({ topicId, userId: me, mustAttend })
      .onConflictDoUpdate({ target: [unconfInterest.topicId, unconfInterest.userId], set: { mustAttend } });
    await bumpRevision(tx, target.event.id, ctx.now());
  });
  return reload(ctx, target, topicId);
}

export async function dropInterest(ctx: AppContext, target: EventTarget, topicId: string): Promise<TopicView> {
  const me = target.permit.require("unconference.participate").user.id;
  await ctx.db.transaction(async (tx) => {
    await loadState(tx, target.event, { lock: true });
    await tx.delete(unconfInterest).where(and(eq(unconfInterest.topicId, topicId), eq(unconfInterest.userId, me)));
    await bumpRevision(tx, target.event.id, ctx.now());
  });
  return reload(ctx, target, topicId);
}

/** Folds a duplicate into another topic: its leaders and interest carry over (a must-attend stays one), it is marked merged. */
export async function mergeTopic(ctx: AppContext, target: EventTarget, topicId: string, intoId: string): Promise<TopicView> {
  target.permit.require("unconference.organise");
  await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    const from = s.topics.find((x) => x.id === topicId);
    const into = s.topics.find((x) => x.id === intoId);
    if (!from) throw new NotFoundError(msg("unconference.errors.topicNotFound"));
    if (!into || into.id === from.id) throw new ValidationError(msg("unconference.errors.mergeTarget"), { intoTopicId: [msg("unconference.errors.mergeTarget")] });
    if (from.state !== "open") throw notOpen(from);
    if (into.state !== "open") throw notOpen(into);
    await tx.execute(sql`
      insert into unconf_interest (topic_id, user_id, must_attend, created_at)
      select ${into.id}, user_id, must_attend, created_at from unconf_interest where topic_id = ${from.id}
      on conflict (topic_id, user_id) do update set must_attend = unconf_interest.must_attend or excluded.must_attend`);
    await tx.execute(sql`insert into unconf_leaders (topic_id, user_id) select ${into.id}, user_id from unconf_leaders where topic_id = ${from.id} on conflict do nothing`);
    await tx.update(unconfTopics).set({ state: "merged", mergedInto: into.id, areaId: null, slotId: null, pinned: false, updatedAt: ctx.now() }).where(eq(unconfTopics.id, from.id));
    await bumpRevision(tx, target.event.id, ctx.now());
  });
  return reload(ctx, target, intoId);
}
