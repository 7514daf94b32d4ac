/**
 * The arithmetic of the case-outcome indicators (本事業独自指標, domain brief §8.4), on plain
 * dates so it can be tested on hand-built cases. Each definition is written once, here.
 */
import { addDays, addMonths, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";

export type Stay = { admissionDate: string; dischargeDate: string | null };

/**
 * A cohort measured N months (or days) after an event is computed only once every member has
 * had the full time: the last possible event is the fiscal year's end. Until then the figure is
 * right-censored and shown as not yet computable, with the day it becomes available.
 */
export function cohortMaturesOn(fiscalYear: number, after: { months: number } | { days: number }): string {
  const end = fiscalYearRange(fiscalYear).end;
  return "months" in after ? addMonths(end, after.months) : addDays(end, after.days);
}

export function cohortMatured(fiscalYear: number, after: { months: number } | { days: number }, today: string): boolean {
  return cohortMaturesOn(fiscalYear, after) <= today;
}

/** C5: discharged within N months of the support start (the discharge day itself counts). */
export function dischargedWithinMonths(supportStart: string, dischargeDate: string | null, months: number): boolean {
  return dischargeDate !== null && dischargeDate <= addMonths(supportStart, months);
}

/**
 * C7: of the 365 days after discharge (day 1 = the day after), those not spent in hospital.
 * A readmission counts from its admission day through its discharge day, or to the end of the
 * window when still in hospital; overlapping stays are counted once.
 */
export function communityDays(dischargeDate: string, readmissions: readonly Stay[]): number {
  const first = addDays(dischargeDate, 1);
  const last = addDays(dischargeDate, 365);
  const inHospital = new Set<string>();
  for (const s of readmissions) {
    if (s.admissionDate <= dischargeDate) continue;
    const from = s.admissionDate < first ? first : s.admissionDate;
    const to = s.dischargeDate === null || s.dischargeDate > last ? last : s.dischargeDate;
    for (let d = from; d <= to; d = addDays(d, 1)) inHospital.add(d);
  }
  return 365 - inHospital.size;
}

/**
 * C8: readmitted within `days` of discharge for more than a month (第8期 「1月を超える」, taken as
 * a stay of more than 30 nights: discharge − admission > 30 days): a stay starting in
 * (discharge, discharge + days] that lasted over 30 nights, or is still going on after 30 nights
 * by `today`. (C7 asks another question, the days not lived in the community, and so counts every
 * calendar day a stay touches, both ends included.)
 */
export function readmittedOverMonth(dischargeDate: string, readmissions: readonly Stay[], days: number, today: string): boolean {
  const windowEnd = addDays(dischargeDate, days);
  return readmissions.some((s) => s.admissionDate > dischargeDate && s.admissionDate <= windowEnd && daysBetween(s.admissionDate, s.dischargeDate ?? today) > 30);
}

/** C9 and other medians; null for an empty list. The mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

/** C13: a follow-up counts as done on time when recorded within 30 days after it fell due. */
export function followUpOnTime(dueDate: string, checkedDate: string | null): boolean {
  return checkedDate !== null && checkedDate <= addDays(dueDate, 30);
}

/** C3: a stay of a year or more (365 days) from the index admission to discharge. */
export function longStay(indexAdmissionDate: string, dischargeDate: string): boolean {
  return daysBetween(indexAdmissionDate, dischargeDate) >= 365;
}
