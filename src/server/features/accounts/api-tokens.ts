import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { NotFoundError, ValidationError } from "../../platform/errors.js";
import { API_TOKEN_PREFIX, hashToken, newToken, type Resolved } from "../../platform/auth/index.js";
import { apiTokens } from "../../platform/auth/tables.js";
import type { UserActor } from "../../platform/permissions.js";
import type { CreatedToken, CreateTokenBody, TokenView } from "./schema.js";
import { TOKEN_SCOPES } from "../../../shared/token-scopes.js";
import { msg } from "../../../shared/i18n/catalogue.js";

function tokenView(t: typeof apiTokens.$inferSelect): TokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: TOKEN_SCOPES.filter((x) => t.scopes.includes(x)),
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    createdByToken: t.createdByTokenId !== null,
  };
}

export async function listTokens(ctx: AppContext, me: UserActor): Promise<{ tokens: TokenView[] }> {
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, me.id)).orderBy(apiTokens.createdAt);
  return { tokens: rows.map(tokenView) };
}

/**
 * A new token. Made from a browser session it gets the scopes asked for; made by another
 * token (which needs the `tokens` scope, checked by the router) it gets no scope its maker
 * lacks, expires no later than its maker, and is revoked with it.
 */
export async function createToken(ctx: AppContext, me: UserActor, via: Resolved["token"], input: CreateTokenBody): Promise<CreatedToken> {
  if (via) {
    const beyond = input.scopes.filter((x) => !via.scopes.includes(x));
    // Scope names are code (read, write, tokens), listed as they are in every language.
    const missing = beyond.join(", ");
    if (beyond.length) throw new ValidationError(msg("accounts.errors.scopeBeyond"), { scopes: [msg("accounts.errors.scopeBeyondField", { scopes: missing })] });
  }
  const asked = input.expiresInDays === null ? null : new Date(ctx.now().getTime() + input.expiresInDays * 86400_000);
  const cap = via?.expiresAt ?? null;
  const expiresAt = cap && (!asked || asked > cap) ? cap : asked;
  const token = API_TOKEN_PREFIX + newToken();
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ userId: me.id, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 12), scopes: input.scopes, expiresAt, createdByTokenId: via?.id ?? null })
    .returning();
  return { ...tokenView(row!), token };
}

export async function revokeToken(ctx: AppContext, me: UserActor, tokenId: string): Promise<void> {
  // The tokens it minted go with it (ON DELETE CASCADE on created_by_token_id).
  const gone = await ctx.db.delete(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, me.id))).returning({ id: apiTokens.id });
  if (gone.length === 0) throw new NotFoundError(msg("accounts.errors.tokenNotFound"));
}

export async function revokeAllTokens(ctx: AppContext, me: UserActor): Promise<{ revoked: number }> {
  return ctx.db.transaction(async (tx) => {
    // Counted first: a minted token removed by the cascade is not in DELETE … RETURNING.
    const all = await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, me.id)).for("update");
    await tx.delete(apiTokens).where(eq(apiTokens.userId, me.id));
    return { revoked: all.length };
  });
}
