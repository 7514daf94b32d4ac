import "server-only";
import type Database from "better-sqlite3";
import { getTableColumns, getTableName, is, SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { addDays, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { DEMO_ANCHOR, DEMO_LAST_FY } from "./demo-cases";
import type { Rng } from "./random";

/**
 * What the recent-years seeders (demo-recent*.ts) share: the seeding day and its fiscal year,
 * fast writes, and the small date helpers the FY2019–FY2024 seeders each keep to themselves.
 */

/** The first fiscal year written relative to the seeding day. */
export const RECENT_FIRST_FY = DEMO_LAST_FY + 1;
/** The first day of the recent years: nothing these modules write "happened" before it. */
export const RECENT_START = addDays(DEMO_ANCHOR, 1);

export type Insert = <T extends SQLiteTable>(table: T, rows: T["$inferInsert"][]) => void;
/** Set `values` on the rows whose columns equal `where` (both by their TypeScript names). */
export type Update = <T extends SQLiteTable>(table: T, values: Partial<T["$inferInsert"]>, where: Partial<T["$inferInsert"]>) => void;

/** The seeding day and what follows from it (read once, so every part agrees), and the writes. */
export type RecentContext = { today: string; currentFy: number; anchor: string; start: string; insert: Insert; update: Update };

/**
 * The writes go through prepared statements on the raw connection (the caller's transaction is
 * the connection's): drizzle builds, checks and prepares every statement anew, which made it
 * most of the seeding time, and this runs in every test process. Values still go through each
 * column's own driver mapping (booleans to 0/1), and a missing value takes the column's literal
 * default, as drizzle's insert would. (drizzle keeps the driver on `$client`, which the Db type
 * leaves out, as db/reset.ts notes.)
 */
export function recentContext(today: string, db: Db): RecentContext {
  const client = (db as Db & { $client: Database.Database }).$client;
  return { today, currentFy: fiscalYearOf(today), anchor: DEMO_ANCHOR, start: RECENT_START, insert: rawInserter(client), update: rawUpdater(client) };
}

const driverValue = (column: SQLiteColumn, value: unknown) => (value === undefined || value === null ? null : column.mapToDriverValue(value));

function columnsOf(table: SQLiteTable): Record<string, SQLiteColumn> {
  return getTableColumns(table) as Record<string, SQLiteColumn>;
}

function rawInserter(client: Database.Database): Insert {
  return (table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.entries(columnsOf(table));
    const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
    const statement = client.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
    for (const row of rows as Record<string, unknown>[]) {
      statement.run(
        columns.map(([key, column]) => {
          if (row[key] !== undefined || !column.hasDefault) return driverValue(column, row[key]);
          if (is(column.default, SQL)) throw new Error(`demo seed: ${getTableName(table)}.${column.name} has an SQL default`);
          return driverValue(column, column.default);
        }),
      );
    }
  };
}

function rawUpdater(client: Database.Database): Update {
  const statements = new Map<string, Database.Statement>();
  return (table, values, where) => {
    const columns = columnsOf(table);
    const set = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
    const by = Object.keys(where);
    const key = `${getTableName(table)}|${set.join(",")}|${by.join(",")}`;
    let statement = statements.get(key);
    if (!statement) {
      const list = (keys: string[], glue: string) => keys.map((k) => `"${columns[k]!.name}" = ?`).join(glue);
      statement = client.prepare(`UPDATE "${getTableName(table)}" SET ${list(set, ", ")} WHERE ${list(by, " AND ")}`);
      statements.set(key, statement);
    }
    statement.run([...set.map((k) => driverValue(columns[k]!, (values as Record<string, unknown>)[k])), ...by.map((k) => driverValue(columns[k]!, (where as Record<string, unknown>)[k]))]);
  };
}

/** A timestamp on a date, early in the Japanese working day unless told (00:30 UTC is 09:30 JST). */
export const ts = (date: string, hhmm = "00:30") => `${date}T${hhmm}:00.000Z`;
export const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const minDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).reduce((a, b) => (b < a ? b : a));
export const maxDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).reduce((a, b) => (b > a ? b : a));
/** A date in [from, to], both included (from when the range is empty). */
export const dateBetween = (rng: Rng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
