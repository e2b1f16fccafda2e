import { and, asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../platform/errors.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import type { EventTarget } from "../events/index.js";
import type { DemoBody, EveningView, FeedbackBody } from "./schema.js";
import { latestVersion, loadState } from "./state.js";
import { getBoard } from "./topics.js";
import { unconfDemos, unconfFeedback, unconfFeedbackVotes } from "./tables.js";

/**
 * The evening plenary: what each of the day's topics did (the leaders' summary and outcomes,
 * written through the topic's PATCH), the demo queue (leaders sign up with a time box, the
 * organisers order it and start each one; the projector counts down from `startedAt`), and
 * process feedback (keep / change / try) with votes, which organisers mark as adopted.
 */
export async function getEvening(ctx: AppContext, target: EventTarget, date: string): Promise<EveningView> {
  await getBoard(ctx, target); // the board's visibility applies here too
  const { event, permit } = target;
  const s = await loadState(ctx.db, event);
  const last = await latestVersion(ctx.db, event.id);
  const me = permit.actor.kind === "user" ? permit.actor.id : null;
  const labels = new Map((last?.board.areas ?? []).map((a) => [a.id, a.label]));
  const rows = new Map(s.topics.map((t) => [t.id, t]));
  const [demos, feedback] = await Promise.all([
    ctx.db.select().from(unconfDemos).where(and(eq(unconfDemos.eventId, event.id), eq(unconfDemos.date, date))).orderBy(asc(unconfDemos.position)),
    ctx.db
      .select({ f: unconfFeedback, votes: sql<number>`(select count(*)::int from unconf_feedback_votes v where v.feedback_id = ${unconfFeedback.id})`, voted: sql<boolean>`exists (select 1 from unconf_feedback_votes v where v.feedback_id = ${unconfFeedback.id} and v.user_id = ${me})` })
      .from(unconfFeedback)
      .where(and(eq(unconfFeedback.eventId, event.id), eq(unconfFeedback.date, date)))
      .orderBy(asc(unconfFeedback.createdAt)),
  ]);
  return {
    date,
    timeZone: event.timeZone,
    topics: (last?.board.topics ?? [])
      .filter((t) => instantToZonedLocal(new Date(t.start), event.timeZone).slice(0, 10) === date && rows.get(t.id)?.state === "open")
      .map((t) => ({ id: t.id, title: t.title, area: labels.get(t.areaId) ?? "", start: t.start, leaders: t.leaders.map((l) => l.name), summaryHtml: renderMarkdown(rows.get(t.id)!.summary), outcomesHtml: renderMarkdown(rows.get(t.id)!.outcomes) })),
    demos: demos.map((d) => ({ id: d.id, topicId: d.topicId, title: rows.get(d.topicId)?.title ?? "", position: d.position, minutes: d.minutes, startedAt: d.startedAt?.toISOString() ?? null })),
    feedback: feedback.map(({ f, votes, voted }) => ({ id: f.id, kind: f.kind, text: f.text, votes: Number(votes), voted: Boolean(voted), adopted: f.adopted })),
    can: { organise: permit.can("unconference.organise"), participate: permit.can("unconference.participate") },
  };
}

/** A topic's leader (or an organiser) puts it in the day's demo queue, last. */
export async function signUpDemo(ctx: AppContext, target: EventTarget, input: DemoBody): Promise<EveningView> {
  const me = target.permit.require("unconference.participate").user.id;
  await ctx.db.transaction(async (tx) => {
    const s = await loadState(tx, target.event, { lock: true });
    const t = s.topics.find((x) => x.id === input.topicId && x.state === "open");
    if (!t) throw new ValidationError(msg("unconference.errors.topicNotFound"), { topicId: [msg("unconference.errors.topicNotFound")] });
    if (!s.days.some((d) => d.date === input.date)) throw new ValidationError(msg("unconference.form.slotNoDay"), { date: [msg("unconference.form.slotNoDay")] });
    if (!target.permit.can("unconference.organise") && !t.leaders.some((l) => l.id === me)) throw new ForbiddenError(msg("unconference.errors.notLeader"));
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${unconfDemos.position}), -1)::int` }).from(unconfDemos).where(and(eq(unconfDemos.eventId, target.event.id), eq(unconfDemos.date, input.date)));
    const added = await tx
      .insert(unconfDemos)
      .values({ eventId: target.event.id, topicId: t.id, date: input.date, minutes: input.minutes, position: Number(last?.n ?? -1) + 1, signedUpBy: me })
      .onConflictDoNothing()
      .returning();
    if (!added.length) throw new ConflictError("unconference_topic_state", msg("unconference.errors.demoTwice"), { topicId: [msg("unconference.errors.demoTwice")] });
  });
  return getEvening(ctx, target, input.date);
}

async function demoOf(ctx: AppContext, target: EventTarget, id: string) {
  const [d] = await ctx.db.select().from(unconfDemos).where(and(eq(unconfDemos.eventId, target.event.id), eq(unconfDemos.id, id)));
  if (!d) throw new NotFoundError(msg("unconference.errors.demoNotFound"));
  return d;
}

/** The running order: every demo of the day, once. */
export async function orderDemos(ctx: AppContext, target: EventTarget, date: string, ids: readonly string[]): Promise<EveningView> {
  target.permit.require("unconference.organise");
  await ctx.db.transaction(async (tx) => {
    await loadState(tx, target.event, { lock: true });
    const rows = await tx.select({ id: unconfDemos.id }).from(unconfDemos).where(and(eq(unconfDemos.eventId, target.event.id), eq(unconfDemos.date, date)));
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) throw new ValidationError(msg("unconference.errors.demoOrder"), { demoIds: [msg("unconference.errors.demoOrder")] });
    for (const [position, id] of ids.entries()) await tx.update(unconfDemos).set({ position }).where(eq(unconfDemos.id, id));
  });
  return getEvening(ctx, target, date);
}

/** Starts a demo's time box now (the projector's countdown). */
export async function startDemo(ctx: AppContext, target: EventTarget, id: string): Promise<EveningView> {
  target.permit.require("unconference.organise");
  const d = await demoOf(ctx, target, id);
  await ctx.db.update(unconfDemos).set({ startedAt: ctx.now() }).where(eq(unconfDemos.id, d.id));
  return getEvening(ctx, target, d.date);
}

export async function dropDemo(ctx: AppContext, target: EventTarget, id: string): Promise<EveningView> {
  const me = target.permit.require("unconference.participate").user.id;
  const d = await demoOf(ctx, target, id);
  if (!target.permit.can("unconference.organise") && d.signedUpBy !== me) throw new ForbiddenError(msg("unconference.errors.notLeader"));
  await ctx.db.delete(unconfDemos).where(eq(unconfDemos.id, d.id));
  return getEvening(ctx, target, d.date);
}

export async function addFeedback(ctx: AppContext, target: EventTarget, input: FeedbackBody): Promise<EveningView> {
  const me = target.permit.require("unconference.participate").user.id;
  await ctx.db.insert(unconfFeedback).values({ eventId: target.event.id, date: input.date, kind: input.kind, text: input.text, authorId: me, createdAt: ctx.now() });
  return getEvening(ctx, target, input.date);
}

async function feedbackOf(ctx: AppContext, target: EventTarget, id: string) {
  const [f] = await ctx.db.select().from(unconfFeedback).where(and(eq(unconfFeedback.eventId, target.event.id), eq(unconfFeedback.id, id)));
  if (!f) throw new NotFoundError(msg("unconference.errors.feedbackNotFound"));
  return f;
}

export async function voteFeedback(ctx: AppContext, target: EventTarget, id: string, vote: boolean): Promise<EveningView> {
  const me = target.permit.require("unconference.participate").user.id;
  const f = await feedbackOf(ctx, target, id);
  if (vote) await ctx.db.insert(unconfFeedbackVotes).values({ feedbackId: f.id, userId: me }).onConflictDoNothing();
  else await ctx.db.delete(unconfFeedbackVotes).where(and(eq(unconfFeedbackVotes.feedbackId, f.id), eq(unconfFeedbackVotes.userId, me)));
  return getEvening(ctx, target, f.date);
}

export async function adoptFeedback(ctx: AppContext, target: EventTarget, id: string, adopted: boolean): Promise<EveningView> {
  target.permit.require("unconference.organise");
  const f = await feedbackOf(ctx, target, id);
  await ctx.db.update(unconfFeedback).set({ adopted }).where(eq(unconfFeedback.id, f.id));
  return getEvening(ctx, target, f.date);
}
