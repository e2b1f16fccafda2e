import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { slug } from "../communities/schema.js";
import { isoDate } from "../events/schema.js";
import { BOARD_VISIBILITY, FEEDBACK_KINDS, FIXED_KINDS, HARD_PROBLEMS, TOPIC_STATES, WARNINGS } from "./rules.js";

/**
 * The unconference board of a hackathon: structure (days, slots, work areas, fixed items),
 * topics and interest, the morning plenary's planner and publishing, live boards and agendas.
 * One schema per operation; the web app's forms validate with the same ones.
 */
export const LIMITS = {
  titleMax: 200,
  descriptionMax: 20_000,
  labelMax: 40,
  featureMax: 40,
  featuresMax: 20,
  linksMax: 20,
  urlMax: 2_000,
  leadersMax: 10,
  daysMax: 14,
  slotsMax: 200,
  areasMax: 100,
  fixedMax: 100,
  capacityMax: 10_000,
  lengthMax: 12,
  planSecondsMax: 30,
  placementsMax: 5_000,
  demoMinutesMax: 30,
  feedbackMax: 1_000,
} as const;

const uuid = z.uuid(msgId("unconference.form.unknown"));
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, msgId("unconference.form.time"));
const feature = z.string().trim().toLowerCase().min(1).max(LIMITS.featureMax);
const features = z.array(feature).max(LIMITS.featuresMax);

export const eventParams = z.object({ community: slug, event: slug });
export const topicParams = eventParams.extend({ topic: uuid });
export const planParams = eventParams.extend({ plan: uuid });

// ---------------------------------------------------------------- structure

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const timed = { date: isoDate, startTime: hhmm, endTime: hhmm };

export const structureBody = z
  .object({
    days: z.array(z.object(timed).strict()).min(1, msgId("unconference.form.daysRequired")).max(LIMITS.daysMax),
    /** A slot keeps its id when it is sent again, so topics placed in it stay there. */
    slots: z.array(z.object({ id: uuid.optional(), ...timed }).strict()).max(LIMITS.slotsMax),
    areas: z
      .array(
        z
          .object({
            id: uuid.optional(),
            label: z.string().trim().min(1, msgId("unconference.form.labelRequired")).max(LIMITS.labelMax),
            capacity: z.number().int().min(1, msgId("unconference.form.capacity")).max(LIMITS.capacityMax, msgId("unconference.form.capacity")),
            features: features.default([]),
          })
          .strict(),
      )
      .max(LIMITS.areasMax),
    fixed: z
      .array(z.object({ ...timed, kind: z.enum(FIXED_KINDS), title: z.string().trim().min(1, msgId("unconference.form.titleRequired")).max(LIMITS.titleMax) }).strict())
      .max(LIMITS.fixedMax)
      .default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const days = new Map<string, { start: number; end: number }>();
    v.days.forEach((d, i) => {
      if (days.has(d.date)) ctx.addIssue({ code: "custom", message: msgId("unconference.form.dayTwice"), path: ["days", i, "date"] });
      if (minutes(d.endTime) <= minutes(d.startTime)) ctx.addIssue({ code: "custom", message: msgId("unconference.form.endAfterStart"), path: ["days", i, "endTime"] });
      days.set(d.date, { start: minutes(d.startTime), end: minutes(d.endTime) });
    });
    const seen: { date: string; start: number; end: number }[] = [];
    v.slots.forEach((s, i) => {
      const start = minutes(s.startTime);
      const end = minutes(s.endTime);
      if (end <= start) return ctx.addIssue({ code: "custom", message: msgId("unconference.form.endAfterStart"), path: ["slots", i, "endTime"] });
      const day = days.get(s.date);
      if (!day) return ctx.addIssue({ code: "custom", message: msgId("unconference.form.slotNoDay"), path: ["slots", i, "date"] });
      if (start < day.start || end > day.end) ctx.addIssue({ code: "custom", message: msgId("unconference.form.slotOutsideDay"), path: ["slots", i, start < day.start ? "startTime" : "endTime"] });
      if (seen.some((o) => o.date === s.date && o.start < end && start < o.end)) ctx.addIssue({ code: "custom", message: msgId("unconference.form.slotsOverlap"), path: ["slots", i, "startTime"] });
      seen.push({ date: s.date, start, end });
    });
    const labels = new Set<string>();
    v.areas.forEach((a, i) => {
      const key = a.label.toLowerCase();
      if (labels.has(key)) ctx.addIssue({ code: "custom", message: msgId("unconference.form.labelTwice"), path: ["areas", i, "label"] });
      labels.add(key);
    });
    const ids = (list: { id?: string | undefined }[], field: string) =>
      list.forEach((x, i) => {
        if (x.id && list.findIndex((y) => y.id === x.id) !== i) ctx.addIssue({ code: "custom", message: msgId("unconference.form.idTwice"), path: [field, i, "id"] });
      });
    ids(v.slots, "slots");
    ids(v.areas, "areas");
    v.fixed.forEach((f, i) => {
      if (minutes(f.endTime) <= minutes(f.startTime)) ctx.addIssue({ code: "custom", message: msgId("unconference.form.endAfterStart"), path: ["fixed", i, "endTime"] });
      if (!days.has(f.date)) ctx.addIssue({ code: "custom", message: msgId("unconference.form.slotNoDay"), path: ["fixed", i, "date"] });
    });
  });
