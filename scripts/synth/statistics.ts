import type { Ctx } from "./context";
import { day, iso } from "./dates";

/*
 * The 自治体情報シート's inputs per prefecture and year (ADR 0021): external statistics sized by the
 * prefecture's population (population and offices each 1 April, beds each 1 October, the 630
 * survey each 30 June up to the year before, discharge rates by cohort), targets for each year,
 * the sheet's rows, a narrative now and then, and the yearly facts.
 */

const SHEET_ROWS: readonly [string, string][] = [
  ["S1", "地域移行推進検討会の開催"],
  ["S2", "ピアサポーターの登録・派遣体制"],
  ["S3", "人材育成研修会の開催"],
  ["S4", "地域毎の進捗状況"],
  ["S5", "圏域ごとの協議の場の設置"],
  ["S6", "1年以上の長期在院者数"],
  ["S7.3m", "入院後3ヶ月時点の退院率"],
  ["S7.6m", "入院後6ヶ月時点の退院率"],
  ["S7.12m", "入院後1年時点の退院率"],
];

export function generateStatistics(ctx: Ctx, p: { code: string; population: number; prefectureUserId: string; regions: number }): void {
  const { w, today } = ctx;
  const rng = ctx.rng.fork(`statistics-${p.code}`);
  const by = p.prefectureUserId;
  const stamp = (d: string) => {
    const s = `${d}T01:00:00.000Z`;
    return s < ctx.nowIso ? s : ctx.nowIso;
  };
  const statistic = w.table("external_statistics", ["id", "prefecture_code", "topic", "as_of", "cohort_year", "method", "source_label", "note", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const value = w.table("external_statistic_values", ["statistic_id", "metric", "value"]);
  const target = w.table("indicator_targets", ["id", "prefecture_code", "indicator_code", "scope_level", "region_id", "office_id", "plan_period_id", "fiscal_year", "comparator", "value", "text", "baseline_value", "baseline_fiscal_year", "source", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const sheetRow = w.table("sheet_indicators", ["prefecture_code", "indicator_code", "sort", "heading", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const narrative = w.table("indicator_narratives", ["prefecture_code", "indicator_code", "fiscal_year", "text", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const facts = w.table("prefecture_year_facts", ["prefecture_code", "fiscal_year", "jiritsu_mh_subcommittee", "hostel_unique_users", "kyogi_as_of_next_april", "version", "created_by", "created_at", "updated_by", "updated_at"]);
  const add = (topic: string, asOf: string | null, cohortYear: number | null, method: string, source: string, values: Record<string, number>) => {
    const entered = asOf ?? `${cohortYear! + 3}-04-01`;
    if (day(entered) > today) return;
    const id = `st-${p.code}-${topic}-${asOf ?? `c${cohortYear}`}`;
    statistic(id, p.code, topic, asOf, cohortYear, method, source, null, 1, by, stamp(entered), by, stamp(entered));
    for (const [metric, v] of Object.entries(values)) value(id, metric, v);
  };
  const pop = p.population * 1000;
  const years = ctx.fiscalYears;
  const lastFy = years.at(-1)!;
  for (const y of years) {
    const drift = (y - 2022) * 0.007;
    add("population", `${y}-04-01`, null, "population_estimate", "推計人口（見本）", { population: Math.round(pop * (1 - drift) + rng.int(-500, 500)) });
    add("psych_hospitals", `${y}-04-01`, null, "prefecture_record", "県調べ（見本）", { psych_hospital_count: Math.max(3, Math.round((pop / 1e6) * 8.5) - Math.floor((y - years[0]!) / 4)) });
    add("psych_beds", `${y - 1}-10-01`, null, "medical_facility_survey", "医療施設調査（見本）", { psych_bed_count: Math.round(pop * 0.0026 * (1 - (y - 2022) * 0.012)) });
    add("soudan_offices", `${y}-04-01`, null, "prefecture_record", "県調べ（指定台帳・見本）", {
      kikan_soudan_center_count: Math.max(1, Math.round((pop / 1e6) * 5) + (y - years[0]!)),
      ippan_soudan_office_count: Math.round((pop / 1e6) * 40 + (y - years[0]!) * 2),
      tokutei_soudan_office_count: Math.round((pop / 1e6) * 95 + (y - years[0]!) * 4),
    });
    if (y < lastFy) {
      const total = Math.round(pop * 0.0021 * (1 - (y - 2021) * 0.018));
      const lt3m = Math.round(total * (0.21 + rng.next() * 0.02));
      const mid = Math.round(total * (0.17 + rng.next() * 0.02));
      const ge1y = total - lt3m - mid;
      const u65 = Math.round(ge1y * (0.32 - (y - 2021) * 0.005));
      add("inpatients_630", `${y}-06-30`, null, "survey_630", "630調査（見本）", { inpatients_total: total, inpatients_lt3m: lt3m, inpatients_3to12m: mid, inpatients_ge1y: ge1y, inpatients_ge1y_u65: u65, inpatients_ge1y_65plus: ge1y - u65 });
    }
    const cohort = y - 4;
    const r3 = Math.round((60 + (cohort - 2014) * 0.7 + rng.next() * 4) * 10) / 10;
    const r6 = Math.round((r3 + 13 + rng.next() * 3) * 10) / 10;
    const r12 = Math.round((r6 + 7 + rng.next() * 2) * 10) / 10;
    add("discharge_rates", null, cohort, "ndb_fy_cohort", `NDB年度コホート（見本） ${cohort}年度`, { discharge_rate_3m: r3, discharge_rate_6m: r6, discharge_rate_12m: r12 });

    // Targets of each year, and the yearly facts.
    const entered = iso(Math.min(day(`${y}-04-01`), today));
    const plan = y < 2018 ? null : y <= 2020 ? "shogai_fukushi-5" : y <= 2023 ? "shogai_fukushi-6" : y <= 2026 ? "shogai_fukushi-7" : "shogai_fukushi-8";
    const tgt = (code: string, comparator: string, v: number | null, baseline: number | null) =>
      target(`tg-${p.code}-${code}-${y}`, p.code, code, "prefecture", null, null, plan, y, comparator, v, null, baseline, baseline === null ? null : y - 3, "障害福祉計画（見本）", 1, by, stamp(entered), by, stamp(entered));
    tgt("S1", "gte", 2, null);
    tgt("S5", "gte", p.regions, null);
    tgt("S6", "lte", Math.round(pop * 0.0021 * 0.6 * (1 - (y - 2021) * 0.03)), Math.round(pop * 0.0021 * 0.62));
    tgt("S7.3m", "gte", 68.9, null);
    tgt("S7.6m", "gte", 84.5, null);
    tgt("S7.12m", "gte", 91, null);
    tgt("A9", "increase", null, 10);
    const factDay = iso(Math.min(day(`${y + 1}-03-31`), today));
    // The hostel's unique users of the year: between its busiest month and the sum of the months.
    facts(p.code, y, rng.chance(0.7) ? 1 : 0, rng.int(14, 40), 0, 1, by, stamp(factDay), by, stamp(factDay));
  }
  SHEET_ROWS.forEach(([code, heading], i) => sheetRow(p.code, code, i + 1, heading, 1, by, stamp(iso(day(`${years[0]}-04-01`))), by, stamp(iso(day(`${years[0]}-04-01`)))));
  for (const y of years.slice(-4, -1)) narrative(p.code, "S1", y, "圏域ごとの検討会を通じて、関係機関の取組と課題を共有した（見本）。", 1, by, stamp(`${y + 1}-05-31`), by, stamp(`${y + 1}-05-31`));
}
