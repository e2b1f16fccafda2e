import type { ReactNode } from "react";
import { EVENT_KINDS, type EventSummary } from "../../../server/features/events/schema.js";
import { get, query } from "../../app/api.js";
import { dayBefore, todayIso } from "../../app/dates.js";
import { useLoad } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { EventCard } from "./EventCard.js";
import { groupByYear, KIND_LABEL, type Kind } from "./kinds.js";

type List = { events: EventSummary[]; total: number };
export interface UpcomingAndPast {
  upcoming: List;
  past: EventSummary[];
}

/** A `?kind=` value, if it names a kind. */
export function kindParam(value: string | null): Kind | undefined {
  return (EVENT_KINDS as readonly string[]).includes(value ?? "") ? (value as Kind) : undefined;
}

/**
 * Upcoming events soonest first and past events most recent first, each asked of the API in
 * that order (so a long past keeps its latest events, not its oldest): what the home page and
 * a community's page list. Kind is a filter, never a grouping, so dates read in order.
 */
export function useUpcomingAndPast(filter: { kind?: Kind | undefined; q?: string | undefined; community?: string | undefined }) {
  const today = todayIso();
  const { kind, q, community } = filter;
  return useLoad(
    async (signal): Promise<UpcomingAndPast> => {
      const [upcoming, past] = await Promise.all([
        get<List>(`/events${query({ from: today, kind, q, community, limit: 100 })}`, signal),
        get<List>(`/events${query({ to: dayBefore(today), kind, q, community, order: "desc", limit: 200 })}`, signal),
      ]);
      // An event that started before today but ends today or later is upcoming (still on), not past.
      return { upcoming, past: past.events.filter((e) => e.endDate < today) };
    },
    [today, kind, q, community],
  );
}

/** The kind filter: one radio chip per kind and "All events". */
export function KindFilter({ kind, onPick }: { kind: Kind | undefined; onPick: (kind: Kind | undefined) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="chips">
      <legend className="visually-hidden">{t("events.form.kind")}</legend>
      <KindChip value="" label={t("events.home.allEvents")} current={kind ?? ""} onPick={onPick} />
      {EVENT_KINDS.map((k) => (
        <KindChip key={k} value={k} label={t(KIND_LABEL[k].many)} current={kind ?? ""} onPick={onPick} />
      ))}
    </fieldset>
  );
}

function KindChip({ value, label, current, onPick }: { value: Kind | ""; label: string; current: string; onPick: (v: Kind | undefined) => void }) {
  const id = `kind-${value || "all"}`;
  return (
    <span className="chip">
      <input type="radio" id={id} name="kind" value={value} checked={current === value} onChange={() => onPick(value || undefined)} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}

/** Cards in the order given; each card carries its kind as a badge. */
export function EventList({ events, headingLevel, showCommunity = true }: { events: readonly EventSummary[]; headingLevel: 3 | 4 | 5; showCommunity?: boolean }) {
  return (
    <div className="event-list">
      {events.map((e) => (
        <EventCard key={e.id} event={e} headingLevel={headingLevel} showCommunity={showCommunity} />
      ))}
    </div>
  );
}

/** Past events under a heading per year, newest year first, most recent first within a year. */
export function PastByYear({ events, idPrefix, showCommunity = true, empty }: { events: readonly EventSummary[]; idPrefix: string; showCommunity?: boolean; empty: ReactNode }) {
  if (events.length === 0) return <>{empty}</>;
  return (
    <>
      {groupByYear(events).map((y) => (
        <section key={y.year} className="year-group" aria-labelledby={`${idPrefix}-${y.year}`}>
          <h3 id={`${idPrefix}-${y.year}`} className="year-title">
            {y.year}
          </h3>
          <EventList events={y.events} headingLevel={4} showCommunity={showCommunity} />
        </section>
      ))}
    </>
  );
}
