import type Database from "better-sqlite3";

/*
 * Raw prepared INSERTs, one per table (ADR 0048: drizzle's query builder costs more per row than
 * the insert itself at millions of rows). Rows are buffered and written BATCH at a time with one
 * multi-row INSERT, which halves the cost per row of better-sqlite3's call; `flush()` writes what
 * is buffered (call it before COMMIT and before reading the tables back). Columns are named, so a
 * column added by a later migration with a default never shifts the values.
 */

type Value = string | number | null;

const BATCH = 64;

type Table = { columns: number; one: Database.Statement; many: Database.Statement; buffer: Value[]; rows: number; written: number };

export class Writer {
  private readonly tables = new Map<string, Table>();
  private readonly byName = new Map<string, Table[]>();

  constructor(readonly sqlite: Database.Database) {}

  /** An inserter for `table` with these columns; call it with the values in the same order. */
  table(table: string, columns: readonly string[]): (...values: Value[]) => void {
    const key = `${table}(${columns.join(",")})`;
    let t = this.tables.get(key);
    if (!t) {
      const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      t = {
        columns: columns.length,
        one: this.sqlite.prepare(head + tuple),
        many: this.sqlite.prepare(head + Array.from({ length: BATCH }, () => tuple).join(", ")),
        buffer: [],
        rows: 0,
        written: 0,
      };
      this.tables.set(key, t);
      this.byName.set(table, [...(this.byName.get(table) ?? []), t]);
    }
    const target = t;
    return (...values: Value[]) => {
      for (const v of values) target.buffer.push(v);
      if (++target.rows === BATCH) {
        target.many.run(target.buffer);
        target.written += BATCH;
        target.buffer = [];
        target.rows = 0;
      }
    };
  }

  /** Write every buffered row. */
  flush(): void {
    for (const t of this.tables.values()) {
      for (let i = 0; i < t.rows; i++) t.one.run(t.buffer.slice(i * t.columns, (i + 1) * t.columns));
      t.written += t.rows;
      t.buffer = [];
      t.rows = 0;
    }
  }

  /** Rows given for `table` so far (written or buffered). */
  count(table: string): number {
    return (this.byName.get(table) ?? []).reduce((n, t) => n + t.written + t.rows, 0);
  }
}
