/** SQL building blocks every feature needs, written once. */
import { sql } from "drizzle-orm";

/** A substring pattern for LIKE/ILIKE: the user's `%`, `_` and `\` match themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** PostgreSQL's unique violation (23505), whichever driver raised it (PGlite puts it on the error, node-postgres through drizzle on its cause). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null | undefined;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** A list of strings as one JSON parameter, for `x in ${jsonList(values)}`: any number of values, one bound parameter. */
export function jsonList(values: readonly string[]) {
  return sql`(select value from json_array_elements_text(${JSON.stringify(values)}::json))`;
}

/** As jsonList, for uuid columns. */
export function uuidList(values: readonly string[]) {
  return sql`(select value::uuid from json_array_elements_text(${JSON.stringify(values)}::json))`;
}
