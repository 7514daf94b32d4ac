import "server-only";
import type { Db } from "@/db/client";

/*
 * Queries that run on every request (who is asking, is the session current) are built and
 * prepared once per database handle, not on each call: drizzle's query building and SQLite's
 * prepare were a measurable part of a request's cost (ADR 0050). Keyed by the handle, so the
 * tests' in-memory databases each get their own statements.
 */
const statements = new WeakMap<Db, Map<string, unknown>>();

/** The statement `name` of this database, built by `build` on first use. */
export function preparedFor<T>(db: Db, name: string, build: (db: Db) => T): T {
  let forDb = statements.get(db);
  if (!forDb) {
    forDb = new Map();
    statements.set(db, forDb);
  }
  let statement = forDb.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    forDb.set(name, statement);
  }
  return statement;
}
