import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { externalStatistics, externalStatisticValues, hostelMonths, indicatorNarratives, indicatorTargets, prefectureYearFacts, sheetIndicators, users } from "@/db/schema";
import { currentFiscalYear, todayIso } from "@/lib/domain/fiscal-year";
import type { Comparator, StatisticMethod, StatisticMetric, StatisticTopic } from "@/lib/domain/statistic-codes";
import { createRng, type Rng } from "./random";

/**
 * Deterministic demo inputs of the 自治体情報シート for both prefectures (ADR 0021): external
 * statistics, targets, the sheets' rows, the FY2021 narratives and the yearly facts. No clock
 * but the last fiscal year given, no Math.random: every row is a function of the figures below
 * and the seed, and each generated set draws from its own fork, so a later last year only adds
 * sets.
 *
 * The FY2021 (令和3年度) sheets select exactly the published figures of the two seed sheets
 * (shared/reference/seed-figures.json, copied here) under the selection rule: the other years'
 * sets are dated so that none of them is the latest one before 2022-04-01 (population and
 * offices each 1 April, 岡山県's beds each 1 October and 山口県's each 1 April, the 630調査 each
 * 30 June), and the discharge rates of other cohorts are earlier cohorts only (a later cohort
 * up to 2021 would be chosen for FY2021). tests/seed/demo-indicators.test.ts checks all of it.
 */

export const DEMO_INDICATOR_FIRST_FY = 2019;
const SEED = "tsunagu-demo-indicators-v1";

export type DemoStatistic = {
  prefectureCode: "33" | "35";
  topic: StatisticTopic;
  asOf: string | null;
  cohortYear: number | null;
  method: StatisticMethod;
  sourceLabel: string;
  note: string | null;
  values: Partial<Record<StatisticMetric, number>>;
};

const OKAYAMA_RATE_SOURCE = (cohortYear: number) => `持続可能で良質かつ適切な精神医療とモニタリング体制の確保に関する研究（国）の（H${cohortYear - 1988}年）`;
const YAMAGUCHI_RATE_SOURCE = (cohortYear: number) => `H${cohortYear - 1988}年度NDBより`;

/** The seed sheets' 基本情報 that are external statistics, as published (seed-figures.json). */
export const SEED_STATISTICS: readonly DemoStatistic[] = [
  // 岡山県
  { prefectureCode: "33", topic: "population", asOf: "2022-04-01", cohortYear: null, method: "population_estimate", sourceLabel: "岡山県毎月流動人口調査", note: null, values: { population: 1864432 } },
  { prefectureCode: "33", topic: "psych_hospitals", asOf: "2022-04-01", cohortYear: null, method: "prefecture_record", sourceLabel: "県調べ", note: null, values: { psych_hospital_count: 23 } },
  { prefectureCode: "33", topic: "psych_beds", asOf: "2021-10-01", cohortYear: null, method: "medical_facility_survey", sourceLabel: "医療施設調査", note: null, values: { psych_bed_count: 5275 } },
  {
    prefectureCode: "33",
    topic: "inpatients_630",
    asOf: "2021-06-30",
    cohortYear: null,
    method: "survey_630",
    sourceLabel: "630調査",
    note: null,
    values: { inpatients_total: 3559, inpatients_lt3m: 829, inpatients_3to12m: 576, inpatients_ge1y: 2154, inpatients_ge1y_u65: 636, inpatients_ge1y_65plus: 1518 },
  },
  {
    prefectureCode: "33",
    topic: "discharge_rates",
    asOf: null,
    cohortYear: 2018,
    method: "ndb_fy_cohort",
    sourceLabel: OKAYAMA_RATE_SOURCE(2018),
    note: null,
    values: { discharge_rate_3m: 67.2, discharge_rate_6m: 81.9, discharge_rate_12m: 88.7 },
  },
  {
    prefectureCode: "33",
    topic: "soudan_offices",
    asOf: "2022-04-01",
    cohortYear: null,
    method: "prefecture_record",
    sourceLabel: "県調べ（指定台帳）",
    note: null,
    values: { kikan_soudan_center_count: 11, ippan_soudan_office_count: 79, tokutei_soudan_office_count: 181 },
  },
  // 山口県
  { prefectureCode: "35", topic: "population", asOf: "2022-04-01", cohortYear: null, method: "population_estimate", sourceLabel: "山口県人口移動統計調査", note: null, values: { population: 1315949 } },
  { prefectureCode: "35", topic: "psych_hospitals", asOf: "2022-04-01", cohortYear: null, method: "prefecture_record", sourceLabel: "県調べ", note: null, values: { psych_hospital_count: 31 } },
  { prefectureCode: "35", topic: "psych_beds", asOf: "2022-04-01", cohortYear: null, method: "prefecture_record", sourceLabel: "県調べ", note: null, values: { psych_bed_count: 5839 } },
  {
    prefectureCode: "35",
    topic: "inpatients_630",
    asOf: "2021-06-30",
    cohortYear: null,
    method: "survey_630",
    sourceLabel: "630調査",
    note: null,
    values: { inpatients_total: 5111, inpatients_lt3m: 728, inpatients_3to12m: 887, inpatients_ge1y: 3496, inpatients_ge1y_u65: 1033, inpatients_ge1y_65plus: 2463 },
  },
  {
    prefectureCode: "35",
    topic: "discharge_rates",
    asOf: null,
    cohortYear: 2017,
    method: "ndb_fy_cohort",
    sourceLabel: YAMAGUCHI_RATE_SOURCE(2017),
    note: null,
    values: { discharge_rate_3m: 48.6, discharge_rate_6m: 69.6, discharge_rate_12m: 78.7 },
  },
  {
    prefectureCode: "35",
    topic: "soudan_offices",
    asOf: "2022-04-01",
    cohortYear: null,
    method: "prefecture_record",
    sourceLabel: "県調べ（指定台帳）",
    note: null,
    values: { kikan_soudan_center_count: 8, ippan_soudan_office_count: 51, tokutei_soudan_office_count: 99 },
  },
];

