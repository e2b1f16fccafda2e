import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * Every setting Plenary reads, validated once at start so that a bad value stops the
 * process with a message naming the variable instead of failing later mid-request.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  // Not BASE_URL: Vite and Vitest set that one to "/" in every process they start.
  PLENARY_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PLENARY_DATA_DIR: z.string().min(1).default("./data"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Plenary <plenary@localhost>"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  PLENARY_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  BODY_LIMIT: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  // Webhook endpoints on loopback, private, link-local or metadata addresses are refused unless
  // the admin names their networks here; plain http is accepted only to these networks.
  WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((n) => ipaddr.isValidCIDR(n) || ipaddr.isValid(n)), "must be a comma-separated list of addresses or networks, e.g. 127.0.0.0/8,::1/128")
    .transform((list) => list.map((n) => (n.includes("/") ? n : `${n}/${ipaddr.parse(n).kind() === "ipv4" ? 32 : 128}`)))
    .default([]),
});

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  /** Secure cookies only when the public URL is HTTPS: a plain-HTTP demo must still sign in. */
  secureCookies: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  trustProxy: boolean;
  demo: boolean;
  bodyLimit: number;
  /** Networks (CIDR) that webhook deliveries may reach although they are not public. */
  webhookAllowPrivate: readonly string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Plenary cannot start, its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Secrets generated on first start live in the data dir, never in the repository. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = z.object({ sessionSecret: z.string().min(32) }).safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new ConfigError([`${file}: sessionSecret is missing or shorter than 32 characters`]);
    return parsed.data.sessionSecret;
  }
  mkdirSync(dataDir, { recursive: true });
  const sessionSecret = randomBytes(32).toString("base64url");
  writeFileSync(file, JSON.stringify({ sessionSecret }, null, 2) + "\n", { mode: 0o600 });
  return sessionSecret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty variables are treated as unset: `FOO= npm start` should mean "no FOO".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? "?");
        const raw = cleaned[name];
        return `${name}: ${i.message}${raw !== undefined && !/SECRET|URL/.test(name) ? ` (got '${raw}')` : ""}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? e.PLENARY_DATA_DIR);
  const port = overrides.port ?? e.PORT;
  const baseUrl = (overrides.baseUrl ?? e.PLENARY_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  return {
    port,
    host: e.HOST,
    baseUrl,
    secureCookies: baseUrl.startsWith("https://"),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: overrides.sessionSecret ?? e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    demo: e.PLENARY_DEMO,
    bodyLimit: e.BODY_LIMIT,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    ...overrides,
  };
}
