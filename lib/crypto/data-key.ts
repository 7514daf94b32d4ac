import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { deriveDataKey, Keyring, parseDataKey, type DataKey } from "./keyring";

/*
 * Where the data key lives (ADR 0040), like the audit key (lib/dal/audit-chain.ts): TSUNAGU_DATA_KEY
 * if set, else `data.key` beside the database, created on first start (32 random bytes, hex, mode
 * 0600), never inside the database. The database keeps the ids of its keys in `data_keys`: the
 * current one (no key material) and the retired ones, each wrapped (an envelope) under the current
 * key, so envelopes written before a rotation stay readable.
 */

export const DATA_KEY_ENV = "TSUNAGU_DATA_KEY";

/** The key file of a database: in its folder (the data folder). */
export function dataKeyFile(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), "data.key");
}

/** The next key written by keys:rotate before its transaction commits (renamed to data.key after it). */
export function nextDataKeyFile(dbFile: string): string {
  return `${dataKeyFile(dbFile)}.next`;
}

let memoryKey: Buffer | null = null;

function readKeyFile(file: string): Buffer {
  const key = parseDataKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new Error(`The data key file ${file} does not hold a key (64 hex digits): restore it from the backup of the keys.`);
  return key;
}

/** The raw current data key of a database (see the comment above). An in-memory database gets a random key for the process. */
export function loadDataKey(dbFile: string): Buffer {
  const fromEnv = process.env[DATA_KEY_ENV];
  if (fromEnv) {
    const key = parseDataKey(fromEnv);
    if (!key) throw new Error(`${DATA_KEY_ENV} must be 32 bytes as 64 hex digits (for example from \`openssl rand -hex 32\`).`);
    return key;
  }
  if (dbFile === ":memory:") {
    memoryKey ??= crypto.randomBytes(32);
    return memoryKey;
  }
  const file = dataKeyFile(dbFile);
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  fs.chmodSync(file, 0o600);
  return readKeyFile(file);
}

type KeyRow = { id: string; state: "current" | "retired"; wrapped: string | null };

/**
 * The keyring of a database: its current key (from outside it) and its retired keys (unwrapped
 * with the current one). A database whose current key is not the one given is refused: every
 * envelope in it would be unreadable. A rotation that committed but did not rename its key file
 * (a crash in between) is finished here.
 */
export function keyringFor(sqlite: Database.Database, dbFile: string): Keyring {
  let current = deriveDataKey(loadDataKey(dbFile));
  const rows = sqlite.prepare("SELECT id, state, wrapped FROM data_keys").all() as KeyRow[];
  const stored = rows.find((r) => r.state === "current");
  if (stored && stored.id !== current.id && dbFile !== ":memory:" && !process.env[DATA_KEY_ENV]) {
    const next = nextDataKeyFile(dbFile);
    if (fs.existsSync(next) && deriveDataKey(readKeyFile(next)).id === stored.id) {
      fs.renameSync(next, dataKeyFile(dbFile));
      current = deriveDataKey(readKeyFile(dataKeyFile(dbFile)));
    }
  }
  if (stored && stored.id !== current.id) {
    throw new Error(
      `The database ${dbFile} is encrypted under the data key ${stored.id}, but the key given (${DATA_KEY_ENV} or ${dataKeyFile(dbFile)}) is ${current.id}. ` +
        `Nothing was changed: restore the key that belongs to this database.`,
    );
  }
  if (!stored) sqlite.prepare("INSERT INTO data_keys (id, state, wrapped, created_at) VALUES (?, 'current', NULL, ?)").run(current.id, new Date().toISOString());
  const unwrapping = new Keyring(current);
  const retired: DataKey[] = rows.filter((r) => r.state === "retired" && r.wrapped).map((r) => deriveDataKey(Buffer.from(unwrapping.decrypt(r.wrapped!), "hex")));
  return new Keyring(current, retired);
}
