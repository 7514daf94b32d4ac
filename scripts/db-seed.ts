/**
 * `npm run db:seed`: bring the database at DATABASE_PATH (default data/tsunagu.db) to a usable
 * state with prepareDatabase: the organisation tree and plan periods always, demo accounts and
 * demo data unless TSUNAGU_DEMO_DATA=off. Each part is loaded only into an empty table, so
 * running it on a database that has them changes nothing. (The app does the same on start.)
 *
 * `npm run db:reset` (--reset): first move the database and its -wal/-shm aside, next to it,
 * renamed with the time (kept, not deleted), then seed a new one. Refused while the file is
 * open in another process, such as the running app.
 */
import { databasePath, openDatabase } from "@/db/client";
import { closeDatabase, moveDatabaseAside } from "@/db/reset";
import { prepareDatabase } from "@/db/seed";
import { applyDemoToday } from "@/db/seed/demo-today";

const USAGE = [
  "Usage: npm run db:seed            load the org tree, plan periods and (unless TSUNAGU_DEMO_DATA=off) demo data into empty tables",
  "       npm run db:reset           move the database aside (kept, renamed with the time) and seed a new one",
  "The database is DATABASE_PATH (default data/tsunagu.db).",
].join("\n");

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((a) => a !== "--reset");
if (unknown.length > 0) {
  console.error(`[tsunagu] Unknown argument: ${unknown.join(" ")}\n${USAGE}`);
  process.exit(2);
}
const reset = args.includes("--reset");
const log = (message: string) => console.log(`[tsunagu] ${message}`);

async function main(): Promise<void> {
  const file = databasePath();
  if (reset) {
    const moved = moveDatabaseAside(file);
    if (moved.length === 0) log(`No database at ${file}: creating a new one.`);
    else log(`Moved the old database aside (not deleted): ${moved.join(", ")}`);
  }
  // The same "today" the server uses (TSUNAGU_TODAY with demo data), so the demo is seeded up to it.
  log(applyDemoToday());
  const db = openDatabase(file);
  let loaded = false;
  await prepareDatabase(db, (message) => {
    loaded = true;
    log(message);
  });
  closeDatabase(db);
  if (!loaded) log(`Nothing to load: ${file} already has the organisation tree, plan periods${process.env.TSUNAGU_DEMO_DATA === "off" ? "" : " and demo data"}.`);
  else log(`Seeded ${file}${process.env.TSUNAGU_DEMO_DATA === "off" ? " (no demo data: TSUNAGU_DEMO_DATA=off)" : ""}.`);
}

main().catch((e: unknown) => {
  console.error(`[tsunagu] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
