import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { EVENT_KINDS, type EventSummary } from "../../../server/features/events/schema.js";
import { get, query } from "../../app/api.js";
import { dayBefore, todayIso } from "../../app/dates.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { T, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { EventCard } from "./EventCard.js";
import { groupByKind, groupByYear, KIND_LABEL, type Kind } from "./kinds.js";

type List = { events: EventSummary[]; total: number };

export function HomePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get("kind");
  const kind = (EVENT_KINDS as readonly string[]).includes(kindParam ?? "") ? (kindParam as Kind) : undefined;
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const today = todayIso();

  const [data] = useLoad(
    async (signal) => {
      const [upcoming, past] = await Promise.all([
        get<List>(`/events${query({ from: today, kind, q, limit: 100 })}`, signal),
        get<List>(`/events${query({ to: dayBefore(today), kind, q, limit: 200 })}`, signal),
      ]);
      return { upcoming, past: past.events.filter((e) => e.endDate < today), pastTotal: past.total };
    },
    [today, kind, q],
  );
  useTitle(data.status === "error" ? null : undefined);

  const update = (next: { kind?: string | undefined; q?: string | undefined }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim() || undefined });
  };
  const filtered = Boolean(kind || q);

  return (
    <>
      <section className="hero">
        <div className="wrap">
          <Flash />
          <h1>{t("events.home.title")}</h1>
          <p className="lede">{t("events.home.lede")}</p>
          <form className="filters" role="search" aria-label={t("events.home.filter")} onSubmit={onSearch}>
            <fieldset className="chips">
              <legend className="visually-hidden">{t("events.form.kind")}</legend>
              <KindChip value="" label={t("events.home.allEvents")} current={kind ?? ""} onPick={(v) => update({ kind: v })} />
              {EVENT_KINDS.map((k) => (
                <KindChip key={k} value={k} label={t(KIND_LABEL[k].many)} current={kind ?? ""} onPick={(v) => update({ kind: v })} />
              ))}
            </fieldset>
            <div className="search-box">
              <label htmlFor="event-search" className="visually-hidden">
                {t("events.home.searchLabel")}
              </label>
              <input id="event-search" type="search" placeholder={t("events.home.searchPlaceholder")} value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} />
              <button type="submit" className="button primary">
                {t("common.search")}
              </button>
            </div>
          </form>
        </div>
      </section>
      <div className="wrap">
        {data.status === "loading" ? <Loading label={t("events.home.loading")} /> : null}
        {data.status === "error" ? <PageError error={data.error} /> : null}
        {data.status === "ok" ? (
          <>
            <p className="visually-hidden" role="status">
              {t("events.home.count", { upcoming: data.data.upcoming.total, past: data.data.past.length, filtered: filtered ? "yes" : "no" })}
            </p>
            <section className="event-section" aria-labelledby="upcoming-title">
              <h2 id="upcoming-title">{t("events.home.upcoming")}</h2>
              {data.data.upcoming.events.length ? (
                <KindGroups events={data.data.upcoming.events} />
              ) : (
                <div className="empty">
                  <p>
                    <strong>{t("events.home.noUpcoming", { filtered: filtered ? "yes" : "no" })}</strong> {filtered ? (
                      <button type="button" className="link-button" onClick={() => (setSearch(""), update({ kind: undefined, q: undefined }))}>
                        {t("events.home.showAll")}
                      </button>
                    ) : (
                      <T id="events.home.howToAdd" values={{ link: (c) => <Link to="/communities">{c}</Link> }} />
                    )}
                  </p>
                </div>
              )}
            </section>
            <section className="event-section" aria-labelledby="past-title">
              <h2 id="past-title">{t("events.home.past")}</h2>
              {data.data.past.length ? (
                groupByYear(data.data.past).map((y) => (
                  <section key={y.year} className="year-group" aria-labelledby={`year-${y.year}`}>
                    <h3 id={`year-${y.year}`} className="year-title">
                      {y.year}
                    </h3>
                    <KindGroups events={y.events} level={4} />
                  </section>
                ))
              ) : (
                <p className="empty">{t("events.home.noPast", { filtered: filtered ? "yes" : "no" })}</p>
              )}
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}

function KindChip({ value, label, current, onPick }: { value: string; label: string; current: string; onPick: (v: string | undefined) => void }) {
  const id = `kind-${value || "all"}`;
  return (
    <span className="chip">
      <input type="radio" id={id} name="kind" value={value} checked={current === value} onChange={() => onPick(value || undefined)} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}

function KindGroups({ events, level = 3 }: { events: EventSummary[]; level?: 3 | 4 }) {
  const { t } = useI18n();
  const H = `h${level}` as const;
  return (
    <div className="kind-groups">
      {groupByKind(events).map((g) => (
        <section key={g.kind} className="kind-group" aria-label={t(KIND_LABEL[g.kind].many)}>
          <H className="kind-title">
            <span className={`kind-dot kind-${g.kind}`} aria-hidden="true" />
            {t(KIND_LABEL[g.kind].many)} <span className="count">{t("events.home.kindCount", { count: g.events.length })}</span>
          </H>
          <div className="event-list">
            {g.events.map((e) => (
              <EventCard key={e.id} event={e} headingLevel={level === 3 ? 4 : 5} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
