import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { slug } from "../communities/schema.js";
import { BIDS, CONFLICT_SOURCES, DEADLINE_ZONES, DECISIONS, PHASES, PROPOSAL_ACTIONS, PROPOSAL_STATES } from "./rules.js";

/**
 * The call for participation: settings and the public page, speakers' profiles and proposals,
 * the programme committee's conflicts, bids, reviews, assignment and decisions. One schema per
 * operation; the web app's forms validate with the same ones (the answers to an event's own
 * questions with `answersSchema`, built from the questions by both sides).
 */
export const LIMITS = {
  titleMax: 200,
  textMax: 200,
  abstractMax: 2_000,
  descriptionMax: 20_000,
  notesMax: 5_000,
  biographyMax: 5_000,
  pageMax: 50_000,
  urlMax: 2_000,
  linksMax: 10,
  sessionTypesMax: 20,
  tracksMax: 20,
  topicsPerTrackMax: 50,
  topicsPerProposalMax: 10,
  questionsMax: 30,
  optionsMax: 30,
  answerMax: 10_000,
  coSpeakersMax: 5,
  criteriaMax: 10,
  scalePointsMax: 10,
  commentMax: 10_000,
  accessCodeMax: 100,
  maxProposalsMax: 100,
  durationMaxMinutes: 8 * 60,
  reviewsPerProposalMax: 20,
  loadMax: 1_000,
} as const;

const uuid = z.uuid(msgId("cfp.form.unknown"));
const key = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, msgId("cfp.form.key"));
const label = z.string().trim().min(1, msgId("cfp.form.labelRequired")).max(LIMITS.textMax);
const url = z.url({ protocol: /^https?$/, message: msgId("cfp.form.url") }).max(LIMITS.urlMax);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, msgId("cfp.form.localDateTime"));

export const eventParams = z.object({ community: slug, event: slug });
export const proposalParams = eventParams.extend({ proposal: uuid });
export const conflictParams = proposalParams.extend({ user: uuid });

// ---------------------------------------------------------------- settings

/** An instant as someone entered it: a local date and time, in the event's zone or Anywhere on Earth. */
export const zonedInput = z.object({ local: localDateTime, zone: z.enum(DEADLINE_ZONES) }).strict();
export type ZonedInput = z.infer<typeof zonedInput>;

