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

function finish(doc: Omit<ReadSchedule, "slug" | "days" | "slotMinutes"> & { slot: string | null; days: ReadSchedule["days"] }): ReadSchedule {
  const slotMinutes = doc.slot && HHMM.test(doc.slot) ? Math.min(120, Math.max(5, minutesOf(doc.slot))) : 15;
  return { ...doc, slotMinutes, slug: slugify(doc.acronym.replace(/_/g, "-"), 60) || slugify(doc.title, 60) || "imported-schedule" };
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
  const rooms = new Map<string, ReadSchedule["rooms"][number]>();
  if (Array.isArray(conf.rooms))
    for (const r of conf.rooms)
      if (isObj(r) && str(r.name)) rooms.set(str(r.name), { name: str(r.name), guid: UUID.test(str(r.guid)) ? str(r.guid).toLowerCase() : null, capacity: typeof r.capacity === "number" && r.capacity > 0 ? Math.round(r.capacity) : null });
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
