import { Link, useParams, useSearchParams } from "react-router-dom";
import type { PlaceView, TalkList, TalkView } from "../../../server/features/road/schema.js";
import { get, query } from "../../app/api.js";
import { formatLongDate, formatMonth, formatTime } from "../../app/dates.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { fmt, T, t as tNow, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { PlaceSearch } from "./PlaceSearch.js";
import { TalkMap } from "./TalkMap.js";

const WHEN = [
  { value: "upcoming", label: "road.when.upcoming" },
  { value: "past", label: "road.when.past" },
  { value: "all", label: "road.when.all" },
] as const;
const RADII = ["", "100", "250", "500", "1000", "2500"];
const FILTERS = ["when", "month", "country", "topic", "speaker", "place", "near", "within", "label"] as const;
/** Punctuation between the parts of a place: the same in every language we speak. */
const DOT = " · ";

/** The community's calendar of talks at other conferences, with filters held in the address so every view can be shared. */
export function RoadPage() {
  const { t } = useI18n();
  const { community = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const when = f.when ?? "upcoming";
  const [state] = useLoad(
    (signal) => get<TalkList>(`/communities/${community}/road/talks${query({ when, month: f.month, country: f.country, topic: f.topic, speaker: f.speaker, place: f.place, near: f.near, within: f.within, limit: 100 })}`, signal),
    [community, params.toString()],
  );
  const [proposals] = useLoad(async (signal) => (user ? get<{ talks: TalkView[] }>(`/communities/${community}/road/proposals`, signal).catch(() => null) : null), [community, user?.id]);
  useTitle(state.status === "error" ? null : t("road.title"));

  const set = (next: Partial<Record<(typeof FILTERS)[number], string | undefined>>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if ("when" in next) p.delete("month");
    setParams(p, { replace: true });
  };
  const useMyLocation = () =>
    navigator.geolocation?.getCurrentPosition(
      (pos) => set({ near: `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`, place: undefined, label: tNow("road.list.yourLocation") }),
      () => window.alert(tNow("road.filters.noLocation")),
    );
  const organiser = proposals.status === "ok" && proposals.data !== null;

  return (
    <div className="wrap road-page">
      <Flash />
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}`}>{t("communities.page.title")}</Link>
          </li>
          <li aria-current="page">{t("road.title")}</li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>{t("road.title")}</h1>
        <p className="lede">{t("road.lede")}</p>
        <p className="button-row">
          {user ? (
            <Link to={`/communities/${community}/road/propose`} className="button primary">
              {t("road.propose.title")}
            </Link>
          ) : (
            <Link to={`/sign-in?next=${encodeURIComponent(`/communities/${community}/road/propose`)}`} className="button secondary">
              {t("road.propose.signInButton")}
            </Link>
          )}
          {organiser ? (
            <>
              <Link to={`/communities/${community}/road/review`} className="button secondary">
                {t("road.list.proposalsButton", { count: proposals.data!.talks.length })}
              </Link>
              <Link to={`/communities/${community}/road/wanted`} className="button secondary">
                {t("road.wanted.title")}
              </Link>
            </>
          ) : null}
        </p>
      </div>

      <form className="road-filters card" role="search" aria-label={t("road.filters.label")} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="chips">
          <legend className="visually-hidden">{t("road.talk.when")}</legend>
          {WHEN.map((w) => (
            <span className="chip" key={w.value}>
              <input type="radio" id={`when-${w.value}`} name="when" checked={when === w.value} onChange={() => set({ when: w.value === "upcoming" ? undefined : w.value })} />
              <label htmlFor={`when-${w.value}`}>{t(w.label)}</label>
            </span>
          ))}
        </fieldset>
        <div className="filter-grid">
          <PlaceSearch
            label={t("road.filters.near")}
            hint={t("road.filters.nearHint")}
            initial={f.label ?? ""}
            onPick={(p: PlaceView) => set({ place: String(p.id), near: undefined, label: p.label })}
          />
          <div className="field">
            <label htmlFor="within">{t("road.filters.within")}</label>
            <select id="within" value={f.within ?? ""} onChange={(e) => set({ within: e.target.value || undefined })} disabled={!f.place && !f.near}>
              {RADII.map((r) => (
                <option key={r} value={r}>
                  {r ? fmt.distance(Number(r)) : t("road.filters.anyDistance")}
                </option>
              ))}
            </select>
          </div>
          {state.status === "ok" ? (
            <>
              <Facet id="country" label={t("road.filters.country")} value={f.country} options={state.data.facets.countries} onChange={(v) => set({ country: v })} />
              <Facet id="topic" label={t("road.filters.topic")} value={f.topic} options={state.data.facets.topics} onChange={(v) => set({ topic: v })} />
              <Facet id="speaker" label={t("road.filters.speaker")} value={f.speaker} options={state.data.facets.speakers} onChange={(v) => set({ speaker: v })} />
            </>
          ) : null}
        </div>
        <p className="button-row">
          {"geolocation" in navigator ? (
            <button type="button" className="button small secondary" onClick={useMyLocation}>
              {t("road.filters.useMyLocation")}
            </button>
          ) : null}
          {f.place || f.near || f.country || f.topic || f.speaker || f.month ? (
            <button type="button" className="button small secondary" onClick={() => setParams(when === "upcoming" ? {} : { when }, { replace: true })}>
              {t("road.filters.clear")}
            </button>
          ) : null}
        </p>
        <p className="muted small">{t("road.filters.gazetteer")}</p>
      </form>

      {state.status === "loading" ? <Loading label={t("road.list.loading")} /> : null}
      {state.status === "error" ? <PageError error={state.error} what={t("road.list.what")} /> : null}
      {state.status === "ok" ? <Results list={state.data} near={Boolean(f.near)} month={f.month} onMonth={(m) => set({ month: m })} /> : null}
    </div>
  );
}

function Facet({ id, label, value, options, onChange }: { id: string; label: string; value: string | undefined; options: { value: string; count: number }[]; onChange: (v: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={`facet-${id}`}>{label}</label>
      <select id={`facet-${id}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t("road.filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {t("road.filters.option", { value: o.value, count: o.count })}
          </option>
        ))}
        {value && !options.some((o) => o.value.toLowerCase() === value.toLowerCase()) ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  );
}

