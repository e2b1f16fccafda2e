import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { zoneOffset } from "../../../platform/calendar/index.js";
import type { Programme, ProgrammeItem, ProgrammeRoom } from "../../../platform/programme.js";
import { slugify } from "../../../../shared/slug.js";

/**
 * What every schedule writer needs from a programme, computed once: the frab acronym, a
 * stable integer and slug per item, the days with each day's items by room, track slugs.
 * The writers know nothing of where the programme came from (a released conference
 * schedule, a hackathon board, an external event's talks).
 */
export interface ShapedDay {
  index: number;
  date: string;
  start: Date;
  end: Date;
  byRoom: Map<string, ProgrammeItem[]>;
}

export interface Shaped {
  p: Programme;
  acronym: string;
  zone: string;
  rooms: ProgrammeRoom[];
  /** Room names made unique (the JSON keys a day's rooms by name). */
  roomName: Map<string, string>;
  days: ShapedDay[];
  number: Map<string, number>;
  slug: Map<string, string>;
  tracks: { name: string; slug: string }[];
  language: string;
}

/** Characters XML 1.0 cannot carry (most C0 controls, U+FFFE/U+FFFF, unpaired surrogates) are dropped; line ends become \n as any parser would make them. */
// eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these control characters: matching them is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function clean(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(NOT_XML, "");
}

/** Attribute values: XML parsers turn line breaks and tabs there into spaces, so we write spaces. */
export const attr = (s: string) => clean(s).replace(/[\t\n]/g, " ");

/** frab acronym: lowercase letters, digits and underscores, at least four (both schemas accept it). */
export function acronymOf(slug: string): string {
  const a = slug.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  return a.padEnd(4, "_");
}

/** A track's slug as both schemas want it: a letter first, then letters, digits and hyphens. */
export function trackSlug(name: string): string {
  const s = slugify(name, 50);
  if (/^[a-z][a-z0-9-]*[a-z0-9]$/.test(s)) return s;
  return `track-${s || createHash("sha1").update(name).digest("hex").slice(0, 8)}`;
}

/** A positive integer from a UUID, for items whose owner keeps no number. */
const hashNumber = (id: string) => (Number.parseInt(createHash("sha1").update(id).digest("hex").slice(0, 7), 16) % 9_000_000) + 1;

/**
 * "2014-08-18T09:30:00-05:00": the instant as wall-clock time in the zone, with its offset.
 * A schedule's sessions share a few dozen start and end times, and every output writes them:
 * the strings are kept per zone and second.
 */
const written = new Map<string, Map<number, string>>();
let writtenCount = 0;
export function isoLocal(d: Date, zone: string): string {
  const sec = Math.floor(d.getTime() / 1000);
  let inZone = written.get(zone);
  if (!inZone) written.set(zone, (inZone = new Map()));
  const hit = inZone.get(sec);
  if (hit !== undefined) return hit;
  const off = zoneOffset(sec * 1000, zone);
  const wall = new Date(sec * 1000 + off * 60_000).toISOString().slice(0, 19);
  const a = Math.abs(off);
  const out = `${wall}${off < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
  if (++writtenCount > 100_000) {
    written.clear();
    writtenCount = 0;
  }
  (written.get(zone) ?? written.set(zone, new Map()).get(zone)!).set(sec, out);
  return out;
}
export const hhmm = (d: Date, zone: string) => isoLocal(d, zone).slice(11, 16);
export const localDate = (d: Date, zone: string) => isoLocal(d, zone).slice(0, 10);
export function duration(start: Date, end: Date): string {
  const m = Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000));
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) out.push(d);
  return out;
}

export function shape(p: Programme): Shaped {
  const zone = p.event.timeZone;
  const acronym = acronymOf(p.event.slug);
  const rooms = [...p.rooms].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const roomName = new Map<string, string>();
  const taken = new Set<string>();
  for (const r of rooms) {
    let name = attr(r.name) || "Room";
    for (let k = 2; taken.has(name); k++) name = `${attr(r.name) || "Room"} (${k})`;
    taken.add(name);
    roomName.set(r.id, name);
  }

  const number = new Map<string, number>();
  const used = new Set<number>();
  const owned = p.items.filter((i) => i.number && i.number > 0);
  for (const i of owned) {
    if (used.has(i.number!)) continue;
    number.set(i.id, i.number!);
    used.add(i.number!);
  }
  for (const i of [...p.items].sort((a, b) => a.id.localeCompare(b.id))) {
    if (number.has(i.id)) continue;
    let n = hashNumber(i.id);
    while (used.has(n)) n++;
    number.set(i.id, n);
    used.add(n);
  }
  // The XSD wants at least four characters after the acronym's hyphen.
  const tail = (i: ProgrammeItem) => [number.get(i.id), slugify(i.title, 40)].filter(Boolean).join("-");
  const slug = new Map(p.items.map((i) => [i.id, `${acronym}-${tail(i).length >= 4 ? tail(i) : `${tail(i)}-session`}`]));

  // Days: the owner's, else the event's dates; an item belongs to the day it starts in, else to its local date.
  const days = new Map<string, { start: Date; end: Date; items: ProgrammeItem[]; planned: boolean }>();
  if (p.days?.length) for (const d of p.days) days.set(d.date, { start: d.start, end: d.end, items: [], planned: true });
  else for (const date of dateRange(p.event.startDate, p.event.endDate)) {
    const start = DateTime.fromISO(date, { zone }).startOf("day");
    days.set(date, { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate(), items: [], planned: false });
  }
  for (const i of p.items) {
    const t = i.start.getTime();
    let date = [...days].find(([, d]) => d.planned && d.start.getTime() <= t && t < d.end.getTime())?.[0];
    date ??= localDate(i.start, zone);
    let d = days.get(date);
    if (!d) {
      const start = DateTime.fromISO(date, { zone }).startOf("day");
      d = { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate(), items: [], planned: false };
      days.set(date, d);
    }
    d.items.push(i);
  }
  const shapedDays: ShapedDay[] = [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, d], k) => {
      const byRoom = new Map(rooms.map((r) => [r.id, [] as ProgrammeItem[]]));
      for (const i of [...d.items].sort((a, b) => a.start.getTime() - b.start.getTime())) byRoom.get(i.roomId)?.push(i);
      // A day stretches to hold what it holds (a session past the planned end, one before midnight).
      const start = Math.min(d.start.getTime(), ...d.items.map((i) => i.start.getTime()));
      const end = Math.max(d.end.getTime(), ...d.items.map((i) => i.end.getTime()));
      return { index: k + 1, date, start: new Date(start), end: new Date(end), byRoom };
    });

  const trackNames = [...new Set(p.items.map((i) => i.track).filter((t): t is string => !!t))].sort();
  return {
    p,
    acronym,
    zone,
    rooms,
    roomName,
    days: shapedDays,
    number,
    slug,
    tracks: trackNames.map((name) => ({ name: clean(name), slug: trackSlug(name) })),
    language: p.event.language ?? "en",
  };
}

export const GENERATOR = { name: "Plenary", version: "0.1.0" } as const;
