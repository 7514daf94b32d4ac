import "server-only";
import { and, eq } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "@/db/client";
import { caseActivities, communityEvents, kyogiBodies, meetings, outreachContacts, outreachOutcomes, trainingEvents } from "@/db/schema";
import type { AuditEntityType } from "@/lib/domain/codes";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { lastSaver } from "./conflicts";
import { AppError } from "./errors";
import type { Gate, GatedTable } from "./record-gate";
import { guardLockedYears } from "./year-close";

/*
 * Correcting or deleting a logged record (ADR 0019), one way for every kind: the offices'
 * activity records (meetings, trainings, events, 協議の場: activity-records.ts), a case's
 * activities, an outreach case's contacts and outcomes. The record carries its own version:
 * the change names the version the form started from, so a save in between writes nothing;
 * the year-end lock's guard (ADR 0025) asks for a reason when the record is dated in a locked
 * year, before or after the change; the audit row (on the record itself, or on the case it
 * belongs to) keeps the changed fields or the deleted row; all in one transaction. Loading the
 * record through its owner's gate is the caller's first step, so a record out of reach is
 * never touched.
 */

/** Logged records that are corrected in place: id, version and the update stamps. */
export type CorrectableTable = typeof caseActivities | typeof outreachContacts | typeof meetings | typeof trainingEvents | typeof communityEvents | typeof kyogiBodies;
/** Logged records that can only be deleted (an outcome is recorded anew instead). */
export type DeletableTable = CorrectableTable | typeof outreachOutcomes;

export type CorrectionTarget<T extends DeletableTable> = {
  table: T;
  /**
   * The record the audit row and a restatement name: the record itself (an activity record), or
   * the case it belongs to, with the logged record's kind (`record: "activity"`) and id in the
   * audit detail.
   */
  audit: { entityType: AuditEntityType; entityId: string; record?: string };
  /** The office that owns the record (null: the prefecture's own), kept with a restatement. */
  officeId: string | null;
  /** The dates that place the record in fiscal years, read from its values (old and new on a correction). */
  yearDates: (values: Partial<T["$inferSelect"]>) => (string | null | undefined)[];
  /** What a stale save or delete gets (a conflict listing what changed since the form was loaded, or a plain message). */
  conflict: () => AppError;
};

/** A restatement's reason as the forms send it (absent or empty: none). */
export type Restating = { restatementReason?: string | null };

// drizzle's builders do not take a union of tables; these tables share id and version.
const asTable = (table: DeletableTable) => table as typeof caseActivities;

function detailOf(audit: { record?: string }, id: string, rest: Record<string, unknown>): Record<string, unknown> {
  return audit.record ? { record: audit.record, id, ...rest } : rest;
}

/** The lock's guard for a write about `target` (ADR 0025): in a locked year only with a reason, kept as a restatement. */
export function guardRecord<T extends DeletableTable>(
  tx: Tx,
  actor: Actor,
  target: CorrectionTarget<T>,
  action: "create" | "update" | "delete",
  dates: (string | null | undefined)[],
  changes: Record<string, unknown>,
  restating: Restating,
): void {
  guardLockedYears(tx, actor, {
    entityType: target.audit.entityType,
    entityId: target.audit.entityId,
    officeId: target.officeId,
    action,
    dates,
    changes,
    reason: restating.restatementReason,
  });
}

/**
 * Save a correction: nothing changed writes nothing; otherwise the row is updated at the
 * version the form started from (else `target.conflict()`), the lock's guard runs on the
 * record's dates before and after, then `after` (child rows, a case's derived dates) and the
 * audit row with the changed fields.
 */
