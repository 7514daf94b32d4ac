import "server-only";
import type { AuditEntityType } from "@/lib/domain/codes";
import { and, asc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { healthCenters, indicatorTargets, planPeriods, regions } from "@/db/schema";
import type { Label } from "@/lib/domain/codes";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { INDICATORS, isIndicatorCode } from "@/lib/domain/indicators/definitions";
import type { IndicatorTarget } from "@/lib/domain/indicators/types";
import { SCOPE_LEVELS, type Comparator } from "@/lib/domain/statistic-codes";
import { targetInForce } from "@/lib/domain/statistic-rules";
import { scopeValue, type TargetInput, type TargetScope, type TargetUpdateInput } from "@/lib/validation/indicator-targets";
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
 * Targets (目標値) of the indicators, per scope (the prefecture, one of its regions or offices)
 * and fiscal year, or for the end of a plan period (ADR 0021). The prefecture role sets them for
 * its own prefecture; every other role but admin reads them. Every change is audited in its
 * transaction and version-checked. A target of a locked fiscal year (its `fiscalYear`, for a plan
 * period the period's last year) changes only with a reason, kept as a restatement (ADR 0025).
 */

const ENTITY: AuditEntityType = "indicator_target";

export type TargetRow = {
  id: string;
  indicatorCode: string;
  scope: TargetScope;
  /** The region's or office's name; null for the prefecture. */
  scopeName: string | null;
  planPeriodId: string | null;
  planPeriodLabel: Label | null;
  fiscalYear: number;
  comparator: Comparator;
  value: number | null;
  text: string | null;
  baselineValue: number | null;
  baselineFiscalYear: number | null;
  source: string | null;
  version: number;
  updatedAt: string;
  canEdit: boolean;
};

export type TargetFilter = { indicatorCode?: string; scope?: TargetScope; fiscalYear?: number };

const selection = {
  row: indicatorTargets,
  regionName: regions.name,
  officeName: healthCenters.name,
  periodJa: planPeriods.labelJa,
  periodEn: planPeriods.labelEn,
  periodStart: planPeriods.startFiscalYear,
  periodEnd: planPeriods.endFiscalYear,
};

type Selected = {
  row: typeof indicatorTargets.$inferSelect;
  regionName: string | null;
  officeName: string | null;
  periodJa: string | null;
  periodEn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
};

function scopeOf(row: typeof indicatorTargets.$inferSelect): TargetScope {
  if (row.scopeLevel === "region") return { level: "region", regionId: row.regionId! };
  if (row.scopeLevel === "office") return { level: "office", officeId: row.officeId! };
  return { level: "prefecture" };
}

function toRow(s: Selected, canEdit: boolean): TargetRow {
  const r = s.row;
  return {
    id: r.id,
    indicatorCode: r.indicatorCode,
    scope: scopeOf(r),
    scopeName: s.regionName ?? s.officeName ?? null,
    planPeriodId: r.planPeriodId,
    planPeriodLabel: s.periodJa && s.periodEn ? { ja: s.periodJa, en: s.periodEn } : null,
    fiscalYear: r.fiscalYear,
    comparator: r.comparator,
    value: r.value,
    text: r.text,
    baselineValue: r.baselineValue,
    baselineFiscalYear: r.baselineFiscalYear,
    source: r.source,
    version: r.version,
    updatedAt: r.updatedAt,
    canEdit,
  };
}

function selectTargets() {
  return getDb()
    .select(selection)
    .from(indicatorTargets)
    .leftJoin(regions, eq(regions.id, indicatorTargets.regionId))
    .leftJoin(healthCenters, eq(healthCenters.id, indicatorTargets.officeId))
    .leftJoin(planPeriods, eq(planPeriods.id, indicatorTargets.planPeriodId));
}

function scopeConditions(scope: TargetScope): SQL[] {
  if (scope.level === "region") return [eq(indicatorTargets.scopeLevel, "region"), eq(indicatorTargets.regionId, scope.regionId)];
  if (scope.level === "office") return [eq(indicatorTargets.scopeLevel, "office"), eq(indicatorTargets.officeId, scope.officeId)];
  return [eq(indicatorTargets.scopeLevel, "prefecture")];
}

/** The actor's prefecture's targets, in registry order, then by scope and year. Not paged: a prefecture sets a few dozen. */
export function listTargetsForActor(actor: Actor, filter: TargetFilter = {}): TargetRow[] {
  requireIndicatorInputRead(actor);
  const conditions: SQL[] = [inPrefecture(actor, indicatorTargets.prefectureCode)];
  if (filter.indicatorCode) conditions.push(eq(indicatorTargets.indicatorCode, filter.indicatorCode));
  if (filter.scope) conditions.push(...scopeConditions(filter.scope));
  if (filter.fiscalYear) conditions.push(eq(indicatorTargets.fiscalYear, filter.fiscalYear));
  const canEdit = canManageIndicatorInputs(actor);
  return selectTargets()
    .where(and(...conditions))
    .orderBy(
      inCodeOrder(indicatorTargets.indicatorCode, INDICATORS.map((d) => d.code)),
      inCodeOrder(indicatorTargets.scopeLevel, SCOPE_LEVELS),
      asc(sql`coalesce(${regions.sort}, ${healthCenters.sort}, 0)`),
      asc(indicatorTargets.fiscalYear),
    )
    .all()
    .map((s) => toRow(s, canEdit));
}

/** One target of the actor's prefecture; another prefecture's or a missing one: not_found. */
export function getTargetForActor(actor: Actor, id: string): TargetRow {
  requireIndicatorInputRead(actor);
  const found = selectTargets()
    .where(and(eq(indicatorTargets.id, id), inPrefecture(actor, indicatorTargets.prefectureCode)))
    .get();
  if (!found) throw new AppError("not_found", "errors.notFound");
  return toRow(found, canManageIndicatorInputs(actor));
}

/** The target as its edit page opens it: not_found for a role that may not change it. */
export function getTargetForEdit(actor: Actor, id: string): TargetRow {
  requireIndicatorInputWrite(actor);
  return getTargetForActor(actor, id);
}

/** A target's stored values as its form and a conflict report see them. */
export function targetFormValues(t: Pick<TargetRow, "indicatorCode" | "scope" | "planPeriodId" | "fiscalYear" | "comparator" | "value" | "text" | "baselineValue" | "baselineFiscalYear" | "source">): Record<string, unknown> {
  return {
    indicatorCode: t.indicatorCode,
    scope: scopeValue(t.scope),
    planPeriodId: t.planPeriodId,
    fiscalYear: t.fiscalYear,
    comparator: t.comparator,
    value: t.value,
    text: t.text,
    baselineValue: t.baselineValue,
    baselineFiscalYear: t.baselineFiscalYear,
    source: t.source,
  };
}

export type PlanPeriodOption = { id: string; startFiscalYear: number; endFiscalYear: number; label: Label };

export type TargetFormOptions = {
  regions: { id: string; name: string }[];
  offices: { id: string; name: string }[];
  planPeriods: PlanPeriodOption[];
};

/** The scopes a target can be set for (the actor's prefecture's regions and offices) and the plan periods. */
export function getTargetFormOptionsForActor(actor: Actor): TargetFormOptions {
  requireIndicatorInputRead(actor);
  const db = getDb();
  return {
    regions: db.select({ id: regions.id, name: regions.name }).from(regions).where(inPrefecture(actor, regions.prefectureCode)).orderBy(asc(regions.sort)).all(),
    offices: db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(inPrefecture(actor, healthCenters.prefectureCode)).orderBy(asc(healthCenters.sort)).all(),
    planPeriods: db
      .select()
      .from(planPeriods)
      .orderBy(asc(planPeriods.kind), asc(planPeriods.ordinal))
      .all()
      .map((p) => ({ id: p.id, startFiscalYear: p.startFiscalYear, endFiscalYear: p.endFiscalYear, label: { ja: p.labelJa, en: p.labelEn } })),
  };
}

const invalid = (field: string, key: string) => new AppError("invalid", key, { [field]: key });

/**
 * What the form names, checked against the database: the indicator is in the registry, the
 * region or office is one of the actor's prefecture, the plan period exists (its last year is
 * then the target's year).
 */
function resolve(actor: Actor, input: TargetInput): { scopeLevel: TargetScope["level"]; regionId: string | null; officeId: string | null; planPeriodId: string | null; fiscalYear: number } {
  if (!isIndicatorCode(input.indicatorCode)) throw invalid("indicatorCode", "indicatorInputs.validation.targets.indicatorUnknown");
  const db = getDb();
  const scope = input.scope;
  if (scope.level === "region" && !db.select({ id: regions.id }).from(regions).where(and(eq(regions.id, scope.regionId), inPrefecture(actor, regions.prefectureCode))).get()) {
    throw invalid("scope", "indicatorInputs.validation.targets.scopeInvalid");
  }
  if (scope.level === "office" && !db.select({ id: healthCenters.id }).from(healthCenters).where(and(eq(healthCenters.id, scope.officeId), inPrefecture(actor, healthCenters.prefectureCode))).get()) {
    throw invalid("scope", "indicatorInputs.validation.targets.scopeInvalid");
  }
  let fiscalYear = input.fiscalYear;
  if (input.planPeriodId) {
    const period = db.select().from(planPeriods).where(eq(planPeriods.id, input.planPeriodId)).get();
    if (!period) throw invalid("planPeriodId", "indicatorInputs.validation.targets.planPeriodInvalid");
    fiscalYear = period.endFiscalYear;
    if (input.baselineFiscalYear !== null && input.baselineFiscalYear >= fiscalYear) throw invalid("baselineFiscalYear", "indicatorInputs.validation.targets.baselineNotBefore");
  }
  if (fiscalYear === null) throw invalid("fiscalYear", "indicatorInputs.validation.targets.fiscalYearRequired");
  return {
    scopeLevel: scope.level,
    regionId: scope.level === "region" ? scope.regionId : null,
    officeId: scope.level === "office" ? scope.officeId : null,
    planPeriodId: input.planPeriodId,
    fiscalYear,
  };
}

type Resolved = ReturnType<typeof resolve>;

const duplicate = (input: TargetInput) =>
  invalid(input.planPeriodId ? "planPeriodId" : "fiscalYear", "indicatorInputs.validation.targets.duplicate");

function findDuplicate(actor: Actor, input: TargetInput, r: Resolved, exceptId?: string): boolean {
  return !!getDb()
    .select({ id: indicatorTargets.id })
    .from(indicatorTargets)
    .where(
      and(
        inPrefecture(actor, indicatorTargets.prefectureCode),
        eq(indicatorTargets.indicatorCode, input.indicatorCode),
        eq(indicatorTargets.scopeLevel, r.scopeLevel),
        r.regionId ? eq(indicatorTargets.regionId, r.regionId) : isNull(indicatorTargets.regionId),
        r.officeId ? eq(indicatorTargets.officeId, r.officeId) : isNull(indicatorTargets.officeId),
        eq(indicatorTargets.fiscalYear, r.fiscalYear),
        exceptId ? ne(indicatorTargets.id, exceptId) : undefined,
      ),
    )
    .get();
}

function columnsOf(input: TargetInput, r: Resolved) {
  return {
    indicatorCode: input.indicatorCode,
    ...r,
    comparator: input.comparator,
    value: input.value,
    text: input.text,
    baselineValue: input.baselineValue,
    baselineFiscalYear: input.baselineFiscalYear,
    source: input.source,
  };
}

/** The date that places a target in a fiscal year for the lock: its year's first day. */
const yearDate = (fiscalYear: number) => fiscalYearRange(fiscalYear).start;

/** The office a restatement of the target is kept under: the office of an office-scope target, else none. */
const officeOf = (scope: TargetScope) => (scope.level === "office" ? scope.officeId : null);

/** A target's values without the empty ones, for a created or deleted target's restatement. */
const entered = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

function guarded<T>(input: TargetInput, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input);
    throw error;
  }
}

