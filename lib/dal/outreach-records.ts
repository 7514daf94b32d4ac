import "server-only";
import { and, eq, max, sql } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { outreachCases, outreachContactProfessions, outreachContacts, outreachOutcomes } from "@/db/schema";
import { recordDateIssue } from "@/lib/domain/outreach-rules";
import { OUTREACH_PROFESSIONS } from "@/lib/domain/outreach-codes";
import type { OutreachContactInput, OutreachContactUpdateInput, OutreachOutcomeInput, OutreachRecordDeleteInput } from "@/lib/validation/outreach";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { assertHappened } from "./happened-dates";
import { correctRecord, deleteLoggedRecord, loadLoggedRecord, requireVersion, wholeRecord, type CorrectionTarget } from "./record-corrections";
import { outreachGate, type OutreachCaseRow } from "./record-gate";

/*
 * What is recorded inside an outreach case. Contacts and outcomes are appended without
 * touching the case's version: logging a visit must never turn a colleague's open edit of the
 * record into a conflict. Each comes with its audit row in the same transaction. A contact
 * logged by mistake can be corrected or deleted, an outcome deleted; each carries its own
 * version, so a change made from a stale page is refused, and a delete keeps the whole row in
 * the audit log.
 */

/**
 * Log a contact (訪問, 受診同行, …) with the professions present. Dated from the referral to
 * today, and not after the end of a closed case; keeps the case's last contact date current.
 */
export function addOutreachContact(actor: Actor, input: OutreachContactInput): { id: string } {
  const row = outreachGate.load(actor, input.outreachCaseId, "write");
  const issue = recordDateIssue(input.date, row, "contact");
  if (issue) throw new AppError("invalid", issue, { date: issue });
  assertHappened({ date: input.date });
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(outreachContacts)
      .values({
        id,
        outreachCaseId: row.id,
        date: input.date,
        contactType: input.contactType,
        place: input.place,
        minutes: input.minutes,
        metPerson: input.metPerson,
        summary: input.summary,
        createdBy: actor.id,
        createdAt: now,
      })
      .run();
    if (input.professions.length > 0) {
      tx.insert(outreachContactProfessions)
        .values(input.professions.map((profession) => ({ contactId: id, profession })))
        .run();
    }
    // max(), not the new date: a contact logged late must not move the last contact back.
    tx.update(outreachCases)
      .set({ lastContactDate: sql`max(coalesce(${outreachCases.lastContactDate}, ''), ${input.date})` })
      .where(eq(outreachCases.id, row.id))
      .run();
    outreachGate.guard(tx, actor, row, "create", [input.date], wholeRecord({ date: input.date, contactType: input.contactType }, "after"), input);
    outreachGate.audit(tx, actor, row.id, "create", { record: "contact", id, date: input.date, contactType: input.contactType, professions: input.professions });
  });
  return { id };
}

/** Record an outcome reached on a date; the same outcome twice on one day is refused. */
export function addOutreachOutcome(actor: Actor, input: OutreachOutcomeInput): { id: string } {
  const row = outreachGate.load(actor, input.outreachCaseId, "write");
  const issue = recordDateIssue(input.date, row, "outcome");
  if (issue) throw new AppError("invalid", issue, { date: issue });
  assertHappened({ date: input.date });
  const id = ulid();
  const db = getDb();
  db.transaction((tx) => {
    const same = tx
      .select({ id: outreachOutcomes.id })
      .from(outreachOutcomes)
      .where(and(eq(outreachOutcomes.outreachCaseId, row.id), eq(outreachOutcomes.outcome, input.outcome), eq(outreachOutcomes.date, input.date)))
      .get();
    if (same) throw new AppError("invalid", "outreach.validation.outcomeDuplicate", { outcome: "outreach.validation.outcomeDuplicate" });
    tx.insert(outreachOutcomes)
      .values({ id, outreachCaseId: row.id, outcome: input.outcome, date: input.date, note: input.note, createdBy: actor.id, createdAt: new Date().toISOString() })
      .run();
    outreachGate.guard(tx, actor, row, "create", [input.date], wholeRecord({ outcome: input.outcome, date: input.date }, "after"), input);
    outreachGate.audit(tx, actor, row.id, "create", { record: "outcome", id, outcome: input.outcome, date: input.date });
  });
  return { id };
}

