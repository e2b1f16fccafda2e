import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ValidationError, type FieldErrors } from "../../platform/errors.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import { users } from "../../platform/auth/tables.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { runInWorker } from "../../../solvers/worker.js";
import type { AssignmentResult } from "../../../solvers/assignment/index.js";
import type { EventTarget } from "../events/index.js";
import { committeeScope, type CommitteeScope } from "./committee.js";
import { committeeMembers, conflictsOf, type Member } from "./conflicts.js";
import { affinity, UNDER_REVIEW, type Bid } from "./rules.js";
import type { AssignmentBody, AssignmentPreview } from "./schema.js";
import { callUrl } from "./speakers.js";
import { cfpAssignments, cfpBids, cfpProposals, cfpReviewerTopics, cfpReviews } from "./tables.js";

/**
 * The reviewer assignment, on the solver (`src/solvers/assignment`, min-cost flow) in a worker:
 * proposals under review that the chair may see × committee members; conflicts are hard
 * exclusions (never an eligible pair), bids and else topic overlap are the affinity (rules.ts);
 * pairs already assigned or already reviewed are kept and count towards both quotas.
 */
interface Problem {
  s: CommitteeScope;
  members: Member[];
  proposals: { id: string; title: string; topics: string[] }[];
  existing: Set<string>;
  conflicted: (proposalId: string, userId: string) => boolean;
}

const key = (p: string, u: string) => `${p}|${u}`;

