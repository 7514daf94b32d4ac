import type { Locale } from "@/lib/domain/codes";
import { numberFormat } from "@/lib/domain/intl";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import type { Comparator } from "@/lib/domain/statistic-codes";
import type { Translate } from "@/lib/i18n/translate";

type TargetLike = { indicatorCode: string; comparator: Comparator; value: number | null; text: string | null; baselineValue: number | null; baselineFiscalYear: number | null };

/** A number as the sheet prints it: thousands separators, one decimal where there is one. */
const figure = (n: number) => numberFormat("ja-JP", { maximumFractionDigits: 1 }).format(n);

/** The target as one reads it: 「56％以上」, 「2,855人以下」, 「減少」 or the qualitative wording. */
export function targetText(t: Translate, target: TargetLike): string {
  if (target.comparator === "qualitative") return t("indicatorInputs.targets.shape.qualitative", { text: target.text ?? "" });
  const unit = indicatorDefinition(target.indicatorCode)?.unit;
  const unitText = unit ? t(`indicatorInputs.targets.units.${unit}`) : "";
  return t(`indicatorInputs.targets.shape.${target.comparator}`, { value: target.value === null ? "" : figure(target.value), unit: unitText });
}

/** The baseline, 「2014年度：3,906人」 style, or null when none is set. */
export function baselineText(t: Translate, target: TargetLike, locale: Locale): string | null {
  if (target.baselineValue === null || target.baselineFiscalYear === null) return null;
  const unit = indicatorDefinition(target.indicatorCode)?.unit;
  return t("indicatorInputs.targets.baseline", { fy: fiscalYearShortLabel(target.baselineFiscalYear, locale), value: `${figure(target.baselineValue)}${unit ? t(`indicatorInputs.targets.units.${unit}`) : ""}` });
}
