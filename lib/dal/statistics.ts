import "server-only";
import type { AuditEntityType } from "@/lib/domain/codes";
import { and, desc, eq, inArray, isNotNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { externalStatistics, externalStatisticValues } from "@/db/schema";
import { addDays } from "@/lib/domain/date-math";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { metricsOfTopic, STATISTIC_TOPICS, type StatisticMethod, type StatisticMetric, type StatisticTopic } from "@/lib/domain/statistic-codes";
import { setsInForce, sheetReferenceCutoff } from "@/lib/domain/statistic-rules";
import type { StatisticInput, StatisticUpdateInput } from "@/lib/validation/statistics";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { canManageIndicatorInputs, isUniqueViolation, requireIndicatorInputRead, requireIndicatorInputWrite } from "./indicator-input-access";
import { wholeRecord } from "./record-corrections";
import { inPrefecture } from "./scope";
import { inCodeOrder } from "./sql-text";
import { guardLockedYears } from "./year-close";

/*
 * External statistics (外部統計): one set per topic and reference date (or cohort year), with its
 * values as child rows (ADR 0021). The prefecture role enters its own prefecture's sets; every
 * other role but admin reads them. No person is named, so reads are not audited; every change
 * is, in the same transaction, and edits and deletes name the version they started from. A set
 * of a locked fiscal year changes only with a reason, kept as a restatement (ADR 0025).
 */

const ENTITY: AuditEntityType = "external_statistic";

export type StatisticValues = Partial<Record<StatisticMetric, number>>;

export type StatisticSet = {
  id: string;
  topic: StatisticTopic;
  asOf: string | null;
  cohortYear: number | null;
  method: StatisticMethod;
  sourceLabel: string;
  note: string | null;
  values: StatisticValues;
  version: number;
  updatedAt: string;
  /** The actor may change or delete it (the prefecture role). */
  canEdit: boolean;
};

export type StatisticFilter = { topic?: StatisticTopic };

type Row = typeof externalStatistics.$inferSelect;

function valuesOfSets(db: ReturnType<typeof getDb> | Tx, ids: string[]): Map<string, StatisticValues> {
  const out = new Map<string, StatisticValues>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  for (const v of db.select().from(externalStatisticValues).where(inArray(externalStatisticValues.statisticId, ids)).all()) {
    out.get(v.statisticId)![v.metric] = v.value;
  }
  return out;
}

function toSet(row: Row, values: StatisticValues, canEdit: boolean): StatisticSet {
  return {
    id: row.id,
    topic: row.topic,
    asOf: row.asOf,
    cohortYear: row.cohortYear,
    method: row.method,
    sourceLabel: row.sourceLabel,
    note: row.note,
    values,
    version: row.version,
    updatedAt: row.updatedAt,
    canEdit,
  };
}

/** Newest first within a topic: by reference date, or by cohort year. */
const newestFirst = [desc(sql`coalesce(${externalStatistics.asOf}, '')`), desc(sql`coalesce(${externalStatistics.cohortYear}, 0)`)];

/** Every set of the actor's prefecture, by topic (in code-list order), newest first. Not paged: a prefecture enters a few sets a year. */
export function listStatisticsForActor(actor: Actor, filter: StatisticFilter = {}): StatisticSet[] {
  requireIndicatorInputRead(actor);
  const db = getDb();
  const conditions: SQL[] = [inPrefecture(actor, externalStatistics.prefectureCode)];
  if (filter.topic) conditions.push(eq(externalStatistics.topic, filter.topic));
  const rows = db
    .select()
    .from(externalStatistics)
    .where(and(...conditions))
    .orderBy(inCodeOrder(externalStatistics.topic, STATISTIC_TOPICS), ...newestFirst)
    .all();
  const values = valuesOfSets(db, rows.map((r) => r.id));
  const canEdit = canManageIndicatorInputs(actor);
  return rows.map((r) => toSet(r, values.get(r.id)!, canEdit));
}

/** One set of the actor's prefecture; another prefecture's or a missing one: not_found. */
export function getStatisticForActor(actor: Actor, id: string): StatisticSet {
  requireIndicatorInputRead(actor);
  const db = getDb();
  const row = db
    .select()
    .from(externalStatistics)
    .where(and(eq(externalStatistics.id, id), inPrefecture(actor, externalStatistics.prefectureCode)))
    .get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return toSet(row, valuesOfSets(db, [id]).get(id)!, canManageIndicatorInputs(actor));
}

/** The set as its edit page opens it: not_found for a role that may not change it. */
export function getStatisticForEdit(actor: Actor, id: string): StatisticSet {
  requireIndicatorInputWrite(actor);
  return getStatisticForActor(actor, id);
}

/** A set's stored values as its form and a conflict report see them (each of the topic's values, null when empty). */
export function statisticFormValues(set: Pick<StatisticSet, "topic" | "asOf" | "cohortYear" | "method" | "sourceLabel" | "note" | "values">): Record<string, unknown> {
  return {
    topic: set.topic,
    asOf: set.asOf,
    cohortYear: set.cohortYear,
    method: set.method,
    sourceLabel: set.sourceLabel,
    note: set.note,
    ...Object.fromEntries(metricsOfTopic(set.topic).map((m) => [m, set.values[m] ?? null])),
  };
}

const duplicate = (input: { topic: StatisticTopic }) => {
  const field = input.topic === "discharge_rates" || input.topic === "community_days" ? "cohortYear" : "asOf";
  return new AppError("invalid", "indicatorInputs.validation.statistics.duplicate", { [field]: "indicatorInputs.validation.statistics.duplicate" });
};

/** Another set of the same topic and reference date (or cohort year) in the actor's prefecture. */
function findDuplicate(actor: Actor, input: StatisticInput, exceptId?: string): boolean {
  const reference = input.asOf !== null ? eq(externalStatistics.asOf, input.asOf) : eq(externalStatistics.cohortYear, input.cohortYear!);
  return !!getDb()
    .select({ id: externalStatistics.id })
    .from(externalStatistics)
    .where(and(inPrefecture(actor, externalStatistics.prefectureCode), eq(externalStatistics.topic, input.topic), reference, exceptId ? ne(externalStatistics.id, exceptId) : undefined))
    .get();
}

/**
 * The date that places a set in a fiscal year for the year-end lock (ADR 0025). The sheet of
 * fiscal year y uses sets dated up to (y+1)-04-01 (ADR 0021), so a dated set belongs to the
 * fiscal year of the day before its reference date (2020-04-01 → FY2019, 2020-04-02 → FY2020);
 * a cohort set to its cohort year.
 */
export function statisticYearDate(set: { asOf: string | null; cohortYear: number | null }): string | null {
  if (set.asOf) return addDays(set.asOf, -1);
  if (set.cohortYear !== null) return fiscalYearRange(set.cohortYear).start;
  return null;
}

/** A set's values without the empty ones, for a created or deleted set's restatement. */
const entered = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

function insertValues(tx: Tx, statisticId: string, values: StatisticValues): void {
  for (const [metric, value] of Object.entries(values) as [StatisticMetric, number][]) tx.insert(externalStatisticValues).values({ statisticId, metric, value }).run();
}

/** Run a write; a unique-index refusal (a concurrent save of the same set) reads as the duplicate message. */
function guarded<T>(input: StatisticInput, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input);
    throw error;
  }
}