async function problem(ctx: AppContext, e: EventTarget): Promise<Problem> {
  const s = await committeeScope(ctx, e);
  e.permit.require("cfp.chair");
  const members = await committeeMembers(ctx.db, e.event.id);
  const conflicts = await conflictsOf(ctx.db, e.event.id, members);
  const rows = await ctx.db
    .select({ id: cfpProposals.id, title: cfpProposals.title, topics: cfpProposals.topics })
    .from(cfpProposals)
    .where(and(eq(cfpProposals.eventId, e.event.id), inArray(cfpProposals.state, [...UNDER_REVIEW])));
  const proposals = rows.filter((p) => !s.hidden.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
  const ids = proposals.map((p) => p.id);
  const existing = new Set<string>();
  if (ids.length) {
    for (const a of await ctx.db.select({ p: cfpAssignments.proposalId, u: cfpAssignments.userId }).from(cfpAssignments).where(inArray(cfpAssignments.proposalId, ids))) existing.add(key(a.p, a.u));
    for (const r of await ctx.db.select({ p: cfpReviews.proposalId, u: cfpReviews.userId }).from(cfpReviews).where(inArray(cfpReviews.proposalId, ids))) existing.add(key(r.p, r.u));
  }
  return { s, members, proposals, existing, conflicted: (p, u) => conflicts.get(u)?.has(p) ?? false };
}

export async function previewAssignment(ctx: AppContext, e: EventTarget, body: AssignmentBody): Promise<AssignmentPreview> {
  const { members, proposals, existing, conflicted } = await problem(ctx, e);
  const ids = proposals.map((p) => p.id);
  const bids = ids.length ? await ctx.db.select().from(cfpBids).where(inArray(cfpBids.proposalId, ids)) : [];
  const bidOf = new Map(bids.map((b) => [key(b.proposalId, b.userId), b.bid as Bid]));
  const topicRows = await ctx.db.select().from(cfpReviewerTopics).where(eq(cfpReviewerTopics.eventId, e.event.id));
  const topicsOf = new Map(topicRows.map((t) => [t.userId, new Set(t.topics)]));
  const overrides = new Map(body.overrides.map((o) => [o.userId, o]));

  const affinityRows: [number, number, number][] = [];
  const conflictRows: [number, number][] = [];
  const existingRows: [number, number][] = [];
  const perProposal = new Map<number, number>();
  const existingLoad = new Map<number, number>();
  proposals.forEach((p, pi) =>
    members.forEach((m, ri) => {
      const a = conflicted(p.id, m.userId) ? null : affinity(bidOf.get(key(p.id, m.userId)) ?? null, p.topics, topicsOf.get(m.userId) ?? new Set());
      if (a === null) conflictRows.push([pi, ri]);
      else affinityRows.push([pi, ri, a]);
      if (a !== null && existing.has(key(p.id, m.userId)) && (perProposal.get(pi) ?? 0) < body.reviewsPerProposal) {
        existingRows.push([pi, ri]);
        perProposal.set(pi, (perProposal.get(pi) ?? 0) + 1);
        existingLoad.set(ri, (existingLoad.get(ri) ?? 0) + 1);
      }
    }),
  );
  const limits = members.map((m, ri) => {
    const o = overrides.get(m.userId);
    const had = existingLoad.get(ri) ?? 0;
    return { min: o?.minLoad ?? body.minLoad, max: Math.max(o?.maxLoad ?? body.maxLoad, had) };
  });
  const instance = {
    proposals: proposals.length,
    reviewers: members.length,
    reviewsPerProposal: body.reviewsPerProposal,
    maxLoad: body.maxLoad,
    minLoad: 0,
    loadOverrides: limits.map((l, ri) => [ri, Math.min(l.min, l.max), l.max]),
    affinity: affinityRows,
    defaultAffinity: null,
    conflicts: conflictRows,
    existing: existingRows,
  };
  const result: AssignmentResult =
    proposals.length && members.length
      ? await runInWorker<AssignmentResult>("assign", instance, { timeLimitMs: 30_000 })
      : { status: proposals.length ? "infeasible" : "optimal", objective: 0, assignments: [], short: proposals.map((_, i) => ({ proposal: i, missing: body.reviewsPerProposal, reason: "no reviewers on the committee" })), stats: { seconds: 0, nodes: 0, arcs: 0 } };
  const aff = new Map(affinityRows.map(([p, r, a]) => [`${p}|${r}`, a]));
  const kept = new Set(existingRows.map(([p, r]) => `${p}|${r}`));
  const load = new Map<number, number>();
  for (const [, r] of result.assignments) load.set(r, (load.get(r) ?? 0) + 1);
  return {
    status: result.status,
    objective: result.objective,
    assignments: result.assignments.filter(([p, r]) => !kept.has(`${p}|${r}`)).map(([p, r]) => ({ proposalId: proposals[p]!.id, userId: members[r]!.userId, affinity: aff.get(`${p}|${r}`) ?? 0 })),
    loads: members.map((m, ri) => ({ userId: m.userId, name: m.name, load: load.get(ri) ?? 0, maxLoad: limits[ri]!.max })),
    short: result.short.map((x) => ({ proposalId: proposals[x.proposal]!.id, title: proposals[x.proposal]!.title, missing: x.missing, reason: x.reason })),
    seconds: result.stats.seconds,
  };
}

/**
 * Applies pairs (the preview's, or a chair's manual choice): each must be a member and a
 * proposal the chair sees, without a conflict. Each reviewer with new work gets one mail,
 * written in the same transaction.
 */
export async function applyAssignment(ctx: AppContext, e: EventTarget, pairs: readonly { proposalId: string; userId: string }[], source: "solver" | "manual" = "solver"): Promise<{ added: number; mailed: number }> {
  const { members, proposals, conflicted } = await problem(ctx, e);
  const known = new Set(proposals.map((p) => p.id));
  const byId = new Map(members.map((m) => [m.userId, m]));
  const fields: FieldErrors = {};
  pairs.forEach((x, i) => {
    if (!known.has(x.proposalId)) fields[`assignments.${i}.proposalId`] = [msg("cfp.errors.proposalNotFound")];
    else if (!byId.has(x.userId)) fields[`assignments.${i}.userId`] = [msg("cfp.errors.notMember")];
    else if (conflicted(x.proposalId, x.userId)) fields[`assignments.${i}.userId`] = [msg("cfp.errors.conflicted")];
  });
  if (Object.keys(fields).length) throw new ValidationError(msg("errors.invalidBody", { count: Object.keys(fields).length }), fields);
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const added = pairs.length ? await tx.insert(cfpAssignments).values(pairs.map((x) => ({ ...x, source, createdAt: now }))).onConflictDoNothing().returning() : [];
    const per = new Map<string, number>();
    for (const a of added) per.set(a.userId, (per.get(a.userId) ?? 0) + 1);
    for (const [userId, count] of per) {
      const [u] = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId));
      await enqueueMail(tx, new URL(ctx.config.baseUrl).host, { to: u!.email, template: "cfp.assigned", locale: u!.locale, vars: { name: u!.name, count, event: e.event.name, link: callUrl(ctx, e, "/committee") }, meta: { eventId: e.event.id } });
    }
    return { added: added.length, mailed: per.size };
  });
  if (result.mailed) await ctx.bus.publish(MAIL_QUEUED);
  return result;
}

export async function unassign(ctx: AppContext, e: EventTarget, proposalId: string, userId: string): Promise<void> {
  const { proposals } = await problem(ctx, e);
  if (!proposals.some((p) => p.id === proposalId)) return;
  await ctx.db.delete(cfpAssignments).where(and(eq(cfpAssignments.proposalId, proposalId), eq(cfpAssignments.userId, userId)));
}

export async function putReviewerTopics(ctx: AppContext, e: EventTarget, topics: string[]): Promise<{ topics: string[] }> {
  e.permit.require("cfp.review");
  const userId = e.permit.user.id;
  await ctx.db
    .insert(cfpReviewerTopics)
    .values({ eventId: e.event.id, userId, topics })
    .onConflictDoUpdate({ target: [cfpReviewerTopics.eventId, cfpReviewerTopics.userId], set: { topics } });
  return { topics };
}
