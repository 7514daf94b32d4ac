import "server-only";
import crypto from "node:crypto";
import { loadKeyFromEnvOrFile } from "@/lib/crypto/key-file";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { preparedOnce } from "@/db/statement-cache";

/*
 * The audit log's hash chain (ADR 0035). Each row carries `chain_seq` (1, 2, 3, … with no gap) and
 * `chain_hash` = HMAC-SHA256(key, previous row's chain_hash + this row's content). The key is kept
 * outside the database (TSUNAGU_AUDIT_KEY, or a key file beside the database created on first
 * start with mode 0600), so whoever can write the database file but not read the key cannot edit,
 * insert or remove a row without breaking the chain. A chain alone cannot show rows cut from its
 * end, so its head (last seq and hash, itself MACed) is also kept in a file beside the database,
 * written after each commit that appended to the log. Just before that commit, inside the
 * transaction, the chain's new end is written to a pending head file beside it (MACed the same
 * way), and removed once the head has moved: a crash between the commit and the head write leaves
 * the head one transaction behind (many rows for an import) and the pending head naming the
 * chain's end, which verify accepts; rows cut from the end still show (neither names the end).
 *
 * This module takes the raw better-sqlite3 handle, not drizzle, so db/client.ts (start-up) and
 * scripts/audit-verify.ts can use it without a circular import.
 */

export const AUDIT_TRIGGERS = ["audit_logs_no_update", "audit_logs_no_delete"] as const;

/** The content the HMAC covers, in a fixed order. */
export type ChainRow = {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_username: string;
  actor_role: string | null;
  prefecture_code: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string | null;
  ip: string | null;
};
const CONTENT_COLUMNS = "id, at, actor_user_id, actor_username, actor_role, prefecture_code, action, entity_type, entity_id, detail, ip";

export type ChainHead = { seq: number; hash: string };

/** HMAC of one row: its place, the previous row's hash ("" for the first) and its content. */
export function chainHash(key: Buffer, prevHash: string | null, seq: number, row: ChainRow): string {
  const content = [
    prevHash ?? "",
    seq,
    row.id,
    row.at,
    row.actor_user_id,
    row.actor_username,
    row.actor_role,
    row.prefecture_code,
    row.action,
    row.entity_type,
    row.entity_id,
    row.detail,
    row.ip,
  ];
  return crypto.createHmac("sha256", key).update(JSON.stringify(content)).digest("hex");
}

function headMac(key: Buffer, head: ChainHead): string {
  return crypto.createHmac("sha256", key).update(`audit-head|${head.seq}|${head.hash}`).digest("hex");
}

// ---------------------------------------------------------------------------------------------
// Where the key and the head live
// ---------------------------------------------------------------------------------------------

export const AUDIT_KEY_ENV = "TSUNAGU_AUDIT_KEY";

/** The key file of a database: in its folder (the data folder), never inside the database. */
export function auditKeyFile(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), "audit.key");
}

/** The head file of a database: beside it. */
export function auditHeadFile(dbFile: string): string {
  return `${path.resolve(dbFile)}.audit-head`;
}

/** The pending head of a database: the chain's end as a transaction about to commit left it. */
export function pendingHeadFile(dbFile: string): string {
  return `${auditHeadFile(dbFile)}.pending`;
}


/**
 * The audit key: TSUNAGU_AUDIT_KEY (at least 32 characters) if set; else the key file beside the
 * database, created on first use (32 random bytes, hex, mode 0600). An in-memory database (the
 * tests) gets a random key for the life of the process.
 */
export function loadAuditKey(dbFile: string): Buffer {
  return loadKeyFromEnvOrFile({ envName: AUDIT_KEY_ENV, file: auditKeyFile(dbFile), dbFile, label: "audit key" });
}

type StoredHead = ChainHead & { mac: string };
export type HeadRead = { state: "missing" } | { state: "forged"; head: ChainHead } | { state: "ok"; head: ChainHead };

/** Where a database's head is kept: a file beside it, or (in-memory databases) a variable. */
export interface HeadStore {
  read(): StoredHead | null;
  write(head: StoredHead): void;
  clear(): void;
}

