import { formatInZone, instantToZonedLocal, zonedToInstant } from "../../shared/time.js";

/**
 * Calendar dates (YYYY-MM-DD, no zone: an event's dates are the venue's days) and
 * instants shown in an event's zone. Pure helpers, tested in dates.test.ts.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 1970, m: (m ?? 1) - 1, d: d ?? 1 };
}

/** "29–30 May 2014", "30 May – 2 June 2014", "29 Dec 2014 – 2 Jan 2015", "29 May 2014". */
export function formatDateRange(start: string, end: string, opts: { short?: boolean } = {}): string {
  const months = opts.short ? MONTHS_SHORT : MONTHS;
  const a = parts(start);
  const b = parts(end);
  if (start === end || end < start) return `${a.d} ${months[a.m]} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${months[a.m]} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${months[a.m]} – ${b.d} ${months[b.m]} ${b.y}`;
  return `${a.d} ${months[a.m]} ${a.y} – ${b.d} ${months[b.m]} ${b.y}`;
}

/** "Thursday 29 May 2014". */
export function formatLongDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${WEEKDAYS[new Date(Date.UTC(y, m, d)).getUTCDay()]} ${d} ${MONTHS[m]} ${y}`;
}

/** Today's date as YYYY-MM-DD in the viewer's zone. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(iso: string): string {
  const { y, m, d } = parts(iso);
  return new Date(Date.UTC(y, m, d - 1)).toISOString().slice(0, 10);
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

/** "Friday 2 May 2014, 23:59" — an instant as the event's venue sees it. */
export function formatDeadline(instant: string, timeZone: string): string {
  const local = instantToLocalInput(instant, timeZone);
  return `${formatLongDate(local.slice(0, 10))}, ${local.slice(11, 16)}`;
}

/** "09:30" in the event's zone. */
export function formatTime(instant: string, timeZone: string): string {
  return formatInZone(instant, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** The event-local calendar day of an instant, YYYY-MM-DD. */
export function localDay(instant: string, timeZone: string): string {
  return instantToLocalInput(instant, timeZone).slice(0, 10);
}

/** "24 Nov 2026, 21:58" in the viewer's zone (for mail and tokens). */
export function formatStamp(instant: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}
