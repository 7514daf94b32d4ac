import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle; DAL helpers that must join the caller's transaction take this. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH || path.join("data", "tsunagu.db");
}

/**
 * Open a database, set the connection PRAGMAs and bring the schema up to date.
 * Migrating on open is cheap when nothing is pending, and it means no code path can
 * meet an old schema (the app, the seed script and the in-memory test databases alike).
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

// Next.js may evaluate this module in more than one bundle (proxy, routes,
// instrumentation); keeping the handle on globalThis gives one connection per process.
const globalForDb = globalThis as typeof globalThis & { __tsunaguDb?: Db };

/** The process-wide database, opened on first use (never at import: `next build` imports routes). */
export function getDb(): Db {
  globalForDb.__tsunaguDb ??= openDatabase(databasePath());
  return globalForDb.__tsunaguDb;
}
