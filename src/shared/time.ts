/**
 * Wall-clock time in an IANA zone ↔ instants, without a date library: the offset of a
 * zone at an instant is read from Intl, and a local time is resolved by correcting a
 * first guess with the offset found there (twice, which settles DST edges). Showing times to
 * people, in their language, is src/shared/i18n/format.ts.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock date and time of an instant in an IANA zone. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")), minute: Number(get("minute")), second: Number(get("second")) };
}

/** "2014-05-29T09:30": an instant as wall-clock time in a zone (the value of a datetime-local input). */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.date}T${p(w.hour)}:${p(w.minute)}`;
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const [y, m, d] = w.date.split("-").map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** "2014-05-29T09:30" in Europe/London → the instant. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`not a local date-time: '${local}'`);
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}
