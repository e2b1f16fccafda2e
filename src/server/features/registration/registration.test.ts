import { and, eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser } from "../../test-support/factories.js";
import { outbox } from "../../platform/mail/tables.js";
import { runRegistrationJobs } from "./jobs.js";
import { invitationRequests } from "./tables.js";
import { insertRequests, linkFrom, mailsTo, registrationFixture } from "./test-helpers.js";

const t = useTestApp();
let ip = 0;
const inject = (opts: InjectOptions) => t().app.inject({ remoteAddress: `10.9.${++ip % 250}.${ip % 7}`, ...opts });

type Err = { error: { code: string; message: string; fields?: Record<string, string[]>; [k: string]: unknown } };

describe("settings", () => {
  it("sets up registration with clear field errors, and refuses a window in the wrong order", async () => {
    const f = await registrationFixture(t().ctx);
    const bad = await inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload: { capacity: 0, feeAmount: 15.5, feeCurrency: "dollars", opensAt: "2030-01-02T00:00:00Z", closesAt: "2030-01-01T00:00:00Z" } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<Err>(bad).error.fields!).sort()).toEqual(["capacity", "feeAmount", "feeCurrency"]);
    const order = await inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload: { opensAt: "2030-01-02T00:00:00Z", closesAt: "2030-01-01T00:00:00+01:00" } });
    expect(order.statusCode).toBe(400);
    expect(Object.keys(json<Err>(order).error.fields!)).toEqual(["closesAt"]);
    const onlyClose = await inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload: { closesAt: "2000-01-01T00:00:00Z" } });
    expect(json<Err>(onlyClose).error.fields).toHaveProperty("closesAt");
    const ok = await inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload: { capacity: 30, holidays: ["2030-01-01", "2030-01-01"], questions: { affiliation: true, stipend: true, extra: [{ id: "tshirt", label: "T-shirt size", required: true }] } } });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ capacity: 30, holidays: ["2030-01-01"], feeAmount: 1500, open: true });
    const noBeneficiary = await inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload: { beneficiaryName: "" } });
    expect(noBeneficiary.statusCode).toBe(400);
    expect(json<Err>(noBeneficiary).error.fields).toHaveProperty("beneficiaryName");
    const pub = await inject({ method: "GET", url: f.base });
    expect(json(pub)).toMatchObject({ stipendBudget: null, beneficiaryName: "Example Beneficiary" });
    const stranger = await makeUser(t().ctx);
    expect((await inject({ method: "PUT", url: `${f.base}/settings`, headers: stranger.headers, payload: { capacity: 3 } })).statusCode).toBe(403);
  });
});

