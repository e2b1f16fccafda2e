import type { Config } from "./platform/config.js";
import type { AppContext } from "./platform/context.js";
import { InProcessBus, PostgresBus, type Bus } from "./platform/bus.js";
import { openDatabase, type Database } from "./platform/db/index.js";
import { migrate } from "./platform/db/migrate.js";
import { createLogger } from "./platform/logger.js";
import { MailWorker, localTransport, smtpTransport } from "./platform/mail/worker.js";
import { featureContext } from "./features.js";

/** Opens the database (migrated) and the bus: what the server and the CLI share. */
export async function openContext(config: Config, opts: { database?: Database } = {}): Promise<AppContext & { close(): Promise<void> }> {
  const log = createLogger(config);
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const applied = await migrate(database);
  if (applied.length) log.info({ applied }, "database migrated");
  const bus: Bus = database.kind === "postgres" && database.connectionString ? await PostgresBus.connect(database.connectionString, database.schema) : new InProcessBus();
  return {
    config,
    database,
    db: database.db,
    bus,
    log,
    now: () => new Date(),
    ...featureContext(),
    async close() {
      await bus.close();
      await database.close();
    },
  };
}

export async function startMailWorker(ctx: AppContext): Promise<MailWorker> {
  const transport = ctx.config.smtpUrl ? await smtpTransport(ctx.config.smtpUrl) : localTransport(ctx);
  const worker = new MailWorker(ctx, transport);
  worker.start();
  return worker;
}
