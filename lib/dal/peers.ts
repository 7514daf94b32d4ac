import "server-only";
import { fullName, fullKana } from "@/lib/domain/person-name";
import { and, asc, count, desc, eq, exists, inArray, max, ne, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import {
  healthCenters,
  peerActivities,
  peerAreas,
  peerIdentities,
  peerRegistrations,
  peerSupporters,
  peerTrainings,
  regions,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearOf, todayIso } from "@/lib/domain/fiscal-year";
import { normalizeKana } from "@/lib/domain/kana";
import { PEER_STATUSES, type PeerPurpose, type PeerStatus, type PeerTraining } from "@/lib/domain/peer-codes";
import { canChangePeerStatus, effectiveStatus, registrationExpiry, renewableYears, renewalFor } from "@/lib/domain/peer-registration";
import { PEER_RECORD_FIELDS, type PeerCreateInput, type PeerTrainingInput, type PeerUpdateInput } from "@/lib/validation/peer";
import type { Actor } from "./actor";
import { auditView, diffFields } from "./audit";
import { wholeRecord, type Restating } from "./record-corrections";
import { peerGate } from "./record-gate";
import type { AuditTrailOptions, AuditTrailPage, AuditTrailRow } from "./audit-trail";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { assertOfficeInReach } from "./org-checks";
import { writePeerTokens, peerKanaStartsWith } from "./name-tokens";
import { pageByKana } from "./name-order";
import { onePage, type Page, type PageRequest } from "./pagination";
import { inPrefecture, inReach } from "./scope";
import { countsPerCode, inCodeOrder, kanaOrCodeContains } from "./sql-text";

/*
 * The peer-supporter registry. Being registered reveals lived experience of mental illness, so
 * peers get the treatment of case persons: rows are scoped to the offices in reach in SQL, names
 * and contacts are read only by the owning office's staff (the identity permission), every read
 * that shows a name and every change is audited, and edits are version-checked. Dispatches are in
 * peer-dispatches.ts.
 */

/** 登録抹消 is final: a withdrawn row (and its date) is never rewritten. */
const notWithdrawn = ne(peerSupporters.status, "withdrawn");

// The office check is shared (org-checks.ts); dispatches take it from here.
export { assertOfficeInReach };

/** 期間満了 applied in SQL, so lists filter and count by what the user sees. */
function effectiveStatusSql(today: string): SQL<PeerStatus> {
  return sql<PeerStatus>`CASE WHEN ${peerSupporters.status} = 'active' AND ${peerSupporters.expiresOn} < ${today} THEN 'expired' ELSE ${peerSupporters.status} END`;
}

// ---------------------------------------------------------------------------------------
// Registry list

export const PEER_SORT_KEYS = ["displayCode", "kana", "office", "status", "expiresOn"] as const;
export type PeerSortKey = (typeof PEER_SORT_KEYS)[number];

export type PeerFilter = {
  officeId?: string;
  status?: PeerStatus;
  training?: PeerTraining;
  purpose?: PeerPurpose;
  regionId?: string;
  /** Registered at some point of this fiscal year. */
  fiscalYear?: number;
  /** Kana (any form) or part of the display code. */
  q?: string;
};

export type PeerRow = {
  id: string;
  displayCode: string;
  name: string;
  kana: string;
  officeName: string;
  status: PeerStatus;
  registrationFy: number;
  expiresOn: string;
  trainings: number;
  insuranceUntil: string | null;
  insuranceLapsed: boolean;
};

function peerConditions(actor: Actor, filter: PeerFilter, today: string, withStatus: boolean): SQL {
  const db = getDb();
  const conditions: (SQL | undefined)[] = [peerGate.inReach(actor)];
  if (filter.officeId) conditions.push(eq(peerSupporters.officeId, filter.officeId));
  if (withStatus && filter.status) conditions.push(sql`${effectiveStatusSql(today)} = ${filter.status}`);
  if (filter.training) {
    conditions.push(exists(db.select({ one: sql`1` }).from(peerTrainings).where(and(eq(peerTrainings.peerId, peerSupporters.id), eq(peerTrainings.kind, filter.training)))));
  }
  if (filter.purpose) {
    conditions.push(exists(db.select({ one: sql`1` }).from(peerActivities).where(and(eq(peerActivities.peerId, peerSupporters.id), eq(peerActivities.purpose, filter.purpose)))));
  }
  if (filter.regionId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(peerAreas).where(and(eq(peerAreas.peerId, peerSupporters.id), eq(peerAreas.regionId, filter.regionId)))));
  }
  if (filter.fiscalYear) {
    conditions.push(
      exists(db.select({ one: sql`1` }).from(peerRegistrations).where(and(eq(peerRegistrations.peerId, peerSupporters.id), eq(peerRegistrations.fiscalYear, filter.fiscalYear)))),
    );
  }
  const q = filter.q?.trim();
  if (q) conditions.push(kanaOrCodeContains(q, peerKanaStartsWith(peerSupporters.id, q), peerSupporters.displayCode));
  return and(...conditions)!;
}