export function correctRecord<T extends CorrectableTable>(
  actor: Actor,
  target: CorrectionTarget<T>,
  row: T["$inferSelect"],
  version: number,
  change: { current: Record<string, unknown>; next: Record<string, unknown>; set: Partial<T["$inferInsert"]>; after?: (tx: Tx, changes: Record<string, [unknown, unknown]>) => void },
  restating: Restating = {},
): void {
  const changes = diffFields(change.current, change.next);
  if (Object.keys(changes).length === 0) return;
  const t = asTable(target.table);
  const before = row as Partial<T["$inferSelect"]>;
  getDb().transaction((tx) => {
    const result = tx
      .update(t)
      .set({ ...(change.set as Partial<typeof caseActivities.$inferInsert>), version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(t.id, row.id), eq(t.version, version)))
      .run();
    if (result.changes === 0) throw staleLogged(actor, target, row.id);
    const after = { ...before, ...(change.set as Partial<T["$inferSelect"]>) };
    guardRecord(tx, actor, target, "update", [...target.yearDates(before), ...target.yearDates(after)], changes, restating);
    change.after?.(tx, changes);
    writeAudit(tx, actor, { action: "update", entityType: target.audit.entityType, entityId: target.audit.entityId, detail: detailOf(target.audit, row.id, { changes }) });
  });
}

/**
 * Delete a record logged by mistake, only at the version the actor saw (a newer save is never
 * removed unseen); the lock's guard runs on its dates; the audit row keeps `snapshot`.
 */
export function deleteLoggedRecord<T extends DeletableTable>(
  actor: Actor,
  target: CorrectionTarget<T>,
  row: T["$inferSelect"],
  version: number,
  snapshot: Record<string, unknown>,
  options: { after?: (tx: Tx) => void } & Restating = {},
): void {
  const t = asTable(target.table);
  getDb().transaction((tx) => {
    const result = tx
      .delete(t)
      .where(and(eq(t.id, row.id), eq(t.version, version)))
      .run();
    if (result.changes === 0) throw staleLogged(actor, target, row.id);
    guardRecord(tx, actor, target, "delete", target.yearDates(row as Partial<T["$inferSelect"]>), wholeRecord(snapshot, "before"), options);
    options.after?.(tx);
    writeAudit(tx, actor, { action: "delete", entityType: target.audit.entityType, entityId: target.audit.entityId, detail: detailOf(target.audit, row.id, { snapshot }) });
  });
}

/**
 * A logged record and the record it belongs to, for a change: the parent through its gate (the
 * write permission, in reach), the logged record only if it belongs to that parent; else the
 * not_found a missing id gets.
 */
export function loadLoggedRecord<P extends GatedTable, T extends DeletableTable>(
  actor: Actor,
  gate: Gate<P>,
  parentId: string,
  logged: { table: T; parentColumn: AnySQLiteColumn },
  id: string,
): { parent: P["$inferSelect"]; record: T["$inferSelect"] } {
  const parent = gate.load(actor, parentId, "write");
  const t = asTable(logged.table);
  const record = getDb()
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(logged.parentColumn, parent.id)))
    .get();
  if (!record) throw new AppError("not_found", "errors.notFound");
  return { parent, record: record as T["$inferSelect"] };
}

/** A stale form: the version it was loaded at is not the record's any more. */
export function requireVersion<T extends DeletableTable>(actor: Actor, target: CorrectionTarget<T>, row: { id: string; version: number }, version: number): void {
  if (row.version !== version) throw staleLogged(actor, target, row.id);
}

/**
 * The target's conflict, naming whose save won when the target's own answer does not: the last
 * create or update of this logged record in its audit trail (a colleague, or the user's other tab).
 */
function staleLogged<T extends DeletableTable>(actor: Actor, target: CorrectionTarget<T>, id: string): AppError {
  const error = target.conflict();
  if (error.savedBy) return error;
  const savedBy = lastSaver({ actor, entityType: target.audit.entityType, entityId: target.audit.entityId, detailId: target.audit.record ? id : undefined });
  return savedBy ? new AppError(error.code, error.messageKey, error.fieldErrors, error.conflicts, savedBy) : error;
}

/** The columns a restatement leaves out of a created or deleted record's values: its identity and stamps. */
const STAMPS = new Set(["id", "prefectureCode", "version", "createdBy", "createdAt", "updatedBy", "updatedAt"]);

/** `{ field: [before, after] }` of a whole record coming (create) or going (delete), for a restatement. */
export function wholeRecord(values: Record<string, unknown>, side: "before" | "after"): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k, v]) => !STAMPS.has(k) && v !== undefined)
      .map(([k, v]) => [k, side === "before" ? [v ?? null, null] : [null, v ?? null]]),
  );
}
