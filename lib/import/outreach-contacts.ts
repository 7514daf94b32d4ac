import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outreachCases, outreachContactProfessions, outreachContacts } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { addOutreachContact } from "@/lib/dal/outreach-records";
import { outreachGate } from "@/lib/dal/record-gate";
import { OUTREACH_CONTACT_TYPE_LABELS, OUTREACH_PROFESSION_LABELS, OUTREACH_PROFESSIONS } from "@/lib/domain/outreach-codes";
import { OutreachContactSchema, type OutreachContactInput } from "@/lib/validation/outreach";
import type { ImportColumn } from "./kinds";
import { checkboxOf, codeOf, type Lookups } from "./lookups";
import type { RowOutcome } from "./run";

/*
 * アウトリーチの接触記録 from a file: one row = one contact of an outreach case named by its case
 * number, through OutreachContactSchema and addOutreachContact as the contact form.
 *
 * Contacts are a log, so the natural key is the whole row (stated on the page): a row equal in
 * every value (case, date, kind, professions, met, minutes, place, content) to a logged contact is
 * unchanged; any other row is a new contact. An import never corrects a logged contact (that is
 * the case page's correction, with its reason and history).
 */

const f = (field: string, label: string, example: string, required = false): ImportColumn => ({
  field,
  label: label as ImportColumn["label"],
  example,
  required,
  date: field === "date",
});

export const OUTREACH_CONTACT_COLUMNS: readonly ImportColumn[] = [
  f("outreachCaseId", "outreach.list.columns.caseNo", "", true),
  f("date", "outreach.detail.contact.date", "令和6年7月1日", true),
  f("contactType", "outreach.detail.contact.type", "訪問", true),
  f("professions", "outreach.detail.contact.professions", "保健師、看護師"),
  f("metPerson", "outreach.detail.contact.metPerson", "はい"),
  f("minutes", "outreach.detail.contact.minutes", "60"),
  f("place", "outreach.detail.contact.place", "自宅"),
  f("summary", "outreach.detail.contact.summary", ""),
];

const parts = (cell: string) =>
  cell
    .split(/[、,;；・\s\u3000]+/)
    .map((c) => c.trim())
    .filter(Boolean);

export function outreachContactFormValues(actor: Actor) {
  return (cells: Record<string, string>, _lookups: Lookups, problem: (field: string, messageKey: string) => void): Record<string, string | string[]> => {
    const cell = (field: string) => cells[field] ?? "";
    const values: Record<string, string | string[]> = { date: cell("date"), minutes: cell("minutes"), place: cell("place"), summary: cell("summary") };
    values.contactType = codeOf(OUTREACH_CONTACT_TYPE_LABELS, cell("contactType"));
    values.professions = parts(cell("professions")).map((p) => codeOf(OUTREACH_PROFESSION_LABELS, p));
    const met = checkboxOf(cell("metPerson"));
    if (met === null) problem("metPerson", "import.row.checkbox");
    values.metPerson = met ?? "";
    const caseNo = cell("outreachCaseId");
    const found = caseNo
      ? getDb().select({ id: outreachCases.id }).from(outreachCases).where(and(eq(outreachCases.caseNo, caseNo), outreachGate.inReach(actor))).get()
      : undefined;
    if (caseNo && !found) problem("outreachCaseId", "import.outreachContacts.caseUnknown");
    values.outreachCaseId = found?.id ?? "";
    return values;
  };
}

export function applyOutreachContactRow(actor: Actor, input: OutreachContactInput): RowOutcome {
  const same = getDb()
    .select()
    .from(outreachContacts)
    .where(and(eq(outreachContacts.outreachCaseId, input.outreachCaseId), eq(outreachContacts.date, input.date), eq(outreachContacts.contactType, input.contactType)))
    .all();
  const professions = OUTREACH_PROFESSIONS.filter((p) => input.professions.includes(p)).join(",");
  for (const c of same) {
    const ticked = getDb().select({ p: outreachContactProfessions.profession }).from(outreachContactProfessions).where(eq(outreachContactProfessions.contactId, c.id)).all().map((r) => r.p);
    const storedProfessions = OUTREACH_PROFESSIONS.filter((p) => ticked.includes(p)).join(",");
    if (c.metPerson === input.metPerson && c.minutes === input.minutes && (c.place ?? null) === input.place && (c.summary ?? null) === input.summary && storedProfessions === professions) return "unchanged";
  }
  addOutreachContact(actor, input);
  return "create";
}

export const outreachContactImport = {
  columns: OUTREACH_CONTACT_COLUMNS,
  schema: OutreachContactSchema,
  formValues: () => ({}),
  apply: applyOutreachContactRow,
};
