import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COMPARATORS, PLAN_KINDS, SCOPE_LEVELS, STATISTIC_METHODS, STATISTIC_METRIC_KEYS, STATISTIC_TOPICS } from "@/lib/domain/statistic-codes";
import { healthCenters, prefectures, regions } from "./org";
import { editedRecordColumns, inList } from "./sql-helpers";

/*
 * What the 自治体情報シート needs besides the records: statistics published by others (外部統計),
 * plan periods, targets and the sheet's narrative text (具体的な成果・効果), and two yearly facts
 * no record holds (the 協議会's 精神部会, the hostel's unique users of the year). Indicator
 * definitions are code (lib/domain/indicators), so indicator codes here are checked by the DAL,
 * not by a CHECK: adding an indicator must not rebuild a table (ADR 0018).
 */

/**
 * One publication's figures for one reference date (as_of) or admission cohort (cohort_year):
 * the values are rows of external_statistic_values, validated together (buckets add up).
 */
export const externalStatistics = sqliteTable(
  "external_statistics",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    topic: text("topic", { enum: STATISTIC_TOPICS }).notNull(),
    /** Reference date (基準日): R4年4月1日, R3年6月30日 …; NULL for cohort figures. */
    asOf: text("as_of"),
    /** The admission cohort's fiscal year (H30 = 2018) for discharge rates and community days. */
    cohortYear: integer("cohort_year"),
    method: text("method", { enum: STATISTIC_METHODS }).notNull(),
    /** The source as the sheet prints it (「630調査」, 「H29年度NDBより」). */
    sourceLabel: text("source_label").notNull(),
    note: text("note"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("external_statistics_topic", inList(t.topic, STATISTIC_TOPICS)),
    check("external_statistics_method", inList(t.method, STATISTIC_METHODS)),
    check("external_statistics_as_of", sql`${t.asOf} IS NULL OR ${t.asOf} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`),
    check("external_statistics_reference", sql`(${t.asOf} IS NULL) <> (${t.cohortYear} IS NULL)`),
    uniqueIndex("external_statistics_unique_idx").on(t.prefectureCode, t.topic, sql`coalesce(${t.asOf}, '')`, sql`coalesce(${t.cohortYear}, 0)`),
    index("external_statistics_prefecture_idx").on(t.prefectureCode, t.topic),
  ],
);

export const externalStatisticValues = sqliteTable(
  "external_statistic_values",
  {
    statisticId: text("statistic_id")
      .notNull()
      .references(() => externalStatistics.id, { onDelete: "cascade" }),
    metric: text("metric", { enum: STATISTIC_METRIC_KEYS }).notNull(),
    value: real("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.statisticId, t.metric] }),
    check("external_statistic_values_metric", inList(t.metric, STATISTIC_METRIC_KEYS)),
    check("external_statistic_values_value", sql`${t.value} >= 0`),
  ],
);

/** 障害福祉計画 第6期 (FY2021–23), 第7期 (FY2024–26) …: national, loaded with the org tree. */
export const planPeriods = sqliteTable(
  "plan_periods",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: PLAN_KINDS }).notNull(),
    ordinal: integer("ordinal").notNull(),
    startFiscalYear: integer("start_fiscal_year").notNull(),
    endFiscalYear: integer("end_fiscal_year").notNull(),
    labelJa: text("label_ja").notNull(),
    labelEn: text("label_en").notNull(),
  },
  (t) => [
    check("plan_periods_kind", inList(t.kind, PLAN_KINDS)),
    check("plan_periods_years", sql`${t.startFiscalYear} <= ${t.endFiscalYear}`),
    uniqueIndex("plan_periods_kind_ordinal_idx").on(t.kind, t.ordinal),
  ],
);

/**
 * A target for an indicator at one scope: for a fiscal year (fiscal_year) or for the end of a
 * plan period (plan_period_id, fiscal_year = the period's last year). The comparator says how
 * the actual meets it; `increase` / `decrease` compare with the baseline.
 */
