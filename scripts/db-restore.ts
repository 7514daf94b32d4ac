/**
 * `npm run db:restore -- <backup file> [--allow-broken-audit-chain]`: replace the database at
 * DATABASE_PATH (default data/tsunagu.db) with a backup, with the app stopped. The backup is
 * checked first (integrity, migration level, that the current data key decrypts it, that its
 * audit log verifies under the current audit key); the replaced database is kept beside it as
 * `<db>.replaced-<time>`; the restored one is migrated if older and its audit chain re-anchored,
 * with the restore recorded in the audit log (ADR 0035, ADR 0045).
 */
import { databasePath } from "@/db/client";
import { BackupError, restoreDatabase } from "@/db/backup";

const USAGE =
  "Usage: npm run db:restore -- <backup file> [--allow-broken-audit-chain]\n" +
  "  Stop the app first. Replaces the database at DATABASE_PATH (default data/tsunagu.db) with the backup; the replaced file is kept beside it.";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const allowBrokenAuditChain = args.includes("--allow-broken-audit-chain");
const files = args.filter((a) => a !== "--allow-broken-audit-chain");
if (files.length !== 1 || files[0]!.startsWith("-")) {
  console.error(`[tsunagu] ${files.length === 0 ? "Name the backup file." : `Unknown arguments: ${args.join(" ")}`}\n${USAGE}`);
  process.exit(2);
}

const file = databasePath();
try {
  const result = restoreDatabase(files[0]!, file, { allowBrokenAuditChain });
  console.log(`[tsunagu] Restored ${file} from ${files[0]}${result.level === "older" ? " (made by an older version: migrated)" : ""}.`);
  if (result.replaced) console.log(`[tsunagu] The database it replaced is kept as ${result.replaced} (with its audit head beside it).`);
  if (result.audit.ok) console.log("[tsunagu] Its audit chain verifies; the head is re-anchored and the restore is in the audit log.");
  else for (const problem of result.audit.problems) console.error(`[tsunagu] Audit chain PROBLEM (recorded with the restore): ${problem}`);
} catch (e) {
  console.error(`[tsunagu] ${e instanceof BackupError ? "" : "The restore failed: "}${(e as Error).message}`);
  process.exit(1);
}
