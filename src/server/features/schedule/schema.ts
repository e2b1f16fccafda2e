import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { slug } from "../communities/schema.js";
import { isoDate } from "../events/schema.js";
import { BLOCK_KINDS, HARD_CONFLICTS, SESSION_SOURCES, SOFT_CONFLICTS } from "./rules.js";

/**
 * The conference schedule: rooms and the time grid, sessions and speakers, the editor and
 * its automatic draft, releases, the public programme, favourites and imports. One schema
 * per operation; the web app's forms validate with the same ones.
 */
export const LIMITS = {
  nameMax: 120,
  titleMax: 300,
  textMax: 200,
  abstractMax: 10_000,
  descriptionMax: 50_000,
  biographyMax: 10_000,
  roomsMax: 200,
  daysMax: 60,
  speakersPerSession: 20,
  durationMinMinutes: 5,
  durationMaxMinutes: 24 * 60,
  capacityMax: 1_000_000,
  noteMax: 2_000,
  favouritesMax: 2_000,
  importMaxBytes: 20 * 1024 * 1024,
  availabilityMax: 50,
  draftSecondsMax: 30,
} as const;

const uuid = z.uuid(msgId("schedule.form.unknown"));
const instant = z.iso.datetime({ offset: true, message: msgId("schedule.form.instant") });
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, msgId("schedule.form.time"));
const name = z.string().trim().min(1, msgId("schedule.form.nameRequired")).max(LIMITS.nameMax);
const capacity = z.number().int().min(1).max(LIMITS.capacityMax).nullable();
const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, msgId("schedule.form.language"))
  .nullable();

export const eventParams = z.object({ community: slug, event: slug });
export const communityParams = z.object({ community: slug });
export const roomParams = eventParams.extend({ room: uuid });
export const blockParams = eventParams.extend({ block: uuid });
export const speakerParams = eventParams.extend({ speaker: uuid });
export const sessionParams = eventParams.extend({ session: uuid });
export const versionParams = eventParams.extend({ version: z.coerce.number().int().min(1) });
export const publicSessionParams = eventParams.extend({ number: z.coerce.number().int().min(1) });

// ---------------------------------------------------------------- rooms and the grid

export const settingsBody = z
  .object({
    slotMinutes: z.number().int().min(5, msgId("schedule.form.slotMinutes")).max(120, msgId("schedule.form.slotMinutes")),
    defaultLanguage: language.unwrap(),
  })
  .partial()
  .strict();
export type SettingsBody = z.infer<typeof settingsBody>;

export const roomBody = z.object({ name, capacity: capacity.default(null) }).strict();
export const updateRoomBody = z.object({ name, capacity }).partial().strict();
/** The rooms in their new order (every room of the schedule, once). */
export const roomOrderBody = z.object({ roomIds: z.array(uuid).max(LIMITS.roomsMax) }).strict();
export type RoomBody = z.infer<typeof roomBody>;
export type UpdateRoomBody = z.infer<typeof updateRoomBody>;

export const dayInput = z.object({ date: isoDate, startTime: hhmm, endTime: hhmm }).strict();
export const daysBody = z
  .object({ days: z.array(dayInput).max(LIMITS.daysMax) })
  .strict()
  .refine((v) => new Set(v.days.map((d) => d.date)).size === v.days.length, { message: msgId("schedule.form.daysTwice"), path: ["days"] });
export type DaysBody = z.infer<typeof daysBody>;

export const blockBody = z
  .object({ roomId: uuid.nullable().default(null), kind: z.enum(BLOCK_KINDS), title: z.string().trim().max(LIMITS.textMax).default(""), startsAt: instant, endsAt: instant })
  .strict()
  .refine((b) => Date.parse(b.startsAt) < Date.parse(b.endsAt), { message: msgId("schedule.form.endAfterStart"), path: ["endsAt"] });
export type BlockBody = z.infer<typeof blockBody>;

// ---------------------------------------------------------------- speakers and sessions

const interval = z.object({ start: instant, end: instant }).refine((w) => Date.parse(w.start) < Date.parse(w.end), { message: msgId("schedule.form.endAfterStart"), path: ["end"] });

