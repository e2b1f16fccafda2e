import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface Received {
  to: string[];
  raw: string;
  messageId: string | undefined;
}

/** A real SMTP peer for tests: accepts everything, or fails the next N messages on demand. */
export async function startSmtpPeer() {
  const received: Received[] = [];
  let failNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (d: string) => (raw += d));
      stream.on("end", () => {
        if (failNext > 0) {
          failNext--;
          const err = Object.assign(new Error("mailbox temporarily unavailable"), { responseCode: 451 });
          return callback(err);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (n: number) => (failNext = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The body of a message with quoted-printable soft breaks and escapes undone. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
