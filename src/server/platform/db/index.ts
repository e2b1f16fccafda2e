import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { lockFolder } from "./lock.js";

/**
 * The one database type services see: the same for PGlite and node-postgres. Queries name
 * their tables (the query builder, never drizzle's relational `db.query`), so the platform
 * needs no list of every feature's tables.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction is a Db too, so services take `Db` and can be called inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The schema all tables live in: `public` in production, a private one per test file. */
  schema: string;
  /** For LISTEN/NOTIFY: a dedicated connection outside the pool (postgres only). */
  connectionString?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Use (and create) this schema instead of public; tests isolate themselves this way. */
  schema?: string;
  poolSize?: number;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const schema = opts.schema ?? "public";
  if (!identifier.test(schema)) throw new Error(`invalid schema name '${schema}'`);
  if (opts.databaseUrl) {
    const [{ default: pg }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
    // Dates and timestamps come back as strings/Date consistently with PGlite: DATE stays text.
    pg.types.setTypeParser(1082, (v: string) => v);
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: schema === "public" ? undefined : `-c search_path=${schema}`,
    });
    pool.on("error", () => {
      // An idle client dropped by the server: the pool replaces it on the next query.
    });
    if (schema !== "public") await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const db = drizzle({ client: pool }) as unknown as Db;
    return { db, kind: "postgres", schema, connectionString: opts.databaseUrl, close: () => pool.end() };
  }
  const [{ PGlite }, { drizzle }] = await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite")]);
  const dir = join(opts.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const lock = await lockFolder(dir, pgliteLockFile(opts.dataDir));
  try {
    const client = await PGlite.create(dir);
    const database = await wrapPglite(client, drizzle, schema);
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Beside the folder, not in it: PGlite owns what is inside. */
export function pgliteLockFile(dataDir: string): string {
  return join(dataDir, "pglite.lock");
}


/** Tests share one in-memory PGlite per worker and wrap it once per schema. */
export async function wrapPglite(client: PGlite, drizzleFn?: typeof drizzlePglite, schema = "public", ownsClient = true): Promise<Database> {
  const drizzle = drizzleFn ?? (await import("drizzle-orm/pglite")).drizzle;
  if (schema !== "public") await client.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  const db = drizzle({ client }) as unknown as Db;
  return { db, kind: "pglite", schema, close: async () => (ownsClient ? client.close() : undefined) };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
