import type { ReactNode } from "react";
import { NavLink, useParams } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { EventBreadcrumb } from "../events/EventBreadcrumb.js";
import { get } from "../../app/api.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { pageLocale, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { decimalMark, formatMoney, minorDigits, minorToMajorString, parseMajor, STATE_LABEL, STATE_TONE } from "./logic.js";
import type { RequestState } from "./types.js";

/** API paths of an event's registration, relative to /api/v1. */
export const regApi = (community: string, event: string) => `/communities/${community}/events/${event}/registration`;
/** Page paths of an event's registration pages for organisers. */
export const regPage = (community: string, event: string) => `/communities/${community}/events/${event}/registration`;
/** The applicant's endpoints, with the secret from the status link when there is one. */
export const mineApi = (requestId: string, token: string | null, action = "") => `/registration/requests/${requestId}${action ? `/${action}` : ""}${token ? `?token=${encodeURIComponent(token)}` : ""}`;

/** Money in minor units as the page's locale writes it, with the currency's code ("USD 15.00", "15,00 USD"). */
export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency, pageLocale());
}

/** An amount typed in major units, in the page's locale ("250.00", "250,00") → minor units; null when unreadable. */
export function readAmount(input: string, currency: string): number | null {
  return parseMajor(input, minorDigits(currency), decimalMark(pageLocale()));
}

/** Minor units → the value of an amount field in the page's locale; also the examples in hints ("250.00", "250,00"). */
export function amountInput(minor: number, currency: string): string {
  return minorToMajorString(minor, minorDigits(currency), decimalMark(pageLocale()));
}

/** A whole amount in major units as a hint's example: 250, "USD" → "250.00". */
export const amountExample = (major: number, currency: string) => amountInput(major * 10 ** minorDigits(currency), currency);

export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <span className="money">{money(minor, currency)}</span>;
}

export function StateBadge({ state }: { state: RequestState }) {
  const { t } = useI18n();
  return <span className={`state-badge state-${STATE_TONE[state]}`}>{t(STATE_LABEL[state])}</span>;
}

const TABS = [
  ["", "registration.tabs.overview"],
  ["queue", "registration.tabs.queue"],
  ["settings", "registration.tabs.settings"],
  ["templates", "registration.tabs.templates"],
  ["fees", "registration.tabs.fees"],
  ["stipends", "registration.tabs.stipends"],
  ["attendees", "registration.tabs.attendees"],
  ["check-in", "registration.tabs.checkin"],
] as const;

/**
 * The frame of every organiser page: breadcrumb to the event, title (a catalogue id) and the section tabs.
 * Loads the event (for its name and zone) and hands it to the page.
 */
export function OrganiserShell({ titleId, children }: { titleId: MessageId; children: (e: EventDetail, paths: { api: string; page: string }) => ReactNode }) {
  const { t } = useI18n();
  const title = t(titleId);
  const { community = "", event = "" } = useParams();
  const [state] = useLoad((signal) => get<EventDetail>(`/communities/${community}/events/${event}`, signal), [community, event]);
  useTitle(state.status === "ok" ? t("registration.shell.documentTitle", { title, event: state.data.name }) : state.status === "error" ? null : title);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.shell.what")} />;
  const e = state.data;
  const page = regPage(e.communitySlug, e.slug);
  return (
    <div className="wrap registration-admin">
      <Flash />
      <EventBreadcrumb event={e} current={t("registration.shell.breadcrumb")} />
      <PageHeader title={title} eyebrow={t("registration.shell.eyebrow", { event: e.name })} />
      <nav aria-label={t("registration.shell.sections")} className="reg-tabs">
        <ul>
          {TABS.map(([path, label]) => (
            <li key={path}>
              <NavLink end to={path ? `${page}/${path}` : page}>
                {t(label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children(e, { api: regApi(e.communitySlug, e.slug), page })}
    </div>
  );
}

/** A small description list of label → value pairs. */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts reg-facts">
      {items.map(([k, v], i) => (
        <div key={i}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Live region for the result of an action (success or failure), announced politely. */
export function ActionResult({ result }: { result: { tone: "success" | "error"; text: string } | null }) {
  return (
    <div aria-live="polite" className="action-result-region">
      {result ? (
        <p className={`notice notice-${result.tone}`} role={result.tone === "error" ? "alert" : undefined}>
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
