import { z } from "zod";
import { COMPLETE_LOCALES, LOCALES, type Locale } from "../../../shared/i18n/locales.js";
import { slug } from "../communities/schema.js";

import { DECISIONS, LIVE_STATES, REQUEST_STATES, STIPEND_APPLICANT_ACTIONS, STIPEND_ORGANISER_ACTIONS, STIPEND_STATES } from "./rules.js";

// The states and steps are the machines' (rules.ts); named here too, where the schemas and pages have always found them.
export { DECISIONS, LIVE_STATES, REQUEST_STATES, STIPEND_APPLICANT_ACTIONS, STIPEND_ORGANISER_ACTIONS, STIPEND_STATES };
export type { Decision, RequestState, StipendState } from "./rules.js";

export const LEDGER_KINDS = ["payment", "waiver", "refund"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];


/** Limits shared by the API and the web forms. */
export const LIMITS = {
  nameMax: 120,
  emailMax: 254,
  answerMax: 2000,
  extraQuestionsMax: 20,
  extraLabelMax: 300,
  holidaysMax: 400,
  businessDaysMax: 60,
  confirmationDaysMax: 60,
  capacityMax: 100_000,
  /** 10 million in major units of any currency, in minor units: far inside a safe integer. */
  amountMax: 1_000_000_000,
  referenceMax: 200,
  instructionsMax: 4000,
  noteMax: 10_000,
  messageMax: 5000,
  bulkIdsMax: 10_000,
  bulkEmailsMax: 500_000,
  searchMax: 200,
  pageMax: 200,
  templateSubjectMax: 300,
  templateBodyMax: 20_000,
} as const;

export const EDITABLE_TEMPLATES = ["registration.invited", "registration.waitlisted", "registration.declined", "registration.cancelled", "registration.confirmed", "registration.reminder", "registration.expired"] as const;
export type EditableTemplate = (typeof EDITABLE_TEMPLATES)[number];
/** The variables each decision mail may use; `link` becomes a button. */
export const TEMPLATE_VARIABLES: Record<EditableTemplate, readonly string[]> = {
  "registration.invited": ["name", "event", "confirmBy", "feeLine", "link", "message"],
  "registration.waitlisted": ["name", "event", "link", "message"],
  "registration.declined": ["name", "event", "link", "message"],
  "registration.cancelled": ["name", "event", "link", "message"],
  "registration.confirmed": ["name", "event", "checkinCode", "feeLine", "link"],
  "registration.reminder": ["name", "event", "confirmBy", "link"],
  "registration.expired": ["name", "event", "confirmBy", "link"],
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "This is not a calendar date.");
const instant = z.iso.datetime({ offset: true, message: "Use an ISO date-time with offset, e.g. 2030-05-01T09:00:00+01:00." });
export const currency = z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 currency code such as USD.");
export const minor = z.number({ message: "Give an amount in minor units (cents) as a whole number." }).int("Amounts are whole numbers of minor units (cents), never fractions.").min(0, "Amounts cannot be negative.").max(LIMITS.amountMax, "This amount is too large.");
const positiveMinor = minor.min(1, "The amount must be more than zero.");
const email = z.email("Enter a valid email address.").max(LIMITS.emailMax).transform((e) => e.trim());
const url = z.url({ protocol: /^https?$/, message: "Enter an http(s) address." }).max(500);
const token = z.string().min(10, "This link is not valid.").max(200, "This link is not valid.");

export const eventParams = z.object({ community: slug, event: slug });
export const requestParams = eventParams.extend({ requestId: z.uuid("Unknown request.") });
export const stipendParams = eventParams.extend({ stipendId: z.uuid("Unknown stipend request.") });
export const templateParams = eventParams.extend({ template: z.enum(EDITABLE_TEMPLATES, { message: `Choose one of: ${EDITABLE_TEMPLATES.join(", ")}.` }) });
export const applicantParams = z.object({ requestId: z.uuid("Unknown request.") });
/** The applicant proves who they are with the secret from their status link, or by being signed in. */
export const applicantQuery = z.object({ token: token.optional() }).strict();

