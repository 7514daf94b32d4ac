import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, personIdentities, persons } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { createCase, editableValues, updateCase } from "@/lib/dal/cases";
import { diffFields } from "@/lib/dal/audit";
import { personInReach } from "@/lib/dal/persons";
import { caseGate } from "@/lib/dal/record-gate";
import {
  CASE_FIELD_CODES,
  SEX_LABELS,
} from "@/lib/domain/case-codes";
import { normalizeKana } from "@/lib/domain/kana";
import { CaseCreateSchema, type CaseCreateInput } from "@/lib/validation/case";
import type { ImportColumn } from "./kinds";
import { codeOf, type Lookups } from "./lookups";
import type { RowOutcome } from "./run";

/*
 * 地域移行支援ケース (person, identity and case) from a file: one row = one case, through the same
 * CaseCreateSchema and createCase as the new-case form (updateCase for a case already there).
 *
 * The natural key (stated on the page): the office, the person's reading (ふりがな, normalised as
 * the duplicate check does), their birth month and the 相談受付日. A row whose key matches a case in
 * reach is that case: its case fields are updated when they differ (the same updateCase as the edit
 * form: version, year lock and audit), and it is left alone ("unchanged") when they do not. A row
 * for a person already known in reach (the same reading and birth month, one person) opens a new
 * case for that person, as a re-referral does on the form; two or more such persons is an error
 * (the importer must say which on the form), never a guess.
 */

const f = (field: string, example: string, required = false): ImportColumn => ({
  field,
  label: `caseForm.fields.${field}` as ImportColumn["label"],
  example,
  required,
  date: /Date$/.test(field),
});

export const CASE_COLUMNS: readonly ImportColumn[] = [
  f("officeId", "備前保健所", true),
  f("familyName", "岡山", true),
  f("givenName", "太郎", true),
  f("familyNameKana", "おかやま", true),
  f("givenNameKana", "たろう", true),
  f("dateOfBirth", ""),
  f("birthYearMonth", "昭和45年5月"),
  f("sex", "男性", true),
  f("municipalityCode", ""),
  f("phone", ""),
  f("address", ""),
  f("referralDate", "令和6年4月10日", true),
  f("referralSource", "本人", true),
  f("hospitalId", "", true),
  f("wardType", ""),
  f("indexAdmissionDate", "2010/4/1", true),
  f("admissionDatePrecision", ""),
  f("admissionType", ""),
  f("diagnosisGroup", ""),
  f("techoGrade", ""),
  f("supportCategory", ""),
  f("consentDate", ""),
  f("consentScope", ""),
  f("supportStartDate", "R6.4.20", true),
  f("plannedDischargeDate", ""),
  f("coordinatorUserId", "", true),
];

const CODES: Record<string, Parameters<typeof codeOf>[0]> = {
  sex: SEX_LABELS,
  ...CASE_FIELD_CODES,
};

/** The file's cells (by field) as the form would send them: names resolved to ids, labels to codes. */
export function caseFormValues(cells: Record<string, string>, lookups: Lookups): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of CASE_COLUMNS) values[column.field] = cells[column.field] ?? "";
  for (const [field, labels] of Object.entries(CODES)) values[field] = codeOf(labels, values[field]!);
  values.admissionDatePrecision ||= "day";
  values.officeId = lookups.office(values.officeId!);
  values.hospitalId = lookups.hospital(values.hospitalId!);
  values.municipalityCode = lookups.municipality(values.municipalityCode!);
  values.coordinatorUserId = lookups.staff(values.coordinatorUserId!, values.officeId);
  values.personMode = "new";
  return values;
}

export const caseImport = {
  columns: CASE_COLUMNS,
  schema: CaseCreateSchema,
  formValues: caseFormValues,
  apply: applyCaseRow,
};

/** One parsed row: create, update or leave the case (inside the caller's savepoint). */
export function applyCaseRow(actor: Actor, input: CaseCreateInput): RowOutcome {
  if (input.person.mode !== "new") throw new Error("import rows always describe the person");
  const person = input.person;
  const kanaKey = normalizeKana(person.familyNameKana + person.givenNameKana);
  const birthYearMonth = person.dateOfBirth ? person.dateOfBirth.slice(0, 7) : person.birthYearMonth;
  const db = getDb();
  const samePerson = and(eq(personIdentities.kanaKey, kanaKey), eq(persons.birthYearMonth, birthYearMonth));
  const existing = db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
    .where(and(eq(cases.officeId, input.officeId), eq(cases.referralDate, input.referralDate), samePerson, caseGate.inReach(actor)))
    .get();
  if (existing) {
    const row = caseGate.load(actor, existing.id, "write");
    const current = editableValues(row);
    const { person: _person, officeId: _office, confirmDuplicates: _confirm, restatementReason, ...fromFile } = input;
    const stored: Record<string, unknown> = Object.fromEntries(Object.keys(fromFile).map((k) => [k, current[k as keyof typeof current]]));
    const changes = diffFields(stored, fromFile as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return "unchanged";
    updateCase(actor, { ...current, ...fromFile, id: row.id, version: row.version, restatementReason } as Parameters<typeof updateCase>[1]);
    return "update";
  }
  const known = db
    .select({ id: persons.id })
    .from(persons)
    .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
    .where(and(samePerson, personInReach(actor, persons.id)))
    .limit(2)
    .all();
  if (known.length > 1) throw new ImportRowError("import.cases.personAmbiguous", "familyNameKana");
  createCase(actor, known.length === 1 ? { ...input, person: { mode: "existing", personId: known[0]!.id } } : input);
  return "create";
}

/** A row refused by the import's own rule (not the DAL's): its message key and the field it concerns. */
export class ImportRowError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field: string | null,
  ) {
    super(messageKey);
  }
}
