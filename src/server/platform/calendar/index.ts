import ical, { ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { vtimezone, zoneOffset } from "./vtimezone.js";

export { zoneOffset };

/**
 * iCalendar (RFC 5545) for every feed Plenary publishes: the conference schedule, the
 * hackathon board, a person's agenda, the talks on the road. Written by ical-generator, with a
 * VTIMEZONE block for every zone used (computed from the runtime's zone data for the period the
 * feed covers, vtimezone.ts) so calendar programs show the event's local time.
 * ical-generator writes a native Date's UTC fields as local time under TZID, so instants are
 * handed to it as Luxon DateTimes in their zone (the one way it converts correctly).
 */
export interface CalendarItem {
  /** Stable across feeds and versions, globally unique: `<kind>-<id>@<host>`. */
  uid: string;
  /** Raised on every change a subscriber should notice (a move, a new title). */
  sequence: number;
  start: Date;
  end: Date;
  /** IANA zone the item is shown in; written as TZID with its VTIMEZONE. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  categories?: string[];
  lastModified?: Date;
  cancelled?: boolean;
}

export interface CalendarFeed {
  name: string;
  description?: string;
  /** The address of the feed itself, for programs that refresh it (SOURCE). */
  url?: string;
  /** The web page that shows the same (URL); without one, URL is the feed's address. */
  pageUrl?: string;
  /** How often subscribers should refresh, in seconds (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
  ttlSeconds?: number;
  items: readonly CalendarItem[];
}

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/**
 * Whether the wall-clock time of `d` in `zone` happens twice (the hour a clock is put back):
 * readers do not agree which of the two a local time means, so such an item is written in UTC.
 */
export function ambiguous(d: Date, zone: string): boolean {
  const own = zoneOffset(d.getTime(), zone);
  for (const h of [-3, 3]) {
    const other = zoneOffset(d.getTime() + h * 3_600_000, zone);
    if (other === own) continue;
    if (zoneOffset(d.getTime() + (own - other) * 60_000, zone) === other) return true;
  }
  return false;
}

function zoneOf(item: CalendarItem): string {
  return ambiguous(item.start, item.timeZone) || ambiguous(item.end, item.timeZone) ? "UTC" : item.timeZone;
}

export function writeCalendar(feed: CalendarFeed): string {
  // ical-generator escapes an event's text but writes the calendar's name and description as given: one line each.
  const line = (s: string) => s.replace(/[\r\n]+/g, " ");
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const i of feed.items) (spans.get(i.timeZone) ?? spans.set(i.timeZone, []).get(i.timeZone)!).push({ start: i.start.getTime(), end: i.end.getTime() });
  const cal = ical({
    name: line(feed.name),
    prodId: { company: "Plenary", product: "Plenary", language: "EN" },
    timezone: { name: null, generator: (zone: string) => (zone === "UTC" ? null : vtimezone(zone, spans.get(zone) ?? [])) },
    ...(feed.description ? { description: line(feed.description) } : {}),
    ...(feed.url ? { source: feed.url } : {}),
    ...(feed.pageUrl || feed.url ? { url: feed.pageUrl ?? feed.url } : {}),
    ...(feed.ttlSeconds ? { ttl: feed.ttlSeconds } : {}),
  });
  for (const item of feed.items) {
    const zone = zoneOf(item);
    cal.createEvent({
      id: item.uid,
      sequence: item.sequence,
      start: DateTime.fromJSDate(item.start, { zone }),
      end: DateTime.fromJSDate(item.end, { zone }),
      timezone: zone,
      // DTSTAMP is when this copy was written; a fixed stamp per item keeps feeds byte-stable between rebuilds.
      stamp: DateTime.fromJSDate(item.lastModified ?? item.start, { zone: "UTC" }),
      summary: item.summary,
      ...(item.description ? { description: item.description } : {}),
      ...(item.location ? { location: item.location } : {}),
      ...(item.url ? { url: item.url } : {}),
      ...(item.categories?.length ? { categories: item.categories.map((name) => ({ name })) } : {}),
      ...(item.lastModified ? { lastModified: DateTime.fromJSDate(item.lastModified, { zone: "UTC" }) } : {}),
      ...(item.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  return cal.toString();
}
