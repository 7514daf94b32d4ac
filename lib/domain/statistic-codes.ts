/**
 * Code lists of the external statistics (外部統計) prefecture staff enter for the 自治体情報シート's
 * 基本情報, and of the plan periods, targets and comparators of the achievement indicators
 * (domain brief §1, §2, §8). Each code keeps its Japanese label here, once.
 *
 * Statistics are entered as a *set*: the values one publication gives for one reference date
 * (e.g. the 630調査 of 2021-06-30: the inpatient total, its three length-of-stay buckets and the
 * split of the 1年以上 bucket by age). A set is validated whole, so the buckets always add up
 * to their total; percentages are computed from the set, never stored.
 */
import { keysOf, type Label } from "./codes";

export const STATISTIC_TOPIC_LABELS = {
  population: { ja: "人口", en: "Population" },
  psych_hospitals: { ja: "精神科病院の数", en: "Psychiatric hospitals" },
  psych_beds: { ja: "精神科病床数", en: "Psychiatric beds" },
  inpatients_630: { ja: "入院精神障害者数(630調査)", en: "Psychiatric inpatients (630 survey)" },
  discharge_rates: { ja: "入院後の退院率", en: "Discharge rates after admission" },
  soudan_offices: { ja: "相談支援事業所数", en: "Consultation support offices" },
  community_days: { ja: "退院後1年以内の地域における平均生活日数", en: "Mean days in the community within a year of discharge" },
} as const satisfies Record<string, Label>;
export type StatisticTopic = keyof typeof STATISTIC_TOPIC_LABELS;
export const STATISTIC_TOPICS = keysOf(STATISTIC_TOPIC_LABELS);

/** The unit a metric is shown in; `percent` values are stored as percentages (67.2). */
export type MetricUnit = "people" | "hospitals" | "beds" | "places" | "percent" | "days";

export const METRIC_UNIT_LABELS = {
  people: { ja: "人", en: "people" },
  hospitals: { ja: "病院", en: "hospitals" },
  beds: { ja: "床", en: "beds" },
  places: { ja: "か所", en: "offices" },
  percent: { ja: "％", en: "%" },
  days: { ja: "日", en: "days" },
} as const satisfies Record<MetricUnit, Label>;

type MetricDefinition = Label & { topic: StatisticTopic; unit: MetricUnit; integer: boolean };

/** Every value a statistic set can hold, in sheet order. */
export const STATISTIC_METRICS = {
  population: { ja: "人口", en: "Population", topic: "population", unit: "people", integer: true },
  psych_hospital_count: { ja: "精神科病院の数", en: "Psychiatric hospitals", topic: "psych_hospitals", unit: "hospitals", integer: true },
  psych_bed_count: { ja: "精神科病床数", en: "Psychiatric beds", topic: "psych_beds", unit: "beds", integer: true },
  inpatients_total: { ja: "入院精神障害者数 合計", en: "Inpatients, total", topic: "inpatients_630", unit: "people", integer: true },
  inpatients_lt3m: { ja: "3か月未満", en: "Under 3 months", topic: "inpatients_630", unit: "people", integer: true },
  inpatients_3to12m: { ja: "3か月以上1年未満", en: "3 to 12 months", topic: "inpatients_630", unit: "people", integer: true },
  inpatients_ge1y: { ja: "1年以上", en: "1 year or more", topic: "inpatients_630", unit: "people", integer: true },
  inpatients_ge1y_u65: { ja: "うち65歳未満", en: "of which under 65", topic: "inpatients_630", unit: "people", integer: true },
  inpatients_ge1y_65plus: { ja: "うち65歳以上", en: "of which 65 and over", topic: "inpatients_630", unit: "people", integer: true },
  discharge_rate_3m: { ja: "入院後3か月時点の退院率", en: "Discharged by 3 months", topic: "discharge_rates", unit: "percent", integer: false },
  discharge_rate_6m: { ja: "入院後6か月時点の退院率", en: "Discharged by 6 months", topic: "discharge_rates", unit: "percent", integer: false },
  discharge_rate_12m: { ja: "入院後1年時点の退院率", en: "Discharged by 1 year", topic: "discharge_rates", unit: "percent", integer: false },
  kikan_soudan_center_count: { ja: "基幹相談支援センター数", en: "Core consultation support centres", topic: "soudan_offices", unit: "places", integer: true },
  ippan_soudan_office_count: { ja: "一般相談支援事業所数", en: "General consultation support offices", topic: "soudan_offices", unit: "places", integer: true },
  tokutei_soudan_office_count: { ja: "特定相談支援事業所数", en: "Specified consultation support offices", topic: "soudan_offices", unit: "places", integer: true },
  community_days_avg: { ja: "平均生活日数", en: "Mean days in the community", topic: "community_days", unit: "days", integer: false },
} as const satisfies Record<string, MetricDefinition>;
export type StatisticMetric = keyof typeof STATISTIC_METRICS;
export const STATISTIC_METRIC_KEYS = keysOf(STATISTIC_METRICS);

