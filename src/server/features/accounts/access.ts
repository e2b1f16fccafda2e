import { and, desc, eq, isNull, ne } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { forgetPendingSignIns } from "../../platform/auth/oidc.js";
import { apiTokens, sessions } from "../../platform/auth/tables.js";
import type { UserActor } from "../../platform/permissions.js";
import { emailTokens } from "./tables.js";
import type { SessionList } from "./schema.js";

/**
 * Ends what lets someone into an account, inside the caller's transaction: every session
 * (but `keepSession`, the one making a password change), every link mailed before and not
 * used yet (sign-in, reset, verification), every provider link still pending, and with
 * `tokens` every API token. A password change or reset runs it, because whoever knew the
 * old password may have opened sessions or asked for links with it.
 */
export async function endAccess(db: Db, userId: string, opts: { keepSession?: string | null; tokens: boolean }): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), opts.keepSession ? ne(sessions.tokenHash, opts.keepSession) : undefined));
  await db.delete(emailTokens).where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
  await forgetPendingSignIns(db, userId);
  if (opts.tokens) await db.delete(apiTokens).where(eq(apiTokens.userId, userId));
}

export async function listSessions(ctx: AppContext, me: UserActor, currentHash: string | null): Promise<SessionList> {
  const rows = await ctx.db.select().from(sessions).where(eq(sessions.userId, me.id)).orderBy(desc(sessions.createdAt));
  return {
    sessions: rows
      .filter((r) => r.expiresAt > ctx.now())
      .map((r) => ({ createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(), userAgent: r.userAgent, current: r.tokenHash === currentHash })),
  };
}

/** "Sign out everywhere else". */
export async function endOtherSessions(ctx: AppContext, me: UserActor, currentHash: string | null): Promise<{ revoked: number }> {
  const gone = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, me.id), currentHash ? ne(sessions.tokenHash, currentHash) : undefined))
    .returning({ h: sessions.tokenHash });
  return { revoked: gone.length };
}
