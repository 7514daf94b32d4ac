import "server-only";
import { fullName, fullKana } from "@/lib/domain/person-name";
import { aliasedTable, and, asc, count, eq, exists, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  carePlans,
  cases,
  followUpChecks,
  healthCenters,
  hospitals,
  personIdentities,
  users,
} from "@/db/schema";
import { PHASES, type Phase } from "@/lib/domain/case-codes";
import { STALE_AFTER_DAYS } from "@/lib/domain/case-metrics";
import { addDays } from "@/lib/domain/date-math";
import { todayIso } from "@/lib/domain/fiscal-year";
import type { Actor } from "./actor";
import { auditView } from "./audit";
import { caseGate } from "./record-gate";
import { pageByKana } from "./name-order";
import { onePage, type Page, type PageRequest } from "./pagination";
import { countsPerCode, inCodeOrder, openDuringFiscalYear, personOrCodeMatches } from "./sql-text";

/*
 * The case lists: one page of the cases in reach with counts per phase (names shown, so each
 * page is audited), the supervisor's caseload and attention lists, and the home page's counts
 * (no names). The flags (overdue follow-up, overdue review, stale, no consent) are one SQL each,
 * so a list, a count and the home page cannot disagree. The case's own life is in cases.ts.
 */

/** Care-plan statuses still running (a review can fall due). */
export const OPEN_PLAN_STATUSES = ["drafting", "active", "extended"] as const;

// ---------------------------------------------------------------------------------------
// Lists

export const CASE_SORT_KEYS = ["caseNo", "kana", "phase", "referralDate", "supportStartDate", "lastActivityDate"] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];
export const CASE_FLAGS = ["overdue_follow_up", "overdue_review", "stale", "no_consent"] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

export type CaseFilter = {
  mine?: boolean;
  /** Open cases only (the lists' default, as the home page counts them): closed ones left out. */
  openOnly?: boolean;
  phase?: Phase;
  coordinatorId?: string;
  hospitalId?: string;
  /** Cases active at some point of this fiscal year. */
  fiscalYear?: number;
  flag?: CaseFlag;
  /** Kana (any form) or part of a case number. */
  q?: string;
};

export type CaseListRow = {
  id: string;
  caseNo: string;
  name: string;
  kana: string;
  phase: Phase;
  officeName: string;
  coordinatorName: string;
  hospitalName: string;
  referralDate: string;
  supportStartDate: string;
  lastActivityDate: string | null;
  overdueFollowUp: boolean;
  overdueReview: boolean;
  stale: boolean;
  noConsent: boolean;
};

function overdueFollowUpSql(today: string): SQL {
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(followUpChecks)
      .where(and(eq(followUpChecks.caseId, cases.id), isNull(followUpChecks.checkedDate), lt(followUpChecks.dueDate, today))),
  );
}
function overdueReviewSql(today: string): SQL {
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(carePlans)
      .where(and(eq(carePlans.caseId, cases.id), inArray(carePlans.status, [...OPEN_PLAN_STATUSES]), lt(carePlans.reviewDueDate, today))),
  );
}
function staleSql(today: string): SQL {
  return and(ne(cases.phase, "closed"), or(isNull(cases.lastActivityDate), lt(cases.lastActivityDate, addDays(today, -STALE_AFTER_DAYS))))!;
}
function noConsentSql(): SQL {
  return and(ne(cases.phase, "closed"), isNull(cases.consentDate))!;
}

function caseConditions(actor: Actor, filter: CaseFilter, today: string, withPhase: boolean): SQL {
  const conditions: (SQL | undefined)[] = [caseGate.inReach(actor)];
  if (filter.mine) conditions.push(eq(cases.coordinatorUserId, actor.id));
  if (filter.openOnly) conditions.push(ne(cases.phase, "closed"));
  if (withPhase && filter.phase) conditions.push(eq(cases.phase, filter.phase));
  if (filter.coordinatorId) conditions.push(eq(cases.coordinatorUserId, filter.coordinatorId));
  if (filter.hospitalId) conditions.push(eq(cases.hospitalId, filter.hospitalId));
  if (filter.fiscalYear) {
    conditions.push(openDuringFiscalYear(cases.supportStartDate, cases.endDate, filter.fiscalYear));
  }
  // Overdue work only counts on open cases (a closed case has nothing left to follow up).
  if (filter.flag === "overdue_follow_up") conditions.push(ne(cases.phase, "closed"), overdueFollowUpSql(today));
  if (filter.flag === "overdue_review") conditions.push(ne(cases.phase, "closed"), overdueReviewSql(today));
  if (filter.flag === "stale") conditions.push(staleSql(today));
  if (filter.flag === "no_consent") conditions.push(noConsentSql());
  const q = filter.q?.trim();
  if (q) conditions.push(personOrCodeMatches(q, personIdentities, cases.caseNo));
  return and(...conditions)!;
}