const seedOf = (pref: "33" | "35", topic: StatisticTopic) => SEED_STATISTICS.find((s) => s.prefectureCode === pref && s.topic === topic)!;

/** How each prefecture's figures move from year to year (a gentle, plausible drift). */
const DRIFT = {
  "33": { populationDecline: 0.0055, bedsPerYear: -38, bedsDate: "10-01", inpatientDecline: 0.017, u65ShareStep: -0.004, ratesStep: 0.7, firstCohort: 2014 },
  "35": { populationDecline: 0.0095, bedsPerYear: -45, bedsDate: "04-01", inpatientDecline: 0.02, u65ShareStep: -0.005, ratesStep: 0.9, firstCohort: 2014 },
} as const;

/** A value of `base` moved by `spread` either way, from the set's own fork. */
const jitter = (rng: Rng, spread: number) => (rng.next() * 2 - 1) * spread;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Year and month-day as an ISO date. */
const dateOf = (y: number, md: string) => `${y}-${md}`;

/** A 630 set of a total: buckets and age split drawn near the seed's shares, adding up by construction. */
function inpatientValues(seed: DemoStatistic["values"], total: number, u65Share: number, rng: Rng): DemoStatistic["values"] {
  const seedTotal = seed.inpatients_total!;
  const lt3m = Math.round(total * (seed.inpatients_lt3m! / seedTotal + jitter(rng, 0.008)));
  const mid = Math.round(total * (seed.inpatients_3to12m! / seedTotal + jitter(rng, 0.008)));
  const ge1y = total - lt3m - mid;
  const u65 = Math.round(ge1y * u65Share);
  return { inpatients_total: total, inpatients_lt3m: lt3m, inpatients_3to12m: mid, inpatients_ge1y: ge1y, inpatients_ge1y_u65: u65, inpatients_ge1y_65plus: ge1y - u65 };
}

