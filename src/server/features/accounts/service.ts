import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { ConflictError, DomainError, NotFoundError, UnauthenticatedError, ValidationError } from "../../platform/errors.js";
import { findUserByEmail, hashToken, newToken } from "../../platform/auth/index.js";
import { forgetPendingSignIns } from "../../platform/auth/oidc.js";
import { enqueueMail, MAIL_QUEUED } from "../../platform/mail/outbox.js";
import type { TemplateName } from "../../platform/mail/templates.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import type { Actor } from "../../platform/permissions.js";
import { communitiesOrganisedBy } from "../communities/index.js";
import { rolesOfUser } from "../events/index.js";
import { apiTokens, sessions, userIdentities, users } from "../../platform/auth/tables.js";
import { emailTokens } from "./tables.js";
import type { AccountView, ChangePasswordBody, DeleteAccountBody, SignUpBody, UpdateAccountBody, UserView } from "./schema.js";
import { endAccess } from "./access.js";

type UserRow = typeof users.$inferSelect;
type Purpose = (typeof emailTokens.$inferSelect)["purpose"];

const TOKEN_MINUTES: Record<Purpose, number> = { verify: 24 * 60, signin: 15, reset: 60 };
const TOKEN_TEMPLATE: Record<Purpose, TemplateName> = { verify: "account.verify", signin: "account.signin-link", reset: "account.reset" };
const TOKEN_PATH: Record<Purpose, string> = { verify: "/verify", signin: "/sign-in/link", reset: "/reset-password" };

export function toUserView(u: UserRow): UserView {
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, locale: u.locale, emailVerified: u.emailVerifiedAt !== null };
}

export function hashPassword(plain: string): Promise<string> {
  // argon2id with the library's defaults (19 MiB, t=2): OWASP's recommended floor.
  return hash(plain);
}

/**
 * Stores a one-time email token and returns it, in the caller's transaction. Other features
 * (registration's "confirm your request" mail) carry it in their own mail and consume it
 * with verifyEmailWithToken, so token rules live only here.
 */
export async function issueEmailToken(ctx: AppContext, db: Db, userId: string, purpose: Purpose): Promise<string> {
  const token = newToken();
  await db.insert(emailTokens).values({ tokenHash: hashToken(token), purpose, userId, expiresAt: new Date(ctx.now().getTime() + TOKEN_MINUTES[purpose] * 60_000) });
  return token;
}

/** Creates a one-time token and queues the mail carrying it, in the caller's transaction. */
async function sendTokenMail(ctx: AppContext, db: Db, user: UserRow, purpose: Purpose): Promise<void> {
  const token = await issueEmailToken(ctx, db, user.id, purpose);
  const host = new URL(ctx.config.baseUrl).hostname;
  await enqueueMail(db, host, {
    to: user.email,
    template: TOKEN_TEMPLATE[purpose],
    locale: user.locale,
    vars: { name: user.name, site: "Plenary", link: `${ctx.config.baseUrl}${TOKEN_PATH[purpose]}?token=${token}` },
    meta: { userId: user.id, purpose },
  });
}

export async function signUp(ctx: AppContext, input: SignUpBody): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new ConflictError("email_taken", msg("accounts.errors.emailTaken"), { email: [msg("accounts.errors.emailTakenField")] });
    }
    const [u] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash, locale: input.locale }).returning();
    await sendTokenMail(ctx, tx, u!, "verify");
    return u!;
  });
  await ctx.bus.publish(MAIL_QUEUED);
  return toUserView(user);
}

/**
 * Marks a token used and returns its user; one statement, so two clicks on the same link
 * cannot both succeed.
 */
async function consumeToken(ctx: AppContext, db: Db, token: string, purpose: Purpose): Promise<UserRow> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: ctx.now() })
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, ctx.now())))
    .returning({ userId: emailTokens.userId });
  if (!row) throw new DomainError("invalid_link", msg("accounts.errors.linkUsed"), { token: [msg("accounts.errors.linkUsedField")] });
  const [u] = await db.select().from(users).where(and(eq(users.id, row.userId), isNull(users.deletedAt)));
  if (!u) throw new DomainError("invalid_link", msg("accounts.errors.linkAccountGone"));
  return u;
}

export async function verifyEmail(ctx: AppContext, token: string): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => verifyEmailWithToken(ctx, tx, token));
}

/** Consumes a "verify" token and marks the address verified, inside the caller's transaction. */
export async function verifyEmailWithToken(ctx: AppContext, db: Db, token: string): Promise<UserRow> {
  const u = await consumeToken(ctx, db, token, "verify");
  const [updated] = await db.update(users).set({ emailVerifiedAt: u.emailVerifiedAt ?? ctx.now() }).where(eq(users.id, u.id)).returning();
  return updated!;
}

/**
 * The account of someone who first appears by email (an invitation request without an
 * account): passwordless and unverified until they follow the emailed link; afterwards they
 * sign in with a sign-in link or set a password through a reset. An existing account is reused.
 */
export async function findOrCreateEmailAccount(db: Db, input: { email: string; name: string; locale?: string }): Promise<UserRow> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) return existing;
  const [u] = await db.insert(users).values({ email: input.email, name: input.name, passwordHash: null, locale: input.locale ?? "en" }).onConflictDoNothing().returning();
  if (u) return u;
  // Another request created it in the meantime.
  return (await findUserByEmail(db, input.email))!;
}

export async function signInWithPassword(ctx: AppContext, address: string, plain: string): Promise<UserRow> {
  const u = await findUserByEmail(ctx.db, address);
  // Verify against a fixed hash when there is no user, so timing does not reveal accounts.
  const ok = await verify(u?.passwordHash ?? (await dummyHash()), plain).catch(() => false);
  if (!u || !u.passwordHash || !ok) throw new DomainError("invalid_credentials", msg("accounts.errors.wrongCredentials"));
  if (!u.emailVerifiedAt) throw new DomainError("email_not_verified", msg("accounts.errors.notVerified"));
  return u;
}
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword("no account has this password"));

