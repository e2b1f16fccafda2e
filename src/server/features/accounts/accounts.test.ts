import { describe, expect, it, onTestFinished } from "vitest";
import { eq } from "drizzle-orm";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser, PASSWORD, userRow } from "../../test-support/factories.js";
import { outbox } from "../../platform/mail/tables.js";
import { SESSION_COOKIE } from "../../platform/auth/index.js";

const t = useTestApp();

function tokenFromOutbox(text: string): string {
  const m = /token=([\w-]+)/.exec(text);
  if (!m) throw new Error(`no token in mail: ${text}`);
  return m[1]!;
}

async function lastMailTo(email: string) {
  const rows = await t().ctx.db.select().from(outbox).where(eq(outbox.to, email));
  return rows.at(-1)!;
}

function cookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error("no session cookie");
  return `${SESSION_COOKIE}=${c.value}`;
}

describe("sign-up, verification and sign-in", () => {
  it("queues a verification mail in the same transaction and signs in after verifying", async () => {
    const email = `new-${Date.now()}@example.org`;
    const res = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload: { email, name: "Ada", password: "a long enough password" }, remoteAddress: "10.0.0.1" });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ email, emailVerified: false });

    const early = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password: "a long enough password" }, remoteAddress: "10.0.0.1" });
    expect(early.statusCode).toBe(403);
    expect(json(early)).toMatchObject({ error: { code: "email_not_verified" } });

    const mail = await lastMailTo(email);
    expect(mail.template).toBe("account.verify");
    expect(mail.text).toContain("http://plenary.test/verify?token=");
    const token = tokenFromOutbox(mail.text);
    const verified = await t().app.inject({ method: "POST", url: "/api/v1/auth/verify", payload: { token }, remoteAddress: "10.0.0.1" });
    expect(verified.statusCode).toBe(200);
    const session = await t().app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: cookieOf(verified) } });
    expect(json(session)).toMatchObject({ user: { email, emailVerified: true } });

    const again = await t().app.inject({ method: "POST", url: "/api/v1/auth/verify", payload: { token }, remoteAddress: "10.0.0.1" });
    expect(again.statusCode).toBe(400);
    expect(json(again)).toMatchObject({ error: { code: "invalid_link" } });

    const signIn = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: email.toUpperCase(), password: "a long enough password" }, remoteAddress: "10.0.0.1" });
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
  });

  it("refuses a second account for the same address, whatever its case", async () => {
    const u = await makeUser(t().ctx);
    const res = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload: { email: u.email.toUpperCase(), name: "X", password: "a long enough password" }, remoteAddress: "10.0.0.2" });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ error: { code: "email_taken", fields: { email: expect.any(Array) } } });
  });

  it("answers field by field for bad sign-up input", async () => {
    const res = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload: { email: "not-an-address", name: "", password: "short" }, remoteAddress: "10.0.0.3" });
    expect(res.statusCode).toBe(400);
    const body = json<{ error: { fields: Record<string, string[]> } }>(res);
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "name", "password"]);
  });

  it("says the same for a wrong password and an unknown address", async () => {
    const u = await makeUser(t().ctx);
    const wrong = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: u.email, password: "not the password" }, remoteAddress: "10.0.0.4" });
    const unknown = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: "nobody@example.org", password: "whatever it is" }, remoteAddress: "10.0.0.4" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong)).toEqual(json(unknown));
  });

  it("rate-limits sign-in attempts per client", async () => {
    const statuses: number[] = [];
    // The clock stands still: on a busy machine twelve password checks outlast a refill.
    const at = t().ctx.now();
    const clock = t().ctx.now;
    t().ctx.now = () => at;
    onTestFinished(() => void (t().ctx.now = clock));
    for (let i = 0; i < 12; i++) {
      const r = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: `nobody-${i}@example.org`, password: "whatever it is" }, remoteAddress: "10.9.9.9" });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("one-time links", () => {
  it("signs in with an emailed link once, and does not reveal unknown addresses", async () => {
    const u = await makeUser(t().ctx);
    const res = await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link", payload: { email: u.email }, remoteAddress: "10.0.1.1" });
    const unknown = await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link", payload: { email: "ghost@example.org" }, remoteAddress: "10.0.1.1" });
    expect(res.statusCode).toBe(202);
    expect(json(res)).toEqual(json(unknown));
    const token = tokenFromOutbox((await lastMailTo(u.email)).text);
    const ok = await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link/consume", payload: { token }, remoteAddress: "10.0.1.1" });
    expect(ok.statusCode).toBe(200);
    const twice = await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link/consume", payload: { token }, remoteAddress: "10.0.1.1" });
    expect(twice.statusCode).toBe(400);
  });

  it("expires links", async () => {
    const u = await makeUser(t().ctx);
    await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link", payload: { email: u.email }, remoteAddress: "10.0.1.2" });
    const token = tokenFromOutbox((await lastMailTo(u.email)).text);
    t().advance(16 * 60_000);
    const late = await t().app.inject({ method: "POST", url: "/api/v1/auth/email-link/consume", payload: { token }, remoteAddress: "10.0.1.2" });
    t().advance(-16 * 60_000);
    expect(late.statusCode).toBe(400);
  });

  it("resets a password and ends the other sessions", async () => {
    const u = await makeUser(t().ctx);
    await t().app.inject({ method: "POST", url: "/api/v1/auth/password-reset", payload: { email: u.email }, remoteAddress: "10.0.1.3" });
    const token = tokenFromOutbox((await lastMailTo(u.email)).text);
    const done = await t().app.inject({ method: "POST", url: "/api/v1/auth/password-reset/complete", payload: { token, password: "a brand new password" }, remoteAddress: "10.0.1.3" });
    expect(done.statusCode).toBe(200);
    const old = await t().app.inject({ method: "GET", url: "/api/v1/account", headers: u.headers });
    expect(old.statusCode).toBe(401);
    const signIn = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: u.email, password: "a brand new password" }, remoteAddress: "10.0.1.3" });
    expect(signIn.statusCode).toBe(200);
  });
});

