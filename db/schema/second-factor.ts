import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * A user's TOTP second factor (RFC 6238, ADR 0037). The secret is stored encrypted (AES-256-GCM,
 * key outside the database: lib/auth/totp-key.ts). `confirmedAt` is null while enrolment waits
 * for its first valid code; only a confirmed row is a second factor. `lastUsedStep` is the last
 * accepted time step: a code of that step or an earlier one is never accepted again.
 */
export const secondFactors = sqliteTable(
  "second_factors",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    secretEnc: text("secret_enc").notNull(),
    confirmedAt: text("confirmed_at"),
    lastUsedStep: integer("last_used_step"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
);

/** Single-use recovery codes: only a keyed hash (HMAC-SHA256) is kept; `usedAt` marks a spent one. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const SIGN_IN_STAGES = ["code", "enrol", "enrolled", "grant"] as const;

/**
 * A sign-in half done. After the password: `code` (enter the TOTP or a recovery code) or `enrol`
 * (set up the second factor first); the browser holds the token in an HttpOnly cookie and only its
 * SHA-256 is stored. `grant`: every factor passed; consumed once by Auth.js's authorize(), never
 * sent to the browser. Bound to the user's sessionVersion; short-lived; `failedCount` kills it
 * after too many wrong codes.
 */
export const signInChallenges = sqliteTable(
  "sign_in_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionVersion: integer("session_version").notNull(),
    stage: text("stage", { enum: SIGN_IN_STAGES }).notNull(),
    failedCount: integer("failed_count").notNull().default(0),
    expiresAt: text("expires_at").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("sign_in_challenges_stage", sql`${t.stage} IN ('code', 'enrol', 'enrolled', 'grant')`),
    check("sign_in_challenges_failed_count", sql`${t.failedCount} >= 0`),
    index("sign_in_challenges_user_idx").on(t.userId),
    index("sign_in_challenges_expires_idx").on(t.expiresAt),
  ],
);

/** Facts about the database itself, e.g. `demo_data` (it holds demo data: ADR 0038). */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
