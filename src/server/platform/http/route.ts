import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { ValidationError, type FieldErrors } from "../errors.js";
import { authorize, authorizeAnywhere, type Actor, type Capability, type Scope } from "../permissions.js";
import { UnauthenticatedError } from "../errors.js";
import { actorOf } from "../auth.js";
import { RawJson } from "../cache.js";

/**
 * Who may call an operation. `public`: anyone; `user`: any signed-in account;
 * a capability with a scope resolver: checked against the permission table.
 */
export type Access =
  | "public"
  | "user"
  | { capability: Capability; scope: (input: { params: Record<string, unknown>; ctx: AppContext }) => Promise<Scope> | Scope }
  | { capability: Capability; anywhere: true };

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  operationId: string;
  summary: string;
  tags: string[];
  access: Access;
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

export interface Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  (input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B>; actor: Actor; req: FastifyRequest; reply: FastifyReply }): Promise<(R extends z.ZodType ? z.input<R> : void) | RawJson>;
}

export interface RegisteredRoute {
  def: RouteDef<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
}

export function fieldErrors(error: z.ZodError, prefix?: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || (prefix ?? "body");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query" | "params"): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = fieldErrors(r.error, where === "body" ? undefined : where);
  const what = where === "body" ? "The request" : where === "query" ? "The query string" : "The address";
  throw new ValidationError(`${what} has ${Object.keys(fields).length === 1 ? "an invalid field" : "invalid fields"}.`, fields);
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
  add<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, B extends z.ZodType = typeof empty, R extends z.ZodType = z.ZodType>(
    def: RouteDef<P, Q, B, R>,
    handler: Handler<P, Q, B, R>,
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
        if (def.access === "user") {
          if (actor.kind !== "user") throw new UnauthenticatedError();
        } else if (def.access !== "public") {
          if ("anywhere" in def.access) await authorizeAnywhere(ctx.db, actor, def.access.capability);
          else await authorize(ctx.db, actor, def.access.capability, await def.access.scope({ params: params as Record<string, unknown>, ctx }));
        }
        const needsBody = def.method !== "GET" && def.method !== "DELETE";
        const body = needsBody || def.body ? parseOrThrow(def.body ?? empty, req.body ?? {}, "body") : {};
        const result = await handler({ params: params as z.infer<P>, query: query as z.infer<Q>, body: body as z.infer<B>, actor, req, reply });
        if (reply.sent) return reply;
        if (def.response === null) return reply.code(def.status ?? 204).send();
        if (result instanceof RawJson) return reply.code(def.status ?? 200).type("application/json; charset=utf-8").send(result.json);
        return reply.code(def.status ?? 200).send(result);
      },
    });
  }
}
