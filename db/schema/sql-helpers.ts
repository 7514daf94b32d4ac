import { sql, type SQL } from "drizzle-orm";
import { integer, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * `col IN ('a','b',…)` for CHECK constraints. drizzle's `text({ enum })` creates no
 * constraint in SQLite, so every code column pairs its enum with this check.
 * The values are inlined because CHECK constraints cannot take bound parameters.
 */
export function inList(column: AnySQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  return sql`${column} IN (${sql.raw(list)})`;
}

/**
 * The columns of a record people edit concurrently: an optimistic-locking version and who
 * created and last changed it, when. A function, because each table needs its own builders.
 */
export function editedRecordColumns() {
  return {
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: text("updated_at").notNull(),
  };
}