/** The contact's case must be in reach for writing; a contact of another case is not_found. */
function loadContactInReach(actor: Actor, caseId: string, id: string) {
  const { parent: row, record: contact } = loadLoggedRecord(actor, outreachGate, caseId, { table: outreachContacts, parentColumn: outreachContacts.outreachCaseId }, id);
  const ticked = new Set(
    getDb()
      .select({ profession: outreachContactProfessions.profession })
      .from(outreachContactProfessions)
      .where(eq(outreachContactProfessions.contactId, id))
      .all()
      .map((p) => p.profession),
  );
  const values = {
    date: contact.date,
    contactType: contact.contactType,
    professions: OUTREACH_PROFESSIONS.filter((p) => ticked.has(p)),
    metPerson: contact.metPerson,
    minutes: contact.minutes,
    place: contact.place,
    summary: contact.summary,
  };
  return { row, contact, values };
}

/** After a correction or a delete the last contact date is the latest remaining contact's. */
function refreshLastContactDate(tx: Tx, caseId: string): void {
  const [latest] = tx.select({ d: max(outreachContacts.date) }).from(outreachContacts).where(eq(outreachContacts.outreachCaseId, caseId)).all();
  tx.update(outreachCases).set({ lastContactDate: latest?.d ?? null }).where(eq(outreachCases.id, caseId)).run();
}

const contactConflict = () => new AppError("conflict", "outreach.detail.contact.edit.conflict");
const outcomeConflict = () => new AppError("conflict", "outreach.detail.outcome.deleteConflict");
/** A contact or outcome as the shared machinery corrects, deletes and guards it: audited and restated under its case. */
const loggedIn = <T extends typeof outreachContacts | typeof outreachOutcomes>(table: T, row: OutreachCaseRow, record: string, conflict: () => AppError): CorrectionTarget<T> => ({
  table,
  audit: { entityType: "outreach_case", entityId: row.id, record },
  officeId: row.officeId,
  yearDates: (v) => [v.date],
  conflict,
});

/** Correct a logged contact: the same rules as logging it; the audit row names the fields changed. */
export function updateOutreachContact(actor: Actor, input: OutreachContactUpdateInput): void {
  const { row, contact, values: current } = loadContactInReach(actor, input.outreachCaseId, input.id);
  requireVersion(actor, loggedIn(outreachContacts, row, "contact", contactConflict), contact, input.version);
  const issue = recordDateIssue(input.date, row, "contact");
  if (issue) throw new AppError("invalid", issue, { date: issue });
  assertHappened({ date: input.date });
  const next = {
    date: input.date,
    contactType: input.contactType,
    professions: OUTREACH_PROFESSIONS.filter((p) => input.professions.includes(p)),
    metPerson: input.metPerson,
    minutes: input.minutes,
    place: input.place,
    summary: input.summary,
  };
  const { professions, ...columns } = next;
  correctRecord(
    actor,
    loggedIn(outreachContacts, row, "contact", contactConflict),
    contact,
    input.version,
    {
      current,
      next,
      set: columns,
      after: (tx, changes) => {
      if (changes.professions) {
        tx.delete(outreachContactProfessions).where(eq(outreachContactProfessions.contactId, contact.id)).run();
        if (professions.length > 0) {
          tx.insert(outreachContactProfessions)
            .values(professions.map((profession) => ({ contactId: contact.id, profession })))
            .run();
        }
      }
      if (changes.date) refreshLastContactDate(tx, row.id);
      },
    },
    input,
  );
}

/** Delete a contact logged by mistake; the audit row keeps everything it said (its professions go with it: ON DELETE CASCADE). */
export function deleteOutreachContact(actor: Actor, input: OutreachRecordDeleteInput): void {
  const { row, contact, values } = loadContactInReach(actor, input.outreachCaseId, input.id);
  requireVersion(actor, loggedIn(outreachContacts, row, "contact", contactConflict), contact, input.version);
  deleteLoggedRecord(actor, loggedIn(outreachContacts, row, "contact", contactConflict), contact, input.version, values, {
    after: (tx) => refreshLastContactDate(tx, row.id),
    restatementReason: input.restatementReason,
  });
}

/** Delete an outcome recorded by mistake (record the right one anew); the audit row keeps it. */
export function deleteOutreachOutcome(actor: Actor, input: OutreachRecordDeleteInput): void {
  const { parent: row, record: outcome } = loadLoggedRecord(actor, outreachGate, input.outreachCaseId, { table: outreachOutcomes, parentColumn: outreachOutcomes.outreachCaseId }, input.id);
  deleteLoggedRecord(actor, loggedIn(outreachOutcomes, row, "outcome", outcomeConflict), outcome, input.version, { outcome: outcome.outcome, date: outcome.date, note: outcome.note }, input);
}