const coordinator = aliasedTable(users, "coordinator");

/**
 * One page of the cases the actor's role reaches, with the counts per phase of the same
 * filter (ignoring its phase). Names are shown, so the list view is audited once per page.
 */
export function listCasesForActor(
  actor: Actor,
  req: PageRequest<CaseSortKey>,
  filter: CaseFilter,
): Page<CaseListRow> & { phaseCounts: Record<Phase, number> } {
  caseGate.require(actor, "read:identity:reach");
  const db = getDb();
  const today = todayIso();
  const where = caseConditions(actor, filter, today, true);
  const order = {
    caseNo: cases.caseNo,
    // Sorted in the application (ADR 0040): see below.
    kana: cases.caseNo,
    phase: inCodeOrder(cases.phase, PHASES),
    referralDate: cases.referralDate,
    supportStartDate: cases.supportStartDate,
    lastActivityDate: cases.lastActivityDate,
  }[req.sort];
  const base = () =>
    db
      .select({
        id: cases.id,
        caseNo: cases.caseNo,
        familyName: personIdentities.familyName,
        givenName: personIdentities.givenName,
        familyNameKana: personIdentities.familyNameKana,
        givenNameKana: personIdentities.givenNameKana,
        phase: cases.phase,
        officeName: healthCenters.name,
        coordinatorName: coordinator.displayName,
        hospitalName: hospitals.name,
        referralDate: cases.referralDate,
        supportStartDate: cases.supportStartDate,
        lastActivityDate: cases.lastActivityDate,
        consentDate: cases.consentDate,
        overdueFollowUp: sql<number>`${overdueFollowUpSql(today)}`,
        overdueReview: sql<number>`${overdueReviewSql(today)}`,
      })
      .from(cases)
      .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
      .innerJoin(healthCenters, eq(healthCenters.id, cases.officeId))
      .innerJoin(coordinator, eq(coordinator.id, cases.coordinatorUserId))
      .innerJoin(hospitals, eq(hospitals.id, cases.hospitalId));
  const rows =
    req.sort === "kana"
      ? pageByKana(
          db.select({ id: cases.id, tiebreak: cases.caseNo, familyNameKana: personIdentities.familyNameKana, givenNameKana: personIdentities.givenNameKana }).from(cases).innerJoin(personIdentities, eq(personIdentities.personId, cases.personId)).where(where).all(),
          req,
          (ids) => base().where(and(where, inArray(cases.id, ids))).all(),
        )
      : onePage(base().where(where), req, order, asc(cases.caseNo));
  const countFrom = () => db.select({ n: count() }).from(cases).innerJoin(personIdentities, eq(personIdentities.personId, cases.personId));
  const [{ n: total }] = countFrom().where(where).all() as [{ n: number }];
  const perPhase = db
    .select({ code: cases.phase, n: count() })
    .from(cases)
    .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
    .where(caseConditions(actor, filter, today, false))
    .groupBy(cases.phase)
    .all();
  const phaseCounts = countsPerCode(PHASES, perPhase);

  auditView(actor, { entityType: "case_list", detail: { filter, page: req.page, caseIds: rows.map((r) => r.id) } });
  const staleBefore = addDays(today, -STALE_AFTER_DAYS);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      name: fullName(r),
      kana: fullKana(r),
      phase: r.phase,
      officeName: r.officeName,
      coordinatorName: r.coordinatorName,
      hospitalName: r.hospitalName,
      referralDate: r.referralDate,
      supportStartDate: r.supportStartDate,
      lastActivityDate: r.lastActivityDate,
      overdueFollowUp: r.phase !== "closed" && !!r.overdueFollowUp,
      overdueReview: r.phase !== "closed" && !!r.overdueReview,
      stale: r.phase !== "closed" && (!r.lastActivityDate || r.lastActivityDate < staleBefore),
      noConsent: r.phase !== "closed" && !r.consentDate,
    })),
    total,
    page: req.page,
    pageSize: req.pageSize,
    phaseCounts,
  };
}

// ---------------------------------------------------------------------------------------
// Supervisor view

