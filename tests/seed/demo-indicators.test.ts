import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { externalStatistics, externalStatisticValues } from "@/db/schema";
import { demoStatistics, demoYearFacts, DEMO_INDICATOR_FIRST_FY } from "@/db/seed/demo-indicators";
import { narrativesFor, sheetRowsFor, yearFactsFor } from "@/lib/dal/sheet-settings";
import { statisticsInForce, statisticsInForceForYears } from "@/lib/dal/statistics";
import { targetsInForce } from "@/lib/dal/indicator-targets";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import type { StatisticMetric } from "@/lib/domain/statistic-codes";
import { inpatientSumIssues } from "@/lib/domain/statistic-rules";
import { seededDb } from "../helpers/test-db";

/*
 * The demo inputs of the sheet must make the FY2021 (令和3年度) sheets show exactly the figures
 * the two seed sheets publish (shared/reference/seed-figures.json, written out again below, so a
 * typo in the seed module fails here), with their dates and sources; every generated 630 set
 * must add up; the generator must be deterministic.
 */

let db: Db;

before(async () => {
  db = await seededDb();
});

type Expected = { value: number; asOf?: string; cohortYear?: number; source?: string; method?: string };

/** seed-figures.json's basic_info items that are external statistics, by metric. */
const SEED: Record<"33" | "35", Partial<Record<StatisticMetric, Expected>>> = {
  "33": {
    population: { value: 1864432, asOf: "2022-04-01" },
    psych_hospital_count: { value: 23, asOf: "2022-04-01" },
    psych_bed_count: { value: 5275, asOf: "2021-10-01" },
    inpatients_total: { value: 3559, asOf: "2021-06-30", source: "630調査", method: "survey_630" },
    inpatients_lt3m: { value: 829, asOf: "2021-06-30", source: "630調査" },
    inpatients_3to12m: { value: 576, asOf: "2021-06-30", source: "630調査" },
    inpatients_ge1y: { value: 2154, asOf: "2021-06-30", source: "630調査" },
    inpatients_ge1y_u65: { value: 636, asOf: "2021-06-30", source: "630調査" },
    inpatients_ge1y_65plus: { value: 1518, asOf: "2021-06-30", source: "630調査" },
    discharge_rate_3m: { value: 67.2, cohortYear: 2018, source: "持続可能で良質かつ適切な精神医療とモニタリング体制の確保に関する研究（国）の（H30年）" },
    discharge_rate_6m: { value: 81.9, cohortYear: 2018, source: "持続可能で良質かつ適切な精神医療とモニタリング体制の確保に関する研究（国）の（H30年）" },
    discharge_rate_12m: { value: 88.7, cohortYear: 2018, source: "持続可能で良質かつ適切な精神医療とモニタリング体制の確保に関する研究（国）の（H30年）" },
    kikan_soudan_center_count: { value: 11, asOf: "2022-04-01" },
    ippan_soudan_office_count: { value: 79, asOf: "2022-04-01" },
    tokutei_soudan_office_count: { value: 181, asOf: "2022-04-01" },
  },
  "35": {
    population: { value: 1315949, asOf: "2022-04-01" },
    psych_hospital_count: { value: 31, asOf: "2022-04-01" },
    psych_bed_count: { value: 5839, asOf: "2022-04-01" },
    inpatients_total: { value: 5111, asOf: "2021-06-30", source: "630調査", method: "survey_630" },
    inpatients_lt3m: { value: 728, asOf: "2021-06-30", source: "630調査" },
    inpatients_3to12m: { value: 887, asOf: "2021-06-30", source: "630調査" },
    inpatients_ge1y: { value: 3496, asOf: "2021-06-30", source: "630調査" },
    inpatients_ge1y_u65: { value: 1033, asOf: "2021-06-30", source: "630調査" },
    inpatients_ge1y_65plus: { value: 2463, asOf: "2021-06-30", source: "630調査" },
    discharge_rate_3m: { value: 48.6, cohortYear: 2017, source: "H29年度NDBより", method: "ndb_fy_cohort" },
    discharge_rate_6m: { value: 69.6, cohortYear: 2017, source: "H29年度NDBより", method: "ndb_fy_cohort" },
    discharge_rate_12m: { value: 78.7, cohortYear: 2017, source: "H29年度NDBより", method: "ndb_fy_cohort" },
    kikan_soudan_center_count: { value: 8, asOf: "2022-04-01" },
    ippan_soudan_office_count: { value: 51, asOf: "2022-04-01" },
    tokutei_soudan_office_count: { value: 99, asOf: "2022-04-01" },
  },
};

