import { describe, expect, it } from "vitest";
import { findUserByEmail, issueSession, SESSION_COOKIE } from "../../platform/auth/index.js";
import { json, useTestApp } from "../../test-support/app.js";
import { seedDemo } from "../demo/index.js";
import { linkFrom, mailsTo } from "./test-helpers.js";

const t = useTestApp();

/** The flow the browser test walks, at the API: request → invite → confirm → fee → ledger. */
describe("the demo hackathon takes invitation requests", () => {
  it("from request to USD 15 owed to the beneficiary", async () => {
    await seedDemo(t().ctx);
    const base = "/api/v1/communities/xen-project/events/hackathon-2014/registration";
    const pub = json<{ open: boolean; feeAmount: number; feeCurrency: string; beneficiaryName: string; responseBusinessDays: number }>(await t().app.inject({ method: "GET", url: base }));
    expect(pub).toMatchObject({ open: true, feeAmount: 1500, feeCurrency: "USD", responseBusinessDays: 5 });
    expect(pub.beneficiaryName).toContain("(demo beneficiary)");

    const email = "hacker@example.org";
    const created = await t().app.inject({ method: "POST", url: `${base}/requests`, payload: { email, name: "Hacker", workOn: "ARM port", affiliation: "Example Ltd" }, remoteAddress: "10.5.0.1" });
    expect(created.statusCode).toBe(201);
    const v = linkFrom((await mailsTo(t().ctx, email))[0]!.text);
    expect((await t().app.inject({ method: "POST", url: "/api/v1/registration/verify", payload: v, remoteAddress: "10.5.0.1" })).statusCode).toBe(200);

    const organiser = (await findUserByEmail(t().ctx.db, "organiser@example.org"))!;
    const s = await issueSession(t().ctx, t().ctx.db, organiser.id);
    const headers = { cookie: `${SESSION_COOKIE}=${s.token}`, "x-csrf-token": s.csrfToken };
    const invite = await t().app.inject({ method: "POST", url: `${base}/decisions`, headers, payload: { action: "invite", emails: email } });
    expect(json(invite)).toMatchObject({ changed: 1, mailsQueued: 1 });
    const invitation = (await mailsTo(t().ctx, email))[0]!;
    expect(invitation.text).toContain("The fee is USD 15.00. All of it goes to Software Freedom Conservancy (demo beneficiary)");
    const link = linkFrom(invitation.text);
    const confirmed = await t().app.inject({ method: "POST", url: `/api/v1/registration/requests/${link.requestId}/confirm?token=${link.token}` });
    expect(json(confirmed)).toMatchObject({ state: "confirmed" });
    await t().app.inject({ method: "POST", url: `${base}/payments`, headers, payload: { requestId: link.requestId, method: "cash", reference: "at the door" } });
    const ledger = json<{ currency: string; totals: { owedToBeneficiary: number } }>(await t().app.inject({ method: "GET", url: `${base}/ledger`, headers }));
    expect(ledger).toMatchObject({ currency: "USD", totals: { owedToBeneficiary: 1500 } });
  });
});
