import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP peer for the tests that send mail, the server's and the browser's: it
 * collects what it receives, decoded enough to read our own mails, and can refuse on demand.
 */
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
  messageId: string | undefined;
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The decoded bodies of every text part (text/plain and text/html). */
  text: string;
  /** The name the client gave in EHLO (nodemailer's `name` option): which process sent it. */
  client: string;
}

export interface SmtpPeerOptions {
  /**
   * A slow server: wait this long after the message's data before answering. A message
   * counts as received only if the answer reaches a client still connected, as with a real
   * server, which discards what it had not accepted when the connection drops.
   */
  delayMs?: number;
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
  private failing = 0;
  private waiters: (() => void)[] = [];
  private readonly server: SMTPServer;
  private readonly closed = new Set<string>();
  /** Messages whose data has arrived and whose answer is still being delayed, by client name. */
  readonly answering = new Map<string, number>();
  private constructor(
    readonly port: number,
    opts: SmtpPeerOptions,
  ) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onClose: (session) => void this.closed.add(session.id),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          if (this.failing > 0) {
            this.failing--;
            return callback(Object.assign(new Error("mailbox temporarily unavailable"), { responseCode: 451 }));
          }
          const client = session.hostNameAppearsAs ?? "";
          const accept = () => {
            this.answering.set(client, (this.answering.get(client) ?? 0) - 1);
            if (this.closed.has(session.id)) return;
            const { subject, text } = parseMessage(raw);
            this.messages.push({
              messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim(),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              subject,
              text,
              client,
            });
            for (const w of this.waiters.splice(0)) w();
            callback();
          };
          this.answering.set(client, (this.answering.get(client) ?? 0) + 1);
          if (opts.delayMs) setTimeout(accept, opts.delayMs);
          else accept();
        });
      },
    });
  }

  static async start(opts: SmtpPeerOptions = {}): Promise<SmtpPeer> {
    const peer = new SmtpPeer(await freePort(), opts);
    await new Promise<void>((resolve, reject) => {
      peer.server.once("error", reject);
      peer.server.listen(peer.port, "127.0.0.1", () => resolve());
    });
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers the next `n` messages with a temporary failure (451), as a busy server would. */
  failNext(n: number): void {
    this.failing = n;
  }

  /** Waits for a message to `to` (and with a matching subject, if given) whose decoded text matches `pattern`; returns the first match. */
  async waitForLink(to: string, pattern: RegExp, opts: { subject?: RegExp; timeoutMs?: number } = {}): Promise<string> {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const m of this.messages) {
        if (!m.to.some((a) => a.toLowerCase() === to.toLowerCase())) continue;
        if (opts.subject && !opts.subject.test(m.subject)) continue;
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