describe("requesting an invitation", () => {
  it("without an account: verify by mail, see the status, get a 409 for a second request, withdraw", async () => {
    const f = await registrationFixture(t().ctx);
    const email = `Applicant-${Date.now()}@Example.org`;
    const res = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email, name: "Grace", workOn: "the scheduler", needsStipend: true } });
    expect(res.statusCode).toBe(201);
    const created = json<{ id: string; state: string; statusUrl: string | null; needsVerification: boolean }>(res);
    expect(created).toMatchObject({ state: "unverified", statusUrl: null, needsVerification: true });
    const [mail] = await mailsTo(t().ctx, email);
    expect(mail!.template).toBe("registration.verify");
    const { requestId, token } = linkFrom(mail!.text);
    expect(requestId).toBe(created.id);

    const wrong = await inject({ method: "POST", url: "/api/v1/registration/verify", payload: { requestId, token: "x".repeat(43) } });
    expect(wrong.statusCode).toBe(400);
    const verified = await inject({ method: "POST", url: "/api/v1/registration/verify", payload: { requestId, token } });
    expect(verified.statusCode).toBe(200);
    const v = json<{ state: string; statusUrl: string; answerBy: string }>(verified);
    expect(v.state).toBe("requested");
    const status = linkFrom(v.statusUrl);
    const [received] = await mailsTo(t().ctx, email);
    expect(received!.template).toBe("registration.received");
    expect(received!.text).toContain(v.statusUrl);

    const page = await inject({ method: "GET", url: `/api/v1/registration/requests/${requestId}?token=${status.token}` });
    expect(page.statusCode).toBe(200);
    expect(json(page)).toMatchObject({ state: "requested", fee: { amount: 1500, currency: "USD", beneficiaryName: "Example Beneficiary" }, can: { withdraw: true, confirm: false } });
    expect((await inject({ method: "GET", url: `/api/v1/registration/requests/${requestId}?token=${"y".repeat(32)}` })).statusCode).toBe(404);
    expect((await inject({ method: "GET", url: `/api/v1/registration/requests/${requestId}` })).statusCode).toBe(404);

    const again = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email: email.toLowerCase(), name: "Grace", workOn: "again" } });
    // Anonymous, a second request answers as a first one would (issue 7.10): the owner is mailed, the caller learns nothing.
    expect(again.statusCode).toBe(201);
    expect(json(again)).toMatchObject({ state: "unverified", statusUrl: null, needsVerification: true });
    expect(again.body).not.toContain(requestId);
    const [resent] = await mailsTo(t().ctx, email);
    expect(resent!.template).toBe("registration.status-link");

    // The account exists now, created from the verified address.
    const signIn = await inject({ method: "POST", url: "/api/v1/auth/email-link", payload: { email } });
    expect(signIn.statusCode).toBe(202);

    const withdrawn = await inject({ method: "POST", url: `/api/v1/registration/requests/${requestId}/withdraw?token=${status.token}` });
    expect(withdrawn.statusCode).toBe(200);
    expect(json(withdrawn)).toMatchObject({ state: "withdrawn" });
    const twice = await inject({ method: "POST", url: `/api/v1/registration/requests/${requestId}/withdraw?token=${status.token}` });
    expect(twice.statusCode).toBe(409);
    // Withdrawn is not live: a new request is accepted.
    const fresh = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email, name: "Grace", workOn: "again" } });
    expect(fresh.statusCode).toBe(201);
  });

  it("signed in: the request is live at once, and the 409 points the owner to it", async () => {
    const f = await registrationFixture(t().ctx);
    const me = await makeUser(t().ctx);
    const res = await inject({ method: "POST", url: `${f.base}/requests`, headers: me.headers, payload: { workOn: "drivers", affiliation: "ACME" } });
    expect(res.statusCode).toBe(201);
    const body = json<{ id: string; state: string; statusUrl: string }>(res);
    expect(body.state).toBe("requested");
    expect(body.statusUrl).toContain(body.id);
    const dup = await inject({ method: "POST", url: `${f.base}/requests`, headers: me.headers, payload: { workOn: "drivers" } });
    expect(dup.statusCode).toBe(409);
    expect(json<Err>(dup).error).toMatchObject({ code: "request_exists", requestId: body.id, statusUrl: body.statusUrl });
    const mine = await inject({ method: "GET", url: "/api/v1/registration/mine", headers: me.headers });
    expect(json<{ requests: { id: string }[] }>(mine).requests.map((r) => r.id)).toEqual([body.id]);
    const own = await inject({ method: "GET", url: `/api/v1/registration/requests/${body.id}`, headers: me.headers });
    expect(own.statusCode).toBe(200);
  });

  it("refuses requests outside the window with its dates, and bad answers field by field", async () => {
    const now = t().ctx.now().getTime();
    const f = await registrationFixture(t().ctx, { opensAt: new Date(now + 86400_000), closesAt: new Date(now + 2 * 86400_000), questions: { affiliation: true, stipend: true, extra: [{ id: "size", label: "Size", required: true, maxLength: 3 }] } });
    const early = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email: "early@example.org", name: "E", workOn: "x" } });
    expect(early.statusCode).toBe(409);
    const e = json<Err>(early).error;
    expect(e.code).toBe("requests_not_open");
    expect(e.window).toMatchObject({ opensAt: new Date(now + 86400_000).toISOString(), closesAt: new Date(now + 2 * 86400_000).toISOString(), timeZone: "Europe/London" });
    expect(e.message).toContain("open");
    t().advance(3 * 86400_000);
    try {
      const late = await inject({ method: "POST", url: `${f.base}/requests`, payload: { email: "late@example.org", name: "L", workOn: "x" } });
      expect(json<Err>(late).error.code).toBe("requests_closed");
    } finally {
      t().advance(-3 * 86400_000);
    }
    t().advance(1.5 * 86400_000);
    try {
      const bad = await inject({ method: "POST", url: `${f.base}/requests`, payload: { workOn: "", extra: { size: "XXXL", colour: "red" } } });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(json<Err>(bad).error.fields!).sort()).toEqual(["workOn"]);
      const bad2 = await inject({ method: "POST", url: `${f.base}/requests`, payload: { workOn: "x", extra: { size: "XXXL", colour: "red" } } });
      expect(Object.keys(json<Err>(bad2).error.fields!).sort()).toEqual(["email", "extra.colour", "extra.size", "name"]);
    } finally {
      t().advance(-1.5 * 86400_000);
    }
  });
});

