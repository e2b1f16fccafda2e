import { z } from "zod";
import { ERROR_CODES } from "../../../shared/errors.js";
import { envelopeSchema, type WebhookEventType } from "../webhooks/registry.js";
import type { RegisteredRoute } from "./route.js";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ERROR_CODES, description: "Stable machine-readable code, from the catalogue in src/shared/errors.ts" },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Messages per invalid field" },
      },
    },
  },
};

const statusText: Record<number, string> = {
  400: "Invalid input",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict with the current state",
  413: "Body too large",
  422: "Understood but refused (e.g. a webhook address that is not HTTPS, does not resolve or is private)",
  429: "Too many requests",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): unknown[] {
  if (!schema) return [];
  const js = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const signatureHeaders = [
  { name: "webhook-id", in: "header", required: true, schema: { type: "string" }, description: "The message id (`msg_…`), the same on every retry: drop a delivery whose id you have seen." },
  { name: "webhook-timestamp", in: "header", required: true, schema: { type: "string" }, description: "Unix seconds when this attempt was signed; refuse ones far from your clock (replays)." },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    schema: { type: "string" },
    description: "`v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">` with the endpoint's secret (base64 after `whsec_`); while a rotated secret overlaps, two signatures separated by a space. Any Standard Webhooks library verifies it.",
  },
];

/**
 * Webhooks as OpenAPI 3.1 describes them: one POST per event type that Plenary sends to a
 * subscribed endpoint, its body generated from the registered payload schema.
 */
function webhookOperations(types: readonly WebhookEventType[]): Record<string, unknown> {
  return Object.fromEntries(
    types.map((t) => [
      t.type,
      {
        post: {
          operationId: `webhook:${t.type}`,
          summary: t.summary,
          description: `${t.description}\n\nPayload version ${t.version}. Answer with any 2xx within 15 seconds to acknowledge; anything else (or no answer) is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then the endpoint is disabled. Deliveries to one endpoint arrive in the order the events happened.`,
          tags: ["webhooks"],
          parameters: signatureHeaders,
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(envelopeSchema(t), "output") } } },
          responses: { "2XX": { description: "Received." } },
        },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document, generated from the same Zod schemas that validate requests (and, for `webhooks`, that check what is emitted). */
export function openApiDocument(routes: readonly RegisteredRoute[], info: { version: string; baseUrl: string }, webhooks: readonly WebhookEventType[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { def } of routes) {
    const scope = def.scope ?? (def.method === "GET" ? "read" : "write");
    const access =
      (def.access === "public" ? "Anyone." : def.access === "user" ? "Any signed-in account." : `Needs capability \`${def.access.capability}\`.`) +
      (scope === "session" ? " Only in a browser session: API tokens cannot call this." : ` An API token needs the \`${scope}\` scope.`);
    const errors = new Set([400, ...(def.access === "public" ? [] : [401]), ...(typeof def.access === "object" ? [403] : []), ...(def.errors ?? [])]);
    if (def.rateLimit) errors.add(429);
    const op: Record<string, unknown> = {
      operationId: def.operationId,
      summary: def.summary,
      description: access,
      tags: def.tags,
      parameters: [...parameters(def.params, "path"), ...parameters(def.query, "query")],
      responses: {
        [String(def.status ?? (def.response === null ? 204 : 200))]:
          def.response === null ? { description: "Done" } : { description: "Success", content: { [def.produces ?? "application/json"]: { schema: jsonSchema(def.response, "output") } } },
        ...Object.fromEntries([...errors].sort().map((s) => [String(s), { $ref: `#/components/responses/E${s}` }])),
      },
    };
    if (def.body) op.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(def.body, "input") } } };
    if (def.access !== "public") op.security = scope === "session" ? [{ session: [] }] : [{ session: [] }, { bearer: [scope] }];
    (paths[def.url] ??= {})[def.method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Plenary API", version: info.version, description: "JSON API of Plenary. Cookie-authenticated state changes must send the session's CSRF token in `X-CSRF-Token`; API tokens go in `Authorization: Bearer`." },
    servers: [{ url: info.baseUrl }],
    paths,
    webhooks: webhookOperations(webhooks),
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "plenary_session" },
        bearer: { type: "http", scheme: "bearer", description: "A personal API token from the account page" },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(statusText).map(([s, d]) => [`E${s}`, { description: d, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
      ),
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A readable reference page, rendered here so it needs no script from elsewhere. */
export function referencePage(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<string, Record<string, { operationId: string; summary: string; description: string; tags: string[]; parameters: { name: string; in: string; required: boolean }[]; requestBody?: { content: { "application/json": { schema: unknown } } }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters.map((p) => `<li><code>${esc(p.name)}</code> (${p.in}${p.required ? ", required" : ""})</li>`).join("");
      const body = op.requestBody ? `<details><summary>Request body</summary><pre>${esc(JSON.stringify(op.requestBody.content["application/json"].schema, null, 2))}</pre></details>` : "";
      const ok = Object.entries(op.responses).find(([s]) => s.startsWith("2"));
      const [mediaType, media] = Object.entries(ok?.[1].content ?? {})[0] ?? [];
      const res = ok && media ? `<details><summary>Response ${ok[0]} (${esc(mediaType!)})</summary><pre>${esc(JSON.stringify(media.schema, null, 2))}</pre></details>` : "";
      const html = `<section id="${esc(op.operationId)}"><h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary)} ${esc(op.description)}</p>${params ? `<ul>${params}</ul>` : ""}${body}${res}<p class="codes">Responses: ${Object.keys(op.responses).join(", ")}</p></section>`;
      const tag = op.tags[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const hooks = Object.entries((doc.webhooks ?? {}) as Record<string, { post: { summary: string; description: string; requestBody: { content: { "application/json": { schema: unknown } } } } }>).map(
    ([name, { post }]) => `<section id="webhook-${esc(name)}"><h3><span class="m m-post">EVENT</span> <code>${esc(name)}</code></h3><p>${esc(post.description)}</p><details><summary>Payload</summary><pre>${esc(JSON.stringify(post.requestBody.content["application/json"].schema, null, 2))}</pre></details></section>`,
  );
  const nav = [...[...byTag.keys()].map((t) => `<a href="#tag-${esc(t)}">${esc(t)}</a>`), ...(hooks.length ? ['<a href="#webhook-events">webhook events</a>'] : [])].join(" · ");
  const body =
    [...byTag.entries()].map(([t, ops]) => `<h2 id="tag-${esc(t)}">${esc(t)}</h2>${ops.join("")}`).join("") +
    (hooks.length ? `<h2 id="webhook-events">Webhook events</h2><p>What Plenary POSTs to a subscribed endpoint, signed the Standard Webhooks way (headers <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>).</p>${hooks.join("")}` : "");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Plenary API reference</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:.25rem}section{border-top:1px solid #d0d7de;padding:.5rem 0}pre{background:#f6f8fa;padding:.75rem;overflow:auto;font-size:13px}
.m{display:inline-block;min-width:4.5rem;font-size:.8rem;padding:.1rem .4rem;border-radius:4px;color:#fff;background:#24529b;text-align:center}
.m-post{background:#1a7f37}.m-patch,.m-put{background:#7a4d00}.m-delete{background:#b42318}.codes{color:#57606a;font-size:.9rem}a{color:#0b57d0}
</style></head><body><h1>Plenary API reference</h1><p>Version ${esc(String((doc.info as { version: string }).version))}. Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p><nav>${nav}</nav>${body}</body></html>`;
}
