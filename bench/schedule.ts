/**
 * The conference schedule at the size of a big conference: 1,000 sessions over 3 days in 20
 * rooms. The automatic draft (solver in a worker thread) with its cost and lower bound; the
 * time to rebuild every output after a change; and schedule.xml, schedule.json and the event's
 * iCalendar served by the built server under 50 connections, each against a bare Fastify
 * route serving the same bytes in the same run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { InProcessBus } from "../src/server/platform/bus.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { openDatabase } from "../src/server/platform/db/index.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { permitFor } from "../src/server/platform/permissions.js";
import { users } from "../src/server/platform/auth/tables.js";
import { communities } from "../src/server/features/communities/tables.js";
import { eventRoles, events } from "../src/server/features/events/tables.js";
import { scheduleSettings } from "../src/server/features/schedule/tables.js";
import { applyDraft, makeDraft } from "../src/server/features/schedule/draft.js";
import { releaseSchedule } from "../src/server/features/schedule/release.js";
import { programmeOf, ScheduleOutputs } from "../src/server/features/schedule/outputs/store.js";
import { assembleContext } from "../src/server/runtime.js";
import { freePort } from "../src/server/test-support/smtp.js";
import { fmt, median, table } from "./lib.js";

export const title = "Conference schedule: 1,000 sessions, 3 days, 20 rooms";

const SESSIONS = 1_000;
const ROOMS = 20;
const SPEAKERS = 700;
const PEOPLE = 500;
const FAVOURITES_EACH = 8;
const DAYS = ["2030-09-02", "2030-09-03", "2030-09-04"];
const ZONE = "Europe/Berlin";
const REBUILDS = 20;

async function seed(ctx: AppContext): Promise<{ eventId: string; organiserId: string }> {
  const db = ctx.db;
  const [org] = await db.insert(users).values({ email: "bench-organiser@example.org", name: "Organiser", emailVerifiedAt: new Date() }).returning();
  const [c] = await db.insert(communities).values({ slug: "bench", name: "Bench community" }).returning();
  const [e] = await db.insert(events).values({ communityId: c!.id, kind: "conference", slug: "bigconf", name: "Big Conference", timeZone: ZONE, startDate: DAYS[0]!, endDate: DAYS.at(-1)! }).returning();
  await db.insert(eventRoles).values({ eventId: e!.id, userId: org!.id, role: "organiser" });
  await db.insert(scheduleSettings).values({ eventId: e!.id, slotMinutes: 15 });
  const id = e!.id;
  await db.execute(sql`insert into schedule_rooms (event_id, name, capacity, position) select ${id}, 'Room ' || g, (array[40, 60, 80, 120, 200, 400])[1 + g % 6], g from generate_series(1, ${ROOMS}) g`);
  await db.execute(sql`insert into schedule_days (event_id, date, start_time, end_time) select ${id}, d::date, '09:00', '21:00' from unnest(${`{${DAYS.join(",")}}`}::text[]) d`);
  await db.execute(sql`insert into schedule_blocks (event_id, room_id, kind, title, starts_at, ends_at) select ${id}, null, 'break', 'Lunch', (d || 'T12:30:00+02:00')::timestamptz, (d || 'T13:30:00+02:00')::timestamptz from unnest(${`{${DAYS.join(",")}}`}::text[]) d`);
  await db.execute(sql`insert into schedule_speakers (event_id, name, affiliation) select ${id}, 'Speaker ' || g, 'Org ' || (g % 90) from generate_series(1, ${SPEAKERS}) g`);
  // 70 % of the sessions last 30 minutes, 30 % 45; expected audiences from 10 to 300.
  await db.execute(sql`insert into schedule_sessions (event_id, number, source, title, abstract, type, track, language, duration_minutes, expected_audience)
    select ${id}, g, 'organiser', 'Session ' || g || ': on <things> & more', 'What session ' || g || ' is about.', case when g % 10 = 0 then 'workshop' else 'talk' end,
           'Track ' || (g % 12), 'en', case when g % 10 < 7 then 30 else 45 end, 10 + (g * 37) % 290
    from generate_series(1, ${SESSIONS}) g`);
  await db.execute(sql`insert into schedule_session_speakers (session_id, speaker_id, position)
    select s.id, sp.id, 0 from (select id, number from schedule_sessions where event_id = ${id}) s
    join (select id, row_number() over (order by name) as n from schedule_speakers where event_id = ${id}) sp on sp.n = 1 + (s.number % ${SPEAKERS})`);
  await db.execute(sql`insert into users (email, name) select 'fan-' || g || '@example.org', 'Fan ' || g from generate_series(1, ${PEOPLE}) g`);
  await db.execute(sql`insert into schedule_favourites (user_id, session_id)
    select u.id, s.id from (select id, row_number() over (order by email) as n from users where email like 'fan-%') u
    cross join generate_series(0, ${FAVOURITES_EACH - 1}) k
    join schedule_sessions s on s.event_id = ${id} and s.number = 1 + ((u.n * 131 + k * 97 + (u.n % 7) * k * 13) % ${SESSIONS})
    on conflict do nothing`);
  return { eventId: id, organiserId: org!.id };
}

function start(cmd: string, args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(cmd, args, { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => {
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`server exited with ${child.exitCode}`));
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return resolve(child);
      setTimeout(poll, 50);
    };
    void poll();
  });
}
const stop = (c: ChildProcess) => new Promise((resolve) => (c.once("exit", resolve), c.kill("SIGTERM")));

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: 50, duration: seconds });
  if (r.non2xx || r.errors) throw new Error(`load run had ${r.non2xx} non-2xx and ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

export async function run(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-schedule-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const database = await openDatabase({ dataDir });
  await migrate(database);
  const config = loadConfig({}, { dataDir, sessionSecret: "s".repeat(40), baseUrl, logLevel: "silent" });
  const ctx = await assembleContext(config, database, new InProcessBus(), { log: pino({ level: "silent" }) });
  const { eventId, organiserId } = await seed(ctx);
  const [event] = await ctx.db.select().from(events).where(eq(events.id, eventId));
  const [org] = await ctx.db.select().from(users).where(eq(users.id, organiserId));
  const actor = { kind: "user" as const, id: org!.id, email: org!.email, name: org!.name, isAdmin: false, locale: "en", via: "session" as const };
  const target = { event: event!, communitySlug: "bench", permit: await permitFor(ctx, actor, { eventId, communityId: event!.communityId }) };

  // The automatic draft on an empty grid, then applied and released as version 1.
  const t0 = performance.now();
  const draft = await makeDraft(ctx, target, { timeLimitSeconds: 4, seed: 1, keepPlaced: false });
  const draftS = (performance.now() - t0) / 1000;
  await applyDraft(ctx, target, { baseRevision: draft.baseRevision, placements: draft.placements });
  await releaseSchedule(ctx, target, { note: "" });

  // Rebuilding every output after a change: read the released programme, write all five.
  const apiBase = `${baseUrl}/api/v1/communities/bench/events/bigconf`;
  const rebuilds: number[] = [];
  let sizes = new Map<string, number>();
  for (let i = 0; i < REBUILDS; i++) {
    const r0 = performance.now();
    const p = (await programmeOf(ctx, eventId))!;
    const built = ScheduleOutputs.buildAll(p, new URL(baseUrl).host, apiBase);
    rebuilds.push(performance.now() - r0);
    sizes = new Map([...built].map(([k, v]) => [k, Buffer.byteLength(v.body)]));
  }
  await database.close();

  const ours = await start(process.execPath, ["dist/src/cli/run.js", "serve"], { PLENARY_DATA_DIR: dataDir, PLENARY_DEMO: "false", PLENARY_URL: baseUrl }, port);
  const rows: (string | number)[][] = [];
  for (const [kind, path, type] of [
    ["schedule.xml", "schedule.xml", "application/xml; charset=utf-8"],
    ["schedule.json", "schedule.json", "application/json; charset=utf-8"],
    ["iCalendar (whole event)", "schedule.ics", "text/calendar; charset=utf-8"],
  ] as const) {
    const url = `${apiBase}/${path}`;
    const body = await (await fetch(url)).text();
    const file = join(dataDir, path);
    writeFileSync(file, body);
    const barePort = await freePort();
    const bare = await start(process.execPath, ["dist/bench/bare-server.js"], { BARE_BODY_FILE: file, BARE_PATH: `/api/v1/communities/bench/events/bigconf/${path}`, BARE_TYPE: type }, barePort);
    const bareUrl = `http://127.0.0.1:${barePort}/api/v1/communities/bench/events/bigconf/${path}`;
    if ((await (await fetch(bareUrl)).text()) !== body) throw new Error("the bare route does not serve the same bytes");
    await load(url, 2);
    await load(bareUrl, 2);
    const runs: { ours: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>> }[] = [];
    for (let i = 0; i < 3; i++) runs.push({ ours: await load(url, 5), bare: await load(bareUrl, 5) });
    await stop(bare);
    const o = median(runs.map((r) => r.ours.rps));
    const b = median(runs.map((r) => r.bare.rps));
    rows.push([kind, `${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`, `${o.toFixed(0)} / ${b.toFixed(0)}`, fmt.ratio(o / b), `${median(runs.map((r) => r.ours.p99))} ms / ${median(runs.map((r) => r.bare.p99))} ms`, o / b >= 0.8 ? "yes" : "no"]);
  }
  await stop(ours);
  rmSync(dataDir, { recursive: true, force: true });
  const rebuildMs = median(rebuilds);
  return [
    `Data: ${SESSIONS.toLocaleString("en-GB")} sessions (70 % of 30 minutes, 30 % of 45), ${SPEAKERS} speakers, ${ROOMS} rooms of 40 to 400 seats, 3 days of 09:00–21:00 (${ZONE}) with a lunch break in every room, a 15-minute grid; ${PEOPLE} signed-in people with ${FAVOURITES_EACH} favourites each; on PGlite.`,
    "",
    "Automatic draft (target < 5 s): the whole grid from empty with a 4 s time limit, which covers the whole draft (loading the schedule, mapping it to the solver's instance, starting the worker, mapping back; the solver in its worker thread gets the rest), measured around the service call.",
    "",
    table(
      ["wall time", "status", "placed", "unplaced", "cost", "lower bound", "clashes / overflow / unplaced / moves"],
      [[fmt.s(draftS), draft.status, draft.placements.filter((p) => p.roomId).length, draft.unplaced.length, draft.cost, draft.lowerBound ?? "—", `${draft.breakdown.clashes} / ${draft.breakdown.overflow} / ${draft.breakdown.unplaced} / ${draft.breakdown.moves}`]],
    ),
    "",
    `Rebuilding every output after a change (target < 100 ms): reading the released programme and writing schedule.xml, schedule.json (v1 and v2), the event's iCalendar and the CSV (${[...sizes].map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KiB`).join(", ")}); median of ${REBUILDS}: **${fmt.ms(rebuildMs)}** (${rebuildMs < 100 ? "within" : "over"} the target).`,
    "",
    "Serving the outputs (target ≥ 0.8× the bare route): the built server against a bare Fastify route serving the same bytes; autocannon in the bench process, 50 connections, three 5 s runs each after a 2 s warm-up, alternating; no compression asked for.",
    "",
    table(["output", "size", "req/s: ours / bare", "ratio", "p99: ours / bare", "≥ 0.8×"], rows),
  ].join("\n");
}
