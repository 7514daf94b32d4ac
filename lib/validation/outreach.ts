import { z } from "zod";
import { DIAGNOSIS_GROUPS, REFERRAL_SOURCES } from "@/lib/domain/case-codes";
import {
  OUTREACH_CONTACT_TYPES,
  OUTREACH_END_REASONS,
  OUTREACH_OUTCOMES,
  OUTREACH_PROFESSIONS,
  OUTREACH_STATUSES,
  OUTREACH_TARGETS,
  OUTREACH_TEAM_KINDS,
} from "@/lib/domain/outreach-codes";
import { outreachDateIssues } from "@/lib/domain/outreach-rules";
import { PersonSchema } from "./case";
import { happenedDate, optionalCode, optionalHappenedDate } from "./dates";
import { optionalText, optionalWholeNumber, restatementReason, text } from "./fields";
import { PERSON_MODES } from "./field-names";

/*
 * The outreach rules, shared by the forms (checked in the browser first) and the actions
 * (checked again, always). They read the flat values a form sends (`formValues`): checkbox
 * groups arrive as a string or an array, a ticked single checkbox as "on". Messages are
 * catalog keys; the outreach-specific ones live under `outreach.validation.*`.
 */

/** Cross-field rules run even while some field is invalid, so every problem shows at once. */
const ALWAYS = { when: () => true };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A value of a refinement that ran on partly invalid input: the ISO date, or null. */
const iso = (d: unknown): string | null => (typeof d === "string" && ISO_DATE.test(d) ? d : null);

/** A checkbox group: absent, one value or several, always an array here. */
function multi<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** A single checkbox: "on" (or "true") when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** A whole number typed in a text field, full-width digits accepted; empty is null. */
const optionalInt = optionalWholeNumber;

const gaf = () => optionalInt(1, 100, "outreach.validation.gafFormat");

/** The target categories: at least one, and the primary one among them. */
const targetFields = {
  targets: multi(z.enum(OUTREACH_TARGETS, "outreach.validation.targetsRequired")),
  primaryTarget: z.enum(OUTREACH_TARGETS, "outreach.validation.primaryTargetRequired"),
};

function checkTargets(v: { targets?: unknown; primaryTarget?: unknown }, ctx: z.RefinementCtx): void {
  const targets = Array.isArray(v.targets) ? (v.targets as string[]) : [];
  if (targets.length === 0) ctx.addIssue({ code: "custom", path: ["targets"], message: "outreach.validation.targetsRequired" });
  else if (typeof v.primaryTarget === "string" && v.primaryTarget !== "" && !targets.includes(v.primaryTarget)) {
    ctx.addIssue({ code: "custom", path: ["primaryTarget"], message: "outreach.validation.primaryNotSelected" });
  }
}

function checkDates(v: { referralDate?: unknown; selectionConferenceDate?: unknown; startDate?: unknown; endDate?: unknown }, ctx: z.RefinementCtx): void {
  const issues = outreachDateIssues({
    referralDate: iso(v.referralDate),
    selectionConferenceDate: iso(v.selectionConferenceDate),
    startDate: iso(v.startDate),
    endDate: iso(v.endDate),
  });
  for (const issue of issues) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
}

/** The fields of the outreach record itself, shown, edited and diffed (not the person, not the status). */
export const OUTREACH_RECORD_FIELDS = [
  "coordinatorUserId",
  "targets",
  "primaryTarget",
  "teamKind",
  "teamName",
  "referralDate",
  "referralSource",
  "diagnosisGroup",
  "diagnosisSuspected",
  "selectionConferenceDate",
  "startDate",
  "endDate",
  "endReason",
  "gafStart",
  "gafEnd",
] as const;
export type OutreachRecordField = (typeof OUTREACH_RECORD_FIELDS)[number];

const recordFields = {
  coordinatorUserId: z.string().min(1, "outreach.validation.coordinatorRequired"),
  ...targetFields,
  teamKind: z.enum(OUTREACH_TEAM_KINDS, "outreach.validation.teamKindRequired"),
  teamName: text("title").min(1, "outreach.validation.teamNameRequired"),
  referralDate: happenedDate(),
  referralSource: z.enum(REFERRAL_SOURCES, "outreach.validation.referralSourceRequired"),
  diagnosisGroup: optionalCode(DIAGNOSIS_GROUPS),
  diagnosisSuspected: checkbox,
  selectionConferenceDate: optionalHappenedDate(),
  gafStart: gaf(),
};

/** The identity fields of a new person, sent as typed; checked with PersonSchema when used. */
const PERSON_FIELDS = ["familyName", "givenName", "familyNameKana", "givenNameKana", "dateOfBirth", "birthYearMonth", "sex", "municipalityCode", "phone", "address"] as const;
const personFieldsRaw = Object.fromEntries(PERSON_FIELDS.map((f) => [f, z.string().optional().default("")])) as Record<(typeof PERSON_FIELDS)[number], z.ZodDefault<z.ZodOptional<z.ZodString>>>;

function personPart(v: Record<string, unknown>) {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [f, typeof v[f] === "string" ? v[f] : ""]));
}

/** Birth: a date or a year-month is needed, and both must agree when both are given. */
function checkBirth(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const typedDob = typeof v.dateOfBirth === "string" && v.dateOfBirth.trim() !== "";
  const typedMonth = typeof v.birthYearMonth === "string" && v.birthYearMonth.trim() !== "";
  if (!typedDob && !typedMonth) ctx.addIssue({ code: "custom", path: ["birthYearMonth"], message: "validation.person.birthRequired" });
}

