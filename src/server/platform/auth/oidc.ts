import type { FastifyReply, FastifyRequest } from "fastify";
import { and, eq } from "drizzle-orm";
import * as oidc from "openid-client";
import type { OidcProviderConfig } from "../config.js";
import type { AppContext } from "../context.js";
import type { Db } from "../db/index.js";
import { DomainError, NotFoundError } from "../errors.js";
import { msg, type Msg } from "../../../shared/i18n/catalogue.js";
import { hashToken, newToken } from "./index.js";
import { oidcLogins } from "./tables.js";

/**
 * Sign-in with OpenID Connect providers, through openid-client (a certified relying party):
 * discovery from the issuer, the authorization code flow with PKCE (S256), `state` and
 * `nonce`. This module speaks the protocol and hands back the provider's verified claims;
 * what an identity means for an account (create, link, refuse) is the accounts feature's.
 */

/** How long a sign-in may stay at the provider before it must start again. */
export const OIDC_LOGIN_MINUTES = 10;
const BROWSER_COOKIE = "plenary_oidc";
/** Seconds openid-client waits for the provider (discovery, token and userinfo requests). */
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface ProviderIdentity {
  issuer: string;
  subject: string;
  /** The email claim, trimmed; null when the provider sent none. */
  email: string | null;
  /** Only `email_verified: true` counts: a provider that does not say so has not checked the address. */
  emailVerified: boolean;
  name: string | null;
  locale: string | null;
}

export function providerConfig(ctx: AppContext, id: string): OidcProviderConfig {
  const p = ctx.config.oidcProviders.find((x) => x.id === id);
  if (!p) throw new NotFoundError(msg("errors.oidc.unknownProvider"));
  return p;
}

export function redirectUri(ctx: AppContext, p: OidcProviderConfig): string {
  return `${ctx.config.baseUrl}/auth/oidc/${p.id}/callback`;
}

const unavailable = (p: OidcProviderConfig) => new DomainError("oidc_provider_unavailable", msg("errors.oidc.unavailable", { provider: p.name }), undefined, { provider: p.id });

/**
 * Discovered configurations, per process. Discovery is repeated at the start of every
 * sign-in (one small request) so a provider that is down is reported here, with a clear
 * message, instead of sending the person to a page that does not load; the provider's keys
 * are carried over so they are not fetched again each time.
 */
const discovered = new Map<string, { config: oidc.Configuration; at: number }>();
const cacheKey = (p: OidcProviderConfig) => `${p.issuer} ${p.clientId}`;

async function discover(ctx: AppContext, p: OidcProviderConfig): Promise<oidc.Configuration> {
  const issuer = new URL(p.issuer);
  try {
    const config = await oidc.discovery(issuer, p.clientId, p.clientSecret, p.clientSecret ? undefined : oidc.None(), {
      // Plain http is accepted by config.ts only on loopback (a provider on the same machine, tests).
      execute: issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_SECONDS,
    });
    const before = discovered.get(cacheKey(p));
    const keys = before && oidc.getJwksCache(before.config);
    if (keys) oidc.setJwksCache(config, keys);
    discovered.set(cacheKey(p), { config, at: Date.now() });
    return config;
  } catch (err) {
    ctx.log.warn({ err, provider: p.id, issuer: p.issuer }, "OpenID Connect discovery failed");
    throw unavailable(p);
  }
}

/** The browser a sign-in started in: a random value in a cookie, whose hash the pending sign-in keeps. */
function browserBinding(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies[BROWSER_COOKIE];
  if (existing && existing.length >= 32 && existing.length <= 64) return existing;
  const value = newToken();
  // Lax, not Strict: it is read by the callback page's same-site request, which follows a top-level arrival from the provider.
  reply.setCookie(BROWSER_COOKIE, value, { path: "/api/v1/", httpOnly: true, sameSite: "lax", secure: ctx.config.secureCookies, maxAge: 7 * 86400 });
  return value;
}

/**
 * Starts a sign-in (or, with `linkUserId`, the linking of a provider to that signed-in
 * account): stores the flow's secrets and returns the provider's authorization URL.
 */
