// A worker thread standing in for one server process: its own connection to the shared database
// file (openDatabase), writing audited transactions (see tests/db/audit-head-processes.test.ts).
import { parentPort, workerData } from "node:worker_threads";
import { auditChainOf, openDatabase } from "@/db/client";
import { writeAudit, type AuditActor } from "@/lib/dal/audit";

type Job =
  | { databasePath: string; mode: "stress"; name: string; ms: number }
  // pauser: one transaction, then pause between reading the chain's end and writing the head
  // until the other writer is done (or `pauseMs` passes); writer: waits for that pause, then
  // writes one transaction of two rows and says it is done.
  | { databasePath: string; mode: "pauser" | "writer"; name: string; signals: SharedArrayBuffer; pauseMs: number };

const job = workerData as Job;
const db = openDatabase(job.databasePath);
const actor: AuditActor = { id: null, username: job.name, role: null, prefectureCode: "33", ip: "127.0.0.1" };

function audited(rows: number): void {
  db.transaction((tx) => {
    for (let i = 0; i < rows; i++) writeAudit(tx, actor, { action: "view", entityType: "case", entityId: `${job.name}-${i}` });
  });
}

const PAUSED = 0;
const DONE = 1;

if (job.mode === "stress") {
  let transactions = 0;
  const until = Date.now() + job.ms;
  while (Date.now() < until) {
    audited(1 + (transactions % 3));
    transactions += 1;
  }
  parentPort?.postMessage({ transactions });
} else if (job.mode === "pauser") {
  const signals = new Int32Array(job.signals);
  const { chain } = auditChainOf(db);
  let paused = false;
  chain.beforeHeadWrite = () => {
    if (paused) return;
    paused = true;
    Atomics.store(signals, PAUSED, 1);
    Atomics.notify(signals, PAUSED);
    // With the head moved under the write lock the writer cannot commit now: the wait times out.
    Atomics.wait(signals, DONE, 0, job.pauseMs);
  };
  audited(1);
  parentPort?.postMessage({ transactions: 1, writerDoneWhilePaused: Atomics.load(signals, DONE) === 1 });
} else {
  const signals = new Int32Array(job.signals);
  Atomics.wait(signals, PAUSED, 0, 10_000);
  audited(2);
  Atomics.store(signals, DONE, 1);
  Atomics.notify(signals, DONE);
  parentPort?.postMessage({ transactions: 1 });
}
