import { index, integer, sqliteTable, text, check, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AUDIT_ACTIONS } from "@/lib/domain/codes";
import { inList } from "./sql-helpers";

/**
 * Append-only audit trail. Triggers in the migrations refuse UPDATE and DELETE, and the
 * data-access layer has no path that issues either. Rows are written in the same
 * transaction as the change they describe.
 *
 * Tamper evidence (ADR 0035): each row carries its place in a hash chain (`chain_seq`, 1, 2, …)
 * and an HMAC over its content and the previous row's `chain_hash`, keyed outside the database
 * (lib/dal/audit-chain.ts). `npm run audit:verify` recomputes the chain.
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
    /** The row's place in the chain; null only for rows written before migration 0012 and not yet chained. */
    chainSeq: integer("chain_seq"),
    /** HMAC-SHA256 (hex) over the previous row's chain_hash and this row's content. */
    chainHash: text("chain_hash"),
  },
  (t) => [
    check("audit_logs_action", inList(t.action, AUDIT_ACTIONS)),
    index("audit_logs_at_idx").on(t.at),
    index("audit_logs_actor_idx").on(t.actorUserId),
    index("audit_logs_entity_idx").on(t.entityType, t.entityId),
    index("audit_logs_prefecture_idx").on(t.prefectureCode),
    uniqueIndex("audit_logs_chain_seq_idx").on(t.chainSeq),
  ],
);
