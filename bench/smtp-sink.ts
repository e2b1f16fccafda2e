/**
 * A local SMTP server in its own process for the mail benchmark, so that receiving does not
 * compete with sending for one event loop: accepts every message and reports each
 * Message-ID with its arrival time (epoch ms) to the parent over IPC.
 */
import { SMTPServer } from "smtp-server";

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    let head = "";
    stream.on("data", (c: Buffer) => {
      if (head.length < 4096) head += c.toString("latin1");
    });
    stream.on("end", () => {
      const id = /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim();
      if (id) process.send!({ id, at: performance.timeOrigin + performance.now() });
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => process.send!({ port: (server.server.address() as { port: number }).port }));
process.on("disconnect", () => server.close(() => process.exit(0)));
