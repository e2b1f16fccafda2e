import { wallClock, zonedToInstant } from "../../../shared/time.js";

/**
 * The response promise: a request is answered by the end of the Nth business day after the
 * day it counts from, in the event's time zone. Business days are Monday to Friday minus the
 * organiser's holidays. A request counts from the day it was made when that is a business day
 * and it arrived before the cut-off (17:00 local); otherwise it counts from the next business
 * day — so a request made late on a Friday, or on a Saturday, counts from Monday.
 * Pure: no clock, no database.
 */
export const DEFAULT_CUTOFF_HOUR = 17;

export interface LocalDateTime {
  date: string;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The wall-clock date and time of an instant in a zone. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const { date, hour, minute } = wallClock(instant, timeZone);
  return { date, hour, minute, weekday: weekdayOf(date) };
}

export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  const w = weekdayOf(date);
  return w !== 0 && w !== 6 && !holidays.has(date);
}

export function nextBusinessDay(date: string, holidays: ReadonlySet<string>): string {
  let d = addDays(date, 1);
  // A holiday list cannot make every day a holiday for long: bounded to ten years.
  for (let i = 0; i < 3660 && !isBusinessDay(d, holidays); i++) d = addDays(d, 1);
  return d;
}

/** The local date a request counts from. */
export function countingDay(requestedAt: Date, timeZone: string, holidays: ReadonlySet<string>, cutoffHour = DEFAULT_CUTOFF_HOUR): string {
  const local = localDateTime(requestedAt, timeZone);
  if (isBusinessDay(local.date, holidays) && local.hour < cutoffHour) return local.date;
  return nextBusinessDay(local.date, holidays);
}

/** The local date by which the request must be answered. */
export function answerByDate(requestedAt: Date, businessDays: number, timeZone: string, holidays: Iterable<string> = [], cutoffHour = DEFAULT_CUTOFF_HOUR): string {
  const hs = new Set(holidays);
  let d = countingDay(requestedAt, timeZone, hs, cutoffHour);
  for (let i = 0; i < businessDays; i++) d = nextBusinessDay(d, hs);
  return d;
}

/** The first instant of a local date in a zone (midnight may not exist on a DST day: the next valid instant). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedToInstant(`${date}T00:00`, timeZone);
}

/** The answer-by instant: the end of the answer-by date in the event's zone (exclusive bound minus 1 ms). */
export function answerBy(requestedAt: Date, businessDays: number, timeZone: string, holidays: Iterable<string> = [], cutoffHour = DEFAULT_CUTOFF_HOUR): Date {
  const date = answerByDate(requestedAt, businessDays, timeZone, holidays, cutoffHour);
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}