export type StructureBody = z.infer<typeof structureBody>;

export const settingsBody = z
  .object({ visibility: z.enum(BOARD_VISIBILITY), closedDates: z.array(isoDate).max(LIMITS.daysMax) })
  .partial()
  .strict();
export type SettingsBody = z.infer<typeof settingsBody>;

const slotView = z.object({ id: z.uuid(), date: z.string(), startTime: z.string(), endTime: z.string(), start: z.string(), end: z.string(), blocked: z.boolean() });
const areaView = z.object({ id: z.uuid(), label: z.string(), capacity: z.number().int(), features: z.array(z.string()), position: z.number().int() });
const fixedView = z.object({ id: z.uuid(), date: z.string(), startTime: z.string(), endTime: z.string(), start: z.string(), end: z.string(), kind: z.enum(FIXED_KINDS), title: z.string() });
export const structureView = z.object({
  event: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), communitySlug: z.string(), timeZone: z.string(), startDate: z.string(), endDate: z.string() }),
  visibility: z.enum(BOARD_VISIBILITY),
  closedDates: z.array(z.string()),
  days: z.array(z.object(timed).extend({ date: z.string() })),
  slots: z.array(slotView),
  areas: z.array(areaView),
  fixed: z.array(fixedView),
});
export type StructureView = z.infer<typeof structureView>;
export type SlotView = z.infer<typeof slotView>;
export type AreaView = z.infer<typeof areaView>;

// ---------------------------------------------------------------- topics

const link = z.object({ title: z.string().trim().max(LIMITS.titleMax).default(""), url: z.url({ protocol: /^https?$/, message: msgId("unconference.form.url") }).max(LIMITS.urlMax) }).strict();
const topicFields = {
  title: z.string().trim().min(1, msgId("unconference.form.titleRequired")).max(LIMITS.titleMax),
  description: z.string().trim().max(LIMITS.descriptionMax),
  links: z.array(link).max(LIMITS.linksMax),
  needs: features,
  length: z.number().int().min(1, msgId("unconference.form.length")).max(LIMITS.lengthMax, msgId("unconference.form.length")),
  /** Slots a leader cannot make. */
  unavailable: z.array(uuid).max(LIMITS.slotsMax),
  /** Accounts leading the topic; each must be a confirmed attendee or an organiser. Default: the proposer. */
  leaderIds: z.array(uuid).min(1, msgId("unconference.form.leadersRequired")).max(LIMITS.leadersMax),
};
const tf = topicFields;
export const topicBody = z
  .object({ ...tf, description: tf.description.default(""), links: tf.links.default([]), needs: tf.needs.default([]), length: tf.length.default(1), unavailable: tf.unavailable.default([]), leaderIds: tf.leaderIds.optional() })
  .strict();
export const updateTopicBody = z
  .object({ ...topicFields, summary: z.string().trim().max(LIMITS.descriptionMax), outcomes: z.string().trim().max(LIMITS.descriptionMax) })
  .partial()
  .strict();
export type TopicBody = z.infer<typeof topicBody>;
export type UpdateTopicBody = z.infer<typeof updateTopicBody>;

export const interestBody = z.object({ mustAttend: z.boolean().default(false) }).strict();
export const mergeBody = z.object({ intoTopicId: uuid }).strict();

