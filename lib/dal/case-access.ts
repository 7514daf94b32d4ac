import "server-only";
import type { Tx } from "@/db/client";
import type { cases } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { caseGate } from "./record-gate";

// Transitional names over the one gate (record-gate.ts); callers move to `caseGate` directly.

export type CaseRow = typeof cases.$inferSelect;
export const requireCasePermission = (actor: Actor, permission: Permission): void => caseGate.require(actor, permission);
export const loadCaseInReach = (actor: Actor, caseId: string, permission: Permission = "read:case:reach"): CaseRow => caseGate.load(actor, caseId, permission);
export const touchCase = (tx: Tx, actor: Actor, row: CaseRow, expectedVersion: number | null, changes: Partial<CaseRow> = {}): void =>
  caseGate.touch(tx, actor, row, expectedVersion, changes);
export const auditCase = (tx: Tx, actor: Actor, caseId: string, action: "create" | "update" | "delete" | "view", detail: Record<string, unknown>): void =>
  caseGate.audit(tx, actor, caseId, action, detail);
