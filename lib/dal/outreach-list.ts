import "server-only";
import { fullName, fullKana } from "@/lib/domain/person-name";
import { aliasedTable, and, asc, count, eq, exists, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  healthCenters,
  outreachCaseTargets,
  outreachCases,
  personIdentities,
  users,
} from "@/db/schema";
import {
  OUTREACH_STATUSES,
  type OutreachStatus,
  type OutreachTarget,
  type OutreachTeamKind,
} from "@/lib/domain/outreach-codes";
import type { Actor } from "./actor";
import { auditView } from "./audit";
import { outreachGate } from "./record-gate";
import { pageByKana } from "./name-order";
import { onePage, type Page, type PageRequest } from "./pagination";
import { countsPerCode, inCodeOrder, openDuringFiscalYear, personOrCodeMatches } from "./sql-text";

/*
 * The outreach list: one page of the outreach cases in reach with counts per status (names
 * shown, so each page is audited), and the home page's open counts. The case's own life is in
 * outreach.ts, its contacts and outcomes in outreach-records.ts.
 */


export const OUTREACH_SORT_KEYS = ["caseNo", "kana", "status", "referralDate", "startDate", "lastContactDate"] as const;
export type OutreachSortKey = (typeof OUTREACH_SORT_KEYS)[number];

export type OutreachFilter = {
  mine?: boolean;
  /** Open cases only (referred or active: the list's default, as the home page counts them). */
  openOnly?: boolean;
  status?: OutreachStatus;
  /** Cases where this category applies (primary or not). */
  target?: OutreachTarget;
  coordinatorId?: string;
  teamKind?: OutreachTeamKind;
  /** Cases open at some point of this fiscal year: referred by its end, not closed before its start. */
  fiscalYear?: number;
  /** Kana (any form) or part of a case number. */
  q?: string;
};

export type OutreachListRow = {
  id: string;
  caseNo: string;
  name: string;
  kana: string;
  status: OutreachStatus;
  primaryTarget: OutreachTarget;
  teamKind: OutreachTeamKind;
  teamName: string;
  officeName: string;
  coordinatorName: string;
  referralDate: string;
  startDate: string | null;
  endDate: string | null;
  lastContactDate: string | null;
};

function listConditions(actor: Actor, filter: OutreachFilter, withStatus: boolean): SQL {
  const conditions: (SQL | undefined)[] = [outreachGate.inReach(actor)];
  if (filter.mine) conditions.push(eq(outreachCases.coordinatorUserId, actor.id));
  if (filter.openOnly) conditions.push(ne(outreachCases.status, "closed"));
  if (withStatus && filter.status) conditions.push(eq(outreachCases.status, filter.status));
  if (filter.coordinatorId) conditions.push(eq(outreachCases.coordinatorUserId, filter.coordinatorId));
  if (filter.teamKind) conditions.push(eq(outreachCases.teamKind, filter.teamKind));
  if (filter.target) {
    conditions.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(outreachCaseTargets)
          .where(and(eq(outreachCaseTargets.outreachCaseId, outreachCases.id), eq(outreachCaseTargets.target, filter.target))),
      ),
    );
  }
  if (filter.fiscalYear) {
    conditions.push(openDuringFiscalYear(outreachCases.referralDate, outreachCases.endDate, filter.fiscalYear));
  }
  const q = filter.q?.trim();
  if (q) conditions.push(personOrCodeMatches(q, personIdentities, outreachCases.caseNo));
  return and(...conditions)!;
}

const coordinator = aliasedTable(users, "coordinator");

/**
 * One page of the outreach cases in reach, with the counts per status of the same filter
 * (ignoring its status). Names are shown, so each page view is audited with the ids shown.
 */