export function createTarget(actor: Actor, input: TargetInput): { id: string } {
  requireIndicatorInputWrite(actor);
  const r = resolve(actor, input);
  if (findDuplicate(actor, input, r)) throw duplicate(input);
  const id = ulid();
  const now = new Date().toISOString();
  const columns = columnsOf(input, r);
  guarded(input, () =>
    getDb().transaction((tx) => {
      guardLockedYears(tx, actor, {
        entityType: ENTITY,
        entityId: id,
        officeId: officeOf(input.scope),
        action: "create",
        dates: [yearDate(r.fiscalYear)],
        changes: wholeRecord(entered(targetFormValues({ ...columns, scope: input.scope })), "after"),
        reason: input.restatementReason,
      });
      tx.insert(indicatorTargets)
        .values({ id, prefectureCode: actor.prefectureCode, ...columns, createdBy: actor.id, createdAt: now, updatedBy: actor.id, updatedAt: now })
        .run();
      writeAudit(tx, actor, { action: "create", entityType: ENTITY, entityId: id, detail: columns });
    }),
  );
  return { id };
}

function loadWritable(actor: Actor, id: string): TargetRow {
  requireIndicatorInputWrite(actor);
  return getTargetForActor(actor, id);
}

/** Save an edit; a stale version writes nothing and reports what changed since `base`. */
export function updateTarget(actor: Actor, input: TargetUpdateInput): void {
  const row = loadWritable(actor, input.id);
  const current = targetFormValues(row);
  if (row.version !== input.version) throw staleSaveConflict(input.base, current);
  const r = resolve(actor, input);
  if (findDuplicate(actor, input, r, row.id)) throw duplicate(input);
  const columns = columnsOf(input, r);
  const next = targetFormValues({ ...columns, scope: input.scope });
  const changes = diffFields(current, next);
  if (Object.keys(changes).length === 0) return;
  guarded(input, () =>
    getDb().transaction((tx) => {
      const result = tx
        .update(indicatorTargets)
        .set({ ...columns, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
        .where(and(eq(indicatorTargets.id, row.id), eq(indicatorTargets.version, input.version), inPrefecture(actor, indicatorTargets.prefectureCode)))
        .run();
      if (result.changes === 0) throw staleSaveConflict(input.base, current);
      // Old and new years: moving a target out of a locked year changes that year's sheet too.
      guardLockedYears(tx, actor, {
        entityType: ENTITY,
        entityId: row.id,
        officeId: officeOf(input.scope) ?? officeOf(row.scope),
        action: "update",
        dates: [yearDate(row.fiscalYear), yearDate(r.fiscalYear)],
        changes,
        reason: input.restatementReason,
      });
      writeAudit(tx, actor, { action: "update", entityType: ENTITY, entityId: row.id, detail: { changes } });
    }),
  );
}

/**
 * Delete after confirmation, at the version the actor saw; the audit row keeps the target. A
 * target of a locked year goes only with `restatementReason`.
 */
export function deleteTarget(actor: Actor, id: string, version: number, restating: { restatementReason?: string | null } = {}): void {
  const row = loadWritable(actor, id);
  if (row.version !== version) throw new AppError("conflict", "indicatorInputs.common.deleteConflict");
  getDb().transaction((tx) => {
    const result = tx
      .delete(indicatorTargets)
      .where(and(eq(indicatorTargets.id, id), eq(indicatorTargets.version, version), inPrefecture(actor, indicatorTargets.prefectureCode)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "indicatorInputs.common.deleteConflict");
    guardLockedYears(tx, actor, {
      entityType: ENTITY,
      entityId: id,
      officeId: officeOf(row.scope),
      action: "delete",
      dates: [yearDate(row.fiscalYear)],
      changes: wholeRecord(entered(targetFormValues(row)), "before"),
      reason: restating.restatementReason,
    });
    writeAudit(tx, actor, { action: "delete", entityType: ENTITY, entityId: id, detail: { snapshot: { ...targetFormValues(row), planPeriodLabel: row.planPeriodLabel } } });
  });
}

// ---------------------------------------------------------------------------------------
// For the indicator engine

/**
 * The target each indicator is measured against on the sheet of `fiscalYear`, at one scope, under
 * the rule of ADR 0021 (targetInForce): the target for exactly that year; else the earliest
 * later target whose plan period contains the year; else none (the indicator is absent).
 *
 * No permission check and no actor: the indicator engine calls this after its own checks of
 * the actor, the prefecture and the scope (read:indicator:reach; a region or office of that
 * prefecture). Do not call it with a prefecture or scope taken from the request unchecked.
 */
export function targetsInForce(prefectureCode: string, fiscalYear: number, scope: TargetScope): Map<string, IndicatorTarget> {
  const rows = selectTargets()
    .where(and(eq(indicatorTargets.prefectureCode, prefectureCode), ...scopeConditions(scope), sql`${indicatorTargets.fiscalYear} >= ${fiscalYear}`))
    .all();
  const byCode = new Map<string, (Selected & { fiscalYear: number; period: { startFiscalYear: number; endFiscalYear: number } | null })[]>();
  for (const s of rows) {
    const list = byCode.get(s.row.indicatorCode) ?? [];
    list.push({ ...s, fiscalYear: s.row.fiscalYear, period: s.periodStart !== null && s.periodEnd !== null ? { startFiscalYear: s.periodStart, endFiscalYear: s.periodEnd } : null });
    byCode.set(s.row.indicatorCode, list);
  }
  const out = new Map<string, IndicatorTarget>();
  for (const [code, candidates] of byCode) {
    const chosen = targetInForce(candidates, fiscalYear);
    if (!chosen) continue;
    const r = chosen.row;
    out.set(code, {
      id: r.id,
      fiscalYear: r.fiscalYear,
      comparator: r.comparator,
      value: r.value,
      text: r.text,
      baselineValue: r.baselineValue,
      baselineFiscalYear: r.baselineFiscalYear,
      source: r.source,
      planPeriodLabel: chosen.periodJa && chosen.periodEn ? { ja: chosen.periodJa, en: chosen.periodEn } : null,
    });
  }
  return out;
}
