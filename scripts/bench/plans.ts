/**
 * `npm run bench:plans -- [--db <file>]`: the query plan of every statement the hot paths run
 * (scripts/bench/hot-paths.ts), with the full scans of growing tables marked. Without --db, on a
 * throw-away demo database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dbArg = process.argv.indexOf("--db");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-plans-"));
process.env.DATABASE_PATH = dbArg > 0 ? process.argv[dbArg + 1]! : path.join(dir, "plans.db");

async function main() {
  const { getDb } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/seed");
  const { hotPathContext } = await import("./hot-path-context");
  const { HOT_PATHS, fullScansIn, queryPlan, statementsOf } = await import("./hot-paths");
  const db = getDb();
  if (dbArg < 0) await prepareDatabase(db);
  const sqlite = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
  const ctx = hotPathContext(db, process.argv.includes("--user") ? process.argv[process.argv.indexOf("--user") + 1] : undefined);
  let scans = 0;
  for (const p of HOT_PATHS) {
    const statements = await statementsOf(sqlite, () => p.run(ctx));
    console.log(`\n## ${p.name}: ${statements.length} statements`);
    for (const s of statements) {
      if (!/^\s*(select|with)/i.test(s.source)) continue;
      const plan = queryPlan(sqlite, s);
      const bad = fullScansIn(plan);
      scans += bad.length;
      if (bad.length || process.argv.includes("--all")) {
        console.log(`\n${s.source.slice(0, 700)}${s.source.length > 700 ? " …" : ""}`);
        for (const step of plan) console.log(`   ${fullScansIn([step]).length ? "!!" : "  "} ${step}`);
      }
    }
  }
  console.log(`\n${scans} full scans of growing tables.`);
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