/** The generated sets of one prefecture, FY2019 to `lastFy` (never on a seed set's date or cohort). */
function generatedStatistics(pref: "33" | "35", lastFy: number): DemoStatistic[] {
  const d = DRIFT[pref];
  const rng = createRng(`${SEED}-${pref}`);
  const out: DemoStatistic[] = [];
  const add = (s: Omit<DemoStatistic, "prefectureCode" | "note">) => {
    const seed = seedOf(pref, s.topic);
    if (seed.asOf !== null && seed.asOf === s.asOf) return;
    if (seed.cohortYear !== null && seed.cohortYear === s.cohortYear) return;
    out.push({ prefectureCode: pref, note: null, ...s });
  };
  for (let y = DEMO_INDICATOR_FIRST_FY; y <= lastFy; y++) {
    // 1 April of each year: population, hospitals, consultation offices (and 山口県's beds).
    const april = dateOf(y, "04-01");
    const pop = seedOf(pref, "population");
    const g = (label: string) => rng.fork(`${label}-${y}`);
    add({
      topic: "population",
      asOf: april,
      cohortYear: null,
      method: pop.method,
      sourceLabel: pop.sourceLabel,
      values: { population: Math.round(pop.values.population! * (1 - d.populationDecline) ** (y - 2022) + jitter(g("population"), 400)) },
    });
    const hospitals = seedOf(pref, "psych_hospitals");
    add({ topic: "psych_hospitals", asOf: april, cohortYear: null, method: hospitals.method, sourceLabel: hospitals.sourceLabel, values: { psych_hospital_count: hospitals.values.psych_hospital_count! + (y < 2021 ? 1 : 0) } });
    const offices = seedOf(pref, "soudan_offices");
    const go = g("offices");
    add({
      topic: "soudan_offices",
      asOf: april,
      cohortYear: null,
      method: offices.method,
      sourceLabel: offices.sourceLabel,
      values: {
        kikan_soudan_center_count: Math.max(1, offices.values.kikan_soudan_center_count! + Math.round(0.6 * (y - 2022))),
        ippan_soudan_office_count: Math.max(1, offices.values.ippan_soudan_office_count! + 2 * (y - 2022) + Math.round(jitter(go, 1))),
        tokutei_soudan_office_count: Math.max(1, offices.values.tokutei_soudan_office_count! + 5 * (y - 2022) + Math.round(jitter(go, 2))),
      },
    });
    // Beds: 岡山県 from the 医療施設調査 of 1 October (up to the year before the last), 山口県 each 1 April.
    const beds = seedOf(pref, "psych_beds");
    const bedsYear = d.bedsDate === "10-01" ? y - 1 : y;
    if (bedsYear >= DEMO_INDICATOR_FIRST_FY) {
      const seedYear = Number(beds.asOf!.slice(0, 4));
      add({
        topic: "psych_beds",
        asOf: dateOf(bedsYear, d.bedsDate),
        cohortYear: null,
        method: beds.method,
        sourceLabel: beds.sourceLabel,
        values: { psych_bed_count: Math.round(beds.values.psych_bed_count! + d.bedsPerYear * (bedsYear - seedYear) + jitter(g("beds"), 6)) },
      });
    }
    // The 630調査 of 30 June, up to the year before the last (published a year later).
    if (y < lastFy) {
      const six30 = seedOf(pref, "inpatients_630");
      const g6 = g("630");
      const total = Math.round(six30.values.inpatients_total! * (1 - d.inpatientDecline) ** (y - 2021) + jitter(g6, 15));
      const u65Share = six30.values.inpatients_ge1y_u65! / six30.values.inpatients_ge1y! + d.u65ShareStep * (y - 2021) + jitter(g6, 0.004);
      add({ topic: "inpatients_630", asOf: dateOf(y, "06-30"), cohortYear: null, method: "survey_630", sourceLabel: "630調査", values: inpatientValues(six30.values, total, u65Share, g6) });
    }
  }
  // Discharge rates of the cohorts before the seed's: a trend by cohort that no sheet up to FY2021 prefers.
  const rates = seedOf(pref, "discharge_rates");
  for (let c = d.firstCohort; c < rates.cohortYear!; c++) {
    const gr = rng.fork(`rates-${c}`);
    const back = rates.cohortYear! - c;
    const r3 = oneDecimal(rates.values.discharge_rate_3m! - d.ratesStep * back + jitter(gr, 0.4));
    const r6 = oneDecimal(rates.values.discharge_rate_6m! - d.ratesStep * back + jitter(gr, 0.4));
    const r12 = oneDecimal(rates.values.discharge_rate_12m! - d.ratesStep * 0.8 * back + jitter(gr, 0.4));
    add({
      topic: "discharge_rates",
      asOf: null,
      cohortYear: c,
      method: "ndb_fy_cohort",
      sourceLabel: pref === "33" ? OKAYAMA_RATE_SOURCE(c) : YAMAGUCHI_RATE_SOURCE(c),
      values: { discharge_rate_3m: r3, discharge_rate_6m: Math.max(r6, r3), discharge_rate_12m: Math.max(r12, r6, r3) },
    });
  }
  return out;
}

