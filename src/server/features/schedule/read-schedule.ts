import { DOMParser, type Element } from "@xmldom/xmldom";
import { parse as parseJson, type AnyNode } from "@humanwhocodes/momoa";
import { DateTime } from "luxon";
import { msg, type Msg } from "../../../shared/i18n/catalogue.js";
import { slugify } from "../../../shared/slug.js";
import { clean } from "./outputs/shape.js";

/**
 * Reads a frab/pretalx schedule (schedule.xml, or schedule.json version 1) into what an import
 * needs, checking as it goes and noting the line of every problem: a file with problems is
 * refused with its first ones and imports nothing. XML is parsed by xmldom (no DTD, no
 * external entities are ever fetched), JSON by momoa, both keeping line numbers.
 */
export interface ReadSession {
  guid: string;
  number: number | null;
  title: string;
  subtitle: string;
  abstract: string;
  description: string;
  type: string;
  track: string | null;
  language: string | null;
  room: string;
  start: Date;
  durationMinutes: number;
  persons: { guid: string | null; name: string }[];
}

export interface ReadSchedule {
  title: string;
  acronym: string;
  slug: string;
  timeZone: string;
  url: string | null;
  slotMinutes: number;
  rooms: { name: string; guid: string | null; capacity: number | null }[];
  days: { date: string; start: Date; end: Date }[];
  sessions: ReadSession[];
  /** Breaks, as version 2 of the JSON lists them (in one room, or with `room` null in all). */
  breaks: { guid: string | null; title: string; room: string | null; start: Date; end: Date }[];
}

export interface ReadProblem {
  line: number;
  message: Msg;
}

export const PROBLEMS_SHOWN = 10;
const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
const HHMM = /^(\d{1,2}):(\d{2})(?::(\d{1,2}))?$/;
const DATE_TIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{1,2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class Problems {
  readonly list: ReadProblem[] = [];
  /** Every problem's message names its line. */
  add(line: number, message: Msg): void {
    this.list.push({ line, message: msg(message.id, { ...message.values, line }) });
  }
}

/** A title as written, without what XML cannot carry; surrounding space goes unless there is nothing else. */
const titleOf = (raw: string) => {
  const c = clean(raw);
  return c.trim() || c;
};

const minutesOf = (s: string) => {
  const m = HHMM.exec(s)!;
  return Number(m[1]) * 60 + Number(m[2]);
};

function validZone(z: string | null | undefined): string | null {
  return z && DateTime.now().setZone(z).isValid ? z : null;
}

function finish(doc: Omit<ReadSchedule, "slug" | "days" | "slotMinutes" | "breaks"> & { slot: string | null; days: ReadSchedule["days"]; breaks?: ReadSchedule["breaks"] }): ReadSchedule {
  const slotMinutes = doc.slot && HHMM.test(doc.slot) ? Math.min(120, Math.max(5, minutesOf(doc.slot))) : 15;
  return { ...doc, breaks: doc.breaks ?? [], slotMinutes, slug: slugify(doc.acronym.replace(/_/g, "-"), 60) || slugify(doc.title, 60) || "imported-schedule" };
}

// ---------------------------------------------------------------- XML

const kids = (e: Element, name: string) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);
const kid = (e: Element, name: string) => kids(e, name)[0];
const text = (e: Element | undefined) => (e?.textContent ?? "").trim();
const lineOf = (e: Element) => (e as unknown as { lineNumber?: number }).lineNumber ?? 0;