describe("the organiser queue", () => {
  it("sorts by answer-by, flags overdue ones, counts states, filters, searches and pages", async () => {
    const f = await registrationFixture(t().ctx);
    const now = t().ctx.now().getTime();
    const late = await insertRequests(t().ctx, f.event.id, 3, "requested", { answerBy: new Date(now - 86400_000) });
    await insertRequests(t().ctx, f.event.id, 5, "requested");
    await insertRequests(t().ctx, f.event.id, 2, "waitlisted");
    await insertRequests(t().ctx, f.event.id, 1, "unverified");
    const res = await inject({ method: "GET", url: `${f.base}/requests?limit=4`, headers: f.organiser.headers });
    expect(res.statusCode).toBe(200);
    const q = json<{ requests: { id: string; overdue: boolean; answerBy: string }[]; total: number; counters: Record<string, number>; overdue: number }>(res);
    expect(q.total).toBe(10);
    expect(q.counters).toMatchObject({ requested: 8, waitlisted: 2, unverified: 1, invited: 0 });
    expect(q.overdue).toBe(3);
    expect(q.requests.slice(0, 3).every((r) => r.overdue)).toBe(true);
    expect(q.requests.map((r) => r.answerBy)).toEqual([...q.requests.map((r) => r.answerBy)].sort());
    const overdue = json<{ total: number }>(await inject({ method: "GET", url: `${f.base}/requests?overdue=true`, headers: f.organiser.headers }));
    expect(overdue.total).toBe(3);
    const wl = json<{ total: number }>(await inject({ method: "GET", url: `${f.base}/requests?state=waitlisted,invited`, headers: f.organiser.headers }));
    expect(wl.total).toBe(2);
    const search = json<{ requests: { id: string }[] }>(await inject({ method: "GET", url: `${f.base}/requests?q=${encodeURIComponent(late[1]!.email.toUpperCase())}`, headers: f.organiser.headers }));
    expect(search.requests.map((r) => r.id)).toEqual([late[1]!.id]);
    const page2 = json<{ requests: unknown[] }>(await inject({ method: "GET", url: `${f.base}/requests?limit=4&offset=8`, headers: f.organiser.headers }));
    expect(page2.requests).toHaveLength(2);
    const badQuery = await inject({ method: "GET", url: `${f.base}/requests?state=maybe&limit=0&sort=up`, headers: f.organiser.headers });
    expect(badQuery.statusCode).toBe(400);
    expect(Object.keys(json<Err>(badQuery).error.fields!).sort()).toEqual(["query.limit", "query.sort", "query.state.0"]);
  });

  it("decides in bulk on ids and pasted emails, with templated mails, previews and internal notes", async () => {
    const f = await registrationFixture(t().ctx);
    const reqs = await insertRequests(t().ctx, f.event.id, 6, "requested");
    const tpl = await inject({ method: "PUT", url: `${f.base}/templates/registration.invited`, headers: f.organiser.headers, payload: { locale: "en", subject: "Come to {{event}}, {{name}}!", body: "Hi {{name}}.\n\nConfirm by {{confirmBy}}.\n\n{{feeLine}}\n\n{{link}}\n\n{{message}}" } });
    expect(tpl.statusCode).toBe(200);
    const badTpl = await inject({ method: "PUT", url: `${f.base}/templates/registration.invited`, headers: f.organiser.headers, payload: { locale: "en", subject: "Hi {{nmae}}", body: "{{checkinCode}}" } });
    expect(badTpl.statusCode).toBe(400);
    expect(Object.keys(json<Err>(badTpl).error.fields!).sort()).toEqual(["body", "subject"]);
    const preview = await inject({ method: "POST", url: `${f.base}/templates/registration.invited/preview`, headers: f.organiser.headers, payload: { message: "<b>see you</b>" } });
    expect(preview.statusCode).toBe(200);
    const p = json<{ subject: string; text: string; html: string }>(preview);
    expect(p.subject).toBe("Come to Test Summit, Ada Lovelace!");
    expect(p.text).toContain("The fee is USD 15.00. All of it goes to Example Beneficiary.");
    expect(p.html).toContain("&lt;b&gt;see you&lt;/b&gt;");
    const draft = await inject({ method: "POST", url: `${f.base}/templates/registration.declined/preview`, headers: f.organiser.headers, payload: { subject: "Sorry {{name}}", body: "No." } });
    expect(json(draft)).toMatchObject({ subject: "Sorry Ada Lovelace" });
    const html = await inject({ method: "POST", url: `${f.base}/templates/registration.declined/preview`, headers: f.organiser.headers, payload: { body: "<i>Dear</i> {{name}} & co" } });
    expect(json<{ html: string; text: string }>(html)).toMatchObject({ text: "<i>Dear</i> Ada Lovelace & co\n" });
    expect(json<{ html: string }>(html).html).toContain("&lt;i&gt;Dear&lt;/i&gt; Ada Lovelace &amp; co");

    const res = await inject({
      method: "POST",
      url: `${f.base}/decisions`,
      headers: f.organiser.headers,
      payload: { action: "invite", ids: [reqs[0]!.id, reqs[1]!.id, "00000000-0000-4000-8000-000000000000"], emails: `${reqs[2]!.email.toUpperCase()}, nobody@example.org\n${reqs[3]!.email}`, message: "Bring a laptop." },
    });
    expect(res.statusCode).toBe(200);
    const d = json<{ changed: number; mailsQueued: number; skipped: { target: string }[] }>(res);
    expect(d).toMatchObject({ changed: 4, mailsQueued: 4 });
    expect(d.skipped.map((s) => s.target).sort()).toEqual(["00000000-0000-4000-8000-000000000000", "nobody@example.org"]);
    const [m] = await mailsTo(t().ctx, reqs[0]!.email);
    expect(m!.subject).toBe(`Come to Test Summit, ${reqs[0]!.name}!`);
    expect(m!.text).toContain("Bring a laptop.");
    expect(linkFrom(m!.text)).toEqual({ requestId: reqs[0]!.id, token: reqs[0]!.token });

    const again = json<{ changed: number; skipped: { reason: string }[] }>(await inject({ method: "POST", url: `${f.base}/decisions`, headers: f.organiser.headers, payload: { action: "waitlist", ids: [reqs[0]!.id, reqs[4]!.id] } }));
    expect(again.changed).toBe(1);
    expect(again.skipped[0]!.reason).toContain("invited");
    const decline = json<{ changed: number }>(await inject({ method: "POST", url: `${f.base}/decisions`, headers: f.organiser.headers, payload: { action: "decline", ids: [reqs[5]!.id] } }));
    expect(decline.changed).toBe(1);
    expect((await mailsTo(t().ctx, reqs[5]!.email))[0]!.template).toBe("registration.declined");
    const empty = await inject({ method: "POST", url: `${f.base}/decisions`, headers: f.organiser.headers, payload: { action: "shortlist" } });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(json<Err>(empty).error.fields!)).toContain("action");

    const note = await inject({ method: "POST", url: `${f.base}/requests/${reqs[0]!.id}/notes`, headers: f.organiser.headers, payload: { body: "Met at FOSDEM; strong on schedulers." } });
    expect(note.statusCode).toBe(201);
    expect(json(note)).toMatchObject({ notes: 1, notesList: [{ body: "Met at FOSDEM; strong on schedulers." }] });
    const applicantView = await inject({ method: "GET", url: `/api/v1/registration/requests/${reqs[0]!.id}?token=${reqs[0]!.token}` });
    expect(applicantView.body).not.toContain("FOSDEM");
  });
});

