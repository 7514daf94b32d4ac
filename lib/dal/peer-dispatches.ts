import "server-only";
import { fullName } from "@/lib/domain/person-name";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { cases, healthCenters, hospitals, personIdentities, peerDispatchMembers, peerDispatches, peerIdentities, peerRegistrations, peerSupporters } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/domain/fiscal-year";
import { type DestinationKind, type DispatchStatus, type PeerPurpose, type PeerStatus } from "@/lib/domain/peer-codes";
import { allowedDispatchTransitions, availableOn, effectiveStatus, type PeerAvailability } from "@/lib/domain/peer-registration";
import { isNotAfterToday } from "@/lib/validation/dates";
import { DISPATCH_RECORD_FIELDS, type DispatchCreateInput, type DispatchMemberInput, type DispatchStatusInput, type DispatchUpdateInput } from "@/lib/validation/peer";
import type { Actor } from "./actor";
import { auditView, diffFields } from "./audit";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { assertHappened } from "./happened-dates";
import { assertHospitalInPrefecture } from "./hospitals";
import { assertOfficeInReach } from "./peers";
import { wholeRecord } from "./record-corrections";
import { caseGate, dispatchGate } from "./record-gate";
import { inReach } from "./scope";

/*
 * ピアサポーター派遣. A dispatch belongs to the dispatching office: its staff record it, move it
 * along 依頼 → 予定 → 実施 (or 中止) and correct it (version-checked). Lists show peers by display
 * code only; the form and the detail page show names to the owning office and are audited.
 */

// ---------------------------------------------------------------------------------------
// The form: pickers, defaults and the previous entry

export type PeerOption = {
  id: string;
  displayCode: string;
  name: string;
  status: PeerStatus;
  expiresOn: string;
  /** The stored status and registered periods: the form offers the peer only on days it covers (availableOn). */
  availability: PeerAvailability;
};
export type CaseOption = { id: string; caseNo: string; name: string };

/** What "copy the previous entry" fills in (everything but the date). */
export type DispatchCopy = {
  startTime: string | null;
  endTime: string | null;
  requestingOrg: string | null;
  destinationKind: DestinationKind;
  hospitalId: string | null;
  destinationName: string | null;
  purpose: PeerPurpose;
  audienceCount: number | null;
  members: DispatchMemberInput[];
};

export type DispatchFormOptions = {
  office: { id: string; name: string };
  offices: { id: string; name: string }[];
  peers: PeerOption[];
  cases: CaseOption[];
  /** The latest dispatch this actor recorded at the office, else the office's latest. */
  previous: (DispatchCopy & { date: string }) | null;
};

function copyOf(row: typeof peerDispatches.$inferSelect): DispatchCopy & { date: string } {
  const members = getDb()
    .select({ peerId: peerDispatchMembers.peerId, hours: peerDispatchMembers.hours, honorariumYen: peerDispatchMembers.honorariumYen, travelYen: peerDispatchMembers.travelYen })
    .from(peerDispatchMembers)
    .where(eq(peerDispatchMembers.dispatchId, row.id))
    .all();
  return {
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    requestingOrg: row.requestingOrg,
    destinationKind: row.destinationKind,
    hospitalId: row.hospitalId,
    destinationName: row.destinationName,
    purpose: row.purpose,
    audienceCount: row.audienceCount,
    members,
  };
}

/**
 * Everything the dispatch form needs for one office: its peers (with names, for the office's own
 * staff; audited), its open cases for the optional link, and the previous entry to copy.
 */
