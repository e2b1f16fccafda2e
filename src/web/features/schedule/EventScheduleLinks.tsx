import { Link } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { useI18n } from "../../app/i18n.js";

/**
 * On an event's page: its published programme's schedule page and every output (for apps,
 * calendars, spreadsheets), and the editor for who may edit a conference's schedule.
 */
export function EventScheduleLinks({ e }: { e: EventDetail }) {
  const { t } = useI18n();
  const published = e.talks.length > 0;
  const editable = e.kind === "conference" && e.can.update;
  if (!published && !editable) return null;
  const page = `/communities/${e.communitySlug}/events/${e.slug}/schedule`;
  const api = `/api/v1/communities/${e.communitySlug}/events/${e.slug}`;
  return (
    <section aria-labelledby="schedule-links-title" className="card schedule-links">
      <h2 id="schedule-links-title">{t("schedule.eventLinks.title")}</h2>
      <p className="button-row">
        {published ? (
          <Link className="button primary" to={page}>
            {t("schedule.eventLinks.open")}
          </Link>
        ) : null}
        {editable ? (
          <Link className="button secondary" to={`${page}/edit`}>
            {t("schedule.eventLinks.editor")}
          </Link>
        ) : null}
      </p>
      {published ? (
        <ul className="output-links">
          <li>
            <a href={`${api}/schedule.xml`}>{t("schedule.page.outputXml")}</a>
          </li>
          <li>
            <a href={`${api}/schedule.json`}>{t("schedule.page.outputJson")}</a>
          </li>
          <li>
            <a href={`${api}/schedule-v2.json`}>{t("schedule.page.outputJson2")}</a>
          </li>
          <li>
            <a href={`${api}/schedule.ics`}>{t("schedule.page.outputIcs")}</a>
          </li>
          <li>
            <a href={`${api}/schedule.csv`}>{t("schedule.page.outputCsv")}</a>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
