import { Link } from "react-router-dom";
import type { EventSummary } from "../../../server/features/events/schema.js";
import { formatDateRange, formatMonthShort } from "../../app/dates.js";
import { useI18n } from "../../app/i18n.js";
import { KIND_LABEL, placeLine } from "./kinds.js";

export function eventPath(e: { communitySlug: string; slug: string }): string {
  return `/communities/${e.communitySlug}/events/${e.slug}`;
}

/** One event in a list: date block, name (the link), place, community and host. */
export function EventCard({ event: e, headingLevel = 3, showCommunity = true }: { event: EventSummary; headingLevel?: 3 | 4 | 5; showCommunity?: boolean }) {
  const { t } = useI18n();
  const H = `h${headingLevel}` as const;
  const place = placeLine(e);
  return (
    <article className={`event-card kind-${e.kind}`}>
      <div className="date-block" aria-hidden="true">
        <span className="date-month">{formatMonthShort(e.startDate)}</span>
        <span className="date-day">{Number(e.startDate.slice(8, 10))}</span>
        <span className="date-year">{e.startDate.slice(0, 4)}</span>
      </div>
      <div className="event-card-body">
        <H className="event-card-title">
          <Link to={eventPath(e)}>{e.name}</Link>
        </H>
        <p className="event-card-meta">
          <span className={`kind-pill kind-${e.kind}`}>{t(KIND_LABEL[e.kind].one)}</span>
          <span>
            <time dateTime={e.startDate}>{formatDateRange(e.startDate, e.endDate)}</time>
          </span>
          {place ? <span>{place}</span> : null}
          {!e.published ? <span className="badge badge-warn">{t("common.draft")}</span> : null}
        </p>
        {showCommunity || e.hostOrganisation ? (
          <p className="event-card-sub">
            {[showCommunity ? e.communityName : "", e.hostOrganisation ? t("events.card.hostedBy", { host: e.hostOrganisation }) : ""].filter(Boolean).join(" · ")}
          </p>
        ) : null}
      </div>
    </article>
  );
}
