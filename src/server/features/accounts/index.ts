/**
 * The accounts feature's public entry: sign-up, verification and reset flows, and what other
 * features need to create or verify an account from an email address.
 */
import type { Feature } from "../../platform/feature.js";
import { accountRoutes } from "./routes.js";

export { createVerifiedUser, findOrCreateEmailAccount, issueEmailToken, verifyEmailWithToken } from "./service.js";

export const accountsFeature: Feature = { name: "accounts", routes: accountRoutes };