const extraQuestion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _ (start with a letter)."),
    label: z.string().trim().min(1, "Enter the question.").max(LIMITS.extraLabelMax),
    required: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(LIMITS.answerMax).default(500),
  })
  .strict();
export const questionsSchema = z
  .object({
    affiliation: z.boolean().default(true),
    stipend: z.boolean().default(true),
    extra: z
      .array(extraQuestion)
      .max(LIMITS.extraQuestionsMax)
      .default([])
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "Each question needs its own id."),
  })
  .strict();

const settingsFields = z.object({
  capacity: z.number().int("Use a whole number.").min(1, "At least 1 place.").max(LIMITS.capacityMax),
  opensAt: instant,
  closesAt: instant,
  responseBusinessDays: z.number().int().min(1, "Promise an answer within at least 1 business day.").max(LIMITS.businessDaysMax),
  holidays: z.array(isoDate).max(LIMITS.holidaysMax),
  confirmationDays: z.number().int().min(1, "Give people at least a day to confirm.").max(LIMITS.confirmationDaysMax),
  feeAmount: minor,
  feeCurrency: currency,
  feeInstructions: z.string().max(LIMITS.instructionsMax),
  beneficiaryName: z.string().trim().max(200),
  beneficiaryUrl: url.nullable(),
  waiversAllowed: z.boolean(),
  stipendBudget: minor,
  stipendCurrency: currency,
  questions: questionsSchema,
});

const windowInOrder = (v: { opensAt?: string | undefined; closesAt?: string | undefined }) => !v.opensAt || !v.closesAt || Date.parse(v.opensAt) < Date.parse(v.closesAt);
const windowMessage = { message: "The request window must close after it opens.", path: ["closesAt"] };

/** Creates the settings (capacity and window required) or changes some of them. */
export const putSettingsBody = settingsFields
  .partial()
  .strict()
  .refine(windowInOrder, windowMessage);
export type PutSettingsBody = z.infer<typeof putSettingsBody>;

export const settingsView = z.object({
  eventId: z.uuid(),
  eventName: z.string(),
  timeZone: z.string(),
  capacity: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  responseBusinessDays: z.number().int(),
  holidays: z.array(z.string()),
  confirmationDays: z.number().int(),
  feeAmount: z.number().int(),
  feeCurrency: z.string(),
  feeInstructions: z.string(),
  beneficiaryName: z.string(),
  beneficiaryUrl: z.string().nullable(),
  waiversAllowed: z.boolean(),
  stipendBudget: z.number().int().nullable(),
  stipendCurrency: z.string(),
  questions: z.object({ affiliation: z.boolean(), stipend: z.boolean(), extra: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean(), maxLength: z.number().int() })) }),
  placesLeft: z.number().int(),
});
export type SettingsView = z.infer<typeof settingsView>;

export const createRequestBody = z
  .object({
    /** Required without an account; ignored (the account's is used) when signed in. */
    email: email.optional(),
    name: z.string().trim().min(1, "Enter your name.").max(LIMITS.nameMax).optional(),
    /** The language of the request's mails while the applicant has no account setting of their own. */
    locale: z.enum(LOCALES).optional(),
    workOn: z.string().trim().min(1, "Tell us what you want to work on.").max(LIMITS.answerMax),
    affiliation: z.string().trim().max(LIMITS.nameMax * 2).optional(),
    needsStipend: z.boolean().optional(),
    extra: z.record(z.string().max(40), z.string().max(LIMITS.answerMax)).default({}),
  })
  .strict();
export type CreateRequestBody = z.infer<typeof createRequestBody>;

