import { index, sqliteTable, text, check } from "drizzle-orm/sqlite-core";
import { AUDIT_ACTIONS } from "@/lib/domain/codes";
import { inList } from "./sql-helpers";

/**
 * Append-only audit trail. Triggers in the migrations refuse UPDATE and DELETE, and the
 * data-access layer has no path that issues either. Rows are written in the same
 * transaction as the change they describe.
 */
export const auditLogs = sqliteTable(
  "audit_logs",
  {
    id: text("id").primaryKey(),
    at: text("at").notNull(),
    /** Not a foreign key: failed sign-ins name users that may not exist. */
    actorUserId: text("actor_user_id"),
    actorUsername: text("actor_username").notNull(),
    actorRole: text("actor_role"),
    prefectureCode: text("prefecture_code"),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    /** JSON: the diff of a change, the filter of an export, the reason of a failure. */
    detail: text("detail"),
    ip: text("ip"),
  },
  (t) => [
    check("audit_logs_action", inList(t.action, AUDIT_ACTIONS)),
    index("audit_logs_at_idx").on(t.at),
    index("audit_logs_actor_idx").on(t.actorUserId),
    index("audit_logs_entity_idx").on(t.entityType, t.entityId),
    index("audit_logs_prefecture_idx").on(t.prefectureCode),
  ],
);