export function getDispatchFormForActor(actor: Actor, officeId: string | undefined): DispatchFormOptions {
  dispatchGate.require(actor, "write");
  const db = getDb();
  const today = todayIso();
  const offices = db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(inReach(actor, healthCenters.id)).orderBy(asc(healthCenters.sort)).all();
  const mineFirst = officeId ?? actor.assignedOfficeIds[0];
  const office = offices.find((o) => o.id === mineFirst) ?? offices[0];
  if (!office) throw new AppError("not_found", "errors.notFound");
  const peerRows = db
    .select({
      id: peerSupporters.id,
      displayCode: peerSupporters.displayCode,
      familyName: peerIdentities.familyName,
      givenName: peerIdentities.givenName,
      status: peerSupporters.status,
      expiresOn: peerSupporters.expiresOn,
    })
    .from(peerSupporters)
    .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
    .where(and(eq(peerSupporters.officeId, office.id), ne(peerSupporters.status, "withdrawn")))
    .orderBy(asc(peerSupporters.displayCode))
    .all();
  const periods = registrationsOf(peerRows.map((p) => p.id));
  const peers = peerRows.map((p) => ({
    id: p.id,
    displayCode: p.displayCode,
    name: fullName(p),
    status: effectiveStatus(p.status, p.expiresOn, today),
    expiresOn: p.expiresOn,
    availability: { status: p.status, registrations: periods.get(p.id) ?? [] },
  }));
  const openCases = db
    .select({ id: cases.id, caseNo: cases.caseNo, familyName: personIdentities.familyName, givenName: personIdentities.givenName })
    .from(cases)
    .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
    .where(and(eq(cases.officeId, office.id), ne(cases.phase, "closed")))
    .orderBy(desc(cases.caseNo))
    .limit(500)
    .all()
    .map((c) => ({ id: c.id, caseNo: c.caseNo, name: fullName(c) }));
  const latest = (mine: boolean) =>
    db
      .select()
      .from(peerDispatches)
      .where(and(eq(peerDispatches.officeId, office.id), mine ? eq(peerDispatches.createdBy, actor.id) : undefined))
      .orderBy(desc(peerDispatches.createdAt), desc(peerDispatches.id))
      .limit(1)
      .get();
  const previousRow = latest(true) ?? latest(false);
  auditView(actor, { entityType: "peer_dispatch_form", detail: { officeId: office.id, peerIds: peers.map((p) => p.id), caseIds: openCases.map((c) => c.id) } });
  return { office, offices, peers, cases: openCases, previous: previousRow ? copyOf(previousRow) : null };
}

// ---------------------------------------------------------------------------------------
// Create, read, edit, status

/**
 * The members must be peers of the dispatching office whose registration covers the date
 * (登録中 on that day, per the yearly registrations) and who are not withdrawn; a peer paused
 * today cannot be sent on a dispatch still to come.
 */
/** The registered periods of these peers, per peer. */
function registrationsOf(peerIds: string[]): Map<string, { registeredOn: string; expiresOn: string }[]> {
  const byPeer = new Map<string, { registeredOn: string; expiresOn: string }[]>();
  if (peerIds.length === 0) return byPeer;
  const rows = getDb()
    .select({ peerId: peerRegistrations.peerId, registeredOn: peerRegistrations.registeredOn, expiresOn: peerRegistrations.expiresOn })
    .from(peerRegistrations)
    .where(inArray(peerRegistrations.peerId, peerIds))
    .all();
  for (const r of rows) byPeer.set(r.peerId, [...(byPeer.get(r.peerId) ?? []), { registeredOn: r.registeredOn, expiresOn: r.expiresOn }]);
  return byPeer;
}

/** Every member is a peer of the office, once, available on the dispatch's date (the rule the form filters by). */
function assertMembersAvailable(officeId: string, date: string, members: DispatchMemberInput[]): void {
  const peerIds = [...new Set(members.map((m) => m.peerId))];
  if (peerIds.length !== members.length) throw new AppError("invalid", "validation.dispatch.duplicateMember", { peerIds: "validation.dispatch.duplicateMember" });
  const peers = peerIds.length
    ? getDb()
        .select({ id: peerSupporters.id, status: peerSupporters.status })
        .from(peerSupporters)
        .where(and(inArray(peerSupporters.id, peerIds), eq(peerSupporters.officeId, officeId)))
        .all()
    : [];
  const periods = registrationsOf(peers.map((p) => p.id));
  const today = todayIso();
  const available = peers.filter((p) => availableOn({ status: p.status, registrations: periods.get(p.id) ?? [] }, date, today));
  if (available.length !== peerIds.length) throw new AppError("invalid", "validation.dispatch.peerUnavailable", { peerIds: "validation.dispatch.peerUnavailable" });
}

/**
 * The linked case must be a case of the dispatch's own office (not merely one in the actor's
 * reach: a supervisor of a parent office reaches its 支所's cases and its own, but the 支所's
 * staff must not see a parent-office case through the link), and open when the link is new (a
 * closed case takes no new records until reopened, ADR 0029); a dispatch keeps the link it already had.
 */
