import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { AppContext } from "../server/platform/context.js";

const usage = `Usage: plenary <command> [options]

  serve [--no-demo]                 run the server (what npm start does)
  migrate                           apply pending database migrations
  create-admin --email E [--name N] [--password P]
                                    create (or promote) an instance admin; a password is generated when not given
  seed-demo                         load the Xen Project 2014 demo into an empty instance
  backup FILE                       write all data to FILE (JSON); '-' for standard output
  restore FILE                      replace all data with FILE's
  export --community SLUG [--output FILE]
                                    one community with its events as JSON
  import FILE                       import a community exported by 'export'
  solve assign    --input FILE|- [--output FILE] [--time-limit S]
  solve timetable --input FILE|- [--output FILE] [--time-limit S] [--seed N]

The database is the embedded one in PLENARY_DATA_DIR (default ./data), or DATABASE_URL.
Only one process may open the embedded database: stop a server using the folder before
running a command on it. Several processes may share PostgreSQL.`;

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { loadConfig } = await import("../server/platform/config.js");
  const { openContext } = await import("../server/runtime.js");
  const ctx = await openContext(loadConfig(process.env, {}));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function readInput(file: string): string {
  return readFileSync(file === "-" ? 0 : file, "utf8");
}

/**
 * A backup holds password, session and token hashes and the instance's secrets: it is
 * written readable by its owner only, to a temporary name first, so a failed write never
 * replaces a good backup with half a file.
 */
export function writePrivateFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export async function main(argv: string[]): Promise<number> {
  const { DataFolderInUseError } = await import("../server/platform/db/lock.js");
  try {
    return await run(argv);
  } catch (err) {
    // Refused rather than routed through the running server: see docs/architecture.md (Data).
    if (err instanceof DataFolderInUseError) return fail(`${argv[0]}: ${err.message}`);
    throw err;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "serve": {
      const { serve } = await import("../server/main.js");
      await serve(rest);
      return -1;
    }
    case "migrate":
      await withContext(async () => console.log("database is up to date"));
      return 0;
    case "create-admin": {
      const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
      if (!values.email) {
        console.error("create-admin: --email is required");
        return 1;
      }
      const password = values.password ?? randomBytes(12).toString("base64url");
      if (password.length < 10) {
        console.error("create-admin: --password must have at least 10 characters");
        return 1;
      }
      await withContext(async (ctx) => {
        const { createVerifiedUser } = await import("../server/features/accounts/index.js");
        await createVerifiedUser(ctx, ctx.db, { email: values.email!, name: values.name ?? "Administrator", password, isAdmin: true });
      });
      console.log(`admin ${values.email} is ready${values.password ? "" : `; password: ${password}`}`);
      return 0;
    }
    case "seed-demo":
      return withContext(async (ctx) => {
        const { seedDemoIfEmpty } = await import("../server/features/demo/index.js");
        const { withStartupLock } = await import("../server/platform/db/migrate.js");
        // The lock a starting server seeds under: the two never seed one database at once.
        const seeded = await withStartupLock(ctx.database, () => seedDemoIfEmpty(ctx));
        if (!seeded) {
          console.error("seed-demo: this instance already has a community; the demo only goes into an empty one");
          return 1;
        }
        console.log(`demo loaded; sign in as ${seeded.accounts.map((a) => a.email).join(", ")} with password ${seeded.password}`);
        return 0;
      });
    case "backup": {
      const file = rest[0];
      if (!file) return fail("backup: name the file to write, or '-'");
      const data = await withContext(async (ctx) => (await import("../server/platform/db/backup.js")).backup(ctx.database));
      const text = JSON.stringify(data);
      if (file === "-") process.stdout.write(text + "\n");
      else writePrivateFile(file, text);
      console.error(`backup: ${Object.entries(data.tables).map(([t, r]) => `${t} ${r.length}`).join(", ")}`);
      return 0;
    }
    case "restore": {
      const file = rest[0];
      if (!file) return fail("restore: name the backup file, or '-'");
      const { restore, BackupError } = await import("../server/platform/db/backup.js");
      let data: unknown;
      try {
        data = JSON.parse(readInput(file));
      } catch (err) {
        return fail(`restore: ${file} is not JSON (${(err as Error).message})`);
      }
      try {
        const { EVENTS_CHANGED, SECRETS_CHANGED } = await import("../server/platform/topics.js");
        const counts = await withContext(async (ctx) => {
          const c = await restore(ctx.database, data);
          // Running servers on the same PostgreSQL drop what they cached from the old data
          // and take the backup's secrets, so its status links work there too.
          await ctx.bus.publish(EVENTS_CHANGED);
          await ctx.bus.publish(SECRETS_CHANGED);
          return c;
        });
        console.error(`restored: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
        return 0;
      } catch (err) {
        if (err instanceof BackupError) return fail(`restore: ${err.message}`);
        throw err;
      }
    }
    case "export": {
      const { values } = parseArgs({ args: rest, options: { community: { type: "string" }, output: { type: "string" } } });
      if (!values.community) return fail("export: --community SLUG is required");
      const doc = await withContext(async (ctx) => (await import("../server/features/events/index.js")).exportCommunity(ctx, values.community!));
      const text = JSON.stringify(doc, null, 2) + "\n";
      if (values.output) writeFileSync(values.output, text);
      else process.stdout.write(text);
      return 0;
    }
    case "import": {
      const file = rest[0];
      if (!file) return fail("import: name the file, or '-'");
      let data: unknown;
      try {
        data = JSON.parse(readInput(file));
      } catch (err) {
        return fail(`import: ${file} is not JSON (${(err as Error).message})`);
      }
      const { DomainError } = await import("../server/platform/errors.js");
      try {
        const r = await withContext(async (ctx) => (await import("../server/features/events/index.js")).importCommunity(ctx, data));
        console.log(`imported ${r.slug}: ${r.events} events${r.unknownPeople.length ? `; no account here for ${r.unknownPeople.join(", ")} (their roles were skipped)` : ""}`);
        return 0;
      } catch (err) {
        if (err instanceof DomainError) return fail(`import: ${err.message}${err.fields ? "\n" + Object.entries(err.fields).map(([k, v]) => `  ${k}: ${v.join("; ")}`).join("\n") : ""}`);
        throw err;
      }
    }
    case "solve": {
      const [what, ...args] = rest;
      if (what === "assign") return (await import("./solve-assign.js")).main(args);
      if (what === "timetable") return (await import("./solve-timetable.js")).main(args);
      return fail("solve: say 'assign' or 'timetable'");
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(usage);
      return command ? 0 : 1;
    default:
      return fail(`unknown command '${command}'\n\n${usage}`);
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}