/** Each field once; the create schemas add defaults, the PATCH schemas leave absent fields absent. */
const speakerFields = {
  name,
  affiliation: z.string().trim().max(LIMITS.textMax),
  biography: z.string().trim().max(LIMITS.biographyMax),
  email: z.email(msgId("schedule.form.email")).nullable(),
  availability: z.array(interval).max(LIMITS.availabilityMax).nullable(),
};
export const speakerBody = z
  .object({ ...speakerFields, affiliation: speakerFields.affiliation.default(""), biography: speakerFields.biography.default(""), email: speakerFields.email.default(null), availability: speakerFields.availability.default(null) })
  .strict();
export const updateSpeakerBody = z.object(speakerFields).partial().strict();

/** A speaker's own form: the times they cannot make (within the conference days; an empty list: available throughout). */
export const myAvailabilityBody = z.object({ unavailable: z.array(interval).max(LIMITS.availabilityMax) }).strict();
export type MyAvailabilityBody = z.infer<typeof myAvailabilityBody>;
export const myAvailabilityView = z.object({
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), start: z.string(), end: z.string() })),
  unavailable: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type MyAvailabilityView = z.infer<typeof myAvailabilityView>;
export type SpeakerBody = z.infer<typeof speakerBody>;

const sessionFields = {
  title: z.string().trim().min(1, msgId("schedule.form.titleRequired")).max(LIMITS.titleMax),
  subtitle: z.string().trim().max(LIMITS.titleMax),
  abstract: z.string().trim().max(LIMITS.abstractMax),
  description: z.string().trim().max(LIMITS.descriptionMax),
  type: z.string().trim().min(1).max(40),
  track: z.string().trim().max(LIMITS.nameMax).nullable(),
  language,
  durationMinutes: z.number().int().min(LIMITS.durationMinMinutes, msgId("schedule.form.duration")).max(LIMITS.durationMaxMinutes, msgId("schedule.form.duration")),
  expectedAudience: z.number().int().min(0).max(LIMITS.capacityMax).nullable(),
  speakerIds: z.array(uuid).max(LIMITS.speakersPerSession),
};
const f = sessionFields;
export const sessionBody = z
  .object({ ...f, subtitle: f.subtitle.default(""), abstract: f.abstract.default(""), description: f.description.default(""), type: f.type.default("talk"), track: f.track.default(null), language: f.language.default(null), expectedAudience: f.expectedAudience.default(null), speakerIds: f.speakerIds.default([]) })
  .strict();
export const updateSessionBody = z.object(sessionFields).partial().strict();
export type SessionBody = z.infer<typeof sessionBody>;
export type UpdateSessionBody = z.infer<typeof updateSessionBody>;

/** A move in the editor: a room and a start, or both null to take the session off the grid. */
export const moveBody = z
  .object({ roomId: uuid.nullable(), startsAt: instant.nullable(), pinned: z.boolean().optional() })
  .strict()
  .refine((m) => (m.roomId === null) === (m.startsAt === null), { message: msgId("schedule.form.roomAndStart"), path: ["startsAt"] });
export type MoveBody = z.infer<typeof moveBody>;

/** `keepPlaced`: re-plan around the sessions already placed (moving as few as it can), or start from an empty grid. */
export const draftBody = z
  .object({ timeLimitSeconds: z.number().min(1).max(LIMITS.draftSecondsMax).default(4), seed: z.number().int().min(0).max(1_000_000).default(1), keepPlaced: z.boolean().default(true) })
  .strict();
export type DraftBody = z.infer<typeof draftBody>;

export const applyDraftBody = z
  .object({
    baseRevision: z.number().int().min(0),
    placements: z.array(z.object({ sessionId: uuid, roomId: uuid.nullable(), startsAt: instant.nullable() }).strict()).max(20_000),
  })
  .strict();
export type ApplyDraftBody = z.infer<typeof applyDraftBody>;

export const releaseBody = z.object({ note: z.string().trim().max(LIMITS.noteMax).default("") }).strict();
export type ReleaseBody = z.infer<typeof releaseBody>;

export const importBody = z
  .object({
    format: z.enum(["xml", "json"]),
    content: z.string().min(1, msgId("schedule.import.empty")).max(LIMITS.importMaxBytes),
    /** The new event's address in the community; from the file's acronym when not given. */
    slug: slug.optional(),
  })
  .strict();