function assertCaseInReach(actor: Actor, officeId: string, caseId: string | null, linked: string | null = null): void {
  if (!caseId) return;
  const c = getDb()
    .select({ id: cases.id, phase: cases.phase })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.officeId, officeId), caseGate.inReach(actor)))
    .get();
  if (!c) throw new AppError("invalid", "validation.dispatch.caseInvalid", { caseId: "validation.dispatch.caseInvalid" });
  if (c.phase === "closed" && caseId !== linked) throw new AppError("invalid", "validation.dispatch.caseClosed", { caseId: "validation.dispatch.caseClosed" });
}

function assertDestination(actor: Actor, input: { destinationKind: DestinationKind; hospitalId: string | null }): void {
  if (input.destinationKind === "hospital" && input.hospitalId) assertHospitalInPrefecture(actor, input.hospitalId);
}

/** The dispatch's own columns as entered: a hospital destination keeps no free-text name, any other keeps no hospital. */
function enteredValues(input: DispatchCreateInput | DispatchUpdateInput) {
  return {
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
    report: input.report,
  };
}

function insertMembers(tx: Tx, dispatchId: string, members: DispatchMemberInput[]): void {
  for (const m of members) tx.insert(peerDispatchMembers).values({ dispatchId, peerId: m.peerId, hours: m.hours, honorariumYen: m.honorariumYen, travelYen: m.travelYen }).run();
}

/** Record a dispatch as 依頼, 予定 or (after the fact) 実施. */
export function createDispatch(actor: Actor, input: DispatchCreateInput): { id: string } {
  dispatchGate.require(actor, "write");
  const office = assertOfficeInReach(actor, input.officeId);
  if (input.status === "done") assertHappened({ date: input.date });
  assertMembersAvailable(office.id, input.date, input.members);
  assertDestination(actor, input);
  assertCaseInReach(actor, office.id, input.caseId);
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(peerDispatches)
      .values({
        id,
        prefectureCode: actor.prefectureCode,
        officeId: office.id,
        ...enteredValues(input),
        status: input.status,
        createdBy: actor.id,
        createdAt: now,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .run();
    dispatchGate.guard(tx, actor, { id, officeId: office.id }, "create", [input.date], wholeRecord(enteredValues(input), "after"), input);
    insertMembers(tx, id, input.members);
    dispatchGate.audit(tx, actor, id, "create", { date: input.date, purpose: input.purpose, status: input.status, peerIds: input.members.map((m) => m.peerId) });
  });
  return { id };
}

type DispatchValues = Record<(typeof DISPATCH_RECORD_FIELDS)[number], unknown>;

function dispatchValues(row: typeof peerDispatches.$inferSelect): DispatchValues {
  const { date: _date, ...copy } = copyOf(row);
  return { ...copy, date: row.date, caseId: row.caseId, report: row.report };
}

export type DispatchDetail = {
  id: string;
  version: number;
  office: { id: string; name: string };
  date: string;
  startTime: string | null;
  endTime: string | null;
  requestingOrg: string | null;
  destinationKind: DestinationKind;
  hospital: { id: string; name: string } | null;
  destinationName: string | null;
  purpose: PeerPurpose;
  audienceCount: number | null;
  case: { id: string; caseNo: string } | null;
  status: DispatchStatus;
  report: string | null;
  members: { peerId: string; displayCode: string; name: string; hours: number | null; honorariumYen: number | null; travelYen: number | null }[];
  transitions: DispatchStatus[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** The editable values as loaded (JSON), sent back by the edit form as `base`. */
  base: string;
};

/** One dispatch with its peers by name (for the owning office; audited). Not in reach: not_found. */
export function getDispatchForActor(actor: Actor, dispatchId: string): DispatchDetail {
  const row = dispatchGate.load(actor, dispatchId);
  const db = getDb();
  const office = db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, row.officeId)).get()!;
  const hospital = row.hospitalId ? (db.select({ id: hospitals.id, name: hospitals.name }).from(hospitals).where(eq(hospitals.id, row.hospitalId)).get() ?? null) : null;
  // Only a case of the dispatch's own office is shown (a link made across offices before the rule was enforced is not).
  const linked = row.caseId
    ? (db.select({ id: cases.id, caseNo: cases.caseNo }).from(cases).where(and(eq(cases.id, row.caseId), eq(cases.officeId, row.officeId))).get() ?? null)
    : null;
  const members = db
    .select({
      peerId: peerDispatchMembers.peerId,
      displayCode: peerSupporters.displayCode,
      familyName: peerIdentities.familyName,
      givenName: peerIdentities.givenName,
      hours: peerDispatchMembers.hours,
      honorariumYen: peerDispatchMembers.honorariumYen,
      travelYen: peerDispatchMembers.travelYen,
    })
    .from(peerDispatchMembers)
    .innerJoin(peerSupporters, eq(peerSupporters.id, peerDispatchMembers.peerId))
    .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
    .where(eq(peerDispatchMembers.dispatchId, row.id))
    .orderBy(asc(peerSupporters.displayCode))
    .all();
  dispatchGate.viewed(actor, row.id, { peerIds: members.map((m) => m.peerId) });
  return {
    id: row.id,
    version: row.version,
    office,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    requestingOrg: row.requestingOrg,
    destinationKind: row.destinationKind,
    hospital,
    destinationName: row.destinationName,
    purpose: row.purpose,
    audienceCount: row.audienceCount,
    case: linked,
    status: row.status,
    report: row.report,
    members: members.map((m) => ({ peerId: m.peerId, displayCode: m.displayCode, name: fullName(m), hours: m.hours, honorariumYen: m.honorariumYen, travelYen: m.travelYen })),
    transitions: can(actor.role, "write:dispatch:reach") ? allowedDispatchTransitions(row.status) : [],
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    base: JSON.stringify(dispatchValues(row)),
  };
}

