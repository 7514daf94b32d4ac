import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import * as schema from "./schema";
import { installPlannerStats } from "./planner-stats";
import { keepPreparedStatements } from "./statement-cache";
import { keyringFor } from "@/lib/crypto/data-key";
import { installKeyring } from "@/lib/crypto/keyring";
import { assertAuditTriggers, chainFor, chainUnchainedRows, settleHead, writePendingHead, type AuditChain } from "@/lib/dal/audit-chain";

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
  if (file !== ":memory:") prepareDataFolder(file);
  const sqlite = new Database(file);
  applyDurabilityPragmas(sqlite, file);
  // Deleted and overwritten content is zeroed, not left in free space (ADR 0040: no plaintext
  // survives in the file once a value is encrypted or a row deleted).
  sqlite.pragma("secure_delete = ON");
  keepPreparedStatements(sqlite);
  assertKnownMigrations(sqlite, file);
  const db = drizzle(sqlite, { schema });
  const chain = chainFor(file);
  // Every transaction here writes (a change, or at least its audit row), so each one takes the
  // write lock when it begins (BEGIN IMMEDIATE) and waits its turn under busy_timeout. A deferred
  // one that reads first (a lock check, a version check) and writes second fails at once with
  // SQLITE_BUSY when another connection wrote in between: a script, a second process, an import.
  // The same wrapper lets writeAudit find this database's audit chain, and moves the chain's head
  // (a file beside the database) once a transaction that appended to the log has committed.
  const deferredTransaction = db.transaction.bind(db);
  db.transaction = ((run, config) => {
    const frames = auditFrames();
    const frame: AuditFrame = { sqlite, chain, appended: false };
    frames.push(frame);
    const outermost = frames.length === 1;
    let result;
    try {
      result = deferredTransaction(
        (tx) => {
          const value = run(tx);
          // Just before the commit, under the write lock: the chain's new end as the pending head, so
          // a crash between the commit and the head write below is told from rows cut off (ADR 0035).
          if (outermost && frame.appended) writePendingHead(sqlite, chain);
          return value;
        },
        { behavior: "immediate", ...config },
      );
    } finally {
      frames.pop();
    }
    const outer = frames.at(-1);
    if (outer) outer.appended ||= frame.appended;
    else if (frame.appended) {
      // Under the write lock, so processes sharing the file move the head in commit order (ADR 0054).
      const settled = settleHead(sqlite, chain);
      if (settled === "mismatch") console.error(`[tsunagu] The audit chain's head of ${file} does not match the database, so it was left as it is: run \`npm run audit:verify\`.`);
      else if (settled === "busy") console.error(`[tsunagu] The audit chain's head of ${file} was not moved: the write lock was busy for ${BUSY_TIMEOUT_MS} ms. The pending head names the chain's end and the next audited write moves the head.`);
    }
    return result;
  }) as Db["transaction"];
  auditChains.set(db, { sqlite, chain });
  migrateImmediate(sqlite);
  installPlannerStats(sqlite);
  // The data key (ADR 0040), checked against the database's own record of its key.
  installKeyring(keyringFor(sqlite, file));
  assertAuditTriggers(sqlite, file);
  chainUnchainedRows(sqlite, chain);
  if (file !== ":memory:") restrictDatabaseFiles(file);
  return db;
}

/** The busy timeout every connection waits for the write lock before SQLITE_BUSY (ms; at least 5000, ADR 0001). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The durability settings (ADR 0001, ADR 0045), set and then read back: a connection that did not
 * take one of them (a file system without shared memory for WAL, a driver built without a
 * setting) is refused at start with what it found, rather than run with weaker guarantees than
 * the ADR promises. WAL: readers never block the writer. synchronous = FULL: in WAL mode, NORMAL
 * may lose the last commits on power loss (they sit in the WAL until a checkpoint syncs it);
 * FULL syncs the WAL at every commit, so an acknowledged save survives a power cut.
 * An in-memory database has no WAL (its journal_mode reads back "memory"), which is allowed for it only.
 */
export function applyDurabilityPragmas(sqlite: Database.Database, file: string): void {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const found = readDurabilityPragmas(sqlite);
  const problems: string[] = [];
  const memory = file === ":memory:" || file === "";
  if (found.journalMode !== "wal" && !(memory && found.journalMode === "memory")) problems.push(`journal_mode is "${found.journalMode}", not "wal"`);
  if (found.synchronous !== 2) problems.push(`synchronous is ${found.synchronous}, not 2 (FULL)`);
  if (found.foreignKeys !== 1) problems.push(`foreign_keys is ${found.foreignKeys}, not 1 (ON)`);
  if (found.busyTimeout < BUSY_TIMEOUT_MS) problems.push(`busy_timeout is ${found.busyTimeout}, below ${BUSY_TIMEOUT_MS} ms`);
  if (problems.length === 0) return;
  sqlite.close();
  throw new Error(
    `The database ${file} did not take the durability settings the app needs (ADR 0001): ${problems.join("; ")}. ` +
      `Nothing was changed. Keep the database on a local disk (WAL needs shared memory, which network file systems often lack) and start again.`,
  );
}

