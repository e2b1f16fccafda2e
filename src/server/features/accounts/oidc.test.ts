import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { json, useTestApp } from "../../test-support/app.js";
import { makeUser, PASSWORD, userRow } from "../../test-support/factories.js";
import { freePort } from "../../test-support/smtp.js";
import { startTestProvider, type TestProvider } from "../../test-support/oidc-provider.js";
import { findUserByEmail, SESSION_COOKIE } from "../../platform/auth/index.js";
import { oidcLogins, userIdentities } from "../../platform/auth/tables.js";

const BASE = "http://plenary.test";
const port = await freePort();
const downPort = await freePort();
const t = useTestApp({
  baseUrl: BASE,
  oidcProviders: [
    { id: "test", name: "Test ID", issuer: `http://127.0.0.1:${port}`, clientId: "plenary-test", clientSecret: "a-client-secret-for-tests-only-0123456789", issuerVariable: "OIDC_TEST_ISSUER" },
    // Nothing listens here: a provider that is down.
    { id: "gone", name: "Gone ID", issuer: `http://127.0.0.1:${downPort}`, clientId: "x", clientSecret: "y", issuerVariable: "OIDC_GONE_ISSUER" },
  ],
});

let op: TestProvider;
beforeAll(async () => {
  op = await startTestProvider({ port, redirectUri: `${BASE}/auth/oidc/test/callback` });
});
afterAll(async () => op?.stop());

let n = 0;
const ip = () => `10.80.${Math.floor(++n / 250) % 250}.${n % 250}`;
type Err = { error: { code: string; message: string } };

/** A browser: the cookies Plenary set on it (the sign-in binding, then the session). */
function browser(initial: Record<string, string> = {}) {
  const cookies = new Map<string, string>(Object.entries(initial));
  const headers = (): Record<string, string> => ({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...(csrf ? { "x-csrf-token": csrf } : {}) });
  let csrf: string | undefined;
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) cookies.set(c.name, c.value);
    return res;
  };
  return {
    cookies,
    set csrf(v: string) {
      csrf = v;
    },
    post: async (url: string, payload: unknown) => keep(await t().app.inject({ method: "POST", url: `/api/v1${url}`, headers: headers(), payload: payload as object, remoteAddress: ip() })),
    get: async (url: string) => keep(await t().app.inject({ method: "GET", url: `/api/v1${url}`, headers: headers(), remoteAddress: ip() })),
    /** Starts at Plenary, goes through the provider, and returns the query string the provider sent back. */
    async toProvider(path = "/auth/oidc/test/start", body: unknown = { next: "/account" }) {
      const started = await this.post(path, body);
      expect(started.statusCode, started.body).toBe(200);
      const { authorizationUrl } = json<{ authorizationUrl: string }>(started);
      const url = new URL(authorizationUrl);
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("state")).toBeTruthy();
      expect(url.searchParams.get("nonce")).toBeTruthy();
      return op.authorize(authorizationUrl);
    },
    finish: async function (query: string) {
      return this.post("/auth/oidc/test/callback", { query });
    },
  };
}

const uid = () => Math.random().toString(36).slice(2, 10);

