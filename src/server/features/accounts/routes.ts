import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../platform/context.js";
import type { RateLimit, Router } from "../../platform/http/route.js";
import { createSession, destroySession, resolveCaller } from "../../platform/auth/index.js";
import { beginProviderSignIn, completeProviderSignIn, providerConfig } from "../../platform/auth/oidc.js";
import * as s from "./schema.js";
import * as service from "./service.js";
import * as tokens from "./api-tokens.js";
import * as access from "./access.js";
import * as identities from "./identities.js";

const tags = ["accounts"];

/** Attempts at a secret (a password, a mailed token) from one address. */
const signInLimit: RateLimit = { bucket: "sign-in", max: 10, windowSeconds: 60 };
/**
 * Password attempts against one account, from any number of addresses: a burst of 10, then
 * one every 90 s. Counted per address typed, so unknown addresses are limited the same way.
 */
const perAccount: RateLimit<{ email: string }> = { bucket: "sign-in-account", max: 10, windowSeconds: 900, per: ({ body }) => body.email.toLowerCase() };
/** Mail this site sends on request, per requesting address and per recipient (no mail-bombing one inbox from many addresses). */
const mailLimits: RateLimit<{ email: string }>[] = [
  { bucket: "mail", max: 5, windowSeconds: 600 },
  { bucket: "mail-to", max: 5, windowSeconds: 3600, per: ({ body }) => body.email.toLowerCase() },
];
/** The current password checked on a signed-in account (a stolen session guessing it). */
const passwordCheck: RateLimit = { bucket: "password-check", max: 5, windowSeconds: 900, per: ({ actor }) => (actor.kind === "user" ? actor.id : null) };

