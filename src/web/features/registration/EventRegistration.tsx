import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { get } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { useLoad } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { useSession } from "../../app/session.js";
import { money, regApi } from "./common.js";
import type { Settings } from "./types.js";

/**
 * Whether the viewer may see the event's registration pages: the API has no capability flag
 * on the event, so the summary (registration.view) is probed; 200 means yes.
 */
export function useRegistrationOrganiser(community: string | null, event: string): boolean {
  const { user } = useSession();
  const [ok, setOk] = useState(false);
  useEffect(() => {
    setOk(false);
    if (!community || !user) return;
    const ctl = new AbortController();
    get(`${regApi(community, event)}/summary`, ctl.signal).then(
      () => !ctl.signal.aborted && setOk(true),
      () => undefined,
    );
    return () => ctl.abort();
  }, [community, event, user]);
  return ok;
}

/** On a hackathon's page: request an invitation while requests are open, with fee, beneficiary and places left. */
export function RegistrationCallToAction({ community, event }: { community: string; event: string }) {
  const { t, rich } = useI18n();
  const { user } = useSession();
  const [state] = useLoad((signal) => get<Settings>(regApi(community, event), signal), [community, event]);
  if (state.status !== "ok") return null;
  const s = state.data;
  const upcoming = Date.parse(s.opensAt) > Date.now();
  if (!s.open && !upcoming) return null;
  return (
    <section className="card registration-cta" aria-labelledby="cta-title">
      <h2 id="cta-title">{t(s.open ? "registration.cta.title" : "registration.cta.titleSoon")}</h2>
      <p>{t("registration.cta.byInvitation", { days: s.responseBusinessDays })}</p>
      <ul className="cta-facts">
        <li>{rich("registration.cta.placesLeft", { left: s.placesLeft, capacity: s.capacity })}</li>
        {s.feeAmount > 0 ? (
          <li>
            {s.beneficiaryName
              ? rich("registration.cta.feeFor", { amount: money(s.feeAmount, s.feeCurrency), beneficiary: s.beneficiaryUrl ? <a href={s.beneficiaryUrl} rel="noopener noreferrer">{s.beneficiaryName}</a> : s.beneficiaryName })
              : rich("registration.cta.fee", { amount: money(s.feeAmount, s.feeCurrency) })}
          </li>
        ) : (
          <li>{t("registration.cta.noFee")}</li>
        )}
        <li>
          {rich(s.open ? "registration.cta.closes" : "registration.cta.opens", {
            // The deadline names the event's zone.
            when: <time dateTime={s.open ? s.closesAt : s.opensAt}>{formatDeadline(s.open ? s.closesAt : s.opensAt, s.timeZone)}</time>,
          })}
        </li>
      </ul>
      {s.open ? (
        <p className="button-row">
          <Link to={`/communities/${community}/events/${event}/request-invitation`} className="button primary">
            {t("registration.cta.title")}
          </Link>
          {user ? (
            <Link to="/registration" className="button secondary">
              {t("registration.cta.myRequests")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
