import { DateTime } from "luxon";

/**
 * A VTIMEZONE block computed from the runtime's own time-zone data (Intl, through Luxon) for the
 * instants a feed holds: one observance per offset in force, each starting at the transition
 * into it. Packaged VTIMEZONE tables go stale (Brazil stopped changing its clocks in 2019) and
 * some invert the POSIX sign of Etc/GMT±N; this is exactly as right as the instants we show.
 */
const DAY = 86_400_000;

const exactOffset = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

const QUARTER = 15 * 60_000;
const offsets = new Map<string, Map<number, number | null>>();
let kept = 0;
/**
 * The zone's offset from UTC in minutes at an instant. Writing a schedule asks this thousands
 * of times for a handful of quarter-hours, so the answer is kept per zone and quarter-hour
 * (unless the offset changes inside it, then it is computed each time).
 */
export function zoneOffset(ms: number, zone: string): number {
  const q = Math.floor(ms / QUARTER);
  let inZone = offsets.get(zone);
  if (!inZone) offsets.set(zone, (inZone = new Map()));
  let v = inZone.get(q);
  if (v === undefined) {
    const a = exactOffset(q * QUARTER, zone);
    v = a === exactOffset(q * QUARTER + QUARTER - 1, zone) ? a : null;
    // Bounded: a feed spanning decades in many zones starts afresh rather than growing without end.
    if (++kept > 200_000) {
      offsets.clear();
      kept = 0;
    }
    (offsets.get(zone) ?? offsets.set(zone, new Map()).get(zone)!).set(q, v);
  }
  return v ?? exactOffset(ms, zone);
}
const offsetAt = zoneOffset;

/** The instants in [from, to) where the zone's offset changes, found day by day and then to the minute. */
export function transitions(zone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  let prev = offsetAt(from, zone);
  for (let t = from + DAY; t < to; t += DAY) {
    const now = offsetAt(t, zone);
    if (now === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, zone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: now });
    prev = now;
  }
  return out;
}

const fmtOffset = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, "0")}${String(m % 60).padStart(2, "0")}`;
};

/** Wall-clock time as iCalendar writes a local DATE-TIME: 20240331T020000. */
const local = (ms: number, offset: number) => new Date(ms + offset * 60_000).toISOString().replace(/[-:]/g, "").slice(0, 15);

/**
 * The VTIMEZONE for items at the given instants: the offset in force around each of them
 * (two days either side, merged where they meet), with every transition inside. Between
 * those windows nothing is written, so a feed spanning twenty years costs no more than its items.
 */
export function vtimezone(zone: string, spans: readonly { start: number; end: number }[]): string {
  const windows: { from: number; to: number }[] = [];
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    const from = sp.start - 2 * DAY;
    const to = sp.end + 2 * DAY;
    const last = windows.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else windows.push({ from, to });
  }
  if (!windows.length) return "";
  const observances: { at: number; before: number; after: number }[] = [];
  let current = offsetAt(windows[0]!.from, zone);
  observances.push({ at: windows[0]!.from, before: current, after: current });
  for (const w of windows) {
    const here = offsetAt(w.from, zone);
    if (here !== current) observances.push({ at: w.from, before: current, after: here });
    for (const c of transitions(zone, w.from, w.to)) observances.push(c);
    current = offsetAt(w.to, zone);
  }
  const standard = Math.min(...observances.map((o) => o.after));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  for (const o of observances) {
    const kind = o.after > standard ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${local(o.at, o.before)}`, `TZOFFSETFROM:${fmtOffset(o.before)}`, `TZOFFSETTO:${fmtOffset(o.after)}`, `END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