const placeView = z.object({ areaId: z.uuid(), slotId: z.uuid() });
export const topicView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** The description rendered and sanitised. */
  descriptionHtml: z.string(),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  needs: z.array(z.string()),
  length: z.number().int(),
  unavailable: z.array(z.uuid()),
  state: z.enum(TOPIC_STATES),
  mergedInto: z.uuid().nullable(),
  leaders: z.array(z.object({ id: z.uuid(), name: z.string() })),
  interest: z.number().int(),
  mustAttend: z.number().int(),
  mine: z.object({ interested: z.boolean(), mustAttend: z.boolean(), leader: z.boolean() }),
  /** Where the published timetable has it. */
  published: placeView.nullable(),
  summary: z.string(),
  summaryHtml: z.string(),
  outcomes: z.string(),
  outcomesHtml: z.string(),
  demo: z.boolean(),
});
export type TopicView = z.infer<typeof topicView>;

export const boardView = structureView.extend({
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  topics: z.array(topicView),
  can: z.object({ propose: z.boolean(), organise: z.boolean() }),
});
export type BoardView = z.infer<typeof boardView>;

// ---------------------------------------------------------------- the morning plenary

export const problemView = z.object({
  kind: z.enum([...HARD_PROBLEMS, ...WARNINGS]),
  hard: z.boolean(),
  topicId: z.uuid(),
  others: z.array(z.uuid()).optional(),
  leaderId: z.uuid().optional(),
  features: z.array(z.string()).optional(),
  count: z.number().optional(),
  capacity: z.number().optional(),
});
export type ProblemView = z.infer<typeof problemView>;

export const placeBody = z
  .object({ areaId: uuid.nullable(), slotId: uuid.nullable(), pinned: z.boolean().optional() })
  .strict()
  .refine((p) => (p.areaId === null) === (p.slotId === null), { message: msgId("unconference.form.areaAndSlot"), path: ["slotId"] });
export type PlaceBody = z.infer<typeof placeBody>;

export const plenaryView = boardView.extend({
  revision: z.number().int(),
  /** The working board: where each open topic is now (null: not placed), and whether it is pinned. */
  working: z.array(z.object({ topicId: z.uuid(), areaId: z.uuid().nullable(), slotId: z.uuid().nullable(), pinned: z.boolean() })),
  problems: z.array(problemView),
  cost: z.object({ clashes: z.number(), overflow: z.number(), unplaced: z.number(), moves: z.number(), total: z.number() }),
});
export type PlenaryView = z.infer<typeof plenaryView>;

export const placeResult = z.object({ revision: z.number().int(), problems: z.array(problemView) });
export type PlaceResult = z.infer<typeof placeResult>;

export const planBody = z
  .object({ timeLimitSeconds: z.number().min(0.2).max(LIMITS.planSecondsMax).default(3), seed: z.number().int().min(0).max(1_000_000).default(1) })
  .strict();
export type PlanBody = z.infer<typeof planBody>;

const costView = z.object({ clashes: z.number(), overflow: z.number(), unplaced: z.number(), moves: z.number() });
export const diffEntry = z.object({
  topicId: z.uuid(),
  title: z.string(),
  kind: z.enum(["moved", "added", "unplaced", "kept", "removed"]),
  from: placeView.nullable(),
  to: placeView.nullable(),
  /** For `unplaced`: why, in words. */
  reason: z.string().optional(),
});
export type DiffEntry = z.infer<typeof diffEntry>;
export const previewView = z.object({
  baseRevision: z.number().int(),
  baseVersion: z.number().int(),
  status: z.string(),
  cost: z.number(),
  breakdown: costView,
  lowerBound: z.number().nullable(),
  seconds: z.number(),
  placements: z.array(z.object({ topicId: z.uuid(), areaId: z.uuid(), slotId: z.uuid() })),
  diff: z.array(diffEntry),
});
export type PreviewView = z.infer<typeof previewView>;
export const planView = z.object({
  id: z.uuid(),
  state: z.enum(["running", "done", "failed", "cancelled"]),
  fraction: z.number(),
  bestCost: z.number().nullable(),
  preview: previewView.nullable(),
  error: z.string().nullable(),
});
export type PlanView = z.infer<typeof planView>;

export const applyBody = z
  .object({ baseRevision: z.number().int().min(0), placements: z.array(z.object({ topicId: uuid, areaId: uuid, slotId: uuid }).strict()).max(LIMITS.placementsMax) })
  .strict();
export type ApplyBody = z.infer<typeof applyBody>;

export const publishBody = z.object({ baseVersion: z.number().int().min(0) }).strict();
export type PublishBody = z.infer<typeof publishBody>;

// ---------------------------------------------------------------- published versions

