import { before, test } from "node:test";
import assert from "node:assert/strict";
import type Database from "better-sqlite3";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/dal/actor";
import { forgetKeptFigures } from "@/lib/dal/indicators/figure-cache";
import { indicatorsApiForActor } from "@/lib/dal/indicators/api";
import { getIndicatorBoardForActor, type IndicatorBoard } from "@/lib/dal/indicators/index";
import { getSheetForActor } from "@/lib/dal/indicators/sheet";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import { GROWING_TABLES, statementsOf } from "@/scripts/bench/hot-paths";
import { addCase, addPerson } from "../helpers/indicator-fixtures";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Figures are kept between requests until a write of their prefecture's inputs (ADR 0055). The
 * classes of bug: a kept figure shown after a write that changed it (stale), or shown to someone
 * whose figure differs (a key too coarse), or changed in place by one request under the next.
 */

let sqlite: Database.Database;
before(async () => {
  await seededDb();
  sqlite = (getDb() as unknown as { $client: Database.Database }).$client;
});

const FY = currentFiscalYear();

/** Tables of records (growing with them), not the org tree, accounts or the audit trail every page reads or writes. */
const RECORD_TABLES = GROWING_TABLES.filter((t) => !["health_centers", "municipalities", "hospitals", "users", "audit_logs"].includes(t));

/** The statements a read runs that read records. */
async function recordReads(run: () => unknown): Promise<string[]> {
  const statements = await statementsOf(sqlite, run);
  return statements.map((s) => s.source).filter((source) => RECORD_TABLES.some((t) => source.includes(`"${t}"`)));
}

const figureOf = (board: IndicatorBoard, code: string) => board.groups.flatMap((g) => g.figures).find((f) => f.code === code)!;

test("a second read of the sheet, the API and the dashboard gives the same answer without reading a record", async () => {
  const actor = actorFor("okayama.pref");
  const reads: Record<string, () => unknown> = {
    sheet: () => getSheetForActor(actor, { prefectureCode: "33", fiscalYear: FY - 1, locale: "ja" }),
    api: () => indicatorsApiForActor(actor, { fiscalYear: FY - 1, scope: null }),
    // With its five-year trend, whose C1 and C2 the trend reads for all years at once (trend.ts).
    dashboard: () => getIndicatorBoardForActor(actor, { fiscalYear: FY - 1 }),
  };
  for (const [name, read] of Object.entries(reads)) {
    forgetKeptFigures();
    let first: unknown;
    const firstReads = await recordReads(() => (first = read()));
    assert.ok(firstReads.length >= 5, `${name}: the first read computes (${firstReads.length} statements on records)`);
    let second: unknown;
    assert.deepEqual(await recordReads(() => (second = read())), [], `${name}: the second read`);
    assert.deepEqual(second, first, name);
  }
});

test("a write shows in the next read, and only its prefecture's figures are computed again", async () => {
  const okayama = actorFor("okayama.pref");
  const yamaguchi = actorFor("yamaguchi.pref");
  const board = (actor: Actor) => getIndicatorBoardForActor(actor, { fiscalYear: FY, trends: false });
  const personId = addPerson("33-bizen");
  const before = figureOf(board(okayama), "C1").value!;
  board(yamaguchi);
  // One row of one table: the case (its person is already there).
  addCase({ officeId: "33-bizen", personId, indexAdmissionDate: "2010-04-01", supportStartDate: `${FY}-05-01` });
  let after: IndicatorBoard | undefined;
  assert.ok((await recordReads(() => (after = board(okayama)))).length > 0, "岡山県's figures are computed again");
  assert.equal(figureOf(after!, "C1").value, before + 1);
  assert.deepEqual(await recordReads(() => board(yamaguchi)), [], "山口県's are still kept");
});

test("a figure kept for one reach is not shown to another: a coordinator and the supervisor of the same office", () => {
  // 備前's supervisor reaches its 支所 東備 too; its coordinator does not.
  const office = (username: string) => getIndicatorBoardForActor(actorFor(username), { fiscalYear: 2022, scope: "office:bizen", trends: false });
  forgetKeptFigures();
  const supervisor = office("bizen.sup");
  const coordinator = office("bizen.coord");
  forgetKeptFigures();
  assert.deepEqual(office("bizen.coord"), coordinator, "the coordinator's figures as computed afresh");
  assert.notDeepEqual(
    coordinator.groups.map((g) => g.figures.map((f) => f.value)),
    supervisor.groups.map((g) => g.figures.map((f) => f.value)),
    "the two reaches count differently on the demo data",
  );
});

test("a kept figure cannot be changed by the request it is handed to", () => {
  const actor = actorFor("okayama.pref");
  getIndicatorBoardForActor(actor, { fiscalYear: 2022, trends: false });
  const kept = getIndicatorBoardForActor(actor, { fiscalYear: 2022, trends: false });
  const withBreakdown = kept.groups.flatMap((g) => g.figures).find((f) => f.breakdown && f.breakdown.length > 0)!;
  assert.ok(withBreakdown, "a figure with a breakdown");
  assert.throws(() => {
    (withBreakdown.breakdown![0] as { value: number | null }).value = 999;
  }, TypeError);
});
