import type { ReactNode } from "react";
import { NavLink, useParams } from "react-router-dom";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { EventBreadcrumb } from "../events/EventBreadcrumb.js";
import { get } from "../../app/api.js";
import { useLoad, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { formatMoney, STATE_LABEL, STATE_TONE } from "./logic.js";
import type { RequestState } from "./types.js";

/** API paths of an event's registration, relative to /api/v1. */
export const regApi = (community: string, event: string) => `/communities/${community}/events/${event}/registration`;
/** Page paths of an event's registration pages for organisers. */
export const regPage = (community: string, event: string) => `/communities/${community}/events/${event}/registration`;
/** The applicant's endpoints, with the secret from the status link when there is one. */
export const mineApi = (requestId: string, token: string | null, action = "") => `/registration/requests/${requestId}${action ? `/${action}` : ""}${token ? `?token=${encodeURIComponent(token)}` : ""}`;

export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <span className="money">{formatMoney(minor, currency)}</span>;
}

export function StateBadge({ state }: { state: RequestState }) {
  return <span className={`state-badge state-${STATE_TONE[state]}`}>{STATE_LABEL[state]}</span>;
}

const TABS = [
  ["", "Overview"],
  ["queue", "Queue"],
  ["settings", "Settings"],
  ["templates", "Emails"],
  ["fees", "Fees"],
  ["stipends", "Stipends"],
  ["attendees", "Attendees"],
  ["check-in", "Check-in"],
] as const;

/**
 * The frame of every organiser page: breadcrumb to the event, title and the section tabs.
 * Loads the event (for its name and zone) and hands it to the page.
 */
export function OrganiserShell({ title, children }: { title: string; children: (e: EventDetail, paths: { api: string; page: string }) => ReactNode }) {
  const { community = "", event = "" } = useParams();
  const [state] = useLoad((signal) => get<EventDetail>(`/communities/${community}/events/${event}`, signal), [community, event]);
  useTitle(state.status === "ok" ? `${title}: ${state.data.name}` : state.status === "error" ? null : title);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="This event" />;
  const e = state.data;
  const page = regPage(e.communitySlug, e.slug);
  return (
    <div className="wrap registration-admin">
      <Flash />
      <EventBreadcrumb event={e} current="Registration" />
      <PageHeader title={title} eyebrow={`${e.name} · Registration`} />
      <nav aria-label="Registration sections" className="reg-tabs">
        <ul>
          {TABS.map(([path, label]) => (
            <li key={path}>
              <NavLink end to={path ? `${page}/${path}` : page}>
                {label}
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
        <p className={result.tone === "success" ? "notice notice-success" : "notice notice-error"} role={result.tone === "error" ? "alert" : undefined}>
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