/** Answers the same whether or not the address has an account, so it cannot be used to probe. */
export async function requestTokenMail(ctx: AppContext, address: string, purpose: "signin" | "reset" | "verify"): Promise<void> {
  const queued = await ctx.db.transaction(async (tx) => {
    const u = await findUserByEmail(tx, address);
    if (!u) return false;
    if (purpose === "verify" && u.emailVerifiedAt) return false;
    await sendTokenMail(ctx, tx, u, purpose);
    return true;
  });
  if (queued) await ctx.bus.publish(MAIL_QUEUED);
}

export async function signInWithLink(ctx: AppContext, token: string): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => {
    const u = await consumeToken(ctx, tx, token, "signin");
    // Receiving the link proves the address, like a verification.
    if (!u.emailVerifiedAt) await tx.update(users).set({ emailVerifiedAt: ctx.now() }).where(eq(users.id, u.id));
    return u;
  });
}

export async function completeReset(ctx: AppContext, token: string, plain: string): Promise<UserRow> {
  const passwordHash = await hashPassword(plain);
  return ctx.db.transaction(async (tx) => {
    const u = await consumeToken(ctx, tx, token, "reset");
    const [updated] = await tx.update(users).set({ passwordHash, emailVerifiedAt: u.emailVerifiedAt ?? ctx.now() }).where(eq(users.id, u.id)).returning();
    // A reset is what people do when they fear someone else is in: end every session, every
    // other link and every API token (the route then opens this browser's new session).
    await endAccess(tx, u.id, { tokens: true });
    return updated!;
  });
}

export function requireUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new UnauthenticatedError();
  return actor;
}

export async function getAccount(ctx: AppContext, actor: Actor): Promise<AccountView> {
  const me = requireUser(actor);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, me.id));
  if (!u) throw new NotFoundError(msg("accounts.errors.accountNotFound"));
  const [roles, orgs] = await Promise.all([rolesOfUser(ctx.db, me.id), communitiesOrganisedBy(ctx.db, me.id)]);
  return { ...toUserView(u), hasPassword: u.passwordHash !== null, roles, communities: orgs };
}

export async function updateAccount(ctx: AppContext, actor: Actor, input: UpdateAccountBody): Promise<UserView> {
  const me = requireUser(actor);
  // An empty change is a no-op, not an error: drizzle refuses an UPDATE with nothing to set.
  const [u] = Object.keys(input).length
    ? await ctx.db.update(users).set(input).where(eq(users.id, me.id)).returning()
    : await ctx.db.select().from(users).where(eq(users.id, me.id));
  return toUserView(u!);
}

/**
 * Changes the password and ends every other session and every link mailed before; the
 * session making the change (`keepSession`) stays. API tokens keep working (scripts should
 * not break on a routine change); the account page lists them with their last use and
 * revokes them all at once, and a reset revokes them.
 */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordBody, keepSession: string | null): Promise<void> {
  const me = requireUser(actor);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, me.id));
  if (!u?.passwordHash || !(await verify(u.passwordHash, input.currentPassword).catch(() => false))) {
    throw new ValidationError(msg("accounts.errors.currentPasswordWrong"), { currentPassword: [msg("accounts.errors.currentPasswordField")] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, me.id));
    await endAccess(tx, me.id, { keepSession, tokens: false });
  });
}

/**
 * Deletion keeps the row, anonymised, because others' records point at it (reviews,
 * talks, decisions); everything that identifies the person or lets them in goes.
 */
export async function deleteAccount(ctx: AppContext, actor: Actor, input: DeleteAccountBody): Promise<void> {
  const me = requireUser(actor);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, me.id));
  if (!u) throw new NotFoundError(msg("accounts.errors.accountNotFound"));
  if (u.passwordHash && !(input.password && (await verify(u.passwordHash, input.password).catch(() => false)))) {
    throw new ValidationError(msg("accounts.errors.deletePassword"), { password: [msg("accounts.errors.deletePasswordField")] });
  }
  await ctx.db.transaction(async (tx) => {
    // Each feature refuses (a live invitation request is someone else's business too:
    // capacity, the waiting list) or forgets what it keeps about the person.
    for (const f of ctx.features) await f.onAccountDeleted?.(ctx, tx, me.id);
    await tx.delete(sessions).where(eq(sessions.userId, me.id));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, me.id));
    await tx.delete(emailTokens).where(eq(emailTokens.userId, me.id));
    await tx.delete(userIdentities).where(eq(userIdentities.userId, me.id));
    await forgetPendingSignIns(tx, me.id);
    await tx
      .update(users)
      .set({ email: `deleted-${me.id}@invalid`, name: "Deleted account", passwordHash: null, isAdmin: false, deletedAt: ctx.now() })
      .where(eq(users.id, me.id));
  });
}

/** Used by the CLI and the demo seed: a verified account, optionally an instance admin. */
export async function createVerifiedUser(ctx: AppContext, db: Db, input: { email: string; name: string; password: string; isAdmin?: boolean }): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    const [u] = await db.update(users).set({ passwordHash, isAdmin: input.isAdmin ?? existing.isAdmin, emailVerifiedAt: existing.emailVerifiedAt ?? ctx.now() }).where(eq(users.id, existing.id)).returning();
    return u!;
  }
  const [u] = await db.insert(users).values({ email: input.email, name: input.name, passwordHash, isAdmin: input.isAdmin ?? false, emailVerifiedAt: ctx.now() }).returning();
  return u!;
}
