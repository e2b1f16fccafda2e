import { sql } from "drizzle-orm";
import type { Db, Database } from "./index.js";
import { rows } from "./index.js";
import { loadMigrations } from "./migrate.js";

export const BACKUP_FORMAT = "plenary-backup";

export interface Backup {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  tables: Record<string, unknown[]>;
}

/** Our bookkeeping, not data: a restore keeps the target's own record of applied migrations. */
const NOT_DATA = new Set(["plenary_migrations"]);

/**
 * The schema's tables, parents before children: read from the database catalogue (not from
 * any module's export order), so a restore inserts users before the rows that point at them.
 * Self-references are ignored; a cycle between tables would be a schema bug and is refused.
 */
export async function tableNames(db: Db): Promise<string[]> {
  const tables = (await rows<{ name: string }>(db, sql`select c.relname as name from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' order by c.relname`))
    .map((r) => r.name)
    .filter((n) => !NOT_DATA.has(n));
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace and c.oid <> p.oid`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new BackupError(`The tables ${tables.filter((t) => !done.has(t)).join(", ")} reference each other in a cycle.`);
    for (const t of ready) {
      done.add(t);
      ordered.push(t);
    }
  }
  return ordered;
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
    for (const name of await tableNames(tx)) {
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
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    const names = await tableNames(tx);
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
