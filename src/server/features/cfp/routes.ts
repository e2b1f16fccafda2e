import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { UnauthenticatedError } from "../../platform/errors.js";
import type { Actor, UserActor } from "../../platform/permissions.js";
import { eventTarget, inEvent } from "../events/index.js";
import { applyAssignment, previewAssignment, putReviewerTopics, unassign } from "./assign.js";
import { getPublicCall, getSettings, putSettings, setPhase } from "./call.js";
import { addConflict, committeeCsv, committeeList, committeeProposal, committeeView, declareOwnConflict, listConflicts, putBid, putReview, removeConflict } from "./committee.js";
import { decide } from "./decide.js";
import * as s from "./schema.js";
import { answerInvitation, createProposal, getMyProposal, getProfile, myInvitations, myProposals, putProfile, speakerAction, submitProposal, updateProposal } from "./speakers.js";

const tags = ["cfp"];
const base = "/api/v1/communities/{community}/events/{event}/cfp";
const review = inEvent("cfp.review");
const chair = inEvent("cfp.chair");

/** For `access: "user"` operations the router has already refused anyone else. */
const signedIn = (a: Actor): UserActor => {
  if (a.kind !== "user") throw new UnauthenticatedError();
  return a;
};

export function cfpRoutes(r: Router, ctx: AppContext): void {
  const at = (actor: Actor, p: { community: string; event: string }) => eventTarget(ctx, actor, p.community, p.event);

  // ------------------------------------------------------------ the public call
  r.add(
    { method: "GET", url: base, operationId: "getCall", summary: "The call for participation as everyone sees it: dates (with the zone they were entered in), session types, tracks, questions and the page.", tags, access: "public", params: s.eventParams, response: s.publicCall, errors: [404] },
    async ({ actor, params }) => getPublicCall(ctx, await at(actor, params)),
  );

  // ------------------------------------------------------------ speakers
  r.add({ method: "GET", url: "/api/v1/cfp/profile", operationId: "getSpeakerProfile", summary: "Your speaker profile, used in every call you answer.", tags, access: "user", response: s.profileView }, async ({ actor }) => getProfile(ctx, signedIn(actor)));
  r.add({ method: "PUT", url: "/api/v1/cfp/profile", operationId: "putSpeakerProfile", summary: "Write your speaker profile.", tags, access: "user", body: s.profileBody, response: s.profileView }, async ({ actor, body }) => putProfile(ctx, signedIn(actor), body));
  r.add({ method: "GET", url: "/api/v1/cfp/invitations", operationId: "listSpeakerInvitations", summary: "Proposals whose speakers invited you to speak with them.", tags, access: "user", response: s.invitationList }, async ({ actor }) => myInvitations(ctx, signedIn(actor)));
  r.add(
    { method: "GET", url: `${base}/proposals`, operationId: "listMyProposals", summary: "Your proposals to this call, each with its state and what you can do with it.", tags, access: "user", params: s.eventParams, response: s.proposalList, errors: [404] },
    async ({ actor, params }) => myProposals(ctx, await at(actor, params)),
  );
  r.add(
    { method: "POST", url: `${base}/proposals`, operationId: "createProposal", summary: "Start a proposal: a draft, kept whatever the date, until you submit it.", tags, access: "user", params: s.eventParams, body: s.proposalBody, response: s.proposalView, status: 201, errors: [404] },
    async ({ actor, params, body }) => createProposal(ctx, await at(actor, params), body),
  );
  r.add(
    { method: "GET", url: `${base}/proposals/{proposal}`, operationId: "getMyProposal", summary: "One of your proposals.", tags, access: "user", params: s.proposalParams, response: s.proposalView, errors: [404] },
    async ({ actor, params }) => getMyProposal(ctx, await at(actor, params), params.proposal),
  );
  r.add(
    { method: "PUT", url: `${base}/proposals/{proposal}`, operationId: "updateProposal", summary: "Change a draft at any time, or a submitted proposal until the deadline.", tags, access: "user", params: s.proposalParams, body: s.proposalBody, response: s.proposalView, errors: [404, 409] },
    async ({ actor, params, body }) => updateProposal(ctx, await at(actor, params), params.proposal, body),
  );
  r.add(
    { method: "POST", url: `${base}/proposals/{proposal}/submit`, operationId: "submitProposal", summary: "Send a draft in: before the deadline, or after it with the call's access code.", tags, access: "user", params: s.proposalParams, body: s.submitBody, response: s.proposalView, errors: [404, 409] },
    async ({ actor, params, body }) => submitProposal(ctx, await at(actor, params), params.proposal, body.accessCode),
  );
  for (const action of ["withdraw", "confirm", "decline"] as const) {
    const summary = { withdraw: "Withdraw a proposal, at any time before a final answer.", confirm: "Confirm that you will give an accepted session.", decline: "Decline an accepted session." }[action];
    r.add(
      { method: "POST", url: `${base}/proposals/{proposal}/${action}`, operationId: `${action}Proposal`, summary, tags, access: "user", params: s.proposalParams, response: s.proposalView, errors: [404, 409] },
      async ({ actor, params }) => speakerAction(ctx, await at(actor, params), params.proposal, action),
    );
  }
  r.add(
    { method: "POST", url: `${base}/proposals/{proposal}/invitation`, operationId: "answerSpeakerInvitation", summary: "Accept or decline speaking on a proposal you were invited to.", tags, access: "user", params: s.proposalParams, body: s.invitationBody, response: s.invitationList, errors: [404] },
    async ({ actor, params, body }) => answerInvitation(ctx, await at(actor, params), params.proposal, body.accept),
  );

  // ------------------------------------------------------------ the chair's settings
  r.add({ method: "GET", url: `${base}/settings`, operationId: "getCallSettings", summary: "The call's settings as entered.", tags, access: chair, params: s.eventParams, response: s.settingsView, errors: [404] }, async ({ target }) => getSettings(ctx, target));
  r.add(
    { method: "PUT", url: `${base}/settings`, operationId: "putCallSettings", summary: "Set up or change the call: dates in the event's zone or Anywhere on Earth, session types, tracks, questions, review criteria, blind review, the page.", tags, access: chair, params: s.eventParams, body: s.settingsBody, response: s.settingsView, errors: [404] },
    async ({ target, body }) => putSettings(ctx, target, body),
  );
  r.add({ method: "PUT", url: `${base}/phase`, operationId: "setCallPhase", summary: "Open the committee's next phase: bidding, reviewing, discussion, decision.", tags, access: chair, params: s.eventParams, body: s.phaseBody, response: s.settingsView, errors: [404] }, async ({ target, body }) => setPhase(ctx, target, body.phase));

  // ------------------------------------------------------------ the committee
  r.add(
    { method: "GET", url: `${base}/committee/proposals`, operationId: "listCommitteeProposals", summary: "The proposals you may review (none you are conflicted with; speakers hidden in a blind call), with your bid and review; chairs see every review and the ranking.", tags, access: review, params: s.eventParams, query: s.committeeQuery, response: s.committeeList, errors: [404] },
    async ({ target, query }) => committeeList(ctx, target, query),
  );
  r.add(
    { method: "GET", url: `${base}/committee/proposals.csv`, operationId: "exportCommitteeProposals", summary: "The same list as CSV, with the same conflicts and blind review applied.", tags, access: review, params: s.eventParams, response: z.string(), produces: "text/csv; charset=utf-8", errors: [404] },
    async ({ target, reply }) => reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="proposals.csv"').send(await committeeCsv(ctx, target)),
  );
  r.add(
    { method: "GET", url: `${base}/committee/proposals/{proposal}`, operationId: "getCommitteeProposal", summary: "One proposal as the committee sees it.", tags, access: review, params: s.proposalParams, response: s.committeeProposal, errors: [404] },
    async ({ target, params }) => committeeProposal(ctx, target, params.proposal),
  );
  r.add(
    { method: "PUT", url: `${base}/committee/proposals/{proposal}/bid`, operationId: "putBid", summary: "Bid on a proposal in the bidding phase (a conflict bid declares a conflict, and the proposal disappears from your lists).", tags, access: review, params: s.proposalParams, body: s.bidBody, response: s.committeeProposal, errors: [404, 409] },
    async ({ target, params, body }) => putBid(ctx, target, params.proposal, body.bid),
  );
  r.add(
    { method: "PUT", url: `${base}/committee/proposals/{proposal}/review`, operationId: "putReview", summary: "Write or change your review: a score on every criterion, your confidence, a comment for the speakers and one for the committee.", tags, access: review, params: s.proposalParams, body: s.reviewBody, response: s.committeeProposal, errors: [404, 409] },
    async ({ target, params, body }) => putReview(ctx, target, params.proposal, body),
  );
  r.add(
    { method: "POST", url: `${base}/committee/proposals/{proposal}/conflict`, operationId: "declareConflict", summary: "Declare your conflict of interest with a proposal; you will not see it again.", tags, access: review, params: s.proposalParams, response: null, errors: [404] },
    async ({ target, params }) => declareOwnConflict(ctx, target, params.proposal),
  );
  r.add(
    { method: "PUT", url: `${base}/committee/topics`, operationId: "putReviewerTopics", summary: "The call's topics you follow: what the assignment falls back on where you did not bid.", tags, access: review, params: s.eventParams, body: s.reviewerTopicsBody, response: s.reviewerTopicsBody, errors: [404] },
    async ({ target, body }) => putReviewerTopics(ctx, target, body.topics),
  );
  r.add({ method: "GET", url: `${base}/committee`, operationId: "getCommittee", summary: "The committee and each member's assigned and written reviews (a reviewer sees their own line).", tags, access: review, params: s.eventParams, response: s.committeeView, errors: [404] }, async ({ target }) => committeeView(ctx, target));

  r.add({ method: "GET", url: `${base}/committee/conflicts`, operationId: "listConflicts", summary: "Every conflict between members and proposals, declared or automatic, with its source.", tags, access: chair, params: s.eventParams, response: s.conflictList, errors: [404] }, async ({ target }) => listConflicts(ctx, target));
  r.add(
    { method: "POST", url: `${base}/committee/conflicts`, operationId: "addConflict", summary: "Record a conflict between a member and a proposal.", tags, access: chair, params: s.eventParams, body: s.addConflictBody, response: s.conflictList, errors: [404] },
    async ({ target, body }) => addConflict(ctx, target, body.proposalId, body.userId),
  );
  r.add(
    { method: "DELETE", url: `${base}/committee/conflicts/{proposal}/{user}`, operationId: "removeConflict", summary: "Lift a declared conflict (an automatic one holds while its cause does).", tags, access: chair, params: s.conflictParams, response: null, errors: [404] },
    async ({ target, params }) => removeConflict(ctx, target, params.proposal, params.user),
  );
  r.add(
    { method: "POST", url: `${base}/committee/assignment/preview`, operationId: "previewAssignment", summary: "Run the optimal reviewer assignment (conflicts excluded, bids and topics as preference, quotas and per-member overrides) and show it without saving.", tags, access: chair, params: s.eventParams, body: s.assignmentBody, response: s.assignmentPreview, errors: [404] },
    async ({ target, body }) => previewAssignment(ctx, target, body),
  );
  r.add(
    { method: "POST", url: `${base}/committee/assignment`, operationId: "applyAssignment", summary: "Assign reviewers (a preview's pairs, or a chair's own); each reviewer gets one mail.", tags, access: chair, params: s.eventParams, body: s.applyAssignmentBody, response: s.applyResult, errors: [404] },
    async ({ target, body }) => applyAssignment(ctx, target, body.assignments, body.assignments.length === 1 ? "manual" : "solver"),
  );
  r.add(
    { method: "DELETE", url: `${base}/committee/proposals/{proposal}/assignees/{user}`, operationId: "unassignReviewer", summary: "Take a reviewer off a proposal (a review they wrote is kept).", tags, access: chair, params: s.conflictParams, response: null, errors: [404] },
    async ({ target, params }) => unassign(ctx, target, params.proposal, params.user),
  );
  r.add(
    { method: "POST", url: `${base}/committee/decisions`, operationId: "decideProposals", summary: "Accept, reject or waitlist proposals, one or many, in the decision phase; their speakers are mailed.", tags, access: chair, params: s.eventParams, body: s.decisionBody, response: s.decisionResult, errors: [404, 409] },
    async ({ target, body }) => decide(ctx, target, body.decision, body.proposalIds),
  );
}