export function listOutreachCasesForActor(
  actor: Actor,
  req: PageRequest<OutreachSortKey>,
  filter: OutreachFilter,
): Page<OutreachListRow> & { statusCounts: Record<OutreachStatus, number> } {
  outreachGate.require(actor);
  const db = getDb();
  const where = listConditions(actor, filter, true);
  const order = {
    caseNo: outreachCases.caseNo,
    // Sorted in the application (ADR 0040): see below.
    kana: outreachCases.caseNo,
    status: inCodeOrder(outreachCases.status, OUTREACH_STATUSES),
    referralDate: outreachCases.referralDate,
    startDate: outreachCases.startDate,
    lastContactDate: outreachCases.lastContactDate,
  }[req.sort];
  const base = () =>
    db
      .select({
        id: outreachCases.id,
        caseNo: outreachCases.caseNo,
        familyName: personIdentities.familyName,
        givenName: personIdentities.givenName,
        familyNameKana: personIdentities.familyNameKana,
        givenNameKana: personIdentities.givenNameKana,
        status: outreachCases.status,
        primaryTarget: outreachCases.primaryTarget,
        teamKind: outreachCases.teamKind,
        teamName: outreachCases.teamName,
        officeName: healthCenters.name,
        coordinatorName: coordinator.displayName,
        referralDate: outreachCases.referralDate,
        startDate: outreachCases.startDate,
        endDate: outreachCases.endDate,
        lastContactDate: outreachCases.lastContactDate,
      })
      .from(outreachCases)
      .innerJoin(personIdentities, eq(personIdentities.personId, outreachCases.personId))
      .innerJoin(healthCenters, eq(healthCenters.id, outreachCases.officeId))
      .innerJoin(coordinator, eq(coordinator.id, outreachCases.coordinatorUserId));
  const rows =
    req.sort === "kana"
      ? pageByKana(
          db
            .select({ id: outreachCases.id, tiebreak: outreachCases.caseNo, familyNameKana: personIdentities.familyNameKana, givenNameKana: personIdentities.givenNameKana })
            .from(outreachCases)
            .innerJoin(personIdentities, eq(personIdentities.personId, outreachCases.personId))
            .where(where)
            .all(),
          req,
          (ids) => base().where(and(where, inArray(outreachCases.id, ids))).all(),
        )
      : onePage(base().where(where), req, order, asc(outreachCases.caseNo));
  const countFrom = () => db.select({ n: count() }).from(outreachCases).innerJoin(personIdentities, eq(personIdentities.personId, outreachCases.personId));
  const [{ n: total }] = countFrom().where(where).all() as [{ n: number }];
  const perStatus = db
    .select({ code: outreachCases.status, n: count() })
    .from(outreachCases)
    .innerJoin(personIdentities, eq(personIdentities.personId, outreachCases.personId))
    .where(listConditions(actor, filter, false))
    .groupBy(outreachCases.status)
    .all();
  const statusCounts = countsPerCode(OUTREACH_STATUSES, perStatus);

  auditView(actor, { entityType: "outreach_case_list", detail: { filter, page: req.page, outreachCaseIds: rows.map((r) => r.id) } });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      caseNo: r.caseNo,
      name: fullName(r),
      kana: fullKana(r),
      status: r.status,
      primaryTarget: r.primaryTarget,
      teamKind: r.teamKind,
      teamName: r.teamName,
      officeName: r.officeName,
      coordinatorName: r.coordinatorName,
      referralDate: r.referralDate,
      startDate: r.startDate,
      endDate: r.endDate,
      lastContactDate: r.lastContactDate,
    })),
    total,
    page: req.page,
    pageSize: req.pageSize,
    statusCounts,
  };
}

// ---------------------------------------------------------------------------------------
// Home page

/** Open outreach cases (選定前・支援中) for the home page: the actor's own and all in reach. No names: not audited. */
export function countOpenOutreachForActor(actor: Actor): { mine: number; inReach: number } {
  outreachGate.require(actor);
  const open = and(outreachGate.inReach(actor), inArray(outreachCases.status, ["referred", "active"]));
  const n = (where: SQL | undefined) => (getDb().select({ n: count() }).from(outreachCases).where(where).all() as [{ n: number }])[0].n;
  return { mine: n(and(open, eq(outreachCases.coordinatorUserId, actor.id))), inReach: n(open) };
}
