import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { get } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { useLoad } from "../../app/hooks.js";
import { useSession } from "../../app/session.js";
import { regApi } from "./common.js";
import { formatMoney } from "./logic.js";
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
  const { user } = useSession();
  const [state] = useLoad((signal) => get<Settings>(regApi(community, event), signal), [community, event]);
  if (state.status !== "ok") return null;
  const s = state.data;
  const upcoming = Date.parse(s.opensAt) > Date.now();
  if (!s.open && !upcoming) return null;
  return (
    <section className="card registration-cta" aria-labelledby="cta-title">
      <h2 id="cta-title">{s.open ? "Request an invitation" : "Invitation requests open soon"}</h2>
      <p>
        This hackathon is by invitation: tell the organisers what you want to work on, and they answer within {s.responseBusinessDays} business days.
      </p>
      <ul className="cta-facts">
        <li>
          <strong>{s.placesLeft}</strong> of {s.capacity} places left
        </li>
        {s.feeAmount > 0 ? (
          <li>
            Fee <strong>{formatMoney(s.feeAmount, s.feeCurrency)}</strong>
            {s.beneficiaryName ? (
              <>
                , all of it for {s.beneficiaryUrl ? <a href={s.beneficiaryUrl} rel="noopener noreferrer">{s.beneficiaryName}</a> : s.beneficiaryName}
              </>
            ) : null}
          </li>
        ) : (
          <li>No fee</li>
        )}
        <li>
          {s.open ? "Requests close" : "Requests open"} <time dateTime={s.open ? s.closesAt : s.opensAt}>{formatDeadline(s.open ? s.closesAt : s.opensAt, s.timeZone)}</time> ({s.timeZone})
        </li>
      </ul>
      {s.open ? (
        <p className="button-row">
          <Link to={`/communities/${community}/events/${event}/request-invitation`} className="button primary">
            Request an invitation
          </Link>
          {user ? (
            <Link to="/registration" className="button secondary">
              My requests
            </Link>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
