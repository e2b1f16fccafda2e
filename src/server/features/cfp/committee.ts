import { and, asc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { toCsv } from "../../platform/csv.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, ValidationError, type FieldErrors } from "../../platform/errors.js";
import { users } from "../../platform/auth/tables.js";
import type { UserActor } from "../../platform/permissions.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { requireCall, type CallRow } from "./call.js";
import { committeeMembers, conflictsOf, hiddenFrom } from "./conflicts.js";
import { callOpen, phaseAllows, proposalCan, rank, UNDER_REVIEW, weightedScore, type Bid } from "./rules.js";
import type { CommitteeList, CommitteeProposal, ReviewBody } from "./schema.js";
import { proposalNotFound, speakerNames, speakersOf, type ProposalRow } from "./speakers.js";
import { cfpAssignments, cfpBids, cfpConflicts, cfpProposals, cfpReviews } from "./tables.js";

/**
 * What one committee member may see of the event's call: every read below starts here, so
 * conflicts (`hidden`) and blind review (`blind`) are applied the same way in every list,
 * page, count, search and export.
 */
export interface CommitteeScope {
  call: CallRow;
  me: UserActor;
  chair: boolean;
  /** Speakers' identities are hidden from this reader. */
  blind: boolean;
  hidden: ReadonlySet<string>;
}

export async function committeeScope(ctx: AppContext, e: EventTarget, db: Db = ctx.db): Promise<CommitteeScope> {
  e.permit.require("cfp.review");
  const call = await requireCall(db, e.event.id);
  const chair = e.permit.can("cfp.chair");
  return { call, me: e.permit.user, chair, blind: call.blind && !chair, hidden: await hiddenFrom(db, e.event.id, e.permit.user.id) };
}

/** The proposals under review that this reader may see (none they are conflicted with). */
async function visibleProposals(db: Db, eventId: string, s: CommitteeScope, ids?: readonly string[]): Promise<ProposalRow[]> {
  const rows = await db
    .select()
    .from(cfpProposals)
    .where(and(eq(cfpProposals.eventId, eventId), inArray(cfpProposals.state, [...UNDER_REVIEW]), ids ? inArray(cfpProposals.id, [...ids]) : undefined))
    .orderBy(asc(cfpProposals.submittedAt), asc(cfpProposals.id));
  return rows.filter((r) => !s.hidden.has(r.id));
}

/** One proposal this reader may see, or 404 exactly as for one that does not exist. */
export async function visibleProposal(db: Db, eventId: string, s: CommitteeScope, id: string): Promise<ProposalRow> {
  const [row] = await visibleProposals(db, eventId, s, [id]);
  if (!row) throw proposalNotFound();
  return row;
}

async function views(ctx: AppContext, e: EventTarget, s: CommitteeScope, rows: readonly ProposalRow[]): Promise<CommitteeProposal[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [reviews, bids, assigned, speakers] = await Promise.all([
    ctx.db.select({ r: cfpReviews, name: users.name }).from(cfpReviews).innerJoin(users, eq(users.id, cfpReviews.userId)).where(inArray(cfpReviews.proposalId, ids)),
    ctx.db.select().from(cfpBids).where(and(inArray(cfpBids.proposalId, ids), eq(cfpBids.userId, s.me.id))),
    ctx.db.select({ a: cfpAssignments, name: users.name }).from(cfpAssignments).innerJoin(users, eq(users.id, cfpAssignments.userId)).where(inArray(cfpAssignments.proposalId, ids)),
    s.blind ? Promise.resolve(new Map()) : speakersOf(ctx.db, ids),
  ]);
  const names = s.blind ? new Map() : await speakerNames(ctx.db, [...speakers.values()].flat());
  const scored = reviews.map((x) => ({ proposalId: x.r.proposalId, reviewerId: x.r.userId, score: weightedScore(s.call.criteria, x.r.scores) ?? 0 }));
  const ranking = rank(scored);
  const reviewView = (x: (typeof reviews)[number]) => ({
    reviewer: x.name,
    reviewerId: x.r.userId,
    scores: x.r.scores,
    score: weightedScore(s.call.criteria, x.r.scores),
    confidence: x.r.confidence,
    commentForSpeakers: x.r.commentForSpeakers,
    commentForCommittee: x.r.commentForCommittee,
    updatedAt: x.r.updatedAt.toISOString(),
  });
  const at = { open: callOpen(ctx.now(), s.call.opensAt, s.call.closesAt), phase: s.call.phase };
  return rows.map((p) => {
    const its = reviews.filter((x) => x.r.proposalId === p.id);
    const mine = its.find((x) => x.r.userId === s.me.id);
    const r = ranking.get(p.id);
    // A reviewer reads the others' reviews once their own is in; a chair always.
    const seesReviews = s.chair || !!mine;
    return {
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      description: p.description,
      notes: p.notes,
      sessionType: p.sessionType,
      topics: p.topics,
      answers: p.answers,
      state: p.state,
      demo: p.demo,
      speakers: s.blind ? null : (speakers.get(p.id) ?? []).filter((x: { status: string }) => x.status === "accepted").map((x: { email: string }) => ({ name: names.get(x.email)!.name, affiliation: names.get(x.email)!.affiliation })),
      myBid: (bids.find((b) => b.proposalId === p.id)?.bid as Bid | undefined) ?? null,
      myReview: mine ? reviewView(mine) : null,
      assignedToMe: assigned.some((a) => a.a.proposalId === p.id && a.a.userId === s.me.id),
      reviewCount: its.length,
      reviews: seesReviews ? its.map(reviewView) : null,
      assigned: s.chair ? assigned.filter((a) => a.a.proposalId === p.id).map((a) => ({ userId: a.a.userId, name: a.name })) : null,
      mean: seesReviews ? (r?.mean ?? null) : null,
      spread: seesReviews ? (r?.spread ?? null) : null,
      calibrated: s.chair ? (r?.calibrated ?? null) : null,
      can: proposalCan(p.state, { owner: false, chair: s.chair }, at),
    };
  });
}

export async function committeeList(ctx: AppContext, e: EventTarget, query: { q?: string; state?: ProposalRow["state"]; todo?: "1" }): Promise<CommitteeList> {
  const s = await committeeScope(ctx, e);
  const needle = query.q?.trim().toLowerCase();
  const rows = (await visibleProposals(ctx.db, e.event.id, s)).filter((p) => (!query.state || p.state === query.state) && (!needle || `${p.title}\n${p.abstract}\n${p.description}`.toLowerCase().includes(needle)));
  const all = await views(ctx, e, s, rows);
  const proposals = query.todo ? all.filter((p) => p.assignedToMe && !p.myReview) : all;
  return { proposals, phase: s.call.phase, blind: s.call.blind, criteria: s.call.criteria, chair: s.chair };
}

export async function committeeProposal(ctx: AppContext, e: EventTarget, id: string): Promise<CommitteeProposal> {
  const s = await committeeScope(ctx, e);
  return (await views(ctx, e, s, [await visibleProposal(ctx.db, e.event.id, s, id)]))[0]!;
}

/** The committee's list as CSV: the same rows, with the same conflicts and blind review applied. */
export async function committeeCsv(ctx: AppContext, e: EventTarget): Promise<string> {
  const list = await committeeList(ctx, e, {});
  const fmt = (n: number | null) => (n === null ? "" : n.toFixed(2));
  return toCsv(
    ["id", "title", "state", "session_type", "topics", "speakers", "affiliations", "reviews", "mean", "spread", "calibrated"],
    list.proposals.map((p) => [p.id, p.title, p.state, p.sessionType, p.topics.join("; "), p.speakers?.map((x) => x.name).join("; ") ?? "", p.speakers?.map((x) => x.affiliation).join("; ") ?? "", p.reviewCount, fmt(p.mean), fmt(p.spread), fmt(p.calibrated)]),
  );
}

// ---------------------------------------------------------------- bids, conflicts, reviews

const wrongPhase = (phase: string) => new ConflictError("cfp_phase", msg("cfp.errors.wrongPhase", { phase }));

export async function putBid(ctx: AppContext, e: EventTarget, id: string, bid: Bid | null): Promise<CommitteeProposal> {
  const s = await committeeScope(ctx, e);
  if (!phaseAllows.bid(s.call.phase)) throw wrongPhase(s.call.phase);
  await visibleProposal(ctx.db, e.event.id, s, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(cfpBids).where(and(eq(cfpBids.proposalId, id), eq(cfpBids.userId, s.me.id)));
    if (bid === "conflict") await declareConflict(tx, id, s.me.id, "reviewer");
    else if (bid) await tx.insert(cfpBids).values({ proposalId: id, userId: s.me.id, bid });
  });
  // A conflict bid hides the proposal at once: the answer is what the reader may still see.
  if (bid === "conflict") throw proposalNotFound();
  return committeeProposal(ctx, e, id);
}

