import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { slug } from "../communities/schema.js";

export const EVENT_KINDS = ["hackathon", "conference", "external"] as const;
export const EVENT_ROLES = ["organiser", "chair", "reviewer", "speaker", "attendee"] as const;

export const LIMITS = { nameMax: 160, textMax: 200, descriptionMax: 50_000, capacityMax: 1_000_000, searchMax: 100, urlMax: 500, timeZoneMax: 64 } as const;

/** A calendar date, YYYY-MM-DD (shared with the road calendar's event fields). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msgId("events.form.dateFormat"))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), msgId("events.form.notADate"));

/** A wall-clock time with no zone (as a datetime-local input gives it), checked to be a real date and time. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msgId("events.form.localDateTimeFormat"))
  .refine((v) => isoDate.safeParse(v.slice(0, 10)).success && Number(v.slice(11, 13)) < 24 && Number(v.slice(14, 16)) < 60, msgId("events.form.notADateTime"));

export const timeZone = z
  .string()
  .min(1, msgId("events.form.timeZoneRequired"))
  .max(LIMITS.timeZoneMax)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return tz.includes("/") || tz === "UTC";
    } catch {
      return false;
    }
  }, msgId("events.form.timeZoneUnknown"));

const text = z.string().trim().max(LIMITS.textMax);
export const latitude = z.number(msgId("events.form.latitudeRequired")).min(-90, msgId("events.form.latitudeRange")).max(90, msgId("events.form.latitudeRange"));
export const longitude = z.number(msgId("events.form.longitudeRequired")).min(-180, msgId("events.form.longitudeRange")).max(180, msgId("events.form.longitudeRange"));
const url = z.url({ protocol: /^https?$/ }).max(LIMITS.urlMax);

/** Each field once, without defaults: creation adds the defaults, a PATCH must not (a field left out stays as it is). */
const eventFields = z.object({
  kind: z.enum(EVENT_KINDS),
  slug,
  name: z.string().trim().min(1, msgId("events.form.nameRequired")).max(LIMITS.nameMax),
  venue: text,
  city: text,
  country: text,
  latitude: latitude.nullable(),
  longitude: longitude.nullable(),
  timeZone,
  startDate: isoDate,
  endDate: isoDate,
  hostOrganisation: text,
  description: z.string().max(LIMITS.descriptionMax),
  capacity: z.number().int().min(1, msgId("events.form.capacityMin")).max(LIMITS.capacityMax).nullable(),
  website: url.nullable(),
  cfpClosesAt: z.iso.datetime({ offset: true }).nullable(),
  published: z.boolean(),
});
const f = eventFields.shape;

const datesInOrder = (v: { startDate?: string | undefined; endDate?: string | undefined }) => !v.startDate || !v.endDate || v.startDate <= v.endDate;
const datesMessage = { message: msgId("events.form.endBeforeStart"), path: ["endDate"] };
const coordsTogether = (v: { latitude?: number | null | undefined; longitude?: number | null | undefined }) => (v.latitude == null) === (v.longitude == null);
const coordsMessage = { message: msgId("events.form.coordinatesTogether"), path: ["longitude"] };

export const createEventBody = eventFields
  .extend({
    venue: f.venue.default(""),
    city: f.city.default(""),
    country: f.country.default(""),
    latitude: f.latitude.default(null),
    longitude: f.longitude.default(null),
    hostOrganisation: f.hostOrganisation.default(""),
    description: f.description.default(""),
    capacity: f.capacity.default(null),
    website: f.website.default(null),
    cfpClosesAt: f.cfpClosesAt.default(null),
    published: f.published.default(true),
  })
  .strict()
  .refine(datesInOrder, datesMessage)
  .refine(coordsTogether, coordsMessage);
export type CreateEventBody = z.infer<typeof createEventBody>;

/** Same fields, all optional and without defaults; the service checks date order against the stored values too. */
export const updateEventBody = eventFields.partial().strict().refine(datesInOrder, datesMessage);
export type UpdateEventBody = z.infer<typeof updateEventBody>;

export const eventParams = z.object({ community: slug, event: slug });
export const communityParams = z.object({ community: slug });

export const listEventsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    kind: z.enum(EVENT_KINDS).optional(),
    community: slug.optional(),
    q: z.string().max(LIMITS.searchMax).optional(),
    /** By start date: `asc` soonest first (what's coming), `desc` most recent first (what happened). */
    order: z.enum(["asc", "desc"]).default("asc"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type ListEventsQuery = z.infer<typeof listEventsQuery>;

/** An item of the event's programme, whichever feature provides it (see platform/programme.ts). */
export const programmeItemView = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  /** Null when no end was published. */
  endsAt: z.string().nullable(),
  room: z.string().nullable(),
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string().nullable() })),
  abstract: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  /** The item's own page. */
  url: z.string(),
});

export const eventSummary = z.object({
  id: z.uuid(),
  communitySlug: z.string(),
  communityName: z.string(),
  kind: z.enum(EVENT_KINDS),
  slug: z.string(),
  name: z.string(),
  venue: z.string(),
  city: z.string(),
  country: z.string(),
  timeZone: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hostOrganisation: z.string(),
  published: z.boolean(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const eventList = z.object({ events: z.array(eventSummary), total: z.number().int() });

export const eventDetail = eventSummary.extend({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: z.string(),
  descriptionHtml: z.string(),
  capacity: z.number().int().nullable(),
  website: z.string().nullable(),
  cfpClosesAt: z.string().nullable(),
  talks: z.array(programmeItemView),
  /** What the caller may do here, so the web app shows only the buttons that will work. */
  can: z.object({ update: z.boolean(), manageRoles: z.boolean() }),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const roleBody = z.object({ email: z.email(), role: z.enum(EVENT_ROLES) }).strict();
export const roleParams = eventParams.extend({ userId: z.uuid(msgId("events.form.unknownPerson")), role: z.enum(EVENT_ROLES) });
export const roleList = z.object({ roles: z.array(z.object({ userId: z.uuid(), name: z.string(), email: z.string(), role: z.enum(EVENT_ROLES) })) });
