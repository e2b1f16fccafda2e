/**
 * Talks on the road and announcements at scale: "near me" over 100,000 talks (latency of
 * one client, sequential requests), and the Atom feed of a community with 10,000
 * announcements under 50 connections against a bare Fastify route serving the same bytes.
 * The data is written straight into a fresh PGlite data dir, then the built server serves it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/server/platform/db/index.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { median, table } from "./lib.js";
import { freePort } from "../src/server/test-support/smtp.js";

export const title = "Talks on the road and announcements: near me over 100,000 talks, Atom feed of 10,000 posts";

// Smaller sizes for iterating (BENCH_ROAD_TALKS=10000 …); the published figures use the defaults.
const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TALKS = size("BENCH_ROAD_TALKS", 100_000);
const EVENTS = size("BENCH_ROAD_EVENTS", 5_000);
const POSTS = size("BENCH_ROAD_POSTS", 10_000);
const MUNICH = 2867714;

async function seed(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  await migrate(database);
  const db = database.db;
  await db.execute(sql`insert into communities (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'bench', 'Bench community')`);
  // Events spread over the inhabited latitudes; talks from 2020 to 2035, so some are upcoming.
  await db.execute(sql`insert into events (id, community_id, kind, slug, name, city, country, latitude, longitude, time_zone, start_date, end_date)
    select gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'external', 'conf-' || g, 'Conference ' || g, 'City ' || (g % 700), 'Country ' || (g % 60),
           -55 + random() * 125, -180 + random() * 360, 'UTC', date '2020-01-01' + (g % 5000), date '2020-01-01' + (g % 5000) + 2
    from generate_series(1, ${EVENTS}) g`);
  await db.execute(sql`insert into talks (id, community_id, event_id, state, title, starts_at, topics)
    select gen_random_uuid(), e.community_id, e.id, 'approved', 'Talk ' || g, e.start_date::timestamptz + interval '10 hours', array['topic-' || (g % 40)]
    from generate_series(1, ${TALKS}) g join (select id, community_id, start_date, row_number() over (order by id) as n from events) e on e.n = 1 + g % ${EVENTS}`);
  await db.execute(sql`insert into talk_speakers (talk_id, position, name, affiliation) select id, 0, 'Speaker ' || (abs(hashtext(id::text)) % 3000), 'Org' from talks`);
  await db.execute(sql`insert into announcements (community_id, slug, title, body, tags, state, publish_at, announced_at)
    select '00000000-0000-4000-8000-000000000001', 'post-' || g, 'Announcement ' || g, 'Some **Markdown** text for post ' || g || E'.\n\nA second paragraph with a [link](https://example.org/' || g || ').',
           array['tag-' || (g % 20)], 'published', timestamptz '2014-01-01' + g * interval '3 hours', now()
    from generate_series(1, ${POSTS}) g`);
  await database.close();
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

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function latency(url: string, n: number) {
  const first = performance.now();
  const r0 = await fetch(url);
  if (!r0.ok) throw new Error(`${url} → ${r0.status}`);
  await r0.text();
  const coldMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url);
    await r.text();
    times.push(performance.now() - t);
  }
  return { coldMs, p50: pct(times, 50), p99: pct(times, 99) };
}

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: 50, duration: seconds });
  if (r.non2xx || r.errors) throw new Error(`load run had ${r.non2xx} non-2xx and ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

export async function run(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-road-"));
  const t0 = performance.now();
  await seed(dataDir);
  const seedS = (performance.now() - t0) / 1000;
  const port = await freePort();
  const ours = await start("node", ["dist/src/cli/run.js", "serve"], { PLENARY_DATA_DIR: dataDir, PLENARY_DEMO: "false", PLENARY_URL: `http://127.0.0.1:${port}` }, port);
  const base = `http://127.0.0.1:${port}/api/v1/communities/bench`;
  const near = [
    { what: `nearest 20 to Munich, all ${TALKS.toLocaleString("en-GB")} talks`, url: `${base}/road/talks?when=all&place=${MUNICH}&limit=20` },
    { what: "upcoming within 500 km of Munich", url: `${base}/road/talks?place=${MUNICH}&within=500&limit=20` },
    { what: "nearest 20 to Munich on one topic", url: `${base}/road/talks?when=all&place=${MUNICH}&topic=topic-7&limit=20` },
  ];
  const nearRows: (string | number)[][] = [];
  for (const q of near) {
    const r = await latency(q.url, 400);
    nearRows.push([q.what, `${r.coldMs.toFixed(0)} ms`, `${r.p50.toFixed(1)} ms`, `${r.p99.toFixed(1)} ms`, r.p99 < 50 ? "yes" : "no"]);
  }

  const feedUrl = `${base}/announcements/feed.atom`;
  const body = await (await fetch(feedUrl)).text();
  const bodyFile = join(dataDir, "feed.atom");
  writeFileSync(bodyFile, body);
  const barePort = await freePort();
  const bare = await start("node", ["dist/bench/bare-server.js"], { BARE_BODY_FILE: bodyFile, BARE_PATH: "/api/v1/communities/bench/announcements/feed.atom", BARE_TYPE: "application/atom+xml; charset=utf-8" }, barePort);
  const bareUrl = `http://127.0.0.1:${barePort}/api/v1/communities/bench/announcements/feed.atom`;
  if ((await (await fetch(bareUrl)).text()) !== body) throw new Error("the bare route does not serve the same bytes");
  await load(feedUrl, 2);
  await load(bareUrl, 2);
  const runs: { ours: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>> }[] = [];
  for (let i = 0; i < 3; i++) runs.push({ ours: await load(feedUrl, 6), bare: await load(bareUrl, 6) });
  await stop(bare);
  await stop(ours);
  rmSync(dataDir, { recursive: true, force: true });
  const oursRps = median(runs.map((r) => r.ours.rps));
  const bareRps = median(runs.map((r) => r.bare.rps));
  return [
    `Data: ${TALKS.toLocaleString("en-GB")} approved talks at ${EVENTS.toLocaleString("en-GB")} external events spread over the globe, and ${POSTS.toLocaleString("en-GB")} published announcements, in one community on PGlite (written in ${seedS.toFixed(0)} s).`,
    "",
    "Near me (target p99 < 50 ms): one client, 400 sequential requests after the first; \"first\" includes building the community's calendar index from the database.",
    "",
    table(["query", "first request", "p50", "p99", "p99 < 50 ms"], nearRows),
    "",
    `Atom feed of the community (target ≥ 0.8× the bare route): the newest 20 of ${POSTS.toLocaleString("en-GB")} posts, older ones on RFC 5005 pages (${body.length.toLocaleString("en-GB")} bytes), against a bare Fastify route serving the same bytes; autocannon in the bench process, 50 connections, three 6 s runs each after a 2 s warm-up, alternating.`,
    "",
    table(["req/s: ours / bare", "ratio", "p99: ours / bare"], [[`${oursRps.toFixed(0)} / ${bareRps.toFixed(0)}`, `${(oursRps / bareRps).toFixed(2)}×`, `${median(runs.map((r) => r.ours.p99))} ms / ${median(runs.map((r) => r.bare.p99))} ms`]]),
  ].join("\n");
}
