import { STATISTIC_METRICS, type StatisticMetric } from "@/lib/domain/statistic-codes";
import { metricMaximum } from "@/lib/domain/statistic-rules";

/*
 * One external-statistic value as typed, read without zod: the statistic form shows running sums
 * with it on its first load, before zod and the schemas arrive (ADR 0053); statistics.ts builds
 * its rules on it. Messages are catalog keys of the indicatorInputs section.
 */

const V = "indicatorInputs.validation.statistics";

/** A value as people type it: full-width digits and thousands commas folded, spaces trimmed. */
export function normalizeNumber(text: string): string {
  return text.trim().normalize("NFKC").replaceAll(",", "");
}

/**
 * One value read from its field: an integer for counts, a number with at most one decimal for
 * percentages (0–100) and days (0–365). Empty is null. Anything else is the message key.
 */
export function readMetricValue(metric: StatisticMetric, raw: unknown): number | null | { error: string } {
  // The cross-field rules run while a field is invalid too: a field sent twice arrives as a list,
  // which its own schema reports; read here it would throw (a 500, found by tests/properties).
  const text = normalizeNumber(typeof raw === "string" ? raw : "");
  if (text === "") return null;
  const def = STATISTIC_METRICS[metric];
  if (def.integer) {
    if (!/^\d+$/.test(text)) return { error: `${V}.integerFormat` };
  } else if (!/^\d+(\.\d)?$/.test(text)) {
    return { error: def.unit === "percent" ? `${V}.percentFormat` : `${V}.decimalFormat` };
  }
  const n = Number(text);
  if (n > metricMaximum(metric)) return { error: def.unit === "percent" ? `${V}.percentFormat` : def.unit === "days" ? `${V}.daysTooLarge` : `${V}.tooLarge` };
  return n;
}
