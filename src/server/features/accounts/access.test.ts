import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser, PASSWORD, type SignedIn } from "../../test-support/factories.js";
import { issueSession, SESSION_COOKIE } from "../../platform/auth/index.js";
import { outbox } from "../../platform/mail/tables.js";

const t = useTestApp();
let n = 0;
const ip = () => `10.60.${Math.floor(++n / 250) % 250}.${n % 250}`;

async function inject(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, headers: Record<string, string> = {}, payload?: unknown) {
  return t().app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object | undefined, remoteAddress: ip() });
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function anotherSession(u: SignedIn) {
  const { token, csrfToken } = await issueSession(t().ctx, t().ctx.db, u.id);
  return { cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": csrfToken };
}

/** Asks for a mailed link and returns its token, as the recipient would find it. */
async function mailedToken(email: string, path: "/auth/email-link" | "/auth/password-reset"): Promise<string> {
  expect((await inject("POST", path, {}, { email })).statusCode).toBe(202);
  const rows = await t().ctx.db.select().from(outbox).where(and(eq(outbox.to, email)));
  return /token=([\w-]+)/.exec(rows.at(-1)!.text)![1]!;
}

async function newToken(u: SignedIn | Record<string, string>, body: Record<string, unknown> = {}) {
  const res = await inject("POST", "/account/tokens", "headers" in u ? (u.headers as Record<string, string>) : u, { name: "script", ...body });
  return res;
}

describe("a password change or reset ends what the old password could have opened (issue 7.8)", () => {
  it("a change ends every other session and every link mailed before, and keeps the session that made it", async () => {
    const u = await makeUser(t().ctx);
    const other = await anotherSession(u);
    const signInLink = await mailedToken(u.email, "/auth/email-link");
    const resetLink = await mailedToken(u.email, "/auth/password-reset");
    const token = json<{ token: string }>(await newToken(u)).token;

    const changed = await inject("POST", "/account/password", u.headers, { currentPassword: PASSWORD, newPassword: "a fresh long password" });
    expect(changed.statusCode).toBe(204);

    expect((await inject("GET", "/account", u.headers)).statusCode).toBe(200);
    expect((await inject("GET", "/account", other)).statusCode).toBe(401);
    expect(json(await inject("POST", "/auth/email-link/consume", {}, { token: signInLink }))).toMatchObject({ error: { code: "invalid_link" } });
    expect(json(await inject("POST", "/auth/password-reset/complete", {}, { token: resetLink, password: "attacker's new password" }))).toMatchObject({ error: { code: "invalid_link" } });
    // API tokens stay (scripts do not break on a routine change); the page offers to revoke them all.
    expect((await inject("GET", "/account", bearer(token))).statusCode).toBe(200);
  });

  it("a reset ends every session, every other link and every API token", async () => {
    const u = await makeUser(t().ctx);
    const token = json<{ token: string }>(await newToken(u)).token;
    const olderSignIn = await mailedToken(u.email, "/auth/email-link");
    const olderReset = await mailedToken(u.email, "/auth/password-reset");
    const reset = await mailedToken(u.email, "/auth/password-reset");

    const done = await inject("POST", "/auth/password-reset/complete", {}, { token: reset, password: "a brand new password" });
    expect(done.statusCode).toBe(200);

    expect((await inject("GET", "/account", u.headers)).statusCode).toBe(401);
    expect(json(await inject("GET", "/account", bearer(token)))).toMatchObject({ error: { code: "invalid_token" } });
    expect((await inject("POST", "/auth/email-link/consume", {}, { token: olderSignIn })).statusCode).toBe(400);
    expect((await inject("POST", "/auth/password-reset/complete", {}, { token: olderReset, password: "yet another password" })).statusCode).toBe(400);
    // The browser that reset is signed in with the new session.
    const cookie = done.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect((await inject("GET", "/account", { cookie: `${SESSION_COOKIE}=${cookie.value}` })).statusCode).toBe(200);
  });

  it("lists the sessions and signs out everywhere else", async () => {
    const u = await makeUser(t().ctx);
    const other = await anotherSession(u);
    const list = json<{ sessions: { current: boolean }[] }>(await inject("GET", "/account/sessions", u.headers));
    expect(list.sessions.map((s) => s.current).sort()).toEqual([false, true]);
    expect(json(await inject("DELETE", "/account/sessions", u.headers))).toEqual({ revoked: 1 });
    expect((await inject("GET", "/account", other)).statusCode).toBe(401);
    expect((await inject("GET", "/account", u.headers)).statusCode).toBe(200);
  });
});

describe("API tokens: last use, revoking them all, scopes", () => {
  it("shows when each token was last used and revokes them all at once", async () => {
    const u = await makeUser(t().ctx);
    const a = json<{ token: string; id: string }>(await newToken(u));
    const b = json<{ token: string }>(await newToken(u, { name: "other" }));
    expect((await inject("GET", "/account", bearer(a.token))).statusCode).toBe(200);
    const list = json<{ tokens: { id: string; lastUsedAt: string | null; scopes: string[] }[] }>(await inject("GET", "/account/tokens", u.headers));
    expect(list.tokens.find((x) => x.id === a.id)!.lastUsedAt).not.toBeNull();
    expect(list.tokens.filter((x) => x.lastUsedAt === null)).toHaveLength(1);
    expect(list.tokens.every((x) => x.scopes.join() === "read,write")).toBe(true);

    expect(json(await inject("DELETE", "/account/tokens", u.headers))).toEqual({ revoked: 2 });
    for (const x of [a.token, b.token]) expect((await inject("GET", "/account", bearer(x))).statusCode).toBe(401);
  });

  it("a token without the `tokens` scope cannot make tokens, nor revoke them", async () => {
    const u = await makeUser(t().ctx);
    const plain = json<{ token: string; id: string }>(await newToken(u));
    const minted = await newToken(bearer(plain.token));
    expect(minted.statusCode).toBe(403);
    expect(json(minted)).toMatchObject({ error: { code: "insufficient_scope", scope: "tokens" } });
    expect(json(await inject("DELETE", "/account/tokens", bearer(plain.token)))).toMatchObject({ error: { code: "insufficient_scope" } });
  });

  it("a token with the `tokens` scope mints no more than it has, and what it mints dies with it", async () => {
    const u = await makeUser(t().ctx);
    const parent = json<{ token: string; id: string; expiresAt: string }>(await newToken(u, { scopes: ["read", "tokens"], expiresInDays: 7 }));
    const wider = await newToken(bearer(parent.token), { scopes: ["read", "write"] });
    expect(wider.statusCode).toBe(400);
    expect(json(wider)).toMatchObject({ error: { fields: { scopes: [expect.stringContaining("write")] } } });
    const child = json<{ token: string; expiresAt: string; createdByToken: boolean }>(await newToken(bearer(parent.token), { scopes: ["read"], expiresInDays: 365 }));
    expect(child.createdByToken).toBe(true);
    expect(child.expiresAt).toBe(parent.expiresAt);
    expect((await inject("GET", "/account", bearer(child.token))).statusCode).toBe(200);

    expect((await inject("DELETE", `/account/tokens/${parent.id}`, u.headers)).statusCode).toBe(204);
    expect((await inject("GET", "/account", bearer(child.token))).statusCode).toBe(401);
  });

  it("a read-only token only reads; no token changes the password, deletes the account or ends sessions", async () => {
    const u = await makeUser(t().ctx);
    const read = json<{ token: string }>(await newToken(u, { scopes: ["read"] })).token;
    expect((await inject("GET", "/account", bearer(read))).statusCode).toBe(200);
    expect(json(await inject("PATCH", "/account", bearer(read), { name: "Changed" }))).toMatchObject({ error: { code: "insufficient_scope", scope: "write" } });
    const all = json<{ token: string }>(await newToken(u, { scopes: ["read", "write", "tokens"] })).token;
    for (const [method, url, body] of [
      ["POST", "/account/password", { currentPassword: PASSWORD, newPassword: "stolen and changed" }],
      ["DELETE", "/account", { password: PASSWORD, confirm: "DELETE" }],
      ["DELETE", "/account/sessions", undefined],
    ] as const) {
      const res = await inject(method, url, bearer(all), body);
      expect(res.statusCode, url).toBe(403);
      expect(json(res)).toMatchObject({ error: { code: "session_required" } });
    }
    expect((await inject("GET", "/account", u.headers)).statusCode).toBe(200);
  });

  it("an expired token stops working", async () => {
    const u = await makeUser(t().ctx);
    const token = json<{ token: string }>(await newToken(u, { expiresInDays: 1 })).token;
    expect((await inject("GET", "/account", bearer(token))).statusCode).toBe(200);
    t().advance(86400_000 + 1000);
    try {
      expect(json(await inject("GET", "/account", bearer(token)))).toMatchObject({ error: { code: "invalid_token" } });
    } finally {
      t().advance(-(86400_000 + 1000));
    }
  });
});
