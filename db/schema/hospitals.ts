import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { municipalities, prefectures } from "./org";

/**
 * Psychiatric hospitals (精神科病院), one master list per prefecture, kept by its admins.
 * Demo hospitals have invented names. Rows are deactivated, never deleted, because cases
 * refer to them.
 */
export const hospitals = sqliteTable(
  "hospitals",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    name: text("name").notNull(),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    psychBeds: integer("psych_beds"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    check("hospitals_psych_beds", sql`${t.psychBeds} IS NULL OR ${t.psychBeds} >= 0`),
    uniqueIndex("hospitals_prefecture_name_idx").on(t.prefectureCode, t.name),
    index("hospitals_municipality_idx").on(t.municipalityCode),
  ],
);
