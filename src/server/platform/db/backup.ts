import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { Database } from "./index.js";
import * as tables from "./tables.js";
import { loadMigrations } from "./migrate.js";

export const BACKUP_FORMAT = "plenary-backup";

export interface Backup {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  tables: Record<string, unknown[]>;
}

/** Table names in the order tables.ts exports them, which is foreign-key order. */
export function tableNames(): string[] {
  return (Object.values(tables) as unknown[]).filter((t): t is PgTable => t instanceof PgTable).map((t) => getTableConfig(t).name);
}

/**
 * Every row of every table, serialised by PostgreSQL itself (row_to_json), so types
 * round-trip exactly through json_populate_recordset on either backend.
 */
export async function backup(database: Database): Promise<Backup> {
  const out: Backup = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations: loadMigrations().map((m) => m.tag), tables: {} };
  await database.db.transaction(async (tx) => {
    // One snapshot for all tables: a backup never mixes states.
    if (database.kind === "postgres") await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const name of tableNames()) {
      const res = (await tx.execute(sql.raw(`select coalesce(json_agg(row_to_json(t)), '[]'::json) as rows from "${name}" t`))) as unknown as { rows: { rows: unknown }[] };
      const value = res.rows[0]?.rows;
      out.tables[name] = (typeof value === "string" ? JSON.parse(value) : value) as unknown[];
    }
  });
  return out;
}

export class BackupError extends Error {}

/** Replaces all data with the backup's, in one transaction: a failed restore changes nothing. */
export async function restore(database: Database, data: unknown): Promise<Record<string, number>> {
  const b = data as Partial<Backup>;
  if (b?.format !== BACKUP_FORMAT || typeof b.tables !== "object" || !Array.isArray(b.migrations)) throw new BackupError("This file is not a Plenary backup (format field missing or wrong).");
  const ours = loadMigrations().map((m) => m.tag);
  const unknown = b.migrations.filter((m) => !ours.includes(m));
  if (unknown.length) throw new BackupError(`This backup was made by a newer Plenary (migrations ${unknown.join(", ")}); upgrade first.`);
  const names = tableNames();
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    for (const name of [...names].reverse()) await tx.execute(sql.raw(`delete from "${name}"`));
    for (const name of names) {
      const rows = b.tables![name] ?? [];
      if (!Array.isArray(rows)) throw new BackupError(`tables.${name} must be an array of rows`);
      counts[name] = rows.length;
      if (rows.length === 0) continue;
      await tx.execute(sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(rows)}::json)`);
    }
    // Serial columns continue after the restored ids.
    const serials = (await tx.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval(%'`)) as unknown as { rows: { table_name: string; column_name: string }[] };
    for (const s of serials.rows) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${s.table_name}"', '${s.column_name}'), coalesce((select max("${s.column_name}") from "${s.table_name}"), 0) + 1, false)`));
    }
  });
  return counts;
}
