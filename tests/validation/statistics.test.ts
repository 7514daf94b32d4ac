import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import { en } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import { lookup, makeTranslate } from "@/lib/i18n/translate";
import { TargetCreateSchema } from "@/lib/validation/indicator-targets";
import { translateMessage } from "@/lib/validation/message-vars";
import { NarrativeSchema, SheetRowAddSchema, YearFactsSchema } from "@/lib/validation/sheet-settings";
import { StatisticCreateSchema, StatisticUpdateSchema } from "@/lib/validation/statistics";

/** Field → message of every issue (first per field), as the form shows them. */
function errors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  assert.equal(result.success, false, "expected the input to be refused");
  const out: Record<string, string> = {};
  for (const issue of result.error!.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

/** Every message a schema reports has text in both catalogs (a key without text would reach the user). */
function assertTranslated(messages: Record<string, string>) {
  for (const message of Object.values(messages)) {
    const key = message.split("?")[0]!;
    assert.ok(lookup(ja as never, key), `no Japanese text for ${key}`);
    assert.ok(lookup(en as never, key), `no English text for ${key}`);
  }
}

const six30 = {
  topic: "inpatients_630",
  asOf: "R3.6.30",
  method: "survey_630",
  sourceLabel: "630調査",
  note: "",
  inpatients_total: "3,559",
  inpatients_lt3m: "８２９", // full-width digits from an IME
  inpatients_3to12m: "576",
  inpatients_ge1y: "2154",
  inpatients_ge1y_u65: "636",
  inpatients_ge1y_65plus: "1518",
};

describe("external statistic schema", () => {
  test("a 630 set: Japanese dates, full-width digits and commas are read; values of other topics are dropped", () => {
    const v = StatisticCreateSchema.parse({ ...six30, population: "12" });
    assert.equal(v.asOf, "2021-06-30");
    assert.equal(v.cohortYear, null);
    assert.deepEqual(v.values, { inpatients_total: 3559, inpatients_lt3m: 829, inpatients_3to12m: 576, inpatients_ge1y: 2154, inpatients_ge1y_u65: 636, inpatients_ge1y_65plus: 1518 });
    assert.equal(v.note, null);
  });

  test("buckets that do not add up are refused with the sums named", () => {
    const e = errors(StatisticCreateSchema.safeParse({ ...six30, inpatients_total: "3558" }));
    assert.deepEqual(Object.keys(e), ["inpatients_total"]);
    assertTranslated(e);
    assert.equal(translateMessage(makeTranslate(ja), e.inpatients_total), "合計は3か月未満・3か月以上1年未満・1年以上の和です。829 + 576 + 2,154 = 3,559 になるように入力してください（いまは 3,558）。");
    assert.equal(translateMessage(makeTranslate(en), e.inpatients_total), "The total is the sum of the three length-of-stay groups. Make 829 + 576 + 2,154 = 3,559 (now 3,558).");
  });

  test("the age split must add up to 1年以上, and is given whole or not at all", () => {
    const e = errors(StatisticCreateSchema.safeParse({ ...six30, inpatients_ge1y_65plus: "1517" }));
    assert.equal(translateMessage(makeTranslate(ja), e.inpatients_ge1y), "1年以上はうち65歳未満・うち65歳以上の和です。636 + 1,517 = 2,153 になるように入力してください（いまは 2,154）。");
    assert.deepEqual(errors(StatisticCreateSchema.safeParse({ ...six30, inpatients_ge1y_65plus: "" })), { inpatients_ge1y_65plus: "indicatorInputs.validation.statistics.ageSplitBoth" });
    const noSplit = StatisticCreateSchema.parse({ ...six30, inpatients_ge1y_u65: "", inpatients_ge1y_65plus: "" });
    assert.equal("inpatients_ge1y_u65" in noSplit.values, false);
  });

  test("required values, integers and the reference date are checked together", () => {
    const e = errors(StatisticCreateSchema.safeParse({ ...six30, asOf: "", inpatients_lt3m: "", inpatients_3to12m: "5.5", sourceLabel: " " }));
    assert.deepEqual(e, {
      sourceLabel: "indicatorInputs.validation.statistics.sourceRequired",
      asOf: "indicatorInputs.validation.statistics.asOfRequired",
      inpatients_lt3m: "indicatorInputs.validation.statistics.valueRequired",
      inpatients_3to12m: "indicatorInputs.validation.statistics.integerFormat",
    });
    assertTranslated(e);
  });

  test("percentages: 0–100 with one decimal at most; a cohort topic needs its cohort year, not a date", () => {
    const rates = { topic: "discharge_rates", cohortYear: "2018", method: "ndb_fy_cohort", sourceLabel: "H30年", discharge_rate_3m: "67.2", discharge_rate_6m: "81.9", discharge_rate_12m: "" };
    const v = StatisticCreateSchema.parse({ ...rates, asOf: "2021/6/30" });
    assert.deepEqual([v.asOf, v.cohortYear, v.values], [null, 2018, { discharge_rate_3m: 67.2, discharge_rate_6m: 81.9 }]);
    const e = errors(StatisticCreateSchema.safeParse({ ...rates, cohortYear: "", discharge_rate_3m: "67.25", discharge_rate_6m: "101" }));
    assert.deepEqual(e, {
      cohortYear: "indicatorInputs.validation.statistics.cohortYearRequired",
      discharge_rate_3m: "indicatorInputs.validation.statistics.percentFormat",
      discharge_rate_6m: "indicatorInputs.validation.statistics.percentFormat",
    });
    assert.deepEqual(errors(StatisticCreateSchema.safeParse({ ...rates, cohortYear: "H30" })), { cohortYear: "indicatorInputs.validation.statistics.cohortYearFormat" });
  });

  test("an edit carries its id, version and the values it was loaded with", () => {
    const v = StatisticUpdateSchema.parse({ ...six30, id: "x", version: "3", base: "{}" });
    assert.deepEqual([v.id, v.version, v.base], ["x", 3, "{}"]);
    assert.equal(StatisticUpdateSchema.safeParse({ ...six30, id: "x", version: "0" }).success, false);
  });
});

describe("target schema", () => {
  const s7 = { indicatorCode: "S7.3m", scope: "prefecture", planPeriodId: "shogai_fukushi-6", fiscalYear: "", comparator: "gte", value: "56", text: "", baselineValue: "", baselineFiscalYear: "", source: "" };

  test("a plan period stands for the year; the scope is parsed", () => {
    const v = TargetCreateSchema.parse(s7);
    assert.deepEqual([v.scope, v.planPeriodId, v.fiscalYear, v.value], [{ level: "prefecture" }, "shogai_fukushi-6", null, 56]);
    assert.deepEqual(TargetCreateSchema.parse({ ...s7, indicatorCode: "A11", scope: "office:33-bizen", planPeriodId: "", fiscalYear: "2024", value: "30" }).scope, { level: "office", officeId: "33-bizen" });
  });

  test("the comparator decides what is required; units decide the number's form", () => {
    const e = errors(TargetCreateSchema.safeParse({ ...s7, indicatorCode: "S6", comparator: "decrease", value: "1.5", planPeriodId: "", fiscalYear: "" }));
    assert.deepEqual(e, {
      fiscalYear: "indicatorInputs.validation.targets.fiscalYearRequired",
      value: "indicatorInputs.validation.targets.wholeNumber",
      baselineValue: "indicatorInputs.validation.targets.baselineRequired",
      baselineFiscalYear: "indicatorInputs.validation.targets.baselineYearRequired",
    });
    assertTranslated(e);
    assert.deepEqual(errors(TargetCreateSchema.safeParse({ ...s7, value: "" })), { value: "indicatorInputs.validation.targets.valueRequired" });
    assert.deepEqual(errors(TargetCreateSchema.safeParse({ ...s7, value: "156" })), { value: "indicatorInputs.validation.targets.percentRange" });
    assert.deepEqual(errors(TargetCreateSchema.safeParse({ ...s7, comparator: "qualitative", value: "" })), { text: "indicatorInputs.validation.targets.textRequired" });
    assert.equal(TargetCreateSchema.parse({ ...s7, comparator: "qualitative", value: "5", text: "全圏域に設置" }).value, null);
  });

  test("unknown indicators and scopes the indicator is not computed for are refused", () => {
    assert.deepEqual(errors(TargetCreateSchema.safeParse({ ...s7, indicatorCode: "Z9" })), { indicatorCode: "indicatorInputs.validation.targets.indicatorUnknown" });
    assert.deepEqual(errors(TargetCreateSchema.safeParse({ ...s7, scope: "region:33-bizen" })), { scope: "indicatorInputs.validation.targets.scopeNotForIndicator" });
    assert.deepEqual(errors(TargetCreateSchema.safeParse({ ...s7, scope: "somewhere" })), { scope: "indicatorInputs.validation.targets.scopeRequired" });
  });
});

describe("sheet settings schemas", () => {
  test("an indicator must be in the registry; narratives keep their line breaks", () => {
    assert.deepEqual(errors(SheetRowAddSchema.safeParse({ indicatorCode: "S99", heading: "" })), { indicatorCode: "indicatorInputs.validation.sheet.indicatorUnknown" });
    const n = NarrativeSchema.parse({ indicatorCode: "S2", fiscalYear: "2021", text: "一行目\n二行目\n\n", version: "0" });
    assert.equal(n.text, "一行目\n二行目");
  });

  test("year facts: 有 / 無 / 未記録 and a whole number of users", () => {
    assert.deepEqual(YearFactsSchema.parse({ fiscalYear: "2021", jiritsuMhSubcommittee: "yes", hostelUniqueUsers: "１８", version: "0" }), { fiscalYear: 2021, jiritsuMhSubcommittee: true, hostelUniqueUsers: 18, kyogiAsOfNextApril: false, version: 0, base: "" });
    assert.equal(YearFactsSchema.parse({ fiscalYear: "2021", jiritsuMhSubcommittee: "", hostelUniqueUsers: "", version: "1" }).jiritsuMhSubcommittee, null);
    assert.deepEqual(errors(YearFactsSchema.safeParse({ fiscalYear: "2021", jiritsuMhSubcommittee: "maybe", hostelUniqueUsers: "-1", version: "0" })), {
      jiritsuMhSubcommittee: "indicatorInputs.validation.sheet.subcommitteeInvalid",
      hostelUniqueUsers: "indicatorInputs.validation.sheet.hostelUsersFormat",
    });
  });
});