export const QUESTION_KINDS = ["text", "long_text", "choice", "multiple_choice", "number", "url", "boolean"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const question = z
  .object({
    key,
    /** Asked once per proposal, or of each of its speakers. */
    target: z.enum(["proposal", "speaker"]),
    kind: z.enum(QUESTION_KINDS),
    label,
    help: z.string().trim().max(LIMITS.textMax).default(""),
    required: z.boolean().default(false),
    /** text and long text: the longest answer; number: the range; choices: the options and how many may be picked. */
    maxLength: z.number().int().min(1).max(LIMITS.answerMax).nullable().default(null),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    options: z.array(label).max(LIMITS.optionsMax).default([]),
    maxChoices: z.number().int().min(1).max(LIMITS.optionsMax).nullable().default(null),
  })
  .strict()
  .refine((q) => !(q.kind === "choice" || q.kind === "multiple_choice") || q.options.length >= 2, { message: msgId("cfp.form.optionsNeeded"), path: ["options"] })
  .refine((q) => q.min === null || q.max === null || q.min <= q.max, { message: msgId("cfp.form.minMax"), path: ["max"] });
export type Question = z.infer<typeof question>;

export const sessionType = z.object({ key, label, minutes: z.number().int().min(5, msgId("cfp.form.minutes")).max(LIMITS.durationMaxMinutes, msgId("cfp.form.minutes")) }).strict();
export const track = z.object({ key, name: label, topics: z.array(label).max(LIMITS.topicsPerTrackMax) }).strict();
export const criterion = z
  .object({
    key,
    label,
    weight: z.number().min(0).max(100),
    scale: z
      .array(z.object({ value: z.number().int().min(-10).max(10), label }).strict())
      .min(2, msgId("cfp.form.scalePoints"))
      .max(LIMITS.scalePointsMax),
  })
  .strict();

const unique = <T>(items: readonly T[], by: (x: T) => string) => new Set(items.map(by)).size === items.length;

export const settingsBody = z
  .object({
    opensAt: zonedInput.nullable(),
    closesAt: zonedInput.nullable(),
    sessionTypes: z.array(sessionType).min(1, msgId("cfp.form.sessionTypeNeeded")).max(LIMITS.sessionTypesMax),
    tracks: z.array(track).max(LIMITS.tracksMax),
    questions: z.array(question).max(LIMITS.questionsMax),
    criteria: z.array(criterion).min(1, msgId("cfp.form.criterionNeeded")).max(LIMITS.criteriaMax),
    maxProposalsPerSpeaker: z.number().int().min(1).max(LIMITS.maxProposalsMax).nullable(),
    /** Lets a speaker submit after the deadline; null: no late submissions. */
    lateAccessCode: z.string().trim().min(6, msgId("cfp.form.accessCodeLength")).max(LIMITS.accessCodeMax).nullable(),
    /** Reviewers never see who the speakers are. */
    blind: z.boolean(),
    /** Markdown, rendered and sanitised for the public page. */
    page: z.string().max(LIMITS.pageMax),
  })
  .strict()
  .refine((s) => unique(s.sessionTypes, (x) => x.key), { message: msgId("cfp.form.keysTwice"), path: ["sessionTypes"] })
  .refine((s) => unique(s.tracks, (x) => x.key), { message: msgId("cfp.form.keysTwice"), path: ["tracks"] })
  .refine((s) => unique(s.questions, (x) => x.key), { message: msgId("cfp.form.keysTwice"), path: ["questions"] })
  .refine((s) => unique(s.criteria, (x) => x.key), { message: msgId("cfp.form.keysTwice"), path: ["criteria"] });
export type SettingsBody = z.infer<typeof settingsBody>;

export const phaseBody = z.object({ phase: z.enum(PHASES) }).strict();

/** The call as everyone sees it. Instants are ISO with offset; `eventZone` and `deadlineZone` say how to show them. */
export const publicCall = z.object({
  event: z.object({ name: z.string(), slug: z.string(), communitySlug: z.string(), timeZone: z.string() }),
  configured: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** The zone the deadline was entered in: the event's (by name) or Anywhere on Earth. */
  deadlineZone: z.enum(DEADLINE_ZONES),
  open: z.boolean(),
  lateSubmissions: z.boolean(),
  sessionTypes: z.array(sessionType),
  tracks: z.array(track),
  questions: z.array(question),
  maxProposalsPerSpeaker: z.number().nullable(),
  blind: z.boolean(),
  pageHtml: z.string(),
  /** Demo content: the call was reopened from the demo's start so the flow can be tried. */
  demo: z.boolean(),
});
export type PublicCall = z.infer<typeof publicCall>;

export const settingsView = publicCall.extend({
  phase: z.enum(PHASES),
  criteria: z.array(criterion),
  lateAccessCode: z.string().nullable(),
  page: z.string(),
  /** As entered, for the form. */
  opensAtInput: zonedInput.nullable(),
  closesAtInput: zonedInput.nullable(),
});
export type SettingsView = z.infer<typeof settingsView>;

// ---------------------------------------------------------------- speakers

export const profileBody = z
  .object({
    name: z.string().trim().min(1, msgId("cfp.form.nameRequired")).max(LIMITS.textMax),
    affiliation: z.string().trim().max(LIMITS.textMax).default(""),
    biography: z.string().trim().max(LIMITS.biographyMax).default(""),
    photoUrl: url.nullable().default(null),
    links: z.array(url).max(LIMITS.linksMax).default([]),
  })
  .strict();
export type ProfileBody = z.infer<typeof profileBody>;
export const profileView = profileBody.extend({ email: z.string() });
export type ProfileView = z.infer<typeof profileView>;

const answerValue = z.union([z.string().max(LIMITS.answerMax), z.number(), z.boolean(), z.array(z.string().max(LIMITS.textMax)).max(LIMITS.optionsMax)]);
export const answers = z.record(key, answerValue);
export type Answers = z.infer<typeof answers>;

export const proposalBody = z
  .object({
    title: z.string().trim().min(1, msgId("cfp.form.titleRequired")).max(LIMITS.titleMax),
    abstract: z.string().trim().max(LIMITS.abstractMax).default(""),
    description: z.string().trim().max(LIMITS.descriptionMax).default(""),
    /** For the committee only, never published. */
    notes: z.string().trim().max(LIMITS.notesMax).default(""),
    sessionType: key,
    topics: z.array(label).max(LIMITS.topicsPerProposalMax).default([]),
    answers: answers.default({}),
    /** The submitter's answers to the questions asked of each speaker. */
    speakerAnswers: answers.default({}),
    /** Co-speakers, invited by mail; each must accept. */
    coSpeakers: z.array(z.email(msgId("cfp.form.email")).max(LIMITS.textMax)).max(LIMITS.coSpeakersMax).default([]),
    /** Speakers declare their conflicts with committee members by address. */
    conflicts: z.array(z.email(msgId("cfp.form.email")).max(LIMITS.textMax)).max(LIMITS.coSpeakersMax * 4).default([]),
  })
  .strict();
export type ProposalBody = z.infer<typeof proposalBody>;

export const submitBody = z.object({ accessCode: z.string().max(LIMITS.accessCodeMax).optional() }).strict();

/**
 * The answers to an event's own questions, checked against each question's kind and limits.
 * The server parses answers with it after the operation's schema; the form shows its messages.
 */
export function answersSchema(questions: readonly Question[], target: "proposal" | "speaker", requireAll: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions.filter((x) => x.target === target)) {
    let s: z.ZodType;
    switch (q.kind) {
      case "text":
      case "long_text": {
        let t = z.string().trim().max(q.maxLength ?? (q.kind === "text" ? LIMITS.textMax : LIMITS.answerMax));
        if (q.required && requireAll) t = t.min(1, msgId("cfp.form.answerRequired"));
        s = t;
        break;
      }
      case "url":
        s = q.required && requireAll ? url : z.union([url, z.literal("")]);
        break;
      case "number": {
        let n = z.number();
        if (q.min !== null) n = n.min(q.min);
        if (q.max !== null) n = n.max(q.max);
        s = n;
        break;
      }
      case "boolean":
        s = q.required && requireAll ? z.literal(true, { message: msgId("cfp.form.answerRequired") }) : z.boolean();
        break;
      case "choice":
        s = z.enum(q.options as [string, ...string[]], { message: msgId("cfp.form.choice") });
        break;
      case "multiple_choice": {
        let m = z.array(z.enum(q.options as [string, ...string[]], { message: msgId("cfp.form.choice") })).max(q.maxChoices ?? q.options.length);
        if (q.required && requireAll) m = m.min(1, msgId("cfp.form.answerRequired"));
        s = m;
        break;
      }
    }
    shape[q.key] = q.required && requireAll ? s : s.optional();
  }
  return z.object(shape).strict();
}

