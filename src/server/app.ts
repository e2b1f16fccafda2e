import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import type { AppContext } from "./platform/context.js";
import { hitRateLimit } from "./platform/auth/index.js";
import { ping } from "./platform/db/index.js";
import { installErrorHandler } from "./platform/http/errors.js";
import { applySecurityHeaders, securityHeaderValues } from "./platform/http/headers.js";
import { localisedPages, pageLocale, reportI18nProblems } from "./platform/http/locale.js";
import { NotFoundError } from "./platform/errors.js";
import { msg } from "../shared/i18n/catalogue.js";
import { openApiDocument, referencePage } from "./platform/http/openapi.js";
import { Router } from "./platform/http/route.js";
import { webhookRegistry } from "./platform/webhooks/registry.js";
import { repoRoot, webDistDir } from "./platform/paths.js";
import { isPage } from "../shared/pages.js";

export interface BuiltApp {
  app: FastifyInstance;
  router: Router;
  /** Flip to make /readyz answer 503 while the process drains. */
  setDraining(): void;
}

const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

/** Vite names the files in assets/ by their content's hash: a new build never reuses a name. */
const IMMUTABLE = "public, max-age=31536000, immutable";

export async function buildApp(ctx: AppContext, opts: { serveWeb?: boolean; webDir?: string } = {}): Promise<BuiltApp> {
  // Fastify's generics follow the pino version it was given; the app is used as a plain instance.
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;
  installErrorHandler(app);
  reportI18nProblems(ctx.log);
  applySecurityHeaders(app, await securityHeaderValues({ https: ctx.config.baseUrl.startsWith("https://") }));
  // Responses built per request (JSON, the app page); the web app's files are compressed at
  // build time. A low Brotli quality: the best one costs more CPU than it saves in bytes.
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await app.register(cookie);
  // Mail programs send RFC 8058 one-click unsubscribes as a form; the router validates the fields like any body.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

  const router = new Router(app, ctx, (bucket, key, max, windowSeconds) => hitRateLimit(ctx, bucket, key, max, windowSeconds));
  for (const f of ctx.features) f.routes?.(router, ctx);

  let draining = false;
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_req, reply) => {
    if (draining) return reply.code(503).send({ status: "draining" });
    try {
      await ping(ctx.db);
      return { status: "ready", database: ctx.database.kind };
    } catch {
      return reply.code(503).send({ status: "database unreachable" });
    }
  });

  const doc = openApiDocument(router.routes, { version, baseUrl: ctx.config.baseUrl }, webhookRegistry(ctx.features).list());
  const reference = referencePage(doc);
  app.get("/api/v1/openapi.json", async () => doc);
  app.get("/api/v1/docs", async (_req, reply) => reply.type("text/html; charset=utf-8").send(reference));

  const webDir = opts.webDir ?? webDistDir;
  const webIndex = join(webDir, "index.html");
  const serveWeb = (opts.serveWeb ?? true) && existsSync(webIndex);
  if (serveWeb) {
    const publicMaps = ctx.config.publicSourceMaps;
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: "/",
      wildcard: false,
      index: false,
      // The .br and .gz files written by scripts/precompress.mjs, chosen by Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      // Source maps publish the source: served only when the operator says so.
      allowedPath: (pathname) => (publicMaps || !pathname.endsWith(".map")) && pathname !== "/index.html",
      setHeaders: (reply, sent) => {
        reply.header("cache-control", sent.includes("/assets/") ? IMMUTABLE : "public, max-age=3600");
        // Vite writes "hidden" maps (no comment in the file): the header links them only when public.
        const file = sent.replace(/\.(br|gz)$/, "");
        if (publicMaps && /\.(js|css)$/.test(file) && existsSync(`${file}.map`)) reply.header("sourcemap", `${file.slice(webDir.length)}.map`);
      },
    });
  }
  const pages = serveWeb ? localisedPages(readFileSync(webIndex, "utf8")) : undefined;
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split("?")[0]!;
    const wantsPage = (req.method === "GET" || req.method === "HEAD") && !path.startsWith("/api/") && pages !== undefined;
    // A page of the web app renders on the client, in the language the page is served in; any
    // other path is a 404, and a browser asking for one gets the app too, which shows its own
    // "not found" page.
    const html = wantsPage && (isPage(path) || /text\/html/.test(req.headers.accept ?? ""));
    if (!html) throw new NotFoundError(msg("errors.noSuchAddress", { method: req.method, path }));
    const locale = await pageLocale(ctx, req);
    return reply
      .code(isPage(path) ? 200 : 404)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("vary", "Cookie, Accept-Language")
      .header("content-language", locale)
      .send(pages![locale]);
  });

  return { app, router, setDraining: () => (draining = true) };
}