export function createStatistic(actor: Actor, input: StatisticInput): { id: string } {
  requireIndicatorInputWrite(actor);
  if (findDuplicate(actor, input)) throw duplicate(input);
  const id = ulid();
  const now = new Date().toISOString();
  guarded(input, () =>
    getDb().transaction((tx) => {
      guardLockedYears(tx, actor, {
        entityType: ENTITY,
        entityId: id,
        officeId: null,
        action: "create",
        dates: [statisticYearDate(input)],
        changes: wholeRecord(entered(statisticFormValues(input)), "after"),
        reason: input.restatementReason,
      });
      tx.insert(externalStatistics)
        .values({
          id,
          prefectureCode: actor.prefectureCode,
          topic: input.topic,
          asOf: input.asOf,
          cohortYear: input.cohortYear,
          method: input.method,
          sourceLabel: input.sourceLabel,
          note: input.note,
          createdBy: actor.id,
          createdAt: now,
          updatedBy: actor.id,
          updatedAt: now,
        })
        .run();
      insertValues(tx, id, input.values);
      writeAudit(tx, actor, { action: "create", entityType: ENTITY, entityId: id, detail: { topic: input.topic, asOf: input.asOf, cohortYear: input.cohortYear, values: input.values } });
    }),
  );
  return { id };
}

/** The set as the actor may change it, or not_found (another prefecture's, missing, or a role that only reads). */
function loadWritable(actor: Actor, id: string): StatisticSet {
  requireIndicatorInputWrite(actor);
  return getStatisticForActor(actor, id);
}

/**
 * Save an edit. The topic of a set is fixed (its values are the topic's); a stale version writes
 * nothing and reports what changed since `base`. Nothing changed: nothing is written.
 */
