/**
 * `npm run keys:rotate`: a new data key for encryption at rest (ADR 0040). Stop the app first: a
 * running server keeps the old key in memory. In one transaction every encrypted column and search
 * hash of DATABASE_PATH (default data/tsunagu.db) is rewritten under the new key; the old key is
 * kept in the database wrapped under the new one, so the audit log (never rewritten) stays
 * readable.
 *
 * - Key file (the default): the new key is written to `data.key.next` (mode 0600) before the
 *   transaction and renamed to `data.key` after it commits; a crash in between is finished at the
 *   next start. Back the new key file up, apart from the database.
 * - TSUNAGU_DATA_KEY: set TSUNAGU_NEW_DATA_KEY to the new key (`openssl rand -hex 32`) for this
 *   run, then give the app that key as TSUNAGU_DATA_KEY.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { databasePath, openDatabase } from "@/db/client";
import { closeDatabase } from "@/db/reset";
import { DATA_KEY_ENV, dataKeyFile, nextDataKeyFile } from "@/lib/crypto/data-key";
import { parseDataKey } from "@/lib/crypto/keyring";
import { rotateDataKey } from "@/lib/crypto/rotate";

const NEW_KEY_ENV = "TSUNAGU_NEW_DATA_KEY";

const file = databasePath();
if (!fs.existsSync(file)) {
  console.error(`[tsunagu] No database at ${file}.`);
  process.exit(1);
}
const fromEnv = Boolean(process.env[DATA_KEY_ENV]);
let newKey: Buffer;
if (fromEnv) {
  const parsed = parseDataKey(process.env[NEW_KEY_ENV] ?? "");
  if (!parsed) {
    console.error(`[tsunagu] The data key comes from ${DATA_KEY_ENV}: set ${NEW_KEY_ENV} to the new key (64 hex digits, e.g. \`openssl rand -hex 32\`) and run again.`);
    process.exit(2);
  }
  newKey = parsed;
} else {
  newKey = crypto.randomBytes(32);
  fs.writeFileSync(nextDataKeyFile(file), newKey.toString("hex") + "\n", { mode: 0o600 });
}

const db = openDatabase(file);
let report;
try {
  report = rotateDataKey(db, newKey);
} catch (e) {
  if (!fromEnv) fs.rmSync(nextDataKeyFile(file), { force: true });
  console.error(`[tsunagu] Nothing was changed: ${(e as Error).message}`);
  process.exit(1);
} finally {
  closeDatabase(db);
}
if (!fromEnv) fs.renameSync(nextDataKeyFile(file), dataKeyFile(file));
console.log(
  `[tsunagu] Data key rotated from ${report.from} to ${report.to}: ${report.persons} persons, ${report.peers} peer supporters, ${report.corrections} corrections and ${report.freeText} free texts re-encrypted; the old key is kept, wrapped, for the audit log.`,
);
console.log(fromEnv ? `[tsunagu] Now start the app with ${DATA_KEY_ENV} set to the new key.` : `[tsunagu] The new key is in ${dataKeyFile(file)}: back it up, apart from the database.`);
