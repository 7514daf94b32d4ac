/**
 * How an indicator's figure, target and status read, in Japanese and English. One place, so the
 * dashboard, the sheet, its XLSX and CSV and the API's text fields word them alike.
 */
import type { Locale } from "@/lib/domain/codes";
import { numberFormat } from "@/lib/domain/intl";
import { fiscalYearEndLabel, fiscalYearEraShort } from "@/lib/domain/era-labels";
import type { Comparator } from "@/lib/domain/statistic-codes";
import type { IndicatorTarget, IndicatorUnit, IndicatorValue, TargetStatus } from "./types";

export const UNIT_LABELS: Record<IndicatorUnit, Record<Locale, string>> = {
  times: { ja: "回", en: "" },
  people: { ja: "人", en: "" },
  cases: { ja: "件", en: "" },
  percent: { ja: "％", en: "%" },
  days: { ja: "日", en: " days" },
  hours: { ja: "時間", en: " h" },
  places: { ja: "か所", en: "" },
  regions: { ja: "圏域", en: "" },
  municipalities: { ja: "市町村", en: "" },
  offices: { ja: "か所", en: "" },
  nights: { ja: "泊", en: " nights" },
  hospitals: { ja: "病院", en: "" },
  beds: { ja: "床", en: "" },
  perYear: { ja: "回／年", en: " a year" },
  presence: { ja: "", en: "" },
};

export const SMALL_CELL_TEXT: Record<Locale, string> = { ja: "5未満", en: "<5" };

export function formatNumber(n: number, unit: IndicatorUnit): string {
  const digits = unit === "percent" || (!Number.isInteger(n) && Math.abs(n) < 10_000) ? 1 : 0;
  return numberFormat("ja-JP", { minimumFractionDigits: unit === "percent" ? 1 : 0, maximumFractionDigits: digits }).format(n);
}

export function withUnit(n: number, unit: IndicatorUnit, locale: Locale): string {
  return `${formatNumber(n, unit)}${UNIT_LABELS[unit][locale]}`;
}

/** A target as it was set: 「56％」, not 「56.0％」. */
function targetNumber(n: number, unit: IndicatorUnit, locale: Locale): string {
  return `${numberFormat("ja-JP", { maximumFractionDigits: 1 }).format(n)}${UNIT_LABELS[unit][locale]}`;
}

/** The figure as a cell reads: 「5未満」, 「23／27」, 「5か所以上／5」, 「有」, 「67.2％」, or 「—」. */
export function formatFigure(v: Pick<IndicatorValue, "value" | "suppressed" | "text" | "denominator" | "notComputable">, unit: IndicatorUnit, kind: string, locale: Locale): string {
  if (v.suppressed) return SMALL_CELL_TEXT[locale];
  if (v.value === null || v.value === undefined) return v.text ? v.text[locale] : "—";
  if (kind === "coverage") return `${v.text ? v.text[locale] : formatNumber(v.value, "places")}／${v.denominator ?? "—"}`;
  if (unit === "presence" && v.text) return v.text[locale];
  return withUnit(v.value, unit, locale);
}

const COMPARATOR_SUFFIX: Record<Comparator, Record<Locale, string>> = {
  gte: { ja: "以上", en: " or more" },
  lte: { ja: "以下", en: " or less" },
  eq: { ja: "", en: "" },
  increase: { ja: "増加", en: "increase" },
  decrease: { ja: "減少", en: "decrease" },
  qualitative: { ja: "", en: "" },
};

/** 「56％以上（R5年度）」, 「2,855人以下（R5年度末）」, 「増加（基準 R3年度 120）」, or the target's wording. */
export function formatTarget(t: IndicatorTarget | null, unit: IndicatorUnit, locale: Locale, o: { fiscalYear: number }): string {
  if (!t) return "";
  const when = t.planPeriodLabel ? fiscalYearEndLabel(t.fiscalYear, locale) : fiscalYearEraShort(t.fiscalYear, locale);
  const whenText = t.fiscalYear === o.fiscalYear ? "" : locale === "ja" ? `（${when}）` : ` (${when})`;
  if (t.comparator === "qualitative") return `${t.text ?? ""}${whenText}`;
  if (t.comparator === "increase" || t.comparator === "decrease") {
    const base = t.baselineValue === null ? "" : locale === "ja" ? `（基準 ${t.baselineFiscalYear ? fiscalYearEraShort(t.baselineFiscalYear, locale) + " " : ""}${targetNumber(t.baselineValue, unit, locale)}）` : ` (baseline ${targetNumber(t.baselineValue, unit, locale)})`;
    return `${COMPARATOR_SUFFIX[t.comparator][locale]}${base}${whenText}`;
  }
  if (t.value === null) return t.text ?? "";
  return `${targetNumber(t.value, unit, locale)}${COMPARATOR_SUFFIX[t.comparator][locale]}${whenText}`;
}

export const STATUS_LABELS: Record<TargetStatus, Record<Locale, string>> = {
  achieved: { ja: "達成", en: "Achieved" },
  not_achieved: { ja: "未達成", en: "Not achieved" },
  in_progress: { ja: "目標年度前", en: "Target year ahead" },
  no_target: { ja: "目標なし", en: "No target" },
  not_computable: { ja: "算出不可", en: "Not computable" },
  qualitative: { ja: "定性的目標", en: "Qualitative" },
};
