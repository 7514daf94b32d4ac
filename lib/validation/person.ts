import { z } from "zod";
import { checkBirth, PersonSchema } from "./case";

/**
 * Correcting a person (ADR 0028) from the page of one of their records: the same fields and rules
 * as registering them (PersonSchema: kana stored full-width, phones in one form, the birth month
 * agreeing with the date of birth), the record it is done from, and the person's version and the
 * values the form was loaded with (`base`), so a stale save says what someone else changed.
 */

/** The person's fields a correction may change, in the order the history lists them. */
export const PERSON_CORRECTION_FIELDS = ["familyName", "givenName", "familyNameKana", "givenNameKana", "dateOfBirth", "birthYearMonth", "sex", "municipalityCode", "phone", "address"] as const;
export type PersonCorrectionField = (typeof PERSON_CORRECTION_FIELDS)[number];

/** The record page a correction is made from: it decides the permission needed. */
export const PERSON_CORRECTION_SOURCES = ["case", "outreach"] as const;

export const PersonCorrectionSchema = PersonSchema.extend({
  from: z.enum(PERSON_CORRECTION_SOURCES),
  recordId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  /** JSON of the values the form was loaded with, to tell the user what someone else changed. */
  base: z.string().optional(),
}).superRefine((v, ctx) => checkBirth(v, ctx), { when: () => true });
export type PersonCorrectionInput = z.infer<typeof PersonCorrectionSchema>;

/** The stored values as the correction form's fields show them: "" for none, the date of birth as `formatDate` gives it. */
export function correctionDefaults(values: Record<PersonCorrectionField, string | null>, formatDate: (iso: string | null) => string): Record<string, string> {
  return Object.fromEntries(PERSON_CORRECTION_FIELDS.map((f) => [f, f === "dateOfBirth" ? formatDate(values[f]) : (values[f] ?? "")]));
}
