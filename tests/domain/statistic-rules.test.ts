import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ageSplitHalfMissing,
  formatReferenceDate,
  formatStatisticReference,
  inpatientShares,
  inpatientSumIssues,
  requiredMetrics,
  setsInForce,
  sheetReferenceCutoff,
  targetInForce,
  type StatisticSetRef,
} from "@/lib/domain/statistic-rules";

const okayama630 = { inpatients_total: 3559, inpatients_lt3m: 829, inpatients_3to12m: 576, inpatients_ge1y: 2154, inpatients_ge1y_u65: 636, inpatients_ge1y_65plus: 1518 };
const yamaguchi630 = { inpatients_total: 5111, inpatients_lt3m: 728, inpatients_3to12m: 887, inpatients_ge1y: 3496, inpatients_ge1y_u65: 1033, inpatients_ge1y_65plus: 2463 };

describe("630 sums and shares", () => {
  test("both seed sheets add up", () => {
    assert.deepEqual(inpatientSumIssues(okayama630), []);
    assert.deepEqual(inpatientSumIssues(yamaguchi630), []);
  });

  test("a total one short breaks the bucket sum, named with its terms", () => {
    assert.deepEqual(inpatientSumIssues({ ...okayama630, inpatients_total: 3558 }), [{ field: "inpatients_total", kind: "buckets", terms: [829, 576, 2154], sum: 3559, entered: 3558 }]);
  });

  test("a wrong 1年以上 breaks both sums", () => {
    const issues = inpatientSumIssues({ ...okayama630, inpatients_ge1y: 2153 });
    assert.deepEqual(
      issues.map((i) => [i.field, i.kind, i.sum, i.entered]),
      [
        ["inpatients_total", "buckets", 3558, 3559],
        ["inpatients_ge1y", "ageSplit", 2154, 2153],
      ],
    );
  });

  test("an empty term is not summed (it has its own message); the age split is whole or absent", () => {
    assert.deepEqual(inpatientSumIssues({ ...okayama630, inpatients_lt3m: null }), []);
    assert.deepEqual(inpatientSumIssues({ ...okayama630, inpatients_ge1y_u65: null, inpatients_ge1y_65plus: null }), []);
    assert.equal(ageSplitHalfMissing({ ...okayama630, inpatients_ge1y_65plus: null }), "inpatients_ge1y_65plus");
    assert.equal(ageSplitHalfMissing({ ...okayama630, inpatients_ge1y_u65: null }), "inpatients_ge1y_u65");
    assert.equal(ageSplitHalfMissing({}), null);
  });

  test("shares are computed to one decimal and equal the sheets' published 構成割合", () => {
    assert.deepEqual(inpatientShares(okayama630), { inpatients_lt3m: 23.3, inpatients_3to12m: 16.2, inpatients_ge1y: 60.5 });
    assert.deepEqual(inpatientShares(yamaguchi630), { inpatients_lt3m: 14.2, inpatients_3to12m: 17.4, inpatients_ge1y: 68.4 });
    assert.deepEqual(inpatientShares({ inpatients_total: 0, inpatients_lt3m: 0 }), {});
  });

  test("required values per topic", () => {
    assert.deepEqual(requiredMetrics("inpatients_630"), ["inpatients_total", "inpatients_lt3m", "inpatients_3to12m", "inpatients_ge1y"]);
    assert.deepEqual(requiredMetrics("discharge_rates"), ["discharge_rate_3m"]);
    assert.deepEqual(requiredMetrics("soudan_offices"), ["kikan_soudan_center_count", "ippan_soudan_office_count", "tokutei_soudan_office_count"]);
  });
});