/** Every demo statistic set: the seed sheets' and the generated ones, FY2019 to `lastFy`. */
export function demoStatistics(lastFy: number): DemoStatistic[] {
  return [...SEED_STATISTICS, ...generatedStatistics("33", lastFy), ...generatedStatistics("35", lastFy)];
}

// ---------------------------------------------------------------------------------------
// Targets, the sheets' rows and narratives

export type DemoTarget = {
  prefectureCode: "33" | "35";
  indicatorCode: string;
  planPeriodId: string | null;
  fiscalYear: number;
  comparator: Comparator;
  value: number | null;
  text: string | null;
  baselineValue: number | null;
  baselineFiscalYear: number | null;
  source: string | null;
};

const YAMAGUCHI_PLAN = "山口県障害福祉サービス実施計画（令和3年度から令和5年度）";

/** 山口県's targets as its FY2021 sheet states them (the R5年度末 ones are the 第6期 plan's). */
export const DEMO_TARGETS: readonly DemoTarget[] = [
  { prefectureCode: "35", indicatorCode: "S5", planPeriodId: null, fiscalYear: 2021, comparator: "gte", value: 8, text: "8", baselineValue: null, baselineFiscalYear: null, source: null },
  ...(
    [
      ["S7.3m", 56],
      ["S7.6m", 74],
      ["S7.12m", 85],
    ] as const
  ).map(([indicatorCode, value]): DemoTarget => ({ prefectureCode: "35", indicatorCode, planPeriodId: "shogai_fukushi-6", fiscalYear: 2023, comparator: "gte", value, text: null, baselineValue: null, baselineFiscalYear: null, source: null })),
  ...(
    [
      ["S6", 2855, 3906],
      ["S6.65plus", 2036, 2464],
      ["S6.u65", 819, 1442],
    ] as const
  ).map(
    ([indicatorCode, value, baselineValue]): DemoTarget => ({
      prefectureCode: "35",
      indicatorCode,
      planPeriodId: "shogai_fukushi-6",
      fiscalYear: 2023,
      comparator: "lte",
      value,
      text: null,
      baselineValue,
      baselineFiscalYear: 2014,
      source: YAMAGUCHI_PLAN,
    }),
  ),
];

/** The indicators each sheet reports, in its order and with its own headings. */
export const DEMO_SHEET_ROWS: readonly { prefectureCode: "33" | "35"; indicatorCode: string; heading: string }[] = [
  { prefectureCode: "33", indicatorCode: "S1", heading: "地域移行推進検討会の開催" },
  { prefectureCode: "33", indicatorCode: "S2", heading: "ピアサポーターの登録・派遣体制" },
  { prefectureCode: "33", indicatorCode: "S3", heading: "人材育成研修会の開催" },
  { prefectureCode: "33", indicatorCode: "S4", heading: "地域毎の進捗状況" },
  { prefectureCode: "35", indicatorCode: "S5", heading: "すべての圏域ごとに、保健、医療、福祉関係者による情報共有や協議等の場を設置" },
  { prefectureCode: "35", indicatorCode: "S6", heading: "令和３年度末時点の１年以上の長期在院者数" },
  { prefectureCode: "35", indicatorCode: "S7.3m", heading: "令和５年度の入院後３ヶ月時点の退院率" },
  { prefectureCode: "35", indicatorCode: "S7.6m", heading: "令和５年度の入院後６ヶ月時点の退院率" },
  { prefectureCode: "35", indicatorCode: "S7.12m", heading: "令和５年度の入院後１年時点の退院率" },
  { prefectureCode: "35", indicatorCode: "S6.65plus", heading: "慢性期入院需要 うち65歳以上" },
  { prefectureCode: "35", indicatorCode: "S6.u65", heading: "慢性期入院需要 うち65歳未満" },
];

