import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";

/**
 * A real HTTP receiver for the webhook tests and the benchmark: a node:http server on
 * 127.0.0.1 that records every request (arrival time, headers, raw body) and answers what
 * the test says: a status, after a delay, or never (to catch a sender mid-request).
 * Plain http: the tests allow 127.0.0.0/8 by WEBHOOK_ALLOW_PRIVATE, which is also what
 * lets an admin send webhooks over plain http inside their own network.
 */
export interface ReceivedWebhook {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: a status, `{ status, delayMs }`, or "hang" (hold the request open). */
export type Answer = number | { status: number; delayMs?: number; body?: string } | "hang";

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private answer: (r: ReceivedWebhook, n: number) => Answer = () => 204;
  private waiters: { n: number; resolve: () => void }[] = [];
  private readonly held = new Set<ServerResponse>();

  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => this.handle({ at: Date.now(), path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") }, res));
  });
  port = 0;

  private constructor() {}

  static async start(): Promise<WebhookReceiver> {
    const r = new WebhookReceiver();
    r.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => r.server.listen(0, "127.0.0.1", resolve));
    const addr = r.server.address();
    r.port = typeof addr === "object" && addr ? addr.port : 0;
    return r;
  }

  url(path = "/hook"): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Sets how the next requests are answered; `n` counts every request received so far, from 1. */
  respond(fn: (r: ReceivedWebhook, n: number) => Answer): void {
    this.answer = fn;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves once `n` requests in all have arrived. */
  waitFor(n: number, timeoutMs = 20_000): Promise<void> {
    if (this.received.length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`receiver got ${this.received.length} of ${n} requests within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
    });
  }

  private handle(r: ReceivedWebhook, res: ServerResponse): void {
    this.received.push(r);
    const a = this.answer(r, this.received.length);
    for (const w of this.waiters.filter((x) => this.received.length >= x.n)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
    if (a === "hang") {
      this.held.add(res);
      return;
    }
    const { status, delayMs = 0, body = "" } = typeof a === "number" ? { status: a } : a;
    const send = () => res.writeHead(status, { "content-type": "text/plain" }).end(body);
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
