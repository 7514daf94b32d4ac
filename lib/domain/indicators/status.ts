/**
 * Achievement status of an actual against its target (domain brief §8 "Engine mechanics").
 * - 以上 / 以下 / と同じ compare with the target value; 増加 / 減少 with the baseline.
 * - A target for a later year (R5年度末 seen on the R3 sheet) that is not yet met is
 *   "in progress", not "not achieved".
 * - progress = actual ÷ target for 以上, or the share of the way from baseline to target for
 *   以下 with a baseline, clamped to 0–150 %.
 */
import type { IndicatorTarget, TargetStatus } from "./types";

export type Achievement = { status: TargetStatus; progressPercent: number | null };

function clamp(p: number): number {
  return Math.max(0, Math.min(150, Math.round(p * 10) / 10));
}

export function achievement(value: number | null, target: IndicatorTarget | null, fiscalYear: number): Achievement {
  if (!target) return { status: "no_target", progressPercent: null };
  if (target.comparator === "qualitative") return { status: "qualitative", progressPercent: null };
  if (value === null) return { status: "not_computable", progressPercent: null };
  const later = target.fiscalYear > fiscalYear;
  const met = (() => {
    switch (target.comparator) {
      case "gte":
        return value >= (target.value ?? Infinity);
      case "lte":
        return value <= (target.value ?? -Infinity);
      case "eq":
        return value === target.value;
      case "increase":
        return target.baselineValue !== null && value > target.baselineValue;
      case "decrease":
        return target.baselineValue !== null && value < target.baselineValue;
    }
  })();
  let progressPercent: number | null = null;
  if (target.comparator === "gte" && target.value) progressPercent = clamp((value / target.value) * 100);
  else if (target.comparator === "lte" && target.value !== null && target.baselineValue !== null && target.baselineValue !== target.value) {
    progressPercent = clamp(((target.baselineValue - value) / (target.baselineValue - target.value)) * 100);
  }
  return { status: met ? "achieved" : later ? "in_progress" : "not_achieved", progressPercent };
}