/** A conflict ends any bid or assignment of the pair; a review already written is kept, out of sight. */
async function declareConflict(tx: Db, proposalId: string, userId: string, source: "reviewer" | "chair") {
  await tx.insert(cfpConflicts).values({ proposalId, userId, source }).onConflictDoNothing();
  await tx.delete(cfpBids).where(and(eq(cfpBids.proposalId, proposalId), eq(cfpBids.userId, userId)));
  await tx.delete(cfpAssignments).where(and(eq(cfpAssignments.proposalId, proposalId), eq(cfpAssignments.userId, userId)));
}

export async function declareOwnConflict(ctx: AppContext, e: EventTarget, id: string): Promise<void> {
  const s = await committeeScope(ctx, e);
  await visibleProposal(ctx.db, e.event.id, s, id);
  await ctx.db.transaction((tx) => declareConflict(tx, id, s.me.id, "reviewer"));
}

export async function putReview(ctx: AppContext, e: EventTarget, id: string, body: ReviewBody): Promise<CommitteeProposal> {
  const s = await committeeScope(ctx, e);
  await visibleProposal(ctx.db, e.event.id, s, id);
  if (!phaseAllows.review(s.call.phase)) throw wrongPhase(s.call.phase);
  const fields: FieldErrors = {};
  for (const c of s.call.criteria) {
    const v = body.scores[c.key];
    if (v === undefined) fields[`scores.${c.key}`] = [msg("cfp.errors.scoreMissing", { criterion: c.label })];
    else if (!c.scale.some((p) => p.value === v)) fields[`scores.${c.key}`] = [msg("cfp.errors.scoreOffScale", { criterion: c.label })];
  }
  for (const k of Object.keys(body.scores)) if (!s.call.criteria.some((c) => c.key === k)) fields[`scores.${k}`] = [msg("cfp.errors.unknownCriterion")];
  if (Object.keys(fields).length) throw new ValidationError(msg("errors.invalidBody", { count: Object.keys(fields).length }), fields);
  const values = { scores: body.scores, confidence: body.confidence, commentForSpeakers: body.commentForSpeakers, commentForCommittee: body.commentForCommittee, updatedAt: ctx.now() };
  await ctx.db
    .insert(cfpReviews)
    .values({ proposalId: id, userId: s.me.id, ...values })
    .onConflictDoUpdate({ target: [cfpReviews.proposalId, cfpReviews.userId], set: values });
  return committeeProposal(ctx, e, id);
}

