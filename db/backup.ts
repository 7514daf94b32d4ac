import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_FOLDER, openDatabase, type Db } from "./client";
import { closeDatabase } from "./reset";
import { DATA_KEY_ENV, dataKeyFile } from "@/lib/crypto/data-key";
import { deriveDataKey, isEnvelope, Keyring, parseDataKey } from "@/lib/crypto/keyring";
import { AUDIT_KEY_ENV, auditHeadFile, auditKeyFile, loadAuditKey, memoryHeadStore, resetHead, verifyAuditChain, type VerifyReport } from "@/lib/dal/audit-chain";
import { adoptRestoredDatabase, SYSTEM_ACTOR, writeAudit } from "@/lib/dal/audit";

/*
 * Backup and restore of the database file (ADR 0045). `npm run db:backup` and `npm run db:restore`
 * are thin wrappers around these two functions; the tests call them on real files.
 *
 * What a backup holds: the database only, as the app stores it: identities and free text are
 * ciphertext (ADR 0040). The data key, the audit key and AUTH_SECRET are never in it; they are
 * backed up apart (README). The audit chain's head file is not in it either: a restore re-anchors
 * the head on the restored file's last audit row and records the restore in the audit log.
 */

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export type BackupResult = { file: string; bytes: number; sha256: string; ms: number };

