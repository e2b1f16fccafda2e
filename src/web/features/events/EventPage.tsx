import { Link, useParams } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { get } from "../../app/api.js";
import { formatDateRange, formatDeadline, formatLongDate, formatTime, localDay, todayIso } from "../../app/dates.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { KIND_LABEL } from "./kinds.js";
import { RegistrationCallToAction, useRegistrationOrganiser } from "../registration/EventRegistration.js";
import { EventAnnouncements } from "../announcements/AnnouncementPages.js";
import { EventScheduleLinks } from "../schedule/EventScheduleLinks.js";

type Talk = EventDetail["talks"][number];

export function EventPage() {
  const { community = "", event = "" } = useParams();
  const [state] = useLoad((signal) => get<EventDetail>(`/communities/${community}/events/${event}`, signal), [community, event]);
  useTitle(state.status === "ok" ? state.data.name : state.status === "error" ? null : "Event");
  if (state.status === "loading") return <Loading label="Loading the event…" />;
  if (state.status === "error") return <PageError error={state.error} what="This event" />;
  return <EventView e={state.data} />;
}

function EventView({ e }: { e: EventDetail }) {
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
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              <li>
                <Link to="/">Events</Link>
              </li>
              <li>
                <Link to={`/communities/${e.communitySlug}`}>{e.communityName}</Link>
              </li>
              <li aria-current="page">{e.name}</li>
            </ol>
          </nav>
          <p className="event-hero-kind">
            <span className={`kind-pill kind-${e.kind}`}>{KIND_LABEL[e.kind].one}</span>
            {when === "past" ? <span className="badge">Past event</span> : when === "now" ? <span className="badge badge-ok">Happening now</span> : null}
            {!e.published ? <span className="badge badge-warn">Draft — not published</span> : null}
          </p>
          <h1>{e.name}</h1>
          <p className="event-hero-when">
            <time dateTime={e.startDate}>{formatDateRange(e.startDate, e.endDate)}</time>
            {e.city ? <span> · {e.city}</span> : null}
          </p>
          {e.can.update || e.can.manageRoles || registrationOrganiser ? (
            <p className="button-row">
              {registrationOrganiser ? (
                <Link to={`${base}/registration`} className="button secondary">
                  Registration
                </Link>
              ) : null}
              {e.can.update ? (
                <Link to={`${base}/settings`} className="button secondary">
                  Event settings
                </Link>
              ) : null}
              {e.can.manageRoles ? (
                <Link to={`${base}/settings#people`} className="button secondary">
                  People and roles
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
              <h2 id="about-title">About</h2>
              <div className="prose" dangerouslySetInnerHTML={{ __html: e.descriptionHtml }} />
            </section>
          ) : null}
          <EventScheduleLinks e={e} />
          <Programme talks={e.talks} timeZone={e.timeZone} kind={e.kind} />
          <EventAnnouncements community={e.communitySlug} event={e.slug} />
        </div>
        <aside className="event-facts card" aria-labelledby="facts-title">
          <h2 id="facts-title" className="visually-hidden">
            Details
          </h2>
          <dl className="facts">
            <div>
              <dt>Dates</dt>
              <dd>
                {e.startDate === e.endDate ? (
                  formatLongDate(e.startDate)
                ) : (
                  <>
                    {formatLongDate(e.startDate)} –<br />
                    {formatLongDate(e.endDate)}
                  </>
                )}
              </dd>
            </div>
            {e.venue || e.city || e.country ? (
              <div>
                <dt>Venue</dt>
                <dd>
                  {e.venue ? <span className="venue-name">{e.venue}</span> : null}
                  {e.city ? <span className="venue-line">{e.city}</span> : null}
                  {e.country ? <span className="venue-line">{e.country}</span> : null}
                  {e.latitude != null && e.longitude != null ? (
                    <a className="venue-line" href={`https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=16/${e.latitude}/${e.longitude}`} rel="noopener noreferrer" target="_blank">
                      Show on OpenStreetMap<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  ) : null}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Time zone</dt>
              <dd>
                {e.timeZone}
                <span className="venue-line muted small">Times on this page are local to the venue.</span>
              </dd>
            </div>
            {e.hostOrganisation ? (
              <div>
                <dt>Hosted by</dt>
                <dd>{e.hostOrganisation}</dd>
              </div>
            ) : null}
            <div>
              <dt>Community</dt>
              <dd>
                <Link to={`/communities/${e.communitySlug}`}>{e.communityName}</Link>
              </dd>
            </div>
            {e.cfpClosesAt ? (
              <div>
                <dt>Call for participation {cfpOpen ? "closes" : "closed"}</dt>
                <dd>
                  <time dateTime={e.cfpClosesAt}>{formatDeadline(e.cfpClosesAt, e.timeZone)}</time>
                  <span className="venue-line muted small">{e.timeZone} time</span>
                </dd>
              </div>
            ) : null}
            {e.capacity ? (
              <div>
                <dt>Places</dt>
                <dd>{e.capacity.toLocaleString("en-GB")}</dd>
              </div>
            ) : null}
            {e.website ? (
              <div>
                <dt>Website</dt>
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
  const days = new Map<string, Talk[]>();
  const unscheduled: Talk[] = [];
  for (const t of talks) {
    if (!t.startsAt) unscheduled.push(t);
    else {
      const d = localDay(t.startsAt, timeZone);
      (days.get(d) ?? days.set(d, []).get(d)!).push(t);
    }
  }
  const sorted = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, list] of sorted) list.sort((a, b) => (a.startsAt ?? "").localeCompare(b.startsAt ?? ""));
  return (
    <section aria-labelledby="programme-title" className="programme">
      <h2 id="programme-title">Programme</h2>
      {talks.length === 0 ? (
        <p className="empty">{kind === "hackathon" ? "The agenda is set by the people in the room: sessions are pitched at each morning’s plenary." : "The programme has not been published yet."}</p>
      ) : (
        <>
          <p className="muted small">Times are in the venue’s time zone ({timeZone}).</p>
          {sorted.map(([day, list]) => (
            <section key={day} aria-labelledby={`day-${day}`} className="programme-day">
              <h3 id={`day-${day}`}>{formatLongDate(day)}</h3>
              <ol className="talks">
                {list.map((t) => (
                  <TalkItem key={t.id} t={t} timeZone={timeZone} />
                ))}
              </ol>
            </section>
          ))}
          {unscheduled.length ? (
            <section aria-labelledby="day-unscheduled" className="programme-day">
              <h3 id="day-unscheduled">Not yet scheduled</h3>
              <ol className="talks">
                {unscheduled.map((t) => (
                  <TalkItem key={t.id} t={t} timeZone={timeZone} />
                ))}
              </ol>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}

function TalkItem({ t, timeZone }: { t: Talk; timeZone: string }) {
  return (
    <li className="talk">
      <div className="talk-time">
        {t.startsAt ? (
          <>
            <time dateTime={t.startsAt}>{formatTime(t.startsAt, timeZone)}</time>
            {t.endsAt ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="visually-hidden"> to </span>
                <time dateTime={t.endsAt}>{formatTime(t.endsAt, timeZone)}</time>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">Time to be announced</span>
        )}
        {t.room ? <span className="talk-room">{t.room}</span> : null}
      </div>
      <div className="talk-body">
        <h4 className="talk-title">
          <a href={t.url}>{t.title}</a>
        </h4>
        {t.speakers.length ? (
          <p className="talk-speaker">
            {t.speakers.map((p, i) => (
              <span key={i}>
                {i > 0 ? "; " : null}
                {p.name}
                {p.affiliation ? <span className="affiliation">, {p.affiliation}</span> : null}
              </span>
            ))}
          </p>
        ) : null}
        {t.abstract ? <p className="talk-abstract">{t.abstract}</p> : null}
        {t.links.length ? (
          <p className="talk-links">
            {t.links.map((l) => (
              <a key={l.url} href={l.url} rel="noopener noreferrer">
                {l.title}
                <span className="visually-hidden"> ({t.title})</span>
              </a>
            ))}
          </p>
        ) : null}
      </div>
    </li>
  );
}
