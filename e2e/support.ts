/**
 * What the browser tests need around the app: a real SMTP peer that collects mail, the
 * built server as a child process on a free port with a fresh data directory, and
 * Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { freePort, SmtpPeer } from "../src/server/test-support/smtp.js";

export { decodeQuotedPrintable, freePort, parseMessage, SmtpPeer, type MailMessage } from "../src/server/test-support/smtp.js";

export const root = join(import.meta.dirname, "..");

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node dist/src/cli/run.js serve` and waits for /readyz; `opts` fix its port or add settings (sign-in providers). */
export async function startServer(smtpPort: number, opts: { port?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Never inherit a DATABASE_URL: the test owns its data.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), HOST: "127.0.0.1", PLENARY_DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PLENARY_URL: baseUrl, LOG_LEVEL: "warn", ...opts.env };
  const child = spawn(process.execPath, [join(root, "dist/src/cli/run.js"), "serve"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready within 90 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dataDir,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const t = setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

/** A cookie-carrying API client for set-up steps the test does directly (e.g. as the admin). */
export async function apiSession(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
}

export interface BrowserSuite {
  smtp: SmtpPeer;
  server: RunningServer;
  /** A page in a fresh browser context (own cookies), on the server's address. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** The page a failure screenshot should show. */
  watch(page: Page): void;
}

/**
 * One SMTP peer, one built server and one Chromium per test file, torn down after it; a
 * failing test leaves a full-page screenshot in /tmp and the server's last output.
 */
export function useBrowserSuite(serverOptions: Parameters<typeof startServer>[1] = {}): () => BrowserSuite {
  let smtp: SmtpPeer | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  let current: Page | undefined;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    server = await startServer(smtp.port, serverOptions);
    browser = await launchBrowser();
  });

  afterEach(async (ctx) => {
    if (current && ctx.task.result?.state === "fail") {
      const file = `/tmp/plenary-e2e-${ctx.task.name.replace(/[^a-z0-9]+/gi, "-")}-${Date.now()}.png`;
      await current.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`screenshot of the failure: ${file}\nserver output:\n${server?.output().slice(-4000)}`);
    }
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    current = undefined;
    // Every page ran under the server's Content-Security-Policy: anything it blocked is a bug.
    const blocked = cspViolations.splice(0);
    if (blocked.length) throw new Error(`the Content-Security-Policy blocked:\n${blocked.join("\n")}`);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await smtp?.close().catch(() => undefined);
  });

  return () => {
    if (!smtp || !server || !browser) throw new Error("browser suite not started");
    const b = browser;
    const baseURL = server.baseUrl;
    return {
      smtp,
      server,
      async newPage(viewport = { width: 1280, height: 900 }) {
        const context = await b.newContext({ baseURL, viewport });
        context.setDefaultTimeout(15_000);
        contexts.push(context);
        const page = await context.newPage();
        page.on("pageerror", (err) => console.error("page error:", err.message));
        page.on("console", (msg) => {
          if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${page.url()}: ${msg.text()}`);
        });
        current = page;
        return page;
      },
      watch(page) {
        current = page;
      },
    };
  };
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A subject pattern tested against the subject as a mail client shows it: RFC 2047 encoded
 * words ("=?UTF-8?Q?Best=C3=A4tigen_Sie?=", which a non-ASCII subject is sent as) decoded
 * first. For `SmtpPeer.waitForLink`'s `subject`, which tests the header as received.
 */
export function readSubject(pattern: RegExp): RegExp {
  return new (class extends RegExp {
    override test(s: string): boolean {
      return super.test(decodeEncodedWords(s));
    }
  })(pattern.source, pattern.flags);
}

/** Adjacent encoded words are one text (the space between them is not part of it), decoded as one byte string so a character split between words survives. */
function decodeEncodedWords(header: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  return header.replace(/=\?[^?]+\?[QqBb]\?[^?]*\?=(?:\s+=\?[^?]+\?[QqBb]\?[^?]*\?=)*/g, (run) => {
    let charset = "utf-8";
    const bytes: Buffer[] = [];
    for (const [, cs = "utf-8", enc = "Q", text = ""] of run.matchAll(word)) {
      charset = cs;
      bytes.push(enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), "latin1"));
    }
    return new TextDecoder(charset).decode(Buffer.concat(bytes));
  });
}