// ---------------------------------------------------------------- the chair's pages

export async function listConflicts(ctx: AppContext, e: EventTarget) {
  const s = await committeeScope(ctx, e);
  e.permit.require("cfp.chair");
  const members = await committeeMembers(ctx.db, e.event.id);
  const found = await conflictsOf(ctx.db, e.event.id, members);
  const titles = new Map((await visibleProposals(ctx.db, e.event.id, s)).map((p) => [p.id, p.title]));
  const conflicts = members.flatMap((m) =>
    [...found.get(m.userId)!].filter(([pid]) => titles.has(pid)).map(([proposalId, source]) => ({ proposalId, title: titles.get(proposalId)!, userId: m.userId, name: m.name, source })),
  );
  return { conflicts };
}

export async function addConflict(ctx: AppContext, e: EventTarget, proposalId: string, userId: string) {
  const s = await committeeScope(ctx, e);
  e.permit.require("cfp.chair");
  await visibleProposal(ctx.db, e.event.id, s, proposalId);
  if (!(await committeeMembers(ctx.db, e.event.id, userId)).length) throw new ValidationError(msg("cfp.errors.notMember"), { userId: [msg("cfp.errors.notMember")] });
  await ctx.db.transaction((tx) => declareConflict(tx, proposalId, userId, "chair"));
  return listConflicts(ctx, e);
}

/** Only declared conflicts can be lifted; an automatic one holds as long as its cause. */
export async function removeConflict(ctx: AppContext, e: EventTarget, proposalId: string, userId: string): Promise<void> {
  const s = await committeeScope(ctx, e);
  e.permit.require("cfp.chair");
  await visibleProposal(ctx.db, e.event.id, s, proposalId);
  await ctx.db.delete(cfpConflicts).where(and(eq(cfpConflicts.proposalId, proposalId), eq(cfpConflicts.userId, userId)));
}

/** Members with what they have to do: counted over the proposals the reader may see. */
export async function committeeView(ctx: AppContext, e: EventTarget) {
  const s = await committeeScope(ctx, e);
  const visible = new Set((await visibleProposals(ctx.db, e.event.id, s)).map((p) => p.id));
  const members = await committeeMembers(ctx.db, e.event.id);
  const ids = [...visible];
  const [assigned, reviewed] = ids.length
    ? await Promise.all([ctx.db.select().from(cfpAssignments).where(inArray(cfpAssignments.proposalId, ids)), ctx.db.select({ proposalId: cfpReviews.proposalId, userId: cfpReviews.userId }).from(cfpReviews).where(inArray(cfpReviews.proposalId, ids))])
    : [[], []];
  return {
    members: members
      .filter((m) => s.chair || m.userId === s.me.id)
      .map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, assigned: assigned.filter((a) => a.userId === m.userId).length, reviewed: reviewed.filter((r) => r.userId === m.userId).length })),
  };
}
