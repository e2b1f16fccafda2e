import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import type { ProgrammeItemView, PublicScheduleView, ReleaseView, SnapshotProgramme } from "../../../server/features/schedule/schema.js";
import { formatDate, formatInstant } from "../../../shared/i18n/format.js";
import { ApiError, get } from "../../app/api.js";
import { CopyBox } from "../../app/copy.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { useFavourites } from "./favourites.js";
import { byStart, changeText, daysOf, localDate, nowAndNext, P } from "./logic.js";

/**
 * The public schedule: by day, by time or by room, filtered by track or favourites; "now
 * and next"; session and speaker pages; every released version with its change log; a
 * printable day (the browser's print, with a print style that keeps only the schedule).
 */
const apiOf = (community: string, event: string) => `/communities/${community}/events/${event}`;
const pageOf = (community: string, event: string) => `/communities/${community}/events/${event}/schedule`;

function useSchedule() {
  const { community = "", event = "" } = useParams();
  const [state] = useLoad(
    async (signal) => {
      const [schedule, detail] = await Promise.all([get<PublicScheduleView>(`${apiOf(community, event)}/schedule`, signal), get<EventDetail>(apiOf(community, event), signal)]);
      return { schedule, detail };
    },
    [community, event],
  );
  return { community, event, state };
}

