/*
 * Percentiles and the summary of a series of timings (ADR 0049). Pure: tests/bench/stats.test.ts.
 */

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value with at least
 * p % of the values at or below it. Always one of the values measured (no interpolation), so a p95
 * of 30 requests is the 29th slowest, never a number nobody saw. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type Summary = { n: number; p50: number; p95: number; max: number };

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/**
 * The ratio that counts (ADR 0049): the app's time beyond the framework's own cost per request,
 * against the best query for the same numbers. (app p50 − health p50) ÷ SQL p50; null when a
 * figure is missing or the SQL took no measurable time.
 */
export function dataWorkRatio(appP50: number, healthP50: number, sqlP50: number | null | undefined): number | null {
  if (sqlP50 == null || !Number.isFinite(appP50) || !Number.isFinite(healthP50) || !Number.isFinite(sqlP50) || sqlP50 <= 0) return null;
  return Math.max(0, appP50 - healthP50) / sqlP50;
}
