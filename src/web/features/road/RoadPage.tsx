import { Link, useParams, useSearchParams } from "react-router-dom";
import type { PlaceView, TalkList, TalkView } from "../../../server/features/road/schema.js";
import { get, query } from "../../app/api.js";
import { formatLongDate, formatTime } from "../../app/dates.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { PlaceSearch } from "./PlaceSearch.js";
import { TalkMap } from "./TalkMap.js";

const WHEN = [
  { value: "upcoming", label: "Upcoming" },
  { value: "past", label: "Past" },
  { value: "all", label: "All" },
] as const;
const RADII = ["", "100", "250", "500", "1000", "2500"];
const FILTERS = ["when", "month", "country", "topic", "speaker", "place", "near", "within", "label"] as const;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const monthName = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
export const km = (n: number) => `${n.toLocaleString("en-GB")} km`;

/** The community's calendar of talks at other conferences, with filters held in the address so every view can be shared. */
export function RoadPage() {
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
  useTitle(state.status === "error" ? null : "Talks on the road");

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
      (pos) => set({ near: `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`, place: undefined, label: "your location" }),
      () => window.alert("Your browser did not give a location. Type a city instead."),
    );
  const organiser = proposals.status === "ok" && proposals.data !== null;

  return (
    <div className="wrap road-page">
      <Flash />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}`}>Community</Link>
          </li>
          <li aria-current="page">Talks on the road</li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>Talks on the road</h1>
        <p className="lede">Talks community members give at other conferences. Find one near you, and find the slides and videos of those that have happened.</p>
        <p className="button-row">
          {user ? (
            <Link to={`/communities/${community}/road/propose`} className="button primary">
              Propose a talk you will give
            </Link>
          ) : (
            <Link to={`/sign-in?next=${encodeURIComponent(`/communities/${community}/road/propose`)}`} className="button secondary">
              Sign in to propose a talk
            </Link>
          )}
          {organiser ? (
            <>
              <Link to={`/communities/${community}/road/review`} className="button secondary">
                Proposals ({proposals.data!.talks.length})
              </Link>
              <Link to={`/communities/${community}/road/wanted`} className="button secondary">
                Slides and video wanted
              </Link>
            </>
          ) : null}
        </p>
      </div>

      <form className="road-filters card" role="search" aria-label="Find talks" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="chips">
          <legend className="visually-hidden">When</legend>
          {WHEN.map((w) => (
            <span className="chip" key={w.value}>
              <input type="radio" id={`when-${w.value}`} name="when" checked={when === w.value} onChange={() => set({ when: w.value === "upcoming" ? undefined : w.value })} />
              <label htmlFor={`when-${w.value}`}>{w.label}</label>
            </span>
          ))}
        </fieldset>
        <div className="filter-grid">
          <PlaceSearch
            label="Near a city"
            hint="Sorted by distance from it."
            initial={f.label ?? ""}
            onPick={(p: PlaceView) => set({ place: String(p.id), near: undefined, label: p.label })}
          />
          <div className="field">
            <label htmlFor="within">Within</label>
            <select id="within" value={f.within ?? ""} onChange={(e) => set({ within: e.target.value || undefined })} disabled={!f.place && !f.near}>
              {RADII.map((r) => (
                <option key={r} value={r}>
                  {r ? `${Number(r).toLocaleString("en-GB")} km` : "any distance"}
                </option>
              ))}
            </select>
          </div>
          {state.status === "ok" ? (
            <>
              <Facet id="country" label="Country" value={f.country} options={state.data.facets.countries} onChange={(v) => set({ country: v })} />
              <Facet id="topic" label="Topic" value={f.topic} options={state.data.facets.topics} onChange={(v) => set({ topic: v })} />
              <Facet id="speaker" label="Speaker" value={f.speaker} options={state.data.facets.speakers} onChange={(v) => set({ speaker: v })} />
            </>
          ) : null}
        </div>
        <p className="button-row">
          {"geolocation" in navigator ? (
            <button type="button" className="button small secondary" onClick={useMyLocation}>
              Use my location
            </button>
          ) : null}
          {f.place || f.near || f.country || f.topic || f.speaker || f.month ? (
            <button type="button" className="button small secondary" onClick={() => setParams(when === "upcoming" ? {} : { when }, { replace: true })}>
              Clear filters
            </button>
          ) : null}
        </p>
        <p className="muted small">Places: GeoNames (CC BY 4.0), searched on this server.</p>
      </form>

      {state.status === "loading" ? <Loading label="Loading talks…" /> : null}
      {state.status === "error" ? <PageError error={state.error} what="This calendar" /> : null}
      {state.status === "ok" ? <Results list={state.data} month={f.month} onMonth={(m) => set({ month: m })} /> : null}
    </div>
  );
}

function Facet({ id, label, value, options, onChange }: { id: string; label: string; value: string | undefined; options: { value: string; count: number }[]; onChange: (v: string | undefined) => void }) {
  return (
    <div className="field">
      <label htmlFor={`facet-${id}`}>{label}</label>
      <select id={`facet-${id}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value} ({o.count})
          </option>
        ))}
        {value && !options.some((o) => o.value.toLowerCase() === value.toLowerCase()) ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  );
}

