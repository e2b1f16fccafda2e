import type { Logger } from "pino";
import type { Config } from "./platform/config.js";
import type { AppContext } from "./platform/context.js";
import { InProcessBus, PostgresBus, type Bus } from "./platform/bus.js";
import { openDatabase, type Database } from "./platform/db/index.js";
import { migrate } from "./platform/db/migrate.js";
import { loadInstanceSecrets } from "./platform/db/secrets.js";
import { createLogger } from "./platform/logger.js";
import { MailWorker, localTransport, smtpTransport } from "./platform/mail/worker.js";
import { SECRETS_CHANGED } from "./platform/topics.js";
import { featureContext } from "./features.js";

/**
 * The context services see, over an open, migrated database: what the server, the CLI,
 * the tests and the benchmarks all build, so each reads the instance's secrets the same way.
 */
export async function assembleContext(config: Config, database: Database, bus: Bus, opts: { log?: Logger; now?: () => Date } = {}): Promise<AppContext> {
  const secrets = await loadInstanceSecrets(database.db, config);
  const ctx: AppContext = { config, database, db: database.db, secrets, bus, log: opts.log ?? createLogger(config), now: opts.now ?? (() => new Date()), ...featureContext() };
  // A restore replaces the stored secrets; status links from the backup must work here too.
  bus.subscribe(SECRETS_CHANGED, () => {
    loadInstanceSecrets(database.db, config).then(
      (s) => Object.assign(ctx.secrets, s),
      (err: unknown) => ctx.log.error({ err }, "could not reload the instance secrets"),
    );
  });
  return ctx;
}

/** Opens the database (migrated) and the bus: what the server and the CLI share. */
export async function openContext(config: Config, opts: { database?: Database } = {}): Promise<AppContext & { close(): Promise<void> }> {
  const log = createLogger(config);
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  let bus: Bus | undefined;
  try {
    const applied = await migrate(database);
    if (applied.length) log.info({ applied }, "database migrated");
    bus = database.kind === "postgres" && database.connectionString ? await PostgresBus.connect(database.connectionString, database.schema) : new InProcessBus();
    const ctx = await assembleContext(config, database, bus, { log });
    return {
      ...ctx,
      async close() {
        await bus!.close();
        await database.close();
      },
    };
  } catch (err) {
    // A failed start must not leave the folder locked or connections open.
    await bus?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}

export async function startMailWorker(ctx: AppContext): Promise<MailWorker> {
  const transport = ctx.config.smtpUrl ? await smtpTransport(ctx.config.smtpUrl, ctx.config.smtpConnections) : localTransport(ctx);
  const worker = new MailWorker(ctx, transport);
  worker.start();
  return worker;
}
