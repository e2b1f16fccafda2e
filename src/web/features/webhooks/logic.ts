import type { DeliveryView, EndpointView, EventTypeView } from "../../../server/features/webhooks/schema.js";

/** Readable names of the groups of event types (the part before the dot); others show as written. */
const GROUP_LABEL: Record<string, string> = {
  invitation_request: "Invitation requests",
  stipend: "Travel stipends",
  payment: "Fees",
  donation: "Donations",
  proposal: "Proposals",
  timetable: "Timetables",
  schedule: "Schedules",
  announcement: "Announcements",
};

export interface TypeGroup {
  key: string;
  label: string;
  types: EventTypeView[];
}

/** Event types grouped by their noun, groups in a stable order, for the subscription form. */
export function groupEventTypes(types: readonly EventTypeView[]): TypeGroup[] {
  const groups = new Map<string, EventTypeView[]>();
  for (const t of types) {
    const key = t.type.split(".")[0]!;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const order = Object.keys(GROUP_LABEL);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([key, list]) => ({ key, label: GROUP_LABEL[key] ?? key, types: list }));
}

/** "checked_in" → "checked in": the verb of a type, as a checkbox label. */
export function verbOf(type: string): string {
  return type.split(".").slice(1).join(".").replaceAll("_", " ");
}

export function endpointState(e: Pick<EndpointView, "state" | "disabledReason">): { label: string; tone: "ok" | "warn" | "muted" } {
  if (e.state === "enabled") return { label: "Active", tone: "ok" };
  return e.disabledReason === "failing" ? { label: "Disabled after failures", tone: "warn" } : { label: "Paused", tone: "muted" };
}

export const DELIVERY_LABEL: Record<DeliveryView["state"], { label: string; tone: "ok" | "warn" | "info" }> = {
  pending: { label: "Waiting", tone: "info" },
  delivered: { label: "Delivered", tone: "ok" },
  failed: { label: "Failed", tone: "warn" },
};

/** What the receiver answered, in a table cell: "200", "500", or "no answer". */
export function statusText(status: number | null, attempted: boolean): string {
  if (!attempted) return "—";
  return status === null ? "no answer" : String(status);
}

export function durationText(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** Pretty-printed JSON when it parses, the text as it is otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** How long a rotated secret keeps signing beside the new one. */
export const OVERLAP_CHOICES = [
  { value: "0", label: "No overlap: the old secret stops at once" },
  { value: "1", label: "1 hour" },
  { value: "24", label: "24 hours" },
  { value: "72", label: "3 days" },
  { value: "168", label: "A week" },
] as const;