export { PERSON_MODES, type PersonMode } from "./field-names";

export const OutreachCreateSchema = z
  .object({
  restatementReason,
    officeId: z.string().min(1, "outreach.validation.officeRequired"),
    ...recordFields,
    startDate: optionalHappenedDate(),
    personMode: z.enum(PERSON_MODES, "outreach.validation.personModeRequired"),
    /** The chosen person when personMode is "existing". */
    personId: z.string().optional().default(""),
    ...personFieldsRaw,
    /** Set when the user has seen the possible duplicates and saves a new person anyway. */
    confirmDuplicates: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    checkTargets(v, ctx);
    checkDates(v, ctx);
    if (v.personMode === "existing") {
      if (!v.personId) ctx.addIssue({ code: "custom", path: ["personId"], message: "outreach.validation.personRequired" });
    } else if (v.personMode === "new") {
      const parsed = PersonSchema.safeParse(personPart(v));
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path as PropertyKey[], message: issue.message });
      checkBirth(v, ctx);
      if (parsed.success && parsed.data.dateOfBirth && parsed.data.birthYearMonth && !parsed.data.dateOfBirth.startsWith(parsed.data.birthYearMonth)) {
        ctx.addIssue({ code: "custom", path: ["birthYearMonth"], message: "validation.person.birthMismatch" });
      }
    }
  }, ALWAYS)
  .transform((v) => {
    const { personId, confirmDuplicates, personMode, ...rest } = v;
    const record = Object.fromEntries(Object.entries(rest).filter(([k]) => !(PERSON_FIELDS as readonly string[]).includes(k))) as Omit<typeof rest, (typeof PERSON_FIELDS)[number]>;
    const person =
      personMode === "existing"
        ? ({ mode: "existing", personId } as const)
        : ({ mode: "new", ...PersonSchema.parse(personPart(v)) } as const);
    return { ...record, targets: [...new Set(record.targets)], person, confirmDuplicates };
  });
export type OutreachCreateInput = z.infer<typeof OutreachCreateSchema>;
export type NewPersonInput = Extract<OutreachCreateInput["person"], { mode: "new" }>;

/** Editing the record. Start, end and reason are set by a status change; here only corrected. */
export const OutreachUpdateSchema = z
  .object({
  restatementReason,
    id: z.string().min(1),
    version: z.coerce.number().int().min(1),
    /** JSON of the values the form was loaded with, to tell the user what someone else changed. */
    base: z.string().optional(),
    ...recordFields,
    startDate: optionalHappenedDate(),
    endDate: optionalHappenedDate(),
    endReason: optionalCode(OUTREACH_END_REASONS),
    gafEnd: gaf(),
  })
  .superRefine((v, ctx) => {
    checkTargets(v, ctx);
    checkDates(v, ctx);
    if (v.endDate && !v.endReason) ctx.addIssue({ code: "custom", path: ["endReason"], message: "outreach.validation.endReasonRequired" });
  }, ALWAYS)
  .transform((v) => ({ ...v, targets: [...new Set(v.targets)] }));
export type OutreachUpdateInput = z.infer<typeof OutreachUpdateSchema>;

/** 選定前 → 支援中 with the start date, or → 終結 with the end date and reason. */
export const OutreachStatusSchema = z
  .object({
  restatementReason,
    id: z.string().min(1),
    version: z.coerce.number().int().min(1),
    toStatus: z.enum(OUTREACH_STATUSES, "outreach.validation.statusRequired"),
    date: happenedDate(),
    endReason: optionalCode(OUTREACH_END_REASONS).optional(),
    gafEnd: gaf().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.toStatus === "closed" && !v.endReason) ctx.addIssue({ code: "custom", path: ["endReason"], message: "outreach.validation.endReasonRequired" });
  }, ALWAYS);
export type OutreachStatusInput = z.infer<typeof OutreachStatusSchema>;

export const OutreachContactSchema = z.object({
  restatementReason,
  outreachCaseId: z.string().min(1),
  date: happenedDate(),
  contactType: z.enum(OUTREACH_CONTACT_TYPES, "outreach.validation.contactTypeRequired"),
  professions: multi(z.enum(OUTREACH_PROFESSIONS, "outreach.validation.professionInvalid")).transform((p) => [...new Set(p)]),
  metPerson: checkbox,
  minutes: optionalInt(0, 1440, "outreach.validation.minutesFormat"),
  place: optionalText("place"),
  summary: optionalText("note"),
});
export type OutreachContactInput = z.infer<typeof OutreachContactSchema>;

/** Correcting a logged contact: the same fields, the contact's id and the version the page showed. */
export const OutreachContactUpdateSchema = OutreachContactSchema.extend({
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
});
export type OutreachContactUpdateInput = z.infer<typeof OutreachContactUpdateSchema>;

/** Deleting a contact or an outcome recorded by mistake: which one, and the version the page showed. */
export const OutreachRecordDeleteSchema = z.object({
  restatementReason,
  outreachCaseId: z.string().min(1),
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
});
export type OutreachRecordDeleteInput = z.infer<typeof OutreachRecordDeleteSchema>;

export const OutreachOutcomeSchema = z.object({
  restatementReason,
  outreachCaseId: z.string().min(1),
  outcome: z.enum(OUTREACH_OUTCOMES, "outreach.validation.outcomeRequired"),
  date: happenedDate(),
  note: optionalText("note"),
});
export type OutreachOutcomeInput = z.infer<typeof OutreachOutcomeSchema>;

export { OUTREACH_MULTI_FIELDS } from "./field-names";
