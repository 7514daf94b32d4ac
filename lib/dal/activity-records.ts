import "server-only";
import type { AuditEntityType } from "@/lib/domain/codes";
import { and, desc, eq } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { communityEvents, kyogiBodies, meetings, trainingEvents } from "@/db/schema";
import type { Actor } from "./actor";
import { requireActivityWrite, writableActivity, type OwnerColumns } from "./activity-access";
import { writeAudit } from "./audit";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { correctRecord, deleteLoggedRecord, guardRecord, wholeRecord, type CorrectionTarget, type Restating } from "./record-corrections";

/*
 * The life of one activity record, the same for meetings, trainings, events and 協議の場
 * (ADR 0017): loaded for a change only when the actor may write it (else not_found), created
 * with its audit row, edited against the version the form started from, deleted with a
 * snapshot. Each module keeps what is its own (values, child rows, reference checks) and
 * hands these the table. Every write passes the year-end lock's guard in its transaction
 * (ADR 0025): a record dated in a locked year changes only with a reason, kept as a restatement.
 */

type RecordTable = typeof meetings | typeof trainingEvents | typeof communityEvents | typeof kyogiBodies;
type Row<T extends RecordTable> = T["$inferSelect"];
/** The columns a record's module sets; the owner's prefecture, the id and the stamps are set here. */
type OwnColumns<T extends RecordTable> = Omit<T["$inferInsert"], "id" | "prefectureCode" | "version" | "createdBy" | "createdAt" | "updatedBy" | "updatedAt">;

export type RecordSpec<T extends RecordTable> = {
  table: T;
  entityType: AuditEntityType;
  /**
   * The dates that place a record in fiscal years (ADR 0025): a meeting's date, a 協議の場's
   * standing years. Called with the stored row and with the new values, so moving a record out
   * of a locked year counts as much as moving one in.
   */
  yearDates: (values: Partial<Row<T>>) => (string | null | undefined)[];
};

/** What the shared machinery (record-corrections.ts) needs to correct, delete or guard one record. */
function targetOf<T extends RecordTable>(spec: RecordSpec<T>, id: string, officeId: string | null, conflict: () => AppError): CorrectionTarget<T> {
  return { table: spec.table, audit: { entityType: spec.entityType, entityId: id }, officeId, yearDates: spec.yearDates, conflict };
}

export function ownerOf(table: RecordTable): OwnerColumns {
  return { prefectureCode: table.prefectureCode, officeId: table.officeId };
}

// drizzle's builders do not take a union of tables; each record table has the same id,
// owner, version and stamp columns, so one of them stands for the type.
const asTable = (table: RecordTable) => table as typeof meetings;

/** A record the actor may change, or not_found (also for one they can only read). */
export function loadWritableRecord<T extends RecordTable>(actor: Actor, table: T, id: string): Row<T> {
  requireActivityWrite(actor);
  const t = asTable(table);
  const row = getDb().select().from(t).where(and(eq(t.id, id), writableActivity(actor, ownerOf(table)))).get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return row as Row<T>;
}

/** Insert a new record owned by the actor's prefecture, its child rows and its audit row, in one transaction. */
export function insertRecord<T extends RecordTable>(
  actor: Actor,
  spec: RecordSpec<T>,
  columns: OwnColumns<T>,
  audit: Record<string, unknown>,
  children?: (tx: Tx, id: string) => void,
  restating: Restating = {},
): { id: string } {
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    const officeId = (columns as { officeId?: string | null }).officeId ?? null;
    guardRecord(tx, actor, targetOf(spec, id, officeId, () => new AppError("conflict", "errors.conflict")), "create", spec.yearDates(columns as Partial<Row<T>>), wholeRecord(audit, "after"), restating);
    tx.insert(asTable(spec.table))
      .values({ id, prefectureCode: actor.prefectureCode, ...(columns as OwnColumns<typeof meetings>), createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
      .run();
    children?.(tx, id);
    writeAudit(tx, actor, { action: "create", entityType: spec.entityType, entityId: id, detail: audit });
  });
  return { id };
}

/**
 * Save an edit of a loaded record. Nothing changed: nothing is written. Otherwise the update
 * names the version the form started from, so a save in between writes nothing and reports
 * what changed since `base`; the child rows and the audit row go in the same transaction.
 */
export function updateRecord<T extends RecordTable>(
  actor: Actor,
  spec: RecordSpec<T>,
  row: Row<T>,
  edit: { version: number; base?: string } & Restating,
  change: { current: Record<string, unknown>; next: Record<string, unknown>; set: Partial<OwnColumns<T>>; children?: (tx: Tx) => void },
): void {
  const officeId = (row as { officeId: string | null }).officeId;
  const conflict = () => staleSaveConflict(edit.base, change.current, { actor, entityType: spec.entityType, entityId: row.id });
  correctRecord(actor, targetOf(spec, row.id, officeId, conflict), row, edit.version, { current: change.current, next: change.next, set: change.set as Partial<T["$inferInsert"]>, after: change.children }, edit);
}

/**
 * Delete after confirmation, only at the version the actor saw (a newer save is never removed
 * unseen). `refuse` may stop it (a 協議の場 with sessions); the audit row keeps a snapshot of
 * what was deleted (the row, or the row with its child rows).
 */
export function deleteRecord<T extends RecordTable>(
  actor: Actor,
  spec: RecordSpec<T>,
  id: string,
  version: number,
  options: { refuse?: (row: Row<T>) => void; snapshot?: (row: Row<T>) => Record<string, unknown>; restatementReason?: string | null } = {},
): void {
  const row = loadWritableRecord(actor, spec.table, id);
  if (row.version !== version) throw new AppError("conflict", "activities.deleteConflict");
  options.refuse?.(row);
  const snapshot = options.snapshot ? options.snapshot(row) : row;
  const conflict = () => new AppError("conflict", "activities.deleteConflict");
  deleteLoggedRecord(actor, targetOf(spec, row.id, (row as { officeId: string | null }).officeId, conflict), row, version, snapshot as Record<string, unknown>, options);
}

/** The actor's most recent record they may still change: the form's defaults and "copy the previous one". */
export function latestOwnRecord<T extends RecordTable>(actor: Actor, table: T): Row<T> | undefined {
  const t = asTable(table);
  return getDb()
    .select()
    .from(t)
    .where(and(eq(t.createdBy, actor.id), writableActivity(actor, ownerOf(table))))
    .orderBy(desc(t.createdAt), desc(t.id))
    .get() as Row<T> | undefined;
}
