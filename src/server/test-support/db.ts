import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { afterAll } from "vitest";
import { openDatabase, wrapPglite, type Database } from "../platform/db/index.js";
import { migrate } from "../platform/db/migrate.js";

/**
 * A private, migrated schema for one test file. On PGlite the worker's one in-memory
 * instance is shared (a new one costs ~1.3 s); with TEST_DATABASE_URL each file gets a
 * schema on the real server. Either way the file drops its schema when done.
 */
const g = globalThis as unknown as { __plenaryPglite?: Promise<PGlite> };

export async function testDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (url) {
    database = await openDatabase({ databaseUrl: url, dataDir: "", schema, poolSize: 20 });
  } else {
    g.__plenaryPglite ??= PGlite.create();
    database = await wrapPglite(await g.__plenaryPglite, undefined, schema, false);
  }
  await migrate(database);
  return {
    ...database,
    async drop() {
      if (url) {
        await database.close();
        const { default: pg } = await import("pg");
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      } else {
        await (await g.__plenaryPglite!).exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; SET search_path TO public`);
      }
    },
  };
}

/**
 * Whole databases on TEST_DATABASE_URL's server, for tests whose subject connects by URL
 * (the CLI, server processes): `create()` returns a new empty one's URL; all are dropped
 * after the file.
 */
export function useScratchDatabases(prefix: string): { create(): Promise<string> } {
  const made: string[] = [];
  const admin = async (sql: string) => {
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  afterAll(async () => {
    for (const name of made.splice(0)) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return {
    async create() {
      const name = `${prefix}_${process.pid}_${made.length}_${Date.now() % 100000}`;
      await admin(`CREATE DATABASE ${name}`);
      made.push(name);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}
