import "server-only";
import { and, asc, count, desc, eq, exists, gte, inArray, like, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { cases, healthCenters, hospitals, peerDispatchMembers, peerDispatches, peerSupporters } from "@/db/schema";
import { fiscalYearRange, todayIso } from "@/lib/domain/fiscal-year";
import { DISPATCH_STATUSES, PEER_PURPOSES, type DispatchStatus, type PeerPurpose } from "@/lib/domain/peer-codes";
import type { Actor } from "./actor";
import { onePage, type Page, type PageRequest } from "./pagination";
import { actorParams, placeholderActor, preparedFor } from "./prepared";
import { caseGate, dispatchGate, peerGate } from "./record-gate";
import { containsText, countsPerCode, escapeLike, inCodeOrder } from "./sql-text";

/*
 * The dispatch lists: one page of the offices' dispatches with counts per status, a peer's and
 * a case's dispatches, and the coordinator's due count. Peers appear by display code only, so
 * these lists are not audited. The record's life (form, create, correct, status) is in
 * peer-dispatches.ts.
 */

export const DISPATCH_SORT_KEYS = ["date", "office", "purpose", "status"] as const;
export type DispatchSortKey = (typeof DISPATCH_SORT_KEYS)[number];

export type DispatchFilter = {
  status?: DispatchStatus;
  purpose?: PeerPurpose;
  officeId?: string;
  fiscalYear?: number;
  hospitalId?: string;
  peerId?: string;
  /** Destination, requesting organisation or a peer's display code. */
  q?: string;
  /** Still 依頼 or 予定 although the day has come: waiting to be recorded as 実施 or 中止. */
  due?: boolean;
};

export type DispatchRow = {
  id: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  officeName: string;
  destination: string;
  purpose: PeerPurpose;
  status: DispatchStatus;
  members: string[];
  hours: number | null;
  audienceCount: number | null;
  caseNo: string | null;
};

function dispatchConditions(actor: Actor, filter: DispatchFilter, withStatus: boolean): SQL {
  const db = getDb();
  const conditions: (SQL | undefined)[] = [dispatchGate.inReach(actor)];
  if (withStatus && filter.status) conditions.push(eq(peerDispatches.status, filter.status));
  if (filter.purpose) conditions.push(eq(peerDispatches.purpose, filter.purpose));
  if (filter.officeId) conditions.push(eq(peerDispatches.officeId, filter.officeId));
  if (filter.hospitalId) conditions.push(eq(peerDispatches.hospitalId, filter.hospitalId));
  if (filter.due) conditions.push(inArray(peerDispatches.status, ["requested", "scheduled"]), lte(peerDispatches.date, todayIso()));
  if (filter.fiscalYear) {
    const { start, end } = fiscalYearRange(filter.fiscalYear);
    conditions.push(gte(peerDispatches.date, start), lte(peerDispatches.date, end));
  }
  if (filter.peerId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(peerDispatchMembers).where(and(eq(peerDispatchMembers.dispatchId, peerDispatches.id), eq(peerDispatchMembers.peerId, filter.peerId)))));
  }
  const q = filter.q?.trim().normalize("NFKC");
  if (q) {
    conditions.push(
      or(
        containsText(peerDispatches.destinationName, q),
        containsText(peerDispatches.requestingOrg, q),
        containsText(hospitals.name, q),
        exists(
          db
            .select({ one: sql`1` })
            .from(peerDispatchMembers)
            .innerJoin(peerSupporters, eq(peerSupporters.id, peerDispatchMembers.peerId))
            .where(and(eq(peerDispatchMembers.dispatchId, peerDispatches.id), like(peerSupporters.displayCode, `%${escapeLike(q.toUpperCase())}%`))),
        ),
      ),
    );
  }
  return and(...conditions)!;
}

/** The members of the dispatches `where` names, by display code. */
function membersQuery(db: Db, where: SQL) {
  return db
    .select({ dispatchId: peerDispatchMembers.dispatchId, peerId: peerDispatchMembers.peerId, code: peerSupporters.displayCode, hours: peerDispatchMembers.hours })
    .from(peerDispatchMembers)
    .innerJoin(peerSupporters, eq(peerSupporters.id, peerDispatchMembers.peerId))
    .where(where)
    .orderBy(asc(peerSupporters.displayCode));
}

function membersOf(dispatchIds: string[]) {
  if (!dispatchIds.length) return [];
  return membersQuery(getDb(), inArray(peerDispatchMembers.dispatchId, dispatchIds)).all();
}

function totalHours(hours: (number | null)[]): number | null {
  const known = hours.filter((h): h is number => h !== null);
  return known.length ? Math.round(known.reduce((a, b) => a + b, 0) * 100) / 100 : null;
}

