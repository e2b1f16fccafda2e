import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { AppContext } from "../context.js";
import type { Db } from "../db/index.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { DomainError, RateLimitedError } from "../errors.js";
import type { Actor } from "../permissions.js";
import { anonymous } from "../permissions.js";
import { apiTokens, rateLimits, sessions, users } from "./tables.js";

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

function safeEqual(a: string, b: string): boolean {
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

interface Resolved {
  actor: Actor;
  csrfToken: string | null;
}
const cache = new WeakMap<FastifyRequest, Resolved>();

/**
 * Who is calling: a bearer API token (scripts; no CSRF, since browsers never attach it on
 * their own), else the session cookie, whose state-changing requests must echo the
 * session's CSRF token in a header that a cross-site form cannot set.
 */
export async function resolveCaller(ctx: AppContext, req: FastifyRequest): Promise<Resolved> {
  const hit = cache.get(req);
  if (hit) return hit;
  let resolved: Resolved = { actor: anonymous, csrfToken: null };
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) {
    const token = auth.slice(7).trim();
    const [row] = await ctx.db
      .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale, tokenId: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(users.deletedAt)));
    if (!row) throw new DomainError("invalid_token", msg("errors.invalidToken"));
    await ctx.db.update(apiTokens).set({ lastUsedAt: ctx.now() }).where(eq(apiTokens.id, row.tokenId));
    resolved = { actor: { kind: "user", id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, locale: row.locale, via: "token" }, csrfToken: null };
  } else {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const [row] = await ctx.db
        .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale, csrfToken: sessions.csrfToken })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, ctx.now()), isNull(users.deletedAt)));
      if (row) {
        if (unsafeMethods.has(req.method)) {
          const sent = req.headers[CSRF_HEADER];
          if (typeof sent !== "string" || !safeEqual(sent, row.csrfToken)) {
            throw new DomainError("csrf_failed", msg("errors.csrfFailed"));
          }
        }
        resolved = { actor: { kind: "user", id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, locale: row.locale, via: "session" }, csrfToken: row.csrfToken };
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
 * Fixed-window limit kept in the database so every app process counts the same hits.
 * One upsert per request: cheap enough for the endpoints that need it (sign-in, sign-up, mail).
 */
export async function hitRateLimit(ctx: AppContext, bucket: string, key: string, max: number, windowSeconds: number): Promise<void> {
  const now = ctx.now();
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const id = `${bucket}:${key}`;
  const [row] = await ctx.db
    .insert(rateLimits)
    .values({ key: id, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz then ${rateLimits.hits} + 1 else 1 end`,
        windowStart,
      },
    })
    .returning({ hits: rateLimits.hits });
  if (row && row.hits > max) {
    throw new RateLimitedError(Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000)));
  }
}
