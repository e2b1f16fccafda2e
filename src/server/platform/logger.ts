import pino, { type Logger } from "pino";
import type { Config } from "./config.js";

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: undefined, redact: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-csrf-token']"] });
}