/** One page of the registry of the offices in reach, with counts per (effective) status. Names are shown: audited. */
export function listPeersForActor(actor: Actor, req: PageRequest<PeerSortKey>, filter: PeerFilter = {}): Page<PeerRow> & { statusCounts: Record<PeerStatus, number> } {
  peerGate.require(actor);
  const db = getDb();
  const today = todayIso();
  const where = peerConditions(actor, filter, today, true);
  const order = {
    displayCode: peerSupporters.displayCode,
    // Sorted in the application (ADR 0040): see below.
    kana: peerSupporters.displayCode,
    office: healthCenters.sort,
    status: inCodeOrder(effectiveStatusSql(today), PEER_STATUSES),
    expiresOn: peerSupporters.expiresOn,
  }[req.sort];
  const base = () =>
    db
      .select({
        id: peerSupporters.id,
        displayCode: peerSupporters.displayCode,
        familyName: peerIdentities.familyName,
        givenName: peerIdentities.givenName,
        familyNameKana: peerIdentities.familyNameKana,
        givenNameKana: peerIdentities.givenNameKana,
        officeName: healthCenters.name,
        status: effectiveStatusSql(today),
        registrationFy: peerSupporters.registrationFy,
        expiresOn: peerSupporters.expiresOn,
        insuranceUntil: peerSupporters.volunteerInsuranceUntil,
        trainings: sql<number>`(SELECT count(*) FROM ${peerTrainings} WHERE ${peerTrainings.peerId} = ${peerSupporters.id})`,
      })
      .from(peerSupporters)
      .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
      .innerJoin(healthCenters, eq(healthCenters.id, peerSupporters.officeId));
  const rows =
    req.sort === "kana"
      ? pageByKana(
          db
            .select({ id: peerSupporters.id, tiebreak: peerSupporters.displayCode, familyNameKana: peerIdentities.familyNameKana, givenNameKana: peerIdentities.givenNameKana })
            .from(peerSupporters)
            .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
            .innerJoin(healthCenters, eq(healthCenters.id, peerSupporters.officeId))
            .where(where)
            .all(),
          req,
          (ids) => base().where(and(where, inArray(peerSupporters.id, ids))).all(),
        )
      : onePage(base().where(where), req, order, asc(peerSupporters.displayCode));
  const countFrom = () => db.select({ n: count() }).from(peerSupporters).innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id));
  const [{ n: total }] = countFrom().where(where).all() as [{ n: number }];
  const perStatus = db
    .select({ code: effectiveStatusSql(today), n: count() })
    .from(peerSupporters)
    .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
    .where(peerConditions(actor, filter, today, false))
    .groupBy(effectiveStatusSql(today))
    .all();
  const statusCounts = countsPerCode(PEER_STATUSES, perStatus);
  auditView(actor, { entityType: "peer_list", detail: { filter, page: req.page, peerIds: rows.map((r) => r.id) } });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      displayCode: r.displayCode,
      name: fullName(r),
      kana: fullKana(r),
      officeName: r.officeName,
      status: r.status,
      registrationFy: r.registrationFy,
      expiresOn: r.expiresOn,
      trainings: r.trainings,
      insuranceUntil: r.insuranceUntil,
      insuranceLapsed: !!r.insuranceUntil && r.insuranceUntil < today && r.status === "active",
    })),
    total,
    page: req.page,
    pageSize: req.pageSize,
    statusCounts,
  };
}

