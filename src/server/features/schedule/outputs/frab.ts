import type { ProgrammeItem } from "../../../platform/programme.js";
import { clean, duration, GENERATOR, hhmm, isoLocal, type Shaped } from "./shape.js";
import { XmlWriter } from "./xml.js";

/**
 * The frab/c3voc schedule in its three forms: `schedule.xml` (valid against the c3voc XSD),
 * `schedule.json` version 1 (as pretalx and frab export it) and version 2 (as newer tooling
 * reads it). The XML goes through XmlWriter, which escapes every text and attribute; the JSON
 * is plain objects through JSON.stringify.
 */
const TZ_V1 = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;
const LANG_V2 = /^[a-z]{2}$/;

export function writeFrabXml(s: Shaped, selfUrl: string): string {
  const { p, zone } = s;
  const w = new XmlWriter().open("schedule");
  w.leaf("generator", undefined, [["name", GENERATOR.name], ["version", GENERATOR.version], ["system", new URL(p.event.url).host]]);
  w.leaf("url", selfUrl).leaf("version", p.version);
  w.open("conference");
  w.leaf("title", p.event.title).leaf("acronym", s.acronym);
  w.leaf("start", s.days[0] ? isoLocal(s.days[0].start, zone) : p.event.startDate);
  w.leaf("end", s.days.at(-1) ? isoLocal(s.days.at(-1)!.end, zone) : p.event.endDate);
  w.leaf("days", String(s.days.length));
  w.leaf("timeslot_duration", duration(new Date(0), new Date((p.slotMinutes ?? 15) * 60_000)));
  w.leaf("base_url", `${p.event.url}/`).leaf("url", p.event.url).leaf("time_zone_name", zone);
  for (const t of s.tracks) w.leaf("track", undefined, [["name", t.name], ["slug", t.slug]]);
  w.close();
  for (const d of s.days) {
    w.parent("day", () => {
      for (const r of s.rooms) w.parent("room", () => (d.byRoom.get(r.id) ?? []).forEach((i) => writeXmlItem(s, w, i)), [["name", s.roomName.get(r.id)!], ["guid", r.id]]);
    }, [["index", String(d.index)], ["date", d.date], ["start", isoLocal(d.start, zone)], ["end", isoLocal(d.end, zone)]]);
  }
  return w.end();
}

function writeXmlItem(s: Shaped, w: XmlWriter, i: ProgrammeItem): void {
  w.open("event", [["guid", i.id], ["id", String(s.number.get(i.id))]]);
  w.leaf("room", s.roomName.get(i.roomId)!).leaf("title", i.title);
  if (i.subtitle) w.leaf("subtitle", i.subtitle);
  w.leaf("type", i.type).leaf("date", isoLocal(i.start, s.zone)).leaf("start", hhmm(i.start, s.zone)).leaf("duration", duration(i.start, i.end));
  w.leaf("abstract", i.abstract).leaf("slug", s.slug.get(i.id)!).leaf("track", i.track ?? "");
  w.parent("persons", () => i.persons.forEach((person) => w.leaf("person", person.name, [["guid", person.id]])));
  w.leaf("language", i.language ?? s.language);
  if (i.description) w.leaf("description", i.description);
  w.parent("links", () => i.links.forEach((l) => w.leaf("link", l.title, [["href", l.url]])));
  w.leaf("url", i.url);
  w.close();
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