export async function beginProviderSignIn(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, id: string, opts: { next: string; linkUserId?: string }): Promise<string> {
  const p = providerConfig(ctx, id);
  const config = await discover(ctx, p);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browser = browserBinding(ctx, req, reply);
  await ctx.db.insert(oidcLogins).values({
    stateHash: hashToken(state),
    providerId: p.id,
    codeVerifier,
    nonce,
    browserHash: hashToken(browser),
    linkUserId: opts.linkUserId ?? null,
    next: opts.next,
    expiresAt: new Date(ctx.now().getTime() + OIDC_LOGIN_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(ctx, p),
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return url.href;
}

const stateInvalid = (why: Msg) => new DomainError("oidc_state_invalid", why, { state: [msg("errors.oidc.stateField")] });

/** The provider could not be reached or did not answer in time (fetch's own failures), as opposed to an answer that was refused. */
function isNetworkError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === "TimeoutError" || name === "AbortError" || (err instanceof TypeError && /fetch failed/i.test(err.message));
}

/**
 * Finishes a sign-in from the query string the provider sent the browser back with. The
 * pending sign-in is taken (deleted) first, so a `state` works once: a replayed callback,
 * a wrong or expired `state`, or another browser's callback is refused before the provider
 * is asked. openid-client then checks the response's `state` and `iss`, redeems the code
 * with the PKCE verifier, and verifies the ID token (signature, issuer, audience, expiry,
 * `nonce`).
 */
export async function completeProviderSignIn(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  callbackQuery: string,
): Promise<{ identity: ProviderIdentity; linkUserId: string | null; next: string }> {
  const p = providerConfig(ctx, id);
  const params = new URLSearchParams(callbackQuery.replace(/^\?/, ""));
  const state = params.get("state");
  if (!state) throw stateInvalid(msg("errors.oidc.noState"));
  // Taken only by the browser that started it: another browser holding the callback URL
  // (a stolen link, a forged login) can neither finish it nor spoil it for its owner.
  const browser = req.cookies[BROWSER_COOKIE];
  const [login] = browser
    ? await ctx.db
        .delete(oidcLogins)
        .where(and(eq(oidcLogins.stateHash, hashToken(state)), eq(oidcLogins.providerId, p.id), eq(oidcLogins.browserHash, hashToken(browser))))
        .returning()
    : [];
  if (!login) throw stateInvalid(msg("errors.oidc.unknownState"));
  if (login.expiresAt <= ctx.now()) throw stateInvalid(msg("errors.oidc.expired", { minutes: OIDC_LOGIN_MINUTES }));

  const cached = discovered.get(cacheKey(p));
  const config = cached && Date.now() - cached.at < OIDC_LOGIN_MINUTES * 60_000 ? cached.config : await discover(ctx, p);
  const current = new URL(redirectUri(ctx, p));
  current.search = params.toString();
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.codeVerifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
    const claims = tokens.claims();
    if (!claims) throw new DomainError("oidc_failed", msg("errors.oidc.noIdToken", { provider: p.name }));
    // Some providers put the address only in the userinfo answer.
    const info: Record<string, unknown> = claims.email === undefined ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub) : claims;
    const email = typeof info.email === "string" && info.email.trim() ? info.email.trim() : null;
    return {
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email,
        emailVerified: email !== null && (info.email_verified === true || info.email_verified === "true"),
        name: typeof info.name === "string" ? info.name : typeof info.preferred_username === "string" ? info.preferred_username : null,
        locale: typeof info.locale === "string" ? info.locale : null,
      },
      linkUserId: login.linkUserId,
      next: login.next,
    };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    if (isNetworkError(err)) {
      ctx.log.warn({ err, provider: p.id }, "OpenID provider unreachable during sign-in");
      throw unavailable(p);
    }
    ctx.log.info({ err, provider: p.id }, "OpenID Connect sign-in refused");
    if (err instanceof oidc.AuthorizationResponseError) {
      const text = err.error === "access_denied" ? msg("errors.oidc.cancelled", { provider: p.name }) : msg("errors.oidc.refused", { provider: p.name, reason: err.error });
      throw new DomainError("oidc_failed", text, undefined, { reason: err.error });
    }
    if (err instanceof oidc.ResponseBodyError) throw new DomainError("oidc_failed", msg("errors.oidc.grantRefused", { provider: p.name, reason: err.error }), undefined, { reason: err.error });
    const reason = (err as oidc.ClientError).code ?? "invalid_response";
    throw new DomainError("oidc_failed", msg("errors.oidc.checksFailed", { provider: p.name, reason }), undefined, { reason });
  }
}

/** Discovers every provider once at start, so a wrong issuer is in the log with its variable named, without stopping the server. */
export async function checkProviders(ctx: AppContext): Promise<void> {
  for (const p of ctx.config.oidcProviders) {
    try {
      await discover(ctx, p);
      ctx.log.info({ provider: p.id, redirectUri: redirectUri(ctx, p) }, "OpenID Connect provider ready");
    } catch {
      ctx.log.error({ provider: p.id, issuer: p.issuer }, `${p.issuerVariable}: the OpenID Connect provider '${p.id}' could not be discovered at ${p.issuer}; its sign-in button will report it unavailable until it answers`);
    }
  }
}

export async function forgetPendingSignIns(db: Db, userId: string): Promise<void> {
  await db.delete(oidcLogins).where(eq(oidcLogins.linkUserId, userId));
}
