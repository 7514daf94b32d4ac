import "server-only";
import type { Label } from "@/lib/domain/codes";
import type { IndicatorValue, RecordKind } from "@/lib/domain/indicators/types";
import type { CountScope, ScopeRef } from "../count-scope";

/** The records behind a figure, by kind (a drill-down lists them). */
export type RecordGroup = { kind: RecordKind; ids: string[] };

/** What a compute function returns: the value without its code and year, and its records on demand. */
export type Computed = Omit<IndicatorValue, "code" | "fiscalYear"> & { records?: () => RecordGroup[] };

/**
 * One computation of indicators for one scope and fiscal year. Summaries several indicators read
 * (the year's meetings, the case cohort …) are computed once per context through `memo`.
 */
export class IndicatorContext {
  private readonly cache = new Map<string, unknown>();
  constructor(
    readonly scope: CountScope,
    readonly ref: ScopeRef,
    readonly fiscalYear: number,
    /** The app's today (JST), for right-censored cohorts. */
    readonly today: string,
  ) {}

  get prefectureCode(): string {
    return this.scope.prefectureCode;
  }

  /** Whether a summary is already read (lib/dal/indicators/trend.ts fills the others for several years at once). */
  has(key: string): boolean {
    return this.cache.has(key);
  }

  /** Hand the context a summary read elsewhere, as `memo` would have computed it. */
  seed(key: string, value: unknown): void {
    if (!this.cache.has(key)) this.cache.set(key, value);
  }

  memo<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }
}

export type ComputeFn = (ctx: IndicatorContext) => Computed;

export const ja = (ja: string, en: string): Label => ({ ja, en });

/** A count figure. */
export function countOf(value: number, records?: () => RecordGroup[], extra: Partial<Computed> = {}): Computed {
  return { value, ...(records ? { records } : {}), ...extra };
}

/** A share in percent with one decimal, with its numerator and denominator. */
export function shareOf(numerator: number, denominator: number, records?: () => RecordGroup[], extra: Partial<Computed> = {}): Computed {
  const value = denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
  return {
    value,
    numerator,
    denominator,
    ...(value === null ? { notComputable: { reason: ja("対象となる記録がありません(分母0)。", "No records to divide by (denominator 0).") } } : {}),
    ...(records ? { records } : {}),
    ...extra,
  };
}

export function notComputable(reason: Label, availableFrom?: string): Computed {
  return { value: null, notComputable: { reason, ...(availableFrom ? { availableFrom } : {}) } };
}
