import type { ConflictView, ProgrammeItemView, ReleaseChange, SnapshotProgramme } from "../../../server/features/schedule/schema.js";
import type { MessageId, Values } from "../../../shared/i18n/catalogue.js";
import { formatInstant } from "../../../shared/i18n/format.js";
import type { Locale } from "../../../shared/i18n/locales.js";
import { instantToZonedLocal } from "../../../shared/time.js";

/**
 * The schedule pages' pure parts, tested without a browser: conflicts and changes in words,
 * a programme cut into days, time rows and rooms, the grid's cells.
 */
type Tr = (id: MessageId, values?: Values) => string;

export const localDate = (iso: string | Date, zone: string) => instantToZonedLocal(typeof iso === "string" ? new Date(iso) : iso, zone).slice(0, 10);

/** A conflict in words, naming the speaker or the other session where it helps. */
export function conflictText(c: ConflictView, t: Tr, names: { session: (id: string) => string; speaker: (id: string) => string }): string {
  switch (c.kind) {
    case "speakerDoubleBooked":
    case "speakerUnavailable":
      return t(`schedule.conflict.${c.kind}`, { speaker: names.speaker(c.speakerId ?? "") });
    case "overrunsSlot":
      return t("schedule.conflict.overrunsSlot", { minutes: c.count ?? 0 });
    case "roomTooSmall":
      return t("schedule.conflict.roomTooSmall", { people: c.count ?? 0, seats: c.capacity ?? 0 });
    case "topicClash":
      return t("schedule.conflict.topicClash", { people: c.count ?? 0, other: names.session(c.sessionIds[1] ?? "") });
    default:
      return t(`schedule.conflict.${c.kind}`);
  }
}

/** "Room A, Monday, 18 August 2014 at 10:00 (America/Chicago)". */
export function placeText(p: { room: string; start: string } | null, zone: string, locale: Locale, t: Tr): string {
  return p ? t("schedule.change.place", { room: p.room, when: formatInstant(locale, p.start, zone, "long") }) : "";
}

/** A line of a change log: "“X” moved from Room A, … 10:00 to Room B, … 14:00." */
export function changeText(c: ReleaseChange, zone: string, locale: Locale, t: Tr): string {
  const from = placeText(c.from, zone, locale, t);
  const to = placeText(c.to, zone, locale, t);
  if (c.kind === "changed") return t("schedule.change.changed", { title: c.title, fields: c.fields.map((f) => t(`schedule.change.field.${f}` as MessageId)).join(", ") });
  return t(`schedule.change.${c.kind}`, { title: c.title, from, to });
}

export interface DayView {
  date: string;
  items: ProgrammeItemView[];
  breaks: NonNullable<SnapshotProgramme["breaks"]>;
}

/** The programme's days in order, each with its items by start and its breaks. */
export function daysOf(p: SnapshotProgramme): DayView[] {
  const zone = p.event.timeZone;
  const dates = new Set<string>([...(p.days ?? []).map((d) => d.date), ...p.items.map((i) => localDate(i.start, zone))]);
  return [...dates].sort().map((date) => ({
    date,
    items: p.items.filter((i) => localDate(i.start, zone) === date).sort((a, b) => a.start.localeCompare(b.start)),
    breaks: (p.breaks ?? []).filter((b) => localDate(b.start, zone) === date),
  }));
}

/** Items (and breaks) grouped by their start time, for the "by time" view. */
export function byStart<T extends { start: string }>(list: readonly T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of [...list].sort((a, b) => a.start.localeCompare(b.start))) (m.get(x.start) ?? m.set(x.start, []).get(x.start)!).push(x);
  return [...m];
}

/** What is on at `now` and what starts next (the earliest start after now). */
export function nowAndNext(items: readonly ProgrammeItemView[], now: Date): { now: ProgrammeItemView[]; next: ProgrammeItemView[] } {
  const t = now.getTime();
  const on = items.filter((i) => Date.parse(i.start) <= t && t < Date.parse(i.end));
  const upcoming = items.filter((i) => Date.parse(i.start) > t).sort((a, b) => a.start.localeCompare(b.start));
  const first = upcoming[0]?.start;
  return { now: on, next: first ? upcoming.filter((i) => i.start === first) : [] };
}

/** The editor grid's rows: one per step from the day's start to its end, as instants in ms. */
export function gridRows(day: { start: string; end: string }, slotMinutes: number): number[] {
  const rows: number[] = [];
  const step = slotMinutes * 60_000;
  for (let t = Date.parse(day.start); t < Date.parse(day.end) && rows.length < 24 * 60; t += step) rows.push(t);
  return rows;
}

export const cellId = (roomId: string, start: number) => `cell|${roomId}|${start}`;
export function parseCellId(id: string): { roomId: string; start: number } | null {
  const [kind, roomId, start] = id.split("|");
  return kind === "cell" && roomId && start ? { roomId, start: Number(start) } : null;
}

/** Punctuation between values on the pages (the same in English and German), kept out of the JSX text. */
export const P = { space: " ", dash: "–", dot: " · ", semi: "; ", comma: ", ", colon: ": ", slash: " / ", open: " (", close: ")", starOn: "★", starOff: "☆" } as const;