describe("sessions, CSRF and API tokens", () => {
  it("refuses a cookie-authenticated change without the CSRF token", async () => {
    const u = await makeUser(t().ctx);
    const without = await t().app.inject({ method: "PATCH", url: "/api/v1/account", headers: { cookie: u.headers.cookie! }, payload: { name: "Changed" } });
    expect(without.statusCode).toBe(403);
    expect(json(without)).toMatchObject({ error: { code: "csrf_failed" } });
    const wrong = await t().app.inject({ method: "PATCH", url: "/api/v1/account", headers: { ...u.headers, "x-csrf-token": "nope" }, payload: { name: "Changed" } });
    expect(wrong.statusCode).toBe(403);
    const ok = await t().app.inject({ method: "PATCH", url: "/api/v1/account", headers: u.headers, payload: { name: "Changed" } });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ name: "Changed" });
  });

  it("lets scripts use a personal API token without CSRF, shows it once and stores only its hash", async () => {
    const u = await makeUser(t().ctx);
    const created = await t().app.inject({ method: "POST", url: "/api/v1/account/tokens", headers: u.headers, payload: { name: "ci script" } });
    expect(created.statusCode).toBe(201);
    const { token, id } = json<{ token: string; id: string }>(created);
    expect(token).toMatch(/^plen_/);
    const list = await t().app.inject({ method: "GET", url: "/api/v1/account/tokens", headers: u.headers });
    expect(list.body).not.toContain(token);
    const viaToken = await t().app.inject({ method: "PATCH", url: "/api/v1/account", headers: { authorization: `Bearer ${token}` }, payload: { locale: "de" } });
    expect(viaToken.statusCode).toBe(200);
    await t().app.inject({ method: "DELETE", url: `/api/v1/account/tokens/${id}`, headers: u.headers });
    const revoked = await t().app.inject({ method: "GET", url: "/api/v1/account", headers: { authorization: `Bearer ${token}` } });
    expect(revoked.statusCode).toBe(401);
    expect(json(revoked)).toMatchObject({ error: { code: "invalid_token" } });
  });

  it("signs out", async () => {
    const u = await makeUser(t().ctx);
    const out = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-out", headers: u.headers });
    expect(out.statusCode).toBe(204);
    const after = await t().app.inject({ method: "GET", url: "/api/v1/account", headers: u.headers });
    expect(after.statusCode).toBe(401);
  });

  it("changes a password only with the current one", async () => {
    const u = await makeUser(t().ctx);
    const bad = await t().app.inject({ method: "POST", url: "/api/v1/account/password", headers: u.headers, payload: { currentPassword: "wrong one", newPassword: "another long password" } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { fields: { currentPassword: expect.any(Array) } } });
    const ok = await t().app.inject({ method: "POST", url: "/api/v1/account/password", headers: u.headers, payload: { currentPassword: PASSWORD, newPassword: "another long password" } });
    expect(ok.statusCode).toBe(204);
  });
});

describe("account deletion", () => {
  it("anonymises the account, keeps the row and ends access", async () => {
    const u = await makeUser(t().ctx);
    const noConfirm = await t().app.inject({ method: "DELETE", url: "/api/v1/account", headers: u.headers, payload: { password: PASSWORD } });
    expect(noConfirm.statusCode).toBe(400);
    const res = await t().app.inject({ method: "DELETE", url: "/api/v1/account", headers: u.headers, payload: { password: PASSWORD, confirm: "DELETE" } });
    expect(res.statusCode).toBe(204);
    const row = await userRow(t().ctx, u.id);
    expect(row).toMatchObject({ name: "Deleted account", passwordHash: null });
    expect(row.email).not.toBe(u.email);
    expect(row.deletedAt).not.toBeNull();
    const after = await t().app.inject({ method: "GET", url: "/api/v1/account", headers: u.headers });
    expect(after.statusCode).toBe(401);
    // The address is free again for a new account.
    const again = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload: { email: u.email, name: "Back", password: "a long enough password" }, remoteAddress: "10.0.2.1" });
    expect(again.statusCode).toBe(201);
  });
});