export type ImportBody = z.infer<typeof importBody>;

export const favouritesBody = z.object({ sessionIds: z.array(uuid).max(LIMITS.favouritesMax) }).strict();

export const calendarQuery = z
  .object({
    room: uuid.optional(),
    track: z.string().max(LIMITS.nameMax).optional(),
    speaker: uuid.optional(),
    /** A person's favourites without an account: the session numbers, comma-separated. */
    sessions: z
      .string()
      .regex(/^\d{1,6}(,\d{1,6}){0,1999}$/, msgId("schedule.form.sessionList"))
      .optional(),
  })
  .strict();
export type CalendarQuery = z.infer<typeof calendarQuery>;
export const favouritesFeedQuery = z.object({ token: z.string().min(10).max(200) }).strict();
export const widgetQuery = z.object({ lang: z.string().max(10).optional(), day: isoDate.optional() }).strict();

// ---------------------------------------------------------------- views

export const roomView = z.object({ id: z.uuid(), name: z.string(), capacity: z.number().int().nullable(), position: z.number().int() });
export const dayView = z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), start: z.string(), end: z.string() });
export const blockView = z.object({ id: z.uuid(), roomId: z.uuid().nullable(), kind: z.enum(BLOCK_KINDS), title: z.string(), startsAt: z.string(), endsAt: z.string() });
export const speakerView = z.object({
  id: z.uuid(),
  name: z.string(),
  affiliation: z.string(),
  biography: z.string(),
  email: z.string().nullable(),
  userId: z.uuid().nullable(),
  availability: z.array(z.object({ start: z.string(), end: z.string() })).nullable(),
});
export const sessionView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  source: z.enum(SESSION_SOURCES),
  proposalId: z.uuid().nullable(),
  title: z.string(),
  subtitle: z.string(),
  abstract: z.string(),
  description: z.string(),
  type: z.string(),
  track: z.string().nullable(),
  language: z.string().nullable(),
  durationMinutes: z.number().int(),
  expectedAudience: z.number().int().nullable(),
  /** Favourites from signed-in attendees. */
  favourites: z.number().int(),
  roomId: z.uuid().nullable(),
  startsAt: z.string().nullable(),
  pinned: z.boolean(),
  demo: z.boolean(),
  speakerIds: z.array(z.uuid()),
});
export type RoomView = z.infer<typeof roomView>;
export type DayView = z.infer<typeof dayView>;
export type BlockView = z.infer<typeof blockView>;
export type SpeakerView = z.infer<typeof speakerView>;
export type SessionView = z.infer<typeof sessionView>;

export const conflictView = z.object({
  kind: z.enum([...HARD_CONFLICTS, ...SOFT_CONFLICTS]),
  hard: z.boolean(),
  sessionIds: z.array(z.uuid()),
  speakerId: z.uuid().optional(),
  blockId: z.uuid().optional(),
  count: z.number().optional(),
  capacity: z.number().optional(),
});
export type ConflictView = z.infer<typeof conflictView>;

const placeView = z.object({ room: z.string(), roomId: z.uuid(), start: z.string() });
export const releaseChange = z.object({
  kind: z.enum(["added", "removed", "moved", "changed"]),
  sessionId: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  from: placeView.nullable(),
  to: placeView.nullable(),
  /** For `changed`: which of title, speakers, duration, … */
  fields: z.array(z.string()),
});
export type ReleaseChange = z.infer<typeof releaseChange>;

export const setupView = z.object({
  event: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), communitySlug: z.string(), timeZone: z.string(), startDate: z.string(), endDate: z.string() }),
  slotMinutes: z.number().int(),
  defaultLanguage: z.string(),
  rooms: z.array(roomView),
  days: z.array(dayView),
  blocks: z.array(blockView),
});
export type SetupView = z.infer<typeof setupView>;

export const editorView = setupView.extend({
  revision: z.number().int(),
  speakers: z.array(speakerView),
  sessions: z.array(sessionView),
  coFavourites: z.array(z.tuple([z.uuid(), z.uuid(), z.number().int()])),
  conflicts: z.array(conflictView),
  lastRelease: z.object({ number: z.number().int(), releasedAt: z.string() }).nullable(),
  /** What a release now would announce. */
  pending: z.array(releaseChange),
  candidateSources: z.number().int(),
});
export type EditorView = z.infer<typeof editorView>;