/** One topic as a version published it: enough for every board, feed and agenda without the rows. */
export const publishedTopic = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  leaders: z.array(z.object({ id: z.uuid(), name: z.string() })),
  areaId: z.uuid(),
  slotId: z.uuid(),
  start: z.string(),
  end: z.string(),
  sequence: z.number().int(),
});
export const publishedBoard = z.object({
  areas: z.array(z.object({ id: z.uuid(), label: z.string(), capacity: z.number().int(), position: z.number().int() })),
  days: z.array(z.object({ date: z.string(), start: z.string(), end: z.string() })),
  fixed: z.array(z.object({ id: z.uuid(), title: z.string(), kind: z.enum(FIXED_KINDS), start: z.string(), end: z.string() })),
  topics: z.array(publishedTopic),
});
export type PublishedBoard = z.infer<typeof publishedBoard>;
export type PublishedTopic = z.infer<typeof publishedTopic>;

export const boardChange = z.object({
  kind: z.enum(["added", "moved", "removed"]),
  topicId: z.uuid(),
  title: z.string(),
  from: z.object({ areaId: z.uuid(), start: z.string() }).nullable(),
  to: z.object({ areaId: z.uuid(), start: z.string() }).nullable(),
});
export type BoardChange = z.infer<typeof boardChange>;

export const versionView = z.object({ number: z.number().int(), publishedAt: z.string(), changes: z.array(boardChange), board: publishedBoard });
export type VersionView = z.infer<typeof versionView>;
export const versionsQuery = z.object({ after: z.coerce.number().int().min(0).default(0) }).strict();
export const versionList = z.object({ versions: z.array(versionView) });

// ---------------------------------------------------------------- live boards and agendas

/** The version the client has; a reconnecting browser's `Last-Event-ID` header takes precedence. */
export const liveQuery = z.object({ after: z.coerce.number().int().min(0).default(0) }).strict();
export const agendaQuery = z.object({ token: z.string().min(10).max(200) }).strict();
export const agendaView = z.object({
  version: z.number().int(),
  items: z.array(z.object({ topicId: z.uuid(), number: z.number().int(), title: z.string(), areaId: z.uuid(), area: z.string(), start: z.string(), end: z.string(), leading: z.boolean() })),
  /** Two of the person's topics at once, and when they meet. */
  clashes: z.array(z.object({ topicIds: z.tuple([z.uuid(), z.uuid()]), start: z.string() })),
  /** Topics marked or led that the published board does not place (yet). */
  unplaced: z.array(z.uuid()),
  /** The agenda's iCalendar feed, at a secret address. */
  calendarUrl: z.string(),
});
export type AgendaView = z.infer<typeof agendaView>;

// ---------------------------------------------------------------- the evening plenary

export const demoParams = eventParams.extend({ demo: uuid });
export const feedbackParams = eventParams.extend({ feedback: uuid });
export const eveningQuery = z.object({ date: isoDate }).strict();
export const demoBody = z.object({ topicId: uuid, date: isoDate, minutes: z.number().int().min(1, msgId("unconference.form.demoMinutes")).max(LIMITS.demoMinutesMax, msgId("unconference.form.demoMinutes")).default(5) }).strict();
export type DemoBody = z.infer<typeof demoBody>;
export const demoOrderBody = z.object({ date: isoDate, demoIds: z.array(uuid).max(200) }).strict();
export const feedbackBody = z.object({ date: isoDate, kind: z.enum(FEEDBACK_KINDS), text: z.string().trim().min(1, msgId("unconference.form.feedbackRequired")).max(LIMITS.feedbackMax) }).strict();
export type FeedbackBody = z.infer<typeof feedbackBody>;
export const adoptBody = z.object({ adopted: z.boolean() }).strict();

export const eveningView = z.object({
  date: z.string(),
  timeZone: z.string(),
  /** The day's published topics with what their leaders wrote. */
  topics: z.array(z.object({ id: z.uuid(), title: z.string(), area: z.string(), start: z.string(), leaders: z.array(z.string()), summaryHtml: z.string(), outcomesHtml: z.string() })),
  demos: z.array(z.object({ id: z.uuid(), topicId: z.uuid(), title: z.string(), position: z.number().int(), minutes: z.number().int(), startedAt: z.string().nullable() })),
  feedback: z.array(z.object({ id: z.uuid(), kind: z.enum(FEEDBACK_KINDS), text: z.string(), votes: z.number().int(), voted: z.boolean(), adopted: z.boolean() })),
  can: z.object({ organise: z.boolean(), participate: z.boolean() }),
});
export type EveningView = z.infer<typeof eveningView>;
