import "server-only";
import type { AuditEntityType } from "@/lib/domain/codes";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, users } from "@/db/schema";

export type AuditTrailRow = { id: string; at: string; actorUsername: string; actorName: string | null; action: string; detail: string | null };

/**
 * The newest 200 audit rows naming one record (閲覧・変更履歴), with each actor's current display
 * name. Callers check the audit permission and the record's reach first.
 */
export function auditTrailOf(entityType: AuditEntityType, entityId: string): AuditTrailRow[] {
  return getDb()
    .select({ id: auditLogs.id, at: auditLogs.at, actorUsername: auditLogs.actorUsername, actorName: users.displayName, action: auditLogs.action, detail: auditLogs.detail })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorUserId))
    .where(and(eq(auditLogs.entityType, entityType), eq(auditLogs.entityId, entityId)))
    .orderBy(desc(auditLogs.id))
    .limit(200)
    .all();
}
