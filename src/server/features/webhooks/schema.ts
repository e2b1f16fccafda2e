import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { DELIVERY_STATES, DISABLED_REASONS, ENDPOINT_STATES, WEBHOOK_TYPE_NAME } from "../../../shared/webhooks.js";
import { communityParams } from "../communities/schema.js";

export { DELIVERY_STATES, type DeliveryState } from "../../../shared/webhooks.js";

/** Limits shared by the API and the web forms. */
export const LIMITS = {
  urlMax: 2000,
  descriptionMax: 500,
  eventTypesMax: 100,
  endpointsPerCommunity: 50,
  overlapHoursMax: 7 * 24,
  pageMax: 100,
} as const;

const eventType = z.string().regex(WEBHOOK_TYPE_NAME, msgId("webhooks.errors.notAType")).max(100);
// The scheme and the address are checked by the server (HTTPS, resolvable, not private): those answers are 422s naming `url`.
const url = z.string().trim().min(1, msgId("webhooks.errors.urlRequired")).max(LIMITS.urlMax);
const eventTypes = z
  .array(eventType)
  .min(1, msgId("webhooks.errors.typesRequired"))
  .max(LIMITS.eventTypesMax)
  .transform((l) => [...new Set(l)].sort());

export const endpointParams = communityParams.extend({ endpointId: z.uuid(msgId("webhooks.errors.unknownEndpoint")) });
export const deliveryParams = endpointParams.extend({ deliveryId: z.uuid(msgId("webhooks.errors.unknownDelivery")) });

export const createEndpointBody = z
  .object({
    url,
    description: z.string().trim().max(LIMITS.descriptionMax).default(""),
    eventTypes,
  })
  .strict();
export type CreateEndpointBody = z.infer<typeof createEndpointBody>;

/** Each field optional: a PATCH changes what it sends. `enabled: false` pauses deliveries; `true` resumes them in order. */
export const updateEndpointBody = z
  .object({
    url,
    description: z.string().trim().max(LIMITS.descriptionMax),
    eventTypes,
    enabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateEndpointBody = z.infer<typeof updateEndpointBody>;

export const rotateSecretBody = z
  .object({
    overlapHours: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.overlapHoursMax)
      .default(24)
      .describe("How long the old secret keeps signing beside the new one, so receivers can switch without missing a delivery."),
  })
  .strict();

export const deliveryQuery = z
  .object({
    state: z.enum(DELIVERY_STATES).optional(),
    type: eventType.optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(50),
    /** The `seq` of the last delivery on the previous page: the log is newest first. */
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export type DeliveryQuery = z.infer<typeof deliveryQuery>;

const instant = z.string();

export const eventTypeView = z.object({ type: z.string(), version: z.number().int(), summary: z.string(), description: z.string() });
export const eventTypeList = z.object({ eventTypes: z.array(eventTypeView) });
export type EventTypeView = z.infer<typeof eventTypeView>;

export const endpointView = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  state: z.enum(ENDPOINT_STATES),
  /** Whether deliveries go out: what `enabled` in a PATCH sets. */
  enabled: z.boolean(),
  disabledReason: z.enum(DISABLED_REASONS).nullable(),
  disabledAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  secretRotatedAt: instant.nullable(),
  /** While set and in the future, deliveries carry a second signature made with the previous secret. */
  previousSecretExpiresAt: instant.nullable(),
  pending: z.number().int(),
  failed: z.number().int(),
  lastDelivery: z.object({ at: instant, status: z.number().int().nullable(), durationMs: z.number().int().nullable(), ok: z.boolean() }).nullable(),
});
export type EndpointView = z.infer<typeof endpointView>;
export const endpointList = z.object({ endpoints: z.array(endpointView), limit: z.number().int() });

/** The secret is shown once, when the endpoint is made or its secret rotated; it is never sent again. */
export const endpointWithSecret = endpointView.extend({ secret: z.string() });
export type EndpointWithSecret = z.infer<typeof endpointWithSecret>;

export const deliveryView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  messageId: z.string(),
  type: z.string(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  createdAt: instant,
  nextAttemptAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  lastStatus: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  redeliveryOf: z.uuid().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;
export const deliveryList = z.object({ deliveries: z.array(deliveryView), next: z.number().int().nullable() });

export const attemptView = z.object({ at: instant, status: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable(), response: z.string().nullable() });
export const deliveryDetail = deliveryView.extend({ body: z.string(), attemptsLog: z.array(attemptView) });
export type DeliveryDetail = z.infer<typeof deliveryDetail>;
