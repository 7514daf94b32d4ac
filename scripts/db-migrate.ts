/**
 * `npm run db:migrate`: open the database at DATABASE_PATH (default data/tsunagu.db), which
 * applies any pending migration (db/client.ts migrates on open), and say where it stands.
 * The app does the same when it starts; this is for doing it beforehand, or checking.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { databasePath, MIGRATIONS_FOLDER, openDatabase } from "@/db/client";
import { closeDatabase } from "@/db/reset";

const USAGE = "Usage: npm run db:migrate\n  Applies pending migrations to the database at DATABASE_PATH (default data/tsunagu.db) and prints its migration level.";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
if (args.length > 0) {
  console.error(`[tsunagu] Unknown argument: ${args.join(" ")}\n${USAGE}`);
  process.exit(2);
}

type Journal = { entries: { idx: number; when: number; tag: string }[] };
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;

const file = databasePath();
const existed = file !== ":memory:" && fs.existsSync(file);
try {
  const db = openDatabase(file);
  const applied = new Set(db.all<{ createdAt: number }>(sql`SELECT created_at AS createdAt FROM __drizzle_migrations`).map((r) => Number(r.createdAt)));
  const latest = journal.entries.filter((e) => applied.has(e.when)).at(-1);
  const pending = journal.entries.filter((e) => !applied.has(e.when));
  closeDatabase(db);
  console.log(`[tsunagu] Database ${file}${existed ? "" : " (new)"}: at migration ${latest?.tag ?? "none"}, ${applied.size} of ${journal.entries.length} applied.`);
  if (pending.length > 0) {
    // openDatabase applies all of them or throws, so this would be a bug worth seeing.
    console.error(`[tsunagu] Still pending: ${pending.map((e) => e.tag).join(", ")}`);
    process.exit(1);
  }
} catch (e) {
  console.error(`[tsunagu] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
