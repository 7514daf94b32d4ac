import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase, type Db } from "@/db/client";
import { closeDatabase } from "@/db/reset";
import { auditHeadFile, auditKeyFile, chainFor, chainHash, nextLink, pendingHeadFile, verifyAuditChain, writePendingHead, type ChainRow } from "@/lib/dal/audit-chain";
import { adoptRestoredDatabase, SYSTEM_ACTOR, writeAudit, type AuditActor } from "@/lib/dal/audit";
import { detailOf } from "../helpers/audit-detail";

// ADR 0035: the audit log's HMAC chain, its head beside the database and the start-up checks.
delete process.env.TSUNAGU_AUDIT_KEY;

const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-audit-chain-"));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const actor: AuditActor = { id: "u1", username: "bizen.coord", role: "coordinator", prefectureCode: "33", ip: "127.0.0.1" };

let counter = 0;
/** A new database file in a folder of its own (which the app creates, so it is made 0700). */
function newDbFile(): string {
  counter += 1;
  return path.join(ROOT, `d${counter}`, "tsunagu.db");
}

function append(db: Db, n: number): void {
  for (let i = 0; i < n; i++) db.transaction((tx) => writeAudit(tx, actor, { action: "view", entityType: "case", entityId: `c${i}`, detail: { i } }));
}

/** Verify the way `npm run audit:verify` does: a separate, read-only connection and the key from the data folder. */
function verify(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    return verifyAuditChain(sqlite, chainFor(file));
  } finally {
    sqlite.close();
  }
}