/** Offices the actor registers peers at, and the prefecture's regions (areas peers travel to). */
export function getPeerFormOptionsForActor(actor: Actor) {
  peerGate.require(actor);
  const db = getDb();
  return {
    offices: db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(inReach(actor, healthCenters.id)).orderBy(asc(healthCenters.sort)).all(),
    regions: db.select({ id: regions.id, name: regions.name }).from(regions).where(inPrefecture(actor, regions.prefectureCode)).orderBy(asc(regions.sort)).all(),
  };
}

function assertRegions(actor: Actor, regionIds: string[]): void {
  if (!regionIds.length) return;
  const found = getDb().select({ id: regions.id }).from(regions).where(and(inArray(regions.id, regionIds), inPrefecture(actor, regions.prefectureCode))).all();
  if (found.length !== new Set(regionIds).size) throw new AppError("invalid", "validation.peer.regionInvalid", { regionIds: "validation.peer.regionInvalid" });
}

// ---------------------------------------------------------------------------------------
// Register, read, edit

/** Register a peer at an office; the registration lasts to the end of its fiscal year. */
export function createPeer(actor: Actor, input: PeerCreateInput): { id: string; displayCode: string } {
  peerGate.require(actor, "write");
  const db = getDb();
  const office = assertOfficeInReach(actor, input.officeId);
  assertRegions(actor, input.regionIds);
  const id = ulid();
  const now = new Date().toISOString();
  const fiscalYear = fiscalYearOf(input.registeredOn);
  let displayCode = "";
  db.transaction((tx) => {
    // Inside the write transaction, so two registrations at once cannot take the same number.
    const [{ last }] = tx
      .select({ last: max(peerSupporters.displayCode) })
      .from(peerSupporters)
      .where(eq(peerSupporters.officeId, office.id))
      .all() as [{ last: string | null }];
    const next = (last ? Number(last.split("-").at(-1)) : 0) + 1;
    displayCode = `${office.casePrefix}-P-${String(next).padStart(3, "0")}`;
    tx.insert(peerSupporters)
      .values({
        id,
        prefectureCode: actor.prefectureCode,
        officeId: office.id,
        displayCode,
        registeredOn: input.registeredOn,
        registrationFy: fiscalYear,
        expiresOn: registrationExpiry(input.registeredOn),
        status: "active",
        consentDate: input.consentDate,
        volunteerInsuranceUntil: input.volunteerInsuranceUntil,
        createdBy: actor.id,
        createdAt: now,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .run();
    tx.insert(peerRegistrations)
      .values({ peerId: id, fiscalYear, registeredOn: input.registeredOn, expiresOn: registrationExpiry(input.registeredOn), createdBy: actor.id, createdAt: now })
      .run();
    tx.insert(peerIdentities)
      .values({
        peerId: id,
        familyName: input.familyName,
        givenName: input.givenName,
        familyNameKana: input.familyNameKana,
        givenNameKana: input.givenNameKana,
        kanaKey: normalizeKana(input.familyNameKana + input.givenNameKana),
        phone: input.phone,
        email: input.email,
        updatedAt: now,
      })
      .run();
    writePeerTokens(tx, id, input);
    for (const purpose of new Set(input.activities)) tx.insert(peerActivities).values({ peerId: id, purpose }).run();
    for (const regionId of new Set(input.regionIds)) tx.insert(peerAreas).values({ peerId: id, regionId }).run();
    for (const t of input.trainings) tx.insert(peerTrainings).values({ id: ulid(), peerId: id, kind: t.kind, completedOn: t.completedOn }).run();
    // Identity values stay out of the audit trail; it records that they were set.
    peerGate.audit(tx, actor, id, "create", { displayCode, officeId: office.id, identityFields: ["familyName", "givenName", "kana", "phone", "email"] });
  });
  return { id, displayCode };
}

type PeerRecordValues = Pick<PeerUpdateInput, (typeof PEER_RECORD_FIELDS)[number]>;

export type PeerDetail = {
  id: string;
  displayCode: string;
  version: number;
  office: { id: string; name: string };
  status: PeerStatus;
  storedStatus: PeerStatus;
  registeredOn: string;
  registrationFy: number;
  expiresOn: string;
  /** The JST date of the last status change (for a withdrawn peer, the day of 登録抹消); null if never changed. */
  statusChangedOn: string | null;
  record: PeerRecordValues;
  regionNames: string[];
  registrations: { fiscalYear: number; registeredOn: string; expiresOn: string }[];
  trainings: { id: string; kind: PeerTraining; completedOn: string }[];
  allowedStatuses: PeerStatus[];
  /** Fiscal years a renewal may be made for (the current one when lapsed, and the next). */
  renewableYears: number[];
  insuranceLapsed: boolean;
};

function recordValues(peerId: string, row: typeof peerSupporters.$inferSelect): PeerRecordValues {
  const db = getDb();
  const identity = db.select().from(peerIdentities).where(eq(peerIdentities.peerId, peerId)).get()!;
  return {
    familyName: identity.familyName,
    givenName: identity.givenName,
    familyNameKana: identity.familyNameKana,
    givenNameKana: identity.givenNameKana,
    phone: identity.phone,
    email: identity.email,
    consentDate: row.consentDate,
    volunteerInsuranceUntil: row.volunteerInsuranceUntil,
    activities: db.select({ p: peerActivities.purpose }).from(peerActivities).where(eq(peerActivities.peerId, peerId)).orderBy(asc(peerActivities.purpose)).all().map((r) => r.p),
    regionIds: db.select({ r: peerAreas.regionId }).from(peerAreas).where(eq(peerAreas.peerId, peerId)).orderBy(asc(peerAreas.regionId)).all().map((r) => r.r),
  };
}

/** One peer with identity and history; the view is audited. Not in reach: not_found. */
export function getPeerForActor(actor: Actor, peerId: string): PeerDetail {
  const row = peerGate.load(actor, peerId);
  const db = getDb();
  const today = todayIso();
  const office = db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, row.officeId)).get()!;
  const record = recordValues(row.id, row);
  const regionNames = record.regionIds.length
    ? db.select({ name: regions.name }).from(regions).where(inArray(regions.id, record.regionIds)).orderBy(asc(regions.sort)).all().map((r) => r.name)
    : [];
  const status = effectiveStatus(row.status, row.expiresOn, today);
  const detail: PeerDetail = {
    id: row.id,
    displayCode: row.displayCode,
    version: row.version,
    office,
    status,
    storedStatus: row.status,
    registeredOn: row.registeredOn,
    registrationFy: row.registrationFy,
    expiresOn: row.expiresOn,
    statusChangedOn: row.statusChangedOn,
    record,
    regionNames,
    registrations: db
      .select({ fiscalYear: peerRegistrations.fiscalYear, registeredOn: peerRegistrations.registeredOn, expiresOn: peerRegistrations.expiresOn })
      .from(peerRegistrations)
      .where(eq(peerRegistrations.peerId, row.id))
      .orderBy(desc(peerRegistrations.fiscalYear))
      .all(),
    trainings: db.select({ id: peerTrainings.id, kind: peerTrainings.kind, completedOn: peerTrainings.completedOn }).from(peerTrainings).where(eq(peerTrainings.peerId, row.id)).orderBy(asc(peerTrainings.completedOn)).all(),
    allowedStatuses: can(actor.role, "write:peer:reach") ? PEER_STATUSES.filter((s) => s !== status && canChangePeerStatus(status, s)) : [],
    renewableYears: can(actor.role, "write:peer:reach") ? renewableYears(row.registrationFy, status, today) : [],
    insuranceLapsed: !!row.volunteerInsuranceUntil && row.volunteerInsuranceUntil < today && status === "active",
  };
  peerGate.viewed(actor, row.id, { displayCode: row.displayCode, identity: true });
  return detail;
}

