import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import type { AppContext } from "./platform/context.js";
import { hitRateLimit } from "./platform/auth/index.js";
import { ping } from "./platform/db/index.js";
import { installErrorHandler } from "./platform/http/errors.js";
import { localisedPages, pageLocale, reportI18nProblems } from "./platform/http/locale.js";
import { NotFoundError } from "./platform/errors.js";
import { msg } from "../shared/i18n/catalogue.js";
import { openApiDocument, referencePage } from "./platform/http/openapi.js";
import { Router } from "./platform/http/route.js";
import { webhookRegistry } from "./platform/webhooks/registry.js";
import { repoRoot, webDistDir } from "./platform/paths.js";

export interface BuiltApp {
  app: FastifyInstance;
  router: Router;
  /** Flip to make /readyz answer 503 while the process drains. */
  setDraining(): void;
}

const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

export async function buildApp(ctx: AppContext, opts: { serveWeb?: boolean } = {}): Promise<BuiltApp> {
  // Fastify's generics follow the pino version it was given; the app is used as a plain instance.
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;
  installErrorHandler(app);
  reportI18nProblems(ctx.log);
  await app.register(cookie, { secret: ctx.secrets.session });
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

  const webIndex = join(webDistDir, "index.html");
  const serveWeb = (opts.serveWeb ?? true) && existsSync(webIndex);
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDistDir, prefix: "/", wildcard: false, index: false, maxAge: "1h", immutable: false });
  }
  const pages = serveWeb ? localisedPages(readFileSync(webIndex, "utf8")) : undefined;
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith("/api/") || req.method !== "GET" || !pages) {
      throw new NotFoundError(msg("errors.noSuchAddress", { method: req.method, path: req.url.split("?")[0] }));
    }
    // Every other page is the web app's: it routes on the client, in the language the page is served in.
    const locale = await pageLocale(ctx, req);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").header("vary", "Cookie, Accept-Language").header("content-language", locale).send(pages[locale]);
  });

  return { app, router, setDraining: () => (draining = true) };
}
