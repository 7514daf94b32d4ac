/** Numbers a case shows but nobody types: length of stay, follow-up due dates, staleness. */
import type { DatePrecision } from "./case-codes";
import { FOLLOW_UP_OFFSETS, type FollowUpOffset } from "./case-codes";
import { addMonths, daysBetween } from "./date-math";

export type LengthOfStay = { days: number; approximate: boolean };

/**
 * Days in hospital from the index admission to `until` (the discharge date, or today while
 * still in hospital). When only the month or year of admission is known, the stored date is
 * the first of that month or year, and the result is flagged approximate.
 */
export function lengthOfStay(indexAdmissionDate: string, precision: DatePrecision, until: string): LengthOfStay {
  return { days: Math.max(0, daysBetween(indexAdmissionDate, until)), approximate: precision !== "day" };
}

/** The 630-survey length-of-stay classes, collapsed to the three the sheets report. */
export function stayClass(days: number): "lt3m" | "3to12m" | "ge1y" {
  if (days >= 365) return "ge1y";
  if (days >= 90) return "3to12m";
  return "lt3m";
}

/** Follow-up checks 1, 3, 6 and 12 months after discharge (month ends clamp, see addMonths). */
export function followUpDueDates(dischargeDate: string): { offsetMonths: FollowUpOffset; dueDate: string }[] {
  return FOLLOW_UP_OFFSETS.map((offsetMonths) => ({ offsetMonths, dueDate: addMonths(dischargeDate, offsetMonths) }));
}

/** A case with no activity for this many days is "stale" on the lists and the supervisor view. */
export const STALE_AFTER_DAYS = 30;

/**
 * The admission date as stored: when only the month (or year) is known, the 1st of that
 * month (or 1 January) whatever day was typed, so equal knowledge gives equal dates and the
 * length of stay is computed from one convention.
 */
export function storedAdmissionDate(iso: string, precision: DatePrecision): string {
  if (precision === "month") return `${iso.slice(0, 7)}-01`;
  if (precision === "year") return `${iso.slice(0, 4)}-01-01`;
  return iso;
}