/**
 * Correct a dispatch (its office stays). A stale `version` changes nothing and lists what the
 * other person changed since the form was loaded.
 */
export function updateDispatch(actor: Actor, input: DispatchUpdateInput): void {
  const row = dispatchGate.load(actor, input.id, "write");
  const current = dispatchValues(row);
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "peer_dispatch", entityId: row.id });
  if (row.officeId !== input.officeId) throw new AppError("invalid", "validation.dispatch.officeFixed", { officeId: "validation.dispatch.officeFixed" });
  if (row.status === "done") assertHappened({ date: input.date });
  assertMembersAvailable(row.officeId, input.date, input.members);
  assertDestination(actor, input);
  assertCaseInReach(actor, row.officeId, input.caseId, row.caseId);
  const next: DispatchValues = { ...enteredValues(input), members: input.members };
  const sortMembers = (m: unknown) => [...(m as DispatchMemberInput[])].sort((a, b) => a.peerId.localeCompare(b.peerId));
  const changes = diffFields({ ...current, members: sortMembers(current.members) }, { ...next, members: sortMembers(next.members) });
  if (Object.keys(changes).length === 0) return;
  getDb().transaction((tx) => {
    const { members, ...columns } = next;
    // Another connection saved since the row was read: report what it changed since `base`.
    dispatchGate.touch(tx, actor, row, input.version, columns as Partial<typeof peerDispatches.$inferInsert>, {
      conflict: () => staleSaveConflict(input.base, dispatchValues(dispatchGate.load(actor, row.id)), { actor, entityType: "peer_dispatch", entityId: row.id }),
      restatementReason: input.restatementReason,
    });
    tx.delete(peerDispatchMembers).where(eq(peerDispatchMembers.dispatchId, row.id)).run();
    insertMembers(tx, row.id, members as DispatchMemberInput[]);
    dispatchGate.audit(tx, actor, row.id, "update", { changes });
  });
}

/** 依頼 → 予定 → 実施, or 中止; the report and the number reached may come with the move to 実施. */
export function setDispatchStatus(actor: Actor, input: DispatchStatusInput): void {
  const row = dispatchGate.load(actor, input.id, "write");
  if (row.version !== input.version) throw new AppError("conflict", "errors.conflict");
  if (!allowedDispatchTransitions(row.status).includes(input.status)) {
    throw new AppError("invalid", "validation.dispatch.statusNotAllowed", { status: "validation.dispatch.statusNotAllowed" });
  }
  if (input.status === "done" && !isNotAfterToday(row.date)) throw new AppError("invalid", "validation.dispatch.doneInFuture", { status: "validation.dispatch.doneInFuture" });
  getDb().transaction((tx) => {
    dispatchGate.touch(tx, actor, row, input.version, { status: input.status, report: input.report ?? row.report, audienceCount: input.audienceCount ?? row.audienceCount }, { restatementReason: input.restatementReason });
    dispatchGate.audit(tx, actor, row.id, "update", { changes: { status: [row.status, input.status] } });
  });
}