describe("confirmation, expiry and the waiting list", () => {
  it("confirms within capacity with a check-in code, then refuses when full", async () => {
    const f = await registrationFixture(t().ctx, { capacity: 1 });
    const [a, b] = await insertRequests(t().ctx, f.event.id, 2, "invited");
    const ok = await inject({ method: "POST", url: `/api/v1/registration/requests/${a!.id}/confirm?token=${a!.token}` });
    expect(ok.statusCode).toBe(200);
    const view = json<{ state: string; checkinCode: string }>(ok);
    expect(view.state).toBe("confirmed");
    expect(view.checkinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await mailsTo(t().ctx, a!.email))[0]!.text).toContain(view.checkinCode);
    const full = await inject({ method: "POST", url: `/api/v1/registration/requests/${b!.id}/confirm?token=${b!.token}` });
    expect(full.statusCode).toBe(409);
    expect(json<Err>(full).error.code).toBe("event_full");
    const cancel = await inject({ method: "POST", url: `${f.base}/decisions`, headers: f.organiser.headers, payload: { action: "cancel", ids: [a!.id], message: "Sorry, we double-booked." } });
    expect(json(cancel)).toMatchObject({ changed: 1, mailsQueued: 1 });
    const [cancelMail] = await mailsTo(t().ctx, a!.email);
    expect(cancelMail).toMatchObject({ template: "registration.cancelled" });
    expect(cancelMail!.text).toContain("Sorry, we double-booked.");
    const now = await inject({ method: "POST", url: `/api/v1/registration/requests/${b!.id}/confirm?token=${b!.token}` });
    expect(json(now)).toMatchObject({ state: "confirmed" });
  });

  it("reminds 2 days before the deadline, expires at it and invites the earliest waitlisted person", async () => {
    const f = await registrationFixture(t().ctx, { capacity: 2, confirmationDays: 7 });
    const now = t().ctx.now().getTime();
    const [inv] = await insertRequests(t().ctx, f.event.id, 1, "invited", { confirmBy: new Date(now + 3 * 86400_000) });
    const [conf] = await insertRequests(t().ctx, f.event.id, 1, "confirmed", { confirmedAt: new Date(now) });
    const waiting = await insertRequests(t().ctx, f.event.id, 3, "waitlisted");
    expect(await runRegistrationJobs(t().ctx)).toMatchObject({ reminded: 0, expired: 0 });
    t().advance(1.5 * 86400_000);
    try {
      const p1 = await runRegistrationJobs(t().ctx);
      expect(p1.reminded).toBeGreaterThanOrEqual(1);
      expect((await mailsTo(t().ctx, inv!.email))[0]!.template).toBe("registration.reminder");
      const p1b = await runRegistrationJobs(t().ctx);
      expect(p1b.reminded).toBe(0);
    } finally {
      t().advance(-1.5 * 86400_000);
    }
    t().advance(3 * 86400_000 + 1000);
    try {
      const p2 = await runRegistrationJobs(t().ctx);
      expect(p2.expired).toBeGreaterThanOrEqual(1);
      const rows = await t().ctx.db.select().from(invitationRequests).where(eq(invitationRequests.eventId, f.event.id));
      const state = (id: string) => rows.find((r) => r.id === id)!.state;
      expect(state(inv!.id)).toBe("expired");
      expect(state(conf!.id)).toBe("confirmed");
      // The earliest request on the waiting list gets the one free place.
      expect(waiting.map((w) => state(w.id))).toEqual(["invited", "waitlisted", "waitlisted"]);
      const pos = json<{ waitlistPosition: number }>(await inject({ method: "GET", url: `/api/v1/registration/requests/${waiting[2]!.id}?token=${waiting[2]!.token}` }));
      expect(pos.waitlistPosition).toBe(2);
      expect((await mailsTo(t().ctx, inv!.email))[0]!.template).toBe("registration.expired");
      expect((await mailsTo(t().ctx, waiting[0]!.email))[0]!.template).toBe("registration.invited");
      // Cancelling a confirmed place frees another, for the next in line.
      const cancel = await inject({ method: "POST", url: `/api/v1/registration/requests/${conf!.id}/withdraw?token=${conf!.token}` });
      expect(json(cancel)).toMatchObject({ state: "cancelled" });
      const [next] = await t().ctx.db.select().from(invitationRequests).where(and(eq(invitationRequests.id, waiting[1]!.id)));
      expect(next!.state).toBe("invited");
      const late = await inject({ method: "POST", url: `/api/v1/registration/requests/${inv!.id}/confirm?token=${inv!.token}` });
      expect(late.statusCode).toBe(409);
      // More places invite the rest of the waiting list at once.
      const more = await inject({ method: "PUT", url: `${f.base}/settings`, headers: f.organiser.headers, payload: { capacity: 5 } });
      expect(json(more)).toMatchObject({ capacity: 5 });
      const [last] = await t().ctx.db.select().from(invitationRequests).where(eq(invitationRequests.id, waiting[2]!.id));
      expect(last!.state).toBe("invited");
    } finally {
      t().advance(-(3 * 86400_000 + 1000));
    }
  });
});

