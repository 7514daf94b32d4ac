/**
 * The rules of external statistics (外部統計) and of targets that are pure logic: which values
 * a set needs, the sums a 630調査 set must satisfy, the shares shown beside its buckets, and
 * which set and which target a sheet of a fiscal year uses (ADR 0021). The DAL, the forms and
 * the demo data all call these; tests/domain/statistic-rules.test.ts pins them down.
 */
import { percent } from "./activity-rules";
import type { Locale } from "./codes";
import { eraOfDate, eraYear, formatEraYear } from "./era";
import { fiscalYearShortLabel } from "./fiscal-year";
import { formatDate } from "./format";
import { numberFormat } from "./intl";
import { COHORT_TOPICS, metricsOfTopic, STATISTIC_METRICS, type StatisticMetric, type StatisticTopic } from "./statistic-codes";

export type StatisticValueMap = Partial<Record<StatisticMetric, number | null>>;

/** A topic measured over an admission cohort (cohort year), not on a reference date. */
export function isCohortTopic(topic: StatisticTopic): boolean {
  return COHORT_TOPICS.includes(topic);
}

/**
 * Values a set may leave empty. The 1-year rate of the newest cohort is published a year after
 * its 3-month rate (the national R3 table has none), and not every 630 extract gives the age
 * split; everything else a set's topic holds is required.
 */
export const OPTIONAL_METRICS: ReadonlySet<StatisticMetric> = new Set<StatisticMetric>(["discharge_rate_6m", "discharge_rate_12m", "inpatients_ge1y_u65", "inpatients_ge1y_65plus"]);

export function requiredMetrics(topic: StatisticTopic): StatisticMetric[] {
  return metricsOfTopic(topic).filter((m) => !OPTIONAL_METRICS.has(m));
}

/** The largest value a metric can take: percentages 100, days in the community 365. */
export function metricMaximum(metric: StatisticMetric): number {
  const unit = STATISTIC_METRICS[metric].unit;
  if (unit === "percent") return 100;
  if (unit === "days") return 365;
  return 99_999_999;
}

/** A sum a 630 set breaks: `terms` should add up to `field`'s value, which is `entered`. */
export type SumIssue = { field: StatisticMetric; kind: "buckets" | "ageSplit"; terms: number[]; sum: number; entered: number };

const num = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The two sums of a 630 set (domain brief §1.1): 3か月未満 + 3か月以上1年未満 + 1年以上 = 合計, and
 * うち65歳未満 + うち65歳以上 = 1年以上. A sum with an empty term is not checked (the empty
 * value has its own message).
 */
export function inpatientSumIssues(values: StatisticValueMap): SumIssue[] {
  const issues: SumIssue[] = [];
  const { inpatients_total: total, inpatients_lt3m: lt3m, inpatients_3to12m: mid, inpatients_ge1y: ge1y, inpatients_ge1y_u65: u65, inpatients_ge1y_65plus: plus65 } = values;
  if (num(total) && num(lt3m) && num(mid) && num(ge1y) && lt3m + mid + ge1y !== total) {
    issues.push({ field: "inpatients_total", kind: "buckets", terms: [lt3m, mid, ge1y], sum: lt3m + mid + ge1y, entered: total });
  }
  if (num(ge1y) && num(u65) && num(plus65) && u65 + plus65 !== ge1y) {
    issues.push({ field: "inpatients_ge1y", kind: "ageSplit", terms: [u65, plus65], sum: u65 + plus65, entered: ge1y });
  }
  return issues;
}

/** The age split is given whole or not at all: one half alone is a typo, not a figure. */
export function ageSplitHalfMissing(values: StatisticValueMap): StatisticMetric | null {
  const u65 = num(values.inpatients_ge1y_u65);
  const plus65 = num(values.inpatients_ge1y_65plus);
  if (u65 && !plus65) return "inpatients_ge1y_65plus";
  if (plus65 && !u65) return "inpatients_ge1y_u65";
  return null;
}

/**
 * The 構成割合 of a 630 set's three buckets, in percent with one decimal, computed from the
 * stored counts whenever they are shown (never stored, so they cannot disagree with them).
 */