export function readScheduleXml(source: string): { schedule: ReadSchedule | null; problems: ReadProblem[] } {
  const p = new Problems();
  let root: Element | null;
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(source, "text/xml");
    root = doc.documentElement;
  } catch (e) {
    const locator = (e as { locator?: { lineNumber?: number } }).locator;
    p.add(locator?.lineNumber ?? 1, msg("schedule.import.notXml", { problem: (e as Error).message.split("\n")[0]! }));
    return { schedule: null, problems: p.list };
  }
  if (!root || root.tagName !== "schedule") {
    p.add(root ? lineOf(root) : 1, msg("schedule.import.rootXml"));
    return { schedule: null, problems: p.list };
  }
  const conf = kid(root, "conference");
  if (!conf) p.add(lineOf(root), msg("schedule.import.missing", { what: "conference" }));
  const title = conf ? titleOf(kid(conf, "title")?.textContent ?? "") : "";
  if (conf && !title) p.add(lineOf(conf), msg("schedule.import.missing", { what: "conference/title" }));
  const zone = validZone(conf ? text(kid(conf, "time_zone_name")) : null);
  const days: ReadSchedule["days"] = [];
  const rooms = new Map<string, ReadSchedule["rooms"][number]>();
  const sessions: ReadSession[] = [];
  const dayEls = kids(root, "day");
  if (!dayEls.length) p.add(lineOf(root), msg("schedule.import.missing", { what: "day" }));
  for (const d of dayEls) {
    const date = d.getAttribute("date") ?? "";
    const start = d.getAttribute("start") ?? "";
    const end = d.getAttribute("end") ?? "";
    if (!DATE.test(date)) p.add(lineOf(d), msg("schedule.import.badValue", { what: "day/@date", value: date }));
    if (!DATE_TIME_TZ.test(start)) p.add(lineOf(d), msg("schedule.import.badValue", { what: "day/@start", value: start }));
    if (!DATE_TIME_TZ.test(end)) p.add(lineOf(d), msg("schedule.import.badValue", { what: "day/@end", value: end }));
    if (DATE.test(date) && DATE_TIME_TZ.test(start) && DATE_TIME_TZ.test(end)) days.push({ date, start: new Date(start), end: new Date(end) });
    for (const r of kids(d, "room")) {
      const name = r.getAttribute("name") ?? "";
      if (!name) p.add(lineOf(r), msg("schedule.import.missing", { what: "room/@name" }));
      const guid = r.getAttribute("guid");
      if (name && !rooms.has(name)) rooms.set(name, { name, guid: guid && UUID.test(guid) ? guid.toLowerCase() : null, capacity: null });
      for (const ev of kids(r, "event")) {
        const line = lineOf(ev);
        const guid = ev.getAttribute("guid") ?? "";
        if (!UUID.test(guid)) p.add(line, msg("schedule.import.badValue", { what: "event/@guid", value: guid }));
        const id = Number(ev.getAttribute("id"));
        const titleEl = kid(ev, "title");
        const titleText = titleOf(titleEl?.textContent ?? "");
        if (!titleEl || !titleText) p.add(line, msg("schedule.import.missing", { what: "event/title" }));
        const dateText = text(kid(ev, "date"));
        const startText = text(kid(ev, "start"));
        const durText = text(kid(ev, "duration"));
        if (!HHMM.test(durText)) p.add(line, msg("schedule.import.badValue", { what: "event/duration", value: durText }));
        let at: Date | null = null;
        if (DATE_TIME_TZ.test(dateText)) at = new Date(dateText);
        else if (HHMM.test(startText) && DATE.test(date) && zone) at = DateTime.fromISO(`${date}T${startText.padStart(5, "0")}`, { zone }).toJSDate();
        if (!at) p.add(line, msg("schedule.import.badValue", { what: "event/date", value: dateText }));
        if (!UUID.test(guid) || !titleText || !at || !HHMM.test(durText)) continue;
        sessions.push({
          guid: guid.toLowerCase(),
          number: Number.isInteger(id) && id > 0 ? id : null,
          title: titleText,
          subtitle: text(kid(ev, "subtitle")),
          abstract: text(kid(ev, "abstract")),
          description: text(kid(ev, "description")),
          type: text(kid(ev, "type")) || "talk",
          track: text(kid(ev, "track")) || null,
          language: text(kid(ev, "language")) || null,
          room: text(kid(ev, "room")) || name,
          start: at,
          durationMinutes: Math.max(5, minutesOf(durText)),
          persons: kids(kid(ev, "persons") ?? ev, "person").map((x) => ({ guid: UUID.test(x.getAttribute("guid") ?? "") ? x.getAttribute("guid")!.toLowerCase() : null, name: text(x) })),
        });
      }
    }
  }
  const firstOffsetZone = zone ?? "UTC";
  if (p.list.length) return { schedule: null, problems: p.list.slice(0, PROBLEMS_SHOWN) };
  return {
    schedule: finish({ title, acronym: text(kid(conf!, "acronym")) || slugify(title), timeZone: firstOffsetZone, url: text(kid(conf!, "url")) || null, slot: text(kid(conf!, "timeslot_duration")) || null, rooms: [...rooms.values()], days, sessions }),
    problems: [],
  };
}