/** 具体的な成果・効果 of FY2021, as the two sheets print them (line breaks where the sheet starts a new point). */
export const DEMO_NARRATIVES_FY2021: readonly { prefectureCode: "33" | "35"; indicatorCode: string; text: string }[] = [
  {
    prefectureCode: "33",
    indicatorCode: "S1",
    text: "・福祉や住宅関係など地域移行に関し、各行政機関の取組やピアサポーター、家族会等の思いや困り感を共有し、治療中断と支援拒否を減らすための各職域の取り組みについて意見交換ができた。",
  },
  {
    prefectureCode: "33",
    indicatorCode: "S2",
    text: "・保健所・支所にピアサポーターが登録され派遣できる体制があり、地域の実情に応じて派遣を実施した。\n・コロナ禍のため規模を縮小して県北3保健所合同でピアサポーター養成研修を実施し、修了者は保健所ピアサポーターとして登録した。保健所と協働して「にも包括」を意識した活動の場づくりに繋がった。",
  },
  {
    prefectureCode: "33",
    indicatorCode: "S3",
    text: "・個別対応について具体的な広がりを学び、支援者としてのスキルの向上に努めた。\n・精神障害にも対応した地域包括ケアシステムに携わる関係者の資質向上及び連携強化を目指し参加者それぞれが「にも包括」を考える機会となった。",
  },
  {
    prefectureCode: "33",
    indicatorCode: "S4",
    text: "・各圏域の実情に応じ、保健所・支所単位で、市町村と協働し検討会等を実施することができた。\n・市町村で協議の場が設置できるように働きかけを行った結果、未設置市町村の設置へ繋がった。\n・精神保健福祉センターが３地域に参画し、事例検討などの取組について共に企画。他地域に紹介（横展開）し、今後の展開に向けての足掛かりとすることができた。",
  },
  {
    prefectureCode: "35",
    indicatorCode: "S5",
    text: "圏域連絡調整会議等を通じて、現状と課題の共有や、事例検討会を開催し、圏域の課題解決に向けた多職種、機関が協働した取組を実践している。",
  },
  {
    prefectureCode: "35",
    indicatorCode: "S6",
    text: "精神障害にも対応した地域包括ケアシステムの構築を目指す新たな政策理念を踏まえ、精神障害者を地域で支える環境を整備するため、山口県障害福祉サービス実施計画（令和3年度から令和5年度）において数値目標を定めた。",
  },
];

// ---------------------------------------------------------------------------------------
// Yearly facts

export type DemoYearFacts = { prefectureCode: "33" | "35"; fiscalYear: number; jiritsuMhSubcommittee: boolean | null; hostelUniqueUsers: number | null; kyogiAsOfNextApril: boolean };

/** A fiscal year's monthly hostel users: the largest month and the sum (unique users of the year lie between). */
export type HostelYear = { max: number; sum: number };

/**
 * 岡山県 has its 精神部会 every year and a hostel; 山口県 has neither, and reports its 協議の場 as of
 * the next 1 April (「R4年4月時点」 on its R3 sheet). The hostel's unique users of a year lie
 * between its busiest month and the sum of the months (people come back); without monthly
 * figures, a plausible count.
 */