export function fileHeadStore(dbFile: string, file = auditHeadFile(dbFile)): HeadStore {
  return {
    read() {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as StoredHead;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        return { seq: -1, hash: "", mac: "" }; // unreadable: reported as a head that does not match
      }
    },
    write(head) {
      // Unique per write: writers in one process (worker threads) or several must not share a temp file.
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(head) + "\n", { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
    clear() {
      fs.rmSync(file, { force: true });
    },
  };
}

export function memoryHeadStore(): HeadStore {
  let stored: StoredHead | null = null;
  return {
    read: () => stored,
    write: (head) => {
      stored = head;
    },
    clear: () => {
      stored = null;
    },
  };
}

export function readHead(store: HeadStore, key: Buffer): HeadRead {
  const stored = store.read();
  if (!stored) return { state: "missing" };
  const head = { seq: Number(stored.seq), hash: String(stored.hash) };
  const expected = headMac(key, head);
  const ok = typeof stored.mac === "string" && stored.mac.length === expected.length && crypto.timingSafeEqual(Buffer.from(stored.mac), Buffer.from(expected));
  return ok ? { state: "ok", head } : { state: "forged", head };
}

function storeHead(store: HeadStore, key: Buffer, head: ChainHead): void {
  store.write({ ...head, mac: headMac(key, head) });
}

/**
 * The chain of one open database: its key and where its head (and pending head) live.
 * `beforeHeadWrite` is for tests only: it runs after advanceHead has read the chain's end and
 * the current head and before it writes the new head, so a test can pause a writer exactly there.
 */
export type AuditChain = { key: Buffer; heads: HeadStore; pending: HeadStore; dbFile: string; beforeHeadWrite?: (next: ChainHead) => void };

export function chainFor(dbFile: string): AuditChain {
  const memory = dbFile === ":memory:";
  return {
    key: loadAuditKey(dbFile),
    heads: memory ? memoryHeadStore() : fileHeadStore(dbFile),
    pending: memory ? memoryHeadStore() : fileHeadStore(dbFile, pendingHeadFile(dbFile)),
    dbFile,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** The chain's last link: one SELECT down the chain_seq index (prepared once per connection, as it runs after every audited commit). */
export function lastLink(sqlite: Database.Database): ChainHead | null {
  const statement = preparedOnce(sqlite, "SELECT chain_seq AS seq, chain_hash AS hash FROM audit_logs WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1");
  return (statement.get() as ChainHead | undefined) ?? null;
}

/** The chain_hash of the row at `seq` (undefined if there is none). */
function hashAt(sqlite: Database.Database, seq: number): string | undefined {
  return (preparedOnce(sqlite, "SELECT chain_hash AS hash FROM audit_logs WHERE chain_seq = ?").get(seq) as { hash: string } | undefined)?.hash;
}

/** The next link for a row about to be inserted (call inside the writing transaction). */
export function nextLink(key: Buffer, prev: ChainHead | null, row: ChainRow): ChainHead {
  const seq = (prev?.seq ?? 0) + 1;
  return { seq, hash: chainHash(key, prev?.hash ?? null, seq, row) };
}

/**
 * After a commit that appended to the log: move the head to the chain's last link. The head only
 * moves forward from a head that still matches the chain; a head that does not (rows cut from the
 * end, a database swapped for an older copy) is left as it is, as evidence, until an operator
 * runs `npm run audit:verify` and, for a restore, adopts the restored database.
 * Returns false when it left the head alone for that reason.
 */
export function advanceHead(sqlite: Database.Database, chain: AuditChain): boolean {
  const last = lastLink(sqlite);
  if (!last) return true;
  const current = readHead(chain.heads, chain.key);
  if (current.state === "ok") {
    if (current.head.seq >= last.seq) return current.head.seq === last.seq; // another process got there first
    if (current.head.seq > 0) {
      if (hashAt(sqlite, current.head.seq) !== current.head.hash) return false;
    }
  } else if (current.state === "forged") {
    return false;
  } else if (last.seq !== 1) {
    // No head yet for a chain that is already longer than one row: only the start-up pass that
    // chains old rows, or adopting a restored database, may create it.
    return false;
  }
  chain.beforeHeadWrite?.(last);
  storeHead(chain.heads, chain.key, last);
  return true;
}

export type SettleResult = "moved" | "mismatch" | "busy";

/**
 * After the commit of a transaction that appended to the log: move the head to the chain's end and
 * clear the pending head, under the database's write lock (ADR 0054). Several processes (the
 * server's workers, a script) write to one file; without the lock, one could read the chain's end,
 * another commit and move the head past it, and the first then write its older end over the newer
 * head, or clear the pending head another transaction has just written before its own commit.
 * BEGIN IMMEDIATE … ROLLBACK writes nothing to the database (no WAL frame, no fsync): it only holds
 * the write lock while the head files change, so head moves happen in commit order. Returns
 * "mismatch" when the head does not match the chain (left alone, as advanceHead explains) and
 * "busy" when the lock could not be had within the busy timeout: the commit stands, the pending
 * head names its end, and the next audited commit of any process moves the head past it.
 */
export function settleHead(sqlite: Database.Database, chain: AuditChain): SettleResult {
  // Already inside a transaction (a raw better-sqlite3 one around the app's): the lock is held, and,
  // as before, the head then moves ahead of that outer transaction's commit.
  if (sqlite.inTransaction) return settleUnderLock(sqlite, chain);
  try {
    preparedOnce(sqlite, "BEGIN IMMEDIATE").run();
  } catch (e) {
    if (String((e as { code?: unknown }).code).startsWith("SQLITE_BUSY")) return "busy";
    throw e;
  }
  try {
    return settleUnderLock(sqlite, chain);
  } finally {
    preparedOnce(sqlite, "ROLLBACK").run();
  }
}

function settleUnderLock(sqlite: Database.Database, chain: AuditChain): SettleResult {
  if (!advanceHead(sqlite, chain)) return "mismatch";
  chain.pending.clear();
  return "moved";
}

/**
 * Inside a transaction that appended to the log, just before it commits: the chain's new end as
 * the pending head (no temp file: a crash while writing it is a crash before the commit, when the
 * head already names the chain's end). db/client.ts clears it once the head has moved.
 */
export function writePendingHead(sqlite: Database.Database, chain: AuditChain): void {
  const last = lastLink(sqlite);
  if (last) storeHead(chain.pending, chain.key, last);
}

/** Set the head to the chain's last link unconditionally (the start-up pass, a restore); seq 0 for an empty log. */
export function resetHead(sqlite: Database.Database, chain: AuditChain): ChainHead | null {
  const last = lastLink(sqlite);
  storeHead(chain.heads, chain.key, last ?? { seq: 0, hash: "" });
  chain.pending.clear();
  return last;
}

/**
 * Chain the rows that have no link yet (those written before migration 0012), in insertion order,
 * in one transaction. The append-only trigger refuses the UPDATE, so the pass drops it and puts
 * the same trigger back inside the same transaction: either every old row is chained and the
 * trigger is back, or nothing changed. Returns how many rows it chained.
 */
export function chainUnchainedRows(sqlite: Database.Database, chain: AuditChain): number {
  const pending = (sqlite.prepare("SELECT count(*) AS n FROM audit_logs WHERE chain_seq IS NULL").get() as { n: number }).n;
  if (pending === 0) return 0;
  const hadHead = readHead(chain.heads, chain.key).state !== "missing";
  const run = sqlite.transaction(() => {
    const trigger = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_logs_no_update'").get() as { sql: string } | undefined;
    if (!trigger) throw new Error("audit_logs_no_update is missing");
    sqlite.exec("DROP TRIGGER audit_logs_no_update");
    const update = sqlite.prepare("UPDATE audit_logs SET chain_seq = ?, chain_hash = ? WHERE rowid = ?");
    let prev = lastLink(sqlite);
    const rows = sqlite.prepare(`SELECT rowid AS rid, ${CONTENT_COLUMNS} FROM audit_logs WHERE chain_seq IS NULL ORDER BY rowid`).all() as (ChainRow & { rid: number })[];
    for (const row of rows) {
      prev = nextLink(chain.key, prev, row);
      update.run(prev.seq, prev.hash, row.rid);
    }
    sqlite.exec(trigger.sql);
  });
  run.immediate();
  // A first pass over an upgraded database creates the head; later passes (rows some older build
  // wrote meanwhile) only move a head that still matches.
  if (hadHead) advanceHead(sqlite, chain);
  else resetHead(sqlite, chain);
  return pending;
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

export function missingAuditTriggers(sqlite: Database.Database): string[] {
  const present = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_logs'").all() as { name: string }[]).map((r) => r.name),
  );
  return AUDIT_TRIGGERS.filter((name) => !present.has(name));
}

/** Refuse to run on a database whose audit log has lost an append-only trigger. */
export function assertAuditTriggers(sqlite: Database.Database, dbFile: string): void {
  const missing = missingAuditTriggers(sqlite);
  if (missing.length === 0) return;
  throw new Error(
    `The audit log of ${dbFile} has lost its append-only trigger(s) ${missing.join(", ")}: someone changed the database behind the app's back. ` +
      `The app will not run on it. Run \`npm run audit:verify\` to see what else changed, and restore the database from a backup.`,
  );
}

export type VerifyReport = {
  ok: boolean;
  rows: number;
  problems: string[];
  notes: string[];
};

/** The pending head (MACed with the key) names the chain's end, and the head a link of the chain. */
function pendingNamesEnd(sqlite: Database.Database, chain: AuditChain, head: ChainHead, end: ChainHead): boolean {
  const pending = readHead(chain.pending, chain.key);
  if (pending.state !== "ok" || pending.head.seq !== end.seq || pending.head.hash !== end.hash) return false;
  const atHead = sqlite.prepare("SELECT chain_hash AS hash FROM audit_logs WHERE chain_seq = ?").get(head.seq) as { hash: string } | undefined;
  return head.seq === 0 || atHead?.hash === head.hash;
}

/**
 * Recompute the whole chain. Reports the first broken or missing link, rows without a link, a
 * head that does not match (one write behind is accepted, and noted) and missing triggers.
 */
export function verifyAuditChain(sqlite: Database.Database, chain: AuditChain): VerifyReport {
  const problems: string[] = [];
  const notes: string[] = [];
  for (const name of missingAuditTriggers(sqlite)) problems.push(`The append-only trigger ${name} is missing.`);

  const unchained = sqlite.prepare("SELECT count(*) AS n, min(id) AS first FROM audit_logs WHERE chain_seq IS NULL").get() as { n: number; first: string | null };
  if (unchained.n > 0) problems.push(`${unchained.n} row(s) carry no chain link (first id ${unchained.first}): inserted behind the app's back.`);

  let rows = 0;
  let prev: ChainHead | null = null;
  const byRowHash = new Map<number, string>();
  const iter = sqlite.prepare(`SELECT chain_seq AS seq, chain_hash AS hash, ${CONTENT_COLUMNS} FROM audit_logs WHERE chain_seq IS NOT NULL ORDER BY chain_seq`).iterate() as IterableIterator<
    ChainRow & ChainHead
  >;
  let broken = false;
  for (const row of iter) {
    rows += 1;
    if (!broken) {
      const expectedSeq: number = (prev?.seq ?? 0) + 1;
      if (row.seq !== expectedSeq) {
        problems.push(
          row.seq > expectedSeq
            ? `Missing link: row(s) ${expectedSeq}${row.seq - 1 > expectedSeq ? `–${row.seq - 1}` : ""} of the chain are gone (next present: seq ${row.seq}, id ${row.id}).`
            : `Broken link at seq ${row.seq} (id ${row.id}): out of order.`,
        );
        broken = true;
      } else if (chainHash(chain.key, prev?.hash ?? null, row.seq, row) !== row.hash) {
        problems.push(`Broken link at seq ${row.seq} (id ${row.id}): the row does not match its HMAC, so it (or its link) was changed behind the app's back.`);
        broken = true;
      }
    }
    prev = { seq: row.seq, hash: row.hash };
    // Keep only the last two links: what the head check needs.
    byRowHash.set(row.seq, row.hash);
    byRowHash.delete(row.seq - 2);
  }

  const head = readHead(chain.heads, chain.key);
  if (head.state === "missing") {
    if (rows > 0) problems.push(`The chain's head file is missing (${chain.dbFile === ":memory:" ? "in memory" : auditHeadFile(chain.dbFile)}): rows cut from the end could not be seen.`);
  } else if (head.state === "forged") {
    problems.push("The chain's head file does not carry a valid MAC: it was written by someone without the audit key.");
  } else if (!prev) {
    if (head.head.seq !== 0) problems.push(`The head names seq ${head.head.seq} but the audit log has no chained row: rows were removed.`);
  } else if (head.head.seq === prev.seq && head.head.hash === prev.hash) {
    // in step
  } else if (head.head.seq === prev.seq - 1 && byRowHash.get(head.head.seq) === head.head.hash) {
    notes.push(`The head is one write behind (seq ${head.head.seq} of ${prev.seq}): a crash between a commit and the head write; accepted.`);
  } else if (head.head.seq < prev.seq && pendingNamesEnd(sqlite, chain, head.head, prev)) {
    notes.push(
      `The head is one transaction behind (seq ${head.head.seq} of ${prev.seq}) and the pending head written before that transaction's commit names the chain's end: a crash between a commit and the head write; accepted.`,
    );
  } else if (head.head.seq > prev.seq) {
    problems.push(`The head does not match: it names seq ${head.head.seq} but the chain ends at seq ${prev.seq}: rows were cut from the end.`);
  } else {
    problems.push(`The head does not match: it names seq ${head.head.seq} (${head.head.hash.slice(0, 12)}…) but the chain ends at seq ${prev.seq} (${prev.hash.slice(0, 12)}…).`);
  }
  return { ok: problems.length === 0, rows, problems, notes };
}
