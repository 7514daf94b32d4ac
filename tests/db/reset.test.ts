import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { asideName, DatabaseInUseError, moveDatabaseAside } from "@/db/reset";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-reset-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database in WAL mode as the app leaves it, with a row to find again. */
function makeDatabase(file: string): void {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x INTEGER)");
  db.prepare("INSERT INTO t VALUES (42)").run();
  db.close();
}

test("db:reset refuses a database another connection has open (an idle app holds no lock BEGIN EXCLUSIVE would meet) and changes nothing", () => {
  const file = path.join(dir, "busy.db");
  makeDatabase(file);
  const app = new Database(file);
  app.pragma("journal_mode = WAL");
  app.prepare("SELECT x FROM t").get(); // open and idle, as the server is between requests
  try {
    const before = fs.readdirSync(dir).sort();
    assert.throws(() => moveDatabaseAside(file), DatabaseInUseError);
    assert.deepEqual(fs.readdirSync(dir).sort(), before);
    assert.deepEqual(app.prepare("SELECT x FROM t").get(), { x: 42 });
  } finally {
    app.close();
  }
});

test("db:reset moves a database that nobody has open aside, whole (the WAL folded in), and keeps it", () => {
  const file = path.join(dir, "idle.db");
  makeDatabase(file);
  const now = new Date("2026-04-01T00:30:00.000Z");
  const moved = moveDatabaseAside(file, now);
  assert.deepEqual(moved, [asideName(file, now)]);
  assert.equal(path.basename(moved[0]!), "idle.db.reset-2026-04-01T00-30-00-000Z");
  assert.equal(fs.existsSync(file), false);
  for (const suffix of ["-wal", "-shm"]) assert.equal(fs.existsSync(file + suffix), false);
  const kept = new Database(moved[0]!, { readonly: true, fileMustExist: true });
  assert.deepEqual(kept.prepare("SELECT x FROM t").get(), { x: 42 });
  kept.close();
});

test("db:reset with no database file moves nothing; :memory: is refused", () => {
  assert.deepEqual(moveDatabaseAside(path.join(dir, "absent.db")), []);
  assert.throws(() => moveDatabaseAside(":memory:"), /nothing to reset/);
});
