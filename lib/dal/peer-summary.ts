import "server-only";
import { and, count, eq, gte, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, peerRegistrations, peerSupporters, peerTrainings } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import type { Actor } from "./actor";
import { countScopeOfActor, inScopeOffices, type CountScope } from "./count-scope";
import { AppError } from "./errors";

/*
 * The peer registry's yearly counts (no names): registered, newly registered, 養成研修 completed,
 * offices with peers. The peers page shows them; the indicator engine counts with the same SQL.
 */

export type PeerYearSummary = {
  fiscalYear: number;
  /** Registered for the fiscal year (a registration row for it, not withdrawn by its end). */
  registered: number;
  /** Of those, registered for the first time that year. */
  newlyRegistered: number;
  /** 養成研修 completions dated in the year, of peers in scope. */
  trainedYousei: number;
  /** Offices in scope with at least one peer registered for the year / offices in scope. */
  officesWithPeers: number;
  offices: number;
};

/**
 * Registry counts of a fiscal year over the offices the actor reaches. Staff with the identity
 * permission see their offices; the prefecture role (aggregates only) sees the whole prefecture.
 * The rules are written once here; the yearly sheet will read them.
 */
export function getPeerYearSummaryForActor(actor: Actor, fiscalYear: number): PeerYearSummary {
  if (!can(actor.role, "read:peer:reach") && !can(actor.role, "read:aggregate:prefecture")) throw new AppError("not_found", "errors.notFound");
  const { peers: _peers, ...summary } = peerYearSummaryIn(countScopeOfActor(actor), fiscalYear);
  return summary;
}

/**
 * Registered for the fiscal year: a registration row for it, and not withdrawn by its end. A
 * withdrawal counts from its JST day (status_changed_on, written with the status and never moved
 * after it): withdrawn on or before the year's last day, not registered at its end.
 */
export function peersRegisteredIn(scope: CountScope, fiscalYear: number): SQL {
  const { end } = fiscalYearRange(fiscalYear);
  return and(
    inScopeOffices(scope, peerSupporters.officeId),
    eq(peerRegistrations.fiscalYear, fiscalYear),
    or(ne(peerSupporters.status, "withdrawn"), sql`${peerSupporters.statusChangedOn} > ${end}`),
  )!;
}

/** The year's registry counts of a scope, with the peers behind them (ids and codes only). */
export function peerYearSummaryIn(scope: CountScope, fiscalYear: number): PeerYearSummary & { peers: { registered: string[]; newlyRegistered: string[]; trainedYousei: string[] } } {
  const db = getDb();
  const { start, end } = fiscalYearRange(fiscalYear);
  const registeredThatYear = peersRegisteredIn(scope, fiscalYear);
  const registered = db
    .select({ peerId: peerSupporters.id, officeId: peerSupporters.officeId })
    .from(peerRegistrations)
    .innerJoin(peerSupporters, eq(peerSupporters.id, peerRegistrations.peerId))
    .where(registeredThatYear)
    .all();
  const newlyRegistered = db
    .select({ peerId: peerSupporters.id })
    .from(peerRegistrations)
    .innerJoin(peerSupporters, eq(peerSupporters.id, peerRegistrations.peerId))
    .where(
      and(
        registeredThatYear,
        sql`NOT EXISTS (SELECT 1 FROM ${peerRegistrations} AS earlier WHERE earlier.peer_id = ${peerSupporters.id} AND earlier.fiscal_year < ${fiscalYear})`,
      ),
    )
    .all();
  const trained = db
    .select({ peerId: peerTrainings.peerId })
    .from(peerTrainings)
    .innerJoin(peerSupporters, eq(peerSupporters.id, peerTrainings.peerId))
    .where(and(inScopeOffices(scope, peerSupporters.officeId), eq(peerTrainings.kind, "peer_yousei"), gte(peerTrainings.completedOn, start), lte(peerTrainings.completedOn, end)))
    .all();
  const [{ n: offices }] = db.select({ n: count() }).from(healthCenters).where(inScopeOffices(scope, healthCenters.id)).all() as [{ n: number }];
  return {
    fiscalYear,
    registered: registered.length,
    newlyRegistered: newlyRegistered.length,
    trainedYousei: trained.length,
    officesWithPeers: new Set(registered.map((r) => r.officeId)).size,
    offices,
    peers: { registered: registered.map((r) => r.peerId), newlyRegistered: newlyRegistered.map((r) => r.peerId), trainedYousei: trained.map((r) => r.peerId) },
  };
}
