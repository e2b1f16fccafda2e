import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../platform/context.js";
import { ValidationError } from "../../platform/errors.js";
import type { Actor } from "../../platform/permissions.js";
import { SCHEDULE_EDITED } from "../../platform/topics.js";
import { msg } from "../../../shared/i18n/catalogue.js";

/**
 * Live updates for the editor. Every change an organiser saves is announced on the bus
 * (`schedule.edited`, heard by every process on PostgreSQL), and each open editor keeps a
 * Server-Sent Events stream that says when someone else changed its event's schedule; the
 * editor then reloads and says so. The stream carries no data beyond "changed": what changed
 * is read through the editor's own operation, with its permission check.
 */
const KEEPALIVE_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 5_000;

const userId = (actor: Actor) => (actor.kind === "user" ? actor.id : null);

export async function announceEdit(ctx: AppContext, eventId: string, actor: Actor): Promise<void> {
  await ctx.bus.publish(SCHEDULE_EDITED, { eventId, by: userId(actor) });
}

/** The stream itself: held open until the browser goes; only EventSource (which asks for text/event-stream) gets one. */
export function editStream(ctx: AppContext, eventId: string, actor: Actor, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!String(req.headers.accept ?? "").includes("text/event-stream")) throw new ValidationError(msg("schedule.errors.eventStreamOnly"));
  const me = userId(actor);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" });
  res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  const unsubscribe = ctx.bus.subscribe(SCHEDULE_EDITED, (payload) => {
    if (payload.eventId === eventId && payload.by !== me) res.write("data: edited\n\n");
  });
  // A comment now and then keeps proxies from closing a quiet stream.
  const keepalive = setInterval(() => res.write(": keepalive\n\n"), KEEPALIVE_MS);
  req.raw.on("close", () => {
    clearInterval(keepalive);
    unsubscribe();
  });
  return reply;
}
