import { and, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../platform/mail/tables.js";
import { webhookEndpoints, webhookMessages } from "../../platform/webhooks/tables.js";
import { useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";
import { instantToZonedLocal } from "../../../shared/time.js";
import { candidateSessions } from "./decide.js";
import type { AssignmentPreview, CommitteeList, ProposalView, PublicCall } from "./schema.js";
import { makeCall } from "./test-helpers.js";

const t = useTestApp();
type Err = { error: { code: string; fields?: Record<string, string[]> } };

const mailsTo = (to: string) => t().ctx.db.select().from(outbox).where(eq(outbox.to, to));

describe("the public call and speakers' proposals", () => {
  it("shows the call with its sanitised page, keeps drafts, asks required answers on submission and sends a receipt that is not a decision", async () => {
    const x = await makeCall(t);
    const pub = await x.call<PublicCall>(null, "GET", "");
    expect(pub.status).toBe(200);
    expect(pub.body.open).toBe(true);
    expect(pub.body.pageHtml).toContain("<strong>talks</strong>");
    expect(pub.body.pageHtml).not.toContain("<script");
    expect(pub.body.tracks.map((tr) => tr.name)).toEqual(["Development", "Deployment"]);

    const ann = await makeUser(t().ctx, { name: "Ann Speaker" });
    const draft = await x.call<ProposalView>(ann, "POST", "/proposals", { title: "Scheduling at scale", sessionType: "presentation", topics: ["Scheduling"] });
    expect(draft.status).toBe(201);
    expect(draft.body.state).toBe("draft");
    expect(draft.body.can).toMatchObject({ edit: true, submit: true, withdraw: true, confirm: false });
    // The required question is asked when the proposal is sent in, not while it is a draft.
    const missing = await x.call<Err>(ann, "POST", `/proposals/${draft.body.id}/submit`, {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields ?? {})).toContain("answers.level");
    expect((await x.call<Err>(ann, "POST", "/proposals", { title: "x", sessionType: "keynote", topics: ["Nope"] })).body.error.fields).toMatchObject({ sessionType: expect.any(Array), topics: expect.any(Array) });

    await x.call(ann, "PUT", `/proposals/${draft.body.id}`, { title: "Scheduling at scale", sessionType: "presentation", topics: ["Scheduling"], answers: { level: "Expert" } });
    const sent = await x.call<ProposalView>(ann, "POST", `/proposals/${draft.body.id}/submit`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe("submitted");
    const [receipt] = await mailsTo(ann.email);
    expect(receipt!.subject).toMatch(/^Received: .*no decision yet/);
    // Somebody else cannot see it, nor learn that it exists.
    const other = await makeUser(t().ctx);
    expect((await x.call(other, "GET", `/proposals/${draft.body.id}`)).status).toBe(404);
  });

  it("refuses a submission a second after the deadline with the deadline, keeps the draft, and lets the access code through", async () => {
    const deadline = new Date(t().ctx.now().getTime() + 3_600_000);
    deadline.setUTCSeconds(0, 0);
    const x = await makeCall(t, { closesAt: { local: instantToZonedLocal(deadline, "America/Chicago"), zone: "event" } });
    const ann = await makeUser(t().ctx);
    const draft = await x.call<ProposalView>(ann, "POST", "/proposals", { title: "Late", sessionType: "presentation", answers: { level: "Beginner" } });
    t().advance(deadline.getTime() - t().ctx.now().getTime() + 1000);
    try {
      const saved = await x.call<ProposalView>(ann, "PUT", `/proposals/${draft.body.id}`, { title: "Late but kept", sessionType: "presentation", answers: { level: "Beginner" } });
      expect(saved.status).toBe(200);
      expect(saved.body.title).toBe("Late but kept");
      const late = await x.call<Err & { error: { at?: string } }>(ann, "POST", `/proposals/${draft.body.id}/submit`, {});
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("cfp_closed");
      expect(late.raw).toContain(deadline.toISOString());
      expect((await x.call(ann, "POST", `/proposals/${draft.body.id}/submit`, { accessCode: "wrong-code-1" })).status).toBe(409);
      const withCode = await x.call<ProposalView>(ann, "POST", `/proposals/${draft.body.id}/submit`, { accessCode: "late-code-123" });
      expect(withCode.body.state).toBe("submitted");
      expect(withCode.body.can.edit).toBe(false);
    } finally {
      t().advance(-(deadline.getTime() - Date.now() + 1000));
    }
  });

  it("holds the maximum per speaker and lets an invited co-speaker accept", async () => {
    const x = await makeCall(t, { maxProposalsPerSpeaker: 1 });
    const ann = await makeUser(t().ctx);
    const bob = await makeUser(t().ctx, { name: "Bob Cospeaker" });
    const first = await x.propose(ann, "First", { coSpeakers: [bob.email] });
    const invite = (await mailsTo(bob.email))[0];
    expect(invite?.subject).toContain("invites you");
    const draft = await x.call<ProposalView>(ann, "POST", "/proposals", { title: "Second", sessionType: "presentation", answers: { level: "Expert" } });
    const refused = await x.call<Err>(ann, "POST", `/proposals/${draft.body.id}/submit`, {});
    expect(refused.body.error.code).toBe("cfp_limit");
    const inv = await t().app.inject({ method: "GET", url: "/api/v1/cfp/invitations", headers: bob.headers });
    expect(JSON.parse(inv.body).invitations).toHaveLength(1);
    expect((await x.call(bob, "POST", `/proposals/${first.id}/invitation`, { accept: true })).status).toBe(200);
    const bobs = await x.call<{ proposals: ProposalView[] }>(bob, "GET", "/proposals");
    expect(bobs.body.proposals.map((p) => p.title)).toEqual(["First"]);
    expect(bobs.body.proposals[0]!.speakers.map((s) => s.status)).toEqual(["accepted", "accepted"]);
  });
});

describe("the programme committee", () => {
  it("hides speakers from reviewers of a blind call, but not from the chair, in lists and CSV", async () => {
    const x = await makeCall(t);
    const reviewer = await x.member("reviewer");
    const ann = await makeUser(t().ctx, { name: "Zelda Hidden-Name" });
    await x.propose(ann, "Blind proposal");
    const list = await x.call<CommitteeList>(reviewer, "GET", "/committee/proposals");
    expect(list.body.proposals.map((p) => p.title)).toEqual(["Blind proposal"]);
    expect(list.body.proposals[0]!.speakers).toBeNull();
    expect(list.raw).not.toContain("Zelda");
    expect(list.raw).not.toContain(ann.email);
    const csv = await x.call(reviewer, "GET", "/committee/proposals.csv");
    expect(csv.raw).toContain("Blind proposal");
    expect(csv.raw).not.toContain("Zelda");
    const chairView = await x.call<CommitteeList>(x.chair, "GET", "/committee/proposals");
    expect(chairView.body.proposals[0]!.speakers).toEqual([{ name: "Zelda Hidden-Name", affiliation: "" }]);
  });

  it("takes reviews with every criterion on its scale, decides in the decision phase only, mails each speaker, and lets speakers confirm for the schedule", async () => {
    const x = await makeCall(t);
    await t().ctx.db.insert(webhookEndpoints).values({ communityId: x.c.id, url: "https://hooks.example.org/cfp", eventTypes: ["proposal.submitted", "proposal.decided"], secret: "whsec_test" });
    const reviewer = await x.member("reviewer");
    const ann = await makeUser(t().ctx);
    const bob = await makeUser(t().ctx);
    const p = await x.propose(ann, "Decide me", { coSpeakers: [bob.email] });
    await x.call(bob, "POST", `/proposals/${p.id}/invitation`, { accept: true });

    expect((await x.call<Err>(reviewer, "PUT", `/committee/proposals/${p.id}/review`, { scores: { overall: 3 }, confidence: 3 })).body.error.code).toBe("cfp_phase");
    await x.call(x.chair, "PUT", "/phase", { phase: "reviewing" });
    const bad = await x.call<Err>(reviewer, "PUT", `/committee/proposals/${p.id}/review`, { scores: { overall: 9 }, confidence: 3 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!)).toEqual(["scores.overall"]);
    expect((await x.call<Err>(reviewer, "PUT", `/committee/proposals/${p.id}/review`, { scores: {}, confidence: 3 })).body.error.fields).toHaveProperty(["scores.overall"]);
    expect((await x.call(reviewer, "PUT", `/committee/proposals/${p.id}/review`, { scores: { overall: 4 }, confidence: 3, commentForSpeakers: "Nice" })).status).toBe(200);
    // Off the committee: no access at once, and the review stays for the others.
    await t().ctx.db.execute(sql`delete from event_roles where event_id = ${x.e.id} and user_id = ${reviewer.id}`);
    expect((await x.call(reviewer, "GET", "/committee/proposals")).status).toBe(403);
    expect((await x.call<CommitteeList>(x.chair, "GET", "/committee/proposals")).body.proposals[0]!.reviewCount).toBe(1);

    expect((await x.call<Err>(x.chair, "POST", "/committee/decisions", { decision: "accept", proposalIds: [p.id] })).body.error.code).toBe("cfp_phase");
    await x.call(x.chair, "PUT", "/phase", { phase: "decision" });
    const [one, two] = await Promise.all([x.call(x.chair, "POST", "/committee/decisions", { decision: "accept", proposalIds: [p.id] }), x.call(x.chair, "POST", "/committee/decisions", { decision: "reject", proposalIds: [p.id] })]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const won = one.status === 200 ? "accepted" : "rejected";
    const hooks = await t().ctx.db.select().from(webhookMessages).where(eq(webhookMessages.communityId, x.c.id));
    expect(hooks.map((h) => h.type).sort()).toEqual(["proposal.decided", "proposal.submitted"]);
    // A webhook names no speaker: a blind call's subscribers learn no more than its reviewers.
    for (const h of hooks) expect(h.body).not.toContain(ann.email);
    for (const who of [ann, bob]) {
      const decided = await t().ctx.db.select().from(outbox).where(and(eq(outbox.to, who.email), like(outbox.template, won === "accepted" ? "cfp.accepted" : "cfp.rejected")));
      expect(decided).toHaveLength(1);
    }
    if (won === "accepted") {
      const mine = await x.call<ProposalView>(bob, "POST", `/proposals/${p.id}/confirm`);
      expect(mine.body.state).toBe("confirmed");
      const sessions = await candidateSessions(t().ctx, x.e.id);
      expect(sessions).toMatchObject([{ proposalId: p.id, title: "Decide me", durationMinutes: 40, track: "Development" }]);
      expect(sessions[0]!.speakers).toHaveLength(2);
    }
  });

  it("assigns reviewers optimally within quotas, never to a conflict, keeping what was assigned, one mail each", async () => {
    const x = await makeCall(t, { blind: false });
    const reviewers = await Promise.all([0, 1, 2].map(() => x.member("reviewer")));
    const speakers = await Promise.all([0, 1, 2].map(() => makeUser(t().ctx)));
    const ps: { id: string }[] = [];
    for (const [i, s] of speakers.entries()) ps.push(await x.propose(s, `Proposal ${i}`));
    await x.call(x.chair, "POST", "/committee/conflicts", { proposalId: ps[0]!.id, userId: reviewers[0]!.id });
    await x.call(x.chair, "PUT", "/phase", { phase: "bidding" });
    await x.call(reviewers[1]!, "PUT", `/committee/proposals/${ps[1]!.id}/bid`, { bid: "eager" });
    const preview = await x.call<AssignmentPreview>(x.chair, "POST", "/committee/assignment/preview", { reviewsPerProposal: 2, maxLoad: 2 });
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe("optimal");
    expect(preview.body.short).toEqual([]);
    expect(preview.body.assignments).toHaveLength(6);
    expect(preview.body.assignments.some((a) => a.proposalId === ps[0]!.id && a.userId === reviewers[0]!.id)).toBe(false);
    expect(preview.body.assignments).toContainEqual(expect.objectContaining({ proposalId: ps[1]!.id, userId: reviewers[1]!.id }));
    for (const l of preview.body.loads) expect(l.load).toBeLessThanOrEqual(2);
    // A conflicted pair is refused with the field named.
    const refused = await x.call<Err>(x.chair, "POST", "/committee/assignment", { assignments: [{ proposalId: ps[0]!.id, userId: reviewers[0]!.id }] });
    expect(Object.keys(refused.body.error.fields!)).toEqual(["assignments.0.userId"]);
    const applied = await x.call<{ added: number; mailed: number }>(x.chair, "POST", "/committee/assignment", { assignments: preview.body.assignments.map(({ proposalId, userId }) => ({ proposalId, userId })) });
    // The chair is on the committee too: whoever got work gets one mail.
    expect(applied.body).toEqual({ added: 6, mailed: new Set(preview.body.assignments.map((a) => a.userId)).size });
    for (const r of [...reviewers, x.chair]) expect((await mailsTo(r.email)).filter((m) => m.template === "cfp.assigned")).toHaveLength(preview.body.assignments.some((a) => a.userId === r.id) ? 1 : 0);
    // Each member's to-do list is what they were given and have not reviewed yet.
    const busy = [...reviewers, x.chair].find((r) => preview.body.assignments.some((a) => a.userId === r.id))!;
    const todo = await x.call<CommitteeList>(busy, "GET", "/committee/proposals?todo=1");
    expect(todo.body.proposals.map((p) => p.id).sort()).toEqual(preview.body.assignments.filter((a) => a.userId === busy.id).map((a) => a.proposalId).sort());
    // Run again: everything is kept, nothing new is needed.
    const again = await x.call<AssignmentPreview>(x.chair, "POST", "/committee/assignment/preview", { reviewsPerProposal: 2, maxLoad: 2 });
    expect(again.body.assignments).toEqual([]);
    // k above what the committee can give: the proposal with a conflict is short, with a reason.
    const short = await x.call<AssignmentPreview>(x.chair, "POST", "/committee/assignment/preview", { reviewsPerProposal: 4, maxLoad: 4 });
    expect(short.body.short.map((s) => s.proposalId)).toEqual([ps[0]!.id]);
  });
});
