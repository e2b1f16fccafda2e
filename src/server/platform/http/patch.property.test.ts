import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { json, useTestApp } from "../../test-support/app.js";
import { makeEvent } from "../../test-support/factories.js";
import { fillUrl, roleFixture } from "../../test-support/walk.js";
import { webhookRegistry } from "../webhooks/registry.js";

// Webhook endpoints on loopback are allowed so that one can be created without a public address.
const t = useTestApp({ webhookAllowPrivate: ["127.0.0.0/8"] });

/**
 * The resource a PATCH address names beyond its community and event, made through the
 * operation that creates it, as a client would. A PATCH route with a new parameter fails
 * below until it is added here.
 */
/** The event the walk acts at, for makers of things that live in an event (a schedule's rooms). */
const EVENT_SLUG = { current: "" };
/** The account the walk acts as, for fields that name people who must hold a role (a topic's leaders). */
const ACTOR = { id: "" };
const makers: Record<string, (community: string, headers: Record<string, string>) => Promise<string>> = {
  talk: async (community, headers) => {
    const res = await t().app.inject({
      method: "POST",
      url: `/api/v1/communities/${community}/road/talks`,
      headers,
      payload: {
        title: "Xen on ARM",
        startsLocal: "2030-03-27T10:00",
        speakers: [{ name: "A Speaker" }],
        newEvent: { name: "Some Summit", city: "Napa", country: "United States", latitude: 38.3, longitude: -122.3, timeZone: "America/Los_Angeles", startDate: "2030-03-26", endDate: "2030-03-28" },
      },
    });
    return json<{ id: string }>(res).id;
  },
  post: async (community, headers) => {
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${community}/announcements`, headers, payload: { title: "A post", notifySubscribers: false } });
    return json<{ slug: string }>(res).slug;
  },
  room: async (community, headers) => {
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${community}/events/${EVENT_SLUG.current}/schedule/rooms`, headers, payload: { name: `Room ${Math.random()}`, capacity: 50 } });
    return json<{ rooms: { id: string }[] }>(res).rooms.at(-1)!.id;
  },
  speaker: async (community, headers) => {
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${community}/events/${EVENT_SLUG.current}/schedule/speakers`, headers, payload: { name: "A Speaker" } });
    return json<{ id: string }>(res).id;
  },
  topic: async (community, headers) => {
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${community}/events/${EVENT_SLUG.current}/unconference/topics`, headers, payload: { title: "A topic" } });
    return json<{ id: string }>(res).id;
  },
  session: async (community, headers) => {
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${community}/events/${EVENT_SLUG.current}/schedule/sessions`, headers, payload: { title: "A session", durationMinutes: 45 } });
    return json<{ id: string }>(res).id;
  },
  endpointId: async (community, headers) => {
    const res = await t().app.inject({ method: "POST", url: `/api/v1/communities/${community}/webhooks`, headers, payload: { url: "http://127.0.0.1:9/hook", eventTypes: ["stipend.offered"] } });
    return json<{ id: string }>(res).id;
  },
};

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const isoDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/**
 * Strings of the shapes schemas check with refinements a JSON Schema cannot show (calendar
 * dates, IANA zones): a field's own schema filters what fits, so any new field of these
 * kinds gets valid values without this test naming it.
 */
const plausible = fc.oneof(isoDate, fc.constantFrom(...Intl.supportedValuesOf("timeZone")), fc.webUrl({ validSchemes: ["https"] }), fc.emailAddress(), fc.stringMatching(/^[a-z0-9]{2,12}(-[a-z0-9]{2,12})?$/));

/**
 * Fields whose valid values only the server knows (an address it may deliver to, the event
 * types it has): mostly these, so that most PATCHes are accepted, and sometimes anything the
 * schema allows, so that refusals are tried too.
 */
const serverJudged = (): Record<string, fc.Arbitrary<unknown>> => ({
  leaderIds: fc.constant([ACTOR.id]),
  // Slots a leader cannot make must be the board's own; the walk's event has none.
  unavailable: fc.constant([]),
  url: fc.nat({ max: 999 }).map((n) => `http://127.0.0.1:9/hook-${n}`),
  eventTypes: fc.subarray(
    webhookRegistry(t().ctx.features)
      .subscribable()
      .map((w) => w.type),
    { minLength: 1 },
  ),
});

