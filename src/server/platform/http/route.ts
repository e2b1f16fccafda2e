import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { DomainError, ValidationError, type FieldErrors } from "../errors.js";
import type { TokenScope } from "../../../shared/token-scopes.js";
import type { Actor, Capability, Permit } from "../permissions.js";
import { UnauthenticatedError } from "../errors.js";
import { resolveCaller } from "../auth/index.js";
import { RawJson } from "../cache.js";
import { msg } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { issueMessage, LOCALISED } from "../../../shared/i18n/zod.js";

const english = translator("en");

/**
 * What a guarded operation acts on (an event, a community), resolved once per request with
 * the caller's Permit in it; the handler hands it to the service, which re-checks the
 * capability against the Permit without another query.
 */
export type Target = { permit: Permit };

export interface Guard<T extends Target = Target> {
  capability: Capability;
  resolve: (input: { params: Record<string, unknown>; actor: Actor; ctx: AppContext }) => Promise<T>;
  /**
   * A capability without which the target is hidden rather than forbidden: its resolver
   * answers 404 (an unpublished event to someone who may not see it). The permission walk
   * reads it to know which answer to expect.
   */
  hiddenWithout?: Capability;
}

/**
 * Who may call an operation. `public`: anyone; `user`: any signed-in account; a Guard:
 * checked against the permission table in the target its resolver finds.
 */
export type Access<T extends Target = Target> = "public" | "user" | Guard<T>;

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, T extends Target = Target> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  operationId: string;
  summary: string;
  tags: string[];
  access: Access<T>;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented success response; `null` for 204. */
  response: R | null;
  /** Media type of a success response that is not JSON (a feed); the handler sends it. */
  produces?: string;
  status?: number;
  /** Error statuses the operation can answer with, for the OpenAPI document. */
  errors?: number[];
  /** Limits on how often this may be called (one, or several that must all let the request through). */
  rateLimit?: RateLimit<z.infer<B>> | readonly RateLimit<z.infer<B>>[];
  /**
   * What an API token needs to call this: by default `read` for GET and `write` for the
   * rest; `session` for what only a person in a browser session may do (see token-scopes.ts).
   */
  scope?: TokenScope | "session";
  /** A larger request body than the instance's BODY_LIMIT, for the one operation that needs it (an uploaded file). */
  bodyLimit?: number;
}

/**
 * `max` requests per `windowSeconds` (a token bucket: a burst of `max`, then one every
 * window/max), counted per client address, or per the key `per` draws from the validated
 * request (the account an attempt is aimed at), so neither many addresses against one
 * account nor one address against many accounts gets through.
 */
export interface RateLimit<B = unknown> {
  bucket: string;
  max: number;
  windowSeconds: number;
  per?: (input: { body: B; actor: Actor }) => string | null | undefined;
}

export interface Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, T extends Target = Target> {
  (input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B>; actor: Actor; target: T; req: FastifyRequest; reply: FastifyReply }): Promise<(R extends z.ZodType ? z.input<R> : void) | RawJson>;
}

export interface RegisteredRoute {
  def: RouteDef<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
}

/** A Zod error as field messages, each rendered later in the locale of whoever reads it. */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || (prefix ?? "body");
    (fields[key] ??= []).push(issueMessage(issue, (id) => english.has(id)));
  }
  return fields;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string of a request (values and keys, at any depth), checked before any schema sees
 * it: PostgreSQL cannot store a NUL and UTF-8 cannot encode an unpaired surrogate, so either
 * would fail deep in a query as a 500. Walked with an explicit stack, since a body may nest
 * deeper than the call stack.
 */
function unstorableStrings(value: unknown, prefix: string | undefined): FieldErrors {
  const fields: FieldErrors = {};
  const check = (s: string, path: (string | number)[]) => {
    const problem = s.includes("\u0000") ? msg("validation.nulCharacter") : LONE_SURROGATE.test(s) ? msg("validation.loneSurrogate") : null;
    if (problem) (fields[[prefix, ...path].filter((p) => p !== undefined).join(".") || (prefix ?? "body")] ??= []).push(problem);
  };
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") check(v, path);
    else if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
    else if (v && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        check(k, [...path, k]);
        stack.push({ v: item, path: [...path, k] });
      }
    }
  }
  return fields;
}

const INVALID = { body: "errors.invalidBody", query: "errors.invalidQuery", params: "errors.invalidParams" } as const;

