import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { AppContext } from "../context.js";
import type { Db } from "../db/index.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { DomainError, RateLimitedError } from "../errors.js";
import type { Actor } from "../permissions.js";
import { anonymous } from "../permissions.js";
import { TOKEN_SCOPES, type TokenScope } from "../../../shared/token-scopes.js";
import { apiTokens, oidcLogins, rateLimits, sessions, users } from "./tables.js";

/** The live account with this address (case-insensitive), if any. */
export async function findUserByEmail(db: Db, address: string): Promise<typeof users.$inferSelect | undefined> {
  const [u] = await db.select().from(users).where(and(sql`lower(${users.email}) = lower(${address})`, isNull(users.deletedAt)));
  return u;
}

export const SESSION_COOKIE = "plenary_session";
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_DAYS = 30;
export const API_TOKEN_PREFIX = "plen_";

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are stored as SHA-256: they are long and random, so a slow hash adds nothing. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Stores a new session and returns its secrets; the cookie is set by createSession. */
export async function issueSession(ctx: AppContext, db: Db, userId: string, userAgent?: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken(24);
  const expiresAt = new Date(ctx.now().getTime() + SESSION_DAYS * 86400_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
  return { token, csrfToken, expiresAt };
}

export async function createSession(ctx: AppContext, db: Db, reply: FastifyReply, userId: string, userAgent?: string): Promise<{ csrfToken: string }> {
  const { token, csrfToken, expiresAt } = await issueSession(ctx, db, userId, userAgent);
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.secureCookies,
    expires: expiresAt,
  });
  return { csrfToken };
}

export async function destroySession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface Resolved {
  actor: Actor;
  csrfToken: string | null;
  /** The hash of the session cookie, when the caller came with one: "every session but this one". */
  sessionHash: string | null;
  /** The API token the caller came with, and what it may do. */
  token: { id: string; scopes: readonly TokenScope[]; expiresAt: Date | null } | null;
}
const cache = new WeakMap<FastifyRequest, Resolved>();

/** `last_used_at` is written at most this often per token, so a busy script does not write on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Who is calling: a bearer API token (scripts; no CSRF, since browsers never attach it on
 * their own), else the session cookie, whose state-changing requests must echo the
 * session's CSRF token in a header that a cross-site form cannot set.
 */
export async function resolveCaller(ctx: AppContext, req: FastifyRequest): Promise<Resolved> {
  const hit = cache.get(req);
  if (hit) return hit;
  let resolved: Resolved = { actor: anonymous, csrfToken: null, sessionHash: null, token: null };
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) {
    const token = auth.slice(7).trim();
    const now = ctx.now();
    const [row] = await ctx.db
      .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale, tokenId: apiTokens.id, scopes: apiTokens.scopes, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(users.deletedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
    if (!row) throw new DomainError("invalid_token", msg("errors.invalidToken"));
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
    }
    resolved = {
      actor: { kind: "user", id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, locale: row.locale, via: "token" },
      csrfToken: null,
      sessionHash: null,
      token: { id: row.tokenId, scopes: row.scopes.filter((x): x is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(x)), expiresAt: row.expiresAt },
    };
  } else {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const sessionHash = hashToken(token);
      const [row] = await ctx.db
        .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale, csrfToken: sessions.csrfToken })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, sessionHash), gt(sessions.expiresAt, ctx.now()), isNull(users.deletedAt)));
      if (row) {
        if (unsafeMethods.has(req.method)) {
          const sent = req.headers[CSRF_HEADER];
          if (typeof sent !== "string" || !safeEqual(sent, row.csrfToken)) {
            throw new DomainError("csrf_failed", msg("errors.csrfFailed"));
          }
        }
        resolved = { actor: { kind: "user", id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, locale: row.locale, via: "session" }, csrfToken: row.csrfToken, sessionHash, token: null };
      }
    }
  }
  cache.set(req, resolved);
  return resolved;
}

/** The caller, if this request has resolved it already (no query): what the request's locale is read from. */
export function resolvedCaller(req: FastifyRequest): Resolved | undefined {
  return cache.get(req);
}

export async function actorOf(ctx: AppContext, req: FastifyRequest): Promise<Actor> {
  return (await resolveCaller(ctx, req)).actor;
}

/**
 * A token bucket shared by every app process, kept in the database as one instant per key
 * (the generic cell rate algorithm): `tat` is when the bucket is full again. Each hit moves
 * it one interval (window / max) later; a hit that would put it more than one window ahead
 * is refused and moves nothing. So `max` hits may come at once, then one per interval: no
 * window boundary to double up across. One statement decides, so concurrent hits from
 * several processes cannot both take the last place.
 */
export async function hitRateLimit(ctx: AppContext, bucket: string, key: string, max: number, windowSeconds: number): Promise<void> {
  const now = ctx.now();
  const windowMs = windowSeconds * 1000;
  const intervalMs = windowMs / max;
  const id = `${bucket}:${hashToken(key).slice(0, 32)}`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const next = sql`greatest(${rateLimits.tat}, ${nowSql}) + ${intervalMs} * interval '1 millisecond'`;
  const taken = await ctx.db
    .insert(rateLimits)
    .values({ key: id, tat: new Date(now.getTime() + intervalMs) })
    .onConflictDoUpdate({ target: rateLimits.key, set: { tat: next }, setWhere: sql`${next} <= ${nowSql} + ${windowMs} * interval '1 millisecond'` })
    .returning({ tat: rateLimits.tat });
  if (taken.length) return;
  const [row] = await ctx.db.select({ tat: rateLimits.tat }).from(rateLimits).where(eq(rateLimits.key, id));
  const waitMs = (row?.tat.getTime() ?? now.getTime()) + intervalMs - windowMs - now.getTime();
  throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** Drops what no longer counts: full buckets, ended sessions, sign-ins at a provider that never came back. */
export async function pruneExpiredAuth(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  await ctx.db.delete(rateLimits).where(lt(rateLimits.tat, now));
  await ctx.db.delete(sessions).where(lt(sessions.expiresAt, now));
  await ctx.db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  await ctx.db.delete(apiTokens).where(lt(apiTokens.expiresAt, now));
}
