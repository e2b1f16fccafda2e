import { ConfigError, loadConfig } from "./platform/config.js";
import type { AppContext } from "./platform/context.js";
import { DataFolderInUseError } from "./platform/db/lock.js";
import { withStartupLock } from "./platform/db/migrate.js";
import { buildApp } from "./app.js";
import { openContext, startMailWorker } from "./runtime.js";
import { seedDemoIfEmpty } from "./features/demo/index.js";

/** How long a stop may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * `npm start`: migrate, seed the demo on an empty instance, serve, and drain on SIGTERM or
 * SIGINT. A start that fails at any step exits non-zero: a process that neither listens nor
 * exits looks alive to a supervisor while serving nothing.
 */
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
  const stops: (() => Promise<void>)[] = [];
  // Undo what has started, newest first, each step on its own: one failure does not keep the rest open.
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  // Listening for signals from the start: a supervisor may stop a process still starting.
  // The start finishes first (a migration is not cut in half), then the stop runs.
  let ready = false;
  let pending: NodeJS.Signals | undefined;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping || pending) {
      // A second Ctrl-C: the operator does not want to wait.
      console.error(`${signal} again: exiting without finishing the drain`);
      process.exit(1);
    }
    if (ready) void stop(signal);
    else pending = signal;
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  let ctx: AppContext;
  let setDraining: () => void;
  try {
    const opened = await openContext(config);
    ctx = opened;
    stops.push(() => opened.close());
    if (config.demo) {
      // Under the migration lock: a second process starting on the same empty database waits, then skips.
      const seeded = await withStartupLock(ctx.database, () => seedDemoIfEmpty(ctx));
      if (seeded) {
        console.log("\nDemo data loaded: the Xen Project's 2014 events. Demo sign-ins (password for all: %s):", seeded.password);
        for (const a of seeded.accounts) console.log(`  ${a.email.padEnd(28)} ${a.role}`);
        console.log("");
      }
    }
    const built = await buildApp(ctx);
    setDraining = built.setDraining;
    const worker = await startMailWorker(ctx);
    stops.push(() => worker.stop());
    for (const f of ctx.features) {
      if (!f.background) continue;
      const job = f.background(ctx);
      stops.push(() => job.stop());
    }
    // Last in, so first out on shutdown: stop listening and finish requests in flight first.
    stops.push(() => built.app.close());
    await built.app.listen({ port: config.port, host: config.host });
  } catch (err) {
    console.error(`Plenary could not start: ${err instanceof ConfigError || err instanceof DataFolderInUseError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    await stopAll();
    process.exit(1);
  }
  ctx.log.info({ url: config.baseUrl, database: ctx.database.kind, readyMs: Math.round(performance.now() - started) }, "Plenary is ready");
  console.log(`Plenary is serving on ${config.baseUrl} (database: ${ctx.database.kind === "pglite" ? `embedded, in ${config.dataDir}` : "PostgreSQL"}${config.smtpUrl ? "" : "; mail goes to the local mailbox at /dev/mail"})`);

  async function stop(signal: NodeJS.Signals) {
    stopping = true;
    ctx.log.info({ signal }, "shutting down: finishing requests in flight");
    setDraining();
    const force = setTimeout(() => {
      ctx.log.error("shutdown took too long: exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Stop listening and finish requests in flight, then the jobs and the mail worker (the
    // mails being sent finish, claimed rows go back to the queue), then the database.
    await stopAll();
    ctx.log.info("stopped");
    process.exit(0);
  }
  ready = true;
  if (pending) await stop(pending);
}
