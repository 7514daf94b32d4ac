process.env.TSUNAGU_DEMO_DATA = "on";

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/client";
import { backupDatabase, BackupError, DatabaseRunningError, restoreDatabase } from "@/db/backup";
import { closeDatabase } from "@/db/reset";
import { prepareDatabase } from "@/db/seed";
import { auditHeadFile, chainFor, verifyAuditChain } from "@/lib/dal/audit-chain";

/*
 * ADR 0045: `npm run db:backup` / `db:restore` on real files in a temp folder. Folder A is the
 * app's data folder (its own data.key and audit.key); folder B another installation (other keys).
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-backup-"));
const A = path.join(root, "a");
const B = path.join(root, "b");
const live = path.join(A, "tsunagu.db");
const base = path.join(root, "base.db"); // a backup of the seeded database, the starting point of each restore test
after(() => fs.rmSync(root, { recursive: true, force: true }));

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const mode = (file: string) => fs.statSync(file).mode & 0o777;
function rows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
/** `npm run audit:verify`'s check, read-only, as the script does it. */
function auditVerifies(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyAuditChain(sqlite, chainFor(file));
  } finally {
    sqlite.close();
  }
}
/** The live database in folder A, fresh from `base` and adopted (as a first restore leaves it). */
function freshLive(): void {
  for (const name of fs.readdirSync(A)) if (name.startsWith("tsunagu.db")) fs.rmSync(path.join(A, name));
  restoreDatabase(base, live);
  for (const name of fs.readdirSync(A)) if (name.includes(".replaced-")) fs.rmSync(path.join(A, name));
}
/** The live database's bytes and the folder's names: what a refused restore must leave alone. */
function liveState() {
  return { bytes: sha(live), names: fs.readdirSync(A).sort() };
}

before(async () => {
  fs.mkdirSync(A, { mode: 0o700 });
  fs.mkdirSync(B, { mode: 0o700 });
  const db = openDatabase(live);
  await prepareDatabase(db);
  closeDatabase(db);
  backupDatabase(live, base);
});

test("a backup taken while another connection writes in a loop finishes, is consistent, is 0600 and is audited", async () => {
  const stop = new SharedArrayBuffer(4);
  const writer = new Worker(new URL("./backup-writer-worker.mjs", import.meta.url), { workerData: { file: live, stop } });
  const [first] = (await once(writer, "message")) as [{ started: number }];
  assert.equal(first.started, 50);
  const target = path.join(root, "during-writes.db");
  let result;
  const finished = once(writer, "message");
  try {
    result = backupDatabase(live, target);
  } finally {
    Atomics.store(new Int32Array(stop), 0, 1);
  }
  const [last] = (await finished) as [{ done: number }];
  await once(writer, "exit");

  assert.equal(mode(target), 0o600);
  assert.equal(result.sha256, sha(target));
  assert.deepEqual(rows(target, "PRAGMA integrity_check"), [{ integrity_check: "ok" }]);
  const pairs = rows<{ i: number; n: number }>(target, "SELECT CAST(value AS INTEGER) AS i, count(*) AS n FROM app_meta WHERE key LIKE 'load:%' GROUP BY value ORDER BY i");
  assert.ok(pairs.length >= 50, `the copy holds the writes committed before it (${pairs.length})`);
  assert.ok(pairs.length <= last.done);
  assert.ok(pairs.every((p, k) => p.i === k && p.n === 2), "whole transactions only, none missing before the last one copied");
  const audited = rows<{ detail: string }>(live, "SELECT detail FROM audit_logs WHERE action = 'export' AND entity_type = 'database' ORDER BY chain_seq DESC LIMIT 1");
  assert.match(audited[0]!.detail, /"event":"backup"/);
  assert.ok(auditVerifies(live).ok, "the live chain still verifies");
});

test("a backup never overwrites an existing file unless asked, and leaves no temp file", () => {
  const target = path.join(root, "exists.db");
  fs.writeFileSync(target, "precious");
  assert.throws(() => backupDatabase(live, target), /already exists; it was left as it is/);
  assert.equal(fs.readFileSync(target, "utf8"), "precious");
  backupDatabase(live, target, { overwrite: true });
  assert.equal(mode(target), 0o600);
  assert.deepEqual(rows(target, "PRAGMA quick_check"), [{ quick_check: "ok" }]);
  assert.deepEqual(fs.readdirSync(root).filter((n) => n.endsWith(".tmp")), []);
});

