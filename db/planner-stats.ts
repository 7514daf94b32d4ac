import type Database from "better-sqlite3";
import PLANNER_STATS from "./planner-stats.json";

/*
 * Fixed statistics for SQLite's query planner (issue 14, ADR 0051). Without statistics the planner
 * guesses how many rows an index narrows to, and at national scale it guessed wrong: it read a
 * year of the whole country's follow-ups by their due date rather than the prefecture's cases.
 * `sqlite_stat1` tells it the shape of the data (rows per office, per case, per status …). The
 * app ships the shape of a synthetic country (`npm run db:planner-stats`, from `npm run db:synth
 * -- --scale national`) and installs it in every database it opens, so the planner decides the same
 * way on a test database, a new prefecture and a national one, and the query-plan test
 * (tests/perf/query-plans.test.ts) checks the plans production makes. Only `sqlite_stat1`: no
 * sampled values (`sqlite_stat4`), which would be data, and plans that move with it.
 */

export type PlannerStat = { tbl: string; idx: string; stat: string };

/** Install the shipped statistics if the database holds others (once per upgrade; a few ms). */
export function installPlannerStats(sqlite: Database.Database, stats: readonly PlannerStat[] = PLANNER_STATS): boolean {
  const indexes = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name));
  const wanted = stats.filter((s) => indexes.has(s.idx)).map((s) => `${s.tbl}|${s.idx}|${s.stat}`).sort();
  const hasTable = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get();
  const present = hasTable ? (sqlite.prepare("SELECT tbl, idx, stat FROM sqlite_stat1").all() as PlannerStat[]).map((s) => `${s.tbl}|${s.idx}|${s.stat}`).sort() : [];
  if (present.length === wanted.length && present.every((s, i) => s === wanted[i])) return false;
  sqlite
    .transaction(() => {
      // Creates the statistics tables when there are none (ANALYZE of a table without indexes).
      if (!hasTable) sqlite.exec("ANALYZE sqlite_schema");
      sqlite.exec("DELETE FROM sqlite_stat1");
      if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").get()) sqlite.exec("DELETE FROM sqlite_stat4");
      const insert = sqlite.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)");
      for (const s of stats) if (indexes.has(s.idx)) insert.run(s.tbl, s.idx, s.stat);
    })
    .immediate();
  // The planner reads the statistics tables when told to: this reloads them without analysing anything.
  sqlite.exec("ANALYZE sqlite_schema");
  return true;
}