export const proposalCan = z.object(Object.fromEntries(PROPOSAL_ACTIONS.map((a) => [a, z.boolean()])) as Record<(typeof PROPOSAL_ACTIONS)[number], z.ZodBoolean>);

export const speakerEntry = z.object({
  name: z.string(),
  email: z.string(),
  status: z.enum(["accepted", "invited", "declined"]),
  submitter: z.boolean(),
});

/** A proposal as its speakers see it. */
/** What speakers and the committee both read of a proposal. */
const proposalFields = {
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  description: z.string(),
  notes: z.string(),
  sessionType: z.string(),
  topics: z.array(z.string()),
  answers,
  state: z.enum(PROPOSAL_STATES),
  demo: z.boolean(),
};

export const proposalView = z.object({
  ...proposalFields,
  speakerAnswers: answers,
  speakers: z.array(speakerEntry),
  conflicts: z.array(z.string()),
  submittedAt: z.string().nullable(),
  can: proposalCan,
});
export type ProposalView = z.infer<typeof proposalView>;
export const proposalList = z.object({ proposals: z.array(proposalView), call: publicCall });
export type ProposalList = z.infer<typeof proposalList>;

/** A co-speaker's invitation, as the invited person sees it. */
export const invitationList = z.object({ invitations: z.array(z.object({ proposalId: z.string(), title: z.string(), event: z.string(), communitySlug: z.string(), eventSlug: z.string(), invitedBy: z.string() })) });
export const invitationBody = z.object({ accept: z.boolean() }).strict();

// ---------------------------------------------------------------- the committee

export const addConflictBody = z.object({ proposalId: uuid, userId: uuid }).strict();
export const reviewerTopicsBody = z.object({ topics: z.array(label).max(LIMITS.tracksMax * LIMITS.topicsPerTrackMax) }).strict();
export const bidBody = z.object({ bid: z.enum(BIDS).nullable() }).strict();
export const reviewBody = z
  .object({
    scores: z.record(key, z.number().int().min(-10).max(10)),
    confidence: z.number().int().min(1, msgId("cfp.form.confidence")).max(5, msgId("cfp.form.confidence")),
    commentForSpeakers: z.string().trim().max(LIMITS.commentMax).default(""),
    commentForCommittee: z.string().trim().max(LIMITS.commentMax).default(""),
  })
  .strict();