describe("sign-in with an OpenID Connect provider (issue 10)", () => {
  it("lists the configured providers for the sign-in page", async () => {
    expect(json(await t().app.inject({ method: "GET", url: "/api/v1/auth/providers" }))).toEqual({ providers: [{ id: "test", name: "Test ID" }, { id: "gone", name: "Gone ID" }] });
  });

  it("creates the account from a verified email claim on first sign-in, and signs in with the identity afterwards", async () => {
    const email = `new-${uid()}@example.org`;
    op.person = { sub: `sub-${uid()}`, email, email_verified: true, name: "Grace Hopper" };
    const b = browser();
    const done = await b.finish(await b.toProvider());
    expect(done.statusCode, done.body).toBe(200);
    expect(json(done)).toMatchObject({ outcome: "account_created", next: "/account", providerName: "Test ID", user: { email, name: "Grace Hopper", emailVerified: true } });
    expect(b.cookies.get(SESSION_COOKIE)).toBeTruthy();
    expect(json(await b.get("/session"))).toMatchObject({ user: { email } });
    const user = (await findUserByEmail(t().ctx.db, email))!;
    expect(user.passwordHash).toBeNull();

    // Later, with another address at the provider: the identity (issuer, subject) is what counts.
    op.person = { ...op.person, email: `changed-${uid()}@example.org` };
    const again = browser();
    const second = await again.finish(await again.toProvider());
    expect(json(second)).toMatchObject({ outcome: "signed_in", user: { id: user.id, email } });
  });

  it("links to the existing account with that verified address", async () => {
    const u = await makeUser(t().ctx);
    op.person = { sub: `sub-${uid()}`, email: u.email.toUpperCase(), email_verified: true };
    const b = browser();
    const done = await b.finish(await b.toProvider());
    expect(json(done)).toMatchObject({ outcome: "identity_linked", user: { id: u.id } });
    const ids = await t().ctx.db.select().from(userIdentities).where(eq(userIdentities.userId, u.id));
    expect(ids).toHaveLength(1);
    // The password still works: linking added a way in, it took none away.
    expect((await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: u.email, password: PASSWORD }, remoteAddress: ip() })).statusCode).toBe(200);
  });

  it("never links an unverified email claim to an existing account", async () => {
    const u = await makeUser(t().ctx);
    for (const claims of [{ email_verified: false }, {}]) {
      op.person = { sub: `sub-${uid()}`, email: u.email, ...claims };
      const b = browser();
      const done = await b.finish(await b.toProvider());
      expect(done.statusCode).toBe(403);
      expect(json<Err>(done).error.code).toBe("oidc_email_unverified");
      expect(json<Err>(done).error.message).toContain("link Test ID from your account page");
      expect(b.cookies.get(SESSION_COOKIE)).toBeUndefined();
    }
    expect(await t().ctx.db.select().from(userIdentities).where(eq(userIdentities.userId, u.id))).toEqual([]);
    // …nor creates an account from one.
    const email = `unverified-${uid()}@example.org`;
    op.person = { sub: `sub-${uid()}`, email, email_verified: false };
    const b = browser();
    expect(json<Err>(await b.finish(await b.toProvider())).error.code).toBe("oidc_email_unverified");
    expect(await findUserByEmail(t().ctx.db, email)).toBeUndefined();
  });

  it("takes over an account nobody verified only by dropping its unproven password", async () => {
    // Someone registered the address first, with a password, and never confirmed it.
    const email = `squatted-${uid()}@example.org`;
    expect((await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", payload: { email, name: "Squatter", password: "the squatter's password" }, remoteAddress: ip() })).statusCode).toBe(201);
    op.person = { sub: `sub-${uid()}`, email, email_verified: true };
    const b = browser();
    expect(json(await b.finish(await b.toProvider()))).toMatchObject({ outcome: "identity_linked", user: { email, emailVerified: true } });
    const row = (await findUserByEmail(t().ctx.db, email))!;
    expect(row.passwordHash).toBeNull();
  });

  it("refuses a wrong state, a replayed callback, a replayed code and another browser's callback", async () => {
    op.person = { sub: `sub-${uid()}`, email: `state-${uid()}@example.org`, email_verified: true };
    const b = browser();
    const query = await b.toProvider();
    const wrong = new URLSearchParams(query);
    wrong.set("state", "not-the-state-we-sent");
    const bad = await b.finish(`?${wrong}`);
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.code).toBe("oidc_state_invalid");

    // Another browser cannot complete this browser's sign-in (login CSRF, a stolen callback URL).
    const thief = browser();
    expect(json<Err>(await thief.finish(query)).error.code).toBe("oidc_state_invalid");

    const ok = await b.finish(query);
    expect(ok.statusCode).toBe(200);
    b.csrf = json<{ csrfToken: string }>(ok).csrfToken;
    const replay = await b.finish(query);
    expect(replay.statusCode).toBe(400);
    expect(json<Err>(replay).error.code).toBe("oidc_state_invalid");

    // The same code under a fresh sign-in's state: the PKCE verifier differs and the provider has spent the code.
    const fresh = new URL(json<{ authorizationUrl: string }>(await b.post("/auth/oidc/test/start", {})).authorizationUrl);
    const replayed = new URLSearchParams(query);
    replayed.set("state", fresh.searchParams.get("state")!);
    const again = await b.finish(`?${replayed}`);
    expect(again.statusCode, again.body).toBe(400);
    expect(json<Err>(again).error.code).toBe("oidc_failed");
    expect(json<Err>(again).error.message).toContain("invalid_grant");
  });

  it("refuses an expired sign-in and a mismatched nonce", async () => {
    op.person = { sub: `sub-${uid()}`, email: `nonce-${uid()}@example.org`, email_verified: true };
    const b = browser();
    const late = await b.toProvider();
    t().advance(11 * 60_000);
    try {
      const res = await b.finish(late);
      expect(res.statusCode).toBe(400);
      expect(json<Err>(res).error).toMatchObject({ code: "oidc_state_invalid", message: expect.stringContaining("10 minutes") });
    } finally {
      t().advance(-11 * 60_000);
    }

    const query = await b.toProvider();
    const state = new URLSearchParams(query).get("state")!;
    const { hashToken } = await import("../../platform/auth/index.js");
    // As if the ID token had been issued for another sign-in: its nonce is not the one we keep.
    await t().ctx.db.update(oidcLogins).set({ nonce: "a-nonce-from-elsewhere" }).where(eq(oidcLogins.stateHash, hashToken(state)));
    const res = await b.finish(query);
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.code).toBe("oidc_failed");
    expect(b.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });

  it("lists linked identities, links one while signed in, and unlinks one only while another way in remains", async () => {
    // An account made by the provider has no password: its only identity cannot go.
    op.person = { sub: `sub-${uid()}`, email: `only-${uid()}@example.org`, email_verified: true };
    const b = browser();
    const made = json<{ csrfToken: string; user: { id: string } }>(await b.finish(await b.toProvider()));
    b.csrf = made.csrfToken;
    const list = json<{ identities: { id: string; providerName: string }[]; providers: unknown[] }>(await b.get("/account/identities"));
    expect(list.identities).toMatchObject([{ providerName: "Test ID" }]);
    expect(list.providers).toHaveLength(2);
    const only = await t().app.inject({ method: "DELETE", url: `/api/v1/account/identities/${list.identities[0]!.id}`, headers: { cookie: `${SESSION_COOKIE}=${b.cookies.get(SESSION_COOKIE)}`, "x-csrf-token": made.csrfToken }, remoteAddress: ip() });
    expect(only.statusCode).toBe(409);
    expect(json<Err>(only).error.code).toBe("last_sign_in_method");

    // An account with a password links the provider from its account page, then may unlink it.
    const u = await makeUser(t().ctx);
    const signedIn = browser({ [SESSION_COOKIE]: u.headers.cookie!.split("=")[1]! });
    signedIn.csrf = u.headers["x-csrf-token"]!;
    op.person = { sub: `sub-${uid()}`, email: `elsewhere-${uid()}@example.org` }; // whatever the address at the provider
    const query = await signedIn.toProvider("/account/identities/test", {});
    const linked = await signedIn.finish(query);
    expect(json(linked)).toMatchObject({ outcome: "identity_linked", next: "/account", user: { id: u.id } });
    const mine = json<{ identities: { id: string }[] }>(await signedIn.get("/account/identities"));
    expect(mine.identities).toHaveLength(1);
    const gone = await t().app.inject({ method: "DELETE", url: `/api/v1/account/identities/${mine.identities[0]!.id}`, headers: u.headers, remoteAddress: ip() });
    expect(gone.statusCode).toBe(204);
    // Someone else's identity is not found, not forbidden.
    const other = await t().app.inject({ method: "DELETE", url: `/api/v1/account/identities/${list.identities[0]!.id}`, headers: u.headers, remoteAddress: ip() });
    expect(other.statusCode).toBe(404);
    expect((await userRow(t().ctx, made.user.id)).deletedAt).toBeNull();
  });

  it("a provider that is down gets a clear message, and password sign-in still works", async () => {
    const b = browser();
    const down = await b.post("/auth/oidc/gone/start", {});
    expect(down.statusCode).toBe(503);
    expect(json<Err>(down).error).toMatchObject({ code: "oidc_provider_unavailable", message: expect.stringMatching(/Gone ID is not answering.*password/) });

    // Up when the sign-in starts, down when the browser comes back.
    op.person = { sub: `sub-${uid()}`, email: `flaky-${uid()}@example.org`, email_verified: true };
    const query = await b.toProvider();
    await op.stop();
    try {
      const res = await b.finish(query);
      expect(res.statusCode).toBe(503);
      expect(json<Err>(res).error.code).toBe("oidc_provider_unavailable");
      expect(json<Err>(await b.post("/auth/oidc/test/start", {})).error.code).toBe("oidc_provider_unavailable");
      const u = await makeUser(t().ctx);
      expect((await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: u.email, password: PASSWORD }, remoteAddress: ip() })).statusCode).toBe(200);
    } finally {
      await op.start();
    }
  });

  it("an unknown provider is a 404", async () => {
    expect((await browser().post("/auth/oidc/nobody/start", {})).statusCode).toBe(404);
  });
});
