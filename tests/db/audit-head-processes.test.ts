import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { auditChainOf, openDatabase } from "@/db/client";
import { closeDatabase } from "@/db/reset";
import { chainFor, lastLink, readHead, settleHead, verifyAuditChain, writePendingHead } from "@/lib/dal/audit-chain";
import { writeAudit } from "@/lib/dal/audit";

// ADR 0054: several server processes on one database file. Each worker thread here has its own
// connection (openDatabase), as a process would; the chain's head must end at the chain's end.
delete process.env.TSUNAGU_AUDIT_KEY;

const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-audit-head-"));
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

let counter = 0;
function newDatabase(): string {
  counter += 1;
  const file = path.join(ROOT, `d${counter}`, "tsunagu.db");
  closeDatabase(openDatabase(file)); // created and migrated once, before the writers start
  return file;
}

function run(workerData: Record<string, unknown>): Promise<{ transactions: number; writerDoneWhilePaused?: boolean }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL("../helpers/ts-worker.mjs", import.meta.url), {
      workerData: { entry: "../db/audit-head-worker.ts", ...workerData },
      execArgv: ["--conditions=react-server", "--import", "tsx"],
    });
    w.once("message", resolve);
    w.once("error", reject);
  });
}

/** What `npm run audit:verify` sees, plus the head and pending head against the chain's end. */
function settled(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const chain = chainFor(file);
    const head = readHead(chain.heads, chain.key);
    return { report: verifyAuditChain(sqlite, chain), end: lastLink(sqlite), head: head.state === "ok" ? head.head : null, pending: readHead(chain.pending, chain.key).state };
  } finally {
    sqlite.close();
  }
}

test("two writers pausing between reading the chain's end and writing the head: the head still ends at the chain's end", async () => {
  const file = newDatabase();
  const signals = new SharedArrayBuffer(8);
  const [pauser] = await Promise.all([
    run({ databasePath: file, mode: "pauser", name: "a", signals, pauseMs: 1500 }),
    run({ databasePath: file, mode: "writer", name: "b", signals, pauseMs: 0 }),
  ]);
  const { report, end, head, pending } = settled(file);
  assert.deepEqual(report.problems, []);
  assert.equal(report.ok, true);
  assert.equal(end?.seq, 3);
  assert.deepEqual(head, end, "the head names the chain's end");
  assert.equal(pending, "missing", "no pending head left behind");
  // The writer could not commit while the pauser held the write lock to move its head.
  assert.equal(pauser.writerDoneWhilePaused, false, "the other writer committed while a head was being moved");
});

test("two writers appending audited transactions at once for two seconds: verify is ok and the head names the chain's end", async () => {
  const file = newDatabase();
  const results = await Promise.all([run({ databasePath: file, mode: "stress", name: "a", ms: 2000 }), run({ databasePath: file, mode: "stress", name: "b", ms: 2000 })]);
  assert.ok(results.every((r) => r.transactions > 0));
  const { report, end, head, pending } = settled(file);
  assert.deepEqual(report.problems, []);
  assert.equal(report.ok, true);
  assert.ok((end?.seq ?? 0) >= results.reduce((n, r) => n + r.transactions, 0));
  assert.deepEqual(head, end, "the head names the chain's end");
  assert.equal(pending, "missing", "no pending head left behind");
});

test("a head move that cannot have the write lock leaves the head and the pending head as they are, and the next one moves it", () => {
  const file = newDatabase();
  const db = openDatabase(file);
  const { sqlite, chain } = auditChainOf(db);
  const actor = { id: null, username: "t", role: null, prefectureCode: "33", ip: null };
  db.transaction((tx) => writeAudit(tx, actor, { action: "view", entityType: "case", entityId: "c1" }));
  const headAtOne = chain.heads.read()!;
  db.transaction((tx) => writeAudit(tx, actor, { action: "view", entityType: "case", entityId: "c2" }));
  // As a transaction leaves it between its commit and its head move: head at 1, pending head at 2.
  chain.heads.write(headAtOne);
  writePendingHead(sqlite, chain);
  const other = new Database(file);
  sqlite.pragma("busy_timeout = 50");
  try {
    other.prepare("BEGIN IMMEDIATE").run();
    const before = readHead(chain.heads, chain.key);
    assert.equal(settleHead(sqlite, chain), "busy");
    assert.deepEqual(readHead(chain.heads, chain.key), before, "the head did not move without the lock");
    assert.equal(readHead(chain.pending, chain.key).state, "ok", "the pending head still names the chain's end");
    const behind = settled(file);
    assert.equal(behind.head?.seq, 1);
    assert.equal(behind.report.ok, true, "verify accepts it meanwhile: the pending head names the chain's end");
    other.prepare("ROLLBACK").run();
    assert.equal(settleHead(sqlite, chain), "moved");
    const { report, end, head, pending } = settled(file);
    assert.equal(report.ok, true);
    assert.deepEqual(head, end);
    assert.equal(pending, "missing");
  } finally {
    other.close();
    closeDatabase(db);
  }
});
