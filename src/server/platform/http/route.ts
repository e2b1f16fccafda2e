import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { ValidationError, type FieldErrors } from "../errors.js";
import type { Actor, Capability, Permit } from "../permissions.js";
import { UnauthenticatedError } from "../errors.js";
import { actorOf } from "../auth/index.js";
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
  status?: number;
  /** Error statuses the operation can answer with, for the OpenAPI document. */
  errors?: number[];
  /** Limits requests per client, e.g. sign-in: `{ bucket, max, windowSeconds }`. */
  rateLimit?: { bucket: string; max: number; windowSeconds: number };
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

const INVALID = { body: "errors.invalidBody", query: "errors.invalidQuery", params: "errors.invalidParams" } as const;

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query" | "params"): z.infer<T> {
  const r = schema.safeParse(value, LOCALISED);
  if (r.success) return r.data;
  const fields = fieldErrors(r.error, where === "body" ? undefined : where);
  throw new ValidationError(msg(INVALID[where], { count: Object.keys(fields).length }), fields);
}

const empty = z.object({}).passthrough();

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
      handler: async (req, reply) => {
        if (def.rateLimit) await this.limiter(def.rateLimit.bucket, req.ip, def.rateLimit.max, def.rateLimit.windowSeconds);
        const params = parseOrThrow(def.params ?? empty, req.params ?? {}, "params");
        const query = parseOrThrow(def.query ?? empty, req.query ?? {}, "query");
        const actor = await actorOf(ctx, req);
        let target: Target | undefined;
        if (def.access === "user") {
          if (actor.kind !== "user") throw new UnauthenticatedError();
        } else if (def.access !== "public") {
          target = await def.access.resolve({ params: params as Record<string, unknown>, actor, ctx });
          target.permit.require(def.access.capability);
        }
        const needsBody = def.method !== "GET" && def.method !== "DELETE";
        const body = needsBody || def.body ? parseOrThrow(def.body ?? empty, req.body ?? {}, "body") : {};
        const result = await handler({ params: params as z.infer<P>, query: query as z.infer<Q>, body: body as z.infer<B>, actor, target: target as T, req, reply });
        if (reply.sent) return reply;
        if (def.response === null) return reply.code(def.status ?? 204).send();
        if (result instanceof RawJson) return reply.code(def.status ?? 200).type("application/json; charset=utf-8").send(result.json);
        return reply.code(def.status ?? 200).send(result);
      },
    });
  }
}
