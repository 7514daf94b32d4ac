import { before, test } from "node:test";
import assert from "node:assert/strict";
import type Database from "better-sqlite3";
import { getDb } from "@/db/client";
import { INDICATOR_INPUTS, NOT_INDICATOR_INPUTS, TRIGGER_EVENTS, triggerName, triggersFor } from "@/db/indicator-inputs";
import { eq } from "drizzle-orm";
import { cases, restatements } from "@/db/schema";
import { requestTransfer } from "@/lib/dal/case-transfers";
import { lockYear, signOffYear } from "@/lib/dal/year-close";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Kept figures are live only if every write of an indicator input moves its prefecture's
 * generation (ADR 0055). The class of bug: a table a figure reads that no trigger watches (a new
 * table, or one a migration rebuilt, which drops its triggers), or a trigger that names the wrong
 * prefecture. Here: every table is accounted for, the database's triggers are the ones
 * db/indicator-inputs.ts writes, and on the demo data an update, a delete and an insert of a row
 * of every input table move exactly its prefecture's count (or the shared one).
 */

let sqlite: Database.Database;

before(async () => {
  await seededDb();
  sqlite = (getDb() as unknown as { $client: Database.Database }).$client;
  // Inputs the demo data leaves empty, written the way the app writes them.
  signOffYear(actorFor("bizen.sup"), { officeId: "33-bizen", fiscalYear: 2019, note: null });
  lockYear(actorFor("okayama.pref"), { fiscalYear: 2019 });
  const c = getDb().select().from(cases).where(eq(cases.officeId, "33-bizen")).get()!;
  requestTransfer(actorFor("bizen.sup"), { caseId: c.id, version: c.version, toOfficeId: "33-mimasaka", reason: "転居のため" });
  getDb()
    .insert(restatements)
    .values({ id: "probe-restatement", prefectureCode: "33", officeId: "33-bizen", fiscalYear: 2019, entityType: "meeting", entityId: "x", action: "update", changes: "{}", reason: "試験", createdBy: "probe", createdAt: "2020-05-01T00:00:00Z" })
    .run();
});

const tables = () =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const generations = () => new Map((sqlite.prepare("SELECT prefecture_code AS p, generation AS g FROM indicator_generations").all() as { p: string; g: number }[]).map((r) => [r.p, r.g]));

/** The prefectures whose count moved between two readings, each with by how much. */
function moved(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [p, g] of after) if (g !== (before.get(p) ?? 0)) out[p] = g - (before.get(p) ?? 0);
  return out;
}

test("every table is an indicator input or listed, with its reason, as not one", () => {
  const all = tables();
  const unlisted = all.filter((t) => !(t in INDICATOR_INPUTS) && !(t in NOT_INDICATOR_INPUTS));
  assert.deepEqual(unlisted, [], "add these to INDICATOR_INPUTS or NOT_INDICATOR_INPUTS in db/indicator-inputs.ts");
  const both = Object.keys(INDICATOR_INPUTS).filter((t) => t in NOT_INDICATOR_INPUTS);
  assert.deepEqual(both, []);
  const gone = [...Object.keys(INDICATOR_INPUTS), ...Object.keys(NOT_INDICATOR_INPUTS)].filter((t) => !all.includes(t));
  assert.deepEqual(gone, [], "listed tables that no longer exist");
});

test("the database's triggers are exactly the ones db/indicator-inputs.ts writes", () => {
  const stored = new Map((sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
  for (const table of Object.keys(INDICATOR_INPUTS)) {
    const expected = triggersFor(table);
    TRIGGER_EVENTS.forEach((event, i) => {
      const name = triggerName(table, event);
      assert.equal(stored.get(name), expected[i], `${name}: missing or not as db/indicator-inputs.ts writes it (a migration rebuilt ${table}?)`);
      stored.delete(name);
    });
  }
  assert.deepEqual(
    [...stored.keys()].filter((name) => name.includes("_indicator_generation_")),
    [],
    "generation triggers of tables that are not inputs",
  );
});

test("an update, a delete and an insert of a row of every input table move its prefecture's count by one", () => {
  // Deleting a row its children still name: constraints are not what this test is about.
  sqlite.pragma("foreign_keys = OFF");
  const empty: string[] = [];
  const appendOnly = new Set((sqlite.prepare("SELECT tbl_name AS t FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_no\\_update' ESCAPE '\\'").all() as { t: string }[]).map((r) => r.t));
  try {
    for (const [table, of] of Object.entries(INDICATOR_INPUTS)) {
      const row = sqlite.prepare(`SELECT rowid AS rid, * FROM "${table}" ORDER BY rowid LIMIT 1`).get() as ({ rid: number } & Record<string, unknown>) | undefined;
      if (!row) {
        empty.push(table);
        continue;
      }
      const expected = of === null ? "*" : (sqlite.prepare(`SELECT ${of.replaceAll("{row}", `"${table}"`)} AS p FROM "${table}" WHERE rowid = ?`).get(row.rid) as { p: string | null }).p;
      assert.ok(expected && (of === null || /^\d\d$/.test(expected)), `${table}: its row names no prefecture (${expected})`);
      const { rid: _rid, ...columns } = row;
      const names = Object.keys(columns);
      sqlite.exec("SAVEPOINT probe");
      try {
        let last = generations();
        const step = (what: string, run: () => void) => {
          run();
          const now = generations();
          assert.deepEqual(moved(last, now), { [expected]: 1 }, `${table} ${what}`);
          last = now;
        };
        const insert = (values: Record<string, unknown>) =>
          sqlite.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...names.map((n) => values[n]));
        if (appendOnly.has(table)) {
          // Rows of a kept history are never changed or removed (their own triggers refuse): a second row.
          step("insert", () => insert({ ...columns, id: `${String(columns.id)}-probe` }));
        } else {
          step("update", () => sqlite.prepare(`UPDATE "${table}" SET rowid = rowid WHERE rowid = ?`).run(row.rid));
          step("delete", () => sqlite.prepare(`DELETE FROM "${table}" WHERE rowid = ?`).run(row.rid));
          step("insert", () => insert(columns));
        }
      } finally {
        sqlite.exec("ROLLBACK TO probe; RELEASE probe");
      }
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
  assert.deepEqual(empty, [], "input tables with no row to try");
});