function Results({ list, month, onMonth }: { list: TalkList; month: string | undefined; onMonth: (m: string | undefined) => void }) {
  const byMonth = new Map<string, TalkView[]>();
  for (const t of list.talks) (byMonth.get(t.startsLocal.slice(0, 7)) ?? byMonth.set(t.startsLocal.slice(0, 7), []).get(t.startsLocal.slice(0, 7))!).push(t);
  return (
    <section aria-labelledby="results-title" className="road-results">
      <h2 id="results-title" className="visually-hidden">
        Talks
      </h2>
      <p role="status" className="result-count">
        {list.total === 0 ? "No talks match." : `${list.total} talk${list.total === 1 ? "" : "s"}`}
        {list.origin && list.total ? `, nearest to ${list.origin.label} first` : ""}
        {list.total > list.talks.length ? ` (showing the first ${list.talks.length})` : ""}.
      </p>
      {list.facets.months.length > 1 ? (
        <nav aria-label="Months" className="month-nav">
          <ul className="chips">
            <li>
              <button type="button" className={`button small ${month ? "secondary" : "primary"}`} aria-pressed={!month} onClick={() => onMonth(undefined)}>
                Every month
              </button>
            </li>
            {list.facets.months.map((m) => (
              <li key={m.value}>
                <button type="button" className={`button small ${month === m.value ? "primary" : "secondary"}`} aria-pressed={month === m.value} onClick={() => onMonth(m.value)}>
                  {monthName(m.value)} ({m.count})
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <TalkMap talks={list.talks} origin={list.origin} />
      {list.origin ? (
        <ol className="road-list">
          {list.talks.map((t) => (
            <TalkCard key={t.id} t={t} />
          ))}
        </ol>
      ) : (
        [...byMonth.entries()].map(([m, talks]) => (
          <section key={m} aria-labelledby={`m-${m}`} className="road-month">
            <h3 id={`m-${m}`}>{monthName(m)}</h3>
            <ol className="road-list">
              {talks.map((t) => (
                <TalkCard key={t.id} t={t} />
              ))}
            </ol>
          </section>
        ))
      )}
      <p className="feed-links">
        Subscribe to exactly this selection:{" "}
        <a href={list.feeds.ical} type="text/calendar">
          iCalendar
        </a>{" "}
        ·{" "}
        <a href={list.feeds.atom} type="application/atom+xml">
          Atom feed
        </a>
      </p>
    </section>
  );
}

export function speakerLine(t: TalkView): string {
  return t.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(", ");
}

function TalkCard({ t }: { t: TalkView }) {
  return (
    <li className="road-talk card">
      <div className="road-when">
        <time dateTime={t.startsAt}>{formatLongDate(t.startsLocal.slice(0, 10))}</time>
        <span>
          {formatTime(t.startsAt, t.event.timeZone)}
          {t.endsAt ? `–${formatTime(t.endsAt, t.event.timeZone)}` : ""} <span className="muted small">local time</span>
        </span>
      </div>
      <div className="road-body">
        <h4>
          <Link to={`/communities/${t.communitySlug}/road/talks/${t.id}`}>{t.title}</Link>
        </h4>
        <p className="road-speakers">{speakerLine(t)}</p>
        <p className="road-where">
          {t.event.name}
          {t.event.city ? ` · ${t.event.city}` : ""}
          {t.event.country ? `, ${t.event.country}` : ""}
        </p>
        {t.topics.length ? (
          <p className="road-topics">
            {t.topics.map((x) => (
              <span key={x} className="badge">
                {x}
              </span>
            ))}
          </p>
        ) : null}
      </div>
      {t.distanceKm !== null ? (
        <p className="road-distance" aria-label={`${km(t.distanceKm)} away`}>
          {km(t.distanceKm)}
        </p>
      ) : null}
    </li>
  );
}