export const applicantView = z.object({
  id: z.uuid(),
  event: z.object({ id: z.uuid(), name: z.string(), communitySlug: z.string(), slug: z.string(), timeZone: z.string(), startDate: z.string(), endDate: z.string() }),
  name: z.string(),
  email: z.string(),
  state: z.enum(REQUEST_STATES),
  requestedAt: z.string(),
  answerBy: z.string(),
  answerByDate: z.string(),
  confirmBy: z.string().nullable(),
  /** 1 for the next person to be invited when a place frees up; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  checkinCode: z.string().nullable(),
  fee: z.object({ amount: z.number().int(), currency: z.string(), beneficiaryName: z.string(), beneficiaryUrl: z.string().nullable(), instructions: z.string(), paid: z.boolean(), waived: z.boolean() }),
  stipend: z
    .object({
      id: z.uuid(),
      state: z.enum(STIPEND_STATES),
      amountAsked: z.number().int(),
      currency: z.string(),
      amountOffered: z.number().int().nullable(),
      messages: z.array(z.object({ from: z.enum(["applicant", "organiser"]), body: z.string(), createdAt: z.string() })),
    })
    .nullable(),
  /** What the applicant may do now (rules.ts applicantCan): the page draws these buttons. */
  can: z.object({
    withdraw: z.boolean(),
    confirm: z.boolean(),
    requestStipend: z.boolean(),
    stipend: z.object(Object.fromEntries(STIPEND_APPLICANT_ACTIONS.map((a) => [a, z.boolean()])) as Record<(typeof STIPEND_APPLICANT_ACTIONS)[number], z.ZodBoolean>),
  }),
});
export type ApplicantView = z.infer<typeof applicantView>;

export const createdRequestView = applicantView.extend({
  /** The status page; carries the secret link token, shown once here and mailed. Null until the address is verified. */
  statusUrl: z.string().nullable(),
  needsVerification: z.boolean(),
});

export const verifyRequestBody = z.object({ requestId: z.uuid("Unknown request."), token }).strict();
export const myRequestsView = z.object({ requests: z.array(applicantView) });

