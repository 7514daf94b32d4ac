import type Database from "better-sqlite3";

/*
 * Raw prepared INSERTs, one per table, with a running count of rows (ADR 0048: drizzle's query
 * builder costs more per row than the whole insert at millions of rows). Columns are named, so a
 * column added by a later migration with a default never shifts the values.
 */

type Value = string | number | null;

export class Writer {
  readonly counts = new Map<string, number>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {}

  /** An inserter for `table` with these columns; call it with the values in the same order. */
  table(table: string, columns: readonly string[]): (...values: Value[]) => void {
    const key = `${table}(${columns.join(",")})`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      this.statements.set(key, statement);
    }
    const s = statement;
    this.counts.set(table, this.counts.get(table) ?? 0);
    return (...values: Value[]) => {
      s.run(values);
      this.counts.set(table, this.counts.get(table)! + 1);
    };
  }

  count(table: string): number {
    return this.counts.get(table) ?? 0;
  }
}

/** A boolean as SQLite stores drizzle's boolean mode. */
export const bool = (b: boolean) => (b ? 1 : 0);
