import type { AppContext } from "../../platform/context.js";
import type { Actor } from "../../platform/permissions.js";
import { writeAtom } from "../../platform/atom.js";
import { feedBody, type FeedBody } from "../../platform/http/feed.js";
import { writeCalendar } from "../../platform/calendar/index.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { formatDate, formatDistance, formatInstant } from "../../../shared/i18n/format.js";
import type { Locale } from "../../../shared/i18n/locales.js";
import type { Translator } from "../../../shared/i18n/translator.js";
import type { Calendar, CalendarIndexes } from "./calendar-index.js";
import { talkUrl } from "./decide-talk.js";
import { communityAndPermit, feedUrls, filterQuery, selectTalks } from "./find-talks.js";
import { LIMITS, type CalendarFilters } from "./schema.js";
import { zoneOf, type LoadedTalk } from "./talk-views.js";

const FEED_TTL_MS = 60_000;
/** Feeds built from a community's calendar, for the calendar's version they were built from. */
const built = new WeakMap<Calendar, { version: number; feeds: Map<string, { feed: FeedBody; expires: number }> }>();

/** The web page of a selection: what a feed's links lead a reader to. */
function pageUrl(ctx: AppContext, communitySlug: string, f: CalendarFilters): string {
  return `${ctx.config.baseUrl}/communities/${communitySlug}/road${filterQuery(f)}`;
}

function speakersLine(t: LoadedTalk): string {
  return t.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(", ");
}

function place(t: LoadedTalk): string {
  const e = t.event!;
  return [e.venue, e.city, e.country].filter(Boolean).join(", ");
}

/** "Thursday, 27 March 2014 at 11:30 (America/Los_Angeles)": a talk's time as the venue sees it. */
function localWhen(locale: Locale, t: LoadedTalk): string {
  return formatInstant(locale, t.talk.startsAt, zoneOf(t), "long");
}

/** "Xen Project: upcoming talks on arm within 500 km of Munich, Germany", in the reader's language. */
function titleOf(tr: Translator, community: string, f: CalendarFilters, origin: { label: string } | null): string {
  const from = !origin ? "none" : `${f.within !== undefined ? "within" : "nearest"}${f.near !== undefined ? "Me" : ""}`;
  const selection = tr.t("road.feed.selection", {
    when: f.when,
    hasTopic: f.topic ? "yes" : "no",
    topic: f.topic ?? "",
    hasSpeaker: f.speaker ? "yes" : "no",
    speaker: f.speaker ?? "",
    hasCountry: f.country ? "yes" : "no",
    country: f.country ?? "",
    hasMonth: f.month ? "yes" : "no",
    month: f.month ? formatDate(tr.locale, `${f.month}-01`, "monthYear") : "",
    origin: from,
    distance: f.within !== undefined ? formatDistance(tr.locale, f.within) : "",
    place: origin?.label ?? "",
  });
  return tr.t("road.feed.title", { community, selection });
}

type Written = Awaited<ReturnType<typeof selectTalks>> & { community: { slug: string; name: string; createdAt: Date }; tr: Translator };

/** A feed of one selection in one language, built at most once a minute and kept as bytes. */
async function cached(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, f: CalendarFilters, locale: Locale, kind: "ics" | "atom", write: (x: Written) => string): Promise<FeedBody> {
  const { community } = await communityAndPermit(ctx, actor, communitySlug);
  const index = await indexes.get(community.id);
  const key = `${kind}|${locale}${filterQuery(f)}`;
  let kept = built.get(index);
  if (kept?.version !== index.version) built.set(index, (kept = { version: index.version, feeds: new Map() }));
  const forIndex = kept.feeds;
  const hit = forIndex.get(key);
  if (hit && hit.expires > Date.now()) return hit.feed;
  const tr = translator(locale);
  const selected = await selectTalks(ctx, indexes, community, f, { limit: LIMITS.feedMax, offset: 0 }, tr.t("road.list.yourLocation"));
  const body = write({ ...selected, community, tr });
  const feed = feedBody(body);
  forIndex.set(key, { feed, expires: Date.now() + FEED_TTL_MS });
  return feed;
}

/** The selection as iCalendar: each talk at its instant, shown in the venue's zone. */
export function roadCalendar(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, f: CalendarFilters, locale: Locale): Promise<FeedBody> {
  return cached(ctx, indexes, actor, communitySlug, f, locale, "ics", ({ loaded, origin, community, tr }) =>
    writeCalendar({
      name: titleOf(tr, community.name, f, origin),
      description: tr.t("road.feed.description", { community: community.name }),
      url: feedUrls(ctx, community.slug, f).ical,
      pageUrl: pageUrl(ctx, community.slug, f),
      ttlSeconds: 3600,
      items: loaded.map((t) => ({
        uid: `road-talk-${t.talk.id}@${new URL(ctx.config.baseUrl).host}`,
        sequence: t.talk.revision,
        start: t.talk.startsAt,
        // RFC 5545: an event without an end ends at its start; that is what an unpublished end means.
        end: t.talk.endsAt ?? t.talk.startsAt,
        timeZone: zoneOf(t),
        summary: t.talk.title,
        description: [
          speakersLine(t),
          tr.t("road.feed.atEvent", { event: t.event!.name }),
          t.talk.abstract,
          t.talk.sessionUrl ? tr.t("road.feed.session", { url: t.talk.sessionUrl }) : "",
          t.talk.slidesUrl ? tr.t("road.feed.slides", { url: t.talk.slidesUrl }) : "",
          t.talk.videoUrl ? tr.t("road.feed.video", { url: t.talk.videoUrl }) : "",
        ]
          .filter(Boolean)
          .join("\n\n"),
        location: place(t),
        url: talkUrl(ctx, community.slug, t.talk.id),
        categories: t.talk.topics,
        lastModified: t.talk.updatedAt,
      })),
    }),
  );
}

/** The selection as Atom: one entry per talk, updated when the talk changed. */
export function roadAtom(ctx: AppContext, indexes: CalendarIndexes, actor: Actor, communitySlug: string, f: CalendarFilters, locale: Locale): Promise<FeedBody> {
  return cached(ctx, indexes, actor, communitySlug, f, locale, "atom", ({ loaded, origin, community, distance, tr }) =>
    writeAtom({
      id: pageUrl(ctx, community.slug, f),
      title: titleOf(tr, community.name, f, origin),
      subtitle: tr.t("road.feed.description", { community: community.name }),
      selfUrl: feedUrls(ctx, community.slug, f).atom,
      alternateUrl: pageUrl(ctx, community.slug, f),
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
          summary: [
            tr.t("road.feed.summary", { when: localWhen(tr.locale, t), event: t.event!.name, place: place(t), away: km != null ? "yes" : "no", distance: km != null ? formatDistance(tr.locale, km) : "" }),
            speakersLine(t),
            t.talk.abstract,
          ]
            .filter(Boolean)
            .join("\n\n"),
          links: [...(t.event!.website ? [{ rel: "related", href: t.event!.website, title: t.event!.name }] : []), ...(t.talk.videoUrl ? [{ rel: "related", href: t.talk.videoUrl, title: tr.t("road.talk.video") }] : [])],
        };
      }),
    }),
  );
}
