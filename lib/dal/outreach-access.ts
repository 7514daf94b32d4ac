import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { outreachCases } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { inReach } from "./scope";

/*
 * The gate of every outreach read and write: the role must hold the permission and the
 * case's referring office must be in the actor's reach (checked in SQL). Anything else is the
 * same not_found a missing id gets, so nobody learns that a case exists elsewhere.
 */

export function requireOutreachPermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError("not_found", "errors.notFound");
}

export type OutreachCaseRow = typeof outreachCases.$inferSelect;

export function loadOutreachCaseInReach(actor: Actor, id: string, permission: Permission = "read:outreach:reach"): OutreachCaseRow {
  requireOutreachPermission(actor, permission);
  const row = getDb()
    .select()
    .from(outreachCases)
    .where(and(eq(outreachCases.id, id), inReach(actor, outreachCases.officeId)))
    .get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return row;
}

/**
 * Change the case row only if it is still at `expectedVersion`, bumping the version, so a form
 * open elsewhere learns the case moved on. Zero rows changed means someone saved first.
 */
export function touchOutreachCase(tx: Tx, actor: Actor, row: OutreachCaseRow, expectedVersion: number, changes: Partial<OutreachCaseRow> = {}): void {
  const result = tx
    .update(outreachCases)
    .set({ ...changes, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
    .where(and(eq(outreachCases.id, row.id), eq(outreachCases.version, expectedVersion)))
    .run();
  if (result.changes === 0) throw new AppError("conflict", "errors.conflict");
}

/** Every audit row of an outreach case names it, so the 閲覧・変更履歴 panel finds them all. */
export function auditOutreachCase(tx: Tx, actor: Actor, id: string, action: "create" | "update" | "delete" | "view", detail: Record<string, unknown>): void {
  writeAudit(tx, actor, { action, entityType: "outreach_case", entityId: id, detail });
}
