import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { slug } from "../communities/schema.js";
import { LIMITS as EVENT_LIMITS, isoDate, latitude, localDateTime, longitude, timeZone } from "../events/schema.js";
import { TALK_STATES } from "./rules.js";

/**
 * Talks on the road: talks community members give at other conferences (external events),
 * proposed by a member and approved onto the community's calendar by a community organiser.
 * One schema per operation; the web app imports these for its forms, so limits live here.
 */
export const LIMITS = {
  titleMax: 200,
  abstractMax: 5_000,
  speakersMax: 8,
  speakerNameMax: 120,
  affiliationMax: 200,
  topicsMax: 8,
  topicMax: 40,
  textMax: 200,
  noteMax: 2_000,
  urlMax: 500,
  placeQueryMax: 100,
  withinMaxKm: 20_100,
  /** Values per filter menu (country, topic, speaker): the most frequent; the filters take any value. */
  facetMax: 50,
  pageMax: 100,
  feedMax: 500,
  durationMaxMinutes: 24 * 60,
} as const;

const httpUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.urlMax);
const text = z.string().trim().max(LIMITS.textMax);

/** Topics are free words, compared without case: "Automotive" and "automotive" are one topic. */
export const topic = z
  .string()
  .trim()
  .min(1, msgId("road.form.topicEmpty"))
  .max(LIMITS.topicMax, msgId("road.form.topicTooLong"))
  .transform((t) => t.toLowerCase());

export const speakerInput = z
  .object({
    name: z.string().trim().min(1, msgId("road.form.speakerNameRequired")).max(LIMITS.speakerNameMax),
    affiliation: z.string().trim().max(LIMITS.affiliationMax).default(""),
    /** Links the speaker to an account here: your own address, or (organisers) anyone's. */
    accountEmail: z.email().nullable().default(null),
  })
  .strict();
export type SpeakerInput = z.infer<typeof speakerInput>;

/** An external event described by the member when it is not on the calendar yet; created when the talk is approved. */
export const newRoadEvent = z
  .object({
    name: z.string().trim().min(1, msgId("road.form.conferenceNameRequired")).max(EVENT_LIMITS.nameMax),
    website: httpUrl.nullable().default(null),
    venue: text.default(""),
    city: z.string().trim().min(1, msgId("road.form.cityRequired")).max(LIMITS.textMax),
    country: z.string().trim().min(1, msgId("road.form.countryRequired")).max(LIMITS.textMax),
    latitude,
    longitude,
    timeZone,
    startDate: isoDate,
    endDate: isoDate,
  })
  .strict()
  .refine((e) => e.startDate <= e.endDate, { message: msgId("road.form.conferenceEndBeforeStart"), path: ["endDate"] });
export type NewRoadEvent = z.infer<typeof newRoadEvent>;

const talkFields = z.object({
  title: z.string().trim().min(1, msgId("road.form.titleRequired")).max(LIMITS.titleMax),
  abstract: z.string().trim().max(LIMITS.abstractMax),
  /** Start and end as wall-clock time in the venue's zone; the end may be unknown. */
  startsLocal: localDateTime,
  endsLocal: localDateTime.nullable(),
  room: text.nullable(),
  speakers: z.array(speakerInput).min(1, msgId("road.form.speakersRequired")).max(LIMITS.speakersMax),
  topics: z.array(topic).max(LIMITS.topicsMax, msgId("road.form.tooManyTopics")),
  sessionUrl: httpUrl.nullable(),
});

const endAfterStart = (t: { startsLocal?: string | undefined; endsLocal?: string | null | undefined }) => !t.startsLocal || !t.endsLocal || t.endsLocal > t.startsLocal;
const endMessage = { message: msgId("road.form.endBeforeStart"), path: ["endsLocal"] };

/** Propose a talk: at an event already on the calendar (`eventSlug`), or at one described here (`newEvent`). */
export const proposeTalkBody = talkFields
  .extend({
    abstract: talkFields.shape.abstract.default(""),
    endsLocal: talkFields.shape.endsLocal.default(null),
    room: talkFields.shape.room.default(null),
    topics: talkFields.shape.topics.default([]),
    sessionUrl: talkFields.shape.sessionUrl.default(null),
    eventSlug: slug.nullable().default(null),
    newEvent: newRoadEvent.nullable().default(null),
  })
  .strict()
  .refine(endAfterStart, endMessage)
  .refine((t) => (t.eventSlug === null) !== (t.newEvent === null), { message: msgId("road.form.eventOrNew"), path: ["eventSlug"] });
export type ProposeTalkBody = z.infer<typeof proposeTalkBody>;

export const updateTalkBody = talkFields.partial().strict().refine(endAfterStart, endMessage);
export type UpdateTalkBody = z.infer<typeof updateTalkBody>;

export const decideTalkBody = z.object({ decision: z.enum(["approve", "reject"]), note: z.string().trim().max(LIMITS.noteMax).default("") }).strict();
export type DecideTalkBody = z.infer<typeof decideTalkBody>;

/** Slides and video, added after the talk; null removes a link. */
export const recordingsBody = z.object({ slidesUrl: httpUrl.nullable().optional(), videoUrl: httpUrl.nullable().optional() }).strict();
export type RecordingsBody = z.infer<typeof recordingsBody>;

