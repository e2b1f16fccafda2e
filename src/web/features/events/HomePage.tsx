import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { LIMITS } from "../../../server/features/events/schema.js";
import { CharacterCount, overLimit } from "../../app/forms.js";
import { useTitle } from "../../app/hooks.js";
import { T, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { EventList, KindFilter, kindParam, PastByYear, useUpcomingAndPast } from "./EventLists.js";

export function HomePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = kindParam(params.get("kind"));
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const [data] = useUpcomingAndPast({ kind, q: q || undefined });
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
    if (overLimit(search, LIMITS.searchMax)) return;
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
            <KindFilter kind={kind} onPick={(v) => update({ kind: v })} />
            <div className="search-box">
              <label htmlFor="event-search" className="visually-hidden">
                {t("events.home.searchLabel")}
              </label>
              <input id="event-search" type="search" placeholder={t("events.home.searchPlaceholder")} value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="event-search-count" aria-invalid={overLimit(search, LIMITS.searchMax) || undefined} />
              <button type="submit" className="button primary">
                {t("common.search")}
              </button>
              <CharacterCount id="event-search-count" value={search} limit={LIMITS.searchMax} />
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
                <EventList events={data.data.upcoming.events} headingLevel={3} />
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
              <PastByYear events={data.data.past} idPrefix="year" empty={<p className="empty">{t("events.home.noPast", { filtered: filtered ? "yes" : "no" })}</p>} />
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
