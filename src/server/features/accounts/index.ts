/**
 * The accounts feature's public entry: sign-up, verification and reset flows, API tokens,
 * sign-in providers, and what other features need to create or verify an account from an
 * email address.
 */
import type { Feature } from "../../platform/feature.js";
import type { AppContext } from "../../platform/context.js";
import { pruneExpiredAuth } from "../../platform/auth/index.js";
import { checkProviders } from "../../platform/auth/oidc.js";
import { accountRoutes } from "./routes.js";

export { createVerifiedUser, findOrCreateEmailAccount, issueEmailToken, verifyEmailWithToken } from "./service.js";

const PRUNE_EVERY_MS = 15 * 60_000;

/** Discovers the sign-in providers once (a wrong issuer is logged with its variable named) and drops spent rate-limit buckets, sessions and pending sign-ins. */
function background(ctx: AppContext): { stop(): Promise<void> } {
  const prune = () => pruneExpiredAuth(ctx).catch((err: unknown) => ctx.log.warn({ err }, "pruning expired sessions and rate limits failed"));
  const checked = checkProviders(ctx);
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await checked;
    },
  };
}

export const accountsFeature: Feature = { name: "accounts", routes: accountRoutes, background };
