import { Link } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { useI18n } from "../../app/i18n.js";

/** On a conference's page: its call for participation, the speaker's proposals, and the committee's pages. */
export function EventCallLinks({ e }: { e: EventDetail }) {
  const { t } = useI18n();
  if (e.kind !== "conference") return null;
  const page = `/communities/${e.communitySlug}/events/${e.slug}/cfp`;
  return (
    <section aria-labelledby="cfp-links-title" className="card">
      <h2 id="cfp-links-title">{t("cfp.call.title")}</h2>
      <p className="button-row">
        <Link className="button primary" to={page}>
          {t("cfp.links.call")}
        </Link>
        <Link className="button secondary" to={`${page}/mine`}>
          {t("cfp.mine.title")}
        </Link>
        <Link className="button secondary" to={`${page}/committee`}>
          {t("cfp.committee.title")}
        </Link>
      </p>
    </section>
  );
}
