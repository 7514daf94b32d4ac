/**
 * Pure counting and checking rules of the meetings, trainings, events and monthly figures.
 * Each rule is written once here; the DAL's summaries, the forms' checks and the yearly
 * sheet all use these functions, and tests/domain/activity-rules.test.ts pins them down.
 */
import { fiscalYearRange } from "./fiscal-year";
import { daysInMonth } from "./iso-date";

/** A count per code, every code present (0 when none). */
export type Counts<K extends string> = Record<K, number>;

export function emptyCounts<K extends string>(keys: readonly K[]): Counts<K> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
}

/** Counts from SQL group-by rows; unknown keys are ignored, missing keys are 0. */
export function countsFrom<K extends string>(keys: readonly K[], rows: readonly { key: string | null; n: number | null }[]): Counts<K> {
  const counts = emptyCounts(keys);
  for (const r of rows) if (r.key !== null && r.key in counts) counts[r.key as K] += Number(r.n ?? 0);
  return counts;
}

export function sumCounts(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** A count as people type it here: full-width digits from an IME and thousands commas folded, spaces trimmed. */
export function normalizeCount(text: string): string {
  return text.trim().normalize("NFKC").replaceAll(",", "");
}

/** The whole number a count field shows, as the server will read it; null when it is empty or no whole number. */
export function typedCount(text: string): number | null {
  const t = normalizeCount(text);
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** numerator ÷ denominator, or null when there is nothing to divide by (shown as "—"). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A share as a percentage with one decimal (23.3), or null. */
export function percent(numerator: number, denominator: number): number | null {
  const r = ratio(numerator, denominator);
  return r === null ? null : Math.round(r * 1000) / 10;
}

/** The dates of a fiscal year, for `date BETWEEN start AND end` (ISO dates compare as text). */
export function fiscalYearBounds(fy: number): { start: string; end: string } {
  return fiscalYearRange(fy);
}

/** The twelve months of a fiscal year as 'YYYY-MM', April first. */
export function monthsOfFiscalYear(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const year = month >= 4 ? fy : fy + 1;
    return `${year}-${String(month).padStart(2, "0")}`;
  });
}

export function daysInYearMonth(yearMonth: string): number {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return daysInMonth(y, m);
}

// ---------------------------------------------------------------------------------------
// 24時間電話相談: one month of the contractor's report

export type PhoneMonthFigures = {
  callsTotal: number;
  uniqueCallers: number | null;
  bandDay: number;
  bandNight: number;
  bandLateNight: number;
  callerSelf: number;
  callerFamily: number;
  callerAgency: number;
  topicSymptoms: number;
  topicMedication: number;
  topicDailyLife: number;
  topicRelationships: number;
  topicAnxiety: number;
  topicSystems: number;
  topicOther: number;
  responseAdvice: number;
  responseReferral: number;
  responseEmergency: number;
};

export const PHONE_BAND_FIELDS = ["bandDay", "bandNight", "bandLateNight"] as const;
export const PHONE_CALLER_FIELDS = ["callerSelf", "callerFamily", "callerAgency"] as const;
export const PHONE_TOPIC_FIELDS = ["topicSymptoms", "topicMedication", "topicDailyLife", "topicRelationships", "topicAnxiety", "topicSystems", "topicOther"] as const;
export const PHONE_RESPONSE_FIELDS = ["responseAdvice", "responseReferral", "responseEmergency"] as const;

/** Which breakdown broke which rule; the form shows one message per problem on its first field. */
export type PhoneIssue = "uniqueAboveTotal" | "bandsMismatch" | "callersMismatch" | "responsesMismatch" | "topicsBelowTotal";

const sumOf = <T extends Record<string, unknown>>(row: T, fields: readonly (keyof T)[]) => fields.reduce((s, f) => s + Number(row[f] ?? 0), 0);

/**
 * The phone report's arithmetic. Every call happens in exactly one time band, comes from
 * exactly one kind of caller and gets one main response, so those three breakdowns must add
 * up to the calls total. A call may touch several topics (その他 included), so the topics
 * must add up to at least the total. Unique callers cannot exceed the calls.
 */
