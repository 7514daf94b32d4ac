import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { HEALTH_CENTER_KINDS, MUNICIPALITY_KINDS } from "@/lib/domain/codes";
import { inList } from "./sql-helpers";

/** 都道府県, keyed by the 2-digit JIS code ("33" = 岡山県). */
export const prefectures = sqliteTable(
  "prefectures",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (t) => [check("prefectures_code_format", sql`length(${t.code}) = 2`)],
);

/** 障害保健福祉圏域: the planning regions a prefecture is divided into. */
export const regions = sqliteTable(
  "regions",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    code: text("code").notNull(),
    name: text("name").notNull(),
    sort: integer("sort").notNull(),
  },
  (t) => [index("regions_prefecture_idx").on(t.prefectureCode)],
);

/** Health-centre offices (保健所 / 健康福祉センター); a 支所 points at its parent office. */
export const healthCenters = sqliteTable(
  "health_centers",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    parentId: text("parent_id").references((): AnySQLiteColumn => healthCenters.id),
    code: text("code").notNull(),
    kind: text("kind", { enum: HEALTH_CENTER_KINDS }).notNull(),
    name: text("name").notNull(),
    /**
     * The office part of case numbers ("BZ" in 33-BZ-2024-0012), unique within the prefecture.
     * Its format is checked where offices are loaded (a CHECK would force SQLite to rebuild the table).
     */
    casePrefix: text("case_prefix").notNull().default(""),
    sort: integer("sort").notNull(),
  },
  (t) => [
    uniqueIndex("health_centers_prefecture_case_prefix_idx").on(t.prefectureCode, t.casePrefix),
    check("health_centers_kind", inList(t.kind, HEALTH_CENTER_KINDS)),
    // Only a branch has a parent, and a branch always has one.
    check(
      "health_centers_branch_parent",
      sql`(${t.kind} = 'prefectural_branch') = (${t.parentId} IS NOT NULL)`,
    ),
    index("health_centers_prefecture_idx").on(t.prefectureCode),
    index("health_centers_region_idx").on(t.regionId),
    index("health_centers_parent_idx").on(t.parentId),
  ],
);

/** 市町村, keyed by the 6-digit 全国地方公共団体コード (with check digit). */
export const municipalities = sqliteTable(
  "municipalities",
  {
    code: text("code").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    healthCenterId: text("health_center_id")
      .notNull()
      .references(() => healthCenters.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: MUNICIPALITY_KINDS }).notNull(),
    sort: integer("sort").notNull(),
  },
  (t) => [
    check("municipalities_code_format", sql`${t.code} GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'`),
    check("municipalities_kind", inList(t.kind, MUNICIPALITY_KINDS)),
    index("municipalities_prefecture_idx").on(t.prefectureCode),
    index("municipalities_region_idx").on(t.regionId),
    index("municipalities_health_center_idx").on(t.healthCenterId),
  ],
);
