import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import {
  cases,
  healthCenters,
  hospitals,
  peerActivities,
  peerAreas,
  peerDispatchMembers,
  peerDispatches,
  peerIdentities,
  peerRegistrations,
  peerSupporters,
  peerTrainings,
  regions,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearOf, todayIso } from "@/lib/domain/fiscal-year";
import type { DispatchStatus, PeerStatus } from "@/lib/domain/peer-codes";
import { allowedDispatchTransitions, canChangePeerStatus, effectiveStatus, registrationExpiry, renewalFor } from "@/lib/domain/peer-registration";
import type { DispatchCreateInput, PeerCreateInput } from "@/lib/validation/peer";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { assertHospitalInPrefecture } from "./hospitals";
import { inPrefecture, inReach } from "./scope";

/*
 * The peer-supporter registry and dispatches. Registration reveals lived experience of
 * mental illness, so peers get the same treatment as case persons: rows are scoped to the
 * offices in reach in SQL, identities are read only by the owning office's staff, every read
 * of an identity and every change is audited.
 */

function requirePeerWork(actor: Actor, write = false): void {
  if (!can(actor.role, write ? "write:case:reach" : "read:identity:reach")) throw new AppError("not_found", "errors.notFound");
}

function assertOfficeInReach(actor: Actor, officeId: string): { id: string; casePrefix: string } {
  const office = getDb()
    .select({ id: healthCenters.id, casePrefix: healthCenters.casePrefix })
    .from(healthCenters)
    .where(and(eq(healthCenters.id, officeId), inReach(actor, healthCenters.id)))
    .get();
  if (!office) throw new AppError("invalid", "validation.case.officeInvalid", { officeId: "validation.case.officeInvalid" });
  return office;
}

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
};

/** The registry of the offices in reach, with the status as of today (期間満了 applied). */
export function listPeersForActor(actor: Actor): PeerRow[] {
  requirePeerWork(actor);
  const db = getDb();
  const today = todayIso();
  const rows = db
    .select({
      id: peerSupporters.id,
      displayCode: peerSupporters.displayCode,
      familyName: peerIdentities.familyName,
      givenName: peerIdentities.givenName,
      familyNameKana: peerIdentities.familyNameKana,
      givenNameKana: peerIdentities.givenNameKana,
      officeName: healthCenters.name,
      status: peerSupporters.status,
      registrationFy: peerSupporters.registrationFy,
      expiresOn: peerSupporters.expiresOn,
      trainings: sql<number>`(SELECT count(*) FROM ${peerTrainings} WHERE ${peerTrainings.peerId} = ${peerSupporters.id})`,
    })
    .from(peerSupporters)
    .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
    .innerJoin(healthCenters, eq(healthCenters.id, peerSupporters.officeId))
    .where(inReach(actor, peerSupporters.officeId))
    .orderBy(asc(healthCenters.sort), asc(peerSupporters.displayCode))
    .all();
  db.transaction((tx) => writeAudit(tx, actor, { action: "view", entityType: "peer_list", detail: { peerIds: rows.map((r) => r.id) } }));
  return rows.map((r) => ({
    id: r.id,
    displayCode: r.displayCode,
    name: `${r.familyName} ${r.givenName}`,
    kana: `${r.familyNameKana} ${r.givenNameKana}`,
    officeName: r.officeName,
    status: effectiveStatus(r.status, r.expiresOn, today),
    registrationFy: r.registrationFy,
    expiresOn: r.expiresOn,
    trainings: r.trainings,
  }));
}

