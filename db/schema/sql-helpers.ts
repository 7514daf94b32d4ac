import { sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * `col IN ('a','b',…)` for CHECK constraints. drizzle's `text({ enum })` creates no
 * constraint in SQLite, so every code column pairs its enum with this check.
 * The values are inlined because CHECK constraints cannot take bound parameters.
 */
export function inList(column: AnySQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  return sql`${column} IN (${sql.raw(list)})`;
}