function sha256Of(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Flush a file (or a folder's entry list) to the disk. */
function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A consistent online backup of `source` to `target`, taken while the app serves and writes.
 *
 * `VACUUM INTO` copies one read snapshot of the whole database in a single pass (a WAL reader
 * never blocks the writer, nor the writer it), where the stepwise backup API restarts whenever
 * another connection writes and never finishes under steady writes. The copy goes to a temp file
 * created empty with mode 0600 in the target's folder (SQLite keeps an existing file's mode), is
 * checked (`quick_check`), synced and renamed into place, so a backup file is never readable by
 * others nor ever half-written under its final name. An existing target is refused unless
 * `overwrite`. The backup is recorded in the audit log (an export of the whole database).
 */
export function backupDatabase(source: string, target: string, opts: { overwrite?: boolean; now?: Date } = {}): BackupResult {
  const started = Date.now();
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}: nothing to back up.`);
  const to = path.resolve(target);
  if (to === path.resolve(source)) throw new BackupError("The backup file must not be the database itself.");
  if (fs.existsSync(to) && !opts.overwrite) throw new BackupError(`${target} already exists; it was left as it is. Choose a new name, or pass --overwrite to replace it.`);
  const dir = path.dirname(to);
  if (!fs.existsSync(dir)) throw new BackupError(`The folder ${dir} does not exist.`);
  const tmp = path.join(dir, `.${path.basename(to)}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  // Empty, 0600, before SQLite writes a byte into it (VACUUM INTO accepts an empty file).
  fs.closeSync(fs.openSync(tmp, "wx", 0o600));
  const umask = process.umask(0o077); // any journal SQLite makes beside the temp file: 0600 too
  let db: Db | null = null;
  try {
    db = openDatabase(source);
    const sqlite = (db as Db & { $client: Database.Database }).$client;
    sqlite.prepare("VACUUM INTO ?").run(tmp);
    const check = new Database(tmp, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma("quick_check", { simple: true });
      if (result !== "ok") throw new BackupError(`The backup copy did not pass SQLite's check (${String(result)}); it was removed. Run \`PRAGMA integrity_check\` on ${source}.`);
    } finally {
      check.close();
    }
    fs.chmodSync(tmp, 0o600);
    fsyncPath(tmp);
    const bytes = fs.statSync(tmp).size;
    const sha256 = sha256Of(tmp);
    db.transaction((tx) =>
      writeAudit(tx, SYSTEM_ACTOR, { action: "export", entityType: "database", detail: { event: "backup", file: to, bytes, sha256, osUser: os.userInfo().username } }),
    );
    fs.renameSync(tmp, to);
    fsyncPath(dir);
    return { file: to, bytes, sha256, ms: Date.now() - started };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    throw e;
  } finally {
    process.umask(umask);
    if (db) closeDatabase(db);
  }
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

export type RestoreResult = {
  /** Where the database that was replaced now is (null when there was none). */
  replaced: string | null;
  /** What the restored file's migration level was: "same", or "older" (migrated on open). */
  level: "same" | "older";
  audit: VerifyReport;
};

/** Where a replaced database goes: beside it, named by the time (UTC). */
export function replacedName(file: string, now: Date = new Date()): string {
  return `${file}.replaced-${now.toISOString().replace(/[:.]/g, "-")}`;
}

function journalMigrations(): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return journal.entries.map((e) => e.when);
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

function hasColumn(sqlite: Database.Database, table: string, column: string): boolean {
  return (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).some((c) => c.name === column);
}

/** The data key the restored file will be opened with, without creating a key file (loadDataKey would). */
function currentDataKey(target: string): Buffer {
  const fromEnv = process.env[DATA_KEY_ENV];
  if (fromEnv) {
    const key = parseDataKey(fromEnv);
    if (!key) throw new BackupError(`${DATA_KEY_ENV} must be 32 bytes as 64 hex digits.`);
    return key;
  }
  const file = dataKeyFile(target);
  if (!fs.existsSync(file)) {
    throw new BackupError(`There is no data key (${DATA_KEY_ENV} or ${file}): put the key file back from the backup of the keys first; without it the backup cannot be read. Nothing was changed.`);
  }
  const key = parseDataKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new BackupError(`The data key file ${file} does not hold a key (64 hex digits). Nothing was changed.`);
  return key;
}

/**
 * Check a candidate file before it replaces anything: SQLite's integrity check, the migration
 * level (a file from a newer version of the app is refused; an older one is migrated on open),
 * that the current data key is the file's key and decrypts a sample of its identities, and that
 * its audit chain verifies under the current audit key. Throws BackupError with the reason.
 */
function checkCandidate(file: string, target: string, opts: { allowBrokenAuditChain?: boolean }): "same" | "older" {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    sqlite.pragma("schema_version"); // reads the header: a file that is no database fails here
  } catch (e) {
    throw new BackupError(`The backup is not a readable SQLite database (${(e as Error).message}). Nothing was changed.`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (sqlite.pragma("integrity_check", { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (e) {
      throw new BackupError(`The backup is damaged: SQLite's integrity check could not read it (${(e as Error).message}). Nothing was changed.`);
    }
    if (integrity.length !== 1 || integrity[0] !== "ok") {
      throw new BackupError(`The backup is damaged: SQLite's integrity check found ${integrity.slice(0, 3).join("; ")}${integrity.length > 3 ? " …" : ""}. Nothing was changed.`);
    }
    if (!hasTable(sqlite, "__drizzle_migrations") || !hasTable(sqlite, "audit_logs")) throw new BackupError("The file is a SQLite database, but not one of Tsunagu's. Nothing was changed.");

    const known = journalMigrations();
    const newest = Math.max(...known);
    const applied = (sqlite.prepare("SELECT created_at AS at FROM __drizzle_migrations").all() as { at: number }[]).map((r) => Number(r.at));
    if (applied.some((at) => at > newest)) {
      throw new BackupError("The backup was made by a newer version of Tsunagu (it has migrations this version does not know). Restore it with that version or a later one. Nothing was changed.");
    }
    const unknown = applied.filter((at) => !known.includes(at));
    if (unknown.length > 0) throw new BackupError(`The backup was made by a development build: it has ${unknown.length} migration(s) this version never had. Nothing was changed.`);
    const level = applied.length === known.length ? "same" : "older";

    if (hasTable(sqlite, "data_keys")) {
      const current = deriveDataKey(currentDataKey(target));
      const rows = sqlite.prepare("SELECT id, state, wrapped FROM data_keys").all() as { id: string; state: string; wrapped: string | null }[];
      const stored = rows.find((r) => r.state === "current");
      if (stored && stored.id !== current.id) {
        throw new BackupError(
          `The backup is encrypted under the data key ${stored.id}, but the current key (${DATA_KEY_ENV} or ${dataKeyFile(target)}) is ${current.id}. ` +
            "Put back the data key that belongs to the backup (from the backup of the keys), or choose a backup made under this key. Nothing was changed.",
        );
      }
      try {
        const unwrapping = new Keyring(current);
        const retired = rows.filter((r) => r.state === "retired" && r.wrapped).map((r) => deriveDataKey(Buffer.from(unwrapping.decrypt(r.wrapped!), "hex")));
        const ring = new Keyring(current, retired);
        const samples = hasTable(sqlite, "person_identities")
          ? (sqlite.prepare("SELECT family_name AS v FROM person_identities ORDER BY rowid DESC LIMIT 3").all() as { v: string }[]).map((r) => r.v)
          : [];
        for (const value of samples) if (isEnvelope(value)) ring.decrypt(value);
      } catch (e) {
        throw new BackupError(`The current data key does not decrypt the backup's identities (${(e as Error).message}). Nothing was changed.`);
      }
    }

    if (hasColumn(sqlite, "audit_logs", "chain_seq") && !opts.allowBrokenAuditChain) {
      if (!process.env[AUDIT_KEY_ENV] && !fs.existsSync(auditKeyFile(target))) {
        throw new BackupError(`There is no audit key (${AUDIT_KEY_ENV} or ${auditKeyFile(target)}): put it back from the backup of the keys first. Nothing was changed.`);
      }
      // The links only: the head file beside the live database belongs to the database being replaced.
      const chain = { key: loadAuditKey(target), heads: memoryHeadStore(), pending: memoryHeadStore(), dbFile: file };
      resetHead(sqlite, chain);
      const report = verifyAuditChain(sqlite, chain);
      if (!report.ok) {
        throw new BackupError(
          `The backup's audit log does not verify under the current audit key: ${report.problems[0]} ` +
            "Put back the audit key that belongs to the backup, or pass --allow-broken-audit-chain to restore it anyway (the restore's audit entry records the problems). Nothing was changed.",
        );
      }
    }
    return level;
  } finally {
    sqlite.close();
  }
}

export class DatabaseRunningError extends BackupError {
  constructor(file: string) {
    super(`The database ${file} is in use: the app (or another process) is running on it. Stop the server first, then run the restore again. Nothing was changed.`);
    this.name = "DatabaseRunningError";
  }
}

/**
 * Restore `backup` as the database at `target`, with the app stopped. Checks the backup on a
 * private copy first (checkCandidate); refuses while any other connection has the live database
 * open (leaving WAL mode needs the file to itself: the test of db/reset.ts); sets the replaced
 * database aside as `<db>.replaced-<time>` (0600, with its head file copied beside it) and moves
 * any -wal/-shm with it, so no stale WAL is ever applied to the restored file. Then opens the
 * restored file the way the app does (migrating an older one) and adopts it (ADR 0035): its
 * audit head is re-anchored and the restore recorded. On a failure after the swap, the replaced
 * database is put back.
 */
export function restoreDatabase(backup: string, target: string, opts: { now?: Date; allowBrokenAuditChain?: boolean } = {}): RestoreResult {
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile()) throw new BackupError(`There is no backup file at ${backup}.`);
  const live = path.resolve(target);
  if (path.resolve(backup) === live) throw new BackupError("The backup file is the database itself.");
  const dir = path.dirname(live);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const candidate = path.join(dir, `.restore.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  fs.writeFileSync(candidate, fs.readFileSync(backup), { flag: "wx", mode: 0o600 });
  let aside: string | null = null;
  const moved: [string, string][] = [];
  const head = auditHeadFile(live);
  const headCopy = (name: string) => `${name}.audit-head`;
  try {
    const level = checkCandidate(candidate, live, opts);
    const now = opts.now ?? new Date();
    if (fs.existsSync(live)) {
      const sqlite = new Database(live, { fileMustExist: true, timeout: 2000 });
      try {
        try {
          sqlite.pragma("journal_mode = DELETE"); // checkpoints and removes the WAL; SQLITE_BUSY while anyone else has the file open
        } catch (e) {
          if ((e as { code?: string }).code === "SQLITE_BUSY") throw new DatabaseRunningError(live);
          throw e;
        }
        sqlite.exec("BEGIN EXCLUSIVE"); // held while the files move
        aside = replacedName(live, now);
        for (const suffix of ["", "-wal", "-shm", "-journal"]) {
          if (!fs.existsSync(live + suffix)) continue;
          fs.renameSync(live + suffix, aside + suffix);
          moved.push([live + suffix, aside + suffix]);
        }
        sqlite.exec("ROLLBACK");
      } finally {
        sqlite.close();
      }
      fs.chmodSync(aside, 0o600);
      if (fs.existsSync(head)) fs.copyFileSync(head, headCopy(aside));
    } else {
      // No database, but side files of an old one: a stale WAL would be applied to the restored file.
      for (const suffix of ["-wal", "-shm", "-journal"]) {
        if (!fs.existsSync(live + suffix)) continue;
        aside ??= replacedName(live, now);
        fs.renameSync(live + suffix, aside + suffix);
        moved.push([live + suffix, aside + suffix]);
      }
    }
    fs.renameSync(candidate, live);
    fsyncPath(dir);
    let db: Db | null = null;
    try {
      db = openDatabase(live);
      const audit = adoptRestoredDatabase(db, SYSTEM_ACTOR, path.basename(backup));
      return { replaced: aside && fs.existsSync(aside) ? aside : null, level, audit };
    } catch (e) {
      if (db) closeDatabase(db);
      db = null;
      // Put the replaced database back as it was.
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(live + suffix, { force: true });
      for (const [from, to] of moved.reverse()) fs.renameSync(to, from);
      if (aside && fs.existsSync(headCopy(aside))) fs.renameSync(headCopy(aside), head);
      throw new BackupError(`The restored file could not be opened (${(e as Error).message}); the previous database was put back. Nothing was changed.`);
    } finally {
      if (db) closeDatabase(db);
    }
  } finally {
    fs.rmSync(candidate, { force: true });
  }
}