/** Values for one field, from the JSON Schema Zod makes of it, kept only where the field's own Zod schema accepts them. */
function valuesFor(field: z.ZodType): fc.Arbitrary<unknown> {
  const of = (s: JsonSchema): fc.Arbitrary<unknown> => {
    if (s.anyOf) return fc.oneof(...s.anyOf.map(of));
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case "null":
        return fc.constant(null);
      case "boolean":
        return fc.boolean();
      case "integer":
        return fc.integer({ min: Math.max(s.minimum ?? -1e6, -1e9), max: Math.min(s.maximum ?? 1e6, 1e9) });
      case "number":
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
      case "array":
        return fc.array(of(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
      case "object": {
        const props = Object.entries(s.properties ?? {});
        const required = new Set(s.required ?? []);
        return fc.record(Object.fromEntries(props.map(([k, p]) => [k, of(p)])), { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
      }
      case "string": {
        if (s.format === "date-time") return fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
        if (s.format === "uri") return fc.webUrl({ validSchemes: ["https"] });
        if (s.format === "email") return fc.emailAddress();
        const text = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
        return fc.oneof(s.pattern ? fc.stringMatching(new RegExp(s.pattern)) : text, text, plausible);
      }
      default:
        throw new Error(`no values for JSON Schema ${JSON.stringify(s)}`);
    }
  };
  const js = z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return of(js).filter((v) => field.safeParse(v).success);
}

/**
 * What was sent is what is read back: for nested objects, each sent key the view shows (an
 * input such as a speaker's `accountEmail` is shown resolved, as `userId`, and is skipped).
 */
function shows(readBack: unknown, sent: unknown): boolean {
  if (Array.isArray(readBack) && Array.isArray(sent)) return readBack.length === sent.length && sent.every((v, i) => shows(readBack[i], v));
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(readBack) && isObject(sent)) return Object.keys(sent).every((k) => !(k in readBack) || shows(readBack[k], sent[k]));
  return same(readBack, sent);
}

/**
 * A field as the view shows it: by its own name, or a reference sent as `eventSlug` or
 * `talkId` shown as the object it names (`event.slug`, `talk.id`, null when unset), or a list
 * sent as `leaderIds` shown as the objects it names (`leaders[].id`).
 */
function field(view: Record<string, unknown>, k: string): { shown: boolean; value?: unknown } {
  if (k in view) return { shown: true, value: view[k] };
  const list = /^(\w+)Ids$/.exec(k);
  if (list && Array.isArray(view[`${list[1]}s`])) return { shown: true, value: (view[`${list[1]}s`] as { id: unknown }[]).map((o) => o.id) };
  const ref = /^(\w+)(Slug|Id)$/.exec(k);
  if (ref && ref[1]! in view) {
    const named = view[ref[1]!] as Record<string, unknown> | null;
    return { shown: true, value: named === null ? null : named[ref[2] === "Slug" ? "slug" : "id"] };
  }
  return { shown: false };
}

/** Equal as stored: instants compare as instants, floats to storage precision. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (typeof a === "string" && typeof b === "string" && /^\d{4}-\d\d-\d\dT/.test(a) && /^\d{4}-\d\d-\d\dT/.test(b)) return Date.parse(a) === Date.parse(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * PATCH changes exactly the fields it is sent (issue 7.2). Walks every PATCH operation in the
 * router: a random subset of valid fields is sent, and the resource read back at the same
 * address (its GET) shows those fields changed and every other field of the body schema as it
 * was; a refused PATCH changed nothing at all. A new PATCH route is covered without being
 * named here, provided it has a GET at its address that shows its fields.
 */
describe("PATCH changes exactly the fields it is sent", () => {
  it("for every PATCH operation in the router", async () => {
    const { community, event, people } = await roleFixture(t().ctx, { published: false });
    const headers = people.admin!.headers;
    ACTOR.id = people.admin!.id;
    const hackathon = await makeEvent(t().ctx, community.id, { kind: "hackathon", published: false });
    const patches = t().router.routes.filter((r) => r.def.method === "PATCH");
    expect(patches.length).toBeGreaterThanOrEqual(3);
    for (const { def } of patches) {
      // An earlier PATCH of the event may have moved it to another address.
      const [{ slug: eventSlug }] = ((await t().ctx.db.execute(sql`select slug from events where id = ${event.id}`)) as unknown as { rows: [{ slug: string }] }).rows;
      const reader = t().router.routes.find((r) => r.def.method === "GET" && r.def.url === def.url);
      expect(reader, `${def.operationId} has no GET at ${def.url} to read it back`).toBeDefined();
      expect(def.body, `${def.operationId} declares no body`).toBeInstanceOf(z.ZodObject);
      const shape = (def.body as z.ZodObject).shape as Record<string, z.ZodType>;
      const fields = Object.keys(shape);
      const fieldValues = Object.fromEntries(
        fields.map((k) => {
          const fromSchema = valuesFor(shape[k] instanceof z.ZodOptional ? ((shape[k] as z.ZodOptional).unwrap() as z.ZodType) : shape[k]!);
          const known = serverJudged()[k];
          return [k, known ? fc.oneof({ arbitrary: known, weight: 3 }, { arbitrary: fromSchema, weight: 1 }) : fromSchema];
        }),
      );
      // A hackathon's board lives only on a hackathon; everything else on the walk's conference.
      EVENT_SLUG.current = def.url.includes("/unconference") ? hackathon.slug : eventSlug;
      let template = def.url;
      for (const param of [...def.url.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => p !== "community" && p !== "event")) {
        const make = makers[param];
        expect(make, `${def.operationId}: no maker for {${param}}`).toBeDefined();
        const id = await make!(community.slug, headers);
        expect(id, `${def.operationId}: making {${param}} failed`).toEqual(expect.any(String));
        template = template.replace(`{${param}}`, id);
      }
      let url = fillUrl({ ...def, url: template }, { community: community.slug, event: EVENT_SLUG.current });
      let changed = 0;
      let runs = 0;

      const body = fc.subarray(fields).chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, fieldValues[k]!])) as Record<string, fc.Arbitrary<unknown>>));
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          runs++;
          const read = async (at: string) => {
            const r = await t().app.inject({ method: "GET", url: at, headers });
            expect(r.statusCode, `${reader!.def.operationId} ${at}: ${r.body}`).toBe(200);
            return json(r);
          };
          const before = await read(url);
          const res = await t().app.inject({ method: "PATCH", url, headers, payload: sent });
          expect(res.statusCode, `${def.operationId} ${JSON.stringify(sent)}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            // Valid fields may still conflict with what is stored (an end before the stored start): then nothing changes.
            expect([400, 409, 422]).toContain(res.statusCode);
            expect(await read(url)).toEqual(before);
            return;
          }
          changed++;
          // The last path parameter names the resource; a PATCH that changes its slug moves it.
          const moved = (json(res) as { slug?: unknown }).slug;
          if ("slug" in sent && typeof moved === "string") url = url.replace(/[^/]+$/, moved);
          const after = await read(url);
          const parsed = def.body!.parse(sent) as Record<string, unknown>;
          for (const k of fields) {
            const now = field(after, k);
            expect(now.shown, `${reader!.def.operationId} does not show ${k}`).toBe(true);
            if (k in sent) expect(shows(now.value, parsed[k]), `${def.operationId}: ${k} sent ${JSON.stringify(parsed[k])}, read back ${JSON.stringify(now.value)}`).toBe(true);
            else expect(same(now.value, field(before, k).value), `${def.operationId} ${JSON.stringify(sent)} changed ${k}: ${JSON.stringify(field(before, k).value)} → ${JSON.stringify(now.value)}`).toBe(true);
          }
        }),
        { numRuns: 30, seed: 20140529 },
      );
      // Not vacuous: most random subsets are accepted.
      expect(changed, `${def.operationId}: only ${changed} of ${runs} PATCHes were accepted`).toBeGreaterThanOrEqual(runs / 3);
    }
  }, 120_000);
});
