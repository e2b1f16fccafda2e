/**
 * What the browser tests need around the app: a real SMTP peer that collects mail, the
 * built server as a child process on a free port with a fresh data directory, and
 * Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { chromium, type Browser } from "playwright-core";

export const root = join(import.meta.dirname, "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Quoted-printable → text: soft line breaks (`=\r\n`) and `=XX` escapes. */
export function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const hex = src.slice(i + 1, i + 3);
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(c, "utf8")) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export interface MailMessage {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The decoded bodies of every text part (text/plain and text/html). */
  text: string;
}

/** Enough MIME for our own mails: split parts, undo QP or base64 per part. */
export function parseMessage(raw: string): { subject: string; text: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = /^subject:\s*(.*)$/im.exec(unfolded)?.[1]?.trim() ?? "";
  const body = rest.join("\r\n\r\n");
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const chunks: string[] = [];
  const decodePart = (partHead: string, partBody: string) => {
    const enc = /content-transfer-encoding:\s*([\w-]+)/i.exec(partHead)?.[1]?.toLowerCase();
    if (enc === "quoted-printable") return decodeQuotedPrintable(partBody);
    if (enc === "base64") return Buffer.from(partBody.replace(/\s+/g, ""), "base64").toString("utf8");
    return partBody;
  };
  if (boundary) {
    // Nested multiparts (alternative inside mixed) are split by every boundary found.
    const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const parts = raw.split(new RegExp(`--(?:${boundaries.join("|")})(?:--)?`));
    for (const part of parts.slice(1)) {
      const idx = part.search(/\r?\n\r?\n/);
      if (idx < 0) continue;
      const partHead = part.slice(0, idx);
      if (!/content-type:\s*text\//i.test(partHead)) continue;
      chunks.push(decodePart(partHead, part.slice(idx).trim()));
    }
  } else {
    chunks.push(decodePart(unfolded, body));
  }
  return { subject, text: chunks.join("\n") };
}

export class SmtpPeer {
  readonly messages: MailMessage[] = [];
  private waiters: (() => void)[] = [];
  private readonly server: SMTPServer;
  private constructor(readonly port: number) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const { subject, text } = parseMessage(raw);
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject,
            text,
          });
          for (const w of this.waiters.splice(0)) w();
          callback();
        });
      },
    });
  }

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer(await freePort());
    await new Promise<void>((resolve, reject) => {
      peer.server.once("error", reject);
      peer.server.listen(peer.port, "127.0.0.1", () => resolve());
    });
    return peer;
  }

  /** Waits for a message to `to` whose decoded text matches `pattern`; returns the first match. */
  async waitForLink(to: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const m of this.messages) {
        if (!m.to.some((a) => a.toLowerCase() === to.toLowerCase())) continue;
        const hit = pattern.exec(m.text);
        if (hit) return hit[0];
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms (got ${this.messages.length}: ${this.messages.map((m) => `${m.to.join(",")} "${m.subject}"`).join("; ")})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node dist/src/cli/run.js serve` and waits for /readyz. */
export async function startServer(smtpPort: number): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "plenary-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  // The server reads its public address from PLENARY_URL (Vitest sets BASE_URL to "/" in
  // every process); both are given. Never inherit a DATABASE_URL: the test owns its data.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), HOST: "127.0.0.1", PLENARY_DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PLENARY_URL: baseUrl, BASE_URL: baseUrl, LOG_LEVEL: "warn" };
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
