import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { RESTATEMENT_ACTIONS, YEAR_LOCK_ACTIONS } from "@/lib/domain/year-close";
import { healthCenters, prefectures } from "./org";
import { inList } from "./sql-helpers";

/*
 * The year-end close (年度締め, ADR 0025): an office's sign-off of its figures for a fiscal year,
 * the prefecture's lock of the year with every lock and unlock kept, and the restatements (訂正)
 * that changes to records of a locked year leave behind. None of these rows is ever deleted;
 * an unlock leaves the restatements made while the year was locked where they are.
 */

const fiscalYearCheck = (name: string, column: AnySQLiteColumn) => check(name, sql`${column} BETWEEN 2000 AND 2099`);

/** 確認: a supervisor signs off an office's figures for a fiscal year, once. */
export const yearSignoffs = sqliteTable(
  "year_signoffs",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    fiscalYear: integer("fiscal_year").notNull(),
    note: text("note"),
    signedBy: text("signed_by").notNull(),
    signedAt: text("signed_at").notNull(),
  },
  (t) => [
    fiscalYearCheck("year_signoffs_fiscal_year", t.fiscalYear),
    uniqueIndex("year_signoffs_office_year_idx").on(t.officeId, t.fiscalYear),
    index("year_signoffs_prefecture_year_idx").on(t.prefectureCode, t.fiscalYear),
  ],
);

/**
 * Whether a prefecture's fiscal year is locked now (one row per year ever locked; an unlock
 * sets `locked` to 0). The guard of every gated write reads this table.
 */
export const yearLocks = sqliteTable(
  "year_locks",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    fiscalYear: integer("fiscal_year").notNull(),
    locked: integer("locked", { mode: "boolean" }).notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefectureCode, t.fiscalYear] }), fiscalYearCheck("year_locks_fiscal_year", t.fiscalYear)],
);

/** Every lock and unlock of a year, with who and when; an unlock always says why. */
export const yearLockEvents = sqliteTable(
  "year_lock_events",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    fiscalYear: integer("fiscal_year").notNull(),
    action: text("action", { enum: YEAR_LOCK_ACTIONS }).notNull(),
    reason: text("reason"),
    actedBy: text("acted_by").notNull(),
    actedAt: text("acted_at").notNull(),
  },
  (t) => [
    check("year_lock_events_action", inList(t.action, YEAR_LOCK_ACTIONS)),
    check("year_lock_events_reason", sql`${t.action} = 'lock' OR length(trim(coalesce(${t.reason}, ''))) > 0`),
    fiscalYearCheck("year_lock_events_fiscal_year", t.fiscalYear),
    index("year_lock_events_prefecture_year_idx").on(t.prefectureCode, t.fiscalYear),
  ],
);

/**
 * 訂正: one change to a record dated in a locked year, per locked year it touched. `changes` is
 * JSON `{ field: [before, after] }` (a create has no before, a delete no after). `entity_type` is
 * an audit entity type (lib/domain/codes.ts) and, like audit_logs.entity_type, has no CHECK: a
 * new record type must not rebuild this table (ADR 0018).
 */
export const restatements = sqliteTable(
  "restatements",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    /** The office that owns the record; NULL for the prefecture's own records. */
    officeId: text("office_id").references(() => healthCenters.id),
    fiscalYear: integer("fiscal_year").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action", { enum: RESTATEMENT_ACTIONS }).notNull(),
    changes: text("changes").notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("restatements_action", inList(t.action, RESTATEMENT_ACTIONS)),
    check("restatements_reason", sql`length(trim(${t.reason})) > 0`),
    fiscalYearCheck("restatements_fiscal_year", t.fiscalYear),
    index("restatements_prefecture_year_idx").on(t.prefectureCode, t.fiscalYear),
    index("restatements_office_idx").on(t.officeId),
    index("restatements_entity_idx").on(t.entityType, t.entityId),
  ],
);
