import "server-only";
import { and, count, countDistinct, eq, gte, lte, sql, sum, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { peerDispatchMembers, peerDispatches } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { DISPATCH_STATUSES, PEER_PURPOSES, type DispatchStatus, type PeerPurpose } from "@/lib/domain/peer-codes";
import type { Actor } from "./actor";
import { countScopeOfActor, inScopeOffices, type CountScope } from "./count-scope";
import { AppError } from "./errors";
import { countsPerCode } from "./sql-text";

/*
 * The yearly dispatch figures (ピアサポーター派遣): what the dispatch list's summary shows and
 * what the indicator engine counts (A9, S2), over the same CountScope (lib/dal/count-scope.ts).
 * Counts only, never a name.
 */

export type DispatchYearSummary = {
  fiscalYear: number;
  /** 実施 dispatches dated in the year. */
  done: number;
  cancelled: number;
  open: number;
  /** 延べ派遣人数: peers counted once per dispatch they went on. */
  personDispatches: number;
  hours: number;
  /** Inpatients or participants reached (Σ audience of 実施). */
  audience: number;
  hospitals: number;
  honorariumYen: number;
  travelYen: number;
  /** Cases with at least one 実施 dispatch linked in the year. */
  casesInvolved: number;
  byPurpose: Record<PeerPurpose, number>;
  /** 実施 per month, April first: [{ month: "2024-04", n }]. */
  byMonth: { month: string; n: number }[];
};

/**
 * Dispatch counts of a fiscal year over the offices the actor reaches (the prefecture role: the
 * whole prefecture). Everything counts 実施 dispatches only, except the open and cancelled tallies.
 */
export function getDispatchYearSummaryForActor(actor: Actor, fiscalYear: number): DispatchYearSummary {
  if (!can(actor.role, "read:dispatch:reach") && !can(actor.role, "read:aggregate:prefecture")) throw new AppError("not_found", "errors.notFound");
  return dispatchYearSummaryIn(countScopeOfActor(actor), fiscalYear);
}

/** Dispatches of the scope dated in the year, any status. */
export function dispatchesOfYear(scope: CountScope, fiscalYear: number): SQL {
  const { start, end } = fiscalYearRange(fiscalYear);
  return and(inScopeOffices(scope, peerDispatches.officeId), gte(peerDispatches.date, start), lte(peerDispatches.date, end))!;
}

/** The dispatches the year's figures count: 実施 (done) in the year. */
export function dispatchesCounted(scope: CountScope, fiscalYear: number): SQL {
  return and(dispatchesOfYear(scope, fiscalYear), eq(peerDispatches.status, "done"))!;
}

/** The year's dispatches by status and the 実施 ones by purpose: A9's figures alone (two queries). */
export function dispatchCountsIn(scope: CountScope, fiscalYear: number): { byStatus: Record<DispatchStatus, number>; byPurpose: Record<PeerPurpose, number> } {
  const db = getDb();
  const statuses = db.select({ code: peerDispatches.status, n: count() }).from(peerDispatches).where(dispatchesOfYear(scope, fiscalYear)).groupBy(peerDispatches.status).all();
  const purposes = db.select({ code: peerDispatches.purpose, n: count() }).from(peerDispatches).where(dispatchesCounted(scope, fiscalYear)).groupBy(peerDispatches.purpose).all();
  return { byStatus: countsPerCode(DISPATCH_STATUSES, statuses), byPurpose: countsPerCode(PEER_PURPOSES, purposes) };
}

export function dispatchYearSummaryIn(scope: CountScope, fiscalYear: number): DispatchYearSummary {
  const db = getDb();
  const done = dispatchesCounted(scope, fiscalYear);
  const { byStatus, byPurpose } = dispatchCountsIn(scope, fiscalYear);
  const n = (s: DispatchStatus) => byStatus[s];
  const [totals] = db
    .select({
      audience: sum(peerDispatches.audienceCount),
      hospitals: countDistinct(peerDispatches.hospitalId),
      cases: countDistinct(peerDispatches.caseId),
    })
    .from(peerDispatches)
    .where(done)
    .all();
  const [people] = db
    .select({ n: count(), hours: sum(peerDispatchMembers.hours), honorarium: sum(peerDispatchMembers.honorariumYen), travel: sum(peerDispatchMembers.travelYen) })
    .from(peerDispatchMembers)
    .innerJoin(peerDispatches, eq(peerDispatches.id, peerDispatchMembers.dispatchId))
    .where(done)
    .all();
  const months = db
    .select({ month: sql<string>`substr(${peerDispatches.date}, 1, 7)`, n: count() })
    .from(peerDispatches)
    .where(done)
    .groupBy(sql`substr(${peerDispatches.date}, 1, 7)`)
    .all();
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const y = i < 9 ? fiscalYear : fiscalYear + 1;
    const month = `${y}-${String(((i + 3) % 12) + 1).padStart(2, "0")}`;
    return { month, n: months.find((m) => m.month === month)?.n ?? 0 };
  });
  return {
    fiscalYear,
    done: n("done"),
    cancelled: n("cancelled"),
    open: n("requested") + n("scheduled"),
    personDispatches: people?.n ?? 0,
    hours: Math.round(Number(people?.hours ?? 0) * 100) / 100,
    audience: Number(totals?.audience ?? 0),
    hospitals: totals?.hospitals ?? 0,
    honorariumYen: Number(people?.honorarium ?? 0),
    travelYen: Number(people?.travel ?? 0),
    casesInvolved: totals?.cases ?? 0,
    byPurpose,
    byMonth,
  };
}

