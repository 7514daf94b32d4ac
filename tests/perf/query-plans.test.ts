import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type Database from "better-sqlite3";
import { seededDb } from "../helpers/test-db";
import { hotPathContext } from "@/scripts/bench/hot-path-context";
import { HOT_PATHS, fullScansIn, queryPlan, statementsOf, type HotPathContext } from "@/scripts/bench/hot-paths";

/*
 * Issue 14: no hot query reads a growing table whole. Each path of the bench runs as its page
 * runs it; every SELECT it prepared is explained by SQLite, and a `SCAN` of a table that grows
 * with the records (cases, activities, persons, …) fails the test, naming the statement. The app
 * keeps no sqlite_stat1 (it never runs ANALYZE), so the planner here decides as in production.
 */
describe("query plans of the hot paths (issue 14)", () => {
  let sqlite: Database.Database;
  let ctx: HotPathContext;
  before(async () => {
    const db = await seededDb();
    sqlite = (db as unknown as { $client: Database.Database }).$client;
    ctx = hotPathContext(db);
    assert.equal(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get()?.["n" as never], 0);
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
