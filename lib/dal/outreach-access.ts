import "server-only";
import type { Tx } from "@/db/client";
import type { outreachCases } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { outreachGate } from "./record-gate";

// Transitional names over the one gate (record-gate.ts); callers move to `outreachGate` directly.

export type OutreachCaseRow = typeof outreachCases.$inferSelect;
export const requireOutreachPermission = (actor: Actor, permission: Permission): void => outreachGate.require(actor, permission);
export const loadOutreachCaseInReach = (actor: Actor, id: string, permission: Permission = "read:outreach:reach"): OutreachCaseRow => outreachGate.load(actor, id, permission);
export const touchOutreachCase = (tx: Tx, actor: Actor, row: OutreachCaseRow, expectedVersion: number, changes: Partial<OutreachCaseRow> = {}): void =>
  outreachGate.touch(tx, actor, row, expectedVersion, changes);
export const auditOutreachCase = (tx: Tx, actor: Actor, id: string, action: "create" | "update" | "delete" | "view", detail: Record<string, unknown>): void =>
  outreachGate.audit(tx, actor, id, action, detail);