test("restore refuses a damaged, a newer, a foreign-key and a non-Tsunagu file with its reason, and changes nothing", async () => {
  freshLive();
  const corrupt = path.join(root, "corrupt.db");
  const bytes = fs.readFileSync(base);
  const page = 4096;
  bytes.fill(0xa5, page * 2, page * 4); // two b-tree pages overwritten
  fs.writeFileSync(corrupt, bytes);
  const notDb = path.join(root, "not-a-db.db");
  fs.writeFileSync(notDb, "this is a CSV,not a database\n");

  const newer = path.join(root, "newer.db");
  fs.copyFileSync(base, newer);
  const raw = new Database(newer);
  raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', (SELECT max(created_at) + 86400000 FROM __drizzle_migrations))").run();
  raw.close();

  // Another installation: its own data key, so its identities cannot be read with folder A's key.
  const foreignLive = path.join(B, "tsunagu.db");
  const other = openDatabase(foreignLive);
  await prepareDatabase(other);
  closeDatabase(other);
  const foreign = path.join(root, "foreign.db");
  backupDatabase(foreignLive, foreign);

  const plain = path.join(root, "plain.db");
  new Database(plain).exec("CREATE TABLE t (x)");

  const state = liveState();
  const cases: [string, RegExp][] = [
    [corrupt, /The backup is damaged/],
    [notDb, /not a readable SQLite database/],
    [newer, /made by a newer version of Tsunagu/],
    [foreign, /encrypted under the data key .*, but the current key .* is /],
    [plain, /not one of Tsunagu's/],
  ];
  for (const [file, message] of cases) {
    assert.throws(() => restoreDatabase(file, live), (e: Error) => e instanceof BackupError && message.test(e.message) && /Nothing was changed/.test(e.message), path.basename(file));
    assert.deepEqual(liveState(), state, `${path.basename(file)}: the live database and its folder are unchanged`);
  }
});

test("restore refuses while the app has the database open, and changes nothing", () => {
  freshLive();
  const app = new Database(live);
  app.pragma("journal_mode = WAL");
  app.prepare("SELECT count(*) FROM users").get(); // open and idle, as the server is between requests
  try {
    const state = liveState();
    assert.throws(() => restoreDatabase(base, live), DatabaseRunningError);
    assert.deepEqual(liveState(), state);
  } finally {
    app.close();
  }
});

test("restore keeps the replaced database (0600), removes its WAL from the live name, and the restored one opens with a verifying audit chain", () => {
  freshLive();
  // A change after the backup: present in the replaced file, absent from the restored one.
  const db = openDatabase(live);
  (db as unknown as { $client: Database.Database }).$client.prepare("INSERT INTO app_meta (key, value) VALUES ('after-backup', 'x')").run();
  db.transaction(() => {}); // an idle transaction: nothing appended, the head stays
  closeDatabase(db);
  const headBefore = fs.readFileSync(auditHeadFile(live), "utf8");
  fs.writeFileSync(`${live}-wal`, ""); // a stale, empty WAL left by a crash

  const result = restoreDatabase(base, live, { now: new Date("2026-12-06T01:02:03.004Z") });
  assert.equal(result.replaced, `${live}.replaced-2026-12-06T01-02-03-004Z`);
  assert.equal(result.level, "same");
  assert.ok(result.audit.ok, result.audit.problems.join("; "));
  assert.equal(mode(result.replaced!), 0o600);
  assert.equal(rows(result.replaced!, "SELECT key FROM app_meta WHERE key = 'after-backup'").length, 1, "the replaced database is kept whole");
  assert.equal(fs.readFileSync(`${result.replaced}.audit-head`, "utf8"), headBefore, "the replaced database's head is kept beside it");
  assert.equal(rows(live, "SELECT key FROM app_meta WHERE key = 'after-backup'").length, 0);
  assert.equal(mode(live), 0o600);
  const restore = rows<{ detail: string }>(live, "SELECT detail FROM audit_logs WHERE action = 'update' AND entity_type = 'database' ORDER BY chain_seq DESC LIMIT 1");
  assert.match(restore[0]!.detail, /"event":"restore"/);
  const verify = auditVerifies(live);
  assert.ok(verify.ok, verify.problems.join("; "));
  // And the app opens it again as usual.
  closeDatabase(openDatabase(live));
});

test("restore accepts a backup from an older version (one migration behind) and migrates it on open", async () => {
  freshLive();
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const migrations = readMigrationFiles({ migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  const older = path.join(root, "older.db");
  const raw = new Database(older);
  raw.exec(`CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  raw.transaction(() => {
    for (const m of migrations.slice(0, -1)) {
      for (const statement of m.sql) raw.prepare(statement).run();
      raw.prepare(`INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)`).run(m.hash, m.folderMillis);
    }
  })();
  raw.close();

  const result = restoreDatabase(older, live);
  assert.equal(result.level, "older");
  assert.ok(result.audit.ok, result.audit.problems.join("; "));
  assert.equal(rows<{ n: number }>(live, "SELECT count(*) AS n FROM __drizzle_migrations")[0]!.n, migrations.length, "migrated to this version");
  assert.ok(auditVerifies(live).ok);
});
