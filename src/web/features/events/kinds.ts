import type { MessageId } from "../../../shared/i18n/catalogue.js";
import type { EventSummary } from "../../../server/features/events/schema.js";

export type Kind = EventSummary["kind"];

/** Catalogue ids of each kind's name (one event, a list of them) and its one-line description. */
export const KIND_LABEL: Record<Kind, { one: MessageId; many: MessageId; blurb: MessageId }> = {
  hackathon: { one: "events.kind.hackathon", many: "events.kinds.hackathon", blurb: "events.kindBlurb.hackathon" },
  conference: { one: "events.kind.conference", many: "events.kinds.conference", blurb: "events.kindBlurb.conference" },
  external: { one: "events.kind.external", many: "events.kinds.external", blurb: "events.kindBlurb.external" },
};

/** Groups by the year an event starts in, newest year first, keeping the given order within a year (past lists come most recent first). */
export function groupByYear<T extends { startDate: string }>(events: readonly T[]): { year: string; events: T[] }[] {
  const years = new Map<string, T[]>();
  for (const e of events) {
    const y = e.startDate.slice(0, 4);
    (years.get(y) ?? years.set(y, []).get(y)!).push(e);
  }
  return [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, list]) => ({ year, events: list }));
}

/** "Rackspace Ltd, Hayes (London), United Kingdom" without empty parts or repeats. */
export function placeLine(e: { venue?: string; city: string; country: string }, withVenue = false): string {
  const parts = [withVenue ? e.venue : "", e.city, e.country].map((p) => (p ?? "").trim()).filter(Boolean);
  return parts.filter((p, i) => parts.indexOf(p) === i).join(", ");
}
