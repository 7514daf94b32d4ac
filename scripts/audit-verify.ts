/**
 * `npm run audit:verify`: recompute the audit log's hash chain of the database at DATABASE_PATH
 * (default data/tsunagu.db) with the audit key (TSUNAGU_AUDIT_KEY or the key file beside the
 * database) and report the first broken or missing link, rows without a link, a head file that
 * does not match (one write behind is accepted) and a missing append-only trigger. Exit code 0
 * when all is well, 1 when something is wrong. Read-only; safe while the app runs. ADR 0035.
 *
 * `npm run audit:verify -- --adopt-restore <what was restored>`: after putting a backup in place
 * (app stopped), adopt it: write its head and record the restore in the audit log.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { databasePath, openDatabase } from "@/db/client";
import { closeDatabase } from "@/db/reset";
import { AUDIT_KEY_ENV, auditKeyFile, chainFor, verifyAuditChain } from "@/lib/dal/audit-chain";
import { adoptRestoredDatabase, SYSTEM_ACTOR } from "@/lib/dal/audit";

const USAGE = [
  "Usage: npm run audit:verify                                    check the audit chain of DATABASE_PATH (default data/tsunagu.db)",
  "       npm run audit:verify -- --adopt-restore <backup name>   adopt a restored database: write its head, audit the restore",
].join("\n");

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const adopt = args[0] === "--adopt-restore";
if ((adopt && args.length !== 2) || (!adopt && args.length > 0)) {
  console.error(`[tsunagu] Unknown arguments: ${args.join(" ")}\n${USAGE}`);
  process.exit(2);
}

const file = databasePath();
if (!fs.existsSync(file)) {
  console.error(`[tsunagu] No database at ${file}.`);
  process.exit(1);
}
if (!process.env[AUDIT_KEY_ENV] && !fs.existsSync(auditKeyFile(file))) {
  console.error(`[tsunagu] No audit key: neither ${AUDIT_KEY_ENV} nor ${auditKeyFile(file)}. Without the key the chain cannot be checked.`);
  process.exit(1);
}

let report;
if (adopt) {
  const db = openDatabase(file);
  report = adoptRestoredDatabase(db, SYSTEM_ACTOR, args[1] ?? "");
  closeDatabase(db);
  console.log(`[tsunagu] Adopted ${file} as restored from ${args[1]}: its head is written and the restore is in the audit log.`);
} else {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    report = verifyAuditChain(sqlite, chainFor(file));
  } finally {
    sqlite.close();
  }
}
for (const note of report.notes) console.log(`[tsunagu] Note: ${note}`);
if (report.ok) {
  console.log(`[tsunagu] Audit chain of ${file}: ${report.rows} row(s), every link and the head match; the append-only triggers are in place.`);
} else {
  for (const problem of report.problems) console.error(`[tsunagu] PROBLEM: ${problem}`);
  console.error(`[tsunagu] Audit chain of ${file}: ${report.problems.length} problem(s) in ${report.rows} chained row(s).`);
  process.exit(1);
}
