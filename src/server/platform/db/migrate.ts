import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrationsDir } from "../paths.js";
import type { Database } from "./index.js";

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  tag: string;
  statements: string[];
}

/**
 * The migrations drizzle-kit generated, read from `drizzle/`. drizzle-kit qualifies foreign
 * keys with "public"; we drop that qualifier so the same SQL can build a test's private
 * schema, which is why we apply migrations ourselves instead of with drizzle's migrator.
 */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, "meta", "_journal.json"), "utf8")) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: readFileSync(join(dir, `${tag}.sql`), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.replaceAll('"public".', "").trim())
        .filter(Boolean),
    }));
}

const startupLock = (database: Database) => sql`select pg_advisory_xact_lock(hashtext(${"plenary_migrate:" + database.schema}))`;

/** Applies pending migrations in one transaction; an advisory lock keeps two starting processes from racing. */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  await database.db.transaction(async (tx) => {
    await tx.execute(startupLock(database));
    await tx.execute(sql`create table if not exists plenary_migrations (tag text primary key, applied_at timestamptz not null default now())`);
    const done = new Set(((await tx.execute(sql`select tag from plenary_migrations`)) as unknown as { rows: { tag: string }[] }).rows.map((r) => r.tag));
    for (const m of migrations) {
      if (done.has(m.tag)) continue;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into plenary_migrations (tag) values (${m.tag})`);
      applied.push(m.tag);
    }
  });
  return applied;
}

/**
 * Runs start-up work that must happen once per instance (seeding the demo) under the lock
 * migrations take: a second process starting at the same moment waits, then finds the work
 * done. The lock is held by a transaction on one pooled connection while `fn` uses the
 * others. PGlite needs none: one process owns its folder (db/lock.ts).
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.kind === "pglite") return fn();
  return database.db.transaction(async (tx) => {
    await tx.execute(startupLock(database));
    return fn();
  });
}
