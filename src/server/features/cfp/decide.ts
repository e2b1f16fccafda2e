import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { CandidateSession } from "../../platform/candidates.js";
import type { AppContext } from "../../platform/context.js";
import { ConflictError } from "../../platform/errors.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import { users } from "../../platform/auth/tables.js";
import { emitWebhook } from "../../platform/webhooks/emit.js";
import { defineWebhookEvent } from "../../platform/webhooks/registry.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { EventTarget } from "../events/index.js";
import { loadCall } from "./call.js";
import { committeeScope, visibleProposal } from "./committee.js";
import { PROPOSAL_TRANSITIONS, phaseAllows, type Decision, type ProposalState } from "./rules.js";
import { callUrl, speakerNames, speakersOf } from "./speakers.js";
import { cfpProposals } from "./tables.js";

const proposalSubmittedPayload = z.object({
  proposalId: z.uuid(),
  eventId: z.uuid(),
  eventSlug: z.string(),
  title: z.string(),
  sessionType: z.string(),
  topics: z.array(z.string()),
  submittedAt: z.iso.datetime({ offset: true }),
  /** Sent after the deadline with the call's access code. */
  late: z.boolean(),
});
const proposalDecidedPayload = z.object({
  proposalId: z.uuid(),
  eventId: z.uuid(),
  eventSlug: z.string(),
  title: z.string(),
  state: z.enum(["accepted", "rejected", "waitlisted"]),
  decidedAt: z.iso.datetime({ offset: true }),
});

/** Neither payload names a speaker: a blind call's subscribers learn no more than its reviewers. */
export const CFP_WEBHOOKS = [
  defineWebhookEvent({ type: "proposal.submitted", summary: "A proposal was sent in to a call for participation.", description: "A speaker submitted a proposal (`data.late`: after the deadline, with the call's access code). Speakers are not named.", schema: proposalSubmittedPayload }),
  defineWebhookEvent({ type: "proposal.decided", summary: "The programme committee decided a proposal.", description: "A chair accepted, rejected or waitlisted a proposal; its speakers were mailed in the same transaction. Speakers are not named.", schema: proposalDecidedPayload }),
];

declare module "../../platform/webhooks/registry.js" {
  interface WebhookPayloads {
    "proposal.submitted": z.input<typeof proposalSubmittedPayload>;
    "proposal.decided": z.input<typeof proposalDecidedPayload>;
  }
}

const DECIDED: Record<Decision, ProposalState> = { accept: "accepted", reject: "rejected", waitlist: "waitlisted" };
const TEMPLATE = { accept: "cfp.accepted", reject: "cfp.rejected", waitlist: "cfp.waitlisted" } as const;

/**
 * Decides proposals one by one or in bulk, in the decision phase. Each row changes only from
 * the state it was read in, so of two chairs deciding one proposal at once one wins and the
 * other gets a 409; every accepted speaker is mailed in the same transaction.
 */
export async function decide(ctx: AppContext, e: EventTarget, decision: Decision, ids: readonly string[]): Promise<{ decided: number; mailed: number }> {
  const s = await committeeScope(ctx, e);
  e.permit.require("cfp.chair");
  if (!phaseAllows.decide(s.call.phase)) throw new ConflictError("cfp_phase", msg("cfp.errors.wrongPhase", { phase: s.call.phase }));
  const rows = await Promise.all(ids.map((id) => visibleProposal(ctx.db, e.event.id, s, id)));
  for (const p of rows) if (!PROPOSAL_TRANSITIONS[p.state][decision]) throw new ConflictError("cfp_state", msg("cfp.errors.wrongState", { state: p.state }));
  const now = ctx.now();
  const next = DECIDED[decision];
  const host = new URL(ctx.config.baseUrl).host;
  const mailed = await ctx.db.transaction(async (tx) => {
    let count = 0;
    const speakers = await speakersOf(tx, rows.map((r) => r.id));
    for (const p of rows) {
      const done = await tx
        .update(cfpProposals)
        .set({ state: next, decidedAt: now, decidedBy: s.me.id, updatedAt: now })
        .where(and(eq(cfpProposals.id, p.id), eq(cfpProposals.state, p.state)))
        .returning({ id: cfpProposals.id });
      if (!done.length) throw new ConflictError("cfp_state", msg("cfp.errors.decidedMeanwhile", { title: p.title }));
      const accepted = speakers.get(p.id)!.filter((x) => x.status === "accepted");
      const names = await speakerNames(tx, accepted);
      const accounts = accepted.flatMap((x) => (x.userId ? [x.userId] : []));
      const locales = new Map((accounts.length ? await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, accounts)) : []).map((u) => [u.id, u.locale]));
      for (const sp of accepted) {
        await enqueueMail(tx, host, { to: sp.email, template: TEMPLATE[decision], locale: (sp.userId && locales.get(sp.userId)) || "en", vars: { name: names.get(sp.email)!.name, title: p.title, event: e.event.name, link: callUrl(ctx, e, "/mine") }, meta: { proposalId: p.id } });
        count++;
      }
      await emitWebhook(ctx, tx, "proposal.decided", e.event.communityId, { proposalId: p.id, eventId: e.event.id, eventSlug: e.event.slug, title: p.title, state: next as "accepted" | "rejected" | "waitlisted", decidedAt: now.toISOString() });
    }
    return count;
  });
  if (mailed) await ctx.bus.publish(MAIL_QUEUED);
  return { decided: rows.length, mailed };
}

/** The schedule's `candidateSessions`: accepted proposals whose speakers confirmed. */
export async function candidateSessions(ctx: AppContext, eventId: string): Promise<CandidateSession[]> {
  const call = await loadCall(ctx.db, eventId);
  if (!call) return [];
  const rows = await ctx.db.select().from(cfpProposals).where(and(eq(cfpProposals.eventId, eventId), eq(cfpProposals.state, "confirmed")));
  const speakers = await speakersOf(ctx.db, rows.map((r) => r.id));
  const names = await speakerNames(ctx.db, [...speakers.values()].flat());
  const trackOf = (topics: readonly string[]) => call.tracks.find((t) => topics.some((x) => t.topics.includes(x)))?.name ?? null;
  return rows.map((p) => ({
    proposalId: p.id,
    title: p.title,
    abstract: p.abstract,
    description: p.description,
    sessionType: p.sessionType,
    durationMinutes: call.sessionTypes.find((t) => t.key === p.sessionType)?.minutes ?? 30,
    track: trackOf(p.topics),
    speakers: speakers
      .get(p.id)!
      .filter((x) => x.status === "accepted")
      .map((x) => ({ id: `cfp:${x.userId ?? x.email}`, name: names.get(x.email)!.name, affiliation: names.get(x.email)!.affiliation, userId: x.userId })),
  }));
}
