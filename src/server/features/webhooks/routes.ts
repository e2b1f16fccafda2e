import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { inCommunity } from "../communities/index.js";
import { communityParams } from "../communities/schema.js";
import * as deliveries from "./deliveries.js";
import * as endpoints from "./endpoints.js";
import * as s from "./schema.js";

const tags = ["webhooks"];
const base = "/api/v1/communities/{community}/webhooks";

export function webhookRoutes(r: Router, ctx: AppContext): void {
  r.add(
    { method: "GET", url: "/api/v1/webhooks/event-types", operationId: "listWebhookEventTypes", summary: "The event types an endpoint can subscribe to; their payloads are in this document's `webhooks` section.", tags, access: "public", response: s.eventTypeList },
    async () => ({ eventTypes: endpoints.subscribableTypes(ctx) }),
  );

  r.add(
    { method: "GET", url: base, operationId: "listWebhookEndpoints", summary: "The community's webhook endpoints.", tags, access: inCommunity("webhooks.view"), params: communityParams, response: s.endpointList, errors: [404] },
    async ({ target }) => endpoints.listEndpoints(ctx, target),
  );

  r.add(
    { method: "POST", url: base, operationId: "createWebhookEndpoint", summary: "Subscribe an HTTPS endpoint to event types. The answer carries the signing secret, once.", tags, access: inCommunity("webhooks.manage"), params: communityParams, body: s.createEndpointBody, response: s.endpointWithSecret, status: 201, errors: [404, 409, 422] },
    async ({ target, body }) => endpoints.createEndpoint(ctx, target, body),
  );

  r.add(
    { method: "GET", url: `${base}/{endpointId}`, operationId: "getWebhookEndpoint", summary: "One webhook endpoint.", tags, access: inCommunity("webhooks.view"), params: s.endpointParams, response: s.endpointView, errors: [404] },
    async ({ target, params }) => endpoints.getEndpoint(ctx, target, params.endpointId),
  );

  r.add(
    { method: "PATCH", url: `${base}/{endpointId}`, operationId: "updateWebhookEndpoint", summary: "Change an endpoint's address, description or event types, or disable and enable it.", tags, access: inCommunity("webhooks.manage"), params: s.endpointParams, body: s.updateEndpointBody, response: s.endpointView, errors: [404, 422] },
    async ({ target, params, body }) => endpoints.updateEndpoint(ctx, target, params.endpointId, body),
  );

  r.add(
    { method: "DELETE", url: `${base}/{endpointId}`, operationId: "deleteWebhookEndpoint", summary: "Remove an endpoint with its delivery log.", tags, access: inCommunity("webhooks.manage"), params: s.endpointParams, response: null, errors: [404] },
    async ({ target, params }) => endpoints.deleteEndpoint(ctx, target, params.endpointId),
  );

  r.add(
    { method: "POST", url: `${base}/{endpointId}/rotate-secret`, operationId: "rotateWebhookSecret", summary: "Replace the signing secret; the old one keeps signing beside it for the overlap. The answer carries the new secret, once.", tags, access: inCommunity("webhooks.manage"), params: s.endpointParams, body: s.rotateSecretBody, response: s.endpointWithSecret, errors: [404] },
    async ({ target, params, body }) => endpoints.rotateSecret(ctx, target, params.endpointId, body.overlapHours),
  );

  r.add(
    { method: "POST", url: `${base}/{endpointId}/test`, operationId: "sendWebhookTestEvent", summary: "Queue a `webhook.test` event for this endpoint.", tags, access: inCommunity("webhooks.manage"), params: s.endpointParams, response: s.deliveryView, status: 202, errors: [404, 409] },
    async ({ target, params }) => deliveries.sendTestEvent(ctx, target, params.endpointId),
  );

  r.add(
    { method: "GET", url: `${base}/{endpointId}/deliveries`, operationId: "listWebhookDeliveries", summary: "The endpoint's delivery log, newest first.", tags, access: inCommunity("webhooks.view"), params: s.endpointParams, query: s.deliveryQuery, response: s.deliveryList, errors: [404] },
    async ({ target, params, query }) => deliveries.listDeliveries(ctx, target, params.endpointId, query),
  );

  r.add(
    { method: "GET", url: `${base}/{endpointId}/deliveries/{deliveryId}`, operationId: "getWebhookDelivery", summary: "One delivery: the payload sent and every attempt with its status and response time.", tags, access: inCommunity("webhooks.view"), params: s.deliveryParams, response: s.deliveryDetail, errors: [404] },
    async ({ target, params }) => deliveries.getDelivery(ctx, target, params.endpointId, params.deliveryId),
  );

  r.add(
    { method: "POST", url: `${base}/{endpointId}/deliveries/{deliveryId}/redeliver`, operationId: "redeliverWebhook", summary: "Send a delivery's message again (same webhook-id), after the endpoint's pending deliveries.", tags, access: inCommunity("webhooks.manage"), params: s.deliveryParams, response: s.deliveryView, status: 202, errors: [404, 409] },
    async ({ target, params }) => deliveries.redeliver(ctx, target, params.endpointId, params.deliveryId),
  );
}