export function accountRoutes(r: Router, ctx: AppContext): void {
  /** Every way of signing in ends here: a new session cookie and the session's view. */
  const signedIn = async (req: FastifyRequest, reply: FastifyReply, user: Parameters<typeof service.toUserView>[0]): Promise<s.SessionView> => {
    const { csrfToken } = await createSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
    return { user: service.toUserView(user), csrfToken };
  };

  r.add(
    { method: "POST", url: "/api/v1/auth/sign-up", operationId: "signUp", summary: "Create an account; a verification mail is sent.", tags, access: "public", body: s.signUpBody, response: s.userView, status: 201, errors: [409], rateLimit: [{ bucket: "sign-up", max: 5, windowSeconds: 600 }, mailLimits[1]!] },
    async ({ body }) => service.signUp(ctx, body),
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/verify", operationId: "verifyEmail", summary: "Confirm an email address with the token from the mail, and sign in.", tags, access: "public", body: s.tokenBody, response: s.sessionView, rateLimit: signInLimit },
    async ({ body, req, reply }) => signedIn(req, reply, await service.verifyEmail(ctx, body.token)),
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/sign-in", operationId: "signIn", summary: "Sign in with email and password.", tags, access: "public", body: s.signInBody, response: s.sessionView, errors: [401, 403], rateLimit: [signInLimit, perAccount] },
    async ({ body, req, reply }) => signedIn(req, reply, await service.signInWithPassword(ctx, body.email, body.password)),
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/email-link", operationId: "requestSignInLink", summary: "Mail a one-time sign-in link (answers the same whether or not the address has an account).", tags, access: "public", body: s.emailOnlyBody, response: s.acceptedView, status: 202, rateLimit: mailLimits },
    async ({ body }) => {
      await service.requestTokenMail(ctx, body.email, "signin");
      return { message: "If this address has an account, a sign-in link is on its way." };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/email-link/consume", operationId: "signInWithLink", summary: "Sign in with the token from a sign-in link.", tags, access: "public", body: s.tokenBody, response: s.sessionView, rateLimit: signInLimit },
    async ({ body, req, reply }) => signedIn(req, reply, await service.signInWithLink(ctx, body.token)),
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/resend-verification", operationId: "resendVerification", summary: "Mail a new verification link to an unverified address.", tags, access: "public", body: s.emailOnlyBody, response: s.acceptedView, status: 202, rateLimit: mailLimits },
    async ({ body }) => {
      await service.requestTokenMail(ctx, body.email, "verify");
      return { message: "If this address has an unconfirmed account, a new link is on its way." };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/password-reset", operationId: "requestPasswordReset", summary: "Mail a password-reset link.", tags, access: "public", body: s.emailOnlyBody, response: s.acceptedView, status: 202, rateLimit: mailLimits },
    async ({ body }) => {
      await service.requestTokenMail(ctx, body.email, "reset");
      return { message: "If this address has an account, a reset link is on its way." };
    },
  );

  r.add(
    {
      method: "POST",
      url: "/api/v1/auth/password-reset/complete",
      operationId: "completePasswordReset",
      summary: "Set a new password with the token from the reset mail; ends every session, link and API token of the account, and signs this browser in.",
      tags,
      access: "public",
      body: s.resetCompleteBody,
      response: s.sessionView,
      rateLimit: signInLimit,
    },
    async ({ body, req, reply }) => signedIn(req, reply, await service.completeReset(ctx, body.token, body.password)),
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/sign-out", operationId: "signOut", summary: "End this session.", tags, access: "public", response: null },
    async ({ req, reply }) => {
      await destroySession(ctx, req, reply);
    },
  );

  r.add(
    { method: "GET", url: "/api/v1/session", operationId: "getSession", summary: "Who is signed in, the CSRF token to send with state changes, and what the page needs to know of this instance.", tags, access: "public", response: s.sessionState },
    async ({ req, actor }) => {
      const localMailbox = !ctx.config.smtpUrl;
      if (actor.kind !== "user") return { user: null, csrfToken: null, localMailbox };
      const { csrfToken } = await resolveCaller(ctx, req);
      const account = await service.getAccount(ctx, actor);
      return { user: { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin, locale: account.locale, emailVerified: account.emailVerified }, csrfToken, localMailbox };
    },
  );

  // ---- sign-in with an OpenID Connect provider

  r.add(
    { method: "GET", url: "/api/v1/auth/providers", operationId: "listSignInProviders", summary: "The OpenID Connect providers this instance signs in with.", tags, access: "public", response: s.providerList },
    async () => ({ providers: ctx.config.oidcProviders.map((p) => ({ id: p.id, name: p.name })) }),
  );

  r.add(
    {
      method: "POST",
      url: "/api/v1/auth/oidc/{provider}/start",
      operationId: "startProviderSignIn",
      summary: "Start signing in at a provider: returns the address to send the browser to (authorization code flow with PKCE, state and nonce).",
      tags,
      access: "public",
      params: s.providerParams,
      body: s.providerStartBody,
      response: s.authorizationView,
      errors: [404, 503],
      rateLimit: { bucket: "oidc-start", max: 30, windowSeconds: 600 },
    },
    async ({ params, body, req, reply }) => ({ authorizationUrl: await beginProviderSignIn(ctx, req, reply, params.provider, { next: body.next ?? "/" }) }),
  );

  r.add(
    {
      method: "POST",
      url: "/api/v1/auth/oidc/{provider}/callback",
      operationId: "finishProviderSignIn",
      summary: "Finish a provider sign-in with the query string the provider sent the browser back with; signs in (creating or linking the account) or links the provider to the signed-in account.",
      tags,
      access: "public",
      params: s.providerParams,
      body: s.providerCallbackBody,
      response: s.providerCallbackView,
      errors: [403, 404, 409, 503],
      rateLimit: signInLimit,
    },
    async ({ params, body, req, reply }) => {
      const p = providerConfig(ctx, params.provider);
      const done = await completeProviderSignIn(ctx, req, p.id, body.query);
      const { user, outcome } = await identities.accountForIdentity(ctx, p, done.identity, done.linkUserId);
      // Linking keeps the session that asked for it; a sign-in opens one.
      const session = done.linkUserId ? { user: service.toUserView(user), csrfToken: (await resolveCaller(ctx, req)).csrfToken } : await signedIn(req, reply, user);
      return { ...session, next: done.next, outcome, providerName: p.name };
    },
  );

  // ---- the signed-in account

  r.add({ method: "GET", url: "/api/v1/account", operationId: "getAccount", summary: "Your account, with your roles.", tags, access: "user", response: s.accountView }, async ({ actor }) => service.getAccount(ctx, actor));

  r.add(
    { method: "PATCH", url: "/api/v1/account", operationId: "updateAccount", summary: "Change your name or language.", tags, access: "user", body: s.updateAccountBody, response: s.userView },
    async ({ actor, body }) => service.updateAccount(ctx, actor, body),
  );

  r.add(
    { method: "POST", url: "/api/v1/account/password", operationId: "changePassword", summary: "Change your password; ends your other sessions and the links mailed before.", tags, access: "user", scope: "session", body: s.changePasswordBody, response: null, rateLimit: passwordCheck },
    async ({ actor, body, req }) => service.changePassword(ctx, actor, body, (await resolveCaller(ctx, req)).sessionHash),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account", operationId: "deleteAccount", summary: "Delete your account; what others need (reviews, talks) stays, anonymised.", tags, access: "user", scope: "session", body: s.deleteAccountBody, response: null, rateLimit: passwordCheck },
    async ({ actor, body, req, reply }) => {
      await service.deleteAccount(ctx, actor, body);
      await destroySession(ctx, req, reply);
    },
  );

  r.add(
    { method: "GET", url: "/api/v1/account/sessions", operationId: "listSessions", summary: "Where you are signed in.", tags, access: "user", scope: "session", response: s.sessionList },
    async ({ actor, req }) => access.listSessions(ctx, service.requireUser(actor), (await resolveCaller(ctx, req)).sessionHash),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account/sessions", operationId: "endOtherSessions", summary: "Sign out everywhere but here.", tags, access: "user", scope: "session", response: s.revokedView },
    async ({ actor, req }) => access.endOtherSessions(ctx, service.requireUser(actor), (await resolveCaller(ctx, req)).sessionHash),
  );

  r.add({ method: "GET", url: "/api/v1/account/tokens", operationId: "listApiTokens", summary: "Your personal API tokens, with their scopes and last use.", tags, access: "user", response: s.tokenList }, async ({ actor }) => tokens.listTokens(ctx, service.requireUser(actor)));

  r.add(
    {
      method: "POST",
      url: "/api/v1/account/tokens",
      operationId: "createApiToken",
      summary: "Create a personal API token; the token is shown only in this answer. A token needs the `tokens` scope to do this, and gives no more than it has.",
      tags,
      access: "user",
      scope: "tokens",
      body: s.createTokenBody,
      response: s.createdToken,
      status: 201,
    },
    async ({ actor, body, req }) => tokens.createToken(ctx, service.requireUser(actor), (await resolveCaller(ctx, req)).token, body),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account/tokens", operationId: "revokeAllApiTokens", summary: "Revoke every personal API token of yours.", tags, access: "user", scope: "tokens", response: s.revokedView },
    async ({ actor }) => tokens.revokeAllTokens(ctx, service.requireUser(actor)),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account/tokens/{tokenId}", operationId: "revokeApiToken", summary: "Revoke a personal API token, and the tokens it created.", tags, access: "user", scope: "tokens", params: s.tokenIdParams, response: null, errors: [404] },
    async ({ actor, params }) => tokens.revokeToken(ctx, service.requireUser(actor), params.tokenId),
  );

  r.add(
    { method: "GET", url: "/api/v1/account/identities", operationId: "listIdentities", summary: "The sign-in providers linked to your account, and those you could link.", tags, access: "user", response: s.identityList },
    async ({ actor }) => identities.listIdentities(ctx, service.requireUser(actor)),
  );

  r.add(
    { method: "POST", url: "/api/v1/account/identities/{provider}", operationId: "linkProvider", summary: "Start linking a provider to your account: returns the address to send the browser to.", tags, access: "user", scope: "session", params: s.providerParams, body: s.providerStartBody, response: s.authorizationView, errors: [404, 503] },
    async ({ actor, params, body, req, reply }) => ({ authorizationUrl: await beginProviderSignIn(ctx, req, reply, params.provider, { next: body.next ?? "/account", linkUserId: service.requireUser(actor).id }) }),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account/identities/{identityId}", operationId: "unlinkProvider", summary: "Unlink a provider, while another way to sign in remains (a password or another provider).", tags, access: "user", scope: "session", params: s.identityParams, response: null, errors: [404, 409] },
    async ({ actor, params }) => identities.unlinkIdentity(ctx, service.requireUser(actor), params.identityId),
  );
}
