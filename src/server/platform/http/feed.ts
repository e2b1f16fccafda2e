import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** A feed (Atom, iCalendar, a schedule export) built once and served as bytes, with its validators. */
export interface FeedBody {
  body: string;
  /** The body encoded once, so serving it costs no UTF-8 encoding per request. */
  bytes: Buffer;
  /** Strong: a hash of the exact bytes. */
  etag: string;
  /** When what the feed shows last changed (sent as Last-Modified; If-Modified-Since is answered from it). */
  lastModified?: Date;
}

export function feedBody(body: string, lastModified?: Date): FeedBody {
  const bytes = Buffer.from(body, "utf8");
  return { body, bytes, etag: `"${createHash("sha1").update(bytes).digest("base64url")}"`, ...(lastModified ? { lastModified } : {}) };
}

/** If-None-Match may list several validators, or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || v === etag || v === `W/${etag}`;
  });
}

/**
 * Sends a feed; a reader that already has this version gets 304 Not Modified: by its ETag
 * (If-None-Match wins, RFC 9110 §13.2.2) or, without one, by its date (If-Modified-Since).
 * A feed written in the reader's language (`locale`) says so, and tells caches that it
 * varies with the language settings (the `lang` cookie, Accept-Language).
 */
export function sendFeed(req: FastifyRequest, reply: FastifyReply, contentType: string, feed: FeedBody, opts: { maxAgeSeconds?: number; locale?: string } = {}): FastifyReply {
  reply.header("etag", feed.etag).header("cache-control", `public, max-age=${opts.maxAgeSeconds ?? 300}`);
  if (opts.locale) reply.header("content-language", opts.locale).header("vary", "Cookie, Accept-Language");
  const modified = feed.lastModified ? new Date(Math.floor(feed.lastModified.getTime() / 1000) * 1000) : undefined;
  if (modified) reply.header("last-modified", modified.toUTCString());
  const inm = req.headers["if-none-match"];
  if (inm !== undefined) {
    if (matches(inm, feed.etag)) return reply.code(304).send();
  } else if (modified && req.headers["if-modified-since"]) {
    const since = Date.parse(req.headers["if-modified-since"]);
    if (!Number.isNaN(since) && modified.getTime() <= since) return reply.code(304).send();
  }
  return reply.type(contentType).send(feed.bytes);
}
