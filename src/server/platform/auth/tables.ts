import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Identity is the platform's: every request is resolved to an account (or to nobody) before
 * any feature runs, so the account row and what proves it (sessions, API tokens) live here,
 * with the rate-limit counters that guard sign-in. The accounts feature owns the flows
 * (sign-up, verification, reset, profile) that write these rows.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    isAdmin: boolean("is_admin").notNull().default(false),
    locale: text("locale").notNull().default("en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the account is deleted: the row stays so that reviews and talks keep an author, anonymised. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie value: a stolen backup cannot be replayed as a session. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** What an API token may do; see TOKEN_SCOPES in ./scopes.ts. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, shown in the token list so people can tell tokens apart. */
    prefix: text("prefix").notNull(),
    /** Tokens made before scopes existed could read and write; they keep that, and no more. */
    scopes: text("scopes").array().notNull().default(sql`'{read,write}'::text[]`),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /**
     * The token that minted this one, if a token did: revoking it revokes what it made, so a
     * leaked token cannot leave tokens behind that outlive its revocation.
     */
    createdByTokenId: uuid("created_by_token_id").references((): AnyPgColumn => apiTokens.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId), index("api_tokens_parent_idx").on(t.createdByTokenId)],
);

/**
 * Rate limits as a generic cell rate algorithm (a token bucket kept as one instant): `tat`
 * is when the bucket would be full again. In the database, so every app process counts the
 * same hits; the key is hashed, since it holds addresses and email addresses.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  tat: timestamp("tat", { withTimezone: true }).notNull().defaultNow(),
});

/** An account's identity at an OpenID Connect provider: the provider's (issuer, subject) pair is what identifies a person there. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    /** The configured provider it was linked through (for its button label); the issuer is what counts. */
    providerId: text("provider_id").notNull(),
    /** The email claim at the last sign-in, shown so people can tell identities apart. */
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("user_identities_subject_key").on(t.issuer, t.subject), uniqueIndex("user_identities_user_issuer_key").on(t.userId, t.issuer)],
);

/**
 * A sign-in at a provider that has started and not come back yet: the secrets of the
 * authorization code flow (PKCE verifier, nonce), keyed by the hashed `state`, and bound to
 * the browser that started it by a cookie whose hash is kept here. Used once, briefly.
 */
export const oidcLogins = pgTable("oidc_logins", {
  stateHash: text("state_hash").primaryKey(),
  providerId: text("provider_id").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  nonce: text("nonce").notNull(),
  browserHash: text("browser_hash").notNull(),
  /** Set when a signed-in account is linking this provider rather than signing in. */
  linkUserId: uuid("link_user_id").references(() => users.id, { onDelete: "cascade" }),
  next: text("next").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
