/**
 * `npm run bench:indicators`: server-side time of the indicator dashboard, one indicator's page,
 * the 自治体情報シート (model, XLSX, CSV) and the JSON API's data at demo scale (both prefectures,
 * FY2019 to today), as the data layer computes them for a request. Budget (issue 9): under
 * 150 ms each. Rendering React adds a few ms on top; measured with the demo database, which is
 * what a prefecture holds in its first years.
 */
import { closeBench, openBenchDatabase, timeQueries } from "./harness";

async function main() {
  const { actorNamed } = await openBenchDatabase();
  const { getIndicatorBoardForActor, getIndicatorDetailForActor } = await import("@/lib/dal/indicators");
  const { listIndicatorRecordsForActor } = await import("@/lib/dal/indicators/drill-down");
  const { getSheetForActor } = await import("@/lib/dal/indicators/sheet");
  const { indicatorsApiForActor } = await import("@/lib/dal/indicators/api");
  const { sheetCsv, sheetXlsx } = await import("@/lib/export/sheet-files");
  const { currentFiscalYear } = await import("@/lib/domain/fiscal-year");
  const pref = actorNamed("okayama.pref");
  const yamaguchi = actorNamed("yamaguchi.pref");
  const sup = actorNamed("bizen.sup");
  const now = currentFiscalYear();
  timeQueries([
    ["dashboard, 岡山県, FY2021", () => getIndicatorBoardForActor(pref, { fiscalYear: 2021 })],
    [`dashboard, 岡山県, FY${now}`, () => getIndicatorBoardForActor(pref, { fiscalYear: now })],
    ["dashboard, 備前圏域 (suppression)", () => getIndicatorBoardForActor(pref, { fiscalYear: 2021, scope: "region:bizen" })],
    ["dashboard, 備前保健所 supervisor", () => getIndicatorBoardForActor(sup, { fiscalYear: now })],
    ["indicator page C1 with records", () => listIndicatorRecordsForActor(pref, getIndicatorDetailForActor(pref, "C1", { fiscalYear: 2021, scope: "prefecture" }))],
    ["sheet model, 岡山県 FY2021", () => getSheetForActor(pref, { prefectureCode: "33", fiscalYear: 2021, locale: "ja" })],
    ["sheet model, 山口県 FY2021", () => getSheetForActor(yamaguchi, { prefectureCode: "35", fiscalYear: 2021, locale: "ja" })],
    ["sheet CSV", () => sheetCsv(getSheetForActor(pref, { prefectureCode: "33", fiscalYear: 2021, locale: "ja" }), "ja")],
    ["API data, 岡山県 FY2021", () => JSON.stringify(indicatorsApiForActor(pref, { fiscalYear: 2021, scope: null }))],
  ]);
  // The XLSX is written asynchronously (a zip): timed once, with its own warm-up.
  await sheetXlsx(getSheetForActor(pref, { prefectureCode: "33", fiscalYear: 2021, locale: "ja" }), "ja");
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await sheetXlsx(getSheetForActor(pref, { prefectureCode: "33", fiscalYear: 2021, locale: "ja" }), "ja");
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${"sheet XLSX".padEnd(42)} median ${times[5]!.toFixed(1).padStart(7)} ms   p95 ${times[9]!.toFixed(1).padStart(7)} ms`);
  closeBench();
}

void main();