/** The values the edit form is loaded with (sent back as `base` to explain a conflict). */
export function peerRecordBase(detail: PeerDetail): string {
  return JSON.stringify(detail.record);
}

/**
 * Save the identity, contact and record. A stale `version` changes nothing and reports, field
 * by field, what someone else changed since the form was loaded, with the current value.
 */
export function updatePeer(actor: Actor, input: PeerUpdateInput): void {
  const row = peerGate.load(actor, input.id, "write");
  const current = recordValues(row.id, row);
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "peer", entityId: row.id });
  assertRegions(actor, input.regionIds);
  const next: PeerRecordValues = Object.fromEntries(PEER_RECORD_FIELDS.map((k) => [k, input[k]])) as PeerRecordValues;
  next.activities = [...new Set(next.activities)].sort();
  next.regionIds = [...new Set(next.regionIds)].sort();
  const changes = diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return;
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    // Another connection saved since the row was read: report what it changed since `base`.
    peerGate.touch(tx, actor, row, input.version, { consentDate: next.consentDate, volunteerInsuranceUntil: next.volunteerInsuranceUntil }, {
      conflict: () => staleSaveConflict(input.base, recordValues(row.id, peerGate.load(actor, row.id)), { actor, entityType: "peer", entityId: row.id }),
    });
    tx.update(peerIdentities)
      .set({
        familyName: next.familyName,
        givenName: next.givenName,
        familyNameKana: next.familyNameKana,
        givenNameKana: next.givenNameKana,
        kanaKey: normalizeKana(next.familyNameKana + next.givenNameKana),
        phone: next.phone,
        email: next.email,
        updatedAt: now,
      })
      .where(eq(peerIdentities.peerId, row.id))
      .run();
    writePeerTokens(tx, row.id, next);
    tx.delete(peerActivities).where(eq(peerActivities.peerId, row.id)).run();
    for (const purpose of next.activities) tx.insert(peerActivities).values({ peerId: row.id, purpose }).run();
    tx.delete(peerAreas).where(eq(peerAreas.peerId, row.id)).run();
    for (const regionId of next.regionIds) tx.insert(peerAreas).values({ peerId: row.id, regionId }).run();
    // Identity fields are named, their values are not written to the log.
    const identityKeys = new Set(["familyName", "givenName", "familyNameKana", "givenNameKana", "phone", "email"]);
    const logged = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, identityKeys.has(k) ? "(changed)" : v]));
    peerGate.audit(tx, actor, row.id, "update", { changes: logged });
  });
}