export function phoneMonthIssues(row: PhoneMonthFigures): PhoneIssue[] {
  const issues: PhoneIssue[] = [];
  if (row.uniqueCallers !== null && row.uniqueCallers > row.callsTotal) issues.push("uniqueAboveTotal");
  if (sumOf(row, PHONE_BAND_FIELDS) !== row.callsTotal) issues.push("bandsMismatch");
  if (sumOf(row, PHONE_CALLER_FIELDS) !== row.callsTotal) issues.push("callersMismatch");
  if (sumOf(row, PHONE_RESPONSE_FIELDS) !== row.callsTotal) issues.push("responsesMismatch");
  if (sumOf(row, PHONE_TOPIC_FIELDS) < row.callsTotal) issues.push("topicsBelowTotal");
  return issues;
}

export type PhoneTotals = PhoneMonthFigures & { months: number; uniqueCallersSum: number };

export function phoneTotals(rows: readonly PhoneMonthFigures[]): PhoneTotals {
  const keys = ["callsTotal", ...PHONE_BAND_FIELDS, ...PHONE_CALLER_FIELDS, ...PHONE_TOPIC_FIELDS, ...PHONE_RESPONSE_FIELDS] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Omit<PhoneMonthFigures, "uniqueCallers">;
  // Monthly unique callers cannot be added into a yearly unique count (the same person calls
  // in several months); the sum is kept apart and labelled as 月別実数の合計.
  const uniqueCallersSum = rows.reduce((s, r) => s + (r.uniqueCallers ?? 0), 0);
  return { ...totals, uniqueCallers: null, uniqueCallersSum, months: rows.length };
}

/** 夜間・深夜の割合 (A16): (夜間 + 深夜) ÷ calls, in percent. */
export function nightSharePercent(t: Pick<PhoneMonthFigures, "callsTotal" | "bandNight" | "bandLateNight">): number | null {
  return percent(t.bandNight + t.bandLateNight, t.callsTotal);
}

// ---------------------------------------------------------------------------------------
// ホステル事業: one month

export type HostelMonthFigures = {
  rooms: number;
  uniqueUsers: number;
  stays: number;
  nightsRest: number;
  nightsRefuge: number;
  nightsTrialStay: number;
  newRegistrations: number;
  consultations: number;
};

export type HostelIssue = "uniqueAboveStays" | "staysWithoutUsers" | "nightsAboveCapacity";

export function hostelNights(row: Pick<HostelMonthFigures, "nightsRest" | "nightsRefuge" | "nightsTrialStay">): number {
  return row.nightsRest + row.nightsRefuge + row.nightsTrialStay;
}

/**
 * The hostel report's arithmetic: a person counted as a user made at least one stay (実数 ≤
 * 延べ), stays need someone staying, and the rooms cannot give more nights than rooms × days.
 */
export function hostelMonthIssues(yearMonth: string, row: HostelMonthFigures): HostelIssue[] {
  const issues: HostelIssue[] = [];
  if (row.uniqueUsers > row.stays) issues.push("uniqueAboveStays");
  if (row.stays > 0 && row.uniqueUsers === 0) issues.push("staysWithoutUsers");
  if (hostelNights(row) > row.rooms * daysInYearMonth(yearMonth)) issues.push("nightsAboveCapacity");
  return issues;
}

export type HostelTotals = Omit<HostelMonthFigures, "rooms"> & { months: number; nights: number; roomNights: number };

export function hostelTotals(rows: readonly (HostelMonthFigures & { month: string })[]): HostelTotals {
  const add = (k: keyof HostelMonthFigures) => rows.reduce((s, r) => s + r[k], 0);
  return {
    months: rows.length,
    uniqueUsers: add("uniqueUsers"),
    stays: add("stays"),
    nightsRest: add("nightsRest"),
    nightsRefuge: add("nightsRefuge"),
    nightsTrialStay: add("nightsTrialStay"),
    newRegistrations: add("newRegistrations"),
    consultations: add("consultations"),
    nights: rows.reduce((s, r) => s + hostelNights(r), 0),
    // Capacity over the months reported, so a year with a missing month is not understated.
    roomNights: rows.reduce((s, r) => s + r.rooms * daysInYearMonth(r.month), 0),
  };
}

/** 稼働率 (A17): nights ÷ (rooms × days), in percent. */
export function occupancyPercent(t: Pick<HostelTotals, "nights" | "roomNights">): number | null {
  return percent(t.nights, t.roomNights);
}

// ---------------------------------------------------------------------------------------
// Coverage (S4, S5)

export type Coverage = { covered: number; total: number; percent: number | null };

export function coverage(covered: number, total: number): Coverage {
  return { covered, total, percent: percent(covered, total) };
}
