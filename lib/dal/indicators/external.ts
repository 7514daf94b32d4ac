import "server-only";
import type { StatisticMetric } from "@/lib/domain/statistic-codes";
import { yearFactsFor } from "../sheet-settings";
import { statisticsInForce, type StatisticObservation } from "../statistics";
import { countOf, ja, notComputable, type ComputeFn, type Computed, type IndicatorContext } from "./context";

/*
 * Figures the prefecture enters rather than counts: external statistics (外部統計: population,
 * hospitals and beds as statistics — never rows of the hospital master —, the 630 survey, the
 * discharge rates with their method and cohort) and the year's recorded facts (精神部会, the
 * hostel's unique users). They are the prefecture's, so they exist for the prefecture scope only.
 */

const inForce = (ctx: IndicatorContext) => ctx.memo("statistics", () => statisticsInForce(ctx.prefectureCode, ctx.fiscalYear));
const facts = (ctx: IndicatorContext) => ctx.memo("yearFacts", () => yearFactsFor(ctx.prefectureCode, ctx.fiscalYear));

const NOT_ENTERED = ja("この年度の外部統計が入力されていません(外部統計の画面で入力します)。", "No external statistic has been entered for this year (enter it under External statistics).");

function fromObservation(o: StatisticObservation | undefined, extra: Partial<Computed> = {}): Computed {
  if (!o) return notComputable(NOT_ENTERED);
  return {
    value: o.value,
    source: { label: o.sourceLabel, asOf: o.asOf, cohortYear: o.cohortYear, method: o.method, statisticId: o.statisticId },
    records: () => [{ kind: "statistic", ids: [o.statisticId] }],
    ...extra,
  };
}

const metric =
  (m: StatisticMetric): ComputeFn =>
  (ctx) =>
    fromObservation(inForce(ctx).get(m));

/** A 630 bucket with its share of the total (構成割合), computed, never stored. */
const bucket =
  (m: StatisticMetric): ComputeFn =>
  (ctx) => {
    const obs = inForce(ctx);
    const o = obs.get(m);
    const total = obs.get("inpatients_total");
    return fromObservation(o, o && total && total.statisticId === o.statisticId ? { numerator: o.value, denominator: total.value } : {});
  };

const longStay: ComputeFn = (ctx) => {
  const obs = inForce(ctx);
  return fromObservation(obs.get("inpatients_ge1y"), {
    breakdown: [
      { key: "65plus", label: ja("うち65歳以上", "65 and over"), value: obs.get("inpatients_ge1y_65plus")?.value ?? null },
      { key: "u65", label: ja("うち65歳未満", "Under 65"), value: obs.get("inpatients_ge1y_u65")?.value ?? null },
    ],
  });
};

export const EXTERNAL_INDICATORS: Record<string, ComputeFn> = {
  "B.population": metric("population"),
  "B.psych_hospitals": metric("psych_hospital_count"),
  "B.psych_beds": metric("psych_bed_count"),
  "B.inpatients": metric("inpatients_total"),
  "B.inpatients.lt3m": bucket("inpatients_lt3m"),
  "B.inpatients.3to12m": bucket("inpatients_3to12m"),
  "B.inpatients.ge1y": bucket("inpatients_ge1y"),
  "B.inpatients.ge1y.u65": metric("inpatients_ge1y_u65"),
  "B.inpatients.ge1y.65plus": metric("inpatients_ge1y_65plus"),
  "B.discharge.3m": metric("discharge_rate_3m"),
  "B.discharge.6m": metric("discharge_rate_6m"),
  "B.discharge.12m": metric("discharge_rate_12m"),
  "B.kikan_centers": metric("kikan_soudan_center_count"),
  "B.ippan_offices": metric("ippan_soudan_office_count"),
  "B.tokutei_offices": metric("tokutei_soudan_office_count"),
  S6: longStay,
  "S6.65plus": metric("inpatients_ge1y_65plus"),
  "S6.u65": metric("inpatients_ge1y_u65"),
  "S7.3m": metric("discharge_rate_3m"),
  "S7.6m": metric("discharge_rate_6m"),
  "S7.12m": metric("discharge_rate_12m"),
  "B.jiritsu_mh_subcommittee": (ctx) => {
    const f = facts(ctx);
    if (f?.jiritsuMhSubcommittee === null || f?.jiritsuMhSubcommittee === undefined) {
      return notComputable(ja("この年度の精神部会の有無が記録されていません(シートの設定で記録します)。", "Whether the council has a mental-health subcommittee is not recorded for the year (record it in the sheet settings)."));
    }
    return { value: f.jiritsuMhSubcommittee ? 1 : 0, text: f.jiritsuMhSubcommittee ? ja("有", "Yes") : ja("無", "No") };
  },
  A17: (ctx) => {
    const users = facts(ctx)?.hostelUniqueUsers;
    if (users === null || users === undefined) {
      return notComputable(ja("この年度のホステル利用者実数が入力されていません。月報の利用者数は足し合わせられないため、年度ごとに入力します。", "The hostel's unique users of the year have not been entered; monthly users cannot be added up, so it is entered per year."));
    }
    return countOf(users);
  },
};
