import "server-only";
import { aliasedTable, and, asc, desc, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { caseTransfers, cases, healthCenters, personIdentities, persons, userOffices, users, type TransferStatus } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/domain/fiscal-year";
import type { TransferAcceptInput, TransferCancelInput, TransferDeclineInput, TransferRequestInput } from "@/lib/validation/case-transfer";
import type { Actor } from "./actor";
import { auditView, writeAudit } from "./audit";
import { AppError } from "./errors";
import { assertOfficeStaff } from "./org-checks";
import { preparedFor } from "./prepared";
import { caseGate } from "./record-gate";
import { inReach, officesInReach } from "./scope";

/*
 * Transfer of a case to another office of the prefecture (転出・転入, ADR 0032). A supervisor of
 * the office holding the case asks; until the receiving office's supervisor accepts, the case stays
 * where it is (its reach, its figures). The receiver sees the request in an inbox with the least
 * identity needed to decide (audited), accepts with a coordinator of their office (the case moves,
 * in one transaction with its audit rows) or declines with a reason. The office history is the
 * accepted transfers themselves: `responsibleOfficeOn` answers "which office on that day" from them.
 */

const PERMISSION = "transfer:case:reach" as const;
/** Office names go into the audit rows, so the 閲覧・変更履歴 words a transfer without looking them up. */
const officeName = (id: string) => getDb().select({ name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, id)).get()?.name ?? id;
const route = (t: { fromOfficeId: string; toOfficeId: string }) => ({ from: t.fromOfficeId, to: t.toOfficeId, fromName: officeName(t.fromOfficeId), toName: officeName(t.toOfficeId) });
const notFound = () => new AppError("not_found", "errors.notFound");
const fromOffice = aliasedTable(healthCenters, "from_office");
const toOffice = aliasedTable(healthCenters, "to_office");

/**
 * The office responsible for the case (the `cases` row of the query) on a date: the sending
 * office of the first transfer accepted after that date, or, if none, the office holding it now.
 * A transfer takes effect on its acceptance day (JST), so every day before it stays with the
 * sender: a past year's figures never move (ADR 0032).
 */
export function responsibleOfficeOn(on: SQL | AnySQLiteColumn): SQL {
  return sql`coalesce((SELECT ${caseTransfers.fromOfficeId} FROM ${caseTransfers} WHERE ${caseTransfers.caseId} = ${cases.id} AND ${caseTransfers.status} = 'accepted' AND ${caseTransfers.effectiveDate} > ${on} ORDER BY ${caseTransfers.effectiveDate}, ${caseTransfers.decidedAt} LIMIT 1), ${cases.officeId})`;
}

// ---------------------------------------------------------------------------------------
// The sending side (the case is in reach)

export type TransferView = {
  id: string;
  version: number;
  status: TransferStatus;
  fromOffice: string;
  toOffice: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  effectiveDate: string | null;
};

/** A case's transfers, newest first: built and prepared once (the case page shows them on every visit, ADR 0057). */
function transfersOfCase(caseId: string): TransferView[] {
  return preparedFor(getDb(), "transfers.ofCase", (db) => {
    const requester = aliasedTable(users, "requester");
    const decider = aliasedTable(users, "decider");
    return db
      .select({
        id: caseTransfers.id,
        version: caseTransfers.version,
        status: caseTransfers.status,
        fromOffice: fromOffice.name,
        toOffice: toOffice.name,
        reason: caseTransfers.reason,
        requestedBy: requester.displayName,
        requestedAt: caseTransfers.requestedAt,
        decidedBy: decider.displayName,
        decidedAt: caseTransfers.decidedAt,
        decisionNote: caseTransfers.decisionNote,
        effectiveDate: caseTransfers.effectiveDate,
      })
      .from(caseTransfers)
      .innerJoin(fromOffice, eq(fromOffice.id, caseTransfers.fromOfficeId))
      .innerJoin(toOffice, eq(toOffice.id, caseTransfers.toOfficeId))
      .innerJoin(requester, eq(requester.id, caseTransfers.requestedBy))
      .leftJoin(decider, eq(decider.id, caseTransfers.decidedBy))
      .where(eq(caseTransfers.caseId, sql.placeholder("caseId")))
      .orderBy(desc(caseTransfers.requestedAt), desc(caseTransfers.id))
      .prepare();
  }).all({ caseId });
}

/** Every transfer of a case in reach, newest first (the case page's history and banner). */
export function listTransfersOfCase(actor: Actor, caseId: string): TransferView[] {
  const row = caseGate.load(actor, caseId, "read");
  return transfersOfCase(row.id);
}

/** The offices a supervisor may send a case to: the prefecture's offices outside their own reach. */
export function transferTargetsFor(actor: Actor): { id: string; name: string }[] {
  if (!can(actor.role, PERMISSION)) return [];
  return getDb()
    .select({ id: healthCenters.id, name: healthCenters.name })
    .from(healthCenters)
    .where(and(eq(healthCenters.prefectureCode, actor.prefectureCode), not(inReach(actor, healthCenters.id))))
    .orderBy(asc(healthCenters.sort))
    .all();
}

/** A supervisor of the office holding the case asks another office of the prefecture to take it. */
export function requestTransfer(actor: Actor, input: TransferRequestInput): string {
  const row = caseGate.load(actor, input.caseId, PERMISSION);
  if (row.version !== input.version) throw new AppError("conflict", "errors.conflict");
  const target = transferTargetsFor(actor).find((o) => o.id === input.toOfficeId);
  if (!target) throw new AppError("invalid", "transfer.validation.officeInvalid", { toOfficeId: "transfer.validation.officeInvalid" });
  const db = getDb();
  const open = db.select({ id: caseTransfers.id }).from(caseTransfers).where(and(eq(caseTransfers.caseId, row.id), eq(caseTransfers.status, "requested"))).get();
  if (open) throw new AppError("invalid", "transfer.validation.alreadyRequested");
  const id = ulid();
  db.transaction((tx) => {
    tx.insert(caseTransfers)
      .values({ id, caseId: row.id, fromOfficeId: row.officeId, toOfficeId: target.id, reason: input.reason, status: "requested", requestedBy: actor.id, requestedAt: new Date().toISOString() })
      .run();
    caseGate.audit(tx, actor, row.id, "update", { transfer: "requested", transferId: id, ...route({ fromOfficeId: row.officeId, toOfficeId: target.id }), reason: input.reason });
  });
  return id;
}

/** The sender withdraws an open request (the case never left). */
export function cancelTransfer(actor: Actor, input: TransferCancelInput): string {
  const t = getDb().select().from(caseTransfers).where(eq(caseTransfers.id, input.transferId)).get();
  if (!t) throw notFound();
  // The case must still be the actor's (in reach); a case closed meanwhile may still withdraw its request.
  caseGate.require(actor, PERMISSION);
  const row = caseGate.load(actor, t.caseId, "read");
  if (t.status !== "requested" || row.officeId !== t.fromOfficeId) throw new AppError("invalid", "transfer.validation.notOpen");
  getDb().transaction((tx) => {
    decide(tx, actor, t.id, input.version, { status: "cancelled" });
    caseGate.audit(tx, actor, row.id, "update", { transfer: "cancelled", transferId: t.id, ...route(t) });
  });
  return row.id;
}

// ---------------------------------------------------------------------------------------
// The receiving side (the case is not in reach until accepted)

/** An open request addressed to an office the actor reaches, with the permission; else not_found. */
function loadIncoming(actor: Actor, transferId: string) {
  if (!can(actor.role, PERMISSION)) throw notFound();
  const t = getDb()
    .select()
    .from(caseTransfers)
    .where(and(eq(caseTransfers.id, transferId), inReach(actor, caseTransfers.toOfficeId), eq(caseTransfers.status, "requested")))
    .get();
  if (!t) throw notFound();
  return t;
}

/** Close an open request at the version the form saw; a stale version or a decided request writes nothing. */
function decide(tx: Tx, actor: Actor, id: string, version: number, set: Partial<typeof caseTransfers.$inferInsert>) {
  const result = tx
    .update(caseTransfers)
    .set({ ...set, decidedBy: actor.id, decidedAt: new Date().toISOString(), version: sql`${caseTransfers.version} + 1` })
    .where(and(eq(caseTransfers.id, id), eq(caseTransfers.version, version), eq(caseTransfers.status, "requested")))
    .run();
  if (result.changes === 0) throw new AppError("conflict", "errors.conflict");
}

/** The receiving office declines, saying why; the case stays with the sender. */
export function declineTransfer(actor: Actor, input: TransferDeclineInput): void {
  const t = loadIncoming(actor, input.transferId);
  getDb().transaction((tx) => {
    decide(tx, actor, t.id, input.version, { status: "declined", decisionNote: input.note });
    writeAudit(tx, actor, { action: "update", entityType: "case", entityId: t.caseId, detail: { transfer: "declined", transferId: t.id, ...route(t), note: input.note } });
  });
}

/**
 * The receiving office accepts and names the coordinator (staff of that office): the case, with
 * its whole history, moves to the receiving office from today (JST), in one transaction with the
 * audit row on the case. The sending office keeps the days before today (`responsibleOfficeOn`).
 */
export function acceptTransfer(actor: Actor, input: TransferAcceptInput): string {
  const t = loadIncoming(actor, input.transferId);
  assertOfficeStaff(t.toOfficeId, input.coordinatorUserId, "validation.case.coordinatorInvalid");
  const db = getDb();
  const row = db.select().from(cases).where(eq(cases.id, t.caseId)).get();
  if (!row) throw notFound();
  if (row.phase === "closed") throw new AppError("invalid", "errors.caseClosed");
  const today = todayIso();
  const now = new Date().toISOString();
  db.transaction((tx) => {
    decide(tx, actor, t.id, input.version, { status: "accepted", effectiveDate: today });
    const moved = tx
      .update(cases)
      .set({ officeId: t.toOfficeId, coordinatorUserId: input.coordinatorUserId, version: row.version + 1, updatedBy: actor.id, updatedAt: now })
      .where(and(eq(cases.id, row.id), eq(cases.officeId, t.fromOfficeId), eq(cases.version, row.version)))
      .run();
    if (moved.changes === 0) throw new AppError("conflict", "errors.conflict");
    caseGate.audit(tx, actor, row.id, "update", {
      transfer: "accepted",
      transferId: t.id,
      ...route(t),
      effectiveDate: today,
      changes: { officeId: [row.officeId, t.toOfficeId], coordinatorUserId: [row.coordinatorUserId, input.coordinatorUserId] },
    });
  });
  return row.id;
}

export type IncomingTransfer = {
  id: string;
  version: number;
  caseNo: string;
  fromOffice: string;
  toOfficeId: string;
  toOffice: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  /** The least identity the receiver needs to decide (ADR 0032): name, kana, birth month. */
  name: string;
  kana: string;
  birthYearMonth: string;
  phase: string;
};

/**
 * The open requests addressed to the offices the actor reaches (移管の依頼). They name the person,
 * so showing them is audited as a view; a role without the permission gets an empty list.
 */
export function listIncomingTransfers(actor: Actor): IncomingTransfer[] {
  if (!can(actor.role, PERMISSION)) return [];
  const requester = aliasedTable(users, "requester");
  const rows = getDb()
    .select({
      id: caseTransfers.id,
      version: caseTransfers.version,
      caseId: cases.id,
      caseNo: cases.caseNo,
      fromOffice: fromOffice.name,
      toOfficeId: caseTransfers.toOfficeId,
      toOffice: toOffice.name,
      reason: caseTransfers.reason,
      requestedBy: requester.displayName,
      requestedAt: caseTransfers.requestedAt,
      familyName: personIdentities.familyName,
      givenName: personIdentities.givenName,
      familyNameKana: personIdentities.familyNameKana,
      givenNameKana: personIdentities.givenNameKana,
      birthYearMonth: persons.birthYearMonth,
      phase: cases.phase,
    })
    .from(caseTransfers)
    .innerJoin(cases, eq(cases.id, caseTransfers.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
    .innerJoin(fromOffice, eq(fromOffice.id, caseTransfers.fromOfficeId))
    .innerJoin(toOffice, eq(toOffice.id, caseTransfers.toOfficeId))
    .innerJoin(requester, eq(requester.id, caseTransfers.requestedBy))
    .where(and(eq(caseTransfers.status, "requested"), inReach(actor, caseTransfers.toOfficeId)))
    .orderBy(asc(caseTransfers.requestedAt))
    .all();
  if (rows.length > 0) auditView(actor, { entityType: "case_transfer_inbox", detail: { transfers: rows.map((r) => r.id), cases: rows.map((r) => r.caseId) } });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    caseNo: r.caseNo,
    fromOffice: r.fromOffice,
    toOfficeId: r.toOfficeId,
    toOffice: r.toOffice,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    name: `${r.familyName} ${r.givenName}`,
    kana: `${r.familyNameKana} ${r.givenNameKana}`,
    birthYearMonth: r.birthYearMonth,
    phase: r.phase,
  }));
}

