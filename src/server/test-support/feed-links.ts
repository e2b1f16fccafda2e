import { expect } from "vitest";
import { isPage } from "../../shared/pages.js";

/** Links that name a feed itself (RFC 4287 self, RFC 5005 paging, iCalendar SOURCE): these are the feed's own addresses. */
const FEED_RELS = new Set(["self", "first", "last", "next", "previous", "source"]);

/** Every link an Atom feed or an iCalendar file carries: Atom `<link>` elements (an `<id>` names, it does not link); iCalendar URL and SOURCE. */
export function feedLinks(body: string): { rel: string; href: string }[] {
  if (body.startsWith("BEGIN:VCALENDAR")) {
    // Unfold continuation lines first (RFC 5545 §3.1).
    const lines = body.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
    return lines.flatMap((l) => {
      const m = /^(URL|SOURCE)(?:;[^:]*)?:(.*)$/.exec(l);
      return m ? [{ rel: m[1]!.toLowerCase(), href: m[2]! }] : [];
    });
  }
  return [...body.matchAll(/<link\b([^>]*)\/?>/g)].map(([, attrs]) => ({
    rel: /\brel="([^"]*)"/.exec(attrs!)?.[1] ?? "alternate",
    href: (/\bhref="([^"]*)"/.exec(attrs!)?.[1] ?? "").replace(/&amp;/g, "&"),
  }));
}

/**
 * A feed's links lead readers to this instance's web pages, never to its API: every link on
 * `base` that is not the feed's own address is a page of the web app. Links elsewhere (an
 * event's website, a video) are left alone.
 */
export function expectLinksToWebPages(body: string, base: string): void {
  const links = feedLinks(body);
  expect(links.length).toBeGreaterThan(0);
  for (const { rel, href } of links) {
    if (!href.startsWith(base)) continue;
    const path = new URL(href).pathname;
    if (FEED_RELS.has(rel)) expect(path, `${rel} ${href}`).toMatch(/^\/api\/v1\/.*\.(atom|ics)$/);
    else expect(isPage(path) && !path.startsWith("/api/"), `${rel} ${href} is a web page`).toBe(true);
  }
}