describe("jobs in several processes", () => {
  it("reminds each invitation once and expires it once when passes run in parallel", async () => {
    const f = await registrationFixture(t().ctx, { capacity: 30 });
    const now = t().ctx.now().getTime();
    const soon = await insertRequests(t().ctx, f.event.id, 12, "invited", { confirmBy: new Date(now + 86400_000) });
    await insertRequests(t().ctx, f.event.id, 5, "waitlisted");
    const passes = await Promise.all([runRegistrationJobs(t().ctx), runRegistrationJobs(t().ctx), runRegistrationJobs(t().ctx)]);
    const reminders = await t().ctx.db.select().from(outbox).where(eq(outbox.template, "registration.reminder"));
    const ours = reminders.filter((m) => soon.some((s) => s.email === m.to));
    expect(ours).toHaveLength(12);
    expect(passes.reduce((a, p) => a + p.reminded, 0)).toBeGreaterThanOrEqual(12);
    t().advance(86400_000 + 1000);
    try {
      const expiry = await Promise.all([runRegistrationJobs(t().ctx), runRegistrationJobs(t().ctx)]);
      const expiredMails = (await t().ctx.db.select().from(outbox).where(eq(outbox.template, "registration.expired"))).filter((m) => soon.some((s) => s.email === m.to));
      expect(expiredMails).toHaveLength(12);
      expect(expiry.reduce((a, p) => a + p.expired, 0)).toBeGreaterThanOrEqual(12);
      const rows = await t().ctx.db.select().from(invitationRequests).where(and(eq(invitationRequests.eventId, f.event.id), eq(invitationRequests.state, "invited")));
      expect(rows).toHaveLength(5);
    } finally {
      t().advance(-(86400_000 + 1000));
    }
  });
});

