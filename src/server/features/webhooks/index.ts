/**
 * The webhooks feature's public entry: community organisers subscribe endpoints to event
 * types, read the delivery log and redeliver. The queue, the signing and the address checks
 * are the platform's (platform/webhooks); this feature registers the event types it knows
 * (registration's, and the test event) and starts the delivery worker.
 */
import type { Feature } from "../../platform/feature.js";
import { WebhookWorker } from "../../platform/webhooks/worker.js";
import { testEvent } from "./deliveries.js";
import { mailOrganisersOfDisabledEndpoint } from "./disabled-mail.js";
import { REGISTRATION_WEBHOOKS } from "./registration-events.js";
import { webhookRoutes } from "./routes.js";

export const webhooksFeature: Feature = {
  name: "webhooks",
  routes: webhookRoutes,
  webhooks: [testEvent, ...REGISTRATION_WEBHOOKS],
  background: (ctx) => new WebhookWorker(ctx, { onDisabled: (tx, endpoint, lastError) => mailOrganisersOfDisabledEndpoint(ctx, tx, endpoint, lastError) }).start(),
};
