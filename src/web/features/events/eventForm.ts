import type { EventDetail } from "../../../server/features/events/schema.js";
import { instantToLocalInput, localInputToInstant } from "../../app/dates.js";
import { t } from "../../app/i18n.js";

/**
 * The event form keeps exactly what the user typed (strings), so nothing is lost when the
 * server says no; `toEventBody` turns it into the API's body just before sending.
 */
export interface EventFormValues {
  kind: string;
  slug: string;
  name: string;
  venue: string;
  city: string;
  country: string;
  latitude: string;
  longitude: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  hostOrganisation: string;
  description: string;
  capacity: string;
  website: string;
  /** datetime-local value, wall-clock time in `timeZone`. */
  cfpClosesAt: string;
  published: boolean;
}

export const EVENT_FIELDS = [
  "kind",
  "slug",
  "name",
  "venue",
  "city",
  "country",
  "latitude",
  "longitude",
  "timeZone",
  "startDate",
  "endDate",
  "hostOrganisation",
  "description",
  "capacity",
  "website",
  "cfpClosesAt",
  "published",
] as const satisfies readonly (keyof EventFormValues)[];

export function emptyEventValues(timeZone = "UTC"): EventFormValues {
  return {
    kind: "hackathon",
    slug: "",
    name: "",
    venue: "",
    city: "",
    country: "",
    latitude: "",
    longitude: "",
    timeZone,
    startDate: "",
    endDate: "",
    hostOrganisation: "",
    description: "",
    capacity: "",
    website: "",
    cfpClosesAt: "",
    published: true,
  };
}

export function valuesFromEvent(e: EventDetail): EventFormValues {
  return {
    kind: e.kind,
    slug: e.slug,
    name: e.name,
    venue: e.venue,
    city: e.city,
    country: e.country,
    latitude: e.latitude == null ? "" : String(e.latitude),
    longitude: e.longitude == null ? "" : String(e.longitude),
    timeZone: e.timeZone,
    startDate: e.startDate,
    endDate: e.endDate,
    hostOrganisation: e.hostOrganisation,
    description: e.description,
    capacity: e.capacity == null ? "" : String(e.capacity),
    website: e.website ?? "",
    cfpClosesAt: e.cfpClosesAt ? instantToLocalInput(e.cfpClosesAt, e.timeZone) : "",
    published: e.published,
  };
}

function num(v: string): number | null {
  const t = v.trim().replace(/,/g, ".");
  if (!t) return null;
  return Number(t);
}

/**
 * Form strings → API body. Numbers that do not parse and deadlines that cannot be placed
 * in the zone are reported here (the schema would only say "expected number"), in the
 * page's language.
 */
export function toEventBody(v: EventFormValues): { body: Record<string, unknown>; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  const latitude = num(v.latitude);
  const longitude = num(v.longitude);
  const capacity = num(v.capacity);
  if (Number.isNaN(latitude)) fields.latitude = [t("events.form.latitudeNumber")];
  if (Number.isNaN(longitude)) fields.longitude = [t("events.form.longitudeNumber")];
  if (Number.isNaN(capacity)) fields.capacity = [t("events.form.capacityNumber")];
  if (!v.startDate) fields.startDate = [t("events.form.startDateRequired")];
  if (!v.endDate) fields.endDate = [t("events.form.endDateRequired")];
  let cfpClosesAt: string | null = null;
  if (v.cfpClosesAt) {
    cfpClosesAt = localInputToInstant(v.cfpClosesAt, v.timeZone.trim());
    if (!cfpClosesAt) fields.cfpClosesAt = [t("events.form.cfpNeedsZone")];
  }
  const body = {
    kind: v.kind,
    slug: v.slug.trim(),
    name: v.name,
    venue: v.venue,
    city: v.city,
    country: v.country,
    latitude: Number.isNaN(latitude) ? null : latitude,
    longitude: Number.isNaN(longitude) ? null : longitude,
    timeZone: v.timeZone.trim(),
    startDate: v.startDate,
    endDate: v.endDate,
    hostOrganisation: v.hostOrganisation,
    description: v.description,
    capacity: Number.isNaN(capacity) ? null : capacity,
    website: v.website.trim() || null,
    cfpClosesAt,
    published: v.published,
  };
  return { body, fields };
}

/** "Xen Project Hackathon 2015" → "xen-project-hackathon-2015". */
export function slugify(name: string, max = 60): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
