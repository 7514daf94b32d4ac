import { z } from "zod";
import {
  ADMISSION_TYPES,
  CONSENT_SCOPES,
  DATE_PRECISIONS,
  DIAGNOSIS_GROUPS,
  DISCHARGE_DESTINATIONS,
  END_REASONS,
  LIVING_ARRANGEMENTS,
  PHASES,
  REFERRAL_SOURCES,
  SEXES,
  SUPPORT_CATEGORIES,
  TECHO_GRADES,
  WARD_TYPES,
} from "@/lib/domain/case-codes";
import { storedAdmissionDate } from "@/lib/domain/case-metrics";
import { parseJapaneseYearMonth } from "@/lib/domain/japanese-date";
import { happenedDate, isPastOrThisMonth, optionalCode, optionalDate, optionalHappenedDate, requiredDate } from "./dates";
import { optionalText, restatementReason } from "./fields";
import { kana, personName, phone } from "./person-fields";

/**
 * The case rules, shared by the browser (checked before sending) and the server (checked
 * again, always). Messages are catalog keys: `validation.case.*` name the field and say
 * what to do.
 */

/**
 * The birth month as people type it: 1970-05, 1970/5, 1970年5月, 昭和45年5月, S45.5, S45/5,
 * full-width digits. A month outside the named era (S64.2, R1.4) is refused, never re-labelled.
 * Years before 1900 or after 2099 are taken for typos.
 */
