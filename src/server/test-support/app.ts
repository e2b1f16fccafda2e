import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../app.js";
import { InProcessBus, PostgresBus, type Bus } from "../platform/bus.js";
import { loadConfig, type Config } from "../platform/config.js";
import type { AppContext } from "../platform/context.js";
import type { Router } from "../platform/http/route.js";
import { testDatabase } from "./db.js";
import { assembleContext } from "../runtime.js";

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  router: Router;
  /** Moves the clock the services see. */
  advance(ms: number): void;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp & { close(): Promise<void> }> {
  const database = await testDatabase();
  const config = loadConfig({}, { dataDir: mkdtempSync(join(tmpdir(), "plenary-test-")), sessionSecret: "x".repeat(40), baseUrl: "http://plenary.test", logLevel: "silent", ...overrides });
  const bus: Bus = database.kind === "postgres" ? await PostgresBus.connect(process.env.TEST_DATABASE_URL!, database.schema) : new InProcessBus();
  let offset = 0;
  const ctx: AppContext = await assembleContext(config, database, bus, { log: pino({ level: "silent" }), now: () => new Date(Date.now() + offset) });
  const { app, router } = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  return {
    ctx,
    app,
    router,
    advance: (ms) => (offset += ms),
    async close() {
      await app.close();
      await bus.close();
      await database.drop();
    },
  };
}

/** One app per test file, closed after it: `const t = useTestApp();` then `t().app` inside tests. */
export function useTestApp(overrides: Partial<Config> = {}): () => TestApp {
  let instance: (TestApp & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    instance = await createTestApp(overrides);
  });
  afterAll(async () => instance?.close());
  return () => {
    if (!instance) throw new Error("test app not ready");
    return instance;
  };
}

/** Another app on the same context and database: as far as shared state goes, a second process. */
export async function secondApp(ctx: AppContext): Promise<FastifyInstance> {
  const { app } = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  return app;
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
