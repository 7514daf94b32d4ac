import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type Database from "better-sqlite3";
import PLANNER_STATS from "@/db/planner-stats.json";
import { seededDb } from "../helpers/test-db";
import { hotPathContext } from "@/scripts/bench/hot-path-context";
import { HOT_PATHS, fullScansIn, queryPlan, statementsOf, type HotPathContext } from "@/scripts/bench/hot-paths";

/*
 * Issue 14: no hot query reads a growing table whole. Each path of the bench runs as its page
 * runs it; every SELECT it prepared is explained by SQLite, and a `SCAN` of a table that grows
 * with the records (cases, activities, persons, …) fails the test, naming the statement. Every
 * database the app opens holds the same fixed planner statistics (db/planner-stats.ts: the shape of
 * the synthetic country, no data), so SQLite plans here as it does on a national database.
 */
describe("query plans of the hot paths (issue 14)", () => {
  let sqlite: Database.Database;
  let ctx: HotPathContext;
  before(async () => {
    const db = await seededDb();
    sqlite = (db as unknown as { $client: Database.Database }).$client;
    ctx = hotPathContext(db);
    const shipped = PLANNER_STATS.filter((s) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(s.idx));
    assert.ok(shipped.length > 50, "the shipped planner statistics name the schema's indexes");
    assert.deepEqual(sqlite.prepare("SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx").all(), shipped, "the database holds the shipped planner statistics");
  });

  for (const path of HOT_PATHS) {
    it(`${path.name}: every query searches an index`, async () => {
      const statements = (await statementsOf(sqlite, () => path.run(ctx))).filter((s) => /^\s*(select|with)\b/i.test(s.source));
      assert.ok(statements.length > 0, "the path ran no query: the capture is broken");
      const scans = statements.flatMap((s) => fullScansIn(queryPlan(sqlite, s)).map((step) => `${step}\n    in: ${s.source.slice(0, 300)}`));
      assert.deepEqual(scans, [], `full scans of growing tables:\n${scans.join("\n")}`);
    });
  }
});
