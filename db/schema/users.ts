import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "@/lib/domain/codes";
import { healthCenters, prefectures } from "./org";
import { inList } from "./sql-helpers";

/** Staff accounts. Every account belongs to exactly one prefecture. */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Bumped on deactivation and password change; a session carrying an older value is dead. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** Optimistic-locking counter for edits made by admins. */
    version: integer("version").notNull().default(1),
    /**
     * The password was set by an admin (create or reset): it is one-time, and the account can do
     * nothing but change it (ADR 0039).
     */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    lastSignInAt: text("last_sign_in_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    check("users_role", inList(t.role, ROLES)),
    check("users_username_format", sql`${t.username} NOT GLOB '*[^a-z0-9._-]*' AND length(${t.username}) BETWEEN 3 AND 64`),
    index("users_prefecture_idx").on(t.prefectureCode),
    index("users_role_idx").on(t.role),
  ],
);

/** The offices a coordinator or supervisor works for. Prefecture and admin roles have none. */
export const userOffices = sqliteTable(
  "user_offices",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    healthCenterId: text("health_center_id")
      .notNull()
      .references(() => healthCenters.id),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.healthCenterId] }),
    index("user_offices_health_center_idx").on(t.healthCenterId),
  ],
);

/**
 * Failed sign-in attempts, keyed by the username typed (existing or not), so that the
 * lockout behaves the same for unknown names and does not reveal which accounts exist.
 */
export const loginThrottles = sqliteTable(
  "login_throttles",
  {
    username: text("username").primaryKey(),
    failedCount: integer("failed_count").notNull(),
    lastFailedAt: text("last_failed_at").notNull(),
    lockedUntil: text("locked_until"),
  },
  (t) => [check("login_throttles_failed_count", sql`${t.failedCount} >= 0`)],
);

/**
 * Sessions ended by sign-out. A session token carries a random id; a token whose id is
 * listed here is dead even though its signature and expiry are still good (a copied cookie,
 * or a response still in flight when the user signed out). Rows older than a day are purged:
 * by then every token they could match has expired on its own.
 */
export const revokedSessions = sqliteTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    revokedAt: text("revoked_at").notNull(),
  },
  (t) => [index("revoked_sessions_user_idx").on(t.userId), index("revoked_sessions_revoked_at_idx").on(t.revokedAt)],
);
