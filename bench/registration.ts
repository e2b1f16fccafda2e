/**
 * Registration figures, on PGlite and on PostgreSQL (a private schema, dropped after):
 * - a bulk decision (invite) on 5,000 requests through the API: one transaction with the
 *   5,000 state changes and the 5,000 outbox rows (target < 2 s);
 * - the organiser queue page (GET …/registration/requests, 50 rows sorted by answer-by,
 *   with counters) with 20,000 requests in the event, p50/p99 over sequential calls
 *   through app.inject (target p99 < 50 ms).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pino from "pino";
import { buildApp } from "../src/server/app.js";
import { InProcessBus } from "../src/server/platform/bus.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { issueSession, SESSION_COOKIE } from "../src/server/platform/auth/index.js";
import { communities } from "../src/server/features/communities/tables.js";
import { eventRoles, events } from "../src/server/features/events/tables.js";
import { users } from "../src/server/platform/auth/tables.js";
import { registrationSettings } from "../src/server/features/registration/tables.js";
import { requestsChanged } from "../src/server/features/registration/changes.js";
import { assembleContext } from "../src/server/runtime.js";
import { benchDatabase, fmt, median, percentile, table } from "./lib.js";

export const title = "Registration: bulk decisions and the organiser queue";

const BULK = 5_000;
const QUEUE_SIZE = 20_000;
const RUNS = 3;
const QUEUE_CALLS = 400;

/** Adds `n` passwordless accounts and their requests (state `state`) to the event, set-based. */
async function addRequests(ctx: AppContext, eventId: string, n: number, state: string, tag: string): Promise<void> {
  await ctx.db.execute(sql`insert into users (email, name) select ${tag} || '-' || i || '@example.org', 'Person ' || ${tag} || ' ' || i from generate_series(1, ${n}) i`);
  await ctx.db.execute(sql`
    insert into registration_requests (event_id, user_id, email, name, state, answers, link_salt, requested_at, answer_by)
    select ${eventId}, u.id, u.email, u.name, ${state}, '{"workOn":"benchmarks","extra":{}}'::jsonb, md5(u.id::text),
           now() - (random() * interval '20 days'), now() + (random() * interval '20 days') - interval '5 days'
    from users u where u.email like ${tag + "-%"}`);
}