function Crumbs({ p, trail }: { p: SnapshotProgramme; trail: { label: string; to?: string }[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("schedule.page.breadcrumb")} className="breadcrumb no-print">
      <ol>
        <li>
          <Link to={`/communities/${p.event.communitySlug}/events/${p.event.slug}`}>{p.event.title}</Link>
        </li>
        {trail.map((x) =>
          x.to ? (
            <li key={x.label}>
              <Link to={x.to}>{x.label}</Link>
            </li>
          ) : (
            <li key={x.label} aria-current="page">
              {x.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

function Star({ on, title, onToggle }: { on: boolean; title: string; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className={`fav-toggle no-print${on ? " on" : ""}`} aria-pressed={on} onClick={onToggle} title={t(on ? "schedule.page.unfavourite" : "schedule.page.favourite", { title })}>
      <span aria-hidden="true">{on ? P.starOn : P.starOff}</span>
      <span className="visually-hidden">{t(on ? "schedule.page.unfavourite" : "schedule.page.favourite", { title })}</span>
    </button>
  );
}

function People({ item, base }: { item: ProgrammeItemView; base: string }) {
  if (!item.persons.length) return null;
  return (
    <p className="talk-speaker">
      {item.persons.map((x, i) => (
        <span key={x.id}>
          {i > 0 ? P.semi : null}
          <Link to={`${base}/speakers/${x.id}`}>{x.name}</Link>
          {x.affiliation ? <span className="affiliation">{P.comma}{x.affiliation}</span> : null}
        </span>
      ))}
    </p>
  );
}

function ItemCard({ item, p, base, fav, showRoom = true }: { item: ProgrammeItemView; p: SnapshotProgramme; base: string; fav: ReturnType<typeof useFavourites>; showRoom?: boolean }) {
  const { locale } = useI18n();
  const zone = p.event.timeZone;
  const room = p.rooms.find((r) => r.id === item.roomId)?.name ?? "";
  const time = (iso: string) => formatInstant(locale, iso, zone, "time", { zone: false });
  return (
    <li className="schedule-item" data-track={item.track ?? undefined}>
      <div className="schedule-item-head">
        <span className="schedule-when">
          <time dateTime={item.start}>{time(item.start)}</time>{P.dash}<time dateTime={item.end}>{time(item.end)}</time>
        </span>
        {showRoom ? <span className="talk-room">{room}</span> : null}
        {item.track ? <span className="track-pill">{item.track}</span> : null}
        <Star on={fav.ids.includes(item.id)} title={item.title} onToggle={() => fav.toggle(item.id)} />
      </div>
      <h4 className="talk-title">
        <Link to={`${base}/sessions/${item.number ?? item.slug}`}>{item.title}</Link>
      </h4>
      {item.subtitle ? <p className="muted small">{item.subtitle}</p> : null}
      <People item={item} base={base} />
    </li>
  );
}

export function SchedulePage() {
  const { t, locale } = useI18n();
  const { community, event, state } = useSchedule();
  const [params, setParams] = useSearchParams();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const p = state.status === "ok" ? state.data.schedule.programme : null;
  const fav = useFavourites(p?.event.id ?? null, apiOf(community, event));
  const days = useMemo(() => (p ? daysOf(p) : []), [p]);
  useTitle(p ? t("schedule.page.titleOf", { event: p.event.title }) : state.status === "error" ? null : t("schedule.page.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.page.what")} />;
  const { schedule, detail } = state.data;
  const prog = schedule.programme;
  const zone = prog.event.timeZone;
  const base = pageOf(community, event);
  const today = localDate(now, zone);
  const day = days.find((d) => d.date === params.get("day")) ?? days.find((d) => d.date === today) ?? days[0];
  const view = params.get("view") === "room" ? "room" : "time";
  const track = params.get("track") ?? "";
  const onlyFav = params.get("fav") === "1";
  const tracks = [...new Set(prog.items.map((i) => i.track).filter((x): x is string => !!x))].sort();
  const shown = (day?.items ?? []).filter((i) => (!track || i.track === track) && (!onlyFav || fav.ids.includes(i.id)));
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const nn = nowAndNext(prog.items, now);
  const during = days.some((d) => d.date === today);
  return (
    <div className="wrap schedule-page">
      <Flash />
      <Crumbs p={prog} trail={[{ label: t("schedule.page.title") }]} />
      <PageHeader title={t("schedule.page.titleOf", { event: prog.event.title })}>
        {schedule.release ? <p className="muted">{t("schedule.page.version", { version: schedule.release.number, when: formatInstant(locale, schedule.release.releasedAt, zone, "medium") })}</p> : null}
        <p className="muted small">{t("schedule.page.zone", { zone })}</p>
        <p className="button-row no-print">
          <Link className="button secondary" to={`${base}/changes`}>
            {t("schedule.page.changes")}
          </Link>
          {detail.can.update && detail.kind === "conference" ? (
            <Link className="button secondary" to={`${base}/edit`}>
              {t("schedule.page.edit")}
            </Link>
          ) : null}
        </p>
      </PageHeader>

      {during ? (
        <section aria-labelledby="now-title" className="card now-next no-print">
          <h2 id="now-title">{t("schedule.page.nowNext")}</h2>
          {nn.now.length ? (
            <>
              <h3>{t("schedule.page.now")}</h3>
              <ul className="schedule-list">
                {nn.now.map((i) => (
                  <ItemCard key={i.id} item={i} p={prog} base={base} fav={fav} />
                ))}
              </ul>
            </>
          ) : (
            <p>{t("schedule.page.nothingNow")}</p>
          )}
          {nn.next.length ? (
            <>
              <h3>{t("schedule.page.next")}</h3>
              <ul className="schedule-list">
                {nn.next.map((i) => (
                  <ItemCard key={i.id} item={i} p={prog} base={base} fav={fav} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <nav aria-label={t("schedule.page.days")} className="day-tabs no-print">
        <ul>
          {days.map((d) => (
            <li key={d.date}>
              <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), day: d.date }).toString()}`} aria-current={d.date === day?.date ? "page" : undefined} replace>
                {formatDate(locale, d.date, "weekday")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="schedule-controls no-print">
        <fieldset className="segmented">
          <legend>{t("schedule.page.view")}</legend>
          <label>
            <input type="radio" name="view" checked={view === "time"} onChange={() => set("view", null)} /> {t("schedule.page.byTime")}
          </label>
          <label>
            <input type="radio" name="view" checked={view === "room"} onChange={() => set("view", "room")} /> {t("schedule.page.byRoom")}
          </label>
        </fieldset>
        {tracks.length ? (
          <label className="inline-field">
            {t("schedule.page.track")}{P.space}
            <select value={track} onChange={(e) => set("track", e.target.value || null)}>
              <option value="">{t("schedule.page.allTracks")}</option>
              {tracks.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="inline-field">
          <input type="checkbox" checked={onlyFav} onChange={(e) => set("fav", e.target.checked ? "1" : null)} /> {t("schedule.page.onlyFavourites")}
        </label>
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t("schedule.page.print")}
        </button>
      </div>

      {day ? (
        <section aria-labelledby="day-title" className="schedule-day">
          <h2 id="day-title">{formatDate(locale, day.date, "weekday")}</h2>
          {shown.length === 0 ? <p className="empty">{t("schedule.page.empty")}</p> : view === "time" ? <ByTime day={day} items={shown} p={prog} base={base} fav={fav} /> : <ByRoom items={shown} p={prog} base={base} fav={fav} />}
        </section>
      ) : (
        <p className="empty">{t("schedule.page.empty")}</p>
      )}

      <p className="muted small no-print">{fav.signedIn ? t("schedule.page.favouritesSynced") : t("schedule.page.favouritesHint")}</p>
      {fav.signedIn ? (
        <p className="small no-print">
          <Link to={`/communities/${community}/events/${event}/schedule/availability`}>{t("schedule.availability.link")}</Link>
        </p>
      ) : null}
      <Outputs s={schedule} favIcs={fav.calendarUrl ?? (fav.ids.length ? `${schedule.outputs.ics}?sessions=${prog.items.filter((i) => fav.ids.includes(i.id)).map((i) => i.number).join(",")}` : null)} tracks={tracks} />
    </div>
  );
}

function ByTime({ day, items, p, base, fav }: { day: ReturnType<typeof daysOf>[number]; items: ProgrammeItemView[]; p: SnapshotProgramme; base: string; fav: ReturnType<typeof useFavourites> }) {
  const { t, locale } = useI18n();
  const zone = p.event.timeZone;
  const rows = byStart<{ start: string; item?: ProgrammeItemView; pause?: (typeof day.breaks)[number] }>([...items.map((item) => ({ start: item.start, item })), ...day.breaks.map((pause) => ({ start: pause.start, pause }))]);
  return (
    <ol className="schedule-times">
      {rows.map(([start, list]) => (
        <li key={start}>
          <h3 className="schedule-time">
            <time dateTime={start}>{formatInstant(locale, start, zone, "time", { zone: false })}</time>
          </h3>
          <ul className="schedule-list">
            {list.map((x) =>
              x.item ? (
                <ItemCard key={x.item.id} item={x.item} p={p} base={base} fav={fav} />
              ) : (
                <li key={x.pause!.id} className="schedule-break">
                  {x.pause!.title || t("schedule.page.break")}{P.open}{formatInstant(locale, x.pause!.start, zone, "time", { zone: false })}{P.dash}{formatInstant(locale, x.pause!.end, zone, "time", { zone: false })}{P.close}
                </li>
              ),
            )}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function ByRoom({ items, p, base, fav }: { items: ProgrammeItemView[]; p: SnapshotProgramme; base: string; fav: ReturnType<typeof useFavourites> }) {
  const rooms = [...p.rooms].sort((a, b) => a.position - b.position).filter((r) => items.some((i) => i.roomId === r.id));
  return (
    <div className="schedule-rooms">
      {rooms.map((r) => (
        <section key={r.id} aria-labelledby={`room-${r.id}`} className="schedule-room">
          <h3 id={`room-${r.id}`}>{r.name}</h3>
          <ul className="schedule-list">
            {items
              .filter((i) => i.roomId === r.id)
              .map((i) => (
                <ItemCard key={i.id} item={i} p={p} base={base} fav={fav} showRoom={false} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Outputs({ s, favIcs, tracks }: { s: PublicScheduleView; favIcs: string | null; tracks: string[] }) {
  const { t } = useI18n();
  const o = s.outputs;
  const link = (href: string, label: ReactNode) => (
    <li>
      <a href={href}>{label}</a>
    </li>
  );
  return (
    <section aria-labelledby="outputs-title" className="card outputs no-print">
      <h2 id="outputs-title">{t("schedule.page.outputs")}</h2>
      <p className="muted">{t("schedule.page.outputsLede")}</p>
      <ul className="output-links">
        {link(o.xml, t("schedule.page.outputXml"))}
        {link(o.json, t("schedule.page.outputJson"))}
        {link(o.json2, t("schedule.page.outputJson2"))}
        {link(o.ics, t("schedule.page.outputIcs"))}
        {link(o.csv, t("schedule.page.outputCsv"))}
        {favIcs ? link(favIcs, t("schedule.page.favouritesCalendar")) : null}
        {s.programme.rooms.map((r) => link(`${o.ics}?room=${r.id}`, t("schedule.page.roomCalendar", { room: r.name })))}
        {tracks.map((x) => link(`${o.ics}?track=${encodeURIComponent(x)}`, t("schedule.page.trackCalendar", { track: x })))}
      </ul>
      <h3>{t("schedule.page.embed")}</h3>
      <p>{t("schedule.page.embedHint")}</p>
      {/* eslint-disable-next-line no-restricted-syntax -- HTML for the visitor's own site, not text to translate */}
      <CopyBox value={`<script src="${o.widgetScript}" async></script>`} label={t("schedule.page.embed")} />
    </section>
  );
}

export function SessionPage() {
  const { t, locale } = useI18n();
  const { community, event, state } = useSchedule();
  const { number = "" } = useParams();
  const p = state.status === "ok" ? state.data.schedule.programme : null;
  const fav = useFavourites(p?.event.id ?? null, apiOf(community, event));
  const item = p?.items.find((i) => String(i.number ?? i.slug) === number);
  useTitle(item ? item.title : state.status === "loading" ? t("schedule.page.title") : null);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.session.what")} />;
  const prog = state.data.schedule.programme;
  if (!item) return <PageError error={new ApiError(404, "not_found", "")} what={t("schedule.session.what")} />;
  const base = pageOf(community, event);
  const zone = prog.event.timeZone;
  return (
    <article className="wrap narrow session-page">
      <Crumbs p={prog} trail={[{ label: t("schedule.page.title"), to: base }, { label: item.title }]} />
      <PageHeader title={item.title} eyebrow={prog.event.title}>
        {item.subtitle ? <p className="lede">{item.subtitle}</p> : null}
        <Star on={fav.ids.includes(item.id)} title={item.title} onToggle={() => fav.toggle(item.id)} />
      </PageHeader>
      <dl className="facts">
        <div>
          <dt>{t("schedule.session.when")}</dt>
          <dd>
            <time dateTime={item.start}>{formatInstant(locale, item.start, zone, "long")}</time>{P.open}{t("schedule.page.duration", { minutes: Math.round((Date.parse(item.end) - Date.parse(item.start)) / 60_000) })}{P.close}
          </dd>
        </div>
        <div>
          <dt>{t("schedule.session.where")}</dt>
          <dd>{prog.rooms.find((r) => r.id === item.roomId)?.name}</dd>
        </div>
        {item.track ? (
          <div>
            <dt>{t("schedule.session.track")}</dt>
            <dd>{item.track}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("schedule.session.type")}</dt>
          <dd>{item.type}</dd>
        </div>
        {item.language ? (
          <div>
            <dt>{t("schedule.session.language")}</dt>
            <dd>{item.language}</dd>
          </div>
        ) : null}
      </dl>
      {item.abstract ? <p className="prose">{item.abstract}</p> : null}
      {item.description ? <p className="prose">{item.description}</p> : null}
      <h2>{t("schedule.session.speakers")}</h2>
      <People item={item} base={base} />
      <p className="button-row">
        <a className="button secondary" href={`${state.data.schedule.outputs.ics}?sessions=${item.number}`}>
          {t("schedule.session.calendar")}
        </a>
        <Link to={base}>{t("schedule.session.back")}</Link>
      </p>
    </article>
  );
}

export function SpeakerPage() {
  const { t } = useI18n();
  const { community, event, state } = useSchedule();
  const { speaker = "" } = useParams();
  const p = state.status === "ok" ? state.data.schedule.programme : null;
  const fav = useFavourites(p?.event.id ?? null, apiOf(community, event));
  const items = p?.items.filter((i) => i.persons.some((x) => x.id === speaker)) ?? [];
  const person = items[0]?.persons.find((x) => x.id === speaker);
  useTitle(person ? person.name : state.status === "loading" ? t("schedule.page.speakers") : null);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.speaker.what")} />;
  if (!person) return <PageError error={new ApiError(404, "not_found", "")} what={t("schedule.speaker.what")} />;
  const prog = state.data.schedule.programme;
  const base = pageOf(community, event);
  return (
    <article className="wrap narrow speaker-page">
      <Crumbs p={prog} trail={[{ label: t("schedule.page.title"), to: base }, { label: person.name }]} />
      <PageHeader title={person.name} eyebrow={person.affiliation ?? undefined} />
      <h2>{t("schedule.speaker.sessions")}</h2>
      <ul className="schedule-list">
        {items.map((i) => (
          <ItemCard key={i.id} item={i} p={prog} base={base} fav={fav} />
        ))}
      </ul>
      <p>
        <a href={`${state.data.schedule.outputs.ics}?speaker=${person.id}`}>{t("schedule.speaker.calendar", { name: person.name })}</a>
      </p>
    </article>
  );
}

export function ChangesPage() {
  const { t, locale } = useI18n();
  const { community, event, state } = useSchedule();
  const [versions] = useLoad((signal) => get<{ releases: ReleaseView[] }>(`${apiOf(community, event)}/schedule/versions`, signal), [community, event]);
  useTitle(t("schedule.changes.title"));
  if (state.status === "loading" || versions.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.page.what")} />;
  if (versions.status === "error") return <PageError error={versions.error} what={t("schedule.page.what")} />;
  const prog = state.data.schedule.programme;
  const zone = prog.event.timeZone;
  const base = pageOf(community, event);
  return (
    <div className="wrap narrow changes-page">
      <Crumbs p={prog} trail={[{ label: t("schedule.page.title"), to: base }, { label: t("schedule.changes.title") }]} />
      <PageHeader title={t("schedule.changes.title")} eyebrow={prog.event.title}>
        <p className="lede">{t("schedule.changes.lede")}</p>
      </PageHeader>
      <ol className="release-list">
        {versions.data.releases.map((r) => (
          <li key={r.number}>
            <h2>{t("schedule.changes.version", { version: r.number })}</h2>
            <p className="muted">{t("schedule.changes.released", { when: formatInstant(locale, r.releasedAt, zone, "medium"), sessions: r.sessions })}</p>
            {r.note ? <p>{r.note}</p> : null}
            {r.number === 1 && !r.changes.length ? (
              <p>{t("schedule.changes.first")}</p>
            ) : r.changes.length ? (
              <ul className="change-list">
                {r.changes.map((c) => (
                  <li key={`${c.kind}-${c.sessionId}`}>{changeText(c, zone, locale, t)}</li>
                ))}
              </ul>
            ) : (
              <p>{t("schedule.changes.none")}</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