export type ReviewBody = z.infer<typeof reviewBody>;

export const reviewView = z.object({
  /** Absent when the reader may not know who wrote it (another reviewer's review in a blind call is still signed: reviewers know each other). */
  reviewer: z.string(),
  reviewerId: z.string(),
  scores: z.record(z.string(), z.number()),
  score: z.number().nullable(),
  confidence: z.number(),
  commentForSpeakers: z.string(),
  commentForCommittee: z.string(),
  updatedAt: z.string(),
});

/** A proposal as a committee member sees it: speakers only when the call is not blind (or to a chair). */
export const committeeProposal = z.object({
  ...proposalFields,
  /** null: hidden by blind review. */
  speakers: z.array(z.object({ name: z.string(), affiliation: z.string() })).nullable(),
  myBid: z.enum(BIDS).nullable(),
  myReview: reviewView.nullable(),
  assignedToMe: z.boolean(),
  reviewCount: z.number(),
  /** Chairs only: every review, the reviewers assigned, and the ranking figures. */
  reviews: z.array(reviewView).nullable(),
  assigned: z.array(z.object({ userId: z.string(), name: z.string() })).nullable(),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  calibrated: z.number().nullable(),
  can: proposalCan,
});
export type CommitteeProposal = z.infer<typeof committeeProposal>;
export const committeeList = z.object({ proposals: z.array(committeeProposal), phase: z.enum(PHASES), blind: z.boolean(), criteria: z.array(criterion), chair: z.boolean() });
export type CommitteeList = z.infer<typeof committeeList>;
/** `todo`: the reader's own work left, proposals assigned to them that they have not reviewed. */
export const committeeQuery = z.object({ q: z.string().max(LIMITS.textMax).optional(), state: z.enum(PROPOSAL_STATES).optional(), todo: z.enum(["1"]).optional() }).strict();

export const memberView = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(["chair", "reviewer"]), assigned: z.number(), reviewed: z.number() });
export const committeeView = z.object({ members: z.array(memberView) });

export const conflictView = z.object({ proposalId: z.string(), title: z.string(), userId: z.string(), name: z.string(), source: z.enum(CONFLICT_SOURCES) });
export const conflictList = z.object({ conflicts: z.array(conflictView) });

// ---------------------------------------------------------------- assignment and decisions

export const assignmentBody = z
  .object({
    reviewsPerProposal: z.number().int().min(1).max(LIMITS.reviewsPerProposalMax),
    maxLoad: z.number().int().min(0).max(LIMITS.loadMax),
    minLoad: z.number().int().min(0).max(LIMITS.loadMax).default(0),
    overrides: z.array(z.object({ userId: uuid, minLoad: z.number().int().min(0).max(LIMITS.loadMax), maxLoad: z.number().int().min(0).max(LIMITS.loadMax) }).strict()).max(LIMITS.loadMax).default([]),
  })
  .strict()
  .refine((b) => b.minLoad <= b.maxLoad, { message: msgId("cfp.form.minMax"), path: ["minLoad"] });
export type AssignmentBody = z.infer<typeof assignmentBody>;

export const pair = z.object({ proposalId: uuid, userId: uuid }).strict();
export const assignmentPreview = z.object({
  status: z.enum(["optimal", "feasible", "infeasible"]),
  objective: z.number(),
  /** New pairs only; what was assigned before is kept. */
  assignments: z.array(pair.extend({ affinity: z.number() })),
  loads: z.array(z.object({ userId: z.string(), name: z.string(), load: z.number(), maxLoad: z.number() })),
  short: z.array(z.object({ proposalId: z.string(), title: z.string(), missing: z.number(), reason: z.string() })),
  seconds: z.number(),
});
export type AssignmentPreview = z.infer<typeof assignmentPreview>;
export const applyAssignmentBody = z.object({ assignments: z.array(pair).max(100_000) }).strict();
export const applyResult = z.object({ added: z.number(), mailed: z.number() });

export const decisionBody = z.object({ decision: z.enum(DECISIONS), proposalIds: z.array(uuid).min(1).max(10_000) }).strict();
export const decisionResult = z.object({ decided: z.number(), mailed: z.number() });
