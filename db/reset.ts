import "server-only";
import fs from "node:fs";
import Database from "better-sqlite3";
import type { Db } from "./client";

/*
 * Moving a database aside for `npm run db:reset`, but never from under a running app.
 *
 * The app keeps its connection open in WAL mode and, between requests, holds no lock that
 * `BEGIN EXCLUSIVE` would meet (in WAL mode that only excludes other writers), so that test
 * would pass while the server is up. Leaving WAL mode does need the database to itself: SQLite
 * refuses `PRAGMA journal_mode = DELETE` with SQLITE_BUSY while any other connection, in any
 * process, has it open. So that is the test, and on success it has also checkpointed the WAL
 * into the main file, so the copy set aside is whole on its own.
 */

/**
 * Close a database a script opened with openDatabase, so SQLite checkpoints the WAL and removes
 * it. drizzle keeps the driver on `$client`, which the Db type leaves out.
 */
export function closeDatabase(db: Db): void {
  (db as Db & { $client?: Database.Database }).$client?.close();
}

/** The files SQLite keeps next to a database, and the audit chain's head (ADR 0035), which belongs to this file only. */
const SIDE_FILES = ["-wal", "-shm", "-journal", ".audit-head"] as const;

export class DatabaseInUseError extends Error {
  constructor(file: string) {
    super(
      `The database ${file} is in use (the app, or another process, has it open), so it was left as it is. ` +
        `Stop the server (and anything else using the file) and run the reset again.`,
    );
    this.name = "DatabaseInUseError";
  }
}

/** Where a database file set aside at `now` goes: next to it, named by the time (UTC). */
export function asideName(file: string, now: Date = new Date()): string {
  return `${file}.reset-${now.toISOString().replace(/[:.]/g, "-")}`;
}

/**
 * Rename `file` (and any -wal, -shm or -journal beside it) to `asideName(file)`; returns the
 * paths written, or [] when there was no database. Throws DatabaseInUseError, changing
 * nothing, while another connection has it open.
 */
export function moveDatabaseAside(file: string, now: Date = new Date()): string[] {
  if (file === ":memory:") throw new Error("DATABASE_PATH is :memory:, which is new on every start: there is nothing to reset.");
  if (!fs.existsSync(file)) return [];
  const sqlite = new Database(file, { fileMustExist: true, timeout: 2000 });
  try {
    try {
      sqlite.pragma("journal_mode = DELETE");
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_BUSY") throw new DatabaseInUseError(file);
      throw e;
    }
    // Held while the files move, so nothing writes in between (a writer would wait, then find
    // no file at this path and start a new one).
    sqlite.exec("BEGIN EXCLUSIVE");
    const target = asideName(file, now);
    const moved: string[] = [];
    for (const suffix of ["", ...SIDE_FILES]) {
      if (!fs.existsSync(file + suffix)) continue;
      fs.renameSync(file + suffix, target + suffix);
      moved.push(target + suffix);
    }
    sqlite.exec("ROLLBACK");
    return moved;
  } finally {
    sqlite.close();
  }
}
