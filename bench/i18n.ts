/**
 * What internationalisation costs: this build against the last build before it (commit
 * 636dfba, the landed state before the ICU catalogues), both compiled, on fresh PGlite data
 * dirs with the demo, measured side by side in one run:
 * - the server: the app page (`/`, localised per request), the event list API and an API
 *   error (a localised message), under load, alternating between the two servers;
 * - the browser: first contentful paint of the home page on a cold cache, where the web app
 *   now loads its catalogue before its first render.
 * Ours is asked in German (`Accept-Language: de`), the heavier path: negotiation, the German
 * catalogue, formatted messages. The baseline ignores the header.
 * The baseline is built once into bench/.baseline/<commit> (git archive, npm ci, build).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { chromium, type Browser } from "playwright-core";
import { fmt, loadLine, median, table } from "./lib.js";

export const title = "Internationalisation: page and API cost against the build before it";

const BASELINE = process.env.BENCH_I18N_BASELINE ?? "636dfba";
const RUNS = 3;
const SECONDS = 6;

/** Builds the baseline commit once; returns its folder. */
function baselineBuild(): string {
  const sha = execFileSync("git", ["rev-parse", "--short", BASELINE], { encoding: "utf8" }).trim();
  const dir = resolve("bench/.baseline", sha);
  if (existsSync(join(dir, "dist/src/cli/run.js"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.error(`bench i18n: building the baseline ${sha} in ${dir} …`);
  execFileSync("sh", ["-c", `git archive ${sha} | tar -x -C "${dir}"`], { stdio: "inherit" });
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  execFileSync("node", ["scripts/build.mjs", "--force"], { cwd: dir, stdio: "inherit" });
  return dir;
}

interface Server {
  name: string;
  base: string;
  child: ChildProcess;
  dataDir: string;
}

async function startServer(name: string, cwd: string, port: number): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-i18n-"));
  const base = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--liftoff-only", "dist/src/cli/run.js", "serve"], { cwd, env: { ...env, PORT: String(port), HOST: "127.0.0.1", PLENARY_DATA_DIR: dataDir, PLENARY_URL: base, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} server exited with ${child.exitCode}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return { name, base, child, dataDir };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(s: Server): Promise<void> {
  const exited = new Promise((r) => s.child.once("exit", r));
  s.child.kill("SIGTERM");
  await exited;
  rmSync(s.dataDir, { recursive: true, force: true });
}

const ENDPOINTS = [
  { name: "app page `/` (HTML)", path: "/", headers: { accept: "text/html" }, status: 200 },
  { name: "event list `GET /api/v1/events`", path: "/api/v1/events", headers: { accept: "application/json" }, status: 200 },
  { name: "API error `GET /api/v1/communities/nope` (404)", path: "/api/v1/communities/nope", headers: { accept: "application/json" }, status: 404 },
] as const;

async function hammer(base: string, e: (typeof ENDPOINTS)[number], seconds: number): Promise<{ rps: number; p50: number; p99: number }> {
  const r = await autocannon({ url: `${base}${e.path}`, connections: 20, duration: seconds, headers: { ...e.headers, "accept-language": "de-DE,de;q=0.9" } });
  const wrong = e.status === 200 ? r.non2xx : r["2xx"];
  if (wrong || r.errors) throw new Error(`${base}${e.path}: ${wrong} unexpected statuses, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

async function firstPaint(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  await page.locator("main h1").first().waitFor();
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN);
  await context.close();
  return fcp;
}

export async function run(): Promise<string> {
  const loadNote = loadLine();
  const baselineDir = baselineBuild();
  const ours = await startServer("ours", process.cwd(), Number(process.env.BENCH_I18N_PORT ?? 3970));
  const before = await startServer("baseline", baselineDir, Number(process.env.BENCH_I18N_PORT ?? 3970) + 1);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  try {
    const rows: (string | number)[][] = [];
    for (const e of ENDPOINTS) {
      await hammer(ours.base, e, 2);
      await hammer(before.base, e, 2);
      const a: Awaited<ReturnType<typeof hammer>>[] = [];
      const b: Awaited<ReturnType<typeof hammer>>[] = [];
      for (let i = 0; i < RUNS; i++) {
        a.push(await hammer(ours.base, e, SECONDS));
        b.push(await hammer(before.base, e, SECONDS));
      }
      const [ra, rb] = [median(a.map((x) => x.rps)), median(b.map((x) => x.rps))];
      rows.push([e.name, `${ra.toFixed(0)} / ${rb.toFixed(0)}`, fmt.ratio(ra / rb), `${median(a.map((x) => x.p50))} / ${median(b.map((x) => x.p50))} ms`, `${median(a.map((x) => x.p99))} / ${median(b.map((x) => x.p99))} ms`]);
    }
    const paints = { ours: [] as number[], before: [] as number[] };
    await firstPaint(browser, ours.base);
    await firstPaint(browser, before.base);
    for (let i = 0; i < 5; i++) {
      paints.ours.push(await firstPaint(browser, ours.base));
      paints.before.push(await firstPaint(browser, before.base));
    }
    const [pa, pb] = [median(paints.ours), median(paints.before)];
    rows.push(["home page, first contentful paint in Chromium (cold cache, median of 5)", "—", fmt.ratio(pb / pa), `${fmt.ms(pa)} / ${fmt.ms(pb)}`, "—"]);
    return [
      `Target: with i18n on, no more than 5 % slower than before (a ratio of at least 0.95×; for the paint, the ratio is before / ours). Baseline: commit \`${BASELINE}\`, built in \`bench/.baseline/\`.`,
      "",
      table(["what", "req/s: ours / before", "ratio", "p50: ours / before", "p99: ours / before"], rows),
      "",
      `Both servers compiled (\`node --liftoff-only dist/src/cli/run.js serve\`) on fresh PGlite data dirs with the demo, on the same machine; autocannon with 20 connections, ${RUNS} runs of ${SECONDS} s per server after a 2 s warm-up, alternating, medians shown; requests carry \`Accept-Language: de-DE\`. Chromium ${browser.version()} headless with a de-DE browser locale. ${loadNote}`,
    ].join("\n");
  } finally {
    await browser.close();
    await stopServer(ours);
    await stopServer(before);
  }
}