/** The coordinators and supervisors of the receiving offices, for the accept form's select. */
export function coordinatorsForIncoming(actor: Actor): { id: string; name: string; officeId: string }[] {
  if (!can(actor.role, PERMISSION)) return [];
  return getDb()
    .select({ id: users.id, name: users.displayName, officeId: userOffices.healthCenterId })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(and(eq(users.active, true), inArray(users.role, ["coordinator", "supervisor"]), inArray(userOffices.healthCenterId, officesInReach(actor))))
    .orderBy(asc(users.displayName))
    .all();
}

// ---------------------------------------------------------------------------------------
// 転出: cases that left the actor's offices

export type TransferredOut = { caseNo: string; toOffice: string; effectiveDate: string };

/**
 * Cases transferred from the offices the actor reaches to an office outside it: their lists show
 * them as 転出 (to which office, when), by case number only and without a link (the case, and its
 * person, are no longer in reach).
 */
export function listTransferredOut(actor: Actor): TransferredOut[] {
  if (!can(actor.role, "read:case:reach")) return [];
  return getDb()
    .select({ caseNo: cases.caseNo, toOffice: toOffice.name, effectiveDate: sql<string>`${caseTransfers.effectiveDate}` })
    .from(caseTransfers)
    .innerJoin(cases, eq(cases.id, caseTransfers.caseId))
    .innerJoin(toOffice, eq(toOffice.id, caseTransfers.toOfficeId))
    .where(and(eq(caseTransfers.status, "accepted"), inReach(actor, caseTransfers.fromOfficeId), not(inReach(actor, caseTransfers.toOfficeId))))
    .orderBy(desc(caseTransfers.effectiveDate), desc(caseTransfers.decidedAt))
    .all();
}