describe("the FY2021 sheets select the seed sheets' figures", () => {
  for (const pref of ["33", "35"] as const) {
    test(`${pref === "33" ? "岡山県" : "山口県"}: every external statistic, with its date or cohort, source and method`, () => {
      const inForce = statisticsInForce(pref, 2021);
      assert.deepEqual([...inForce.keys()].sort(), Object.keys(SEED[pref]).sort());
      for (const [metric, e] of Object.entries(SEED[pref]) as [StatisticMetric, Expected][]) {
        const o = inForce.get(metric)!;
        assert.equal(o.value, e.value, metric);
        assert.equal(o.asOf, e.asOf ?? null, metric);
        assert.equal(o.cohortYear, e.cohortYear ?? null, metric);
        if (e.source) assert.equal(o.sourceLabel, e.source, metric);
        if (e.method) assert.equal(o.method, e.method, metric);
      }
    });
  }

  test("山口県's targets as its FY2021 sheet shows them: S5 for the year, the R5年度末 ones of the 第6期 plan", () => {
    const targets = targetsInForce("35", 2021, { level: "prefecture" });
    const s5 = targets.get("S5")!;
    assert.deepEqual([s5.fiscalYear, s5.comparator, s5.value, s5.text], [2021, "gte", 8, "8"]);
    for (const [code, value] of [
      ["S7.3m", 56],
      ["S7.6m", 74],
      ["S7.12m", 85],
    ] as const) {
      const t = targets.get(code)!;
      assert.deepEqual([t.fiscalYear, t.comparator, t.value, t.planPeriodLabel?.ja], [2023, "gte", value, "第6期障害福祉計画"], code);
    }
    for (const [code, value, baseline] of [
      ["S6", 2855, 3906],
      ["S6.65plus", 2036, 2464],
      ["S6.u65", 819, 1442],
    ] as const) {
      const t = targets.get(code)!;
      assert.deepEqual([t.fiscalYear, t.comparator, t.value, t.baselineValue, t.baselineFiscalYear, t.source], [2023, "lte", value, baseline, 2014, "山口県障害福祉サービス実施計画（令和3年度から令和5年度）"], code);
    }
    // The R5年度末 targets still apply in FY2023, not after the period.
    assert.equal(targetsInForce("35", 2023, { level: "prefecture" }).get("S6")?.value, 2855);
    assert.equal(targetsInForce("35", 2024, { level: "prefecture" }).has("S6"), false);
    assert.equal(targetsInForce("33", 2021, { level: "prefecture" }).size, 0);
  });

  test("the sheets' rows, headings and FY2021 narratives", () => {
    assert.deepEqual(
      sheetRowsFor("33").map((r) => [r.indicatorCode, r.heading]),
      [
        ["S1", "地域移行推進検討会の開催"],
        ["S2", "ピアサポーターの登録・派遣体制"],
        ["S3", "人材育成研修会の開催"],
        ["S4", "地域毎の進捗状況"],
      ],
    );
    assert.deepEqual(
      sheetRowsFor("35").map((r) => r.indicatorCode),
      ["S5", "S6", "S7.3m", "S7.6m", "S7.12m", "S6.65plus", "S6.u65"],
    );
    assert.equal(sheetRowsFor("35")[0]!.heading, "すべての圏域ごとに、保健、医療、福祉関係者による情報共有や協議等の場を設置");
    const okayama = narrativesFor("33", 2021);
    // seed-figures.json's narratives, within the sheet's full text.
    assert.ok(okayama.get("S1")!.includes("福祉や住宅関係など地域移行に関し、各行政機関の取組やピアサポーター、家族会等の思いや困り感を共有し、治療中断と支援拒否を減らすための各職域の取り組みについて意見交換ができた。"));
    assert.ok(okayama.get("S2")!.includes("コロナ禍のため規模を縮小して県北3保健所合同でピアサポーター養成研修を実施し、修了者は保健所ピアサポーターとして登録した。"));
    assert.equal(okayama.get("S4")!.split("\n").length, 3);
    const yamaguchi = narrativesFor("35", 2021);
    assert.ok(yamaguchi.get("S6")!.endsWith("山口県障害福祉サービス実施計画（令和3年度から令和5年度）において数値目標を定めた。"));
    assert.ok(yamaguchi.get("S5")!.startsWith("圏域連絡調整会議等を通じて"));
    assert.equal(narrativesFor("33", 2022).size, 0);
  });

  test("the yearly facts: 岡山県 has its 精神部会 and a hostel, 山口県 neither and reports its 協議の場 as of the next April", () => {
    for (let fy = DEMO_INDICATOR_FIRST_FY; fy <= Math.max(2024, currentFiscalYear()); fy++) {
      const ok = yearFactsFor("33", fy)!;
      assert.equal(ok.jiritsuMhSubcommittee, true);
      assert.equal(ok.kyogiAsOfNextApril, false);
      assert.ok(ok.hostelUniqueUsers! > 0);
      assert.deepEqual(yearFactsFor("35", fy), { jiritsuMhSubcommittee: false, hostelUniqueUsers: null, kyogiAsOfNextApril: true });
    }
    // Unique users lie between the busiest month and the sum of the months.
    const sqlite = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
    const m = sqlite.prepare(`SELECT max(unique_users) AS mx, sum(unique_users) AS sm FROM hostel_months WHERE prefecture_code = '33' AND month BETWEEN '2021-04' AND '2022-03'`).get() as { mx: number; sm: number };
    const users = yearFactsFor("33", 2021)!.hostelUniqueUsers!;
    assert.ok(users >= m.mx && users <= m.sm, `${users} not in [${m.mx}, ${m.sm}]`);
  });
});

