import { Link } from "react-router-dom";
import { useI18n } from "../../app/i18n.js";
import { eventPath } from "./EventCard.js";

/** Community › event › the page being shown, on every page that belongs to one event. */
export function EventBreadcrumb({ event, current }: { event: { communitySlug: string; communityName: string; slug: string; name: string }; current: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={`/communities/${event.communitySlug}`}>{event.communityName}</Link>
        </li>
        <li>
          <Link to={eventPath(event)}>{event.name}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
