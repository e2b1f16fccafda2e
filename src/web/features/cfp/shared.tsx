import { useEffect, useState } from "react";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import type { PROPOSAL_STATES, ProposalAction } from "../../../server/features/cfp/rules.js";
import { AOE_ZONE } from "../../../server/features/cfp/rules.js";
import type { PublicCall } from "../../../server/features/cfp/schema.js";
import { formatDeadline } from "../../app/dates.js";
import { useI18n } from "../../app/i18n.js";

/** Pieces the call's pages share: addresses, state and action labels, the deadline with its countdown. */
export const apiBase = (community: string, event: string) => `/communities/${community}/events/${event}/cfp`;
export const pageBase = apiBase;

export const STATE_LABEL: Record<(typeof PROPOSAL_STATES)[number], MessageId> = {
  draft: "cfp.state.draft",
  submitted: "cfp.state.submitted",
  accepted: "cfp.state.accepted",
  waitlisted: "cfp.state.waitlisted",
  rejected: "cfp.state.rejected",
  confirmed: "cfp.state.confirmed",
  declined: "cfp.state.declined",
  withdrawn: "cfp.state.withdrawn",
};

export const ACTION_LABEL: Record<ProposalAction, MessageId> = {
  edit: "cfp.action.edit",
  submit: "cfp.action.submit",
  withdraw: "cfp.action.withdraw",
  accept: "cfp.action.accept",
  reject: "cfp.action.reject",
  waitlist: "cfp.action.waitlist",
  confirm: "cfp.action.confirm",
  decline: "cfp.action.decline",
};

/** Punctuation that reads the same in every language. */
export const P = { space: " ", none: "–", dot: " · ", comma: ", " } as const;

const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Days, hours, minutes and seconds until an instant, redrawn every second. */
function useCountdown(instant: string | null) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!instant) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [instant]);
  if (!instant) return null;
  const left = Math.max(0, Math.floor((Date.parse(instant) - now) / 1000));
  return { left, days: Math.floor(left / 86400), hours: Math.floor((left % 86400) / 3600), minutes: Math.floor((left % 3600) / 60), seconds: left % 60 };
}

/** The deadline in the event's zone (and Anywhere on Earth when entered so) and in the visitor's own, with a live countdown. */
export function Deadline({ call }: { call: PublicCall }) {
  const { t } = useI18n();
  const count = useCountdown(call.open ? call.closesAt : null);
  if (!call.closesAt) return <p>{t("cfp.call.noDeadline")}</p>;
  const mine = visitorZone();
  return (
    <div className="cfp-deadline">
      <dl className="facts">
        <dt>{t("cfp.call.deadlineEvent")}</dt>
        <dd>{formatDeadline(call.closesAt, call.event.timeZone)}</dd>
        {call.deadlineZone === "aoe" ? (
          <>
            <dt>{t("cfp.call.deadlineAoe")}</dt>
            <dd>{formatDeadline(call.closesAt, AOE_ZONE)}</dd>
          </>
        ) : null}
        {mine !== call.event.timeZone ? (
          <>
            <dt>{t("cfp.call.deadlineYours")}</dt>
            <dd>{formatDeadline(call.closesAt, mine)}</dd>
          </>
        ) : null}
      </dl>
      {count ? (
        <p className="countdown" aria-live="off">
          {count.left > 0 ? t("cfp.call.countdown", { days: count.days, hours: count.hours, minutes: count.minutes, seconds: count.seconds }) : t("cfp.call.closedNow")}
        </p>
      ) : (
        <p className="muted">{t("cfp.call.closed")}</p>
      )}
    </div>
  );
}

/** An instant of the call in the visitor's own zone (the zone named). */
export const inVisitorZone = (instant: string) => formatDeadline(instant, visitorZone());
