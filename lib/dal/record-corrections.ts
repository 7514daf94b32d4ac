import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { caseActivities, communityEvents, kyogiBodies, meetings, outreachContacts, outreachOutcomes, trainingEvents } from "@/db/schema";
import type { AuditEntityType } from "@/lib/domain/codes";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { AppError } from "./errors";

/*
 * Correcting or deleting a logged record (ADR 0019), one way for every kind: the offices'
 * activity records (meetings, trainings, events, 協議の場: activity-records.ts), a case's
 * activities, an outreach case's contacts and outcomes. The record carries its own version:
 * the change names the version the form started from, so a save in between writes nothing;
 * the audit row (on the record itself, or on the case it belongs to) keeps the changed fields
 * or the deleted row, in the same transaction. Loading the record through its case's gate is
 * the caller's first step, so a record of a case out of reach is never touched.
 */

/** Logged records that are corrected in place: id, version and the update stamps. */
export type CorrectableTable = typeof caseActivities | typeof outreachContacts | typeof meetings | typeof trainingEvents | typeof communityEvents | typeof kyogiBodies;
/** Logged records that can only be deleted (an outcome is recorded anew instead). */
export type DeletableTable = CorrectableTable | typeof outreachOutcomes;

export type CorrectionTarget<T extends DeletableTable> = {
  table: T;
  /**
   * The audit row's record: the record itself (an activity record), or the case it belongs to
   * with the logged record's kind (`record: "activity"`) and id in the detail.
   */
  audit: { entityType: AuditEntityType; entityId: string; record?: string };
  /** What a stale save or delete gets (a conflict listing what changed since the form was loaded, or a plain message). */
  conflict: () => AppError;
};

function detailOf(target: CorrectionTarget<DeletableTable>, id: string, rest: Record<string, unknown>): Record<string, unknown> {
  return target.audit.record ? { record: target.audit.record, id, ...rest } : rest;
}

// drizzle's builders do not take a union of tables; these tables share id and version.
const asTable = (table: DeletableTable) => table as typeof caseActivities;

/**
 * Save a correction: nothing changed writes nothing; otherwise the row is updated at the
 * version the form started from (else `target.conflict()`), then `after` (child rows, a case's
 * derived dates) and the audit row with the changed fields.
 */
export function correctRecord<T extends CorrectableTable>(
  actor: Actor,
  target: CorrectionTarget<T>,
  row: { id: string; version: number },
  change: { current: Record<string, unknown>; next: Record<string, unknown>; set: Partial<T["$inferInsert"]>; after?: (tx: Tx, changes: Record<string, [unknown, unknown]>) => void },
): void {
  const changes = diffFields(change.current, change.next);
  if (Object.keys(changes).length === 0) return;
  const t = asTable(target.table);
  getDb().transaction((tx) => {
    const result = tx
      .update(t)
      .set({ ...(change.set as Partial<typeof caseActivities.$inferInsert>), version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(t.id, row.id), eq(t.version, row.version)))
      .run();
    if (result.changes === 0) throw target.conflict();
    change.after?.(tx, changes);
    writeAudit(tx, actor, { action: "update", entityType: target.audit.entityType, entityId: target.audit.entityId, detail: detailOf(target, row.id, { changes }) });
  });
}

/** Delete a record logged by mistake, only at the version the actor saw; the audit row keeps `snapshot`. */
export function deleteLoggedRecord<T extends DeletableTable>(
  actor: Actor,
  target: CorrectionTarget<T>,
  row: { id: string; version: number },
  snapshot: Record<string, unknown>,
  after?: (tx: Tx) => void,
): void {
  const t = asTable(target.table);
  getDb().transaction((tx) => {
    const result = tx
      .delete(t)
      .where(and(eq(t.id, row.id), eq(t.version, row.version)))
      .run();
    if (result.changes === 0) throw target.conflict();
    after?.(tx);
    writeAudit(tx, actor, { action: "delete", entityType: target.audit.entityType, entityId: target.audit.entityId, detail: detailOf(target, row.id, { snapshot }) });
  });
}

/** A stale form: the version it was loaded at is not the record's any more. */
export function requireVersion(row: { version: number }, version: number, conflict: () => AppError): void {
  if (row.version !== version) throw conflict();
}