export function demoYearFacts(lastFy: number, hostel: ReadonlyMap<number, HostelYear>): DemoYearFacts[] {
  const rng = createRng(`${SEED}-facts`);
  const out: DemoYearFacts[] = [];
  for (let fy = DEMO_INDICATOR_FIRST_FY; fy <= lastFy; fy++) {
    const months = hostel.get(fy);
    const share = 0.4 + rng.fork(`hostel-${fy}`).next() * 0.15;
    const users = months ? Math.min(months.sum, Math.max(months.max, Math.round(months.sum * share))) : 14 + Math.round(share * 20);
    out.push({ prefectureCode: "33", fiscalYear: fy, jiritsuMhSubcommittee: true, hostelUniqueUsers: users, kyogiAsOfNextApril: false });
    out.push({ prefectureCode: "35", fiscalYear: fy, jiritsuMhSubcommittee: false, hostelUniqueUsers: null, kyogiAsOfNextApril: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Loading

export type DemoIndicatorSummary = { statistics: number; targets: number; sheetRows: number; narratives: number; yearFacts: number };

/** 岡山県's monthly hostel users per fiscal year, from the demo monthly reports if loaded. */
function hostelYears(tx: Tx): Map<number, HostelYear> {
  const years = new Map<number, HostelYear>();
  for (const m of tx.select({ month: hostelMonths.month, users: hostelMonths.uniqueUsers }).from(hostelMonths).where(eq(hostelMonths.prefectureCode, "33")).all()) {
    const [y, mo] = m.month.split("-").map(Number) as [number, number];
    const fy = mo >= 4 ? y : y - 1;
    const cur = years.get(fy) ?? { max: 0, sum: 0 };
    years.set(fy, { max: Math.max(cur.max, m.users), sum: cur.sum + m.users });
  }
  return years;
}

/** When a demo row was entered: a fixed time on a day after what it records (never the clock). */
const stamp = (day: string) => `${day}T01:00:00.000Z`;

/**
 * Load the demo inputs into empty tables (the caller checks external_statistics); a prefecture
 * without its demo prefecture account is skipped. `lastFy`: the last fiscal year with figures
 * (the current one by default, and at least FY2024, where the demo records end).
 */
export function seedDemoIndicators(db: Db, lastFy: number = Math.max(2024, currentFiscalYear())): DemoIndicatorSummary {
  const summary: DemoIndicatorSummary = { statistics: 0, targets: 0, sheetRows: 0, narratives: 0, yearFacts: 0 };
  db.transaction((tx) => {
    const creators = new Map<string, string>();
    for (const [pref, username] of [
      ["33", "okayama.pref"],
      ["35", "yamaguchi.pref"],
    ] as const) {
      const user = tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
      if (user) creators.set(pref, user.id);
    }
    const edited = (pref: string, day: string) => ({ createdBy: creators.get(pref)!, createdAt: stamp(day), updatedBy: creators.get(pref)!, updatedAt: stamp(day) });

    for (const s of demoStatistics(lastFy)) {
      if (!creators.has(s.prefectureCode)) continue;
      const id = `st-${s.prefectureCode}-${s.topic}-${s.asOf ?? `c${s.cohortYear}`}`;
      // Stamped as entered on its reference date, a cohort's three years on (when such rates appear).
      const day = s.asOf ?? `${s.cohortYear! + 3}-04-01`;
      tx.insert(externalStatistics)
        .values({ id, prefectureCode: s.prefectureCode, topic: s.topic, asOf: s.asOf, cohortYear: s.cohortYear, method: s.method, sourceLabel: s.sourceLabel, note: s.note, ...edited(s.prefectureCode, day) })
        .run();
      for (const [metric, value] of Object.entries(s.values) as [StatisticMetric, number][]) tx.insert(externalStatisticValues).values({ statisticId: id, metric, value }).run();
      summary.statistics++;
    }

    for (const t of DEMO_TARGETS) {
      if (!creators.has(t.prefectureCode)) continue;
      tx.insert(indicatorTargets)
        .values({ id: `tg-${t.prefectureCode}-${t.indicatorCode}-${t.fiscalYear}`, ...t, scopeLevel: "prefecture", regionId: null, officeId: null, ...edited(t.prefectureCode, "2021-04-01") })
        .onConflictDoNothing()
        .run();
      summary.targets++;
    }
    DEMO_SHEET_ROWS.forEach((r, i) => {
      if (!creators.has(r.prefectureCode)) return;
      tx.insert(sheetIndicators)
        .values({ ...r, sort: i + 1, ...edited(r.prefectureCode, "2022-04-01") })
        .onConflictDoNothing()
        .run();
      summary.sheetRows++;
    });
    for (const n of DEMO_NARRATIVES_FY2021) {
      if (!creators.has(n.prefectureCode)) continue;
      tx.insert(indicatorNarratives)
        .values({ ...n, fiscalYear: 2021, ...edited(n.prefectureCode, "2022-05-31") })
        .onConflictDoNothing()
        .run();
      summary.narratives++;
    }
    for (const f of demoYearFacts(lastFy, hostelYears(tx))) {
      if (!creators.has(f.prefectureCode)) continue;
      tx.insert(prefectureYearFacts)
        // Recorded on the year's last day, or today for the year still running (nothing after today).
        .values({ ...f, ...edited(f.prefectureCode, [`${f.fiscalYear + 1}-03-31`, todayIso()].sort()[0]!) })
        .onConflictDoNothing()
        .run();
      summary.yearFacts++;
    }
  });
  return summary;
}
