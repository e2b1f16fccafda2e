import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";

/**
 * The security headers of every response (helmet's, worked out once): a Content-Security-Policy
 * that lets pages run only our own scripts, never be framed, and post forms only to us;
 * `X-Frame-Options: DENY` for browsers without frame-ancestors; nosniff; and a referrer
 * policy that keeps status-link tokens (in the query) from leaving the site.
 *
 * Inline styles stay allowed: the local mailbox previews mail HTML (inline-styled, as mail
 * must be) in a sandboxed srcdoc frame, which inherits this policy. Scripts, the XSS vector,
 * are 'self' only. Images may come from any HTTPS host: the road calendar's map tiles
 * (OpenStreetMap), announcements' cover images and the images authors put in Markdown.
 */
const DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "https:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

function securityHeaders(opts: { https: boolean }): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      // Upgrading requests on a plain-HTTP instance (a LAN demo) would break every asset.
      directives: opts.https ? { ...DIRECTIVES, "upgrade-insecure-requests": [] } : DIRECTIVES,
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // Only meaningful over HTTPS; over HTTP browsers ignore it.
    strictTransportSecurity: opts.https ? { maxAge: 31536000 } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/** The headers a response carries from `register`, by name. */
async function headersOf(register: (app: FastifyInstance) => PromiseLike<unknown>): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await register(probe);
  probe.get("/", async () => "");
  const res = await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  return Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
}

/**
 * The security headers, worked out once. They are the same on every response, but
 * @fastify/helmet builds helmet's middleware anew for each request (a fifth of the time of
 * serving a small feed). So helmet itself is asked once, on a probe instance, and the
 * headers it sets (those a bare probe does not) are set as they are by `applySecurityHeaders`.
 */
export async function securityHeaderValues(opts: { https: boolean }): Promise<[string, string][]> {
  const bare = await headersOf(async () => undefined);
  const withHelmet = await headersOf((app) => app.register(helmet, securityHeaders(opts)));
  return Object.entries(withHelmet).filter(([name]) => !(name in bare));
}

/** Sets the headers on every response, before its handler runs (so a handler may still change one, as `allowEmbedding` does). */
export function applySecurityHeaders(app: FastifyInstance, headers: readonly [string, string][]): void {
  app.addHook("onRequest", (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/**
 * The one deliberate exception: a response meant to be embedded in other sites (the
 * widgets to come) calls this in its handler. It allows framing by `ancestors` (origins,
 * or "*" for any site) and cross-origin loading, and keeps every other protection.
 */
export function allowEmbedding(reply: FastifyReply, ancestors: readonly string[] = ["*"]): void {
  reply.header("content-security-policy", policy({ ...DIRECTIVES, "frame-ancestors": [...ancestors] }));
  // Helmet set it on the raw response before the handler ran.
  reply.raw.removeHeader("x-frame-options");
  reply.header("cross-origin-resource-policy", "cross-origin");
}