// ---------------------------------------------------------------- JSON

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** Values with the line of each object, and of each member of an object, kept beside them. */
class Located {
  readonly lines = new WeakMap<object, { self: number; keys: Map<string, number> }>();
  value(n: AnyNode): Json {
    switch (n.type) {
      case "Object": {
        const o: Record<string, Json> = {};
        const keys = new Map<string, number>();
        for (const m of n.members) {
          const k = m.name.type === "String" ? m.name.value : m.name.name;
          o[k] = this.value(m.value);
          keys.set(k, m.loc.start.line);
        }
        this.lines.set(o, { self: n.loc.start.line, keys });
        return o;
      }
      case "Array": {
        const a = n.elements.map((e) => this.value(e.value));
        this.lines.set(a, { self: n.loc.start.line, keys: new Map(n.elements.map((e, i) => [String(i), e.loc.start.line])) });
        return a;
      }
      case "String":
      case "Number":
      case "Boolean":
        return n.value;
      case "Null":
        return null;
      default:
        return null;
    }
  }
  line(o: object, key?: string): number {
    const l = this.lines.get(o);
    return (key !== undefined ? l?.keys.get(key) : undefined) ?? l?.self ?? 1;
  }
}

const isObj = (v: Json | undefined): v is Record<string, Json> => !!v && typeof v === "object" && !Array.isArray(v);
const str = (v: Json | undefined) => (typeof v === "string" ? v : "");

export function readScheduleJson(source: string): { schedule: ReadSchedule | null; problems: ReadProblem[] } {
  const p = new Problems();
  const loc = new Located();
  let doc: Json;
  try {
    doc = loc.value(parseJson(source, { mode: "json" }).body);
  } catch (e) {
    p.add((e as { line?: number }).line ?? 1, msg("schedule.import.notJson", { problem: (e as Error).message.replace(/\s*\(\d+:\d+\)$/, "") }));
    return { schedule: null, problems: p.list };
  }
  const schedule = isObj(doc) ? doc.schedule : undefined;
  const conf = isObj(schedule) ? schedule.conference : undefined;
  if (!isObj(doc) || !isObj(schedule) || !isObj(conf)) {
    p.add(isObj(doc) ? loc.line(doc, "schedule") : 1, msg("schedule.import.missing", { what: "schedule.conference" }));
    return { schedule: null, problems: p.list };
  }
  const title = titleOf(str(conf.title));
  if (!title) p.add(loc.line(conf, "title"), msg("schedule.import.missing", { what: "conference.title" }));
  const zone = validZone(str(conf.time_zone_name));
  const rooms = roomsOf(conf);
  // Version 2 (c3voc schema2, as pretalx and Plenary write it): one list of events, each with its start and end.
  if (Array.isArray(schedule.events)) return readScheduleJson2(p, loc, schedule.events, conf, title, zone, rooms);
  const days: ReadSchedule["days"] = [];
  const sessions: ReadSession[] = [];
  if (!Array.isArray(conf.days) || !conf.days.length) p.add(loc.line(conf, "days"), msg("schedule.import.missing", { what: "conference.days" }));
  for (const d of Array.isArray(conf.days) ? conf.days : []) {
    if (!isObj(d)) continue;
    const [date, start, end] = [str(d.date), str(d.day_start), str(d.day_end)];
    if (!DATE.test(date)) p.add(loc.line(d, "date"), msg("schedule.import.badValue", { what: "day.date", value: date }));
    if (!DATE_TIME_TZ.test(start)) p.add(loc.line(d, "day_start"), msg("schedule.import.badValue", { what: "day.day_start", value: start }));
    if (!DATE_TIME_TZ.test(end)) p.add(loc.line(d, "day_end"), msg("schedule.import.badValue", { what: "day.day_end", value: end }));
    if (DATE.test(date) && DATE_TIME_TZ.test(start) && DATE_TIME_TZ.test(end)) days.push({ date, start: new Date(start), end: new Date(end) });
    if (!isObj(d.rooms)) {
      p.add(loc.line(d, "rooms"), msg("schedule.import.missing", { what: "day.rooms" }));
      continue;
    }
    for (const [roomName, list] of Object.entries(d.rooms)) {
      if (!rooms.has(roomName)) rooms.set(roomName, { name: roomName, guid: null, capacity: null });
      for (const ev of Array.isArray(list) ? list : []) {
        if (!isObj(ev)) continue;
        const guid = str(ev.guid);
        if (!UUID.test(guid)) p.add(loc.line(ev, "guid"), msg("schedule.import.badValue", { what: "event.guid", value: guid }));
        const title = titleOf(str(ev.title));
        if (!title) p.add(loc.line(ev, "title"), msg("schedule.import.missing", { what: "event.title" }));
        const dur = str(ev.duration);
        if (!HHMM.test(dur)) p.add(loc.line(ev, "duration"), msg("schedule.import.badValue", { what: "event.duration", value: dur }));
        const dateText = str(ev.date);
        let at: Date | null = null;
        if (DATE_TIME_TZ.test(dateText)) at = new Date(dateText);
        else if (HHMM.test(str(ev.start)) && zone && DATE.test(date)) at = DateTime.fromISO(`${date}T${str(ev.start).padStart(5, "0")}`, { zone }).toJSDate();
        if (!at) p.add(loc.line(ev, "date"), msg("schedule.import.badValue", { what: "event.date", value: dateText }));
        if (!UUID.test(guid) || !title || !at || !HHMM.test(dur)) continue;
        const persons = Array.isArray(ev.persons) ? ev.persons.filter(isObj) : [];
        sessions.push({
          guid: guid.toLowerCase(),
          number: typeof ev.id === "number" && Number.isInteger(ev.id) && ev.id > 0 ? ev.id : null,
          title,
          subtitle: str(ev.subtitle),
          abstract: str(ev.abstract),
          description: str(ev.description),
          type: str(ev.type) || "talk",
          track: str(ev.track) || null,
          language: str(ev.language) || null,
          room: str(ev.room) || roomName,
          start: at,
          durationMinutes: Math.max(5, minutesOf(dur)),
          persons: persons.map((x) => ({ guid: UUID.test(str(x.guid)) ? str(x.guid).toLowerCase() : null, name: str(x.name) || str(x.public_name) })),
        });
      }
    }
  }
  if (p.list.length) return { schedule: null, problems: p.list.slice(0, PROBLEMS_SHOWN) };
  return {
    schedule: finish({ title, acronym: str(conf.acronym) || slugify(title), timeZone: zone ?? "UTC", url: str(conf.url) || null, slot: str(conf.timeslot_duration) || null, rooms: [...rooms.values()], days, sessions }),
    problems: [],
  };
}

