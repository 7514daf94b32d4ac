import "server-only";
import { and, between, count, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { carePlans, cases, caseTransfers, followUpChecks, hospitalizations, peerDispatches, trialStays } from "@/db/schema";
import { DISCHARGE_DESTINATION_LABELS, DISCHARGE_DESTINATIONS } from "@/lib/domain/case-codes";
import { addDays, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import {
  cohortMatured,
  cohortMaturesOn,
  communityDays,
  dischargedWithinMonths,
  followUpOnTime,
  longStay,
  mean,
  median,
  readmittedOverMonth,
  type Stay,
} from "@/lib/domain/indicators/case-outcomes";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { responsibleOfficeOn } from "../case-transfers";
import { type CountScope } from "../count-scope";
import { countOf, ja, notComputable, shareOf, type ComputeFn, type Computed, type IndicatorContext, type RecordGroup } from "./context";

/*
 * Case outcomes (C1–C13, brief §8.4): this programme's own measures over its discharge-support
 * cases, never the NDB rates. The arithmetic is in lib/domain/indicators/case-outcomes.ts; here
 * are the cohorts. A cohort measured some time after its event (C5, C7, C8) is computed only once
 * that time has passed for the whole cohort (right-censoring), and otherwise says from when.
 */

/**
 * The cases (of the query's row) whose event counts in the scope: the office responsible for the
 * case on the event's date `on` is one of the scope's (ADR 0032: a transfer takes effect on its
 * acceptance day, so the days before it stay with the sending office and a past or locked year's
 * figures never move), and the query's other `conditions` hold.
 */
export function caseResponsibleIn(scope: CountScope, on: SQL | AnySQLiteColumn, ...conditions: (SQL | undefined)[]): SQL {
  // The whole prefecture: a transfer goes to another office of the same prefecture (requestTransfer
  // offers no other), so the office responsible on any day is one of the prefecture's and the rule
  // holds for every case its offices hold. Without the rule's subquery and the senders' branch the
  // case-outcome queries cost about 40 % less (issue 14); tests/dal/indicators-trend.test.ts checks
  // the figures against the full rule with transfers in the data.
  if (scope.wholePrefecture) return and(inArray(cases.officeId, scope.offices), ...conditions)!;
  // SQLite tests the terms in this order: the caller's conditions (dates, types) come before the
  // rule's subquery, so it runs only for the rows they leave (issue 14: half the time of C1's query).
  return and(heldOrSentBy(scope), ...conditions, inArray(responsibleOfficeOn(on), scope.offices))!;
}

/**
 * What every case responsible in the scope on some day meets, in a form an index answers: held by
 * one of its offices now, or sent by one (an accepted transfer). The exact rule above is a
 * subquery per case, which alone would make SQLite read the country's cases (issue 14); this lets
 * it start from the scope's own (cases_office_phase_idx, case_transfers_from_idx).
 */
function heldOrSentBy(scope: CountScope): SQL {
  const sent = getDb()
    .select({ caseId: caseTransfers.caseId })
    .from(caseTransfers)
    .where(and(inArray(caseTransfers.fromOfficeId, scope.offices), eq(caseTransfers.status, "accepted")));
  return or(inArray(cases.officeId, scope.offices), inArray(cases.id, sent))!;
}

/**
 * A case supported in a year counts once, under the office responsible on the year's last day,
 * or on the case's end if it ended in the year (ADR 0032).
 */
const supportedOn = (yearEnd: string): SQL => sql`min(${yearEnd}, coalesce(${cases.endDate}, ${yearEnd}))`;

const year = (ctx: IndicatorContext) => fiscalYearRange(ctx.fiscalYear);
const caseGroup = (ids: string[]): RecordGroup[] => [{ kind: "case", ids }];

type CaseRow = {
  id: string;
  personId: string;
  supportStartDate: string;
  dischargeDate: string | null;
  dischargeDestination: string | null;
  indexAdmissionDate: string;
  endDate: string | null;
  endReason: string | null;
};

const caseColumns = {
  id: cases.id,
  personId: cases.personId,
  supportStartDate: cases.supportStartDate,
  dischargeDate: cases.dischargeDate,
  dischargeDestination: cases.dischargeDestination,
  indexAdmissionDate: cases.indexAdmissionDate,
  endDate: cases.endDate,
  endReason: cases.endReason,
};

/** The cases supported in a year (started by its end, not ended before its start) that count in the scope. */
export function supportedInYear(scope: CountScope, fiscalYear: number): SQL {
  const { start, end } = fiscalYearRange(fiscalYear);
  return caseResponsibleIn(scope, supportedOn(end), lte(cases.supportStartDate, end), or(isNull(cases.endDate), gte(cases.endDate, start)));
}

/** C1's cases: supported in the year (the dashboard's trend reads several years at once: trend.ts). */
function supportedCases(ctx: IndicatorContext): CaseRow[] {
  return ctx.memo("casesSupported", () => getDb().select(caseColumns).from(cases).where(supportedInYear(ctx.scope, ctx.fiscalYear)).orderBy(cases.supportStartDate, cases.id).all());
}

/** C2's cases: discharged in the year. */
function dischargedCases(ctx: IndicatorContext): CaseRow[] {
  return ctx.memo("casesDischarged", () => {
    const { start, end } = year(ctx);
    return getDb().select(caseColumns).from(cases).where(dischargedBetween(ctx.scope, start, end)).orderBy(cases.dischargeDate, cases.id).all();
  });
}

/** The cases discharged between two days that count in the scope: responsible on the day of discharge. */
export function dischargedBetween(scope: CountScope, start: string, end: string): SQL {
  return caseResponsibleIn(scope, cases.dischargeDate, between(cases.dischargeDate, start, end));
}

/**
 * C1 from its counts: the persons supported in the year, and of them those whose case started
 * before it (継続). The yearly figure counts them from the year's cases; the dashboard's trend
 * counts them in SQL for all its years at once (trend.ts). Its records are the year's cases.
 */
export function supportedFigure(ctx: IndicatorContext, all: number, continuing: number, records = () => caseGroup(supportedCases(ctx).map((r) => r.id))): Computed {
  return countOf(all, records, {
    breakdown: [
      { key: "new", label: ja("新規", "New"), value: all - continuing },
      { key: "continuing", label: ja("継続", "Continuing"), value: continuing },
    ],
  });
}

/** C2 from its count: the persons discharged in the year; its records are the year's discharged cases. */
export function dischargedFigure(ctx: IndicatorContext, personsDischarged: number): Computed {
  return countOf(personsDischarged, () => caseGroup(dischargedCases(ctx).map((r) => r.id)));
}

/** Readmissions (stays after the index stay) of the given cases. */
function readmissionsOf(caseIds: string[]): Map<string, Stay[]> {
  const rows = caseIds.length
    ? getDb()
        .select({ caseId: hospitalizations.caseId, admissionDate: hospitalizations.admissionDate, dischargeDate: hospitalizations.dischargeDate })
        .from(hospitalizations)
        .where(and(inArray(hospitalizations.caseId, caseIds), eq(hospitalizations.isIndex, false)))
        .all()
    : [];
  const byCase = new Map<string, Stay[]>();
  for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  return byCase;
}

const persons = (rows: readonly CaseRow[]) => new Set(rows.map((r) => r.personId)).size;

function notYet(ctx: IndicatorContext, after: { months: number } | { days: number }): Computed | null {
  if (cohortMatured(ctx.fiscalYear, after, ctx.today)) return null;
  const from = cohortMaturesOn(ctx.fiscalYear, after);
  return notComputable(ja(`年度内の全員について期間が経過していないため、まだ算出しません(${from}から算出)。`, `Not computed until the period has passed for the whole cohort (from ${from}).`), from);
}

function supportedWithin(months: 3 | 6 | 12): ComputeFn {
  return (ctx) => {
    const pending = notYet(ctx, { months });
    if (pending) return pending;
    const { start, end } = year(ctx);
    const cohort = supportedCases(ctx).filter((c) => c.supportStartDate >= start && c.supportStartDate <= end);
    const hit = cohort.filter((c) => dischargedWithinMonths(c.supportStartDate, c.dischargeDate, months));
    return shareOf(hit.length, cohort.length, () => caseGroup(cohort.map((c) => c.id)), { n: cohort.length });
  };
}

/** Discharged alive to the community: 死亡退院 is not a discharge into community life. */
function dischargedAlive(ctx: IndicatorContext): CaseRow[] {
  return dischargedCases(ctx).filter((c) => c.dischargeDestination !== "death");
}

/** The case ended by death within `days` after its discharge. */
function diedWithin(c: CaseRow, days: number): boolean {
  return c.endReason === "death" && c.endDate !== null && c.dischargeDate !== null && c.endDate <= addDays(c.dischargeDate, days);
}

function readmittedWithin(days: 90 | 180 | 365): ComputeFn {
  return (ctx) => {
    const pending = notYet(ctx, { days });
    if (pending) return pending;
    // Followed up for the whole window: a death within it leaves the denominator (as in C7).
    const cohort = dischargedAlive(ctx).filter((c) => !diedWithin(c, days));
    const stays = readmissionsOf(cohort.map((c) => c.id));
    const hit = cohort.filter((c) => readmittedOverMonth(c.dischargeDate!, stays.get(c.id) ?? [], days, ctx.today));
    return shareOf(hit.length, cohort.length, () => caseGroup(cohort.map((c) => c.id)), { n: cohort.length });
  };
}

function plansCreated(ctx: IndicatorContext) {
  return ctx.memo("glPlans", () => {
    const { start, end } = year(ctx);
    return getDb()
      .select({ id: carePlans.id, caseId: carePlans.caseId, status: carePlans.status, consentDate: carePlans.consentDate })
      .from(carePlans)
      .innerJoin(cases, eq(cases.id, carePlans.caseId))
      .where(caseResponsibleIn(ctx.scope, carePlans.createdDate, eq(carePlans.planType, "post_discharge_gl"), between(carePlans.createdDate, start, end)))
      .all();
  });
}

export const CASE_INDICATORS: Record<string, ComputeFn> = {
  C1: (ctx) => {
    const rows = supportedCases(ctx);
    const { start } = year(ctx);
    const continuing = new Set(rows.filter((r) => r.supportStartDate < start).map((r) => r.personId)).size;
    return supportedFigure(ctx, persons(rows), continuing, () => caseGroup(rows.map((r) => r.id)));
  },
  C2: (ctx) => dischargedFigure(ctx, persons(dischargedCases(ctx))),
  C3: (ctx) => {
    const rows = dischargedCases(ctx).filter((c) => longStay(c.indexAdmissionDate, c.dischargeDate!));
    return countOf(persons(rows), () => caseGroup(rows.map((r) => r.id)));
  },
  C4: (ctx) => {
    const { start } = year(ctx);
    // In hospital at some point of the year: not discharged before it began.
    const base = supportedCases(ctx).filter((c) => c.dischargeDate === null || c.dischargeDate >= start);
    const discharged = dischargedCases(ctx);
    return shareOf(persons(discharged), persons(base), () => caseGroup(base.map((c) => c.id)));
  },
  "C5.3m": supportedWithin(3),
  "C5.6m": supportedWithin(6),
  "C5.12m": supportedWithin(12),
  C6: (ctx) => {
    const rows = dischargedCases(ctx);
    return countOf(persons(rows), () => caseGroup(rows.map((r) => r.id)), {
      breakdown: DISCHARGE_DESTINATIONS.map((d) => ({ key: d, label: DISCHARGE_DESTINATION_LABELS[d], value: persons(rows.filter((r) => r.dischargeDestination === d)) })).filter((b) => b.value > 0),
    });
  },
  C7: (ctx) => {
    const pending = notYet(ctx, { days: 365 });
    if (pending) return pending;
    const alive = dischargedAlive(ctx);
    // A death within the year after discharge is reported apart, not averaged in.
    const died = alive.filter((c) => diedWithin(c, 365));
    const cohort = alive.filter((c) => !died.includes(c));
    const stays = readmissionsOf(cohort.map((c) => c.id));
    const days = cohort.map((c) => communityDays(c.dischargeDate!, stays.get(c.id) ?? []));
    const value = mean(days);
    return {
      value,
      n: cohort.length,
      ...(value === null ? { notComputable: { reason: ja("対象となる退院者がいません。", "No one was discharged in the year.") } } : {}),
      breakdown: [{ key: "deaths", label: ja("1年以内の死亡(除外)", "Deaths within the year (excluded)"), value: died.length }],
      records: () => caseGroup(cohort.map((c) => c.id)),
    };
  },
  "C8.90": readmittedWithin(90),
  "C8.180": readmittedWithin(180),
  "C8.365": readmittedWithin(365),
  C9: (ctx) => {
    const rows = dischargedCases(ctx);
    const value = median(rows.map((c) => daysBetween(c.supportStartDate, c.dischargeDate!)));
    return {
      value,
      n: rows.length,
      ...(value === null ? { notComputable: { reason: ja("年度内の退院者がいません。", "No one was discharged in the year.") } } : {}),
      records: () => caseGroup(rows.map((r) => r.id)),
    };
  },
  C10: (ctx) => {
    const s = trialStaySummary(ctx);
    return countOf(s.stays, () => caseGroup(s.caseIds));
  },
  "C10.nights": (ctx) => {
    const s = trialStaySummary(ctx);
    return countOf(s.nights, () => caseGroup(s.caseIds));
  },
  C11: (ctx) => countOf(plansCreated(ctx).length, () => caseGroup([...new Set(plansCreated(ctx).map((p) => p.caseId))])),
  "C11.consent": (ctx) => {
    const answered = plansCreated(ctx).filter((p) => p.status !== "proposed");
    return shareOf(answered.filter((p) => p.consentDate !== null).length, answered.length, () => caseGroup([...new Set(answered.map((p) => p.caseId))]));
  },
  "C11.ended_in_period": (ctx) => {
    const { start, end } = year(ctx);
    const ended = getDb()
      .select({ caseId: carePlans.caseId, endedOn: carePlans.endedOn, periodEnd: carePlans.periodEndDate })
      .from(carePlans)
      .innerJoin(cases, eq(cases.id, carePlans.caseId))
      .where(caseResponsibleIn(ctx.scope, carePlans.endedOn, eq(carePlans.planType, "post_discharge_gl"), eq(carePlans.status, "ended"), between(carePlans.endedOn, start, end), isNotNull(carePlans.periodEndDate)))
      .all();
    return shareOf(ended.filter((p) => p.endedOn! <= p.periodEnd!).length, ended.length, () => caseGroup([...new Set(ended.map((p) => p.caseId))]));
  },
  C12: (ctx) => {
    const rows = supportedCases(ctx);
    const { start, end } = year(ctx);
    const ids = rows.map((r) => r.id);
    const withPeer = new Set(
      ids.length
        ? getDb()
            .selectDistinct({ caseId: peerDispatches.caseId })
            .from(peerDispatches)
            .where(and(inArray(peerDispatches.caseId, ids), eq(peerDispatches.status, "done"), between(peerDispatches.date, start, end)))
            .all()
            .map((r) => r.caseId!)
        : [],
    );
    return shareOf(withPeer.size, rows.length, () => caseGroup([...withPeer]));
  },
  C13: (ctx) => {
    const { start, end } = year(ctx);
    // Only follow-ups whose 30 days of grace are over can be judged.
    const judgeableUntil = addDays(ctx.today, -30);
    const rows = getDb()
      .select({ caseId: followUpChecks.caseId, dueDate: followUpChecks.dueDate, checkedDate: followUpChecks.checkedDate })
      .from(followUpChecks)
      .innerJoin(cases, eq(cases.id, followUpChecks.caseId))
      .where(caseResponsibleIn(ctx.scope, followUpChecks.dueDate, between(followUpChecks.dueDate, start, end < judgeableUntil ? end : judgeableUntil)))
      .all();
    if (rows.length === 0 && start > judgeableUntil) {
      return notComputable(ja("この年度のフォローアップは、期日から30日たっていないためまだ判定できません。", "No follow-up of the year is 30 days past its due date yet."), addDays(start, 30));
    }
    return shareOf(rows.filter((r) => followUpOnTime(r.dueDate, r.checkedDate)).length, rows.length, () => caseGroup([...new Set(rows.map((r) => r.caseId))]));
  },
};

function trialStaySummary(ctx: IndicatorContext): { stays: number; nights: number; caseIds: string[] } {
  return ctx.memo("trialStays", () => {
    const { start, end } = year(ctx);
    const where = caseResponsibleIn(ctx.scope, trialStays.startDate, between(trialStays.startDate, start, end));
    // One statement: the stays, their nights and their cases (issue 14: the cases read once).
    const [totals] = getDb()
      .select({
        n: count(),
        nights: sql<number>`coalesce(sum(julianday(${trialStays.endDate}) - julianday(${trialStays.startDate})), 0)`,
        caseIds: sql<string>`json_group_array(DISTINCT ${trialStays.caseId})`,
      })
      .from(trialStays)
      .innerJoin(cases, eq(cases.id, trialStays.caseId))
      .where(where)
      .all();
    const caseIds = totals ? (JSON.parse(totals.caseIds) as string[]) : [];
    return { stays: totals?.n ?? 0, nights: Math.round(Number(totals?.nights ?? 0)), caseIds };
  });
}