const SORTS = ["answerBy", "-answerBy", "requestedAt", "-requestedAt", "name"] as const;
const boolish = z.enum(["true", "false"]).transform((v) => v === "true");
export const queueQuery = z
  .object({
    state: z
      .string()
      .max(200)
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(z.array(z.enum(REQUEST_STATES, { message: `States are: ${REQUEST_STATES.join(", ")}.` })))
      .optional(),
    overdue: boolish.optional(),
    needsStipend: boolish.optional(),
    q: z.string().max(LIMITS.searchMax).optional(),
    sort: z.enum(SORTS).default("answerBy"),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type QueueQuery = z.infer<typeof queueQuery>;

export const queueItem = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  state: z.enum(REQUEST_STATES),
  requestedAt: z.string(),
  answerBy: z.string(),
  overdue: z.boolean(),
  workOn: z.string(),
  affiliation: z.string().nullable(),
  needsStipend: z.boolean(),
  confirmBy: z.string().nullable(),
  notes: z.number().int(),
  /** The decisions this request allows now (rules.ts decisionsCan). */
  can: z.object(Object.fromEntries(DECISIONS.map((d) => [d, z.boolean()])) as Record<(typeof DECISIONS)[number], z.ZodBoolean>),
});
export const counters = z.record(z.enum(REQUEST_STATES), z.number().int());
export const queueView = z.object({
  requests: z.array(queueItem),
  total: z.number().int(),
  counters,
  overdue: z.number().int(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  placesLeft: z.number().int(),
});

export const requestDetail = queueItem.extend({
  answers: z.object({ workOn: z.string(), affiliation: z.string().optional(), needsStipend: z.boolean().optional(), extra: z.record(z.string(), z.string()) }),
  checkinCode: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  notesList: z.array(z.object({ id: z.uuid(), body: z.string(), authorName: z.string().nullable(), createdAt: z.string() })),
});

export const noteBody = z.object({ body: z.string().trim().min(1, "Write a note.").max(LIMITS.noteMax) }).strict();

export const decisionBody = z
  .object({
    action: z.enum(DECISIONS, { message: `Choose one of: ${DECISIONS.join(", ")}.` }),
    ids: z.array(z.uuid("Each id must be a request id.")).max(LIMITS.bulkIdsMax, `At most ${LIMITS.bulkIdsMax} requests at once.`).optional(),
    /** A pasted list: addresses separated by commas, semicolons, spaces or new lines. */
    emails: z.string().max(LIMITS.bulkEmailsMax).optional(),
    /** Optional personal paragraph filled into the mail's {{message}}. */
    message: z.string().max(LIMITS.messageMax).default(""),
  })
  .strict()
  .refine((v) => (v.ids?.length ?? 0) > 0 || (v.emails ?? "").trim() !== "", { message: "Select requests or paste email addresses.", path: ["ids"] });
export type DecisionBody = z.infer<typeof decisionBody>;

export const decisionResult = z.object({
  action: z.enum(DECISIONS),
  changed: z.number().int(),
  mailsQueued: z.number().int(),
  skipped: z.array(z.object({ target: z.string(), reason: z.string() })),
});

/** Organisers write their own wording in the complete locales (the others fall back to English). */
const templateLocale = z.enum(COMPLETE_LOCALES as readonly Locale[] as ["en", "de"]);
export const templateBody = z
  .object({
    locale: templateLocale,
    subject: z.string().trim().min(1, "Enter a subject.").max(LIMITS.templateSubjectMax),
    body: z.string().trim().min(1, "Enter the text.").max(LIMITS.templateBodyMax),
  })
  .strict();
export const previewBody = z
  .object({
    locale: templateLocale.default("en"),
    subject: z.string().trim().min(1).max(LIMITS.templateSubjectMax).optional(),
    body: z.string().trim().min(1).max(LIMITS.templateBodyMax).optional(),
    message: z.string().max(LIMITS.messageMax).default(""),
  })
  .strict();
export const templateDeleteQuery = z.object({ locale: templateLocale.default("en") }).strict();
export const templateView = z.object({ template: z.enum(EDITABLE_TEMPLATES), locale: z.string(), subject: z.string(), body: z.string(), custom: z.boolean(), variables: z.array(z.string()) });
export const templateList = z.object({ templates: z.array(templateView) });
export const previewView = z.object({ subject: z.string(), text: z.string(), html: z.string() });

export const PAYMENT_METHODS = ["bank_transfer", "cash", "waiver"] as const;
export const paymentBody = z
  .object({
    requestId: z.uuid("Unknown request."),
    kind: z.enum(LEDGER_KINDS, { message: `Choose one of: ${LEDGER_KINDS.join(", ")}.` }).default("payment"),
    method: z.enum(PAYMENT_METHODS, { message: `Choose one of: ${PAYMENT_METHODS.join(", ")}.` }),
    /** Defaults to the event's fee for a payment or waiver; required for a refund. */
    amount: positiveMinor.optional(),
    currency: currency.optional(),
    reference: z.string().trim().max(LIMITS.referenceMax).default(""),
  })
  .strict();
export type PaymentBody = z.infer<typeof paymentBody>;
export const donationBody = z.object({ reference: z.string().trim().min(1, "Give the transfer's reference, so the donation can be traced.").max(LIMITS.referenceMax) }).strict();

export const ledgerEntryView = z.object({
  id: z.uuid(),
  requestId: z.uuid().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  kind: z.enum(LEDGER_KINDS),
  provider: z.string(),
  method: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reference: z.string(),
  recordedAt: z.string(),
});
export const ledgerView = z.object({
  currency: z.string(),
  feeAmount: z.number().int(),
  beneficiaryName: z.string(),
  beneficiaryUrl: z.string().nullable(),
  totals: z.object({ due: z.number().int(), paid: z.number().int(), waived: z.number().int(), refunded: z.number().int(), outstanding: z.number().int(), donated: z.number().int(), owedToBeneficiary: z.number().int() }),
  closed: z.boolean(),
  entries: z.array(ledgerEntryView),
  donations: z.array(z.object({ id: z.uuid(), amount: z.number().int(), currency: z.string(), beneficiaryName: z.string(), reference: z.string(), recordedAt: z.string() })),
});
export type LedgerView = z.infer<typeof ledgerView>;

export const stipendRequestBody = z
  .object({
    amount: positiveMinor,
    currency,
    origin: z.string().trim().min(1, "Where do you travel from?").max(200),
    justification: z.string().trim().min(1, "Tell us why you need the stipend.").max(LIMITS.messageMax),
  })
  .strict();
export const stipendApplicantBody = z
  .object({ action: z.enum(STIPEND_APPLICANT_ACTIONS, { message: `Choose one of: ${STIPEND_APPLICANT_ACTIONS.join(", ")}.` }), message: z.string().trim().max(LIMITS.messageMax).default("") })
  .strict()
  .refine((v) => v.action !== "reply" || v.message !== "", { message: "Write your reply.", path: ["message"] });
export const stipendOrganiserBody = z
  .object({
    action: z.enum(STIPEND_ORGANISER_ACTIONS, { message: `Choose one of: ${STIPEND_ORGANISER_ACTIONS.join(", ")}.` }),
    amount: positiveMinor.optional(),
    /** Sent to the applicant (mailed). */
    message: z.string().trim().max(LIMITS.messageMax).default(""),
    /** Kept for organisers only. */
    internalNote: z.string().trim().max(LIMITS.noteMax).default(""),
  })
  .strict()
  .refine((v) => v.action !== "offer" || v.amount !== undefined, { message: "Give the amount offered.", path: ["amount"] })
  .refine((v) => v.action !== "reimburse" || v.amount !== undefined, { message: "Give the amount reimbursed.", path: ["amount"] })
  .refine((v) => !["request_information", "message"].includes(v.action) || v.message !== "", { message: "Write the message to the applicant.", path: ["message"] });
export type StipendOrganiserBody = z.infer<typeof stipendOrganiserBody>;

export const stipendView = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  name: z.string(),
  email: z.string(),
  state: z.enum(STIPEND_STATES),
  amountAsked: z.number().int(),
  currency: z.string(),
  origin: z.string(),
  justification: z.string(),
  amountOffered: z.number().int().nullable(),
  amountReimbursed: z.number().int().nullable(),
  /** The organisers' steps this stipend request allows now (rules.ts organiserStipendCan). */
  can: z.object(Object.fromEntries(STIPEND_ORGANISER_ACTIONS.map((a) => [a, z.boolean()])) as Record<(typeof STIPEND_ORGANISER_ACTIONS)[number], z.ZodBoolean>),
  messages: z.array(z.object({ id: z.uuid(), from: z.enum(["applicant", "organiser"]), internal: z.boolean(), body: z.string(), createdAt: z.string() })),
});
export const budgetView = z.object({ currency: z.string(), total: z.number().int(), offered: z.number().int(), accepted: z.number().int(), reimbursed: z.number().int(), left: z.number().int() });
export const stipendList = z.object({ budget: budgetView, stipends: z.array(stipendView) });

