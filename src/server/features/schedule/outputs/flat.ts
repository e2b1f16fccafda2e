import type { ProgrammeItem } from "../../../platform/programme.js";
import { writeCalendar, type CalendarItem } from "../../../platform/calendar/index.js";
import { toCsv } from "../../../platform/csv.js";
import { duration, hhmm, isoLocal, localDate, type Shaped } from "./shape.js";

/** The schedule as CSV (RFC 4180) and as iCalendar (through the platform's calendar writer). */
const CSV_HEADER = ["date", "start", "end", "duration", "room", "title", "subtitle", "track", "type", "language", "speakers", "abstract", "url", "guid", "id"];

export function writeCsv(s: Shaped): string {
  const rows: string[][] = [];
  for (const d of s.days)
    for (const r of s.rooms)
      for (const i of d.byRoom.get(r.id) ?? [])
        rows.push([
          localDate(i.start, s.zone),
          hhmm(i.start, s.zone),
          isoLocal(i.end, s.zone),
          duration(i.start, i.end),
          s.roomName.get(r.id)!,
          i.title,
          i.subtitle ?? "",
          i.track ?? "",
          i.type,
          i.language ?? s.language,
          i.persons.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join("; "),
          i.abstract,
          i.url,
          i.id,
          String(s.number.get(i.id)),
        ]);
  return toCsv(CSV_HEADER, rows);
}

export interface CalendarSelection {
  /** What the feed is (the event, a room, a track, a speaker, someone's favourites), for its name. */
  label?: string;
  filter?: (i: ProgrammeItem) => boolean;
  selfUrl: string;
}

export function writeScheduleCalendar(s: Shaped, host: string, sel: CalendarSelection): string {
  const { p } = s;
  const items: CalendarItem[] = p.items.filter(sel.filter ?? (() => true)).map((i) => ({
    uid: `schedule-${i.id}@${host}`,
    sequence: i.revision,
    start: i.start,
    end: i.end,
    timeZone: s.zone,
    summary: i.title,
    description: [i.persons.map((x) => (x.affiliation ? `${x.name} (${x.affiliation})` : x.name)).join(", "), i.subtitle ?? "", i.abstract, i.url].filter(Boolean).join("\n\n"),
    location: s.roomName.get(i.roomId) ?? "",
    url: i.url,
    categories: i.track ? [i.track] : [],
    lastModified: p.publishedAt,
  }));
  return writeCalendar({ name: sel.label ? `${p.event.title}: ${sel.label}` : p.event.title, description: `${p.event.title}, version ${p.version}`, url: sel.selfUrl, ttlSeconds: 3600, items });
}