/** A hand-run statement, as someone who can write the file would: through a connection of its own. */
function behindTheBack(file: string, run: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(file);
  try {
    run(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A database with `rows` audit rows, closed (checkpointed) again. */
function databaseWith(rows: number): string {
  const file = newDbFile();
  const db = openDatabase(file);
  append(db, rows);
  closeDatabase(db);
  return file;
}

const row = (over: Partial<ChainRow> = {}): ChainRow => ({
  id: "01J00000000000000000000000",
  at: "2026-12-06T10:00:00.000Z",
  actor_user_id: "u1",
  actor_username: "bizen.coord",
  actor_role: "coordinator",
  prefecture_code: "33",
  action: "view",
  entity_type: "case",
  entity_id: "c1",
  detail: null,
  ip: null,
  ...over,
});

describe("the chain function", () => {
  const key = Buffer.from("k".repeat(32));
  test("covers the previous hash, the place in the chain and every column of the row", () => {
    const base = chainHash(key, "prev", 5, row());
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(chainHash(key, "prev", 5, row()), base, "deterministic");
    assert.notEqual(chainHash(key, "other", 5, row()), base);
    assert.notEqual(chainHash(key, "prev", 6, row()), base);
    assert.notEqual(chainHash(Buffer.from("x".repeat(32)), "prev", 5, row()), base, "keyed");
    for (const [column, value] of Object.entries({ id: "x", at: "x", actor_user_id: null, actor_username: "x", actor_role: null, prefecture_code: null, action: "update", entity_type: "x", entity_id: null, detail: "{}", ip: "x" })) {
      assert.notEqual(chainHash(key, "prev", 5, row({ [column]: value })), base, `${column} is covered`);
    }
    // null and the string "null" are different contents
    assert.notEqual(chainHash(key, "prev", 5, row({ detail: "null" })), chainHash(key, "prev", 5, row({ detail: null })));
  });
  test("links start at 1 and follow the previous one", () => {
    const first = nextLink(key, null, row());
    assert.equal(first.seq, 1);
    assert.equal(first.hash, chainHash(key, null, 1, row()));
    const second = nextLink(key, first, row({ id: "2" }));
    assert.deepEqual(second, { seq: 2, hash: chainHash(key, first.hash, 2, row({ id: "2" })) });
  });
});

describe("audit:verify", () => {
  test("an untouched log verifies; key, head, folder and database files are private to the app's user", () => {
    const file = databaseWith(3);
    const report = verify(file);
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.rows, 3);
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    assert.equal(mode(path.dirname(file)), 0o700);
    assert.equal(mode(file), 0o600);
    assert.equal(mode(auditKeyFile(file)), 0o600);
    assert.equal(mode(auditHeadFile(file)), 0o600);
    const head = JSON.parse(fs.readFileSync(auditHeadFile(file), "utf8")) as { seq: number };
    assert.equal(head.seq, 3);
  });

  test("a row edited behind the app's back (trigger dropped, row edited, trigger restored) is reported", () => {
    const file = databaseWith(4);
    behindTheBack(file, (sqlite) => {
      const trigger = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_logs_no_update'").get() as { sql: string }).sql;
      sqlite.exec("DROP TRIGGER audit_logs_no_update");
      sqlite.prepare("UPDATE audit_logs SET entity_id = 'someone-else' WHERE chain_seq = 2").run();
      sqlite.exec(trigger);
    });
    const report = verify(file);
    assert.equal(report.ok, false);
    assert.equal(report.problems.length, 1, report.problems.join("\n"));
    assert.match(report.problems[0]!, /Broken link at seq 2 .*does not match its HMAC/);
  });

  test("a deleted last row: the chain still links, the head does not match", () => {
    const file = databaseWith(4);
    behindTheBack(file, (sqlite) => {
      sqlite.exec("DROP TRIGGER audit_logs_no_delete");
      sqlite.prepare("DELETE FROM audit_logs WHERE chain_seq = 4").run();
      sqlite.exec("CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs BEGIN SELECT RAISE(ABORT, 'audit_logs is append-only'); END");
    });
    const report = verify(file);
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems.length, 1, report.problems.join("\n"));
    assert.match(report.problems[0]!, /head does not match: it names seq 4 but the chain ends at seq 3: rows were cut from the end/);

    // The app keeps the evidence: its next write does not move the mismatched head forward.
    const db = openDatabase(file);
    const quiet = console.error;
    console.error = () => {};
    try {
      append(db, 2);
    } finally {
      console.error = quiet;
      closeDatabase(db);
    }
    assert.match(verify(file).problems.join("\n"), /head does not match: it names seq 4/);
  });

  test("a deleted middle row is a missing link", () => {
    const file = databaseWith(5);
    behindTheBack(file, (sqlite) => {
      sqlite.exec("DROP TRIGGER audit_logs_no_delete");
      sqlite.prepare("DELETE FROM audit_logs WHERE chain_seq = 3").run();
      sqlite.exec("CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs BEGIN SELECT RAISE(ABORT, 'audit_logs is append-only'); END");
    });
    assert.match(verify(file).problems.join("\n"), /Missing link: row\(s\) 3 of the chain are gone \(next present: seq 4/);
  });

  test("a row inserted without a link is reported", () => {
    const file = databaseWith(2);
    behindTheBack(file, (sqlite) => {
      sqlite.prepare("INSERT INTO audit_logs (id, at, actor_username, action, entity_type) VALUES ('forged', '2026-01-01T00:00:00.000Z', 'x', 'view', 'case')").run();
    });
    assert.match(verify(file).problems.join("\n"), /1 row\(s\) carry no chain link \(first id forged\)/);
  });

  test("a dropped trigger is reported, and the app refuses to start on that database", () => {
    const file = databaseWith(2);
    behindTheBack(file, (sqlite) => sqlite.exec("DROP TRIGGER audit_logs_no_update"));
    const report = verify(file);
    assert.deepEqual(report.problems, ["The append-only trigger audit_logs_no_update is missing."]);
    assert.throws(() => openDatabase(file), /lost its append-only trigger\(s\) audit_logs_no_update.*will not run/);
  });

  test("a head one write behind (a crash between the commit and the head write) is accepted", () => {
    const file = newDbFile();
    const db = openDatabase(file);
    append(db, 3);
    const headBefore = fs.readFileSync(auditHeadFile(file));
    append(db, 1);
    closeDatabase(db);
    fs.writeFileSync(auditHeadFile(file), headBefore);
    const report = verify(file);
    assert.deepEqual(report.problems, []);
    assert.match(report.notes.join("\n"), /one write behind \(seq 3 of 4\)/);

    // Two writes behind is not a crash.
    const db2 = openDatabase(file);
    append(db2, 1);
    closeDatabase(db2);
    assert.equal(JSON.parse(fs.readFileSync(auditHeadFile(file), "utf8")).seq, 5, "the next write moves the lagging head on");
    fs.writeFileSync(auditHeadFile(file), headBefore);
    assert.match(verify(file).problems.join("\n"), /names seq 3 .*ends at seq 5/);
  });

  test("a head one whole transaction behind (an import's many rows; a crash between the commit and the head write) is accepted through the pending head", () => {
    const file = newDbFile();
    const db = openDatabase(file);
    append(db, 3);
    const headBefore = fs.readFileSync(auditHeadFile(file));
    // One transaction of five rows, as an import writes them.
    db.transaction((tx) => {
      for (let i = 0; i < 5; i++) writeAudit(tx, actor, { action: "create", entityType: "case", entityId: `imported${i}`, detail: { i } });
    });
    assert.equal(fs.existsSync(pendingHeadFile(file)), false, "the pending head is gone once the head has moved");
    closeDatabase(db);
    // The crash: the commit reached the file, the head write did not; the pending head written just
    // before the commit is still there.
    fs.writeFileSync(auditHeadFile(file), headBefore);
    behindTheBack(file, (sqlite) => writePendingHead(sqlite, chainFor(file)));
    const report = verify(file);
    assert.deepEqual(report.problems, []);
    assert.match(report.notes.join("\n"), /one transaction behind \(seq 3 of 8\)/);

    // Without the pending head, or with rows cut from the end, it is not a crash.
    fs.rmSync(pendingHeadFile(file));
    assert.match(verify(file).problems.join("\n"), /names seq 3 .*ends at seq 8/);
    behindTheBack(file, (sqlite) => writePendingHead(sqlite, chainFor(file)));
    behindTheBack(file, (sqlite) => {
      sqlite.exec("DROP TRIGGER audit_logs_no_delete");
      sqlite.prepare("DELETE FROM audit_logs WHERE chain_seq = 8").run();
    });
    assert.match(verify(file).problems.join("\n"), /names seq 3 .*ends at seq 7/);
  });

  test("a head file written without the key is reported", () => {
    const file = databaseWith(2);
    const head = JSON.parse(fs.readFileSync(auditHeadFile(file), "utf8")) as { seq: number; hash: string; mac: string };
    fs.writeFileSync(auditHeadFile(file), JSON.stringify({ ...head, seq: 1, mac: head.mac }));
    assert.match(verify(file).problems.join("\n"), /does not carry a valid MAC/);
  });
});

describe("start-up and restore", () => {
  test("rows written before the chain existed are chained once at start, in insertion order, and the trigger is back", () => {
    const file = databaseWith(2);
    behindTheBack(file, (sqlite) => {
      // What migration 0012 leaves: rows with no link (here: written by an older build after the upgrade).
      const insert = sqlite.prepare("INSERT INTO audit_logs (id, at, actor_username, action, entity_type) VALUES (?, '2026-01-01T00:00:00.000Z', 'old', 'view', 'case')");
      for (const id of ["zz-first", "aa-second"]) insert.run(id);
    });
    const db = openDatabase(file);
    closeDatabase(db);
    const report = verify(file);
    assert.deepEqual(report.problems, []);
    assert.equal(report.rows, 4);
    behindTheBack(file, (sqlite) => {
      const order = sqlite.prepare("SELECT id FROM audit_logs WHERE chain_seq > 2 ORDER BY chain_seq").all() as { id: string }[];
      assert.deepEqual(order.map((r) => r.id), ["zz-first", "aa-second"]);
      assert.throws(() => sqlite.exec("UPDATE audit_logs SET ip = 'x'"), /append-only/);
    });
  });

  test("adopting a restored database writes its head and records the restore", () => {
    const file = databaseWith(3);
    const backup = `${file}.backup`;
    fs.copyFileSync(file, backup);
    const db = openDatabase(file);
    append(db, 2);
    closeDatabase(db);
    // The restore: the backup is put back in place; the head beside it is the replaced file's.
    fs.copyFileSync(backup, file);
    assert.match(verify(file).problems.join("\n"), /names seq 5 but the chain ends at seq 3/);

    const restored = openDatabase(file);
    const report = adoptRestoredDatabase(restored, SYSTEM_ACTOR, "tsunagu.db.backup");
    closeDatabase(restored);
    assert.deepEqual(report.problems, []);
    const after = verify(file);
    assert.deepEqual(after.problems, []);
    assert.equal(after.rows, 4);
    behindTheBack(file, (sqlite) => {
      const last = sqlite.prepare("SELECT actor_username, action, entity_type, detail FROM audit_logs ORDER BY chain_seq DESC LIMIT 1").get() as {
        actor_username: string;
        action: string;
        entity_type: string;
        detail: string;
      };
      assert.equal(last.actor_username, "system");
      assert.equal(last.entity_type, "database");
      const detail = detailOf(last) as { event: string; source: string; replacedHead: { seq: number }; restoredHead: { seq: number } };
      assert.equal(detail.event, "restore");
      assert.equal(detail.source, "tsunagu.db.backup");
      assert.equal(detail.replacedHead.seq, 5);
      assert.equal(detail.restoredHead.seq, 3);
    });
  });
});