describe("fees", () => {
  it("records payments, waivers and refunds, owes the beneficiary, closes with the donation, exports CSV", async () => {
    const f = await registrationFixture(t().ctx);
    const [a, b, c] = await insertRequests(t().ctx, f.event.id, 3, "confirmed", { confirmedAt: new Date() });
    await t().ctx.db.update(invitationRequests).set({ name: '=HYPERLINK("x"), "Bobby"' }).where(eq(invitationRequests.id, b!.id));
    const pay = (payload: Record<string, unknown>) => inject({ method: "POST", url: `${f.base}/payments`, headers: f.organiser.headers, payload });
    expect((await pay({ requestId: a!.id, method: "bank_transfer" })).statusCode).toBe(400); // reference missing
    expect((await pay({ requestId: a!.id, method: "bank_transfer", amount: 15.5, reference: "x" })).statusCode).toBe(400);
    expect((await pay({ requestId: a!.id, method: "bank_transfer", currency: "EUR", reference: "x" })).statusCode).toBe(400);
    expect((await pay({ requestId: a!.id, method: "bank_transfer", reference: "TRX-1" })).statusCode).toBe(201);
    expect((await pay({ requestId: b!.id, method: "cash", reference: "door" })).statusCode).toBe(201);
    expect((await pay({ requestId: c!.id, kind: "waiver", method: "waiver", reference: "student" })).statusCode).toBe(201);
    expect((await pay({ requestId: c!.id, kind: "waiver", method: "cash" })).statusCode).toBe(400);
    const tooMuch = await pay({ requestId: b!.id, kind: "refund", method: "cash", amount: 2000 });
    expect(tooMuch.statusCode).toBe(409);
    const refund = await pay({ requestId: b!.id, kind: "refund", method: "cash", amount: 500, reference: "partial" });
    expect(json(refund)).toMatchObject({ totals: { due: 4500, paid: 3000, waived: 1500, refunded: 500, outstanding: 500, donated: 0, owedToBeneficiary: 2500 }, closed: false });
    const donation = await inject({ method: "POST", url: `${f.base}/donations`, headers: f.organiser.headers, payload: { reference: "SFC-2030-1" } });
    expect(donation.statusCode).toBe(201);
    expect(json(donation)).toMatchObject({ totals: { donated: 2500, owedToBeneficiary: 0 }, closed: true, donations: [{ amount: 2500, beneficiaryName: "Example Beneficiary" }] });
    const nothing = await inject({ method: "POST", url: `${f.base}/donations`, headers: f.organiser.headers, payload: { reference: "again" } });
    expect(json<Err>(nothing).error.code).toBe("nothing_owed");
    const csv = await inject({ method: "GET", url: `${f.base}/ledger.csv`, headers: f.organiser.headers });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("recorded_at,kind,provider,method,amount_minor,currency,reference,name,email,request_id");
    expect(lines).toHaveLength(6);
    expect(csv.body).toContain(`"'=HYPERLINK(""x""), ""Bobby"""`);
    expect(csv.body).toContain(",donation,manual,transfer to beneficiary,2500,USD,SFC-2030-1,Example Beneficiary,,");
  });
});