export type DurabilityPragmas = { journalMode: string; synchronous: number; foreignKeys: number; busyTimeout: number };

/** The durability settings of a live connection, as SQLite reports them. */
export function readDurabilityPragmas(sqlite: Database.Database): DurabilityPragmas {
  return {
    journalMode: String(sqlite.pragma("journal_mode", { simple: true })).toLowerCase(),
    synchronous: Number(sqlite.pragma("synchronous", { simple: true })),
    foreignKeys: Number(sqlite.pragma("foreign_keys", { simple: true })),
    busyTimeout: Number(sqlite.pragma("busy_timeout", { simple: true })),
  };
}

/**
 * Apply pending migrations, as drizzle's migrator does (same table, same rows, one transaction
 * for all of them), but in a BEGIN IMMEDIATE transaction that reads the last applied migration
 * inside it: drizzle reads it before a deferred BEGIN, so two processes starting at once (the
 * server and a script) could both decide to apply the same migration.
 */
function migrateImmediate(sqlite: Database.Database): void {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  // Nothing pending (every start but the first after an upgrade): no write lock taken at all.
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const newest = table ? (sqlite.prepare(`SELECT max(created_at) AS at FROM "__drizzle_migrations"`).get() as { at: number | null }).at : null;
  if (newest !== null && migrations.every((m) => Number(newest) >= m.folderMillis)) return;
  sqlite
    .transaction(() => {
      sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
      const last = sqlite.prepare(`SELECT created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1`).get() as { createdAt: number } | undefined;
      const insert = sqlite.prepare(`INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)`);
      for (const migration of migrations) {
        if (last && Number(last.createdAt) >= migration.folderMillis) continue;
        for (const statement of migration.sql) sqlite.prepare(statement).run();
        insert.run(migration.hash, migration.folderMillis);
      }
    })
    .immediate();
}

/** One transaction in progress: the database it runs on and whether it appended to the audit log. */
export type AuditFrame = { sqlite: Database.Database; chain: AuditChain; appended: boolean };

const auditChains = new WeakMap<Db, { sqlite: Database.Database; chain: AuditChain }>();

/** The audit chain of a database opened with openDatabase (for adopting a restored database). */
export function auditChainOf(db: Db): { sqlite: Database.Database; chain: AuditChain } {
  const found = auditChains.get(db);
  if (!found) throw new Error("not a database opened with openDatabase");
  return found;
}

/** The transactions in progress (on globalThis: Next.js may load this module in more than one bundle). */
function auditFrames(): AuditFrame[] {
  const g = globalThis as typeof globalThis & { __tsunaguAuditFrames?: AuditFrame[] };
  g.__tsunaguAuditFrames ??= [];
  return g.__tsunaguAuditFrames;
}

/** The innermost transaction in progress, for writeAudit (better-sqlite3 transactions are synchronous). */
export function currentAuditFrame(): AuditFrame {
  const frame = auditFrames().at(-1);
  if (!frame) throw new Error("writeAudit was called outside a transaction of openDatabase");
  return frame;
}

/**
 * The data folder (the database's folder) is 0700 when the app made it or it is the default
 * `data/`; a folder named by DATABASE_PATH that already existed (say /tmp) is left as it is.
 */
function prepareDataFolder(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const existed = fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existed || dir === path.resolve("data")) fs.chmodSync(dir, 0o700);
}

/** The database and its side files readable by the app's user only (SQLite gives new side files the database's mode). */
function restrictDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, 0o600);
  }
}

/**
 * Refuse, before changing anything, a database that has a migration applied which the code no
 * longer has (a development build's migration that was regenerated before release, ADR 0018):
 * drizzle would otherwise replay the new one over the old tables and stop half-way.
 */
export function assertKnownMigrations(sqlite: Database.Database, file: string): void {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return;
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  const known = new Set(journal.entries.map((e) => e.when));
  const applied = sqlite.prepare("SELECT created_at AS createdAt FROM __drizzle_migrations").all() as { createdAt: number }[];
  const unknown = applied.filter((m) => !known.has(Number(m.createdAt)));
  if (unknown.length === 0) return;
  sqlite.close();
  throw new Error(
    `The database ${file} was made by an earlier development build: it has ${unknown.length} migration(s) that this version no longer has, ` +
      `so it cannot be upgraded in place. Nothing was changed. Move it aside (for example \`mv ${file} ${file}.old\`, with its -wal and -shm files) ` +
      `and start again: a new database is created with the demo data.`,
  );
}

// Next.js may evaluate this module in more than one bundle (proxy, routes,
// instrumentation); keeping the handle on globalThis gives one connection per process.
const globalForDb = globalThis as typeof globalThis & { __tsunaguDb?: Db };

/** The process-wide database, opened on first use (never at import: `next build` imports routes). */
export function getDb(): Db {
  globalForDb.__tsunaguDb ??= openDatabase(databasePath());
  return globalForDb.__tsunaguDb;
}
