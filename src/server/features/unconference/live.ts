import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../platform/context.js";
import { UNCONFERENCE_PUBLISHED } from "../../platform/topics.js";
import type { EventTarget } from "../events/index.js";
import { versionView } from "./publish.js";
import { versionsAfter } from "./state.js";
import { getBoard } from "./topics.js";

/**
 * Live boards: Server-Sent Events of published versions. Every version is stored, so the
 * stream is a read of the versions table from the last one the client has: on connect from
 * `Last-Event-ID` (the browser sends it when it reconnects; `?after=` for the first connect),
 * then again each time the bus says the board was published (in-process on PGlite,
 * LISTEN/NOTIFY between processes on PostgreSQL). Each event's id is its version number, and
 * the stream only ever moves forward from the last id it sent, so a reconnect gets exactly what
 * it missed: nothing twice, nothing lost.
 */
const HEARTBEAT_MS = 20_000;

/** The version a client already has: the `Last-Event-ID` header wins over `?after=`. */
export function resumeFrom(req: FastifyRequest, after: number): number {
  const header = req.headers["last-event-id"];
  const n = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(n) && n >= 0 ? n : after;
}

export async function streamBoard(ctx: AppContext, target: EventTarget, req: FastifyRequest, reply: FastifyReply, after: number): Promise<FastifyReply> {
  await getBoard(ctx, target); // the board's visibility decides who may listen
  const eventId = target.event.id;
  let last = resumeFrom(req, after);
  let closed = false;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" });
  res.write(`retry: 2000\n\n`);

  // One read at a time, each from the last id sent; a bus message during a read queues one more.
  let chain = Promise.resolve();
  const catchUp = () => {
    chain = chain.then(async () => {
      if (closed) return;
      for (const row of await versionsAfter(ctx.db, eventId, last)) {
        if (closed) return;
        res.write(`id: ${row.number}\nevent: version\ndata: ${JSON.stringify(versionView(row))}\n\n`);
        last = row.number;
      }
    }).catch((err: unknown) => {
      ctx.log.warn({ err, eventId }, "unconference live stream could not read versions");
    });
  };
  const unsubscribe = ctx.bus.subscribe(UNCONFERENCE_PUBLISHED, (payload) => {
    if (payload.eventId === eventId && Number(payload.version) > last) catchUp();
  });
  const heartbeat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
  const stop = () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.raw.on("close", stop);
  res.on("close", stop);
  catchUp();
  return reply;
}