/** Register a peer at an office; the registration lasts to the end of its fiscal year. */
export function createPeer(actor: Actor, input: PeerCreateInput): { id: string; displayCode: string } {
  requirePeerWork(actor, true);
  const db = getDb();
  const office = assertOfficeInReach(actor, input.officeId);
  if (input.regionIds.length) {
    const found = db.select({ id: regions.id }).from(regions).where(and(inArray(regions.id, input.regionIds), inPrefecture(actor, regions.prefectureCode))).all();
    if (found.length !== new Set(input.regionIds).size) throw new AppError("invalid", "validation.peer.regionInvalid", { regionIds: "validation.peer.regionInvalid" });
  }
  const id = ulid();
  const now = new Date().toISOString();
  let displayCode = "";
  db.transaction((tx) => {
    const [{ n }] = tx.select({ n: count() }).from(peerSupporters).where(eq(peerSupporters.officeId, office.id)).all() as [{ n: number }];
    displayCode = `${office.casePrefix}-P-${String(n + 1).padStart(3, "0")}`;
    tx.insert(peerSupporters)
      .values({
        id,
        prefectureCode: actor.prefectureCode,
        officeId: office.id,
        displayCode,
        registeredOn: input.registeredOn,
        registrationFy: fiscalYearOf(input.registeredOn),
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
      .values({ peerId: id, fiscalYear: fiscalYearOf(input.registeredOn), registeredOn: input.registeredOn, expiresOn: registrationExpiry(input.registeredOn), createdBy: actor.id, createdAt: now })
      .run();
    tx.insert(peerIdentities)
      .values({ peerId: id, familyName: input.familyName, givenName: input.givenName, familyNameKana: input.familyNameKana, givenNameKana: input.givenNameKana, phone: input.phone, email: input.email, updatedAt: now })
      .run();
    for (const purpose of new Set(input.activities)) tx.insert(peerActivities).values({ peerId: id, purpose }).run();
    for (const regionId of new Set(input.regionIds)) tx.insert(peerAreas).values({ peerId: id, regionId }).run();
    for (const t of input.trainings) tx.insert(peerTrainings).values({ id: ulid(), peerId: id, kind: t.kind, completedOn: t.completedOn }).run();
    writeAudit(tx, actor, { action: "create", entityType: "peer", entityId: id, detail: { displayCode, officeId: office.id, identityFields: ["familyName", "givenName", "kana", "phone", "email"] } });
  });
  return { id, displayCode };
}

function loadPeerInReach(actor: Actor, peerId: string) {
  const row = getDb()
    .select()
    .from(peerSupporters)
    .where(and(eq(peerSupporters.id, peerId), inReach(actor, peerSupporters.officeId)))
    .get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  return row;
}

/** Pause, resume or withdraw a registration (期間満了 follows from the date, not from a click). */
export function setPeerStatus(actor: Actor, peerId: string, version: number, status: PeerStatus): void {
  requirePeerWork(actor, true);
  const row = loadPeerInReach(actor, peerId);
  const current = effectiveStatus(row.status, row.expiresOn, todayIso());
  if (!canChangePeerStatus(current, status)) throw new AppError("invalid", "validation.peer.statusNotAllowed", { status: "validation.peer.statusNotAllowed" });
  getDb().transaction((tx) => {
    const result = tx
      .update(peerSupporters)
      .set({ status, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(peerSupporters.id, row.id), eq(peerSupporters.version, version)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "errors.conflict");
    writeAudit(tx, actor, { action: "update", entityType: "peer", entityId: row.id, detail: { changes: { status: [row.status, status] } } });
  });
}

/** Renew for a fiscal year: the same record carries over, registered again for that whole year. */
export function renewPeer(actor: Actor, peerId: string, version: number, fiscalYear: number): void {
  requirePeerWork(actor, true);
  const row = loadPeerInReach(actor, peerId);
  if (row.status === "withdrawn") throw new AppError("invalid", "validation.peer.statusNotAllowed", { status: "validation.peer.statusNotAllowed" });
  const renewal = renewalFor(fiscalYear);
  getDb().transaction((tx) => {
    const result = tx
      .update(peerSupporters)
      .set({ registrationFy: renewal.registrationFy, expiresOn: renewal.expiresOn, status: "active", version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(peerSupporters.id, row.id), eq(peerSupporters.version, version)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "errors.conflict");
    tx.insert(peerRegistrations)
      .values({ peerId: row.id, fiscalYear: renewal.registrationFy, registeredOn: renewal.registeredOn, expiresOn: renewal.expiresOn, createdBy: actor.id, createdAt: new Date().toISOString() })
      .onConflictDoNothing()
      .run();
    writeAudit(tx, actor, { action: "update", entityType: "peer", entityId: row.id, detail: { renewedFor: fiscalYear, changes: { expiresOn: [row.expiresOn, renewal.expiresOn] } } });
  });
}

export type DispatchRow = {
  id: string;
  date: string;
  officeName: string;
  destination: string;
  purpose: string;
  status: DispatchStatus;
  members: string[];
  audienceCount: number | null;
};

/** Dispatches of the offices in reach, newest first. Peers are shown by display code only. */
export function listDispatchesForActor(actor: Actor, limit = 100): DispatchRow[] {
  requirePeerWork(actor);
  const db = getDb();
  const rows = db
    .select({
      id: peerDispatches.id,
      date: peerDispatches.date,
      officeName: healthCenters.name,
      hospitalName: hospitals.name,
      destinationName: peerDispatches.destinationName,
      purpose: peerDispatches.purpose,
      status: peerDispatches.status,
      audienceCount: peerDispatches.audienceCount,
    })
    .from(peerDispatches)
    .innerJoin(healthCenters, eq(healthCenters.id, peerDispatches.officeId))
    .leftJoin(hospitals, eq(hospitals.id, peerDispatches.hospitalId))
    .where(inReach(actor, peerDispatches.officeId))
    .orderBy(desc(peerDispatches.date), desc(peerDispatches.id))
    .limit(limit)
    .all();
  const members = rows.length
    ? db
        .select({ dispatchId: peerDispatchMembers.dispatchId, code: peerSupporters.displayCode })
        .from(peerDispatchMembers)
        .innerJoin(peerSupporters, eq(peerSupporters.id, peerDispatchMembers.peerId))
        .where(inArray(peerDispatchMembers.dispatchId, rows.map((r) => r.id)))
        .all()
    : [];
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    officeName: r.officeName,
    destination: r.hospitalName ?? r.destinationName ?? "",
    purpose: r.purpose,
    status: r.status,
    members: members.filter((m) => m.dispatchId === r.id).map((m) => m.code),
    audienceCount: r.audienceCount,
  }));
}

/**
 * Record a dispatch (依頼 by default). Every peer must be registered and active at the
 * dispatching office on the day; a linked case must be a case of an office in reach.
 */
export function createDispatch(actor: Actor, input: DispatchCreateInput, status: DispatchStatus = "requested"): { id: string } {
  requirePeerWork(actor, true);
  const db = getDb();
  const office = assertOfficeInReach(actor, input.officeId);
  const peerIds = [...new Set(input.members.map((m) => m.peerId))];
  const peers = db.select().from(peerSupporters).where(and(inArray(peerSupporters.id, peerIds), eq(peerSupporters.officeId, office.id))).all();
  const available = peers.filter((p) => effectiveStatus(p.status, p.expiresOn, input.date) === "active" && p.registeredOn <= input.date);
  if (available.length !== peerIds.length) throw new AppError("invalid", "validation.dispatch.peerUnavailable", { members: "validation.dispatch.peerUnavailable" });
  if (input.hospitalId) assertHospitalInPrefecture(actor, input.hospitalId);
  if (input.caseId) {
    const c = db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, input.caseId), inReach(actor, cases.officeId))).get();
    if (!c) throw new AppError("invalid", "validation.dispatch.caseInvalid", { caseId: "validation.dispatch.caseInvalid" });
  }
  const id = ulid();
  const now = new Date().toISOString();
  db.transaction((tx) => {
    tx.insert(peerDispatches)
      .values({
        id,
        prefectureCode: actor.prefectureCode,
        officeId: office.id,
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        requestingOrg: input.requestingOrg,
        destinationKind: input.destinationKind,
        hospitalId: input.destinationKind === "hospital" ? input.hospitalId : null,
        destinationName: input.destinationKind === "hospital" ? null : input.destinationName,
        purpose: input.purpose,
        audienceCount: input.audienceCount,
        caseId: input.caseId,
        status,
        createdBy: actor.id,
        createdAt: now,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .run();
    for (const m of input.members) tx.insert(peerDispatchMembers).values({ dispatchId: id, ...m }).run();
    writeAudit(tx, actor, { action: "create", entityType: "peer_dispatch", entityId: id, detail: { date: input.date, purpose: input.purpose, status, peers: peers.map((p) => p.displayCode) } });
  });
  return { id };
}

/** 依頼 → 予定 → 実施, or 中止; a report may be added with the move to 実施. */
export function setDispatchStatus(actor: Actor, dispatchId: string, version: number, status: DispatchStatus, report: string | null = null): void {
  requirePeerWork(actor, true);
  const row = getDb()
    .select()
    .from(peerDispatches)
    .where(and(eq(peerDispatches.id, dispatchId), inReach(actor, peerDispatches.officeId)))
    .get();
  if (!row) throw new AppError("not_found", "errors.notFound");
  if (!allowedDispatchTransitions(row.status).includes(status)) {
    throw new AppError("invalid", "validation.dispatch.statusNotAllowed", { status: "validation.dispatch.statusNotAllowed" });
  }
  getDb().transaction((tx) => {
    const result = tx
      .update(peerDispatches)
      .set({ status, report: report ?? row.report, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(peerDispatches.id, row.id), eq(peerDispatches.version, version)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "errors.conflict");
    writeAudit(tx, actor, { action: "update", entityType: "peer_dispatch", entityId: row.id, detail: { changes: { status: [row.status, status] } } });
  });
}
