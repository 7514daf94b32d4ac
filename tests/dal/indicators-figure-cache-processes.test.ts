import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/*
 * Kept figures across server workers (ADR 0054, 0055): each worker keeps its own figures, and a
 * write made through another connection to the file (another worker, a script, a hand-made SQL
 * fix) must show in this worker's next read. The class of bug: a cache that only hears of the
 * writes its own process makes. Here this process keeps a board, a second connection moves one
 * outreach contact out of the year in plain SQL, and the next board is the one computed afresh.
 */

const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-kept-figures-"));
const FILE = path.join(ROOT, "tsunagu.db");
process.env.DATABASE_PATH = FILE;
process.env.TSUNAGU_DEMO_DATA = "on";

const FY = 2022;

before(async () => {
  const { getDb } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/seed");
  await prepareDatabase(getDb());
});
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

test("a write by another connection to the file shows in this process's next read of kept figures", async () => {
  // Imported after the file is open: test-db.ts points DATABASE_PATH at :memory: when it loads.
  const { actorFor } = await import("../helpers/test-db");
  const { getIndicatorBoardForActor } = await import("@/lib/dal/indicators/index");
  const { forgetKeptFigures } = await import("@/lib/dal/indicators/figure-cache");
  const actor = actorFor("okayama.pref");
  const board = () => getIndicatorBoardForActor(actor, { fiscalYear: FY, trends: false });
  const values = () => board().groups.flatMap((g) => g.figures.map((f) => [f.code, f.value]));

  const before = values();
  assert.deepEqual(values(), before, "kept: the same board");

  const other = new Database(FILE, { fileMustExist: true, timeout: 5000 });
  try {
    const moved = other
      .prepare(
        `UPDATE outreach_contacts SET date = '2019-06-03' WHERE id = (SELECT c.id FROM outreach_contacts c JOIN outreach_cases o ON o.id = c.outreach_case_id
         WHERE o.prefecture_code = '33' AND c.date BETWEEN ? AND ? ORDER BY c.id LIMIT 1)`,
      )
      .run(`${FY}-04-01`, `${FY + 1}-03-31`);
    assert.equal(moved.changes, 1);
  } finally {
    other.close();
  }

  const afterWrite = values();
  assert.notDeepEqual(afterWrite, before, "the contact counts in the year's figures");
  forgetKeptFigures();
  assert.deepEqual(afterWrite, values(), "the next read is the board computed afresh");
});