export function metricsOfTopic(topic: StatisticTopic): StatisticMetric[] {
  return STATISTIC_METRIC_KEYS.filter((m) => STATISTIC_METRICS[m].topic === topic);
}

/** Topics measured over an admission cohort (cohort year) rather than on a reference date. */
export const COHORT_TOPICS: readonly StatisticTopic[] = ["discharge_rates", "community_days"];

/** How a figure was produced. Discharge rates by two definitions must never be compared. */
export const STATISTIC_METHOD_LABELS = {
  survey_630: { ja: "630調査(6月30日時点)", en: "630 survey (as of 30 June)" },
  ndb_fy_cohort: { ja: "NDB 年度入院コホート", en: "NDB fiscal-year admission cohort" },
  june_cohort_630: { ja: "630調査 6月入院コホート(旧算出方法)", en: "630 June admission cohort (former method)" },
  medical_facility_survey: { ja: "医療施設調査・病院報告", en: "Survey of medical institutions" },
  population_estimate: { ja: "推計人口", en: "Population estimate" },
  resident_register: { ja: "住民基本台帳", en: "Basic resident register" },
  prefecture_record: { ja: "県の集計・指定台帳", en: "Prefecture's own records" },
  other: { ja: "その他", en: "Other" },
} as const satisfies Record<string, Label>;
export type StatisticMethod = keyof typeof STATISTIC_METHOD_LABELS;
export const STATISTIC_METHODS = keysOf(STATISTIC_METHOD_LABELS);

/** Plan kinds (障害福祉計画, 医療計画); periods themselves are rows (plan_periods). */
export const PLAN_KIND_LABELS = {
  shogai_fukushi: { ja: "障害福祉計画", en: "Disability welfare plan" },
  iryo: { ja: "医療計画", en: "Medical care plan" },
} as const satisfies Record<string, Label>;
export type PlanKind = keyof typeof PLAN_KIND_LABELS;
export const PLAN_KINDS = keysOf(PLAN_KIND_LABELS);

/** How an actual is compared with its target. */
export const COMPARATOR_LABELS = {
  gte: { ja: "以上", en: "at least" },
  lte: { ja: "以下", en: "at most" },
  eq: { ja: "と同じ", en: "equal to" },
  increase: { ja: "増加", en: "increase" },
  decrease: { ja: "減少", en: "decrease" },
  qualitative: { ja: "定性的", en: "qualitative" },
} as const satisfies Record<string, Label>;
export type Comparator = keyof typeof COMPARATOR_LABELS;
export const COMPARATORS = keysOf(COMPARATOR_LABELS);

/** The level a figure or target is kept for: the prefecture, a region (圏域) or an office. */
export const SCOPE_LEVEL_LABELS = {
  prefecture: { ja: "都道府県", en: "Prefecture" },
  region: { ja: "障害保健福祉圏域", en: "Region" },
  office: { ja: "保健所・支所", en: "Health centre" },
} as const satisfies Record<string, Label>;
export type ScopeLevel = keyof typeof SCOPE_LEVEL_LABELS;
export const SCOPE_LEVELS = keysOf(SCOPE_LEVEL_LABELS);
