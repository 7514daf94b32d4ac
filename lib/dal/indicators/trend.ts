import "server-only";
import { and, between, count, eq, gt, gte, inArray, isNotNull, lte, sql, sum, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { cases, kyogiBodies, meetings, municipalKyogiStatus, municipalities, outreachCases, peerDispatches, trainingAttendance, trainingEvents } from "@/db/schema";
import { KYOGI_LEVELS } from "@/lib/domain/activity-codes";
import { countsFrom } from "@/lib/domain/activity-rules";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { DISPATCH_STATUSES, PEER_PURPOSES } from "@/lib/domain/peer-codes";
import { trainingSummaryOf } from "../activity-summaries";
import { inScopeOffices, ownedRows, scopeMunicipalities, trainingRows } from "../count-scope";
import { countsPerCode } from "../sql-text";
import { dischargedBetween, dischargedFigure, supportedFigure, supportedInYear } from "./cases";
import type { IndicatorContext } from "./context";

/*
 * The dashboard's five-year trend (and one indicator's seven-year trend) read family by family,
 * every year at once (issue 14): one statement per summary family over all the trend's years
 * instead of each year's summaries run one year after another. Each year's result is handed to
 * its context under the key its yearly computation memoizes (context.ts), so the trend's figures
 * come out of the indicators' own functions:
 *  - C1, C2: the persons counted in SQL (the trend shows the figure; reading each year's cases
 *    whole cost three times the count), built by the same function as the yearly figure
 *    (supportedFigure, dischargedFigure) whose records are still the year's cases;
 *  - A9, A10, S3, A1: the rows the yearly summary reads, for every year, grouped by fiscal year.
 * A year counts a record by the yearly rule: C1 by each year's own condition (supportedInYear,
 * the responsibility rule of ADR 0032 depends on the year), a dated record by a CASE over the
 * years' ranges (ISO dates compare as text), an outreach case's span by a join with the years.
 * tests/dal/indicators-trend.test.ts checks every trend figure against the yearly one.
 *
 * Only contexts that have not yet read a family are filled: the year's own figures (computed
 * before the trend) keep the rows their yearly queries read.
 */

type Year = { fy: number; start: string; end: string };

/** The years as a table (fy, ys, ye) to join a span with. */
function yearsTable(years: readonly Year[]): SQL {
  return sql.join(
    years.map((y) => sql`SELECT ${y.fy} AS fy, ${y.start} AS ys, ${y.end} AS ye`),
    sql` UNION ALL `,
  );
}

/** The fiscal year of a dated record among the years (NULL outside them). */
function yearOf(column: AnySQLiteColumn, years: readonly Year[]): SQL<number> {
  return sql<number>`CASE ${sql.join(
    years.map((y) => sql`WHEN ${column} BETWEEN ${y.start} AND ${y.end} THEN ${y.fy}`),
    sql` `,
  )} END`;
}

function span(years: readonly Year[]): { first: string; last: string } {
  return { first: years[0]!.start, last: years[years.length - 1]!.end };
}

function byYear<R extends { fy: number }>(rows: readonly R[]): Map<number, R[]> {
  const out = new Map<number, R[]>();
  for (const r of rows) {
    const list = out.get(Number(r.fy));
    if (list) list.push(r);
    else out.set(Number(r.fy), [r]);
  }
  return out;
}

/** A family: the memo key its yearly summary uses and how to read it for several years at once. */
type Family = { key: string; codes: readonly string[]; read: (contexts: IndicatorContext[], years: Year[]) => Map<number, unknown> };

const FAMILIES: Family[] = [
  {
    // C1: the persons of the cases supported in the year (supportedInYear: responsible, ADR 0032,
    // on the year's last day or the case's end), counted in SQL: the trend shows the figure, not
    // the rows (reading each year's cases whole cost three times the count).
    key: "indicator:C1",
    codes: ["C1"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      // Each year's own condition, its plan unchanged, in one statement.
      const rows = getDb().all<{ fy: number; persons: number; continuing: number }>(
        sql.join(
          years.map(
            (y) =>
              sql`SELECT ${y.fy} AS fy, count(DISTINCT ${cases.personId}) AS persons, count(DISTINCT CASE WHEN ${cases.supportStartDate} < ${y.start} THEN ${cases.personId} END) AS continuing FROM ${cases} WHERE ${supportedInYear(scope, y.fy)}`,
          ),
          sql` UNION ALL `,
        ),
      );
      const perYear = new Map(rows.map((r) => [Number(r.fy), r]));
      return new Map(
        contexts.map((ctx) => {
          const r = perYear.get(ctx.fiscalYear) ?? { persons: 0, continuing: 0 };
          return [ctx.fiscalYear, supportedFigure(ctx, r.persons, r.continuing)];
        }),
      );
    },
  },
  {
    // C2: the persons of the cases discharged in the year, responsible on the day of discharge.
    key: "indicator:C2",
    codes: ["C2"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      const { first, last } = span(years);
      const fy = yearOf(cases.dischargeDate, years);
      const rows = getDb()
        .select({ fy, persons: sql<number>`count(DISTINCT ${cases.personId})` })
        .from(cases)
        .where(dischargedBetween(scope, first, last))
        .groupBy(fy)
        .all();
      const perYear = new Map(rows.map((r) => [Number(r.fy), r.persons]));
      return new Map(contexts.map((ctx) => [ctx.fiscalYear, dischargedFigure(ctx, perYear.get(ctx.fiscalYear) ?? 0)]));
    },
  },
  {
    // A9: the dispatches by status, the 実施 ones by purpose (dispatchCountsIn).
    key: "dispatchCounts",
    codes: ["A9"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      const { first, last } = span(years);
      const fy = yearOf(peerDispatches.date, years);
      const ofYears = and(inScopeOffices(scope, peerDispatches.officeId), gte(peerDispatches.date, first), lte(peerDispatches.date, last));
      const statuses = byYear(getDb().select({ fy, code: peerDispatches.status, n: count() }).from(peerDispatches).where(ofYears).groupBy(fy, peerDispatches.status).all());
      const purposes = byYear(
        getDb()
          .select({ fy, code: peerDispatches.purpose, n: count() })
          .from(peerDispatches)
          .where(and(ofYears, eq(peerDispatches.status, "done")))
          .groupBy(fy, peerDispatches.purpose)
          .all(),
      );
      return new Map(years.map((y) => [y.fy, { byStatus: countsPerCode(DISPATCH_STATUSES, statuses.get(y.fy) ?? []), byPurpose: countsPerCode(PEER_PURPOSES, purposes.get(y.fy) ?? []) }]));
    },
  },
  {
    // A10: the persons of outreach cases supported in the year (outreachPersonsIn).
    key: "outreachPersons",
    codes: ["A10"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      const rows = getDb().all<{ fy: number; persons: number; continuing: number }>(
        sql`SELECT y.fy AS fy, count(DISTINCT ${outreachCases.personId}) AS persons, count(DISTINCT CASE WHEN ${outreachCases.startDate} < y.ys THEN ${outreachCases.personId} END) AS continuing
            FROM ${outreachCases} CROSS JOIN (${yearsTable(years)}) AS y
            WHERE ${and(inScopeOffices(scope, outreachCases.officeId), isNotNull(outreachCases.startDate), lte(outreachCases.startDate, span(years).last))}
              AND ${outreachCases.startDate} <= y.ye AND (${outreachCases.endDate} IS NULL OR ${outreachCases.endDate} >= y.ys)
            GROUP BY y.fy`,
      );
      const perYear = new Map(rows.map((r) => [Number(r.fy), r]));
      return new Map(
        years.map((y) => {
          const r = perYear.get(y.fy) ?? { persons: 0, continuing: 0 };
          return [y.fy, { persons: r.persons, continuingPersons: r.continuing, newPersons: r.persons - r.continuing }];
        }),
      );
    },
  },
  {
    // S3 (and A6): the trainings by kind and scope, the attendance by profession (trainingSummaryIn).
    key: "trainings",
    codes: ["S3"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      const { first, last } = span(years);
      const fy = yearOf(trainingEvents.date, years);
      const where = and(trainingRows(scope), between(trainingEvents.date, first, last));
      const rows = byYear(
        getDb()
          .select({ fy, kind: trainingEvents.kind, scope: trainingEvents.scope, n: count(), sessions: sum(trainingEvents.sessions).mapWith(Number) })
          .from(trainingEvents)
          .where(where)
          .groupBy(fy, trainingEvents.kind, trainingEvents.scope)
          .all(),
      );
      const attendance = byYear(
        getDb()
          .select({ fy, key: trainingAttendance.profession, n: sum(trainingAttendance.count).mapWith(Number) })
          .from(trainingAttendance)
          .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendance.trainingEventId))
          .where(where)
          .groupBy(fy, trainingAttendance.profession)
          .all(),
      );
      return new Map(years.map((y) => [y.fy, trainingSummaryOf(y.fy, rows.get(y.fy) ?? [], attendance.get(y.fy) ?? [])]));
    },
  },
  {
    // A1: the 協議の場 sessions by the body's level (kyogiSessionsByLevelIn).
    key: "kyogiSessions",
    codes: ["A1"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      const { first, last } = span(years);
      const fy = yearOf(meetings.date, years);
      const rows = byYear(
        getDb()
          .select({ fy, key: kyogiBodies.level, n: count() })
          .from(meetings)
          .innerJoin(kyogiBodies, eq(kyogiBodies.id, meetings.kyogiBodyId))
          .where(and(ownedRows(scope, { prefectureCode: meetings.prefectureCode, officeId: meetings.officeId, regionId: meetings.regionId }), between(meetings.date, first, last)))
          .groupBy(fy, kyogiBodies.level)
          .all(),
      );
      return new Map(years.map((y) => [y.fy, countsFrom(KYOGI_LEVELS, rows.get(y.fy) ?? [])]));
    },
  },
  {
    // A1's municipal part: the meetings held that the municipal status rows record.
    key: "municipalHeld",
    codes: ["A1"],
    read: (contexts, years) => {
      const scope = contexts[0]!.scope;
      const rows = byYear(
        getDb()
          .select({ fy: municipalKyogiStatus.fiscalYear, code: municipalKyogiStatus.municipalityCode, n: municipalKyogiStatus.meetingsHeld })
          .from(municipalKyogiStatus)
          .innerJoin(municipalities, eq(municipalities.code, municipalKyogiStatus.municipalityCode))
          .where(
            and(
              scopeMunicipalities(scope),
              inArray(
                municipalKyogiStatus.fiscalYear,
                years.map((y) => y.fy),
              ),
              gt(municipalKyogiStatus.meetingsHeld, 0),
            ),
          )
          .all(),
      );
      return new Map(
        years.map((y) => {
          const r = rows.get(y.fy) ?? [];
          return [y.fy, { total: r.reduce((s, x) => s + (x.n ?? 0), 0), codes: r.map((x) => x.code) }];
        }),
      );
    },
  },
];

/**
 * Fill the contexts (one scope, the trend's years) with the summaries the given indicators read,
 * one query per family for all the years that lack it. Contexts must share one scope.
 */
export function prefetchTrend(contexts: readonly IndicatorContext[], codes: readonly string[]): void {
  for (const family of FAMILIES) {
    if (!family.codes.some((c) => codes.includes(c))) continue;
    const missing = contexts.filter((ctx) => !ctx.has(family.key));
    if (missing.length < 2) continue;
    const years = missing.map((ctx) => ({ fy: ctx.fiscalYear, ...fiscalYearRange(ctx.fiscalYear) })).sort((a, b) => a.fy - b.fy);
    const values = family.read(missing, years);
    for (const ctx of missing) ctx.seed(family.key, values.get(ctx.fiscalYear));
  }
}
