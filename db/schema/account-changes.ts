import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ACCOUNT_CHANGE_KINDS, ACCOUNT_CHANGE_STATUSES } from "@/lib/domain/codes";
import { prefectures } from "./org";
import { inList } from "./sql-helpers";
import { users } from "./users";

/**
 * An admin's change to an account that waits for a second person (ADR 0039): a supervisor of one of
 * `officeIds` or another admin of the prefecture approves or rejects it, once. `userVersion` is the
 * account's `version` when asked: a request for an account changed since is refused as stale.
 * A pending password reset keeps the new password's hash here (never the password), and drops it
 * once decided.
 */
export const accountChangeRequests = sqliteTable(
  "account_change_requests",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ACCOUNT_CHANGE_KINDS }).notNull(),
    status: text("status", { enum: ACCOUNT_CHANGE_STATUSES }).notNull().default("pending"),
    /** JSON array of the offices whose supervisors may approve (the account's, or the ones granted). */
    officeIds: text("office_ids").notNull(),
    /** JSON: the role and offices asked for (account_create, access_change). */
    change: text("change"),
    passwordHash: text("password_hash"),
    userVersion: integer("user_version").notNull(),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: text("requested_at").notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    reason: text("reason"),
  },
  (t) => [
    check("account_change_requests_kind", inList(t.kind, ACCOUNT_CHANGE_KINDS)),
    check("account_change_requests_status", inList(t.status, ACCOUNT_CHANGE_STATUSES)),
    check("account_change_requests_decided", sql`(${t.status} = 'pending') = (${t.decidedBy} IS NULL)`),
    check("account_change_requests_rejected_reason", sql`${t.status} <> 'rejected' OR length(trim(${t.reason})) > 0`),
    check("account_change_requests_secret", sql`${t.passwordHash} IS NULL OR (${t.kind} = 'password_reset' AND ${t.status} = 'pending')`),
    check("account_change_requests_office_ids", sql`json_valid(${t.officeIds}) AND json_type(${t.officeIds}) = 'array'`),
    index("account_change_requests_user_idx").on(t.userId),
    index("account_change_requests_prefecture_idx").on(t.prefectureCode, t.status),
    index("account_change_requests_requested_by_idx").on(t.requestedBy),
    index("account_change_requests_decided_by_idx").on(t.decidedBy),
    // One open request per account: a second waits until the first is decided.
    uniqueIndex("account_change_requests_one_pending_idx").on(t.userId).where(sql`status = 'pending'`),
  ],
);
