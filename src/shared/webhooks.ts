/**
 * Webhook states, shared by the platform's queue tables, the webhooks feature's API schemas
 * and the web pages (which must not pull in drizzle to know them).
 */
export const ENDPOINT_STATES = ["enabled", "disabled"] as const;
/** `organiser`: switched off by hand; `failing`: switched off after a delivery failed for about a day. */
export const DISABLED_REASONS = ["organiser", "failing"] as const;
export const DELIVERY_STATES = ["pending", "delivered", "failed"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** An event type's name: `noun.verb` in lower case, e.g. `invitation_request.invited`. */
export const WEBHOOK_TYPE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
