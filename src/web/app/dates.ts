import { formatDate, formatDateRange as rangeIn, formatInstant, formatStamp as stampIn } from "../../shared/i18n/format.js";
import { instantToZonedLocal, zonedToInstant } from "../../shared/time.js";
import { pageLocale } from "./i18n.js";

/**
 * Calendar dates (YYYY-MM-DD, no zone: an event's dates are the venue's days) and instants
 * shown in an event's zone, in the page's language: the shared Intl helpers
 * (src/shared/i18n/format.ts, which the server's mails use too) bound to the page locale.
 * Pure apart from that, tested in dates.test.ts.
 */

/** "29–30 May 2014", "30 May – 2 June 2014", "29. Dezember 2014 – 2. Januar 2015". */
export function formatDateRange(start: string, end: string, opts: { short?: boolean } = {}): string {
  return rangeIn(pageLocale(), start, end, opts.short ? "short" : "long");
}

/** "29 May 2014": a calendar date, or the UTC day of an instant. */
export function formatDay(iso: string): string {
  return formatDate(pageLocale(), iso, "long");
}

/** "Thursday, 29 May 2014". */
export function formatLongDate(iso: string): string {
  return formatDate(pageLocale(), iso, "weekday");
}

/** "May", "Mai": the month of a calendar date, abbreviated. */
export function formatMonthShort(iso: string): string {
  return formatDate(pageLocale(), iso, "monthShort");
}

/** "March 2014", "März 2014": a month (YYYY-MM), as an archive or a calendar names it. */
export function formatMonth(month: string): string {
  return formatDate(pageLocale(), `${month.slice(0, 7)}-01`, "monthYear");
}

/** Today's date as YYYY-MM-DD in the viewer's zone. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

/** An instant → the value of a datetime-local input, as wall-clock time in `timeZone`. */
export function instantToLocalInput(instant: string | Date, timeZone: string): string {
  return instantToZonedLocal(typeof instant === "string" ? new Date(instant) : instant, timeZone);
}

/** A datetime-local value read as wall-clock time in `timeZone` → ISO instant; null when empty or unreadable. */
export function localInputToInstant(local: string, timeZone: string): string | null {
  if (!local) return null;
  try {
    return zonedToInstant(local, timeZone).toISOString();
  } catch {
    return null;
  }
}

/** "Friday, 2 May 2014 at 23:59 (America/Chicago)": an instant as the event's venue sees it, the zone named. */
export function formatDeadline(instant: string, timeZone: string): string {
  return formatInstant(pageLocale(), instant, timeZone, "long");
}

/** "09:30" in the event's zone (for lists of one day's times, under a heading that names the zone). */
export function formatTime(instant: string, timeZone: string): string {
  return formatInstant(pageLocale(), instant, timeZone, "time", { zone: false });
}

/** The event-local calendar day of an instant, YYYY-MM-DD. */
export function localDay(instant: string, timeZone: string): string {
  return instantToLocalInput(instant, timeZone).slice(0, 10);
}

/** "24 Nov 2026, 21:58" in the viewer's zone (for mail and tokens). */
export function formatStamp(instant: string): string {
  return stampIn(pageLocale(), instant);
}