export type CaseloadRow = { coordinatorId: string; coordinatorName: string; byPhase: Record<Phase, number>; open: number };
export type AttentionCase = { id: string; caseNo: string; name: string; coordinatorName: string; phase: Phase; detail: string | null };

/**
 * The supervisor's view of the office and its branches: open cases per coordinator and
 * phase, and the cases that need attention (stale, overdue follow-up or plan review, no consent).
 */
export function getCaseloadForActor(actor: Actor) {
  caseGate.require(actor, "read:caseload:reach");
  const db = getDb();
  const today = todayIso();
  const perCoordinator = db
    .select({ coordinatorId: cases.coordinatorUserId, coordinatorName: users.displayName, phase: cases.phase, n: count() })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.coordinatorUserId))
    .where(and(caseGate.inReach(actor), ne(cases.phase, "closed")))
    .groupBy(cases.coordinatorUserId, users.displayName, cases.phase)
    .all();
  const rows = new Map<string, CaseloadRow>();
  for (const r of perCoordinator) {
    const entry = rows.get(r.coordinatorId) ?? {
      coordinatorId: r.coordinatorId,
      coordinatorName: r.coordinatorName,
      byPhase: Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>,
      open: 0,
    };
    entry.byPhase[r.phase] += r.n;
    entry.open += r.n;
    rows.set(r.coordinatorId, entry);
  }
  const attention = (condition: SQL, detail?: SQL<string | null>): AttentionCase[] =>
    db
      .select({
        id: cases.id,
        caseNo: cases.caseNo,
        familyName: personIdentities.familyName,
        givenName: personIdentities.givenName,
        coordinatorName: users.displayName,
        phase: cases.phase,
        detail: detail ?? sql<string | null>`NULL`,
      })
      .from(cases)
      .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
      .innerJoin(users, eq(users.id, cases.coordinatorUserId))
      .where(and(caseGate.inReach(actor), condition))
      .orderBy(asc(cases.caseNo))
      .limit(100)
      .all()
      .map((r) => ({ id: r.id, caseNo: r.caseNo, name: fullName(r), coordinatorName: r.coordinatorName, phase: r.phase, detail: r.detail }));
  const result = {
    caseload: [...rows.values()].sort((a, b) => a.coordinatorName.localeCompare(b.coordinatorName, "ja")),
    stale: attention(staleSql(today), sql<string | null>`${cases.lastActivityDate}`),
    overdueFollowUps: attention(
      and(ne(cases.phase, "closed"), overdueFollowUpSql(today))!,
      sql<string | null>`(SELECT min(${followUpChecks.dueDate}) FROM ${followUpChecks} WHERE ${followUpChecks.caseId} = ${cases.id} AND ${followUpChecks.checkedDate} IS NULL AND ${followUpChecks.dueDate} < ${today})`,
    ),
    overdueReviews: attention(
      and(ne(cases.phase, "closed"), overdueReviewSql(today))!,
      sql<string | null>`(SELECT min(${carePlans.reviewDueDate}) FROM ${carePlans} WHERE ${carePlans.caseId} = ${cases.id} AND ${carePlans.reviewDueDate} < ${today} AND ${carePlans.status} IN ('drafting','active','extended'))`,
    ),
    noConsent: attention(noConsentSql()),
  };
  auditView(actor, { entityType: "caseload", detail: { caseIds: [...new Set([...result.stale, ...result.overdueFollowUps, ...result.overdueReviews, ...result.noConsent].map((c) => c.id))].length } });
  return result;
}

// ---------------------------------------------------------------------------------------
// Home page

export type CaseSummary = { openMine: number; openInReach: number; overdueFollowUps: number; overdueReviews: number; stale: number; noConsent: number };

/**
 * Counts for the coordinator's and supervisor's home page (no names, so not audited). Each is
 * the total of the list its link opens (open cases, `openOnly` on the list).
 */
export function getCaseSummaryForActor(actor: Actor): CaseSummary {
  caseGate.require(actor);
  const db = getDb();
  const today = todayIso();
  const countWhere = (condition: SQL | undefined) =>
    (db.select({ n: count() }).from(cases).where(and(caseGate.inReach(actor), ne(cases.phase, "closed"), condition)).all() as [{ n: number }])[0].n;
  return {
    openMine: countWhere(eq(cases.coordinatorUserId, actor.id)),
    openInReach: countWhere(undefined),
    overdueFollowUps: countWhere(overdueFollowUpSql(today)),
    overdueReviews: countWhere(overdueReviewSql(today)),
    stale: countWhere(staleSql(today)),
    noConsent: countWhere(noConsentSql()),
  };
}
