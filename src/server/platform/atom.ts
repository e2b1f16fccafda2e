import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";

/**
 * Atom (RFC 4287) for every feed Plenary publishes as news: announcements per community and
 * per tag, the road calendar. Written with xmlbuilder2, which escapes text and attributes.
 * Ids are stable (`urn:uuid:` of the row), and `updated` comes from the data, never from
 * the clock, so the same data gives the same bytes and feed readers see only real changes.
 * Paged feeds carry RFC 5005 `first`/`next`/`previous`/`last` links.
 */
export interface AtomPerson {
  name: string;
  uri?: string | null;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  published?: Date | null;
  /** The entry's page (rel="alternate"). */
  link: string;
  authors?: readonly AtomPerson[];
  categories?: readonly { term: string; label?: string }[];
  summary?: string | null;
  /** Sanitised HTML. */
  contentHtml?: string | null;
  /** Further links: an image (rel="enclosure"), the related event (rel="related"). */
  links?: readonly { rel: string; href: string; type?: string; title?: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address. */
  selfUrl: string;
  /** The page it mirrors. */
  alternateUrl: string;
  /** When nothing is in it: a fixed instant (the community's creation), never "now". */
  emptyUpdated: Date;
  authors?: readonly AtomPerson[];
  paging?: { first?: string; previous?: string; next?: string; last?: string };
  entries: readonly AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

function person(parent: XMLBuilder, tag: string, p: AtomPerson) {
  const el = parent.ele(tag);
  el.ele("name").txt(p.name);
  if (p.uri) el.ele("uri").txt(p.uri);
}

export function writeAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  const doc = create({ version: "1.0", encoding: "utf-8" });
  const root = doc.ele("http://www.w3.org/2005/Atom", "feed");
  root.ele("id").txt(feed.id);
  root.ele("title").txt(feed.title);
  if (feed.subtitle) root.ele("subtitle").txt(feed.subtitle);
  root.ele("updated").txt((feed.entries.length ? updated : feed.emptyUpdated).toISOString());
  root.ele("link", { rel: "self", type: "application/atom+xml", href: feed.selfUrl });
  root.ele("link", { rel: "alternate", type: "text/html", href: feed.alternateUrl });
  for (const [rel, href] of Object.entries(feed.paging ?? {})) if (href) root.ele("link", { rel, type: "application/atom+xml", href });
  // RFC 4287 wants an author on the feed when an entry has none.
  for (const a of feed.authors ?? []) person(root, "author", a);
  root.ele("generator").txt("Plenary");
  for (const e of feed.entries) {
    const entry = root.ele("entry");
    entry.ele("id").txt(e.id);
    entry.ele("title").txt(e.title);
    entry.ele("updated").txt(e.updated.toISOString());
    if (e.published) entry.ele("published").txt(e.published.toISOString());
    entry.ele("link", { rel: "alternate", type: "text/html", href: e.link });
    for (const l of e.links ?? []) entry.ele("link", { rel: l.rel, href: l.href, ...(l.type ? { type: l.type } : {}), ...(l.title ? { title: l.title } : {}) });
    for (const a of e.authors ?? []) person(entry, "author", a);
    for (const c of e.categories ?? []) entry.ele("category", { term: c.term, ...(c.label ? { label: c.label } : {}) });
    if (e.summary) entry.ele("summary", { type: "text" }).txt(e.summary);
    if (e.contentHtml) entry.ele("content", { type: "html" }).txt(e.contentHtml);
  }
  return doc.end({ prettyPrint: false });
}
