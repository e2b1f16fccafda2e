import { ConfigError, loadConfig } from "./platform/config.js";
import { buildApp } from "./app.js";
import { openContext, startMailWorker } from "./runtime.js";
import { seedDemoIfEmpty } from "./features/demo/index.js";

/** `npm start`: migrate, seed the demo on an empty instance, serve, and drain on SIGTERM. */
export async function serve(argv: string[] = []): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, argv.includes("--no-demo") ? { demo: false } : {});
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = performance.now();
  const ctx = await openContext(config);
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(ctx);
    if (seeded) {
      console.log("\nDemo data loaded: the Xen Project's 2014 events. Demo sign-ins (password for all: %s):", seeded.password);
      for (const a of seeded.accounts) console.log(`  ${a.email.padEnd(28)} ${a.role}`);
      console.log("");
    }
  }
  const { app, setDraining } = await buildApp(ctx);
  const worker = await startMailWorker(ctx);
  const background = ctx.features.flatMap((f) => (f.background ? [f.background(ctx)] : []));
  await app.listen({ port: config.port, host: config.host });
  ctx.log.info({ url: config.baseUrl, database: ctx.database.kind, readyMs: Math.round(performance.now() - started) }, "Plenary is ready");
  console.log(`Plenary is serving on ${config.baseUrl} (database: ${ctx.database.kind === "pglite" ? `embedded, in ${config.dataDir}` : "PostgreSQL"}${config.smtpUrl ? "" : "; mail goes to the local mailbox at /dev/mail"})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, "shutting down: finishing requests in flight");
    setDraining();
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await Promise.all(background.map((b) => b.stop()));
    await worker.stop();
    await ctx.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