export const indicatorTargets = sqliteTable(
  "indicator_targets",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    indicatorCode: text("indicator_code").notNull(),
    scopeLevel: text("scope_level", { enum: SCOPE_LEVELS }).notNull(),
    regionId: text("region_id").references(() => regions.id),
    officeId: text("office_id").references(() => healthCenters.id),
    planPeriodId: text("plan_period_id").references(() => planPeriods.id),
    /** The fiscal year the target is for (年度末 targets: the last year of the period). */
    fiscalYear: integer("fiscal_year").notNull(),
    comparator: text("comparator", { enum: COMPARATORS }).notNull(),
    value: real("value"),
    /** Wording of a qualitative target, or how the sheet words a numeric one. */
    text: text("text"),
    baselineValue: real("baseline_value"),
    baselineFiscalYear: integer("baseline_fiscal_year"),
    /** Where the target comes from (「山口県障害福祉サービス実施計画」). */
    source: text("source"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("indicator_targets_scope_level", inList(t.scopeLevel, SCOPE_LEVELS)),
    check("indicator_targets_comparator", inList(t.comparator, COMPARATORS)),
    check(
      "indicator_targets_scope",
      sql`(${t.scopeLevel} = 'prefecture' AND ${t.regionId} IS NULL AND ${t.officeId} IS NULL)
        OR (${t.scopeLevel} = 'region' AND ${t.regionId} IS NOT NULL AND ${t.officeId} IS NULL)
        OR (${t.scopeLevel} = 'office' AND ${t.officeId} IS NOT NULL AND ${t.regionId} IS NULL)`,
    ),
    check(
      "indicator_targets_value",
      sql`(${t.comparator} = 'qualitative' AND ${t.text} IS NOT NULL)
        OR (${t.comparator} IN ('gte','lte','eq') AND ${t.value} IS NOT NULL)
        OR (${t.comparator} IN ('increase','decrease') AND ${t.baselineValue} IS NOT NULL)`,
    ),
    uniqueIndex("indicator_targets_unique_idx").on(t.prefectureCode, t.indicatorCode, t.scopeLevel, sql`coalesce(${t.regionId}, ${t.officeId}, '')`, t.fiscalYear),
    index("indicator_targets_lookup_idx").on(t.prefectureCode, t.indicatorCode, t.fiscalYear),
    index("indicator_targets_region_idx").on(t.regionId),
    index("indicator_targets_office_idx").on(t.officeId),
    index("indicator_targets_period_idx").on(t.planPeriodId),
  ],
);

/** The indicators a prefecture reports on its sheet, in its order and its own wording. */
export const sheetIndicators = sqliteTable(
  "sheet_indicators",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    indicatorCode: text("indicator_code").notNull(),
    sort: integer("sort").notNull(),
    /** The row's heading as the prefecture words it; NULL shows the indicator's own name. */
    heading: text("heading"),
    ...editedRecordColumns(),
  },
  (t) => [primaryKey({ columns: [t.prefectureCode, t.indicatorCode] })],
);

/** 具体的な成果・効果: the sheet's text beside an indicator, per fiscal year. */
export const indicatorNarratives = sqliteTable(
  "indicator_narratives",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    indicatorCode: text("indicator_code").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    text: text("text").notNull(),
    ...editedRecordColumns(),
  },
  (t) => [primaryKey({ columns: [t.prefectureCode, t.indicatorCode, t.fiscalYear] })],
);

/**
 * Yearly facts of the prefecture that no record holds: whether its (自立支援)協議会 has a
 * 精神部会 (a recorded fact, not inferred from meetings held), and the hostel's 利用者実数 for
 * the year (unique users cannot be summed from the monthly figures).
 */
export const prefectureYearFacts = sqliteTable(
  "prefecture_year_facts",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    fiscalYear: integer("fiscal_year").notNull(),
    jiritsuMhSubcommittee: integer("jiritsu_mh_subcommittee", { mode: "boolean" }),
    hostelUniqueUsers: integer("hostel_unique_users"),
    /**
     * The sheet's 協議の場 block as of 1 April after the year (山口県's 「R4年4月時点」 on its R3
     * sheet, read from the next year's municipal status row) rather than the year itself (岡山県's
     * 「R3年時点」).
     */
    kyogiAsOfNextApril: integer("kyogi_as_of_next_april", { mode: "boolean" }).notNull().default(false),
    ...editedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.prefectureCode, t.fiscalYear] }),
    check("prefecture_year_facts_hostel", sql`${t.hostelUniqueUsers} IS NULL OR ${t.hostelUniqueUsers} >= 0`),
  ],
);

/**
 * How often each prefecture's indicator inputs have changed (ADR 0055). Triggers (db/indicator-inputs.ts,
 * migration 0018) add one in the same transaction as every insert, update or delete of a table a figure
 * reads; "*" counts changes to tables every prefecture shares. lib/dal/indicators/figure-cache.ts keeps a
 * computed figure while the count it was computed at still stands. No row reads as 0.
 */
export const indicatorGenerations = sqliteTable("indicator_generations", {
  prefectureCode: text("prefecture_code").primaryKey(),
  generation: integer("generation").notNull(),
});