/** One page of the dispatches of the offices in reach, with counts per status. No names: not audited. */
export function listDispatchesForActor(
  actor: Actor,
  req: PageRequest<DispatchSortKey>,
  filter: DispatchFilter = {},
): Page<DispatchRow> & { statusCounts: Record<DispatchStatus, number> } {
  dispatchGate.require(actor);
  const db = getDb();
  const where = dispatchConditions(actor, filter, true);
  const order = {
    date: peerDispatches.date,
    office: healthCenters.sort,
    purpose: inCodeOrder(peerDispatches.purpose, PEER_PURPOSES),
    status: inCodeOrder(peerDispatches.status, DISPATCH_STATUSES),
  }[req.sort];
  const rows = onePage(
    db
      .select({
        id: peerDispatches.id,
        date: peerDispatches.date,
        startTime: peerDispatches.startTime,
        endTime: peerDispatches.endTime,
        officeName: healthCenters.name,
        hospitalName: hospitals.name,
        destinationName: peerDispatches.destinationName,
        purpose: peerDispatches.purpose,
        status: peerDispatches.status,
        audienceCount: peerDispatches.audienceCount,
        caseNo: cases.caseNo,
      })
      .from(peerDispatches)
      .innerJoin(healthCenters, eq(healthCenters.id, peerDispatches.officeId))
      .leftJoin(hospitals, eq(hospitals.id, peerDispatches.hospitalId))
      .leftJoin(cases, eq(cases.id, peerDispatches.caseId))
      .where(where),
    req,
    order,
    desc(peerDispatches.date), desc(peerDispatches.id),
  );
  // The text search may name the hospital, so the counts join it as well.
  const [{ n: total }] = db.select({ n: count() }).from(peerDispatches).leftJoin(hospitals, eq(hospitals.id, peerDispatches.hospitalId)).where(where).all() as [{ n: number }];
  const perStatus = db
    .select({ code: peerDispatches.status, n: count() })
    .from(peerDispatches)
    .leftJoin(hospitals, eq(hospitals.id, peerDispatches.hospitalId))
    .where(dispatchConditions(actor, filter, false))
    .groupBy(peerDispatches.status)
    .all();
  const statusCounts = countsPerCode(DISPATCH_STATUSES, perStatus);
  const members = membersOf(rows.map((r) => r.id));
  return {
    rows: rows.map((r) => {
      const mine = members.filter((m) => m.dispatchId === r.id);
      return {
        id: r.id,
        date: r.date,
        startTime: r.startTime,
        endTime: r.endTime,
        officeName: r.officeName,
        destination: r.hospitalName ?? r.destinationName ?? "",
        purpose: r.purpose,
        status: r.status,
        members: mine.map((m) => m.code),
        hours: totalHours(mine.map((m) => m.hours)),
        audienceCount: r.audienceCount,
        caseNo: r.caseNo,
      };
    }),
    total,
    page: req.page,
    pageSize: req.pageSize,
    statusCounts,
  };
}

// ---------------------------------------------------------------------------------------
// A peer's, a case's, and what is due

/** A peer's dispatches, newest first, for the peer's page (the peer must be in reach). */
export function listDispatchesOfPeerForActor(actor: Actor, peerId: string, limit = 50) {
  dispatchGate.require(actor);
  const peer = peerGate.load(actor, peerId);
  return getDb()
    .select({
      id: peerDispatches.id,
      date: peerDispatches.date,
      purpose: peerDispatches.purpose,
      status: peerDispatches.status,
      destination: sql<string>`coalesce(${hospitals.name}, ${peerDispatches.destinationName}, '')`,
      hours: peerDispatchMembers.hours,
    })
    .from(peerDispatchMembers)
    .innerJoin(peerDispatches, eq(peerDispatches.id, peerDispatchMembers.dispatchId))
    .leftJoin(hospitals, eq(hospitals.id, peerDispatches.hospitalId))
    .where(and(eq(peerDispatchMembers.peerId, peer.id), dispatchGate.inReach(actor)))
    .orderBy(desc(peerDispatches.date), desc(peerDispatches.id))
    .limit(limit)
    .all();
}

/** Dispatches linked to a case (ピア関与), for the case page; the case must be in reach. */
export function listDispatchesOfCaseForActor(actor: Actor, caseId: string) {
  dispatchGate.require(actor);
  const linked = caseGate.load(actor, caseId);
  // On every case page: the dispatches and their members, built and prepared once per role (ADR 0057).
  const q = preparedFor(getDb(), `dispatches.ofCase.${actor.role}`, (db) => {
    const ofCase = and(eq(peerDispatches.caseId, sql.placeholder("caseId")), dispatchGate.inReach(placeholderActor(actor.role)))!;
    return {
      rows: db.select({ id: peerDispatches.id, date: peerDispatches.date, purpose: peerDispatches.purpose, status: peerDispatches.status }).from(peerDispatches).where(ofCase).orderBy(desc(peerDispatches.date)).prepare(),
      members: membersQuery(db, inArray(peerDispatchMembers.dispatchId, db.select({ id: peerDispatches.id }).from(peerDispatches).where(ofCase))).prepare(),
    };
  });
  const params = { caseId: linked.id, ...actorParams(actor) };
  const rows = q.rows.all(params);
  const members = rows.length ? q.members.all(params) : [];
  return rows.map((r) => ({ ...r, members: members.filter((m) => m.dispatchId === r.id).map((m) => m.code) }));
}

/** Open dispatches (依頼・予定) of the offices in reach whose date has come: the coordinator's to-do. */
export function countDueDispatchesForActor(actor: Actor): number {
  dispatchGate.require(actor);
  const [{ n }] = getDb()
    .select({ n: count() })
    .from(peerDispatches)
    .where(and(dispatchGate.inReach(actor), inArray(peerDispatches.status, ["requested", "scheduled"]), lte(peerDispatches.date, todayIso())))
    .all() as [{ n: number }];
  return n;
}
