import { create } from "xmlbuilder2";
import type { ProgrammeItem } from "../../../platform/programme.js";
import { attr, clean, duration, GENERATOR, hhmm, isoLocal, type Shaped } from "./shape.js";

/**
 * The frab/c3voc schedule in its three forms: `schedule.xml` (valid against the c3voc XSD),
 * `schedule.json` version 1 (as pretalx and frab export it) and version 2 (as newer tooling
 * reads it). The XML is built with xmlbuilder2, which escapes every text and attribute.
 */
const TZ_V1 = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

/**
 * xmlbuilder2 leaves an ampersand that already looks like an entity reference ("&amp;",
 * "&#38;") as it is, so a title that says "&amp;" would read back as "&": those ampersands
 * are escaped here first, and every other character is left to xmlbuilder2.
 */
const ENTITY_LIKE = /&(?=[A-Za-z]+;|#\d+;)/g;
const x = (s: string) => clean(s).replace(ENTITY_LIKE, "&amp;");
const xa = (s: string) => attr(s).replace(ENTITY_LIKE, "&amp;");
const LANG_V2 = /^[a-z]{2}$/;

export function writeFrabXml(s: Shaped, selfUrl: string): string {
  const { p, zone } = s;
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("schedule");
  root.ele("generator").att("name", GENERATOR.name).att("version", GENERATOR.version).att("system", new URL(p.event.url).host);
  root.ele("url").txt(x(selfUrl));
  root.ele("version").txt(x(p.version));
  const c = root.ele("conference");
  c.ele("title").txt(x(p.event.title));
  c.ele("acronym").txt(s.acronym);
  c.ele("start").txt(s.days[0] ? isoLocal(s.days[0].start, zone) : p.event.startDate);
  c.ele("end").txt(s.days.at(-1) ? isoLocal(s.days.at(-1)!.end, zone) : p.event.endDate);
  c.ele("days").txt(String(s.days.length));
  c.ele("timeslot_duration").txt(duration(new Date(0), new Date((p.slotMinutes ?? 15) * 60_000)));
  c.ele("base_url").txt(x(`${p.event.url}/`));
  c.ele("url").txt(x(p.event.url));
  c.ele("time_zone_name").txt(zone);
  for (const t of s.tracks) c.ele("track").att("name", xa(t.name)).att("slug", t.slug);
  for (const d of s.days) {
    const day = root.ele("day").att("index", String(d.index)).att("date", d.date).att("start", isoLocal(d.start, zone)).att("end", isoLocal(d.end, zone));
    for (const r of s.rooms) {
      const room = day.ele("room").att("name", xa(s.roomName.get(r.id)!)).att("guid", r.id);
      for (const i of d.byRoom.get(r.id) ?? []) writeXmlItem(s, room, i);
    }
  }
  return root.end({ prettyPrint: true });
}

type El = ReturnType<ReturnType<typeof create>["ele"]>;

function writeXmlItem(s: Shaped, room: El, i: ProgrammeItem): void {
  const e = room.ele("event").att("guid", i.id).att("id", String(s.number.get(i.id)));
  e.ele("room").txt(x(s.roomName.get(i.roomId)!));
  e.ele("title").txt(x(i.title));
  if (i.subtitle) e.ele("subtitle").txt(x(i.subtitle));
  e.ele("type").txt(x(i.type));
  e.ele("date").txt(isoLocal(i.start, s.zone));
  e.ele("start").txt(hhmm(i.start, s.zone));
  e.ele("duration").txt(duration(i.start, i.end));
  e.ele("abstract").txt(x(i.abstract));
  e.ele("slug").txt(s.slug.get(i.id)!);
  e.ele("track").txt(x(i.track ?? ""));
  const persons = e.ele("persons");
  for (const person of i.persons) persons.ele("person").att("guid", person.id).txt(x(person.name));
  e.ele("language").txt(x(i.language ?? s.language));
  if (i.description) e.ele("description").txt(x(i.description));
  const links = e.ele("links");
  for (const l of i.links) links.ele("link").att("href", xa(l.url)).txt(x(l.title));
  e.ele("url").txt(x(i.url));
}

function v1Event(s: Shaped, i: ProgrammeItem) {
  return {
    guid: i.id,
    id: s.number.get(i.id)!,
    date: isoLocal(i.start, s.zone),
    start: hhmm(i.start, s.zone),
    duration: duration(i.start, i.end),
    room: s.roomName.get(i.roomId)!,
    slug: s.slug.get(i.id)!,
    url: i.url,
    title: i.title,
    subtitle: i.subtitle ?? "",
    track: i.track,
    type: i.type,
    language: i.language ?? s.language,
    abstract: i.abstract,
    description: i.description ?? "",
    persons: i.persons.map((person) => ({ guid: person.id, name: person.name, ...(person.url ? { url: person.url } : {}) })),
    links: i.links.map((l) => ({ url: l.url, title: l.title })),
  };
}

export function writeFrabJson(s: Shaped, selfUrl: string): string {
  const { p, zone } = s;
  const doc = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    schedule: {
      url: selfUrl,
      version: p.version,
      base_url: `${p.event.url}/`,
      conference: {
        acronym: s.acronym,
        title: p.event.title,
        start: s.days[0] ? isoLocal(s.days[0].start, zone) : p.event.startDate,
        end: s.days.at(-1) ? isoLocal(s.days.at(-1)!.end, zone) : p.event.endDate,
        daysCount: s.days.length,
        timeslot_duration: duration(new Date(0), new Date((p.slotMinutes ?? 15) * 60_000)),
        ...(TZ_V1.test(zone) ? { time_zone_name: zone } : {}),
        url: p.event.url,
        tracks: s.tracks,
        rooms: s.rooms.map((r) => ({ name: s.roomName.get(r.id)!, guid: r.id, capacity: r.capacity })),
        days: s.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: isoLocal(d.start, zone),
          day_end: isoLocal(d.end, zone),
          rooms: Object.fromEntries(s.rooms.map((r) => [s.roomName.get(r.id)!, (d.byRoom.get(r.id) ?? []).map((i) => v1Event(s, i))])),
        })),
      },
    },
  };
  return JSON.stringify(doc, null, 1);
}