const invalid = (where: keyof typeof INVALID, fields: FieldErrors) => new ValidationError(msg(INVALID[where], { count: Object.keys(fields).length }), fields);

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query" | "params"): z.infer<T> {
  const r = schema.safeParse(value, LOCALISED);
  if (r.success) return r.data;
  throw invalid(where, fieldErrors(r.error, where === "body" ? undefined : where));
}

/**
 * The unstorable-string check over every part of a request at once, before any schema or
 * access check: a NUL in the body is reported as such even when the query is also wrong.
 */
function refuseUnstorable(parts: { params: unknown; query: unknown; body: unknown }): void {
  const fields = { ...unstorableStrings(parts.params, "params"), ...unstorableStrings(parts.query, "query"), ...unstorableStrings(parts.body, undefined) };
  const first = (["params", "query"] as const).find((w) => Object.keys(fields).some((k) => k.startsWith(`${w}.`))) ?? "body";
  if (Object.keys(fields).length) throw invalid(first, fields);
}

const empty = z.object({}).passthrough();

/** The router's check of an API token against what the operation needs; sessions are not limited by scopes. */
function requireScope(scopes: readonly TokenScope[], needed: TokenScope | "session"): void {
  if (needed === "session") {
    throw new DomainError("session_required", msg("errors.scope.sessionRequired"));
  }
  if (!scopes.includes(needed)) throw new DomainError("insufficient_scope", msg("errors.scope.insufficient", { scope: needed }), undefined, { scope: needed });
}

export class Router {
  readonly routes: RegisteredRoute[] = [];
  constructor(
    private readonly app: FastifyInstance,
    private readonly ctx: AppContext,
    private readonly limiter: (bucket: string, key: string, max: number, windowSeconds: number) => Promise<void>,
  ) {}

  /** Routes stay thin: parse → authorise → call a service → present. */
  add<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, B extends z.ZodType = typeof empty, R extends z.ZodType = z.ZodType, T extends Target = Target>(
    def: RouteDef<P, Q, B, R, T>,
    handler: Handler<P, Q, B, R, T>,
  ): void {
    this.routes.push({ def: def as unknown as RouteDef<z.ZodType, z.ZodType, z.ZodType, z.ZodType> });
    const ctx = this.ctx;
    this.app.route({
      method: def.method,
      url: def.url.replace(/\{(\w+)\}/g, ":$1"),
      ...(def.bodyLimit ? { bodyLimit: Math.max(def.bodyLimit, ctx.config.bodyLimit) } : {}),
      handler: async (req, reply) => {
        const limits = def.rateLimit === undefined ? [] : "bucket" in def.rateLimit ? [def.rateLimit] : def.rateLimit;
        // Per address first, before any work; per account once the request says which.
        for (const l of limits) if (!l.per) await this.limiter(l.bucket, req.ip, l.max, l.windowSeconds);
        refuseUnstorable({ params: req.params, query: req.query, body: req.body });
        const params = parseOrThrow(def.params ?? empty, req.params ?? {}, "params");
        const query = parseOrThrow(def.query ?? empty, req.query ?? {}, "query");
        const caller = await resolveCaller(ctx, req);
        const actor = caller.actor;
        if (caller.token) requireScope(caller.token.scopes, def.scope ?? (def.method === "GET" ? "read" : "write"));
        let target: Target | undefined;
        if (def.access === "user") {
          if (actor.kind !== "user") throw new UnauthenticatedError();
        } else if (def.access !== "public") {
          target = await def.access.resolve({ params: params as Record<string, unknown>, actor, ctx });
          target.permit.require(def.access.capability);
        }
        // A body that was sent is always validated (`null` too: it is not "no body"); only a
        // request that sent none stands for an empty object.
        const takesBody = def.body !== undefined || (def.method !== "GET" && def.method !== "DELETE");
        const body = takesBody || req.body !== undefined ? parseOrThrow(def.body ?? empty, req.body === undefined ? {} : req.body, "body") : {};
        for (const l of limits) {
          const key = l.per?.({ body: body as z.infer<B>, actor });
          if (key) await this.limiter(l.bucket, key, l.max, l.windowSeconds);
        }
        const result = await handler({ params: params as z.infer<P>, query: query as z.infer<Q>, body: body as z.infer<B>, actor, target: target as T, req, reply });
        if (reply.sent) return reply;
        if (def.response === null) return reply.code(def.status ?? 204).send();
        if (result instanceof RawJson) return reply.code(def.status ?? 200).type("application/json; charset=utf-8").send(result.json);
        return reply.code(def.status ?? 200).send(result);
      },
    });
  }
}
