import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { outreachCases, outreachContactProfessions, outreachContacts, outreachOutcomes } from "@/db/schema";
import { todayIso } from "@/lib/domain/fiscal-year";
import { recordDateIssue } from "@/lib/domain/outreach-rules";
import type { OutreachContactInput, OutreachOutcomeInput } from "@/lib/validation/outreach";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { auditOutreachCase, loadOutreachCaseInReach } from "./outreach-access";

/*
 * What is recorded inside an outreach case. Contacts and outcomes are appended without
 * touching the case's version: logging a visit must never turn a colleague's open edit of the
 * record into a conflict. Each comes with its audit row in the same transaction.
 */

/**
 * Log a contact (訪問, 受診同行, …) with the professions present. Dated from the referral to
 * today, and not after the end of a closed case; keeps the case's last contact date current.
 */
export function addOutreachContact(actor: Actor, input: OutreachContactInput): { id: string } {
  const row = loadOutreachCaseInReach(actor, input.outreachCaseId, "write:case:reach");
  const issue = recordDateIssue(input.date, row, todayIso(), "contact");
  if (issue) throw new AppError("invalid", issue, { date: issue });
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
    auditOutreachCase(tx, actor, row.id, "create", { record: "contact", id, date: input.date, contactType: input.contactType, professions: input.professions });
  });
  return { id };
}

/** Record an outcome reached on a date; the same outcome twice on one day is refused. */
export function addOutreachOutcome(actor: Actor, input: OutreachOutcomeInput): { id: string } {
  const row = loadOutreachCaseInReach(actor, input.outreachCaseId, "write:case:reach");
  const issue = recordDateIssue(input.date, row, todayIso(), "outcome");
  if (issue) throw new AppError("invalid", issue, { date: issue });
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
    auditOutreachCase(tx, actor, row.id, "create", { record: "outcome", id, outcome: input.outcome, date: input.date });
  });
  return { id };
}
