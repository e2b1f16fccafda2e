import { vtimezone, zoneOffset } from "./vtimezone.js";

export { zoneOffset };

/**
 * iCalendar (RFC 5545) for every feed Plenary publishes: the conference schedule, the
 * hackathon board, a person's agenda, the talks on the road, with a VTIMEZONE block for every
 * zone used (computed from the runtime's zone data for the period the feed covers,
 * vtimezone.ts) so calendar programs show the event's local time.
 * Written line by line here: ical-generator (used before) measured each character's UTF-8
 * length with a new TextEncoder while folding and built two Luxon objects per instant, which
 * made a 1,000-session feed take half a second. What it did is kept: TEXT escaping (§3.3.11),
 * folding at 75 octets without splitting a character (§3.1), local times under TZID.
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

/** TEXT values (§3.3.11): backslash, semicolon and comma escaped; every line break written as \n. */
export function icalText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** One content line, folded so no physical line passes 75 octets (a continuation starts with a space); a character is never split. */
function fold(line: string): string {
  // Fast path: a line of at most 75 UTF-16 units is at most 75 octets only when it is ASCII; check cheaply.
  if (line.length <= 25 || (line.length <= 75 && !/[\u0080-\uffff]/.test(line))) return line;
  let out = "";
  let octets = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    const pair = c >= 0xd800 && c <= 0xdbff && k + 1 < line.length;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + n > 75) {
      out += "\r\n ";
      octets = 1;
    }
    out += pair ? line[k]! + line[++k]! : line[k]!;
    octets += n;
  }
  return out;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 20240331T020000 (local, under a TZID) or 20240331T020000Z (UTC), to the second; from the date's fields, since a feed writes thousands. */
function dateTime(d: Date, zone: string): string {
  const ms = Math.floor(d.getTime() / 1000) * 1000;
  const w = new Date(zone === "UTC" ? ms : ms + zoneOffset(ms, zone) * 60_000);
  const s = `${String(w.getUTCFullYear()).padStart(4, "0")}${two(w.getUTCMonth() + 1)}${two(w.getUTCDate())}T${two(w.getUTCHours())}${two(w.getUTCMinutes())}${two(w.getUTCSeconds())}`;
  return zone === "UTC" ? `${s}Z` : s;
}

const when = (name: string, d: Date, zone: string) => (zone === "UTC" ? `${name}:${dateTime(d, zone)}` : `${name};TZID=${zone}:${dateTime(d, zone)}`);

/** A duration as REFRESH-INTERVAL and X-PUBLISHED-TTL want it (PT1H, PT1H30M, PT45S). */
function icalDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

export function writeCalendar(feed: CalendarFeed): string {
  // The calendar's name and description are one line each; calendar programs show them as titles.
  const oneLine = (s: string) => icalText(s.replace(/[\r\n]+/g, " "));
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Plenary//Plenary//EN"];
  // URL is the page a person opens; SOURCE is where a program fetches the feed again.
  if (feed.pageUrl || feed.url) lines.push(`URL:${feed.pageUrl ?? feed.url}`);
  if (feed.url) lines.push(`SOURCE;VALUE=URI:${feed.url}`);
  lines.push(`NAME:${oneLine(feed.name)}`, `X-WR-CALNAME:${oneLine(feed.name)}`);
  if (feed.description) lines.push(`X-WR-CALDESC:${oneLine(feed.description)}`);
  if (feed.ttlSeconds) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${icalDuration(feed.ttlSeconds)}`, `X-PUBLISHED-TTL:${icalDuration(feed.ttlSeconds)}`);

  // A VTIMEZONE for every zone an item is written in, covering the instants of the items shown in that zone.
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const i of feed.items) (spans.get(i.timeZone) ?? spans.set(i.timeZone, []).get(i.timeZone)!).push({ start: i.start.getTime(), end: i.end.getTime() });
  const zones = feed.items.map(zoneOf);
  for (const zone of new Set(zones)) if (zone !== "UTC") lines.push(...vtimezone(zone, spans.get(zone) ?? []).split("\r\n"));

  for (const [k, item] of feed.items.entries()) {
    const zone = zones[k]!;
    // DTSTAMP is when this copy was written; a fixed stamp per item keeps feeds byte-stable between rebuilds.
    lines.push("BEGIN:VEVENT", `UID:${item.uid}`, `SEQUENCE:${item.sequence}`, `DTSTAMP:${dateTime(item.lastModified ?? item.start, "UTC")}`);
    lines.push(when("DTSTART", item.start, zone), when("DTEND", item.end, zone), `SUMMARY:${icalText(item.summary)}`);
    if (item.location) lines.push(`LOCATION:${icalText(item.location)}`);
    if (item.description) lines.push(`DESCRIPTION:${icalText(item.description)}`);
    if (item.categories?.length) lines.push(`CATEGORIES:${item.categories.map(icalText).join(",")}`);
    if (item.url) lines.push(`URL;VALUE=URI:${item.url}`);
    if (item.lastModified) lines.push(`LAST-MODIFIED:${dateTime(item.lastModified, "UTC")}`);
    if (item.cancelled) lines.push("STATUS:CANCELLED");
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n");
}
