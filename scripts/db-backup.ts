/**
 * `npm run db:backup -- <file> [--overwrite]`: a consistent online backup of the database at
 * DATABASE_PATH (default data/tsunagu.db), safe while the app serves and writes (VACUUM INTO,
 * one snapshot). The file is written 0600 and never replaces an existing one unless --overwrite.
 * It holds the database only: identities are ciphertext, and the data key, the audit key and
 * AUTH_SECRET must be backed up apart (README, "Backup and restore"; ADR 0045).
 */
import { databasePath } from "@/db/client";
import { backupDatabase, BackupError } from "@/db/backup";

const USAGE = "Usage: npm run db:backup -- <backup file> [--overwrite]\n  Writes a consistent copy of the database at DATABASE_PATH (default data/tsunagu.db); safe while the app runs.";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const overwrite = args.includes("--overwrite");
const files = args.filter((a) => a !== "--overwrite");
if (files.length !== 1 || files[0]!.startsWith("-")) {
  console.error(`[tsunagu] ${files.length === 0 ? "Name the backup file." : `Unknown arguments: ${args.join(" ")}`}\n${USAGE}`);
  process.exit(2);
}

try {
  const result = backupDatabase(databasePath(), files[0]!, { overwrite });
  console.log(`[tsunagu] Backed up ${databasePath()} to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB, sha256 ${result.sha256}, ${result.ms} ms).`);
  console.log("[tsunagu] The backup holds no keys: keep data.key, audit.key (or their environment variables) and AUTH_SECRET backed up apart from it.");
} catch (e) {
  console.error(`[tsunagu] ${e instanceof BackupError ? "" : "The backup failed: "}${(e as Error).message}`);
  process.exit(1);
}
