import { isIP } from "node:net";
import { resolve } from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/** A yes/no variable: true, false, 1 or 0. */
const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback)
    .transform((v) => v === "true" || v === "1");

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
  // Simultaneous SMTP connections (a pool); some providers allow only a few.
  SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  MAIL_FROM: z.string().min(3).default("Plenary <plenary@localhost>"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.string().default("false").transform(parseTrustProxy),
  PLENARY_DEMO: flag("true"),
  // Source maps of the web app, for debugging in production: off, since they publish the source.
  PLENARY_PUBLIC_SOURCE_MAPS: flag("false"),
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
  smtpConnections: number;
  mailFrom: string;
  /** SESSION_SECRET: the status-link key of an instance set up before keys moved into the database (db/secrets.ts). */
  sessionSecret: string | undefined;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** The proxies whose X-Forwarded-For is believed (addresses, CIDR ranges or proxy-addr's names), or none. */
  trustProxy: false | string[];
  /** Sign-in providers (OpenID Connect), in the order their buttons appear. */
  oidcProviders: OidcProviderConfig[];
  demo: boolean;
  bodyLimit: number;
  /** Networks (CIDR) that webhook deliveries may reach although they are not public. */
  webhookAllowPrivate: readonly string[];
  publicSourceMaps: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Plenary cannot start, its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty variables are treated as unset: `FOO= npm start` should mean "no FOO".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  const oidc = parseOidcProviders(cleaned);
  if (!parsed.success || oidc.problems.length) {
    throw new ConfigError([
      ...(parsed.error?.issues ?? []).map((i) => {
        const name = String(i.path[0] ?? "?");
        const raw = cleaned[name];
        return `${name}: ${i.message}${raw !== undefined && !/SECRET|URL/.test(name) ? ` (got '${raw}')` : ""}`;
      }),
      ...oidc.problems,
    ]);
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
    smtpConnections: e.SMTP_CONNECTIONS,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    oidcProviders: oidc.providers,
    demo: e.PLENARY_DEMO,
    bodyLimit: e.BODY_LIMIT,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    publicSourceMaps: e.PLENARY_PUBLIC_SOURCE_MAPS,
    ...overrides,
  };
}

/**
 * TRUST_PROXY names the reverse proxies in front of Plenary: a comma-separated list of
 * addresses and CIDR ranges (and proxy-addr's names `loopback`, `linklocal`, `uniquelocal`).
 * Only a request arriving from one of them has its X-Forwarded-For believed, hop by hop, so a
 * client cannot pick its own address and escape the rate limits. `false` means no proxy;
 * `true` (trust whoever sends the header) is refused, because it is exactly that hole.
 */
function parseTrustProxy(raw: string, ctx: z.RefinementCtx): false | string[] {
  const v = raw.trim().toLowerCase();
  if (v === "false" || v === "0" || v === "none") return false;
  if (v === "true" || v === "1") {
    ctx.addIssue({ code: "custom", message: "'true' would believe any client's X-Forwarded-For, so anyone could choose their address; list your proxies instead, e.g. TRUST_PROXY=127.0.0.1 or TRUST_PROXY=10.0.0.0/8,loopback" });
    return z.NEVER;
  }
  const entries = raw.split(",").map((x) => x.trim()).filter(Boolean);
  const bad = entries.filter((entry) => {
    if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return false;
    const [addr, prefix, ...rest] = entry.split("/");
    const family = isIP(addr ?? "");
    if (!family || rest.length) return true;
    return prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  if (bad.length || !entries.length) {
    ctx.addIssue({ code: "custom", message: `not an address or CIDR range: ${bad.length ? bad.map((b) => `'${b}'`).join(", ") : "(empty)"}; use e.g. 127.0.0.1,10.0.0.0/8, or false` });
    return z.NEVER;
  }
  return entries;
}

export interface OidcProviderConfig {
  /** In the addresses of its routes (`/auth/oidc/{id}/…`) and its variables' names. */
  id: string;
  /** The button label: "Sign in with {name}". */
  name: string;
  issuer: string;
  clientId: string;
  /** None for a public client (PKCE alone). */
  clientSecret: string | undefined;
  /** The variable that set `issuer`, for messages about it later (discovery at start). */
  issuerVariable: string;
}

const OIDC_SETTINGS = ["ISSUER", "CLIENT_ID", "CLIENT_SECRET", "NAME"] as const;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Sign-in providers. One provider: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (optional
 * for a public client) and OIDC_NAME (the button label; the issuer's host name by default).
 * Several: OIDC_PROVIDERS=gitlab,keycloak lists their ids, and each takes the same settings
 * with its id in the name: OIDC_GITLAB_ISSUER, OIDC_KEYCLOAK_CLIENT_ID, … The redirect URI to
 * register at the provider is PLENARY_URL/auth/oidc/{id}/callback (the id is `oidc` for the
 * single form). Only the form of each value is checked here; whether the issuer answers is
 * found out at the first sign-in (a provider that is down must not stop Plenary starting).
 */
function parseOidcProviders(env: Record<string, string | undefined>): { providers: OidcProviderConfig[]; problems: string[] } {
  const problems: string[] = [];
  const listed = env.OIDC_PROVIDERS?.split(",").map((x) => x.trim()).filter(Boolean);
  const unprefixed = OIDC_SETTINGS.filter((k) => env[`OIDC_${k}`] !== undefined).map((k) => `OIDC_${k}`);
  let ids: { id: string; prefix: string }[];
  if (listed) {
    for (const name of unprefixed) problems.push(`${name}: OIDC_PROVIDERS is set, so give each provider's settings with its id, e.g. OIDC_${(listed[0] ?? "ID").toUpperCase().replace(/-/g, "_")}_${name.slice(5)}`);
    const badIds = listed.filter((id) => !/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/.test(id));
    if (badIds.length) problems.push(`OIDC_PROVIDERS: ids are lowercase letters, digits and inner hyphens (got ${badIds.map((b) => `'${b}'`).join(", ")})`);
    const dupes = listed.filter((id, i) => listed.indexOf(id) !== i);
    if (dupes.length) problems.push(`OIDC_PROVIDERS: '${dupes[0]}' is listed twice`);
    ids = listed.map((id) => ({ id, prefix: `OIDC_${id.toUpperCase().replace(/-/g, "_")}_` }));
  } else {
    ids = unprefixed.length ? [{ id: "oidc", prefix: "OIDC_" }] : [];
  }
  // A provider's settings under an id that is not listed would be silently ignored: say so.
  const known = new Set(ids.flatMap(({ prefix }) => OIDC_SETTINGS.map((k) => prefix + k)));
  for (const name of Object.keys(env)) {
    if (/^OIDC_[A-Z0-9_]+_(ISSUER|CLIENT_ID|CLIENT_SECRET|NAME)$/.test(name) && !known.has(name) && !unprefixed.includes(name)) {
      problems.push(`${name}: no provider of that id is listed in OIDC_PROVIDERS${listed ? ` (${listed.join(",")})` : ""}`);
    }
  }
  const providers: OidcProviderConfig[] = [];
  for (const { id, prefix } of ids) {
    const issuer = env[`${prefix}ISSUER`];
    const clientId = env[`${prefix}CLIENT_ID`];
    let url: URL | undefined;
    if (!issuer) problems.push(`${prefix}ISSUER: required for the sign-in provider '${id}' (the issuer URL, e.g. https://gitlab.example.org)`);
    else {
      try {
        url = new URL(issuer);
      } catch {
        problems.push(`${prefix}ISSUER: not a URL (got '${issuer}')`);
      }
      if (url && !(url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)))) {
        problems.push(`${prefix}ISSUER: must be an https:// URL (http:// only on localhost), got '${issuer}'`);
        url = undefined;
      } else if (url && (url.search || url.hash)) {
        problems.push(`${prefix}ISSUER: an issuer has no query or fragment (got '${issuer}')`);
        url = undefined;
      }
    }
    if (!clientId) problems.push(`${prefix}CLIENT_ID: required for the sign-in provider '${id}'`);
    if (issuer && url && clientId) providers.push({ id, name: env[`${prefix}NAME`] ?? url.hostname, issuer, clientId, clientSecret: env[`${prefix}CLIENT_SECRET`], issuerVariable: `${prefix}ISSUER` });
  }
  return { providers, problems };
}
