import ical, { ICalEventStatus } from "ical-generator";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { DateTime } from "luxon";

/**
 * iCalendar (RFC 5545) for every feed Plenary publishes: the conference schedule, the
 * hackathon board, a person's agenda, the talks on the road. Written by ical-generator, with a
 * VTIMEZONE block for every zone used so calendar programs show the event's local time.
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
  /** The address of the feed itself, for programs that refresh it. */
  url?: string;
  /** How often subscribers should refresh, in seconds (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
  ttlSeconds?: number;
  items: readonly CalendarItem[];
}

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

export function writeCalendar(feed: CalendarFeed): string {
  const cal = ical({
    name: feed.name,
    prodId: { company: "Plenary", product: "Plenary", language: "EN" },
    timezone: { name: null, generator: getVtimezoneComponent },
    ...(feed.description ? { description: feed.description } : {}),
    ...(feed.url ? { url: feed.url, source: feed.url } : {}),
    ...(feed.ttlSeconds ? { ttl: feed.ttlSeconds } : {}),
  });
  for (const item of feed.items) {
    cal.createEvent({
      id: item.uid,
      sequence: item.sequence,
      start: DateTime.fromJSDate(item.start, { zone: item.timeZone }),
      end: DateTime.fromJSDate(item.end, { zone: item.timeZone }),
      timezone: item.timeZone,
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
