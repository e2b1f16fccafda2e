import { Link } from "react-router-dom";
import type { EventSummary } from "../../../server/features/events/schema.js";
import { formatDateRange } from "../../app/dates.js";
import { KIND_LABEL, placeLine } from "./kinds.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function eventPath(e: { communitySlug: string; slug: string }): string {
  return `/communities/${e.communitySlug}/events/${e.slug}`;
}

/** One event in a list: date block, name (the link), place, community and host. */
export function EventCard({ event: e, headingLevel = 3, showCommunity = true }: { event: EventSummary; headingLevel?: 3 | 4 | 5; showCommunity?: boolean }) {
  const H = `h${headingLevel}` as const;
  const [, m, d] = e.startDate.split("-");
  const place = placeLine(e);
  return (
    <article className={`event-card kind-${e.kind}`}>
      <div className="date-block" aria-hidden="true">
        <span className="date-month">{MONTHS[Number(m) - 1]}</span>
        <span className="date-day">{Number(d)}</span>
        <span className="date-year">{e.startDate.slice(0, 4)}</span>
      </div>
      <div className="event-card-body">
        <H className="event-card-title">
          <Link to={eventPath(e)}>{e.name}</Link>
        </H>
        <p className="event-card-meta">
          <span className={`kind-pill kind-${e.kind}`}>{KIND_LABEL[e.kind].one}</span>
          <span>
            <time dateTime={e.startDate}>{formatDateRange(e.startDate, e.endDate)}</time>
          </span>
          {place ? <span>{place}</span> : null}
          {!e.published ? <span className="badge badge-warn">Draft</span> : null}
        </p>
        {showCommunity || e.hostOrganisation ? (
          <p className="event-card-sub">
            {showCommunity ? <>{e.communityName}</> : null}
            {showCommunity && e.hostOrganisation ? " · " : null}
            {e.hostOrganisation ? <>Hosted by {e.hostOrganisation}</> : null}
          </p>
        ) : null}
      </div>
    </article>
  );
}