export function updateStatistic(actor: Actor, input: StatisticUpdateInput): void {
  const set = loadWritable(actor, input.id);
  const current = statisticFormValues(set);
  if (set.version !== input.version) throw staleSaveConflict(input.base, current);
  if (input.topic !== set.topic) throw new AppError("invalid", "indicatorInputs.validation.statistics.topicFixed", { topic: "indicatorInputs.validation.statistics.topicFixed" });
  if (findDuplicate(actor, input, set.id)) throw duplicate(input);
  const next = statisticFormValues({ ...input, values: input.values });
  const changes = diffFields(current, next);
  if (Object.keys(changes).length === 0) return;
  guarded(input, () =>
    getDb().transaction((tx) => {
      const result = tx
        .update(externalStatistics)
        .set({ asOf: input.asOf, cohortYear: input.cohortYear, method: input.method, sourceLabel: input.sourceLabel, note: input.note, version: set.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
        .where(and(eq(externalStatistics.id, set.id), eq(externalStatistics.version, input.version), inPrefecture(actor, externalStatistics.prefectureCode)))
        .run();
      if (result.changes === 0) throw staleSaveConflict(input.base, current);
      // Old and new dates: moving a set out of a locked year changes that year's sheet too.
      guardLockedYears(tx, actor, {
        entityType: ENTITY,
        entityId: set.id,
        officeId: null,
        action: "update",
        dates: [statisticYearDate(set), statisticYearDate(input)],
        changes,
        reason: input.restatementReason,
      });
      tx.delete(externalStatisticValues).where(eq(externalStatisticValues.statisticId, set.id)).run();
      insertValues(tx, set.id, input.values);
      writeAudit(tx, actor, { action: "update", entityType: ENTITY, entityId: set.id, detail: { changes } });
    }),
  );
}

/**
 * Delete after confirmation, at the version the actor saw; the audit row keeps the set and its
 * values. A set of a locked year goes only with `restatementReason`.
 */
export function deleteStatistic(actor: Actor, id: string, version: number, restating: { restatementReason?: string | null } = {}): void {
  const set = loadWritable(actor, id);
  if (set.version !== version) throw new AppError("conflict", "indicatorInputs.common.deleteConflict");
  getDb().transaction((tx) => {
    const result = tx
      .delete(externalStatistics)
      .where(and(eq(externalStatistics.id, id), eq(externalStatistics.version, version), inPrefecture(actor, externalStatistics.prefectureCode)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "indicatorInputs.common.deleteConflict");
    guardLockedYears(tx, actor, {
      entityType: ENTITY,
      entityId: id,
      officeId: null,
      action: "delete",
      dates: [statisticYearDate(set)],
      changes: wholeRecord(entered(statisticFormValues(set)), "before"),
      reason: restating.restatementReason,
    });
    const { canEdit: _canEdit, ...snapshot } = set;
    writeAudit(tx, actor, { action: "delete", entityType: ENTITY, entityId: id, detail: { snapshot } });
  });
}

// ---------------------------------------------------------------------------------------
// For the indicator engine

/** One value of the set in force, with where it comes from (the sheet prints the date and source beside it). */
export type StatisticObservation = {
  statisticId: string;
  metric: StatisticMetric;
  value: number;
  asOf: string | null;
  cohortYear: number | null;
  method: StatisticMethod;
  sourceLabel: string;
  topic: StatisticTopic;
};

/** The sets a sheet of any of the years up to `lastFy` could use: nothing later is loaded. */
function setsUpTo(prefectureCode: string, lastFy: number): (Row & { values: StatisticValues })[] {
  const db = getDb();
  const rows = db
    .select()
    .from(externalStatistics)
    .where(
      and(
        eq(externalStatistics.prefectureCode, prefectureCode),
        or(and(isNotNull(externalStatistics.asOf), lte(externalStatistics.asOf, sheetReferenceCutoff(lastFy))), and(isNotNull(externalStatistics.cohortYear), lte(externalStatistics.cohortYear, lastFy))),
      ),
    )
    .all();
  const values = valuesOfSets(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, values: values.get(r.id)! }));
}

function observationsOf(sets: Iterable<Row & { values: StatisticValues }>): Map<StatisticMetric, StatisticObservation> {
  const out = new Map<StatisticMetric, StatisticObservation>();
  for (const s of sets) {
    for (const [metric, value] of Object.entries(s.values) as [StatisticMetric, number][]) {
      out.set(metric, { statisticId: s.id, metric, value, asOf: s.asOf, cohortYear: s.cohortYear, method: s.method, sourceLabel: s.sourceLabel, topic: s.topic });
    }
  }
  return out;
}

/**
 * The values the sheet of fiscal year `fiscalYear` shows, per metric, under the selection rule
 * of ADR 0021 (setsInForce: the latest reference date not after (fy+1)-04-01, the latest cohort
 * not after fy). All values of a metric's topic come from one set; a value the chosen set
 * leaves empty is absent (never filled from an older set).
 *
 * No permission check and no actor: the indicator engine calls this after its own checks of
 * the actor and the prefecture (read:indicator:reach, the actor's prefecture). Do not call it
 * from a page or action with a prefecture code taken from the request.
 */
export function statisticsInForce(prefectureCode: string, fiscalYear: number): Map<StatisticMetric, StatisticObservation> {
  return observationsOf(setsInForce(setsUpTo(prefectureCode, fiscalYear), fiscalYear).values());
}

/**
 * statisticsInForce for several fiscal years at once (a trend chart), with one query.
 * Same contract: the caller has checked the actor and the prefecture.
 */
export function statisticsInForceForYears(prefectureCode: string, fiscalYears: number[]): Map<number, Map<StatisticMetric, StatisticObservation>> {
  const out = new Map<number, Map<StatisticMetric, StatisticObservation>>();
  if (fiscalYears.length === 0) return out;
  const sets = setsUpTo(prefectureCode, Math.max(...fiscalYears));
  for (const fy of fiscalYears) out.set(fy, observationsOf(setsInForce(sets, fy).values()));
  return out;
}