export function inpatientShares(values: StatisticValueMap): Partial<Record<"inpatients_lt3m" | "inpatients_3to12m" | "inpatients_ge1y", number>> {
  const total = values.inpatients_total;
  const shares: Partial<Record<"inpatients_lt3m" | "inpatients_3to12m" | "inpatients_ge1y", number>> = {};
  if (!num(total) || total <= 0) return shares;
  for (const m of ["inpatients_lt3m", "inpatients_3to12m", "inpatients_ge1y"] as const) {
    const v = values[m];
    const p = num(v) ? percent(v, total) : null;
    if (p !== null) shares[m] = p;
  }
  return shares;
}

// ---------------------------------------------------------------------------------------
// Which set a sheet uses

/**
 * The last reference date the sheet of fiscal year `fy` may use: 1 April of the next year.
 * The sheet is written at the start of the following year, so it shows the newest figures of
 * that moment: 岡山県's FY2021 sheet gives the population as of 2022-04-01, the beds as of
 * 2021-10-01 and the 630調査 of 2021-06-30.
 */
export function sheetReferenceCutoff(fy: number): string {
  return `${String(fy + 1).padStart(4, "0")}-04-01`;
}

export type StatisticSetRef = { topic: StatisticTopic; asOf: string | null; cohortYear: number | null };

/**
 * The selection rule, written once (ADR 0021). For the sheet of fiscal year `fy`, per topic:
 * - a dated topic: the set with the latest reference date not after (fy+1)-04-01;
 * - a cohort topic (discharge rates, days in the community): the latest cohort year not after fy.
 * A topic with no such set is absent. Sets of the wrong kind for their topic are ignored.
 */
export function setsInForce<T extends StatisticSetRef>(sets: readonly T[], fy: number): Map<StatisticTopic, T> {
  const cutoff = sheetReferenceCutoff(fy);
  const chosen = new Map<StatisticTopic, T>();
  for (const set of sets) {
    const cohort = isCohortTopic(set.topic);
    if (cohort ? set.cohortYear === null || set.cohortYear > fy : set.asOf === null || set.asOf > cutoff) continue;
    const best = chosen.get(set.topic);
    const later = !best || (cohort ? set.cohortYear! > best.cohortYear! : set.asOf! > best.asOf!);
    if (later) chosen.set(set.topic, set);
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------
// Which target a sheet uses

export type TargetRef = { fiscalYear: number; period: { startFiscalYear: number; endFiscalYear: number } | null };

/**
 * The target rule, written once (ADR 0021): the target set for exactly that fiscal year; else
 * the earliest later target whose plan period contains the year (山口県's FY2021 sheet shows its
 * 第6期 targets for the end of FY2023); else none.
 */
export function targetInForce<T extends TargetRef>(targets: readonly T[], fy: number): T | null {
  const exact = targets.find((t) => t.fiscalYear === fy);
  if (exact) return exact;
  let best: T | null = null;
  for (const t of targets) {
    if (t.fiscalYear <= fy || !t.period || t.period.startFiscalYear > fy || t.period.endFiscalYear < fy) continue;
    if (!best || t.fiscalYear < best.fiscalYear) best = t;
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Display

/** A reference date in 和暦 (令和3年6月30日) in Japanese, 30 Jun 2021 in English. */
export function formatReferenceDate(iso: string, locale: Locale): string {
  if (locale === "en") return formatDate(iso, locale);
  const era = eraOfDate(iso);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return era ? `${era.nameJa}${formatEraYear(eraYear(era, y))}年${m}月${d}日` : formatDate(iso, locale);
}

/** A set's reference: its date, or its cohort's fiscal year (平成30年度 / FY2018). */
export function formatStatisticReference(set: { asOf: string | null; cohortYear: number | null }, locale: Locale): string {
  if (set.asOf) return formatReferenceDate(set.asOf, locale);
  return set.cohortYear ? fiscalYearShortLabel(set.cohortYear, locale) : "—";
}

/** A stored value as the sheet shows it: thousands separators; percentages and days with one decimal. */
export function formatMetricValue(metric: StatisticMetric, value: number): string {
  const unit = STATISTIC_METRICS[metric].unit;
  if (unit === "percent" || unit === "days") return numberFormat("ja-JP", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return value.toLocaleString("ja-JP");
}
