import { and, eq, isNull, ne } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { ConflictError, DomainError, NotFoundError } from "../../platform/errors.js";
import { findUserByEmail } from "../../platform/auth/index.js";
import type { ProviderIdentity } from "../../platform/auth/oidc.js";
import { userIdentities, users } from "../../platform/auth/tables.js";
import type { OidcProviderConfig } from "../../platform/config.js";
import type { UserActor } from "../../platform/permissions.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { emailTokens } from "./tables.js";
import { email as emailSchema, LIMITS, type IdentityList } from "./schema.js";

type UserRow = typeof users.$inferSelect;
export type ProviderOutcome = "signed_in" | "account_created" | "identity_linked";

const LOCALES = new Set(["en", "de"]);

/**
 * What an identity at a provider means here. An identity seen before signs in its account.
 * A new one links to the account with the same address only if the provider says it
 * verified that address (an unverified claim never links: anyone can type someone else's
 * address at a provider that does not check), and otherwise creates the account from a
 * verified address. With `linkUserId` (the signed-in person asked to link this provider) it
 * is added to that account whatever the address.
 */
export async function accountForIdentity(ctx: AppContext, p: OidcProviderConfig, identity: ProviderIdentity, linkUserId: string | null): Promise<{ user: UserRow; outcome: ProviderOutcome }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [known] = await tx
      .select({ identity: userIdentities, user: users })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.issuer, identity.issuer), eq(userIdentities.subject, identity.subject), isNull(users.deletedAt)));
    const touch = () => tx.update(userIdentities).set({ lastUsedAt: now, email: identity.email }).where(eq(userIdentities.id, known!.identity.id));

    if (linkUserId) {
      if (known && known.user.id !== linkUserId) {
        throw new ConflictError("identity_taken", msg("accounts.errors.identityElsewhere", { provider: p.name }));
      }
      const [me] = await tx.select().from(users).where(and(eq(users.id, linkUserId), isNull(users.deletedAt)));
      if (!me) throw new DomainError("unauthenticated", msg("accounts.errors.signInToLink"));
      if (known) {
        await touch();
        return { user: me, outcome: "identity_linked" as const };
      }
      await link(tx, me.id);
      return { user: me, outcome: "identity_linked" as const };
    }

    if (known) {
      await touch();
      return { user: known.user, outcome: "signed_in" as const };
    }

    const address = identity.email && emailSchema.safeParse(identity.email).success ? identity.email : null;
    const existing = address ? await findUserByEmail(tx, address) : undefined;
    if (!address || !identity.emailVerified) {
      throw new DomainError(
        "oidc_email_unverified",
        existing ? msg("accounts.errors.unverifiedExisting", { provider: p.name, address: address! }) : msg("accounts.errors.unverifiedNew", { provider: p.name }),
      );
    }
    if (existing) {
      if (!existing.emailVerifiedAt) {
        // Nobody ever proved this account's address until now: a password set on it may be
        // someone else's who registered the address first, so it goes with its pending links.
        await tx.update(users).set({ emailVerifiedAt: now, passwordHash: null }).where(eq(users.id, existing.id));
        await tx.delete(emailTokens).where(and(eq(emailTokens.userId, existing.id), isNull(emailTokens.usedAt)));
      }
      await link(tx, existing.id);
      return { user: { ...existing, emailVerifiedAt: existing.emailVerifiedAt ?? now }, outcome: "identity_linked" as const };
    }
    const name = (identity.name?.trim() || address.split("@")[0]!).slice(0, LIMITS.nameMax);
    const locale = identity.locale && LOCALES.has(identity.locale.slice(0, 2)) ? identity.locale.slice(0, 2) : "en";
    const [created] = await tx.insert(users).values({ email: address, name, passwordHash: null, emailVerifiedAt: now, locale }).returning();
    await link(tx, created!.id);
    return { user: created!, outcome: "account_created" as const };

    async function link(db: typeof tx, userId: string) {
      const [other] = await db.select({ id: userIdentities.id }).from(userIdentities).where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, identity.issuer)));
      if (other) throw new ConflictError("identity_taken", msg("accounts.errors.otherIdentityLinked", { provider: p.name }));
      await db.insert(userIdentities).values({ userId, issuer: identity.issuer, subject: identity.subject, providerId: p.id, email: identity.email, lastUsedAt: now });
    }
  });
}

const providerName = (ctx: AppContext, row: typeof userIdentities.$inferSelect) =>
  ctx.config.oidcProviders.find((p) => p.issuer === row.issuer)?.name ?? ctx.config.oidcProviders.find((p) => p.id === row.providerId)?.name ?? new URL(row.issuer).hostname;

export async function listIdentities(ctx: AppContext, me: UserActor): Promise<IdentityList> {
  const rows = await ctx.db.select().from(userIdentities).where(eq(userIdentities.userId, me.id)).orderBy(userIdentities.createdAt);
  return {
    identities: rows.map((r) => ({ id: r.id, providerId: r.providerId, providerName: providerName(ctx, r), email: r.email, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null })),
    providers: ctx.config.oidcProviders.map((p) => ({ id: p.id, name: p.name })),
  };
}

/**
 * Unlinks an identity while another way to sign in remains: a password or another linked
 * provider. Mailed sign-in links are the way back in when everything else is lost, not a
 * way the account is meant to be used, so they do not count.
 */
export async function unlinkIdentity(ctx: AppContext, me: UserActor, identityId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Locks the account row: two unlinks at once cannot both see the other as "remaining".
    const [u] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id)).for("update");
    const [row] = await tx.select({ id: userIdentities.id }).from(userIdentities).where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, me.id)));
    if (!row) throw new NotFoundError(msg("accounts.errors.identityNotFound"));
    const others = await tx.select({ id: userIdentities.id }).from(userIdentities).where(and(eq(userIdentities.userId, me.id), ne(userIdentities.id, identityId)));
    if (!u?.passwordHash && others.length === 0) {
      throw new ConflictError("last_sign_in_method", msg("accounts.errors.lastSignInMethod"));
    }
    await tx.delete(userIdentities).where(eq(userIdentities.id, identityId));
  });
}