async function measure(kind: "pglite" | "postgres"): Promise<{ bulk: number[]; mails: number; p50: number; p99: number; p99cold: number; p99search: number }> {
  const database = await benchDatabase(kind, "bench_reg");
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-"));
  try {
    const config = loadConfig({}, { dataDir, sessionSecret: "b".repeat(40), baseUrl: "http://plenary.bench", logLevel: "silent" });
    const ctx: AppContext = await assembleContext(config, database, new InProcessBus(), { log: pino({ level: "silent" }) });
    const { app } = await buildApp(ctx, { serveWeb: false });
    await app.ready();

    const [org] = await ctx.db.insert(users).values({ email: "bench-organiser@example.org", name: "Organiser", emailVerifiedAt: new Date() }).returning();
    const [c] = await ctx.db.insert(communities).values({ slug: "bench", name: "Bench" }).returning();
    const [e] = await ctx.db.insert(events).values({ communityId: c!.id, kind: "hackathon", slug: "hack", name: "Bench Hackathon", timeZone: "Europe/London", startDate: "2030-05-29", endDate: "2030-05-30" }).returning();
    await ctx.db.insert(eventRoles).values({ eventId: e!.id, userId: org!.id, role: "organiser" });
    const now = Date.now();
    await ctx.db.insert(registrationSettings).values({ eventId: e!.id, capacity: 10_000, opensAt: new Date(now - 86400_000), closesAt: new Date(now + 86400_000 * 30), feeAmount: 1500, beneficiaryName: "Bench Beneficiary" });
    const s = await issueSession(ctx, ctx.db, org!.id);
    const headers = { cookie: `${SESSION_COOKIE}=${s.token}`, "x-csrf-token": s.csrfToken };
    const base = "/api/v1/communities/bench/events/hack/registration";

    // --- bulk decision on 5,000 requests
    await addRequests(ctx, e!.id, BULK, "requested", "bulk");
    const ids = (await ctx.db.execute(sql`select id from registration_requests where event_id = ${e!.id} and state = 'requested'`)) as unknown as { rows: { id: string }[] };
    const idList = ids.rows.map((r) => r.id);
    const bulk: number[] = [];
    let mails = 0;
    for (let run = 0; run < RUNS; run++) {
      await ctx.db.execute(sql`update registration_requests set state = 'requested', invited_at = null, confirm_by = null, decided_at = null where event_id = ${e!.id}`);
      await ctx.db.execute(sql`delete from mail_outbox`);
      const t0 = performance.now();
      const res = await app.inject({ method: "POST", url: `${base}/decisions`, headers, payload: { action: "invite", ids: idList, message: "Welcome!" } });
      bulk.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`bulk decision answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      const body = JSON.parse(res.body) as { changed: number; mailsQueued: number };
      const [{ n }] = ((await ctx.db.execute(sql`select count(*)::int as n from mail_outbox where template = 'registration.invited'`)) as unknown as { rows: [{ n: number }] }).rows;
      if (body.changed !== BULK || Number(n) !== BULK) throw new Error(`expected ${BULK} invitations and mails, got ${body.changed} and ${n}`);
      mails = Number(n);
    }

    // --- queue page with 20,000 requests
    await addRequests(ctx, e!.id, QUEUE_SIZE - BULK, "requested", "queue");
    await ctx.db.execute(sql`analyze registration_requests`);
    const page = async (url: string, uncached = false) => {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) await app.inject({ method: "GET", url, headers }); // warm-up
      for (let i = 0; i < QUEUE_CALLS; i++) {
        if (uncached) await requestsChanged(ctx, e!.id);
        const t0 = performance.now();
        const res = await app.inject({ method: "GET", url: `${url}${url.includes("?") ? "&" : "?"}offset=${(i % 10) * 50}`, headers });
        times.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`queue answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      return times;
    };
    const first = JSON.parse((await app.inject({ method: "GET", url: `${base}/requests`, headers })).body) as { total: number };
    if (first.total !== QUEUE_SIZE) throw new Error(`queue total ${first.total}, expected ${QUEUE_SIZE}`);
    const plain = await page(`${base}/requests`);
    const cold = await page(`${base}/requests`, true);
    const search = await page(`${base}/requests?q=person%20queue%201&state=requested`);
    await app.close();
    return { bulk, mails, p50: percentile(plain, 50), p99: percentile(plain, 99), p99cold: percentile(cold, 99), p99search: percentile(search, 99) };
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    const r = await measure(kind);
    const b = median(r.bulk);
    rows.push([kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL 15", `${fmt.s(b / 1000)} ${b < 2000 ? "✓" : "✗"}`, r.mails, fmt.ms(r.p50), `${fmt.ms(r.p99)} ${r.p99 < 50 ? "✓" : "✗"}`, fmt.ms(r.p99cold), fmt.ms(r.p99search)]);
  }
  return [
    `Bulk decision: one \`POST …/registration/decisions\` inviting ${BULK.toLocaleString("en")} requests by id (state changes and ${BULK.toLocaleString("en")} rendered invitation mails in one transaction), median of ${RUNS}; target < 2 s.`,
    `Queue page: \`GET …/registration/requests\` (50 rows by answer-by, counters per state, overdue count, total) with ${QUEUE_SIZE.toLocaleString("en")} requests in the event, ${QUEUE_CALLS} sequential calls through \`app.inject\` after warm-up, pages 1–10; target p99 < 50 ms. The per-state counters are cached per event for at most 5 s and dropped by every change to the event's requests (through the bus on PostgreSQL); the next column recomputes them on every call, the worst case. The last column searches names/addresses with a state filter.`,
    "",
    table(["Database", "Bulk decision, 5,000", "Mails queued", "Queue p50", "Queue p99", "Queue p99, counters recomputed every call", "Search p99"], rows),
  ].join("\n");
}
