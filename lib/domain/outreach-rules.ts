/**
 * The rules of an outreach case (アウトリーチ), as pure functions shared by the forms, the
 * data-access layer, the demo data and the yearly figures. Domain brief §5, ADR 0013 and 0016.
 */
import { daysBetween } from "./date-math";
import { fiscalYearRange } from "./fiscal-year";
import type { OutreachContactType, OutreachEndReason, OutreachStatus } from "./outreach-codes";

// ---------------------------------------------------------------------------------------
// Case numbers

/**
 * `33-BZ-OR2024-003`: prefecture, office prefix, OR and the fiscal year of referral, and a
 * sequence within that office and year. Outreach numbers have their own sequence (and the
 * OR marker), so they never collide with discharge-support numbers of the same office.
 */
export function formatOutreachCaseNumber(prefectureCode: string, officePrefix: string, fiscalYear: number, seq: number): string {
  return `${prefectureCode}-${officePrefix}-OR${fiscalYear}-${String(seq).padStart(3, "0")}`;
}

export const OUTREACH_CASE_NUMBER_PATTERN = /^\d{2}-[A-Z]{2,3}-OR\d{4}-\d{3,}$/;

// ---------------------------------------------------------------------------------------
// Status

/**
 * 選定前 → 支援中 (with the start date) → 終結 (with end date and reason). A referral the team
 * does not take up is closed straight from 選定前. 終結 is final: when the person is referred
 * again, a new outreach case is opened for the same person, so every episode keeps its dates.
 */
const TRANSITIONS: Readonly<Record<OutreachStatus, readonly OutreachStatus[]>> = {
  referred: ["active", "closed"],
  active: ["closed"],
  closed: [],
};

export function allowedOutreachTransitions(status: OutreachStatus): OutreachStatus[] {
  return [...TRANSITIONS[status]];
}

export function canTransitionOutreach(from: OutreachStatus, to: OutreachStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * End reasons that make sense for a case closed from `from`. Support that never started
 * cannot have met its goals, so 目標達成 is only offered after 支援中.
 */
export function endReasonsFor(from: OutreachStatus, all: readonly OutreachEndReason[]): OutreachEndReason[] {
  return from === "referred" ? all.filter((r) => r !== "goal_met") : [...all];
}

// ---------------------------------------------------------------------------------------
// Dates

export type OutreachDates = {
  referralDate: string | null;
  selectionConferenceDate: string | null;
  startDate: string | null;
  endDate: string | null;
};

export type DateIssue = { field: keyof OutreachDates; message: string };

/**
 * referral ≤ selection conference ≤ start ≤ end (the start after the conference that selected
 * the case; the end after the start, or after the referral when support never started). Each
 * break is reported on the later field. Dates that did not parse are passed as null and skipped.
 */
export function outreachDateIssues(d: OutreachDates): DateIssue[] {
  const issues: DateIssue[] = [];
  const { referralDate: referral, selectionConferenceDate: selection, startDate: start, endDate: end } = d;
  if (referral && selection && selection < referral) issues.push({ field: "selectionConferenceDate", message: "outreach.validation.selectionBeforeReferral" });
  if (start) {
    if (referral && start < referral) issues.push({ field: "startDate", message: "outreach.validation.startBeforeReferral" });
    else if (selection && start < selection) issues.push({ field: "startDate", message: "outreach.validation.startBeforeSelection" });
  }
  if (end) {
    if (start && end < start) issues.push({ field: "endDate", message: "outreach.validation.endBeforeStart" });
    else if (referral && end < referral) issues.push({ field: "endDate", message: "outreach.validation.endBeforeReferral" });
  }
  return issues;
}

/**
 * Where a contact or an outcome may be dated within its case: from the referral on, and not
 * after the end of a closed case (recording late is fine; recording after the end is not).
 * Not after today is the one date rule of lib/validation/dates.ts, checked with the form.
 * Returns the message key of the first rule broken, or null.
 */
export function recordDateIssue(
  date: string,
  c: { referralDate: string; status: OutreachStatus; endDate: string | null },
  kind: "contact" | "outcome",
): string | null {
  if (date < c.referralDate) return `outreach.validation.${kind}BeforeReferral`;
  if (c.status === "closed" && c.endDate && date > c.endDate) return `outreach.validation.${kind}AfterEnd`;
  return null;
}

/** Days of support: from the start to the end (or to `today` while still open); null before the start. */
export function supportDays(startDate: string | null, endDate: string | null, today: string): number | null {
  if (!startDate) return null;
  return Math.max(0, daysBetween(startDate, endDate ?? today));
}

// ---------------------------------------------------------------------------------------
// The yearly figures (the contractor's report, and later the prefecture's sheet)

/** 訪問支援: home visits and accompanied clinic visits. */
export const VISIT_CONTACT_TYPES = ["home_visit", "accompany_clinic"] as const satisfies readonly OutreachContactType[];
/** 関係者会議 that belong to a case: ケース会議. (事例検討・連絡会 are meetings, recorded elsewhere.) */
export const CONFERENCE_CONTACT_TYPES = ["case_conference"] as const satisfies readonly OutreachContactType[];

export function isVisit(type: OutreachContactType): boolean {
  return (VISIT_CONTACT_TYPES as readonly string[]).includes(type);
}

export function isConference(type: OutreachContactType): boolean {
  return (CONFERENCE_CONTACT_TYPES as readonly string[]).includes(type);
}

/**
 * A case is supported in fiscal year `fy` when its support started by the end of the year and
 * had not ended before the year began. A referral never taken up (no start date) is not counted.
 */
export function supportedInFiscalYear(c: { startDate: string | null; endDate: string | null }, fy: number): boolean {
  const { start, end } = fiscalYearRange(fy);
  return !!c.startDate && c.startDate <= end && (!c.endDate || c.endDate >= start);
}

/** 新規: the support started within the year; otherwise (started before the year) 継続. */
export function newInFiscalYear(c: { startDate: string | null }, fy: number): boolean {
  const { start, end } = fiscalYearRange(fy);
  return !!c.startDate && c.startDate >= start && c.startDate <= end;
}

/**
 * Persons supported in a year, unduplicated, split 新規 / 継続. A person with more than one
 * case counts once: as 継続 when any of their cases supported in the year started before it.
 */
export function countPersons(cases: readonly { personId: string; startDate: string | null; endDate: string | null }[], fy: number): { persons: number; newPersons: number; continuingPersons: number } {
  const supported = cases.filter((c) => supportedInFiscalYear(c, fy));
  const persons = new Set(supported.map((c) => c.personId));
  const continuing = new Set(supported.filter((c) => !newInFiscalYear(c, fy)).map((c) => c.personId));
  return { persons: persons.size, newPersons: persons.size - continuing.size, continuingPersons: continuing.size };
}

/**
 * What "前回の内容をコピー" carries over from the previous contact, by its type: the professions
 * present and the place only where people went together (a visit, an accompanied clinic visit, a
 * family interview, a case conference). A phone call or a liaison with an agency is made by one
 * person from the office, so copying one never ticks five professions; the user ticks who called.
 */
export function copiedContactFields(type: OutreachContactType): { professions: boolean; place: boolean } {
  const together = type === "home_visit" || type === "accompany_clinic" || type === "family_interview" || type === "case_conference";
  return { professions: together, place: together };
}