export const moveResult = z.object({ revision: z.number().int(), session: sessionView, conflicts: z.array(conflictView) });
export type MoveResult = z.infer<typeof moveResult>;

export const draftView = z.object({
  baseRevision: z.number().int(),
  status: z.string(),
  cost: z.number(),
  lowerBound: z.number().nullable(),
  breakdown: z.object({ clashes: z.number(), overflow: z.number(), unplaced: z.number(), moves: z.number() }),
  seconds: z.number(),
  placements: z.array(z.object({ sessionId: z.uuid(), roomId: z.uuid().nullable(), startsAt: z.string().nullable() })),
  moves: z.array(z.object({ sessionId: z.uuid(), from: z.object({ roomId: z.uuid(), startsAt: z.string() }).nullable(), to: z.object({ roomId: z.uuid(), startsAt: z.string() }).nullable() })),
  unplaced: z.array(z.object({ sessionId: z.uuid(), reason: z.string() })),
});
export type DraftView = z.infer<typeof draftView>;

export const applyResult = z.object({ revision: z.number().int(), moved: z.number().int() });
export type ApplyResult = z.infer<typeof applyResult>;

export const syncResult = z.object({ added: z.number().int(), updated: z.number().int(), gone: z.array(z.uuid()), revision: z.number().int() });

/** A programme as JSON: instants as ISO strings. The same shape is kept for every released version. */
const programmePerson = z.object({ id: z.string(), name: z.string(), affiliation: z.string().nullable(), url: z.string().nullable() });
export const programmeItemView = z.object({
  id: z.string(),
  number: z.number().int().optional(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  abstract: z.string(),
  description: z.string().nullable(),
  track: z.string().nullable(),
  type: z.string(),
  language: z.string().nullable(),
  roomId: z.string(),
  start: z.string(),
  end: z.string(),
  persons: z.array(programmePerson),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  url: z.string(),
  revision: z.number().int(),
});
export const programmeView = z.object({
  event: z.object({ id: z.string(), slug: z.string(), communitySlug: z.string(), title: z.string(), timeZone: z.string(), startDate: z.string(), endDate: z.string(), url: z.string(), language: z.string().optional() }),
  version: z.string(),
  publishedAt: z.string(),
  rooms: z.array(z.object({ id: z.string(), name: z.string(), capacity: z.number().nullable(), position: z.number() })),
  items: z.array(programmeItemView),
  days: z.array(z.object({ date: z.string(), start: z.string(), end: z.string() })).optional(),
  breaks: z.array(z.object({ id: z.string(), title: z.string(), roomId: z.string().nullable(), start: z.string(), end: z.string() })).optional(),
  slotMinutes: z.number().int().optional(),
});
export type SnapshotProgramme = z.infer<typeof programmeView>;
export type ProgrammeItemView = z.infer<typeof programmeItemView>;

export const publicScheduleView = z.object({
  programme: programmeView,
  /** The address of every output of this programme. */
  outputs: z.object({ xml: z.string(), json: z.string(), json2: z.string(), ics: z.string(), csv: z.string(), widget: z.string(), widgetScript: z.string() }),
  release: z.object({ number: z.number().int(), releasedAt: z.string(), note: z.string() }).nullable(),
});
export type PublicScheduleView = z.infer<typeof publicScheduleView>;

export const releaseView = z.object({ number: z.number().int(), releasedAt: z.string(), note: z.string(), changes: z.array(releaseChange), sessions: z.number().int() });
export type ReleaseView = z.infer<typeof releaseView>;
export const releaseList = z.object({ releases: z.array(releaseView) });
export const versionView = z.object({ release: releaseView, programme: programmeView });
export type VersionView = z.infer<typeof versionView>;

export const favouritesView = z.object({ sessionIds: z.array(z.uuid()), calendarUrl: z.string() });
export type FavouritesView = z.infer<typeof favouritesView>;

export const importResult = z.object({ eventSlug: z.string(), rooms: z.number().int(), sessions: z.number().int(), speakers: z.number().int(), release: z.number().int() });
export type ImportResult = z.infer<typeof importResult>;