export const communityParams = z.object({ community: slug });
export const talkParams = z.object({ community: slug, talk: z.uuid(msgId("road.form.unknownTalk")) });

/**
 * The calendar's filters, the same for the list, the iCalendar and the Atom feed, so every
 * filter is a stable URL (`?place=2867714&within=500`: within 500 km of Munich).
 */
const filterFields = z.object({
  when: z.enum(["upcoming", "past", "all"]).default("upcoming"),
    /** Venue-local month, YYYY-MM. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, msgId("events.form.monthFormat"))
      .optional(),
    country: z.string().trim().min(1).max(LIMITS.textMax).optional(),
    topic: topic.optional(),
    speaker: z.string().trim().min(1).max(LIMITS.speakerNameMax).optional(),
    /** Distance from a gazetteer place (its GeoNames id) … */
    place: z.coerce.number().int().positive(msgId("road.form.unknownPlace")).optional(),
    /** … or from coordinates, "lat,lon" (the browser's location). */
    near: z
      .string()
      .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, msgId("road.form.nearFormat"))
      .refine((s) => {
        const [lat, lon] = s.split(",").map(Number);
        return Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180;
      }, msgId("road.form.nearRange"))
      .optional(),
    within: z.coerce.number().positive(msgId("road.form.withinPositive")).max(LIMITS.withinMaxKm).optional(),
});
type FilterFields = z.infer<typeof filterFields>;
const withinNeedsOrigin: [(f: FilterFields) => boolean, { message: string; path: string[] }] = [(f) => f.within === undefined || f.place !== undefined || f.near !== undefined, { message: msgId("road.form.withinNeedsOrigin"), path: ["within"] }];
const oneOrigin: [(f: FilterFields) => boolean, { message: string; path: string[] }] = [(f) => f.place === undefined || f.near === undefined, { message: msgId("road.form.oneOrigin"), path: ["near"] }];

export const calendarFilters = filterFields
  .strict()
  .refine(...withinNeedsOrigin)
  .refine(...oneOrigin);
export type CalendarFilters = z.infer<typeof calendarFilters>;

export const listTalksQuery = filterFields
  .extend({ limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) })
  .strict()
  .refine(...withinNeedsOrigin)
  .refine(...oneOrigin);
export type ListTalksQuery = z.infer<typeof listTalksQuery>;

export const placesQuery = z.object({ q: z.string().trim().min(1, msgId("road.form.placeQueryRequired")).max(LIMITS.placeQueryMax), limit: z.coerce.number().int().min(1).max(20).default(8) }).strict();
export const placeParams = z.object({ place: z.coerce.number().int().positive(msgId("road.form.unknownPlace")) });

export const placeView = z.object({
  id: z.number().int(),
  name: z.string(),
  /** State or region code as GeoNames gives it ("CA", "ENG"); empty when none. */
  region: z.string(),
  countryCode: z.string(),
  country: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int(),
  /** "Napa, CA, United States": what the field shows once chosen. */
  label: z.string(),
});
export type PlaceView = z.infer<typeof placeView>;
export const placeList = z.object({
  places: z.array(placeView),
  /** True when nothing starts with the query and these are the nearest spellings instead. */
  suggestions: z.boolean(),
});

export const speakerView = z.object({ name: z.string(), affiliation: z.string(), userId: z.uuid().nullable() });

export const roadEventView = z.object({
  slug: z.string().nullable(),
  name: z.string(),
  website: z.string().nullable(),
  venue: z.string(),
  city: z.string(),
  country: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});

export const talkView = z.object({
  id: z.uuid(),
  communitySlug: z.string(),
  state: z.enum(TALK_STATES),
  title: z.string(),
  abstract: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  /** The venue's wall-clock times, for forms. */
  startsLocal: z.string(),
  endsLocal: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  room: z.string().nullable(),
  speakers: z.array(speakerView),
  topics: z.array(z.string()),
  sessionUrl: z.string().nullable(),
  slidesUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
  event: roadEventView,
  /** Great-circle distance from the place asked about, when one was. */
  distanceKm: z.number().nullable(),
  decisionNote: z.string(),
  proposedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), decide: z.boolean(), withdraw: z.boolean(), addRecordings: z.boolean() }),
});
export type TalkView = z.infer<typeof talkView>;

const count = z.object({ value: z.string(), count: z.number().int() });
export const talkList = z.object({
  talks: z.array(talkView),
  total: z.number().int(),
  /** The place distances are measured from, when the filters name one. */
  origin: z.object({ label: z.string(), latitude: z.number(), longitude: z.number() }).nullable(),
  /** Counts over the whole calendar for the filter menus (the LIMITS.facetMax most frequent of each), and per venue-local month of this selection. */
  facets: z.object({ countries: z.array(count), topics: z.array(count), speakers: z.array(count), months: z.array(count) }),
  /** The feeds of exactly this selection. */
  feeds: z.object({ ical: z.string(), atom: z.string() }),
});
export type TalkList = z.infer<typeof talkList>;

export const proposalList = z.object({ talks: z.array(talkView) });
export const roadEventList = z.object({ events: z.array(roadEventView) });
