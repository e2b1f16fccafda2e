import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { LOCALES } from "../../../shared/i18n/locales.js";
import { DEFAULT_TOKEN_SCOPES, TOKEN_SCOPES } from "../../../shared/token-scopes.js";

/** Limits shared by the API and the web forms. */
export const LIMITS = {
  nameMax: 120,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 256,
  tokenNameMax: 80,
  tokenDaysMax: 3650,
  /** A page address to return to after signing in at a provider. */
  nextMax: 500,
} as const;

// Messages without words of their own (an address, a length) are the catalogue's generic ones.
export const email = z.email().max(LIMITS.emailMax).transform((e) => e.trim());
export const password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
export const displayName = z.string().trim().min(1, msgId("accounts.form.nameRequired")).max(LIMITS.nameMax);
const token = z.string().min(10, msgId("accounts.form.linkInvalid")).max(200);

export const signUpBody = z.object({ email, name: displayName, password, locale: z.enum(LOCALES).default("en") }).strict();
export type SignUpBody = z.infer<typeof signUpBody>;

export const signInBody = z.object({ email, password: z.string().min(1, msgId("accounts.form.passwordRequired")).max(LIMITS.passwordMax) }).strict();
export type SignInBody = z.infer<typeof signInBody>;

export const emailOnlyBody = z.object({ email }).strict();
export type EmailOnlyBody = z.infer<typeof emailOnlyBody>;

export const tokenBody = z.object({ token }).strict();
export type TokenBody = z.infer<typeof tokenBody>;

export const resetCompleteBody = z.object({ token, password }).strict();
export type ResetCompleteBody = z.infer<typeof resetCompleteBody>;

export const updateAccountBody = z.object({ name: displayName.optional(), locale: z.enum(LOCALES).optional() }).strict();
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(LIMITS.passwordMax), newPassword: password }).strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const deleteAccountBody = z.object({ password: z.string().max(LIMITS.passwordMax).optional(), confirm: z.literal("DELETE", { message: msgId("accounts.form.typeDelete") }) }).strict();
export type DeleteAccountBody = z.infer<typeof deleteAccountBody>;

export const createTokenBody = z
  .object({
    name: z.string().trim().min(1, msgId("accounts.form.tokenName")).max(LIMITS.tokenNameMax),
    scopes: z
      .array(z.enum(TOKEN_SCOPES))
      .min(1, msgId("accounts.form.scopeRequired"))
      .max(TOKEN_SCOPES.length)
      .default([...DEFAULT_TOKEN_SCOPES])
      .transform((list) => TOKEN_SCOPES.filter((x) => list.includes(x))),
    /** Days until the token stops working; null for a token that works until it is revoked. */
    expiresInDays: z.number().int().min(1).max(LIMITS.tokenDaysMax).nullable().default(null),
  })
  .strict();
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const tokenIdParams = z.object({ tokenId: z.uuid(msgId("accounts.form.unknownToken")) });

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  locale: z.string(),
  emailVerified: z.boolean(),
});
export type UserView = z.infer<typeof userView>;

export const sessionView = z.object({ user: userView.nullable(), csrfToken: z.string().nullable() });
export type SessionView = z.infer<typeof sessionView>;

/** GET /session: the session, and what the page chrome needs to know about this instance. */
export const sessionState = sessionView.extend({
  /** No SMTP server is configured: mail lands in the local mailbox, which the header links to. */
  localMailbox: z.boolean(),
});
export type SessionState = z.infer<typeof sessionState>;

export const accountView = userView.extend({
  /** False for an account that signs in only with mailed links or a provider. */
  hasPassword: z.boolean(),
  roles: z.array(z.object({ eventId: z.uuid(), eventName: z.string(), communitySlug: z.string(), eventSlug: z.string(), role: z.string() })),
  communities: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type AccountView = z.infer<typeof accountView>;

export const tokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Minted by another token (which can mint only with the `tokens` scope); revoked with it. */
  createdByToken: z.boolean(),
});
export type TokenView = z.infer<typeof tokenView>;
export const tokenList = z.object({ tokens: z.array(tokenView) });
export const createdToken = tokenView.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdToken>;
export const revokedView = z.object({ revoked: z.number().int() });

export const sessionList = z.object({
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), userAgent: z.string().nullable(), current: z.boolean() })),
});
export type SessionList = z.infer<typeof sessionList>;

// ---- sign-in with an OpenID Connect provider

export const providerId = z.string().regex(/^[a-z0-9-]{1,32}$/, msgId("accounts.form.unknownProvider"));
export const providerParams = z.object({ provider: providerId });
export const providerList = z.object({ providers: z.array(z.object({ id: z.string(), name: z.string() })) });
export type ProviderList = z.infer<typeof providerList>;

/** A path on this site (never another site: `//host` and `/\host` are other sites to a browser). */
const nextPath = z.string().max(LIMITS.nextMax).regex(/^\/(?![/\\])/, msgId("accounts.form.localPath"));
export const providerStartBody = z.object({ next: nextPath.optional() }).strict();
export const authorizationView = z.object({ authorizationUrl: z.string() });
/** The query string the provider sent the browser back with, as the callback page found it. */
export const providerCallbackBody = z.object({ query: z.string().min(1).max(4000) }).strict();
export const OIDC_OUTCOMES = ["signed_in", "account_created", "identity_linked"] as const;
export const providerCallbackView = sessionView.extend({ next: z.string(), outcome: z.enum(OIDC_OUTCOMES), providerName: z.string() });
export type ProviderCallbackView = z.infer<typeof providerCallbackView>;

export const identityParams = z.object({ identityId: z.uuid(msgId("accounts.form.unknownIdentity")) });
export const identityList = z.object({
  identities: z.array(z.object({ id: z.uuid(), providerId: z.string(), providerName: z.string(), email: z.string().nullable(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
  /** Every configured provider, so the page can offer to link those not linked yet. */
  providers: providerList.shape.providers,
});
export type IdentityList = z.infer<typeof identityList>;

export const acceptedView = z.object({ message: z.string() });
