/**
 * `npm run db:planner-stats -- <database>`: analyse a database of the country's shape (made by
 * `npm run db:synth -- --scale national`) and write its `sqlite_stat1` to db/planner-stats.json,
 * the statistics every database the app opens is given (db/planner-stats.ts, ADR 0051). Rerun it
 * after a migration that adds or changes indexes of the growing tables, and commit the file.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const file = process.argv[2];
/** Tables with fewer rows in the synthetic country get no statistics (the planner's defaults). */
const MIN_ROWS = 100;
if (!file || !fs.existsSync(file)) {
  console.error("Usage: npm run db:planner-stats -- <database made by npm run db:synth -- --scale national>");
  process.exit(1);
}

async function main() {
  // Open it as the app does first: the migrations (and their indexes) must be the code's.
  process.env.DATABASE_PATH = file;
  const { getDb } = await import("@/db/client");
  getDb();
  const sqlite = new Database(file);
  const started = Date.now();
  sqlite.pragma("analysis_limit = 0");
  sqlite.exec("ANALYZE");
  const rows = sqlite
    .prepare(
      // Not the tables the synthetic country leaves (nearly) empty but that grow in use (the audit
      // log, transfers, change requests …): their statistics would tell the planner they are empty.
      `SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL AND tbl NOT LIKE 'sqlite_%' AND tbl NOT IN ('__drizzle_migrations', 'audit_logs')
         AND CAST(stat AS INTEGER) >= ${MIN_ROWS} ORDER BY tbl, idx`,
    )
    .all() as { tbl: string; idx: string; stat: string }[];
  sqlite.close();
  const out = path.join("db", "planner-stats.json");
  fs.writeFileSync(out, `${JSON.stringify(rows, null, 1)}\n`);
  console.log(`Analysed ${file} in ${Math.round((Date.now() - started) / 1000)} s: ${rows.length} index statistics written to ${out}.`);
}

void main();