describe("travel stipends", () => {
  it("runs submitted → information needed → offered → accepted → reimbursed, keeping notes internal and within budget", async () => {
    const f = await registrationFixture(t().ctx, { stipendBudget: 50_000 });
    const [a, b] = await insertRequests(t().ctx, f.event.id, 2, "requested");
    const ask = (r: typeof a, payload: unknown) => inject({ method: "POST", url: `/api/v1/registration/requests/${r!.id}/stipend?token=${r!.token}`, payload: payload as object });
    const bad = await ask(a, { amount: -5, currency: "usd", origin: "", justification: "" });
    expect(Object.keys(json<Err>(bad).error.fields!).sort()).toEqual(["amount", "currency", "justification", "origin"]);
    expect((await ask(a, { amount: 40_000, currency: "USD", origin: "Lagos", justification: "Student" })).statusCode).toBe(201);
    expect((await ask(a, { amount: 1, currency: "USD", origin: "Lagos", justification: "again" })).statusCode).toBe(409);
    expect((await ask(b, { amount: 30_000, currency: "USD", origin: "Lima", justification: "Volunteer" })).statusCode).toBe(201);
    const list = json<{ stipends: { id: string; requestId: string }[] }>(await inject({ method: "GET", url: `${f.base}/stipends`, headers: f.organiser.headers }));
    const sa = list.stipends.find((s) => s.requestId === a!.id)!.id;
    const sb = list.stipends.find((s) => s.requestId === b!.id)!.id;
    const act = (id: string, payload: unknown) => inject({ method: "POST", url: `${f.base}/stipends/${id}/actions`, headers: f.organiser.headers, payload: payload as object });
    expect((await act(sa, { action: "request_information", message: "Which flights?", internalNote: "Check with sponsor" })).statusCode).toBe(200);
    expect((await mailsTo(t().ctx, a!.email))[0]!.text).toContain("Which flights?");
    const seen = json<{ stipend: { state: string; messages: { body: string }[] } }>(await inject({ method: "GET", url: `/api/v1/registration/requests/${a!.id}?token=${a!.token}` }));
    expect(seen.stipend.state).toBe("information_needed");
    expect(seen.stipend.messages.map((m) => m.body)).toEqual(["Which flights?"]);
    await inject({ method: "POST", url: `/api/v1/registration/requests/${a!.id}/stipend/respond?token=${a!.token}`, payload: { action: "reply", message: "LOS-LHR" } });
    expect((await act(sa, { action: "offer", amount: 45_000 })).statusCode).toBe(400); // more than asked
    expect((await act(sa, { action: "offer", amount: 35_000, message: "We can cover most of it." })).statusCode).toBe(200);
    const over = await act(sb, { action: "offer", amount: 20_000 });
    expect(over.statusCode).toBe(409);
    expect(json<Err>(over).error).toMatchObject({ code: "budget_exceeded", budget: { left: 15_000 } });
    expect((await act(sb, { action: "offer", amount: 15_000 })).statusCode).toBe(200);
    const accept = await inject({ method: "POST", url: `/api/v1/registration/requests/${a!.id}/stipend/respond?token=${a!.token}`, payload: { action: "accept" } });
    expect(json(accept)).toMatchObject({ stipend: { state: "accepted", amountOffered: 35_000 } });
    expect((await act(sa, { action: "reimburse", amount: 40_000 })).statusCode).toBe(400);
    const done = await act(sa, { action: "reimburse", amount: 34_000 });
    expect(json(done)).toMatchObject({ budget: { total: 50_000, offered: 15_000, accepted: 0, reimbursed: 34_000, left: 1_000 } });
    await inject({ method: "POST", url: `/api/v1/registration/requests/${b!.id}/stipend/respond?token=${b!.token}`, payload: { action: "decline" } });
    const summary = json<{ budget: { left: number } }>(await inject({ method: "GET", url: `${f.base}/summary`, headers: f.organiser.headers }));
    expect(summary.budget.left).toBe(16_000);
    const organiserView = json<{ stipends: { messages: { internal: boolean; body: string }[] }[] }>(await inject({ method: "GET", url: `${f.base}/stipends`, headers: f.organiser.headers }));
    expect(organiserView.stipends.flatMap((s) => s.messages).filter((m) => m.internal).map((m) => m.body)).toEqual(["Check with sponsor"]);
    const applicant = await inject({ method: "GET", url: `/api/v1/registration/requests/${a!.id}?token=${a!.token}` });
    expect(applicant.body).not.toContain("Check with sponsor");
  });

  it("never lets parallel offers exceed the budget", async () => {
    const f = await registrationFixture(t().ctx, { stipendBudget: 100_000 });
    const reqs = await insertRequests(t().ctx, f.event.id, 20, "requested");
    for (const r of reqs) await inject({ method: "POST", url: `/api/v1/registration/requests/${r.id}/stipend?token=${r.token}`, payload: { amount: 10_000, currency: "USD", origin: "X", justification: "Y" } });
    const list = json<{ stipends: { id: string }[] }>(await inject({ method: "GET", url: `${f.base}/stipends`, headers: f.organiser.headers }));
    const results = await Promise.all(list.stipends.map((s) => inject({ method: "POST", url: `${f.base}/stipends/${s.id}/actions`, headers: f.organiser.headers, payload: { action: "offer", amount: 10_000 } })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(10);
    const after = json<{ budget: { offered: number; left: number } }>(await inject({ method: "GET", url: `${f.base}/stipends`, headers: f.organiser.headers }));
    expect(after.budget).toMatchObject({ offered: 100_000, left: 0 });
  });
});

describe("attendees and check-in", () => {
  it("lists and exports confirmed attendees and checks in by code or by name search", async () => {
    const f = await registrationFixture(t().ctx, { feeAmount: 0, beneficiaryName: "" });
    const [a, b] = await insertRequests(t().ctx, f.event.id, 2, "invited");
    await insertRequests(t().ctx, f.event.id, 1, "requested");
    const ca = json<{ checkinCode: string }>(await inject({ method: "POST", url: `/api/v1/registration/requests/${a!.id}/confirm?token=${a!.token}` }));
    await inject({ method: "POST", url: `/api/v1/registration/requests/${b!.id}/confirm?token=${b!.token}` });
    const list = json<{ total: number; attendees: { name: string; feePaid: boolean }[] }>(await inject({ method: "GET", url: `${f.base}/attendees`, headers: f.organiser.headers }));
    expect(list.total).toBe(2);
    expect(list.attendees.every((x) => x.feePaid)).toBe(true);
    const csv = await inject({ method: "GET", url: `${f.base}/attendees.csv`, headers: f.organiser.headers });
    expect(csv.body.split("\r\n")[0]).toBe("name,email,affiliation,confirmed_at,checkin_code,checked_in_at,fee_paid");
    expect(csv.body).toContain(a!.email);
    const byCode = await inject({ method: "POST", url: `${f.base}/check-in`, headers: f.organiser.headers, payload: { code: ca.checkinCode.toLowerCase().replace("-", " ") } });
    expect(byCode.statusCode).toBe(200);
    expect(json(byCode)).toMatchObject({ requestId: a!.id, checkedInAt: expect.any(String) });
    const twice = await inject({ method: "POST", url: `${f.base}/check-in`, headers: f.organiser.headers, payload: { code: ca.checkinCode } });
    expect(json<Err>(twice).error.code).toBe("already_checked_in");
    const search = json<{ attendees: { requestId: string }[] }>(await inject({ method: "GET", url: `${f.base}/attendees?q=${encodeURIComponent(b!.name.slice(-8))}`, headers: f.organiser.headers }));
    expect(search.attendees.map((x) => x.requestId)).toEqual([b!.id]);
    expect((await inject({ method: "POST", url: `${f.base}/check-in`, headers: f.organiser.headers, payload: { requestId: b!.id } })).statusCode).toBe(200);
    expect((await inject({ method: "POST", url: `${f.base}/check-in`, headers: f.organiser.headers, payload: {} })).statusCode).toBe(400);
    expect((await inject({ method: "POST", url: `${f.base}/check-in`, headers: f.organiser.headers, payload: { code: "ZZZZ-ZZZZ" } })).statusCode).toBe(404);
    const summary = json<{ funnel: Record<string, number> }>(await inject({ method: "GET", url: `${f.base}/summary`, headers: f.organiser.headers }));
    expect(summary.funnel).toEqual({ requested: 3, invited: 2, confirmed: 2, checkedIn: 2 });
    const outboxRows = await t().ctx.db.select().from(outbox).where(eq(outbox.to, a!.email));
    expect(outboxRows.length).toBeGreaterThan(0);
  });
});
