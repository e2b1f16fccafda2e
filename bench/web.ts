/**
 * Web figures: bytes transferred and time to first render of the home page and the
 * registration queue on a cold cache, in Chromium (playwright-core), against the compiled
 * server with the demo data. Each page is loaded compressed (what a browser asks for) and
 * with `Accept-Encoding: identity` (what every response was before compression), side by
 * side in one run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { fmt, loadLine, median, table } from "./lib.js";

export const title = "Web: transferred bytes and first render, cold cache";

const RUNS = 5;
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3960);
const base = `http://127.0.0.1:${PORT}`;

async function startServer(): Promise<{ child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-bench-web-"));
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--liftoff-only", "dist/src/cli/run.js", "serve"], { env: { ...env, PORT: String(PORT), HOST: "127.0.0.1", PLENARY_DATA_DIR: dataDir, PLENARY_URL: base, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return { child, dataDir };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function organiserCookie(): Promise<{ name: string; value: string }[]> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "organiser@example.org", password: "plenary-demo" }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    return { name: pair!.slice(0, i), value: pair!.slice(i + 1) };
  });
}

interface Load {
  bytes: number;
  requests: number;
  fcpMs: number;
  encodings: Set<string>;
}

/** Lighthouse's "Slow 4G" profile: where compression shows in the time to first render. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function load(browser: Browser, path: string, waitFor: string, opts: { identity: boolean; slow: boolean; cookies: { name: string; value: string }[] }): Promise<Load> {
  // A new context has an empty cache: every byte the page needs crosses the wire.
  const context = await browser.newContext();
  if (opts.cookies.length) await context.addCookies(opts.cookies.map((c) => ({ ...c, url: base })));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (opts.identity) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
  if (opts.slow) await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  let bytes = 0;
  let requests = 0;
  const encodings = new Set<string>();
  cdp.on("Network.responseReceived", (e: { response: { headers: Record<string, string>; url: string } }) => {
    if (e.response.url.startsWith(base)) encodings.add(e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"] ?? "none");
  });
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  await page.locator(waitFor).first().waitFor();
  const fcpMs = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN);
  await context.close();
  return { bytes, requests, fcpMs, encodings };
}

export async function run(): Promise<string> {
  const loadNote = loadLine();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  try {
    const cookies = await organiserCookie();
    const pages = [
      { name: "Home page (/)", path: "/", waitFor: "main h1", cookies: [] },
      { name: "Registration queue (organiser)", path: "/communities/xen-project/events/hackathon-2014/registration/queue", waitFor: "main h1", cookies },
    ];
    const rows: (string | number)[][] = [];
    for (const p of pages) {
      for (const identity of [true, false]) {
        const runs: Load[] = [];
        const slow: Load[] = [];
        // One warm-up load: the server's first answer includes compiling its own routes.
        await load(browser, p.path, p.waitFor, { identity, slow: false, cookies: p.cookies });
        for (let i = 0; i < RUNS; i++) runs.push(await load(browser, p.path, p.waitFor, { identity, slow: false, cookies: p.cookies }));
        for (let i = 0; i < RUNS; i++) slow.push(await load(browser, p.path, p.waitFor, { identity, slow: true, cookies: p.cookies }));
        rows.push([
          p.name,
          identity ? "uncompressed (`Accept-Encoding: identity`)" : "compressed (browser default)",
          `${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} KiB`,
          median(runs.map((r) => r.requests)),
          fmt.ms(median(runs.map((r) => r.fcpMs))),
          fmt.ms(median(slow.map((r) => r.fcpMs))),
          [...new Set(runs.flatMap((r) => [...r.encodings]))].sort().join(", "),
        ]);
      }
    }
    return [
      table(["Page", "Responses", "Transferred", "Requests", "First paint, local", "First paint, Slow 4G", "Content-Encoding seen"], rows),
      "",
      `Chromium ${browser.version()} headless through playwright-core, a new browser context (empty cache) per load, cache disabled; transferred = the sum of \`encodedDataLength\` over the page's requests (headers included) until network idle; first contentful paint from the Performance API, on the loopback ("local") and under Chromium's network emulation with Lighthouse's Slow 4G profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up). Median of ${RUNS} loads after one warm-up. Server: \`node --liftoff-only dist/src/cli/run.js serve\` on a fresh PGlite data dir with the demo, on the same machine. ${loadNote}`,
    ].join("\n");
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    await new Promise((r) => server.child.once("exit", r));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
