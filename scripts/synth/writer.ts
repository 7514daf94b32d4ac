import type Database from "better-sqlite3";

/*
 * Raw prepared INSERTs, one per table (ADR 0048: drizzle's query builder costs more per row than
 * the insert itself at millions of rows). Rows are buffered and written BATCH at a time with one
 * multi-row INSERT, which halves the cost per row of better-sqlite3's call; `flush()` writes what
 * is buffered (call it before COMMIT and before reading the tables back). Columns are named, so a
 * column added by a later migration with a default never shifts the values.
 */

export type Value = string | number | null;

/** Where generated rows go: straight into SQLite (Writer), or to the thread that writes them (BatchSink). */
export interface RowSink {
  table(table: string, columns: readonly string[]): (...values: Value[]) => void;
  count(table: string): number;
}

const BATCH = 64;

type Table = { columns: number; one: Database.Statement; many: Database.Statement; buffer: Value[]; rows: number; written: number };

export class Writer implements RowSink {
  private readonly tables = new Map<string, Table>();
  private readonly byName = new Map<string, Table[]>();

  constructor(readonly sqlite: Database.Database) {}

  /** Insert rows made elsewhere (`values` holds whole rows, in the order of `columns`). */
  apply(table: string, columns: readonly string[], values: Value[]): void {
    const t = this.entry(table, columns);
    const rows = values.length / t.columns;
    let i = 0;
    for (; i + BATCH <= rows; i += BATCH) t.many.run(values.slice(i * t.columns, (i + BATCH) * t.columns));
    for (; i < rows; i++) t.one.run(values.slice(i * t.columns, (i + 1) * t.columns));
    t.written += rows;
  }

  /** An inserter for `table` with these columns; call it with the values in the same order. */
  table(table: string, columns: readonly string[]): (...values: Value[]) => void {
    const target = this.entry(table, columns);
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

  private entry(table: string, columns: readonly string[]): Table {
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
    return t;
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

/** Rows a message carries to the writing thread: buffered per table, sent in blocks. */
export type RowsMessage = { t: "rows"; table: string; columns: readonly string[]; values: Value[] };

/**
 * The generating thread's sink: rows are buffered per table and posted in blocks to the thread
 * that owns the database (structured clone of flat arrays: cheap next to generating the rows).
 */
export class BatchSink implements RowSink {
  private readonly buffers = new Map<string, { table: string; columns: readonly string[]; values: Value[]; rows: number }>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly post: (m: RowsMessage) => void, private readonly block = 4096) {}

  table(table: string, columns: readonly string[]): (...values: Value[]) => void {
    const key = `${table}(${columns.join(",")})`;
    let b = this.buffers.get(key);
    if (!b) {
      b = { table, columns, values: [], rows: 0 };
      this.buffers.set(key, b);
    }
    const target = b;
    return (...values: Value[]) => {
      for (const v of values) target.values.push(v);
      this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
      if (++target.rows === this.block) this.send(target);
    };
  }

  private send(b: { table: string; columns: readonly string[]; values: Value[]; rows: number }): void {
    if (b.rows === 0) return;
    this.post({ t: "rows", table: b.table, columns: b.columns, values: b.values });
    b.values = [];
    b.rows = 0;
  }

  flush(): void {
    for (const b of this.buffers.values()) this.send(b);
  }

  count(table: string): number {
    return this.counts.get(table) ?? 0;
  }
}
