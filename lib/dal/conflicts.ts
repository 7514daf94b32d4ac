import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import type { AuditEntityType } from "@/lib/domain/codes";
import { jsonObject } from "@/lib/domain/json-object";
import type { Actor } from "./actor";
import { diffFields } from "./audit";
import { AppError, type SavedBy } from "./errors";

/**
 * The record a stale save was for, so the answer can name whose save won. A record logged under
 * another (a case's activity, an outreach case's contact) is audited on its parent with its own
 * id in the detail: `detailId` picks its rows.
 */
export type ConflictRecord = { actor: Actor; entityType: AuditEntityType; entityId: string; detailId?: string };

/**
 * The answer to a stale save (the record's version moved on since the form was loaded): nothing
 * is written, and the caller learns field by field what someone else changed since the values
 * the form was loaded with (`base`, JSON; anything else reads as nothing loaded, so every stored
 * field is reported), as `{ field: [loaded, now] }`. The user's own edits are not compared, so
 * they are never listed. Given the record, it also says whose save won (the last writer in the
 * audit trail): a colleague by name, or the user themself from another tab.
 */
export function staleSaveConflict(base: string | undefined, current: object, record?: ConflictRecord): AppError {
  return new AppError("conflict", "errors.conflict", {}, diffFields(jsonObject(base), current as Record<string, unknown>), record ? (lastSaver(record) ?? undefined) : undefined);
}

/**
 * The last writer of a record: its latest create or update audit row (written in the same
 * transaction as the change, so it is the save that moved the version). Null when the trail has
 * none (a record written by a migration or the seed without one).
 */
export function lastSaver({ actor, entityType, entityId, detailId }: ConflictRecord): SavedBy | null {
  const row = getDb()
    .select({ userId: auditLogs.actorUserId, username: auditLogs.actorUsername, name: users.displayName })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorUserId))
    .where(
      and(
        eq(auditLogs.entityType, entityType),
        eq(auditLogs.entityId, entityId),
        inArray(auditLogs.action, ["create", "update"]),
        detailId === undefined ? undefined : sql`json_extract(${auditLogs.detail}, '$.id') = ${detailId}`,
      ),
    )
    .orderBy(desc(auditLogs.at), desc(auditLogs.id))
    .get();
  if (!row) return null;
  if (row.userId === actor.id) return { self: true };
  return { self: false, name: row.name ?? row.username };
}