export const attendeesQuery = z
  .object({ q: z.string().max(LIMITS.searchMax).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.capacityMax).default(500), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) })
  .strict();
export const attendeeView = z.object({ requestId: z.uuid(), name: z.string(), email: z.string(), affiliation: z.string().nullable(), confirmedAt: z.string().nullable(), checkinCode: z.string().nullable(), checkedInAt: z.string().nullable(), feePaid: z.boolean() });
export const attendeeList = z.object({ attendees: z.array(attendeeView), total: z.number().int(), checkedIn: z.number().int() });
export const checkinBody = z
  .object({ code: z.string().trim().min(4, "Enter the attendee's code.").max(20).optional(), requestId: z.uuid("Unknown attendee.").optional() })
  .strict()
  .refine((v) => (v.code === undefined) !== (v.requestId === undefined), { message: "Give either the check-in code or the attendee, not both.", path: ["code"] });

export const summaryView = z.object({
  counters,
  funnel: z.object({ requested: z.number().int(), invited: z.number().int(), confirmed: z.number().int(), checkedIn: z.number().int() }),
  overdue: z.number().int(),
  capacity: z.number().int(),
  placesLeft: z.number().int(),
  budget: budgetView,
  ledger: ledgerView.shape.totals,
});
export const csvResponse = z.string();
