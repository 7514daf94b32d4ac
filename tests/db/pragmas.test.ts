import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { applyDurabilityPragmas, BUSY_TIMEOUT_MS, getDb, openDatabase, readDurabilityPragmas, type Db } from "@/db/client";
import { closeDatabase } from "@/db/reset";
import { seededDb } from "../helpers/test-db";

/*
 * ADR 0001 / 0045: the durability settings, read back from live connections (not from the code
 * that sets them), and a connection that did not take them refused at start.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-pragmas-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const raw = (db: Db) => (db as Db & { $client: Database.Database }).$client;

test("the app's own connection (getDb) runs with synchronous FULL, foreign keys on and a busy timeout of at least 5 s", async () => {
  await seededDb();
  const found = readDurabilityPragmas(raw(getDb()));
  // The unit tests' database is in memory: SQLite keeps its journal in memory, never WAL.
  assert.equal(found.journalMode, "memory");
  assert.equal(found.synchronous, 2, "synchronous = FULL");
  assert.equal(found.foreignKeys, 1);
  assert.ok(found.busyTimeout >= 5000, `busy_timeout ${found.busyTimeout}`);
});

test("a database file opened the way the server opens it is in WAL mode with the same settings", () => {
  const db = openDatabase(path.join(dir, "app.db"));
  try {
    assert.deepEqual(readDurabilityPragmas(raw(db)), { journalMode: "wal", synchronous: 2, foreignKeys: 1, busyTimeout: BUSY_TIMEOUT_MS });
  } finally {
    closeDatabase(db);
  }
});

/** A connection that answers every PRAGMA as given (a file system that cannot hold WAL, a driver without a setting). */
function fakeConnection(answers: Record<string, string | number>): Database.Database & { closed: boolean } {
  const fake = {
    closed: false,
    pragma(source: string) {
      const name = source.split("=")[0]!.trim();
      return answers[name];
    },
    close() {
      fake.closed = true;
    },
  };
  return fake as unknown as Database.Database & { closed: boolean };
}

test("a connection that did not take WAL, FULL, foreign keys or the busy timeout is refused with what it found", () => {
  const good = { journal_mode: "wal", synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };
  assert.doesNotThrow(() => applyDurabilityPragmas(fakeConnection(good), "/srv/tsunagu.db"));
  const cases: [Record<string, string | number>, RegExp][] = [
    [{ ...good, journal_mode: "delete" }, /journal_mode is "delete", not "wal"/],
    [{ ...good, journal_mode: "memory" }, /journal_mode is "memory"/],
    [{ ...good, synchronous: 1 }, /synchronous is 1, not 2 \(FULL\)/],
    [{ ...good, foreign_keys: 0 }, /foreign_keys is 0/],
    [{ ...good, busy_timeout: 1000 }, /busy_timeout is 1000, below 5000/],
  ];
  for (const [answers, message] of cases) {
    const connection = fakeConnection(answers);
    assert.throws(() => applyDurabilityPragmas(connection, "/srv/tsunagu.db"), message);
    assert.ok(connection.closed, "the refused connection is closed");
  }
  // In memory, and only there, the journal is "memory".
  assert.doesNotThrow(() => applyDurabilityPragmas(fakeConnection({ ...good, journal_mode: "memory" }), ":memory:"));
});
