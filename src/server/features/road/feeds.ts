import type { AppContext } from "../../platform/context.js";
import type { Actor } from "../../platform/permissions.js";
import { writeAtom } from "../../platform/atom.js";
import { feedBody, type FeedBody } from "../../platform/http/feed.js";
import { writeCalendar } from "../../platform/calendar/index.js";
import { formatInstant } from "../../../shared/i18n/format.js";
import type { CalendarIndex, CalendarIndexes } from "./calendar-index.js";
import { talkUrl } from "./decide-talk.js";
import { communityAndPermit, feedUrls, filterQuery, selectTalks } from "./find-talks.js";
import { LIMITS, type CalendarFilters } from "./schema.js";
import { zoneOf, type LoadedTalk } from "./talk-views.js";

const FEED_TTL_MS = 60_000;
const built = new WeakMap<CalendarIndex, Map<string, { feed: FeedBody; expires: number }>>();

function speakersLine(t: LoadedTalk): string {
  return t.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(", ");
}

function place(t: LoadedTalk): string {
  const e = t.event!;
  return [e.venue, e.city, e.country].filter(Boolean).join(", ");
}

/** "Thu 27 Mar 2014, 11:30 (America/Los_Angeles)": a talk's time as the venue sees it. */
function localWhen(t: LoadedTalk): string {
  return formatInstant("en", t.talk.startsAt, zoneOf(t), "long");
}

function titleOf(f: CalendarFilters, origin: { label: string } | null): string {
  const parts = [f.when === "past" ? "past talks" : f.when === "all" ? "talks" : "upcoming talks"];
  if (f.topic) parts.push(`on ${f.topic}`);
  if (f.speaker) parts.push(`by ${f.speaker}`);
  if (f.country) parts.push(`in ${f.country}`);
  if (f.month) parts.push(`in ${f.month}`);
  if (origin) parts.push(f.within !== undefined ? `within ${f.within} km of ${origin.label}` : `nearest ${origin.label} first`);
  return parts.join(" ");
}

async function cached(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, f: CalendarFilters, kind: "ics" | "atom", write: (x: Awaited<ReturnType<typeof selectTalks>> & { community: { slug: string; name: string; createdAt: Date } }) => string): Promise<FeedBody> {
  const { community } = await communityAndPermit(ctx, actor, communitySlug);
  const index = await indexes.get(community.id);
  const key = `${kind}${filterQuery(f)}`;
  const forIndex = built.get(index) ?? built.set(index, new Map()).get(index)!;
  const hit = forIndex.get(key);
  if (hit && hit.expires > Date.now()) return hit.feed;
  const selected = await selectTalks(ctx, indexes, community, f, { limit: LIMITS.feedMax, offset: 0 });
  const body = write({ ...selected, community });
  const feed = feedBody(body);
  forIndex.set(key, { feed, expires: Date.now() + FEED_TTL_MS });
  return feed;
}

/** The selection as iCalendar: each talk at its instant, shown in the venue's zone. */
export function roadCalendar(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, f: CalendarFilters): Promise<FeedBody> {
  return cached(ctx, indexes, actor, communitySlug, f, "ics", ({ loaded, origin, community }) =>
    writeCalendar({
      name: `${community.name}: ${titleOf(f, origin)}`,
      description: `Talks ${community.name} community members give at other conferences.`,
      url: feedUrls(ctx, community.slug, f).ical,
      ttlSeconds: 3600,
      items: loaded.map((t) => ({
        uid: `road-talk-${t.talk.id}@${new URL(ctx.config.baseUrl).host}`,
        sequence: t.talk.revision,
        start: t.talk.startsAt,
        // RFC 5545: an event without an end ends at its start; that is what an unpublished end means.
        end: t.talk.endsAt ?? t.talk.startsAt,
        timeZone: zoneOf(t),
        summary: t.talk.title,
        description: [speakersLine(t), `at ${t.event!.name}`, t.talk.abstract, t.talk.sessionUrl ? `Session: ${t.talk.sessionUrl}` : "", t.talk.slidesUrl ? `Slides: ${t.talk.slidesUrl}` : "", t.talk.videoUrl ? `Video: ${t.talk.videoUrl}` : ""].filter(Boolean).join("\n\n"),
        location: place(t),
        url: talkUrl(ctx, community.slug, t.talk.id),
        categories: t.talk.topics,
        lastModified: t.talk.updatedAt,
      })),
    }),
  );
}

/** The selection as Atom: one entry per talk, updated when the talk changed. */
export function roadAtom(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, f: CalendarFilters): Promise<FeedBody> {
  return cached(ctx, indexes, actor, communitySlug, f, "atom", ({ loaded, origin, community, distance }) =>
    writeAtom({
      id: `${ctx.config.baseUrl}/communities/${community.slug}/road${filterQuery(f)}`,
      title: `${community.name}: ${titleOf(f, origin)}`,
      subtitle: `Talks ${community.name} community members give at other conferences.`,
      selfUrl: feedUrls(ctx, community.slug, f).atom,
      alternateUrl: `${ctx.config.baseUrl}/communities/${community.slug}/road${filterQuery(f)}`,
      emptyUpdated: community.createdAt,
      authors: [{ name: community.name }],
      entries: loaded.map((t) => {
        const km = distance.get(t.talk.id);
        return {
          id: `urn:uuid:${t.talk.id}`,
          title: t.talk.title,
          updated: t.talk.updatedAt,
          published: t.talk.decidedAt ?? t.talk.createdAt,
          link: talkUrl(ctx, community.slug, t.talk.id),
          authors: t.speakers.map((s) => ({ name: s.name })),
          categories: t.talk.topics.map((term) => ({ term })),
          summary: [`${localWhen(t)} at ${t.event!.name}, ${place(t)}${km != null ? ` (${km} km away)` : ""}.`, speakersLine(t), t.talk.abstract].filter(Boolean).join("\n\n"),
          links: [...(t.event!.website ? [{ rel: "related", href: t.event!.website, title: t.event!.name }] : []), ...(t.talk.videoUrl ? [{ rel: "related", href: t.talk.videoUrl, title: "Video" }] : [])],
        };
      }),
    }),
  );
}