function Results({ list, near, month, onMonth }: { list: TalkList; near: boolean; month: string | undefined; onMonth: (m: string | undefined) => void }) {
  const { t } = useI18n();
  const byMonth = new Map<string, TalkView[]>();
  for (const talk of list.talks) (byMonth.get(talk.startsLocal.slice(0, 7)) ?? byMonth.set(talk.startsLocal.slice(0, 7), []).get(talk.startsLocal.slice(0, 7))!).push(talk);
  return (
    <section aria-labelledby="results-title" className="road-results">
      <h2 id="results-title" className="visually-hidden">
        {t("road.list.talks")}
      </h2>
      <p role="status" className="result-count">
        {t("road.list.count", { total: list.total, near: !list.origin ? "no" : near ? "me" : "place", origin: list.origin?.label ?? "", cut: list.total > list.talks.length ? "yes" : "no", shown: list.talks.length })}
      </p>
      {list.facets.months.length > 1 ? (
        <nav aria-label={t("road.list.months")} className="month-nav">
          <ul className="chips">
            <li>
              <button type="button" className={`button small ${month ? "secondary" : "primary"}`} aria-pressed={!month} onClick={() => onMonth(undefined)}>
                {t("road.list.everyMonth")}
              </button>
            </li>
            {list.facets.months.map((m) => (
              <li key={m.value}>
                <button type="button" className={`button small ${month === m.value ? "primary" : "secondary"}`} aria-pressed={month === m.value} onClick={() => onMonth(m.value)}>
                  {t("road.list.monthCount", { month: formatMonth(m.value), count: m.count })}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <TalkMap talks={list.talks} origin={list.origin} />
      {list.origin ? (
        <ol className="road-list">
          {list.talks.map((talk) => (
            <TalkCard key={talk.id} t={talk} />
          ))}
        </ol>
      ) : (
        [...byMonth.entries()].map(([m, talks]) => (
          <section key={m} aria-labelledby={`m-${m}`} className="road-month">
            <h3 id={`m-${m}`}>{formatMonth(m)}</h3>
            <ol className="road-list">
              {talks.map((talk) => (
                <TalkCard key={talk.id} t={talk} />
              ))}
            </ol>
          </section>
        ))
      )}
      <p className="feed-links">
        <T
          id="road.list.feeds"
          values={{
            ical: (c) => (
              <a href={list.feeds.ical} type="text/calendar">
                {c}
              </a>
            ),
            atom: (c) => (
              <a href={list.feeds.atom} type="application/atom+xml">
                {c}
              </a>
            ),
          }}
        />
      </p>
    </section>
  );
}

export function speakerLine(t: TalkView): string {
  return t.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(", ");
}

function TalkCard({ t: talk }: { t: TalkView }) {
  const { t } = useI18n();
  const zone = talk.event.timeZone;
  return (
    <li className="road-talk card">
      <div className="road-when">
        <time dateTime={talk.startsAt}>{formatLongDate(talk.startsLocal.slice(0, 10))}</time>
        <span>
          {talk.endsAt ? t("road.talk.timeRange", { start: formatTime(talk.startsAt, zone), end: formatTime(talk.endsAt, zone) }) : formatTime(talk.startsAt, zone)} <span className="muted small">{t("road.talk.localTime")}</span>
        </span>
      </div>
      <div className="road-body">
        <h4>
          <Link to={`/communities/${talk.communitySlug}/road/talks/${talk.id}`}>{talk.title}</Link>
        </h4>
        <p className="road-speakers">{speakerLine(talk)}</p>
        <p className="road-where">{[talk.event.name, [talk.event.city, talk.event.country].filter(Boolean).join(", ")].filter(Boolean).join(DOT)}</p>
        {talk.topics.length ? (
          <p className="road-topics">
            {talk.topics.map((x) => (
              <span key={x} className="badge">
                {x}
              </span>
            ))}
          </p>
        ) : null}
      </div>
      {talk.distanceKm !== null ? (
        <p className="road-distance" aria-label={t("road.talk.away", { distance: fmt.distance(talk.distanceKm) })}>
          {fmt.distance(talk.distanceKm)}
        </p>
      ) : null}
    </li>
  );
}
