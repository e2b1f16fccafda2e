import { z } from "zod";
import { WEBHOOK_TYPE_NAME } from "../../../shared/webhooks.js";
import type { Feature } from "../feature.js";

/**
 * The webhook event types of this instance. Each feature declares the types it emits in its
 * Feature descriptor (`webhooks: [...]`); the registry is built from the features, so the
 * platform knows every type's payload schema (for validation at emit time, for the OpenAPI
 * document's `webhooks` section and for the subscription form) without importing a feature.
 */
export interface WebhookEventType<T extends string = string, S extends z.ZodType = z.ZodType> {
  /** `noun.verb`, lower case: `invitation_request.invited`. Stable: receivers switch on it. */
  type: T;
  /** Raised when the payload changes incompatibly; adding an optional field keeps it. */
  version: number;
  /** One line for lists: "An invitation request was invited." */
  summary: string;
  /** When it is sent and what `data` holds, for the API reference. */
  description: string;
  /** The schema of `data`; emitters are checked against it. */
  schema: S;
  /** False for types sent only on request (the test event), which no endpoint subscribes to. */
  subscribable: boolean;
}

/**
 * What `data` holds for each type, by name, so `emitWebhook(ctx, tx, "stipend.offered", …)`
 * is type-checked. Empty here: the features that define types add theirs by declaration
 * merging (`declare module "…/platform/webhooks/registry.js" { interface WebhookPayloads … }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface WebhookPayloads {}
export type WebhookTypeName = keyof WebhookPayloads & string;

export function defineWebhookEvent<T extends string, S extends z.ZodType>(def: { type: T; version?: number; summary: string; description: string; schema: S; subscribable?: boolean }): WebhookEventType<T, S> {
  if (!WEBHOOK_TYPE_NAME.test(def.type)) throw new Error(`webhook event type '${def.type}' must look like noun.verb in lower case`);
  return { version: 1, subscribable: true, ...def };
}

/** The envelope every delivery carries: Standard Webhooks' `type`/`timestamp`/`data`, plus the message id and the payload version. */
export function envelopeSchema(t: WebhookEventType): z.ZodType {
  return z
    .object({
      id: z.string().describe("The message id, also sent as the `webhook-id` header; the same on every retry and redelivery, so receivers can drop duplicates."),
      type: z.literal(t.type),
      version: z.literal(t.version).describe("The payload version: raised only for incompatible changes."),
      timestamp: z.iso.datetime().describe("When the change happened (UTC)."),
      data: t.schema,
    })
    .meta({ title: t.type, description: t.summary });
}

export class WebhookRegistry {
  private readonly byType = new Map<string, WebhookEventType>();

  constructor(types: Iterable<WebhookEventType>) {
    for (const t of types) {
      if (this.byType.has(t.type)) throw new Error(`webhook event type '${t.type}' is registered twice`);
      this.byType.set(t.type, t);
    }
  }

  get(type: string): WebhookEventType | undefined {
    return this.byType.get(type);
  }

  /** An emitter naming a type no feature registered is a programming error, not bad input. */
  require(type: string): WebhookEventType {
    const t = this.byType.get(type);
    if (!t) throw new Error(`webhook event type '${type}' is not registered by any feature`);
    return t;
  }

  /** In the order the features list them: a feature lists its types in the order things happen. */
  list(): WebhookEventType[] {
    return [...this.byType.values()];
  }

  subscribable(): WebhookEventType[] {
    return this.list().filter((t) => t.subscribable);
  }
}

const registries = new WeakMap<readonly Feature[], WebhookRegistry>();

/** The registry of a set of features (the instance's, or a test's), built once. */
export function webhookRegistry(features: readonly Feature[]): WebhookRegistry {
  let r = registries.get(features);
  if (!r) {
    r = new WebhookRegistry(features.flatMap((f) => f.webhooks ?? []));
    registries.set(features, r);
  }
  return r;
}
