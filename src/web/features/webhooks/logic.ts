import type { MessageId } from "../../../shared/i18n/catalogue.js";
import type { DeliveryView, EndpointView, EventTypeView } from "../../../server/features/webhooks/schema.js";

/**
 * Catalogue ids for what the server names: a group of event types (the part before the
 * dot) and a type's one-line summary. Types the catalogue does not know yet (a feature's
 * new ones) show the server's English summary and the group as written.
 */
const slug = (s: string) => s.replaceAll("_", "-");
export const groupId = (group: string) => `webhooks.group.${slug(group)}`;
export const typeSummaryId = (type: string) => `webhooks.type.${slug(type)}`;

export interface TypeGroup {
  key: string;
  types: EventTypeView[];
}

/** Event types grouped by their noun, in the order the server lists them (the order things happen). */
export function groupEventTypes(types: readonly EventTypeView[]): TypeGroup[] {
  const groups = new Map<string, EventTypeView[]>();
  for (const t of types) {
    const key = t.type.split(".")[0]!;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, types: list }));
}

export function endpointState(e: Pick<EndpointView, "state" | "disabledReason">): { label: MessageId; tone: "ok" | "warn" | "muted" } {
  if (e.state === "enabled") return { label: "webhooks.state.active", tone: "ok" };
  return e.disabledReason === "failing" ? { label: "webhooks.state.failing", tone: "warn" } : { label: "webhooks.state.paused", tone: "muted" };
}

export const DELIVERY_LABEL: Record<DeliveryView["state"], { label: MessageId; tone: "ok" | "warn" | "info" }> = {
  pending: { label: "webhooks.delivery.pending", tone: "info" },
  delivered: { label: "webhooks.delivery.delivered", tone: "ok" },
  failed: { label: "webhooks.delivery.failed", tone: "warn" },
};

/** Milliseconds, or seconds from one second on, in the reader's number format. */
export function durationText(locale: string, ms: number | null): string | null {
  if (ms === null) return null;
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: "unit", unit: "millisecond", maximumFractionDigits: 0 }).format(ms);
  return new Intl.NumberFormat(locale, { style: "unit", unit: "second", maximumFractionDigits: ms < 10_000 ? 1 : 0 }).format(ms / 1000);
}

/** Pretty-printed JSON when it parses, the text as it is otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** How long a rotated secret keeps signing beside the new one, in hours. */
export const OVERLAP_HOURS = [0, 1, 24, 72, 168] as const;
