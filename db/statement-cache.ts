import type Database from "better-sqlite3";

/*
 * Prepared statements kept for reuse (issue 14). drizzle prepares every query it runs, and
 * compiling a statement is a large part of a page's time (the indicator dashboard spent more on
 * sqlite3_prepare than on running its queries). The connection's `prepare` hands back the
 * statement it compiled for the same text before, least recently used dropped past `size`.
 *
 * A statement keeps modes (raw, pluck, expand) across runs: each reuse starts with them off, as
 * a new statement would. One that is still running (an unfinished `iterate()`) is not shared:
 * a fresh one is compiled for that call. SQLite recompiles a kept statement itself when the
 * schema changes (a migration), so a kept statement never runs against a stale schema.
 */
export function keepPreparedStatements(sqlite: Database.Database, size = 2000): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      kept.delete(source);
      kept.set(source, statement);
      if (statement.reader) statement.pluck(false).expand(false).raw(false);
      return statement;
    }
    const fresh = compile(source);
    if (!statement) {
      kept.set(source, fresh);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as Database.Database["prepare"];
}

const onceByConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `source` on this connection, compiled on its first use and kept while the
 * connection lives, on any connection (the app's, a script's, a test's), with or without
 * `keepPreparedStatements`. For the few raw statements every audited commit runs (lib/dal/audit.ts,
 * audit-chain.ts): each is only ever run with get() or run(), never iterated, so it is never busy.
 */
export function preparedOnce(sqlite: Database.Database, source: string): Database.Statement {
  let forConnection = onceByConnection.get(sqlite);
  if (!forConnection) {
    forConnection = new Map();
    onceByConnection.set(sqlite, forConnection);
  }
  let statement = forConnection.get(source);
  if (!statement) {
    statement = sqlite.prepare(source);
    forConnection.set(source, statement);
  }
  return statement;
}
