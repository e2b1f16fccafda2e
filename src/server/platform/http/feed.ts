import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** A feed (Atom, iCalendar) built once and served as bytes, with its validator. */
export interface FeedBody {
  body: string;
  etag: string;
}

export function feedBody(body: string): FeedBody {
  return { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
}

/**
 * Sends a feed; a reader that already has this version gets 304 Not Modified. A feed written
 * in the reader's language (`locale`) says so, and tells caches that it varies with the
 * language settings (the `lang` cookie, Accept-Language).
 */
export function sendFeed(req: FastifyRequest, reply: FastifyReply, contentType: string, feed: FeedBody, locale?: string): FastifyReply {
  reply.header("etag", feed.etag).header("cache-control", "public, max-age=300");
  if (locale) reply.header("content-language", locale).header("vary", "Cookie, Accept-Language");
  if (req.headers["if-none-match"] === feed.etag) return reply.code(304).send();
  return reply.type(contentType).send(feed.body);
}
