import { before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { getDb } from "@/db/client";
import { listCasesForActor } from "@/lib/dal/case-list";
import { listDispatchesForActor } from "@/lib/dal/peer-dispatch-list";
import type { Phase } from "@/lib/domain/case-codes";
import { buildFloors, fiscalYearOf, readWorkload, timeFloor, todayJst, touchIndicatorInputs, type Floors, type Workload } from "@/scripts/bench/floors";
import { endpointsFor, loadTarget } from "@/scripts/bench/endpoints";
import { todayIso } from "@/lib/domain/fiscal-year";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The bench's SQL floors (scripts/bench/floors.ts) must compute what the app shows, or the ratio
 * (app − health) ÷ SQL compares unlike work: each list floor's rows against the DAL's own page, on
 * the demo data, with the real migrations (a renamed column fails here, not in a national run).
 */

// The server's key and the bench's are the same: the bench reads TSUNAGU_DATA_KEY as the app does.
process.env.TSUNAGU_DATA_KEY ??= crypto.randomBytes(32).toString("hex");

let sqlite: Database.Database;
let w: Workload;
let floors: Floors;

before(async () => {
  await seededDb();
  sqlite = (getDb() as unknown as { $client: Database.Database }).$client;
  w = readWorkload(sqlite, ":memory:", { prefectureUser: "okayama.pref", coordinator: "bizen.coord", fy: 2021, samples: 20 });
  floors = buildFloors(sqlite, w);
});

const ids = (rows: unknown) => (rows as { id: string }[]).map((r) => r.id);

test("the workload comes from the data: the coordinator's reach, own cases, kana with their tokens", () => {
  assert.equal(w.prefectureCode, "33");
  assert.deepEqual(w.coordinatorOffices, ["33-bizen"]);
  assert.ok(w.caseIds.length > 0 && w.caseIds.length <= 20);
  // The case page rotates over the cases a coordinator opens day to day: their open ones first.
  const phaseOf = sqlite.prepare("SELECT phase FROM cases WHERE id = ?").pluck();
  const open = (sqlite.prepare("SELECT count(*) FROM cases c JOIN users u ON u.id = c.coordinator_user_id WHERE u.username = 'bizen.coord' AND c.phase <> 'closed'").pluck().get() as number);
  assert.ok(open > 0);
  w.caseIds.slice(0, Math.min(open, w.caseIds.length)).forEach((c) => assert.notEqual(phaseOf.get(c.id), "closed", c.caseNo));
  assert.ok(w.kanaQueries.length > 0);
  for (const k of w.kanaQueries) assert.match(k.token, /^[0-9a-f]{64}$/);
  assert.equal(w.fyStart, "2021-04-01");
  assert.equal(w.fyEnd, "2022-03-31");
  assert.ok(w.caseCount > 0);
});

test("the case list floor has the DAL's rows of the same filter and page", () => {
  const actor = actorFor("bizen.coord");
  const page = listCasesForActor(actor, { page: w.listPage, pageSize: 20, sort: "referralDate", dir: "desc" }, { mine: false, openOnly: true, phase: w.listPhase as Phase });
  const [rows, counts] = floors.run.caseList!(0) as [unknown, { phase: string; n: number }[]];
  assert.ok(page.rows.length > 0);
  assert.deepEqual(ids(rows), page.rows.map((r) => r.id));
  assert.equal(counts.find((c) => c.phase === w.listPhase)?.n, page.total);
  assert.equal(floors.firstCaseNo.caseList, page.rows[0]!.caseNo);
});

test("the kana floor finds, through the tokens, the DAL's rows for the same query", () => {
  const actor = actorFor("bizen.coord");
  w.kanaQueries.forEach((k, i) => {
    const page = listCasesForActor(actor, { page: 1, pageSize: 20, sort: "referralDate", dir: "desc" }, { mine: false, openOnly: true, q: k.q });
    const [rows] = floors.run.kana!(i) as [unknown];
    assert.deepEqual(ids(rows), page.rows.map((r) => r.id), `query ${k.q}`);
    assert.equal(floors.firstCaseNo.kana(i), page.rows[0]?.caseNo ?? null);
  });
});

test("the dispatch list floor has the DAL's first page", () => {
  const page = listDispatchesForActor(actorFor("bizen.coord"), { page: 1, pageSize: 20, sort: "date", dir: "desc" }, {});
  const [rows, counts] = floors.run.dispatches!(0) as [unknown, { n: number }[]];
  assert.deepEqual(ids(rows), page.rows.map((r) => r.id));
  assert.equal(counts.reduce((a, c) => a + c.n, 0), page.total);
});

test("the case page floor reads the coordinator's case and its activities", () => {
  const [row, activities] = floors.run.casePage!(0) as [{ case_no: string } | undefined, unknown[]];
  assert.equal(row?.case_no, w.caseIds[0]!.caseNo);
  assert.ok(Array.isArray(activities));
  assert.equal(timeFloor(floors.run.sheet!, 3, 1).length, 3);
});

test("every endpoint's URL is the UI's, and the lists expect the floor's first case", () => {
  const endpoints = endpointsFor(w, floors.firstCaseNo);
  assert.deepEqual(
    endpoints.map((e) => e.id),
    ["health", "sheet", "sheetApi", "dashboard", "sheetAfterWrite", "sheetApiAfterWrite", "dashboardAfterWrite", "caseList", "casePage", "kana", "dispatches"],
  );
  const path = (id: string, i = 0) => endpoints.find((e) => e.id === id)!.request(i);
  for (const id of ["sheet", "sheetApi", "dashboard"]) {
    const after = endpoints.find((e) => e.id === `${id}AfterWrite`)!;
    assert.deepEqual([after.afterWrite, after.floorId, after.request(0)], [true, id, path(id)], `${id}: the same request and floor, after a write`);
  }
  assert.equal(path("sheet").path, "/indicators/sheet?prefecture=33&fy=2021");
  assert.equal(path("sheetApi").path, "/api/v1/indicators?prefecture=33&fy=2021");
  assert.equal(path("caseList").path, `/cases?scope=office&phase=${w.listPhase}${w.listPage > 1 ? `&page=${w.listPage}` : ""}`);
  assert.ok(path("caseList").expect.contains?.includes(floors.firstCaseNo.caseList!));
  assert.equal(path("casePage", 1).path, `/cases/${w.caseIds[1 % w.caseIds.length]!.id}`);
  assert.ok(path("casePage", 1).expect.contains?.includes(w.caseIds[1 % w.caseIds.length]!.caseNo));
  assert.equal(path("kana").path, `/cases?scope=office&q=${encodeURIComponent(w.kanaQueries[0]!.q)}`);
  assert.deepEqual(loadTarget(w, floors.firstCaseNo).paths, [path("caseList").path]);
});

test("the bench's write before an \"after a write\" request makes the next indicator read compute its figures again", async () => {
  const { indicatorGeneration } = await import("@/lib/dal/indicators/figure-cache");
  const before = ["33", "35"].map(indicatorGeneration);
  touchIndicatorInputs(sqlite);
  const after = ["33", "35"].map(indicatorGeneration);
  after.forEach((g, i) => assert.equal(g, before[i]! + 1));
});

test("the fiscal year and today are reckoned in Japan", () => {
  assert.equal(fiscalYearOf("2026-03-31"), 2025);
  assert.equal(fiscalYearOf("2026-04-01"), 2026);
  assert.equal(todayJst(new Date("2026-03-31T15:00:00Z")), "2026-04-01");
  assert.equal(todayJst(new Date("2026-03-31T14:59:59Z")), "2026-03-31");
});

test("the sheet's floor computes every figure of the 自治体情報シート the app builds, in one query", async () => {
  const { getSheetForActor } = await import("@/lib/dal/indicators/sheet");
  const { SHEET_FIGURES_SQL } = await import("@/scripts/bench/indicator-floors");
  // The demo's sheet reports S1–S4; the national one S1–S7: report S5–S7 here too.
  const at = "2026-01-01T00:00:00.000Z";
  const by = (sqlite.prepare("SELECT id FROM users WHERE username = 'okayama.pref'").get() as { id: string }).id;
  const add = sqlite.prepare("INSERT OR IGNORE INTO sheet_indicators (prefecture_code, indicator_code, sort, created_by, created_at, updated_by, updated_at) VALUES ('33', ?, ?, ?, ?, ?, ?)");
  ["S5", "S6", "S7.3m", "S7.6m", "S7.12m"].forEach((code, i) => add.run(code, 50 + i, by, at, by, at));
  // The sheet's rows that print a figure from the same statistic as a 基本情報 row.
  const SAME_AS: Record<string, string> = { S6: "B.inpatients.ge1y", "S7.3m": "B.discharge.3m", "S7.6m": "B.discharge.6m", "S7.12m": "B.discharge.12m" };
  for (const fy of [2020, 2021, 2022]) {
    const model = getSheetForActor(actorFor("okayama.pref"), { prefectureCode: "33", fiscalYear: fy, locale: "ja" });
    const floor = sqlite.prepare(SHEET_FIGURES_SQL).get({ p: "33", fy, start: `${fy}-04-01`, end: `${fy + 1}-03-31`, cutoff: `${fy + 1}-04-01` }) as Record<string, number | null>;
    const figure = (code: string) => floor[SAME_AS[code] ?? code];
    let compared = 0;
    for (const cell of model.basic) {
      assert.ok(cell.code in floor, `the floor computes ${cell.code}`);
      assert.equal(figure(cell.code), cell.value, `FY${fy} ${cell.code}`);
      if (cell.of !== null) assert.equal(cell.of, cell.code === "B.kyogi.region" ? floor["B.regions"] : floor["B.municipalities"], `FY${fy} ${cell.code} of`);
      compared++;
    }
    for (const row of model.indicators) {
      assert.ok(row.code in floor || row.code in SAME_AS, `the floor computes ${row.code}`);
      assert.equal(figure(row.code), row.value, `FY${fy} ${row.code}`);
      compared++;
    }
    // The parts the sheet prints beside S2 and S3.
    const parts = (code: string) => model.indicators.find((r) => r.code === code)!.breakdown.map((b) => b.display);
    assert.deepEqual(parts("S2"), [floor["S2/registered"], floor["S2/dispatches"], floor["S2/trained"]].map(String), `FY${fy} S2 parts`);
    assert.deepEqual(parts("S3"), [floor["S3/prefecture"], floor["S3/region"], floor["S3/office"]].map(String), `FY${fy} S3 parts`);
    assert.equal(compared, model.basic.length + model.indicators.length);
    assert.deepEqual(
      model.indicators.map((r) => r.code),
      ["S1", "S2", "S3", "S4", "S5", "S6", "S7.3m", "S7.6m", "S7.12m"],
    );
  }
  // The floor is what the bench times for the sheet.
  assert.deepEqual(floors.run.sheet!(0), sqlite.prepare(SHEET_FIGURES_SQL).get({ p: "33", fy: 2021, start: "2021-04-01", end: "2022-03-31", cutoff: "2022-04-01" }));
});

/** A figure as the API or the dashboard has it (the API's fields; the board's figures have the same, undefined for null). */
type Shown = {
  code: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  n?: number | null;
  text?: { ja: string } | null;
  breakdown?: { key: string; value: number | null }[];
  target?: { value: number | null } | null;
};

/**
 * Every figure the app shows against the floor's row (scripts/bench/indicator-floors.ts names its
 * columns): the value, numerator, denominator, cohort size and text where the app has them (and
 * none where it has none), every part of the breakdown (a part the floor's JSON lacks is 0, as
 * the app's counts per code are) and no part the app does not show, the target in force; and
 * the floor computes no figure the app does not show.
 */
function assertFiguresMatch(floor: Record<string, unknown>, figures: readonly Shown[], at: string): void {
  const targets = JSON.parse(floor.targets as string) as Record<string, number | null>;
  for (const f of figures) {
    const where = `${at} ${f.code}`;
    assert.ok(f.code in floor, `the floor computes ${where}`);
    assert.equal(floor[f.code], f.value, where);
    for (const [part, shown] of [["num", f.numerator], ["den", f.denominator], ["n", f.n]] as const) assert.equal(floor[`${f.code}#${part}`] ?? null, shown ?? null, `${where} ${part}`);
    assert.equal(floor[`${f.code}#text`] ?? null, f.text?.ja ?? null, `${where} text`);
    const json = typeof floor[`${f.code}/*`] === "string" ? (JSON.parse(floor[`${f.code}/*`] as string) as Record<string, number>) : null;
    const shownKeys = new Set((f.breakdown ?? []).map((b) => b.key));
    for (const b of f.breakdown ?? []) {
      const column = `${f.code}/${b.key}`;
      assert.ok(column in floor || json, `the floor computes ${where}'s part ${b.key}`);
      assert.equal(column in floor ? floor[column] : (json![b.key] ?? 0), b.value, `${where} part ${b.key}`);
    }
    for (const [key, v] of Object.entries(json ?? {})) if (v) assert.ok(shownKeys.has(key), `${where}: the floor's part ${key} is shown`);
    for (const column of Object.keys(floor)) {
      if (column.startsWith(`${f.code}/`) && column !== `${f.code}/*` && floor[column] !== null) assert.ok(shownKeys.has(column.slice(f.code.length + 1)), `${where}: the floor's ${column} is shown`);
    }
    assert.equal(f.code in targets ? targets[f.code] : undefined, f.target ? f.target.value : undefined, `${where} target`);
  }
  const codes = new Set(figures.map((f) => f.code));
  const computed = Object.keys(floor).filter((c) => !/[#/]/.test(c) && c !== "targets" && !c.startsWith("trend."));
  assert.deepEqual(computed.filter((c) => !codes.has(c)), [], `${at}: the floor computes only figures the app shows`);
}

// The demo's years (FY2019–FY2024 fixed), one whose cohorts have not all matured, and the current one.
const yearsShown = () => {
  const now = fiscalYearOf(todayJst());
  return [2019, 2020, 2021, 2022, 2024, now - 1, now].filter((fy, i, all) => all.indexOf(fy) === i);
};

const floorParams = (fy: number) => ({ p: "33", fy, start: `${fy}-04-01`, end: `${fy + 1}-03-31`, cutoff: `${fy + 1}-04-01`, today: todayIso() });

/**
 * Records on the bounds of FY2021's rules, which the demo data may not have: a readmission on the
 * 90th day after a discharge lasting 31 nights (C8, C7), a follow-up recorded on the 30th day after
 * it fell due (C13). A floor off by a day on either bound then differs from the app.
 */
function addBoundaryRecords(): void {
  const discharged = sqlite
    .prepare(
      `SELECT c.id, c.discharge_date AS dd, c.hospital_id AS hospital, c.created_by AS "by" FROM cases c
       WHERE c.prefecture_code = '33' AND c.discharge_date BETWEEN '2021-04-01' AND '2022-03-31' AND c.discharge_destination IS NOT 'death' AND c.end_reason IS NOT 'death'
         AND NOT EXISTS (SELECT 1 FROM hospitalizations h WHERE h.case_id = c.id AND h.is_index = 0) ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: string; dd: string; hospital: string; by: string };
  sqlite
    .prepare(`INSERT INTO hospitalizations (id, case_id, hospital_id, admission_date, discharge_date, is_index, created_by, created_at) VALUES ('bound-readmission', ?, ?, date(?, '+90 days'), date(?, '+121 days'), 0, ?, '2026-01-01T00:00:00.000Z')`)
    .run(discharged.id, discharged.hospital, discharged.dd, discharged.dd, discharged.by);
  const changed = sqlite
    .prepare(
      `UPDATE follow_up_checks SET checked_date = date(due_date, '+30 days'), status = 'living_in_community'
       WHERE id = (SELECT f.id FROM follow_up_checks f JOIN cases c ON c.id = f.case_id WHERE c.prefecture_code = '33' AND f.due_date BETWEEN '2021-04-01' AND '2022-03-31' ORDER BY f.id LIMIT 1)`,
    )
    .run().changes;
  assert.equal(changed, 1);
}

test("the API's floor computes every figure the JSON API answers for the prefecture, in one query", async () => {
  const { indicatorsApiForActor } = await import("@/lib/dal/indicators/api");
  addBoundaryRecords();
  const { API_FIGURES_SQL } = await import("@/scripts/bench/indicator-floors");
  const query = sqlite.prepare(API_FIGURES_SQL);
  let compared = 0;
  for (const fy of yearsShown()) {
    const api = indicatorsApiForActor(actorFor("okayama.pref"), { fiscalYear: fy, scope: null });
    assert.equal(api.scope.param, "prefecture");
    const floor = query.get(floorParams(fy)) as Record<string, unknown>;
    const figures = [...api.basicInfo, ...api.indicators];
    assertFiguresMatch(floor, figures, `FY${fy}`);
    compared += figures.length;
  }
  assert.ok(compared >= 84 * yearsShown().length, `${compared} figures compared`);
  assert.deepEqual(floors.run.sheetApi!(0), query.get({ ...floorParams(2021), today: todayJst() }));
});

test("the dashboard's floor computes its figures and the five-year trend of the headline codes, in one query", async () => {
  const { getIndicatorBoardForActor } = await import("@/lib/dal/indicators/index");
  const { DASHBOARD_FIGURES_SQL } = await import("@/scripts/bench/indicator-floors");
  const query = sqlite.prepare(DASHBOARD_FIGURES_SQL);
  for (const fy of yearsShown()) {
    const board = getIndicatorBoardForActor(actorFor("okayama.pref"), { fiscalYear: fy });
    const floor = query.get(floorParams(fy)) as Record<string, unknown>;
    assertFiguresMatch(floor, board.groups.flatMap((g) => g.figures), `FY${fy}`);
    assert.deepEqual(board.trends.map((t) => t.code), ["C1", "C2", "A9", "A10", "S3", "A1"]);
    for (const t of board.trends) {
      assert.equal(t.values.length, board.trendYears.length);
      assert.deepEqual(JSON.parse(floor[`trend.${t.code}`] as string), t.values, `FY${fy} trend of ${t.code} (${board.trendYears.join(", ")})`);
    }
  }
  assert.deepEqual(floors.run.dashboard!(0), query.get({ ...floorParams(2021), today: todayJst() }));
});
