import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { cases } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { inReach } from "./scope";

/**
 * Shared gate of every case read and write: the role must hold the permission, and the
 * case's office must be in the actor's reach (checked in SQL). Anything else is the same
 * not_found a missing id gets.
 */
export function requireCasePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError("not_found", "errors.notFound");
}

export type CaseRow = typeof cases.$inferSelect;

export function loadCaseInReach(actor: Actor, caseId: string, permission: Permission = "read:case:reach"): CaseRow {
  requireCasePermission(actor, permission);
  const row = getDb()
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), inReach(actor, cases.officeId)))
    .get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return row;
}

/**
 * Every change inside a case bumps the case's version and touches its updated fields, so a
 * form open elsewhere learns that the case moved on; the audit row names the case.
 */
export function touchCase(tx: Tx, actor: Actor, row: CaseRow, expectedVersion: number | null, changes: Partial<CaseRow> = {}): void {
  const where = expectedVersion === null ? eq(cases.id, row.id) : and(eq(cases.id, row.id), eq(cases.version, expectedVersion));
  const result = tx
    .update(cases)
    .set({ ...changes, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
    .where(where)
    .run();
  if (result.changes === 0) throw new AppError("conflict", "errors.conflict");
}

export function auditCase(tx: Tx, actor: Actor, caseId: string, action: "create" | "update" | "delete" | "view", detail: Record<string, unknown>): void {
  writeAudit(tx, actor, { action, entityType: "case", entityId: caseId, detail });
}
