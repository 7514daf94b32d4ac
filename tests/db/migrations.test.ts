import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/client";

/*
 * ADR 0018: drizzle's migrator runs pending migrations in one transaction, where
 * `PRAGMA foreign_keys=OFF` is ignored, so a generated table rebuild (`DROP TABLE` of the old
 * table) cascade-deletes the rows of its children. A committed migration may drop a table only
 * when it was written by hand to keep the children, and says so with the marker below.
 */
const DIR = path.join(process.cwd(), "db/migrations");
const MARKER = "-- reviewed (ADR 0018): children kept";

test("no committed migration drops a table unless reviewed for its children (ADR 0018)", () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".sql"));
  assert.ok(files.length >= 7, "the migrations are found");
  const offending = files.filter((f) => {
    const sql = fs.readFileSync(path.join(DIR, f), "utf8");
    return /\bDROP\s+TABLE\b/i.test(sql) && !sql.includes(MARKER);
  });
  assert.deepEqual(offending, []);
});

test("the journal lists every migration file, in order", () => {
  const journal = JSON.parse(fs.readFileSync(path.join(DIR, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".sql")).map((f) => f.replace(/\.sql$/, "")).sort();
  assert.deepEqual(journal.entries.map((e) => e.tag), files);
  assert.deepEqual(journal.entries.map((e) => e.idx), files.map((_, i) => i));
});

test("a database with a migration this version no longer has is refused before anything changes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-migrations-"));
  const file = path.join(dir, "old.db");
  try {
    // A database of this version opens again without complaint.
    const close = (db: ReturnType<typeof openDatabase>) => (db as unknown as { $client: Database.Database }).$client.close();
    close(openDatabase(file));
    close(openDatabase(file));
    // One made by a development build: an applied migration the journal does not list.
    const raw = new Database(file);
    raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('old', 1700000000000)").run();
    const before = raw.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get();
    raw.close();
    assert.throws(() => openDatabase(file), /earlier development build: it has 1 migration\(s\) that this version no longer has.*Nothing was changed/);
    const after = new Database(file);
    assert.deepEqual(after.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get(), before);
    after.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