const guidOf = (v: Json | undefined) => (UUID.test(str(v)) ? str(v).toLowerCase() : null);

function roomsOf(conf: Record<string, Json>): Map<string, ReadSchedule["rooms"][number]> {
  const rooms = new Map<string, ReadSchedule["rooms"][number]>();
  if (Array.isArray(conf.rooms)) for (const r of conf.rooms) if (isObj(r) && str(r.name)) rooms.set(str(r.name), { name: str(r.name), guid: guidOf(r.guid), capacity: typeof r.capacity === "number" && r.capacity > 0 ? Math.round(r.capacity) : null });
  return rooms;
}

/** "PT15M", "PT1H30M" → "00:15", "01:30" (what `finish` reads). */
function isoMinutes(d: string): string | null {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(d);
  if (!m || (!m[1] && !m[2])) return null;
  const total = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** Version 2's types back to the words Plenary keeps ("LIGHTNING_TALK" → "lightning talk"). */
const typeOf2 = (t: string) => t.toLowerCase().replace(/_/g, " ") || "talk";
/** Version 2 puts every session in a track; "General" is what writers (Plenary among them) use for none. */
const GENERAL = { slug: "general", name: "General" };

function readScheduleJson2(p: Problems, loc: Located, events: Json[], conf: Record<string, Json>, title: string, zone: string | null, rooms: Map<string, ReadSchedule["rooms"][number]>): { schedule: ReadSchedule | null; problems: ReadProblem[] } {
  const tracks = new Map((Array.isArray(conf.tracks) ? conf.tracks.filter(isObj) : []).map((t) => [str(t.slug), str(t.name)]));
  const days: ReadSchedule["days"] = [];
  if (!Array.isArray(conf.days) || !conf.days.length) p.add(loc.line(conf, "days"), msg("schedule.import.missing", { what: "conference.days" }));
  for (const d of Array.isArray(conf.days) ? conf.days.filter(isObj) : []) {
    const [date, start, end] = [str(d.date), str(d.start), str(d.end)];
    if (!DATE.test(date)) p.add(loc.line(d, "date"), msg("schedule.import.badValue", { what: "day.date", value: date }));
    if (!DATE_TIME_TZ.test(start)) p.add(loc.line(d, "start"), msg("schedule.import.badValue", { what: "day.start", value: start }));
    if (!DATE_TIME_TZ.test(end)) p.add(loc.line(d, "end"), msg("schedule.import.badValue", { what: "day.end", value: end }));
    if (DATE.test(date) && DATE_TIME_TZ.test(start) && DATE_TIME_TZ.test(end)) days.push({ date, start: new Date(start), end: new Date(end) });
  }
  const sessions: ReadSession[] = [];
  const breaks: ReadSchedule["breaks"] = [];
  for (const ev of events.filter(isObj)) {
    const [startText, endText] = [str(ev.start), str(ev.end)];
    if (!DATE_TIME_TZ.test(startText)) p.add(loc.line(ev, "start"), msg("schedule.import.badValue", { what: "event.start", value: startText }));
    if (!DATE_TIME_TZ.test(endText) || Date.parse(endText) <= Date.parse(startText)) p.add(loc.line(ev, "end"), msg("schedule.import.badValue", { what: "event.end", value: endText }));
    const room = isObj(ev.room) ? str(ev.room.name) : "";
    const timed = DATE_TIME_TZ.test(startText) && DATE_TIME_TZ.test(endText) && Date.parse(endText) > Date.parse(startText);
    if (str(ev.type) === "BREAK") {
      if (timed) breaks.push({ guid: guidOf(ev.guid), title: titleOf(str(ev.title)), room: room || null, start: new Date(startText), end: new Date(endText) });
      continue;
    }
    const guid = str(ev.guid);
    if (!UUID.test(guid)) p.add(loc.line(ev, "guid"), msg("schedule.import.badValue", { what: "event.guid", value: guid }));
    const eventTitle = titleOf(str(ev.title));
    if (!eventTitle) p.add(loc.line(ev, "title"), msg("schedule.import.missing", { what: "event.title" }));
    if (!room) p.add(loc.line(ev, "room"), msg("schedule.import.missing", { what: "event.room" }));
    if (!UUID.test(guid) || !eventTitle || !room || !timed) continue;
    if (!rooms.has(room)) rooms.set(room, { name: room, guid: isObj(ev.room) ? guidOf(ev.room.guid) : null, capacity: null });
    const trackSlug = isObj(ev.track) ? str(ev.track.slug) : "";
    const trackName = tracks.get(trackSlug) ?? trackSlug;
    // The frab slug convention, "acronym-number-title", keeps the session's number.
    const number = Number(/^[^-]+-(\d{1,9})-/.exec(str(ev.slug))?.[1] ?? 0);
    sessions.push({
      guid: guid.toLowerCase(),
      number: number > 0 ? number : null,
      title: eventTitle,
      subtitle: str(ev.subtitle),
      abstract: str(ev.abstract),
      description: str(ev.description),
      type: typeOf2(str(ev.type)),
      track: !trackSlug || (trackSlug === GENERAL.slug && trackName === GENERAL.name) ? null : trackName,
      language: str(ev.language) || null,
      room,
      start: new Date(startText),
      durationMinutes: Math.max(5, Math.round((Date.parse(endText) - Date.parse(startText)) / 60_000)),
      persons: (Array.isArray(ev.participants) ? ev.participants.filter(isObj) : []).map((x) => ({ guid: guidOf(x.guid), name: str(x.name) || str(x.public_name) })),
    });
  }
  if (p.list.length) return { schedule: null, problems: p.list.slice(0, PROBLEMS_SHOWN) };
  return {
    schedule: finish({ title, acronym: str(conf.acronym) || slugify(title), timeZone: zone ?? "UTC", url: str(conf.url) || null, slot: isoMinutes(str(conf.timeslot_duration)), rooms: [...rooms.values()], days, sessions, breaks }),
    problems: [],
  };
}