describe("the generated years", () => {
  test("every 630 set adds up (buckets to the total, the age split to 1年以上), in the database", () => {
    const sets = db.select({ id: externalStatistics.id }).from(externalStatistics).where(eq(externalStatistics.topic, "inpatients_630")).all();
    assert.ok(sets.length >= 2 * (2024 - DEMO_INDICATOR_FIRST_FY));
    for (const { id } of sets) {
      const values = Object.fromEntries(db.select().from(externalStatisticValues).where(eq(externalStatisticValues.statisticId, id)).all().map((v) => [v.metric, v.value]));
      assert.equal(Object.keys(values).length, 6, id);
      assert.deepEqual(inpatientSumIssues(values), [], id);
      for (const v of Object.values(values)) assert.ok(Number.isInteger(v) && v > 0, id);
    }
  });

  test("each year's sheet has its own sets, so a trend can be drawn", () => {
    const years = [2019, 2020, 2021, 2022, 2023, 2024];
    const byYear = statisticsInForceForYears("33", years);
    const totals = years.map((fy) => byYear.get(fy)!.get("inpatients_total")!);
    assert.deepEqual(
      totals.map((o) => o.asOf),
      years.map((fy) => `${fy}-06-30`),
    );
    assert.equal(new Set(totals.map((o) => o.value)).size, years.length);
    assert.deepEqual(
      years.map((fy) => byYear.get(fy)!.get("psych_bed_count")!.asOf),
      years.map((fy) => `${fy}-10-01`),
    );
    assert.equal(statisticsInForce("35", 2023).get("psych_bed_count")?.asOf, "2024-04-01");
    assert.equal(statisticsInForce("33", 2022).get("population")?.asOf, "2023-04-01");
    // Earlier cohorts make a trend by cohort; the sheets keep the newest one.
    const cohorts = db
      .select({ c: externalStatistics.cohortYear })
      .from(externalStatistics)
      .where(and(eq(externalStatistics.prefectureCode, "35"), eq(externalStatistics.topic, "discharge_rates")))
      .all()
      .map((r) => r.c)
      .sort();
    assert.deepEqual(cohorts, [2014, 2015, 2016, 2017]);
  });

  test("deterministic: the same last year gives the same rows; a later last year only adds rows", () => {
    assert.deepEqual(demoStatistics(2026), demoStatistics(2026));
    const key = (s: ReturnType<typeof demoStatistics>[number]) => `${s.prefectureCode}-${s.topic}-${s.asOf ?? s.cohortYear}`;
    const later = new Map(demoStatistics(2027).map((s) => [key(s), s]));
    for (const s of demoStatistics(2026)) assert.deepEqual(later.get(key(s)), s, key(s));
    assert.ok(later.size > demoStatistics(2026).length);
    const hostel = new Map([[2021, { max: 8, sum: 60 }]]);
    assert.deepEqual(demoYearFacts(2026, hostel), demoYearFacts(2026, hostel));
  });
});
