/**
 * Calendar arithmetic on ISO date-only strings, done on integers (never through a Date's
 * local fields, which shift on a UTC server).
 */
import { daysInMonth, parseIsoDate, isoFromParts } from "./iso-date";

function parts(iso: string) {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  return p;
}

/** Days since 1970-01-01 for a calendar date (UTC-based, so no DST or zone effects). */
export function dayNumber(iso: string): number {
  const { year, month, day } = parts(iso);
  // Not Date.UTC(year, …): it reads years 0–99 as 1900–1999, so 0021-06-30 (a typo the date
  // parser accepts) was 1921 here. setUTCFullYear takes the year as given.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / 86_400_000;
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: string, days: number): string {
  const d = new Date((dayNumber(iso) + days) * 86_400_000);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * `iso` plus `months`, clamped to the end of a shorter month: 2024-01-31 + 1 month is
 * 2024-02-29, 2023-01-31 + 1 month is 2023-02-28 (the follow-up falls due at month end,
 * never spills into the next month).
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parts(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}