/**
 * Pause, resume or withdraw a registration (期間満了 follows from the date, not from a click).
 * The change is dated with Japan's calendar day in the same update: the yearly counts date a
 * withdrawal by it, and a UTC timestamp would put one made before 09:00 JST on the previous day
 * (on 1 April, in the previous fiscal year).
 */
export function setPeerStatus(actor: Actor, peerId: string, version: number, status: PeerStatus): void {
  const row = peerGate.load(actor, peerId, "write");
  if (row.version !== version) throw new AppError("conflict", "errors.conflict");
  const today = todayIso();
  const current = effectiveStatus(row.status, row.expiresOn, today);
  if (!canChangePeerStatus(current, status)) throw new AppError("invalid", "validation.peer.statusNotAllowed", { status: "validation.peer.statusNotAllowed" });
  getDb().transaction((tx) => {
    // 登録抹消 is final, in SQL too: a withdrawn row (and its date) is never rewritten.
    peerGate.touch(tx, actor, row, version, { status, statusChangedOn: today }, { where: notWithdrawn });
    peerGate.audit(tx, actor, row.id, "update", { changes: { status: [current, status] } });
  });
}

/** Renew for a fiscal year: the same record carries over, registered again for that whole year. */
export function renewPeer(actor: Actor, peerId: string, version: number, fiscalYear: number): void {
  const row = peerGate.load(actor, peerId, "write");
  if (row.version !== version) throw new AppError("conflict", "errors.conflict");
  const today = todayIso();
  const status = effectiveStatus(row.status, row.expiresOn, today);
  if (!renewableYears(row.registrationFy, status, today).includes(fiscalYear)) {
    throw new AppError("invalid", "validation.peer.renewalNotAllowed", { fiscalYear: "validation.peer.renewalNotAllowed" });
  }
  const renewal = renewalFor(fiscalYear);
  const now = new Date().toISOString();
  // A paused peer stays paused (renewing keeps them on the list); a lapsed one is active again.
  const nextStatus: PeerStatus = row.status === "paused" ? "paused" : "active";
  getDb().transaction((tx) => {
    peerGate.touch(
      tx,
      actor,
      row,
      version,
      {
        registrationFy: renewal.registrationFy,
        expiresOn: renewal.expiresOn,
        status: nextStatus,
        // Dated only when the stored status actually changes (a row stored as 期間満了).
        ...(nextStatus !== row.status ? { statusChangedOn: today } : {}),
      },
      { where: notWithdrawn },
    );
    tx.insert(peerRegistrations)
      .values({ peerId: row.id, fiscalYear: renewal.registrationFy, registeredOn: renewal.registeredOn, expiresOn: renewal.expiresOn, createdBy: actor.id, createdAt: now })
      .onConflictDoNothing()
      .run();
    peerGate.audit(tx, actor, row.id, "update", { renewedFor: fiscalYear, changes: { expiresOn: [row.expiresOn, renewal.expiresOn] } });
  });
}

