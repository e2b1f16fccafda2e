import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { createSession, destroySession, resolveCaller } from "../../platform/auth/index.js";
import * as s from "./schema.js";
import * as service from "./service.js";

const signInLimit = { bucket: "sign-in", max: 10, windowSeconds: 60 };
const mailLimit = { bucket: "mail", max: 5, windowSeconds: 600 };
const tags = ["accounts"];

export function accountRoutes(r: Router, ctx: AppContext): void {
  r.add(
    { method: "POST", url: "/api/v1/auth/sign-up", operationId: "signUp", summary: "Create an account; a verification mail is sent.", tags, access: "public", body: s.signUpBody, response: s.userView, status: 201, errors: [409], rateLimit: { bucket: "sign-up", max: 5, windowSeconds: 600 } },
    async ({ body }) => service.signUp(ctx, body),
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/verify", operationId: "verifyEmail", summary: "Confirm an email address with the token from the mail, and sign in.", tags, access: "public", body: s.tokenBody, response: s.sessionView, rateLimit: signInLimit },
    async ({ body, req, reply }) => {
      const user = await service.verifyEmail(ctx, body.token);
      const { csrfToken } = await createSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
      return { user: service.toUserView(user), csrfToken };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/sign-in", operationId: "signIn", summary: "Sign in with email and password.", tags, access: "public", body: s.signInBody, response: s.sessionView, errors: [401, 403], rateLimit: signInLimit },
    async ({ body, req, reply }) => {
      const user = await service.signInWithPassword(ctx, body.email, body.password);
      const { csrfToken } = await createSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
      return { user: service.toUserView(user), csrfToken };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/email-link", operationId: "requestSignInLink", summary: "Mail a one-time sign-in link (answers the same whether or not the address has an account).", tags, access: "public", body: s.emailOnlyBody, response: s.acceptedView, status: 202, rateLimit: mailLimit },
    async ({ body }) => {
      await service.requestTokenMail(ctx, body.email, "signin");
      return { message: "If this address has an account, a sign-in link is on its way." };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/email-link/consume", operationId: "signInWithLink", summary: "Sign in with the token from a sign-in link.", tags, access: "public", body: s.tokenBody, response: s.sessionView, rateLimit: signInLimit },
    async ({ body, req, reply }) => {
      const user = await service.signInWithLink(ctx, body.token);
      const { csrfToken } = await createSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
      return { user: service.toUserView(user), csrfToken };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/resend-verification", operationId: "resendVerification", summary: "Mail a new verification link to an unverified address.", tags, access: "public", body: s.emailOnlyBody, response: s.acceptedView, status: 202, rateLimit: mailLimit },
    async ({ body }) => {
      await service.requestTokenMail(ctx, body.email, "verify");
      return { message: "If this address has an unconfirmed account, a new link is on its way." };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/password-reset", operationId: "requestPasswordReset", summary: "Mail a password-reset link.", tags, access: "public", body: s.emailOnlyBody, response: s.acceptedView, status: 202, rateLimit: mailLimit },
    async ({ body }) => {
      await service.requestTokenMail(ctx, body.email, "reset");
      return { message: "If this address has an account, a reset link is on its way." };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/password-reset/complete", operationId: "completePasswordReset", summary: "Set a new password with the token from the reset mail; signs in and ends other sessions.", tags, access: "public", body: s.resetCompleteBody, response: s.sessionView, rateLimit: signInLimit },
    async ({ body, req, reply }) => {
      const user = await service.completeReset(ctx, body.token, body.password);
      const { csrfToken } = await createSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
      return { user: service.toUserView(user), csrfToken };
    },
  );

  r.add(
    { method: "POST", url: "/api/v1/auth/sign-out", operationId: "signOut", summary: "End this session.", tags, access: "public", response: null },
    async ({ req, reply }) => {
      await destroySession(ctx, req, reply);
    },
  );

  r.add(
    { method: "GET", url: "/api/v1/session", operationId: "getSession", summary: "Who is signed in, and the CSRF token to send with state changes.", tags, access: "public", response: s.sessionView },
    async ({ req, actor }) => {
      if (actor.kind !== "user") return { user: null, csrfToken: null };
      const { csrfToken } = await resolveCaller(ctx, req);
      const account = await service.getAccount(ctx, actor);
      return { user: { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin, locale: account.locale, emailVerified: account.emailVerified }, csrfToken };
    },
  );

  r.add({ method: "GET", url: "/api/v1/account", operationId: "getAccount", summary: "Your account, with your roles.", tags, access: "user", response: s.accountView }, async ({ actor }) => service.getAccount(ctx, actor));

  r.add(
    { method: "PATCH", url: "/api/v1/account", operationId: "updateAccount", summary: "Change your name or language.", tags, access: "user", body: s.updateAccountBody, response: s.userView },
    async ({ actor, body }) => service.updateAccount(ctx, actor, body),
  );

  r.add(
    { method: "POST", url: "/api/v1/account/password", operationId: "changePassword", summary: "Change your password.", tags, access: "user", body: s.changePasswordBody, response: null },
    async ({ actor, body }) => service.changePassword(ctx, actor, body),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account", operationId: "deleteAccount", summary: "Delete your account; what others need (reviews, talks) stays, anonymised.", tags, access: "user", body: s.deleteAccountBody, response: null },
    async ({ actor, body, req, reply }) => {
      await service.deleteAccount(ctx, actor, body);
      await destroySession(ctx, req, reply);
    },
  );

  r.add({ method: "GET", url: "/api/v1/account/tokens", operationId: "listApiTokens", summary: "Your personal API tokens.", tags, access: "user", response: s.tokenList }, async ({ actor }) => service.listTokens(ctx, actor));

  r.add(
    { method: "POST", url: "/api/v1/account/tokens", operationId: "createApiToken", summary: "Create a personal API token; the token is shown only in this answer.", tags, access: "user", body: s.createTokenBody, response: s.createdToken, status: 201 },
    async ({ actor, body }) => service.createToken(ctx, actor, body),
  );

  r.add(
    { method: "DELETE", url: "/api/v1/account/tokens/{tokenId}", operationId: "revokeApiToken", summary: "Revoke a personal API token.", tags, access: "user", params: s.tokenIdParams, response: null, errors: [404] },
    async ({ actor, params }) => service.revokeToken(ctx, actor, params.tokenId),
  );
}
