import "server-only";
import type Database from "better-sqlite3";
import { getTableColumns, getTableName, is, SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { addDays, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { DEMO_ANCHOR, DEMO_LAST_FY } from "./demo-cases";
import type { Rng } from "./random";

/**
 * What the recent-years seeders (demo-recent*.ts) share: the seeding day and its fiscal year,
 * a fast insert, and the small date helpers the FY2019–FY2024 seeders each keep to themselves.
 */

/** The first fiscal year written relative to the seeding day. */
export const RECENT_FIRST_FY = DEMO_LAST_FY + 1;
/** The first day of the recent years: nothing these modules write "happened" before it. */
export const RECENT_START = addDays(DEMO_ANCHOR, 1);

export type Insert = <T extends SQLiteTable>(table: T, rows: T["$inferInsert"][]) => void;

/** The seeding day and what follows from it (read once, so every part agrees), and the insert. */
export type RecentContext = { today: string; currentFy: number; anchor: string; start: string; insert: Insert };

export function recentContext(today: string, insert: Insert): RecentContext {
  return { today, currentFy: fiscalYearOf(today), anchor: DEMO_ANCHOR, start: RECENT_START, insert };
}

/**
 * Insert typed rows with one prepared statement per table on the raw connection (the caller's
 * transaction is the connection's). drizzle's multi-row insert builds and checks every bound
 * value each time, which made it most of the seeding time: this runs in every test process.
 * Values go through each column's own driver mapping (booleans to 0/1); a missing value takes
 * the column's literal default, as drizzle's insert would.
 */
export function rawInserter(client: Database.Database): Insert {
  return (table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
    const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
    const statement = client.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
    for (const row of rows as Record<string, unknown>[]) {
      statement.run(
        columns.map(([key, column]) => {
          let value = row[key];
          if (value === undefined && column.hasDefault) {
            if (is(column.default, SQL)) throw new Error(`rawInserter: ${getTableName(table)}.${column.name} has an SQL default`);
            value = column.default;
          }
          return value === undefined || value === null ? null : column.mapToDriverValue(value);
        }),
      );
    }
  };
}

/** A timestamp on a date, early in the Japanese working day unless told (00:30 UTC is 09:30 JST). */
export const ts = (date: string, hhmm = "00:30") => `${date}T${hhmm}:00.000Z`;
export const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const minDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).reduce((a, b) => (b < a ? b : a));
export const maxDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).reduce((a, b) => (b > a ? b : a));
/** A date in [from, to], both included (from when the range is empty). */
export const dateBetween = (rng: Rng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
