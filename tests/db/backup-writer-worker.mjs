// A second connection writing in a loop while tests/db/backup.test.ts takes a backup: each
// transaction writes a pair of rows, so a consistent copy holds whole pairs only, numbered 0..n-1.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, stop } = workerData;
const flag = new Int32Array(stop);
const pause = new Int32Array(new SharedArrayBuffer(4));
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.pragma("busy_timeout = 5000");
const insert = sqlite.prepare("INSERT INTO app_meta (key, value) VALUES (?, ?)");
const pair = sqlite.transaction((i) => {
  insert.run(`load:${i}:a`, String(i));
  insert.run(`load:${i}:b`, String(i));
});
let i = 0;
while (Atomics.load(flag, 0) === 0) {
  pair.immediate(i);
  i += 1;
  if (i === 50) parentPort.postMessage({ started: i });
  // Steady, not a 100 % busy loop: SQLite has no queue for the write lock, and another
  // connection's busy handler (which polls) would starve behind a writer that never lets go.
  Atomics.wait(pause, 0, 0, 1);
}
sqlite.close();
parentPort.postMessage({ done: i });
