import { Link, useParams } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { get } from "../../app/api.js";
import { formatDateRange, formatDeadline, formatLongDate, formatTime, localDay, todayIso } from "../../app/dates.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { fmt, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { KIND_LABEL } from "./kinds.js";
import { RegistrationCallToAction, useRegistrationOrganiser } from "../registration/EventRegistration.js";
import { EventAnnouncements } from "../announcements/AnnouncementPages.js";
import { EventCallLinks } from "../cfp/EventCallLinks.js";
import { EventScheduleLinks } from "../schedule/EventScheduleLinks.js";

type Talk = EventDetail["talks"][number];
/** Punctuation between parts of a line: the same in every language we speak. */
const DOT = " · ";
const DASH = "–";
const SEMICOLON = "; ";

export function EventPage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const [state] = useLoad((signal) => get<EventDetail>(`/communities/${community}/events/${event}`, signal), [community, event]);
  useTitle(state.status === "ok" ? state.data.name : state.status === "error" ? null : t("events.page.title"));
  if (state.status === "loading") return <Loading label={t("events.page.loading")} />;
  if (state.status === "error") return <PageError error={state.error} what={t("events.page.what")} />;
  return <EventView e={state.data} />;
}

function EventView({ e }: { e: EventDetail }) {
  const { t } = useI18n();
  const base = `/communities/${e.communitySlug}/events/${e.slug}`;
  const today = todayIso();
  const when = e.endDate < today ? "past" : e.startDate > today ? "upcoming" : "now";
  const cfpOpen = e.cfpClosesAt ? new Date(e.cfpClosesAt).getTime() > Date.now() : false;
  // Organisers see the registration pages; an event's editors also before registration is set up.
  const registrationOrganiser = useRegistrationOrganiser(e.kind === "hackathon" ? e.communitySlug : null, e.slug) || (e.kind === "hackathon" && e.can.update);
  return (
    <article className="event-page">
      <header className={`event-hero kind-${e.kind}`}>
        <div className="wrap">
          <Flash />
          <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
            <ol>
              <li>
                <Link to="/">{t("layout.nav.events")}</Link>
              </li>
              <li>
                <Link to={`/communities/${e.communitySlug}`}>{e.communityName}</Link>
              </li>
              <li aria-current="page">{e.name}</li>
            </ol>
          </nav>
          <p className="event-hero-kind">
            <span className={`kind-pill kind-${e.kind}`}>{t(KIND_LABEL[e.kind].one)}</span>
            {when === "past" ? <span className="badge">{t("events.page.past")}</span> : when === "now" ? <span className="badge badge-ok">{t("events.page.now")}</span> : null}
            {!e.published ? <span className="badge badge-warn">{t("events.page.unpublished")}</span> : null}
          </p>
          <h1>{e.name}</h1>
          <p className="event-hero-when">
            <time dateTime={e.startDate}>{formatDateRange(e.startDate, e.endDate)}</time>
            {e.city ? (
              <span>
                {DOT}
                {e.city}
              </span>
            ) : null}
          </p>
          {e.can.update || e.can.manageRoles || registrationOrganiser ? (
            <p className="button-row">
              {registrationOrganiser ? (
                <Link to={`${base}/registration`} className="button secondary">
                  {t("events.page.registration")}
                </Link>
              ) : null}
              {e.can.update ? (
                <Link to={`${base}/settings`} className="button secondary">
                  {t("events.settings.title")}
                </Link>
              ) : null}
              {e.can.manageRoles ? (
                <Link to={`${base}/settings#people`} className="button secondary">
                  {t("events.roles.title")}
                </Link>
              ) : null}
            </p>
          ) : null}
        </div>
      </header>
      <div className="wrap event-layout">
        <div className="event-main">
          {e.kind === "hackathon" ? <RegistrationCallToAction community={e.communitySlug} event={e.slug} /> : null}
          {e.descriptionHtml ? (
            <section aria-labelledby="about-title" className="prose-section">
              <h2 id="about-title">{t("events.page.about")}</h2>
              <div className="prose" dangerouslySetInnerHTML={{ __html: e.descriptionHtml }} />
            </section>
          ) : null}
          <EventCallLinks e={e} />
          <EventScheduleLinks e={e} />
          <Programme talks={e.talks} timeZone={e.timeZone} kind={e.kind} />
          <EventAnnouncements community={e.communitySlug} event={e.slug} />
        </div>
        <aside className="event-facts card" aria-labelledby="facts-title">
          <h2 id="facts-title" className="visually-hidden">
            {t("events.page.details")}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t("events.page.dates")}</dt>
              <dd>
                {e.startDate === e.endDate ? (
                  formatLongDate(e.startDate)
                ) : (
                  <>
                    {`${formatLongDate(e.startDate)} –`}
                    <br />
                    {formatLongDate(e.endDate)}
                  </>
                )}
              </dd>
            </div>
            {e.venue || e.city || e.country ? (
              <div>
                <dt>{t("events.form.venue")}</dt>
                <dd>
                  {e.venue ? <span className="venue-name">{e.venue}</span> : null}
                  {e.city ? <span className="venue-line">{e.city}</span> : null}
                  {e.country ? <span className="venue-line">{e.country}</span> : null}
                  {e.latitude != null && e.longitude != null ? (
                    <a className="venue-line" href={`https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=16/${e.latitude}/${e.longitude}`} rel="noopener noreferrer" target="_blank">
                      {t("events.page.showOnMap")}
                      <span className="visually-hidden"> {t("common.opensInNewTab")}</span>
                    </a>
                  ) : null}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t("events.form.timeZone")}</dt>
              <dd>
                {e.timeZone}
                <span className="venue-line muted small">{t("events.page.localTimes")}</span>
              </dd>
            </div>
            {e.hostOrganisation ? (
              <div>
                <dt>{t("events.page.hostedBy")}</dt>
                <dd>{e.hostOrganisation}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("events.page.community")}</dt>
              <dd>
                <Link to={`/communities/${e.communitySlug}`}>{e.communityName}</Link>
              </dd>
            </div>
            {e.cfpClosesAt ? (
              <div>
                <dt>{t("events.page.cfp", { open: cfpOpen ? "yes" : "no" })}</dt>
                <dd>
                  <time dateTime={e.cfpClosesAt}>{formatDeadline(e.cfpClosesAt, e.timeZone)}</time>
                  <span className="venue-line muted small">{t("events.page.zoneTime", { zone: e.timeZone })}</span>
                </dd>
              </div>
            ) : null}
            {e.capacity ? (
              <div>
                <dt>{t("events.form.capacity")}</dt>
                <dd>{fmt.number(e.capacity)}</dd>
              </div>
            ) : null}
            {e.website ? (
              <div>
                <dt>{t("events.form.website")}</dt>
                <dd>
                  <a href={e.website} rel="noopener noreferrer" className="break">
                    {e.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </aside>
      </div>
    </article>
  );
}

function Programme({ talks, timeZone, kind }: { talks: Talk[]; timeZone: string; kind: EventDetail["kind"] }) {
  const { t } = useI18n();
  const days = new Map<string, Talk[]>();
  const unscheduled: Talk[] = [];
  for (const talk of talks) {
    if (!talk.startsAt) unscheduled.push(talk);
    else {
      const d = localDay(talk.startsAt, timeZone);
      (days.get(d) ?? days.set(d, []).get(d)!).push(talk);
    }
  }
  const sorted = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, list] of sorted) list.sort((a, b) => (a.startsAt ?? "").localeCompare(b.startsAt ?? ""));
  return (
    <section aria-labelledby="programme-title" className="programme">
      <h2 id="programme-title">{t("events.programme.title")}</h2>
      {talks.length === 0 ? (
        <p className="empty">{t(kind === "hackathon" ? "events.programme.hackathonEmpty" : "events.programme.empty")}</p>
      ) : (
        <>
          <p className="muted small">{t("events.programme.zone", { zone: timeZone })}</p>
          {sorted.map(([day, list]) => (
            <section key={day} aria-labelledby={`day-${day}`} className="programme-day">
              <h3 id={`day-${day}`}>{formatLongDate(day)}</h3>
              <ol className="talks">
                {list.map((talk) => (
                  <TalkItem key={talk.id} t={talk} timeZone={timeZone} />
                ))}
              </ol>
            </section>
          ))}
          {unscheduled.length ? (
            <section aria-labelledby="day-unscheduled" className="programme-day">
              <h3 id="day-unscheduled">{t("events.programme.unscheduled")}</h3>
              <ol className="talks">
                {unscheduled.map((talk) => (
                  <TalkItem key={talk.id} t={talk} timeZone={timeZone} />
                ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}

function TalkItem({ t: talk, timeZone }: { t: Talk; timeZone: string }) {
  const { t } = useI18n();
  return (
    <li className="talk">
      <div className="talk-time">
        {talk.startsAt ? (
          <>
            <time dateTime={talk.startsAt}>{formatTime(talk.startsAt, timeZone)}</time>
            {talk.endsAt ? (
              <>
                <span aria-hidden="true">{DASH}</span>
                <span className="visually-hidden"> {t("events.programme.to")} </span>
                <time dateTime={talk.endsAt}>{formatTime(talk.endsAt, timeZone)}</time>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">{t("events.programme.timeTba")}</span>
        )}
        {talk.room ? <span className="talk-room">{talk.room}</span> : null}
      </div>
      <div className="talk-body">
        <h4 className="talk-title">
          <a href={talk.url}>{talk.title}</a>
        </h4>
        {talk.speakers.length ? (
          <p className="talk-speaker">
            {talk.speakers.map((p, i) => (
              <span key={i}>
                {i > 0 ? SEMICOLON : null}
                {p.name}
                {p.affiliation ? <span className="affiliation">{t("events.programme.affiliation", { affiliation: p.affiliation })}</span> : null}
              </span>
            ))}
          </p>
        ) : null}
        {talk.abstract ? <p className="talk-abstract">{talk.abstract}</p> : null}
        {talk.links.length ? (
          <p className="talk-links">
            {talk.links.map((l) => (
              <a key={l.url} href={l.url} rel="noopener noreferrer">
                {l.title}
                <span className="visually-hidden"> {t("events.programme.linkOf", { title: talk.title })}</span>
              </a>
            ))}
          </p>
        ) : null}
      </div>
    </li>
  );
}