function birthYearMonth() {
  return z.string().transform((raw, ctx): string => {
    if (raw.trim() === "") return "";
    const parsed = parseJapaneseYearMonth(raw);
    if (parsed.ok && /^(19|20)\d\d-/.test(parsed.yearMonth)) {
      if (isPastOrThisMonth(parsed.yearMonth)) return parsed.yearMonth;
      ctx.addIssue({ code: "custom", message: "validation.date.future" });
      return z.NEVER;
    }
    const message = parsed.ok
      ? "validation.person.birthYearMonthFormat"
      : parsed.error === "outside_era"
        ? "validation.person.birthYearMonthOutsideEra"
        : parsed.error === "unknown_era"
          ? "validation.date.unknown_era"
          : "validation.person.birthYearMonthFormat";
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

export const PersonSchema = z.object({
  familyName: personName,
  givenName: personName,
  familyNameKana: kana,
  givenNameKana: kana,
  dateOfBirth: optionalHappenedDate(),
  /** 'YYYY-MM' (or "" when not typed); when a date of birth is given it must agree (and is derived from it). */
  birthYearMonth: birthYearMonth(),
  sex: z.enum(SEXES, "validation.person.sexRequired"),
  municipalityCode: z.string().transform((v) => (v === "" ? null : v)),
  phone,
  address: optionalText("place"),
});

/** The fields of the case record itself (not identity, not phase): shown, edited and diffed. */
export const CASE_RECORD_FIELDS = [
  "referralDate",
  "referralSource",
  "hospitalId",
  "wardType",
  "indexAdmissionDate",
  "admissionDatePrecision",
  "admissionType",
  "diagnosisGroup",
  "techoGrade",
  "supportCategory",
  "consentDate",
  "consentScope",
  "supportStartDate",
  "plannedDischargeDate",
  "coordinatorUserId",
  "dischargeDate",
  "dischargeDestination",
  "livingArrangementAfter",
  "endDate",
  "endReason",
] as const;

const caseFields = {
  referralDate: happenedDate(),
  referralSource: z.enum(REFERRAL_SOURCES, "validation.case.referralSourceRequired"),
  hospitalId: z.string().min(1, "validation.case.hospitalRequired"),
  wardType: optionalCode(WARD_TYPES),
  indexAdmissionDate: happenedDate(),
  admissionDatePrecision: z.enum(DATE_PRECISIONS),
  admissionType: optionalCode(ADMISSION_TYPES),
  diagnosisGroup: optionalCode(DIAGNOSIS_GROUPS),
  techoGrade: optionalCode(TECHO_GRADES),
  supportCategory: optionalCode(SUPPORT_CATEGORIES),
  consentDate: optionalHappenedDate(),
  consentScope: optionalCode(CONSENT_SCOPES),
  supportStartDate: requiredDate(),
  plannedDischargeDate: optionalDate(),
  coordinatorUserId: z.string().min(1, "validation.case.coordinatorRequired"),
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Cross-field rules run even when some field is still invalid, so the user sees every
 * problem at once instead of discovering the date order only after fixing the rest.
 */
const ALWAYS = { when: () => true };

type DatedCase = {
  indexAdmissionDate: string;
  admissionDatePrecision: (typeof DATE_PRECISIONS)[number];
  referralDate: string;
  supportStartDate: string;
  consentDate: string | null;
  consentScope: string | null;
  dischargeDate?: string | null;
  endDate?: string | null;
  plannedDischargeDate: string | null;
};

/**
 * admission ≤ referral ≤ support start ≤ discharge ≤ end. Each break is reported on the
 * later field, whose message says which earlier date it must not precede.
 */
export function checkCaseDates(v: DatedCase, ctx: z.RefinementCtx): void {
  // These checks also run while other fields still have errors (see ALWAYS), so a date that
  // did not parse is simply left out of the comparison.
  const iso = (d: string | null | undefined) => (typeof d === "string" && ISO_DATE.test(d) ? d : null);
  if (!iso(v.indexAdmissionDate)) v = { ...v, indexAdmissionDate: "0000-01-01" };
  v = {
    ...v,
    referralDate: iso(v.referralDate) ?? "",
    supportStartDate: iso(v.supportStartDate) ?? "",
    dischargeDate: iso(v.dischargeDate),
    endDate: iso(v.endDate),
    plannedDischargeDate: iso(v.plannedDischargeDate),
    consentDate: iso(v.consentDate),
  };
  const order: [keyof DatedCase, string | null | undefined, string][] = [
    ["referralDate", v.referralDate, "validation.case.referralBeforeAdmission"],
    ["supportStartDate", v.supportStartDate, "validation.case.supportStartBeforeReferral"],
    ["dischargeDate", v.dischargeDate, "validation.case.dischargeBeforeSupportStart"],
    ["endDate", v.endDate, "validation.case.endBeforeDischarge"],
  ];
  let previous = storedAdmissionDate(v.indexAdmissionDate, v.admissionDatePrecision);
  for (const [field, value, message] of order) {
    if (!value) continue;
    if (value < previous) ctx.addIssue({ code: "custom", path: [field], message });
    else previous = value;
  }
  if (v.plannedDischargeDate && v.supportStartDate && v.plannedDischargeDate < v.supportStartDate) {
    ctx.addIssue({ code: "custom", path: ["plannedDischargeDate"], message: "validation.case.plannedBeforeSupportStart" });
  }
  if (v.consentScope && !v.consentDate) {
    ctx.addIssue({ code: "custom", path: ["consentDate"], message: "validation.case.consentDateRequired" });
  }
}

/** Month- or year-precision admission dates are stored as the 1st (see storedAdmissionDate). */
function withStoredAdmissionDate<T extends { indexAdmissionDate: string; admissionDatePrecision: (typeof DATE_PRECISIONS)[number] }>(v: T): T {
  return { ...v, indexAdmissionDate: storedAdmissionDate(v.indexAdmissionDate, v.admissionDatePrecision) };
}

/** Who a new case is for: a person registered with it, or a person already known in reach (re-referral). */
export const CASE_PERSON_MODES = ["new", "existing"] as const;
export type CasePersonMode = (typeof CASE_PERSON_MODES)[number];

/** The person fields as typed: checked with PersonSchema only when a new person is registered. */
const PERSON_KEYS = Object.keys(PersonSchema.shape) as (keyof typeof PersonSchema.shape)[];
const rawPersonFields = Object.fromEntries(PERSON_KEYS.map((k) => [k, z.string().optional().default("")])) as Record<(typeof PERSON_KEYS)[number], z.ZodDefault<z.ZodOptional<z.ZodString>>>;
const personPart = (v: Record<string, unknown>) => Object.fromEntries(PERSON_KEYS.map((k) => [k, typeof v[k] === "string" ? v[k] : ""]));

export const CaseCreateSchema = z
  .object({
    ...rawPersonFields,
    ...caseFields,
    restatementReason,
    officeId: z.string().min(1, "validation.case.officeRequired"),
    /** "existing": the case is for `personId`, a person with a record in reach (ADR 0029); absent: a new person. */
    personMode: z.enum(CASE_PERSON_MODES).optional().default("new"),
    personId: z.string().optional().default(""),
    /** Set when the user has seen the possible duplicates and saves anyway. */
    confirmDuplicates: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    checkCaseDates(v as unknown as DatedCase, ctx);
    if (v.personMode === "existing") {
      if (!v.personId) ctx.addIssue({ code: "custom", path: ["personId"], message: "validation.case.personRequired" });
      return;
    }
    const person = PersonSchema.safeParse(personPart(v));
    if (!person.success) for (const issue of person.error.issues) ctx.addIssue({ code: "custom", path: issue.path as PropertyKey[], message: issue.message });
    checkBirth({ dateOfBirth: person.success ? person.data.dateOfBirth : v.dateOfBirth, birthYearMonth: person.success ? person.data.birthYearMonth : v.birthYearMonth }, ctx);
  }, ALWAYS)
  .transform((v) => {
    const { personMode, personId, ...rest } = v;
    const record = Object.fromEntries(Object.entries(rest).filter(([k]) => !(PERSON_KEYS as string[]).includes(k))) as Omit<typeof rest, (typeof PERSON_KEYS)[number]>;
    const person = personMode === "existing" ? ({ mode: "existing", personId } as const) : ({ mode: "new", ...PersonSchema.parse(personPart(v)) } as const);
    return { ...withStoredAdmissionDate(record), person };
  });
export type CaseCreateInput = z.infer<typeof CaseCreateSchema>;

export function checkBirth(v: { dateOfBirth: string | null; birthYearMonth: string }, ctx: z.RefinementCtx) {
  const dob = typeof v.dateOfBirth === "string" && ISO_DATE.test(v.dateOfBirth) ? v.dateOfBirth : null;
  const typedDob = typeof v.dateOfBirth === "string" && v.dateOfBirth.trim() !== "";
  const month = typeof v.birthYearMonth === "string" && /^\d{4}-\d{2}$/.test(v.birthYearMonth) ? v.birthYearMonth : null;
  if (!typedDob && !v.birthYearMonth) {
    ctx.addIssue({ code: "custom", path: ["birthYearMonth"], message: "validation.person.birthRequired" });
  }
  if (dob && month && !dob.startsWith(month)) {
    ctx.addIssue({ code: "custom", path: ["birthYearMonth"], message: "validation.person.birthMismatch" });
  }
}

/** Editing the case record itself; phase changes go through CaseTransitionSchema. */
export const CaseUpdateSchema = z
  .object({
  restatementReason,
    id: z.string().min(1),
    version: z.coerce.number().int().min(1),
    /** JSON of the values the form was loaded with, to tell the user what someone else changed. */
    base: z.string().optional(),
    ...caseFields,
    dischargeDate: optionalHappenedDate(),
    dischargeDestination: optionalCode(DISCHARGE_DESTINATIONS),
    livingArrangementAfter: optionalCode(LIVING_ARRANGEMENTS),
    endDate: optionalHappenedDate(),
    endReason: optionalCode(END_REASONS),
  })
  .superRefine((v, ctx) => {
    checkCaseDates(v, ctx);
    if (v.dischargeDate && !v.dischargeDestination) {
      ctx.addIssue({ code: "custom", path: ["dischargeDestination"], message: "validation.case.destinationRequired" });
    }
    if (!v.dischargeDate && v.dischargeDestination) {
      ctx.addIssue({ code: "custom", path: ["dischargeDate"], message: "validation.case.dischargeDateRequired" });
    }
    if (v.endDate && !v.endReason) ctx.addIssue({ code: "custom", path: ["endReason"], message: "validation.case.endReasonRequired" });
    if (!v.endDate && v.endReason) ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.case.endDateRequired" });
  }, ALWAYS)
  .transform(withStoredAdmissionDate);
export type CaseUpdateInput = z.infer<typeof CaseUpdateSchema>;

export const CaseTransitionSchema = z
  .object({
  restatementReason,
    id: z.string().min(1),
    version: z.coerce.number().int().min(1),
    toPhase: z.enum(PHASES, "validation.case.phaseRequired"),
    date: happenedDate(),
    note: optionalText("note"),
    dischargeDestination: optionalCode(DISCHARGE_DESTINATIONS).optional(),
    livingArrangementAfter: optionalCode(LIVING_ARRANGEMENTS).optional(),
    endReason: optionalCode(END_REASONS).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.toPhase === "discharged" && !v.dischargeDestination) {
      ctx.addIssue({ code: "custom", path: ["dischargeDestination"], message: "validation.case.destinationRequired" });
    }
    if (v.toPhase === "closed" && !v.endReason) {
      ctx.addIssue({ code: "custom", path: ["endReason"], message: "validation.case.endReasonRequired" });
    }
  });
export type CaseTransitionInput = z.infer<typeof CaseTransitionSchema>;

/** Correct the latest phase change (its date, its note); `id` and `version` are the case's. */
export const PhaseChangeCorrectSchema = z.object({
  restatementReason,
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
  eventId: z.string().min(1),
  date: happenedDate(),
  note: optionalText(500),
});
export type PhaseChangeCorrectInput = z.infer<typeof PhaseChangeCorrectSchema>;

/** Undo the latest phase change; `id` and `version` are the case's. */
export const PhaseChangeUndoSchema = z.object({
  restatementReason,
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
  eventId: z.string().min(1),
});
export type PhaseChangeUndoInput = z.infer<typeof PhaseChangeUndoSchema>;

/** A supervisor reopens a closed case; the reason is required and kept as the phase change's note. */
export const CaseReopenSchema = z.object({
  restatementReason,
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().min(1, "validation.case.reopenReasonRequired").max(500, "validation.case.reopenReasonLength"),
});
export type CaseReopenInput = z.infer<typeof CaseReopenSchema>;