/** Record a completed training (養成研修, フォローアップ研修, ピアサポート研修 基礎/専門). */
export function addPeerTraining(actor: Actor, input: PeerTrainingInput): { id: string } {
  const row = peerGate.load(actor, input.peerId, "write");
  const id = ulid();
  getDb().transaction((tx) => {
    peerGate.guard(tx, actor, row, "create", [input.completedOn], wholeRecord({ kind: input.kind, completedOn: input.completedOn }, "after"), input);
    tx.insert(peerTrainings).values({ id, peerId: row.id, kind: input.kind, completedOn: input.completedOn }).run();
    peerGate.audit(tx, actor, row.id, "create", { record: "training", id, kind: input.kind, completedOn: input.completedOn });
  });
  return { id };
}

/** Remove a training entered by mistake; the log keeps what it was. */
export function removePeerTraining(actor: Actor, peerId: string, trainingId: string, restating: Restating = {}): void {
  const row = peerGate.load(actor, peerId, "write");
  const training = getDb().select().from(peerTrainings).where(and(eq(peerTrainings.id, trainingId), eq(peerTrainings.peerId, row.id))).get();
  if (!training) throw new AppError("not_found", "errors.notFound");
  getDb().transaction((tx) => {
    peerGate.guard(tx, actor, row, "delete", [training.completedOn], wholeRecord({ kind: training.kind, completedOn: training.completedOn }, "before"), restating);
    tx.delete(peerTrainings).where(eq(peerTrainings.id, training.id)).run();
    peerGate.audit(tx, actor, row.id, "delete", { record: "training", id: training.id, kind: training.kind, completedOn: training.completedOn });
  });
}

export type PeerAuditRow = AuditTrailRow;

/** Who viewed or changed this peer's record (閲覧・変更履歴), for supervisors. */
export function listPeerAuditForActor(actor: Actor, peerId: string, options: AuditTrailOptions = {}): AuditTrailPage {
  return peerGate.trail(actor, peerId, options);
}

/**
 * Write a peer's identity back whole, as read (decrypted), through the column types: envelopes,
 * the kana key and tokens under the current key (ADR 0040). For the start-up encryption of plain
 * rows and for keys:rotate, inside the caller's transaction.
 */
export function rewritePeerIdentity(tx: Tx, i: typeof peerIdentities.$inferSelect): void {
  tx.update(peerIdentities)
    .set({
      familyName: i.familyName,
      givenName: i.givenName,
      familyNameKana: i.familyNameKana,
      givenNameKana: i.givenNameKana,
      kanaKey: normalizeKana(i.familyNameKana + i.givenNameKana),
      phone: i.phone,
      email: i.email,
    })
    .where(eq(peerIdentities.peerId, i.peerId))
    .run();
  writePeerTokens(tx, i.peerId, i);
}