describe("the statistics in force for a sheet (ADR 0021)", () => {
  const set = (id: string, topic: StatisticSetRef["topic"], ref: string | number) =>
    ({ id, topic, asOf: typeof ref === "string" ? ref : null, cohortYear: typeof ref === "number" ? ref : null }) as StatisticSetRef & { id: string };

  test("the cutoff is 1 April of the next year", () => {
    assert.equal(sheetReferenceCutoff(2021), "2022-04-01");
  });

  test("a dated topic: the latest reference date not after (y+1)-04-01, boundary included", () => {
    const sets = [set("a", "inpatients_630", "2021-06-30"), set("b", "inpatients_630", "2022-04-01"), set("c", "inpatients_630", "2022-04-02"), set("d", "inpatients_630", "2020-06-30")];
    assert.equal(setsInForce(sets, 2021).get("inpatients_630")?.id, "b");
    assert.equal(setsInForce(sets.filter((s) => s.id !== "b"), 2021).get("inpatients_630")?.id, "a");
    assert.equal(setsInForce(sets, 2022).get("inpatients_630")?.id, "c");
    assert.equal(setsInForce(sets, 2020).get("inpatients_630")?.id, "d");
    assert.equal(setsInForce(sets, 2019).has("inpatients_630"), false);
  });

  test("岡山県's FY2021 dates: population 2022-04-01, beds 2021-10-01, 630 of 2021-06-30", () => {
    const sets = [
      set("pop21", "population", "2021-04-01"),
      set("pop22", "population", "2022-04-01"),
      set("pop23", "population", "2023-04-01"),
      set("beds21", "psych_beds", "2021-10-01"),
      set("beds22", "psych_beds", "2022-10-01"),
      set("630-21", "inpatients_630", "2021-06-30"),
      set("630-22", "inpatients_630", "2022-06-30"),
    ];
    const inForce = setsInForce(sets, 2021);
    assert.deepEqual([...inForce.values()].map((s) => s.id).sort(), ["630-21", "beds21", "pop22"]);
  });

  test("a cohort topic: the latest cohort year not after the fiscal year", () => {
    const sets = [set("h29", "discharge_rates", 2017), set("h30", "discharge_rates", 2018), set("r4", "discharge_rates", 2022)];
    assert.equal(setsInForce(sets, 2021).get("discharge_rates")?.id, "h30");
    assert.equal(setsInForce(sets, 2022).get("discharge_rates")?.id, "r4");
    assert.equal(setsInForce(sets, 2017).get("discharge_rates")?.id, "h29");
    assert.equal(setsInForce(sets, 2016).size, 0);
  });

  test("a set of the wrong kind for its topic is ignored", () => {
    assert.equal(setsInForce([set("x", "discharge_rates", "2021-06-30"), set("y", "population", 2021)], 2021).size, 0);
  });
});

describe("the target in force for a sheet (ADR 0021)", () => {
  const period6 = { startFiscalYear: 2021, endFiscalYear: 2023 };
  const target = (id: string, fiscalYear: number, period: typeof period6 | null = null) => ({ id, fiscalYear, period });

  test("the exact year wins", () => {
    assert.equal(targetInForce([target("y23", 2023, period6), target("y21", 2021)], 2021)?.id, "y21");
  });

  test("else the earliest later target whose period contains the year", () => {
    const ts = [target("y23", 2023, period6), target("y22", 2022, period6), target("y26", 2026, { startFiscalYear: 2024, endFiscalYear: 2026 })];
    assert.equal(targetInForce(ts, 2021)?.id, "y22");
    assert.equal(targetInForce(ts, 2023)?.id, "y23");
    assert.equal(targetInForce(ts, 2024)?.id, "y26");
  });

  test("a later target without a period, or whose period does not contain the year, is not used", () => {
    assert.equal(targetInForce([target("y23", 2023)], 2021), null);
    assert.equal(targetInForce([target("y26", 2026, { startFiscalYear: 2024, endFiscalYear: 2026 })], 2023), null);
    // An earlier target never carries over.
    assert.equal(targetInForce([target("y21", 2021, period6)], 2022), null);
  });
});

describe("display", () => {
  test("reference dates in 和暦, cohorts as fiscal years", () => {
    assert.equal(formatReferenceDate("2021-06-30", "ja"), "令和3年6月30日");
    assert.equal(formatReferenceDate("2019-05-01", "ja"), "令和元年5月1日");
    assert.equal(formatReferenceDate("2019-04-01", "ja"), "平成31年4月1日");
    assert.equal(formatReferenceDate("2021-06-30", "en"), "30 Jun 2021");
    assert.equal(formatStatisticReference({ asOf: null, cohortYear: 2018 }, "ja"), "平成30年度");
    assert.equal(formatStatisticReference({ asOf: null, cohortYear: 2018 }, "en"), "FY2018");
  });
});
