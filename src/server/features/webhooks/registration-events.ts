/**
 * The webhook event types of hackathon registration: every state change of an invitation
 * request, a stipend and a payment. Registration emits them from its own transactions with
 * one line, by name, type-checked through the declaration below:
 *
 *   await emitWebhook(ctx, tx, "invitation_request.invited", e.communityId, payload);
 *
 * They live with the webhooks feature for now (registration is being rebuilt beside it);
 * the file imports only registration's contract (schema.ts), so it can move there as it is.
 */
import { z } from "zod";
import { defineWebhookEvent } from "../../platform/webhooks/registry.js";
import { LEDGER_KINDS, REQUEST_STATES, STIPEND_STATES, type RequestState, type StipendState } from "../registration/schema.js";

const instant = z.iso.datetime();
const id = z.uuid();

export const webhookEventRef = z
  .object({
    id,
    slug: z.string(),
    name: z.string(),
    communitySlug: z.string(),
  })
  .describe("The event the change belongs to; `/api/v1/communities/{communitySlug}/events/{slug}` is its address in the API.");

const changedBy = z
  .enum(["applicant", "organiser", "system"])
  .describe("Who made the change: the applicant, an organiser, or Plenary itself (an invitation that expired, a place offered from the waiting list).");

const applicant = z.object({ name: z.string(), email: z.string() });

export const invitationRequestPayload = z.object({
  event: webhookEventRef,
  request: z.object({
    id,
    name: z.string(),
    email: z.string(),
    affiliation: z.string().nullable(),
    needsStipend: z.boolean(),
    state: z.enum(REQUEST_STATES).describe("The state after the change."),
    requestedAt: instant,
    answerBy: instant.describe("When the organisers promised an answer."),
    confirmBy: instant.nullable().describe("The deadline to confirm an invitation; null unless invited."),
    checkedInAt: instant.nullable(),
  }),
  previousState: z.enum(REQUEST_STATES).nullable().describe("The state before the change; null when the request was just made."),
  changedBy,
});

export const stipendPayload = z.object({
  event: webhookEventRef,
  stipend: z.object({
    id,
    requestId: id,
    applicant,
    state: z.enum(STIPEND_STATES).describe("The state after the change."),
    currency: z.string().describe("ISO 4217; amounts are integers in its minor units (cents)."),
    amountAsked: z.number().int(),
    amountOffered: z.number().int().nullable(),
    amountReimbursed: z.number().int().nullable(),
  }),
  previousState: z.enum(STIPEND_STATES).nullable().describe("The state before the change; null for a new request."),
  changedBy,
});

export const paymentPayload = z.object({
  event: webhookEventRef,
  entry: z.object({
    id,
    requestId: id.nullable(),
    applicant: applicant.nullable(),
    kind: z.enum(LEDGER_KINDS),
    provider: z.string().describe("How the money was collected: `manual` for what an organiser recorded."),
    method: z.string(),
    amount: z.number().int().describe("In minor units (cents) of `currency`."),
    currency: z.string(),
    reference: z.string(),
    recordedAt: instant,
  }),
  changedBy,
});

export const donationPayload = z.object({
  event: webhookEventRef,
  donation: z.object({ id, amount: z.number().int().describe("In minor units (cents)."), currency: z.string(), beneficiaryName: z.string(), reference: z.string(), recordedAt: instant }),
  changedBy,
});

/** `unverified` is left out on purpose: an address nobody has confirmed is not a request yet, and organisers never see it. */
const REQUEST_EVENTS: Record<Exclude<RequestState, "unverified">, string> = {
  requested: "A request entered the queue: made by a signed-in person, or its address was just confirmed.",
  invited: "A request was invited, by an organiser or from the waiting list when a place freed up.",
  waitlisted: "A request was put on the waiting list.",
  declined: "A request or an invitation was declined by the organisers.",
  confirmed: "An invited person confirmed their place.",
  expired: "An invitation was not confirmed in time and expired.",
  withdrawn: "The applicant withdrew their request or invitation.",
  cancelled: "A confirmed place or an invitation was cancelled (by the organisers, or by the applicant withdrawing after confirming).",
};

const STIPEND_EVENTS: Record<StipendState, string> = {
  submitted: "A travel stipend was asked for, or the applicant answered a request for information.",
  information_needed: "The organisers asked the applicant for more information about a stipend.",
  offered: "The organisers offered a stipend (perhaps less than was asked).",
  accepted: "The applicant accepted a stipend offer.",
  declined: "The applicant declined a stipend offer.",
  reimbursed: "A stipend was paid out.",
  withdrawn: "The applicant withdrew a stipend request (also when the whole request is withdrawn).",
  rejected: "The organisers rejected a stipend request.",
};

const PAYMENT_EVENTS = {
  "payment.received": "A fee payment was recorded (bank transfer or cash).",
  "payment.waived": "A fee was waived.",
  "payment.refunded": "A fee payment was refunded, wholly or in part.",
} as const;

const summaryOf = (description: string) => description.split(/[:(,]/)[0]!.trim().replace(/\.$/, "") + ".";

const requestTypes = (Object.keys(REQUEST_EVENTS) as (keyof typeof REQUEST_EVENTS)[]).map((state) =>
  defineWebhookEvent({ type: `invitation_request.${state}` as const, summary: summaryOf(REQUEST_EVENTS[state]), description: `${REQUEST_EVENTS[state]} \`data.request.state\` is \`${state}\`.`, schema: invitationRequestPayload }),
);
const checkedInType = defineWebhookEvent({
  type: "invitation_request.checked_in",
  summary: "A confirmed attendee checked in at the door.",
  description: "A confirmed attendee checked in at the door; `data.request.checkedInAt` says when. The request stays `confirmed`.",
  schema: invitationRequestPayload,
});
const stipendTypes = (Object.keys(STIPEND_EVENTS) as StipendState[]).map((state) =>
  defineWebhookEvent({ type: `stipend.${state}` as const, summary: summaryOf(STIPEND_EVENTS[state]), description: `${STIPEND_EVENTS[state]} \`data.stipend.state\` is \`${state}\`.`, schema: stipendPayload }),
);
const paymentTypes = (Object.keys(PAYMENT_EVENTS) as (keyof typeof PAYMENT_EVENTS)[]).map((type) => defineWebhookEvent({ type, summary: PAYMENT_EVENTS[type], description: `${PAYMENT_EVENTS[type]} Amounts are integers in minor units.`, schema: paymentPayload }));
const donationType = defineWebhookEvent({
  type: "donation.recorded",
  summary: "The collected fees were passed on to the beneficiary.",
  description: "The organisers recorded the transfer of everything owed to the beneficiary; this closes the event's ledger until more fees come in.",
  schema: donationPayload,
});

export const REGISTRATION_WEBHOOKS = [...requestTypes, checkedInType, ...stipendTypes, ...paymentTypes, donationType];

type Payloads = { [S in keyof typeof REQUEST_EVENTS | "checked_in" as `invitation_request.${S}`]: z.input<typeof invitationRequestPayload> } & { [S in StipendState as `stipend.${S}`]: z.input<typeof stipendPayload> } & {
  [T in keyof typeof PAYMENT_EVENTS]: z.input<typeof paymentPayload>;
} & { "donation.recorded": z.input<typeof donationPayload> };

declare module "../../platform/webhooks/registry.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds registration's payloads to the platform's map
  interface WebhookPayloads extends Payloads {}
}