const V2_TYPES: Record<string, string> = { talk: "TALK", presentation: "TALK", keynote: "TALK", lecture: "TALK", workshop: "WORKSHOP", "hands-on": "HANDS-ON", meeting: "MEETING", bof: "MEETING", topic: "MEETING", discussion: "DISCUSSION", panel: "DISCUSSION", performance: "PERFORMANCE", concert: "CONCERT", game: "GAME", lightning: "LIGHTNING_TALK", "lightning talk": "LIGHTNING_TALK" };
const v2Type = (t: string) => V2_TYPES[t.toLowerCase()] ?? "OTHER";
const v2Language = (l: string | null, fallback: string) => [l, fallback].map((x) => x?.toLowerCase().split("-")[0]).find((x) => x && LANG_V2.test(x)) ?? "en";
const GENERAL_TRACK = { name: "General", slug: "general" };

export function writeFrabJson2(s: Shaped, selfUrl: string): string {
  const { p, zone } = s;
  const trackOf = new Map(s.tracks.map((t) => [t.name, t.slug]));
  const general = p.items.some((i) => !i.track);
  const events = [
    ...p.items.map((i) => ({
      guid: i.id,
      start: isoLocal(i.start, zone),
      end: isoLocal(i.end, zone),
      room: { guid: i.roomId, name: s.roomName.get(i.roomId) ?? "" },
      slug: s.slug.get(i.id)!,
      url: i.url,
      title: i.title,
      subtitle: i.subtitle,
      // Version 2 wants every session in a track; those without one are in "General".
      track: { slug: i.track ? (trackOf.get(clean(i.track)) ?? GENERAL_TRACK.slug) : GENERAL_TRACK.slug },
      type: v2Type(i.type),
      language: v2Language(i.language, s.language),
      abstract: i.abstract,
      description: i.description,
      participants: i.persons.map((person) => ({ guid: person.id, name: person.name, role: "SPEAKER" })),
      links: i.links.map((l) => ({ url: l.url, title: l.title })),
    })),
    ...(p.breaks ?? []).map((b) => ({ type: "BREAK", title: b.title, guid: b.id, start: isoLocal(b.start, zone), end: isoLocal(b.end, zone), ...(b.roomId ? { room: { guid: b.roomId, name: s.roomName.get(b.roomId) ?? "" } } : {}) })),
  ];
  const doc = {
    $schema: "https://c3voc.de/schedule/schema2.json",
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    schedule: {
      url: selfUrl,
      version: p.version,
      conference: {
        acronym: s.acronym,
        title: p.event.title,
        start: isoLocal(s.days[0]!.start, zone),
        end: isoLocal(s.days.at(-1)!.end, zone),
        timeslot_duration: `PT${p.slotMinutes ?? 15}M`,
        ...(TZ_V1.test(zone) ? { time_zone_name: zone } : {}),
        url: p.event.url,
        languages: [v2Language(null, s.language)],
        tracks: [...s.tracks, ...(general ? [GENERAL_TRACK] : [])],
        rooms: s.rooms.map((r) => ({ name: s.roomName.get(r.id)!, guid: r.id, capacity: r.capacity })),
        days: s.days.map((d) => ({ index: d.index, date: d.date, start: isoLocal(d.start, zone), end: isoLocal(d.end, zone) })),
      },
      events,
    },
  };
  return JSON.stringify(doc, null, 1);
}
