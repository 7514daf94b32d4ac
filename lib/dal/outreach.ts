import "server-only";
import { aliasedTable, asc, desc, eq, max, sql } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import {
  healthCenters,
  municipalities,
  outreachCaseTargets,
  outreachCases,
  outreachContactProfessions,
  outreachContacts,
  outreachOutcomes,
  users,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearOf, todayIso } from "@/lib/domain/fiscal-year";
import {
  OUTREACH_END_REASONS,
  OUTREACH_PROFESSIONS,
  OUTREACH_TARGETS,
  type OutreachContactType,
  type OutreachEndReason,
  type OutreachOutcome,
  type OutreachProfession,
  type OutreachStatus,
  type OutreachTarget,
  type OutreachTeamKind,
} from "@/lib/domain/outreach-codes";
import { allowedOutreachTransitions, canTransitionOutreach, endReasonsFor, formatOutreachCaseNumber, supportDays } from "@/lib/domain/outreach-rules";
import { OUTREACH_RECORD_FIELDS, type OutreachCreateInput, type OutreachStatusInput, type OutreachUpdateInput } from "@/lib/validation/outreach";
import type { Actor } from "./actor";
import { diffFields } from "./audit";
import { type AuditTrailRow, type AuditTrailOptions, type AuditTrailPage } from "./audit-trail";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { assertHappened } from "./happened-dates";
import { wholeRecord } from "./record-corrections";
import { outreachGate, type OutreachCaseRow } from "./record-gate";
import { nextNumber } from "./number-sequences";
import { assertOfficeInReach, assertOfficeStaff, officeAndLeadOf } from "./org-checks";
import { assertPersonInReach, createPerson, personCardOf, recordsOfPersonInReach, type PersonCard, type PersonRecord } from "./persons";
import { inPrefecture, inReach } from "./scope";

/*
 * Outreach cases (アウトリーチ). The referring office owns the record: rows are scoped to the
 * offices in reach in SQL; the person's identity is read only through functions that need
 * read:outreach:reach, and every read that shows a name is audited. Contacts and outcomes are
 * in outreach-records.ts, the yearly figures in outreach-summary.ts; persons, the duplicate check
 * and the person picker in persons.ts.
 */


// ---------------------------------------------------------------------------------------
// Form options

export type OutreachFormOptions = {
  offices: { id: string; name: string }[];
  municipalities: { code: string; name: string }[];
  /** The team last recorded per office in reach, to prefill a new referral of that office. */
  lastTeamByOffice: Record<string, { teamKind: OutreachTeamKind; teamName: string }>;
};

export function getOutreachFormOptionsForActor(actor: Actor): OutreachFormOptions {
  outreachGate.require(actor, "write");
  const db = getDb();
  const offices = db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(inReach(actor, healthCenters.id)).orderBy(asc(healthCenters.sort)).all();
  const munis = db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inPrefecture(actor, municipalities.prefectureCode))
    .orderBy(asc(municipalities.sort))
    .all();
  const recent = db
    .select({ officeId: outreachCases.officeId, teamKind: outreachCases.teamKind, teamName: outreachCases.teamName })
    .from(outreachCases)
    .where(outreachGate.inReach(actor))
    .orderBy(desc(outreachCases.referralDate), desc(outreachCases.id))
    .all();
  const lastTeamByOffice: OutreachFormOptions["lastTeamByOffice"] = {};
  for (const r of recent) lastTeamByOffice[r.officeId] ??= { teamKind: r.teamKind, teamName: r.teamName };
  return { offices, municipalities: munis, lastTeamByOffice };
}

// ---------------------------------------------------------------------------------------
// Create

/**
 * Open an outreach case for a new person or for a person the actor sees (ADR 0024). The case
 * number is drawn from the office's outreach sequence inside the same transaction, so two
 * people saving at once never share a number. With a start date the case opens as 支援中.
 */
export function createOutreachCase(actor: Actor, input: OutreachCreateInput): { id: string; caseNo: string } {
  outreachGate.require(actor, "write");
  const db = getDb();
  const office = assertOfficeInReach(actor, input.officeId, "outreach.validation.officeInvalid");
  assertOfficeStaff(office.id, input.coordinatorUserId, "outreach.validation.coordinatorInvalid");
  assertHappened({ referralDate: input.referralDate, selectionConferenceDate: input.selectionConferenceDate, startDate: input.startDate });
  const person = input.person;
  if (person.mode === "existing") assertPersonInReach(actor, person.personId, "outreach.validation.personInvalid");
  const now = new Date().toISOString();
  const id = ulid();
  const fiscalYear = fiscalYearOf(input.referralDate);
  const status: OutreachStatus = input.startDate ? "active" : "referred";
  let caseNo = "";
  // A case opened with dates in a locked year restates that year (ADR 0025); only dates are kept, never the person.
  const dated = { referralDate: input.referralDate, selectionConferenceDate: input.selectionConferenceDate, startDate: input.startDate };
  db.transaction((tx) => {
    outreachGate.guard(tx, actor, { id, officeId: office.id }, "create", Object.values(dated), wholeRecord(dated, "after"), input);
    caseNo = formatOutreachCaseNumber(actor.prefectureCode, office.casePrefix, fiscalYear, nextNumber(tx, "outreach", office.id, fiscalYear));
    const personId = person.mode === "existing" ? person.personId : createPerson(tx, actor, office.id, person, now);
    tx.insert(outreachCases)
      .values({
        id,
        caseNo,
        personId,
        prefectureCode: actor.prefectureCode,
        officeId: office.id,
        coordinatorUserId: input.coordinatorUserId,
        status,
        primaryTarget: input.primaryTarget,
        teamKind: input.teamKind,
        teamName: input.teamName,
        referralDate: input.referralDate,
        referralSource: input.referralSource,
        diagnosisGroup: input.diagnosisGroup,
        diagnosisSuspected: input.diagnosisSuspected,
        selectionConferenceDate: input.selectionConferenceDate,
        startDate: input.startDate,
        gafStart: input.gafStart,
        createdBy: actor.id,
        createdAt: now,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .run();
    tx.insert(outreachCaseTargets)
      .values(input.targets.map((target) => ({ outreachCaseId: id, target })))
      .run();
    // Identity values stay out of the audit trail; it records that they were set.
    outreachGate.audit(tx, actor, id, "create", {
      caseNo,
      officeId: office.id,
      status,
      person: person.mode === "new" ? { new: true, identityFields: ["familyName", "givenName", "kana", "dateOfBirth", "phone", "address"] } : { existing: personId },
    });
  });
  return { id, caseNo };
}

// ---------------------------------------------------------------------------------------
// Read one

export type OutreachEditable = {
  coordinatorUserId: string;
  targets: OutreachTarget[];
  primaryTarget: OutreachTarget;
  teamKind: OutreachTeamKind;
  teamName: string;
  referralDate: string;
  referralSource: OutreachCaseRow["referralSource"];
  diagnosisGroup: OutreachCaseRow["diagnosisGroup"];
  diagnosisSuspected: boolean;
  selectionConferenceDate: string | null;
  startDate: string | null;
  endDate: string | null;
  endReason: OutreachEndReason | null;
  gafStart: number | null;
  gafEnd: number | null;
};

/** The editable values of a case: what the page shows and the edit form sends back in `base`. */
export function outreachEditableValues(row: OutreachCaseRow, targets: readonly OutreachTarget[]): OutreachEditable {
  const values = Object.fromEntries(OUTREACH_RECORD_FIELDS.filter((f) => f !== "targets").map((f) => [f, row[f]])) as Omit<OutreachEditable, "targets">;
  // Code order, so the same set always compares (and diffs) equal.
  return { ...values, targets: OUTREACH_TARGETS.filter((t) => targets.includes(t)) };
}

function targetsOf(caseId: string): OutreachTarget[] {
  return getDb()
    .select({ target: outreachCaseTargets.target })
    .from(outreachCaseTargets)
    .where(eq(outreachCaseTargets.outreachCaseId, caseId))
    .all()
    .map((r) => r.target);
}

export type OutreachContactRow = {
  id: string;
  version: number;
  date: string;
  contactType: OutreachContactType;
  professions: OutreachProfession[];
  metPerson: boolean;
  minutes: number | null;
  place: string | null;
  summary: string | null;
  recordedBy: string | null;
};

export type OutreachOutcomeRow = { id: string; version: number; outcome: OutreachOutcome; date: string; note: string | null; recordedBy: string | null };

/** One step of the status history, derived from the record's dates (status only moves forward). */
export type OutreachHistoryStep = { kind: "referred" | "selected" | "started" | "closed"; date: string; endReason?: OutreachEndReason | null };

export type OutreachDetail = {
  id: string;
  caseNo: string;
  version: number;
  status: OutreachStatus;
  office: { id: string; name: string };
  coordinator: { id: string; name: string };
  person: PersonCard["person"];
  identity: PersonCard["identity"];
  fields: OutreachEditable;
  transitions: OutreachStatus[];
  /** End reasons offered when closing from the current status. */
  endReasons: OutreachEndReason[];
  history: OutreachHistoryStep[];
  contacts: OutreachContactRow[];
  outcomes: OutreachOutcomeRow[];
  lastContactDate: string | null;
  supportDays: number | null;
  /** Other records of the same person in offices the actor reaches. */
  otherRecords: PersonRecord[];
};

export function historyOf(row: Pick<OutreachCaseRow, "referralDate" | "selectionConferenceDate" | "startDate" | "endDate" | "endReason">): OutreachHistoryStep[] {
  const steps: OutreachHistoryStep[] = [{ kind: "referred", date: row.referralDate }];
  if (row.selectionConferenceDate) steps.push({ kind: "selected", date: row.selectionConferenceDate });
  if (row.startDate) steps.push({ kind: "started", date: row.startDate });
  if (row.endDate) steps.push({ kind: "closed", date: row.endDate, endReason: row.endReason });
  return steps;
}

/** The contacts of a case, newest first, each with the professions present. */
export function listContactsOf(caseId: string): OutreachContactRow[] {
  const db = getDb();
  const recorder = aliasedTable(users, "recorder");
  const rows = db
    .select({
      id: outreachContacts.id,
      version: outreachContacts.version,
      date: outreachContacts.date,
      contactType: outreachContacts.contactType,
      metPerson: outreachContacts.metPerson,
      minutes: outreachContacts.minutes,
      place: outreachContacts.place,
      summary: outreachContacts.summary,
      recordedBy: recorder.displayName,
    })
    .from(outreachContacts)
    .leftJoin(recorder, eq(recorder.id, outreachContacts.createdBy))
    .where(eq(outreachContacts.outreachCaseId, caseId))
    .orderBy(desc(outreachContacts.date), desc(outreachContacts.createdAt), desc(outreachContacts.id))
    .all();
  const professions = db
    .select({ contactId: outreachContactProfessions.contactId, profession: outreachContactProfessions.profession })
    .from(outreachContactProfessions)
    .innerJoin(outreachContacts, eq(outreachContacts.id, outreachContactProfessions.contactId))
    .where(eq(outreachContacts.outreachCaseId, caseId))
    .all();
  const byContact = new Map<string, Set<OutreachProfession>>();
  for (const p of professions) byContact.set(p.contactId, (byContact.get(p.contactId) ?? new Set()).add(p.profession));
  return rows.map((r) => ({ ...r, professions: OUTREACH_PROFESSIONS.filter((p) => byContact.get(r.id)?.has(p)) }));
}

/** One outreach case with its contacts and outcomes; the view is audited. Not in reach: not_found. */
export function getOutreachCaseForActor(actor: Actor, id: string): OutreachDetail {
  const row = outreachGate.load(actor, id);
  const db = getDb();
  const { person, identity } = personCardOf(row.personId);
  const { office, lead } = officeAndLeadOf(row.officeId, row.coordinatorUserId);
  const recorder = aliasedTable(users, "recorder");
  const outcomes = db
    .select({ id: outreachOutcomes.id, version: outreachOutcomes.version, outcome: outreachOutcomes.outcome, date: outreachOutcomes.date, note: outreachOutcomes.note, recordedBy: recorder.displayName })
    .from(outreachOutcomes)
    .leftJoin(recorder, eq(recorder.id, outreachOutcomes.createdBy))
    .where(eq(outreachOutcomes.outreachCaseId, row.id))
    .orderBy(desc(outreachOutcomes.date), desc(outreachOutcomes.id))
    .all();
  const otherRecords = recordsOfPersonInReach(actor, row.personId).filter((r) => !(r.kind === "outreach" && r.id === row.id));
  const canWrite = can(actor.role, "write:outreach:reach");

  outreachGate.viewed(actor, row.id, { caseNo: row.caseNo, identity: true });

  return {
    id: row.id,
    caseNo: row.caseNo,
    version: row.version,
    status: row.status,
    office,
    coordinator: lead,
    person,
    identity,
    fields: outreachEditableValues(row, targetsOf(row.id)),
    transitions: canWrite ? allowedOutreachTransitions(row.status) : [],
    endReasons: endReasonsFor(row.status, OUTREACH_END_REASONS),
    history: historyOf(row),
    contacts: listContactsOf(row.id),
    outcomes,
    lastContactDate: row.lastContactDate,
    supportDays: supportDays(row.startDate, row.endDate, todayIso()),
    otherRecords,
  };
}

// ---------------------------------------------------------------------------------------
// Update and status

/** The latest date of anything recorded in the case (contacts and outcomes), or null. */
function lastRecordDate(caseId: string): string | null {
  const db = getDb();
  const [contact] = db.select({ d: max(outreachContacts.date) }).from(outreachContacts).where(eq(outreachContacts.outreachCaseId, caseId)).all();
  const [outcome] = db.select({ d: max(outreachOutcomes.date) }).from(outreachOutcomes).where(eq(outreachOutcomes.outreachCaseId, caseId)).all();
  const dates = [contact?.d, outcome?.d].filter((d): d is string => !!d);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/** The earliest date of anything recorded in the case, or null. */
function firstRecordDate(caseId: string): string | null {
  const db = getDb();
  const [row] = db
    .select({ d: sql<string | null>`min(d)` })
    .from(
      sql`(SELECT ${outreachContacts.date} AS d FROM ${outreachContacts} WHERE ${outreachContacts.outreachCaseId} = ${caseId}
           UNION ALL SELECT ${outreachOutcomes.date} FROM ${outreachOutcomes} WHERE ${outreachOutcomes.outreachCaseId} = ${caseId})`,
    )
    .all();
  return row?.d ?? null;
}

/**
 * Save the record. A stale `version` changes nothing and reports, field by field, what someone
 * else changed since the form was loaded (`base`), with the value now. Start and end dates are
 * set by a status change; here they can be corrected but not added or removed, and no recorded
 * contact or outcome may fall outside the corrected referral and end dates.
 */
export function updateOutreachCase(actor: Actor, input: OutreachUpdateInput): void {
  const row = outreachGate.load(actor, input.id, "write");
  const current = outreachEditableValues(row, targetsOf(row.id));
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "outreach_case", entityId: row.id });
  if (!!input.startDate !== !!row.startDate) throw new AppError("invalid", "outreach.validation.startViaStatus", { startDate: "outreach.validation.startViaStatus" });
  if (!!input.endDate !== !!row.endDate) throw new AppError("invalid", "outreach.validation.endViaStatus", { endDate: "outreach.validation.endViaStatus" });
  if (input.endReason && !endReasonsFor(row.startDate ? "active" : "referred", OUTREACH_END_REASONS).includes(input.endReason)) {
    throw new AppError("invalid", "outreach.validation.goalMetWithoutStart", { endReason: "outreach.validation.goalMetWithoutStart" });
  }
  assertHappened({ referralDate: input.referralDate, selectionConferenceDate: input.selectionConferenceDate, startDate: input.startDate, endDate: input.endDate });
  const first = firstRecordDate(row.id);
  if (first && input.referralDate > first) throw new AppError("invalid", "outreach.validation.referralAfterRecords", { referralDate: "outreach.validation.referralAfterRecords" });
  const last = lastRecordDate(row.id);
  if (last && input.endDate && input.endDate < last) throw new AppError("invalid", "outreach.validation.endBeforeRecords", { endDate: "outreach.validation.endBeforeRecords" });
  // Handing the record to another lead is a supervisor's act, as for a case (reassign:case:reach, issue 12).
  const reassigned = input.coordinatorUserId !== row.coordinatorUserId;
  if (reassigned && !can(actor.role, "reassign:case:reach")) {
    throw new AppError("invalid", "outreach.validation.reassignNotAllowed", { coordinatorUserId: "outreach.validation.reassignNotAllowed" });
  }
  if (reassigned) assertOfficeStaff(row.officeId, input.coordinatorUserId, "outreach.validation.coordinatorInvalid");

  const { id: _id, version: _version, base: _base, restatementReason, ...values } = input;
  const next: OutreachEditable = { ...values, targets: OUTREACH_TARGETS.filter((t) => values.targets.includes(t)) };
  const changes = diffFields(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return;
  const { targets, ...columns } = next;
  getDb().transaction((tx) => {
    outreachGate.touch(tx, actor, row, input.version, columns, { restatementReason });
    if (changes.targets) {
      tx.delete(outreachCaseTargets).where(eq(outreachCaseTargets.outreachCaseId, row.id)).run();
      tx.insert(outreachCaseTargets)
        .values(targets.map((target) => ({ outreachCaseId: row.id, target })))
        .run();
    }
    outreachGate.audit(tx, actor, row.id, "update", { changes, ...(reassigned ? { reassigned: true } : {}) });
  });
}

/**
 * Move a case along 選定前 → 支援中 → 終結 (or 選定前 → 終結 when not taken up). Starting records
 * the start date; closing the end date and reason, which must not precede anything recorded.
 */
export function changeOutreachStatus(actor: Actor, input: OutreachStatusInput): void {
  const row = outreachGate.load(actor, input.id, "write");
  if (row.version !== input.version) throw new AppError("conflict", "errors.conflict");
  if (!canTransitionOutreach(row.status, input.toStatus)) {
    throw new AppError("invalid", "outreach.validation.transitionNotAllowed", { toStatus: "outreach.validation.transitionNotAllowed" });
  }
  assertHappened({ date: input.date });
  let changes: Partial<OutreachCaseRow>;
  if (input.toStatus === "active") {
    if (input.date < row.referralDate) throw new AppError("invalid", "outreach.validation.startBeforeReferral", { date: "outreach.validation.startBeforeReferral" });
    if (row.selectionConferenceDate && input.date < row.selectionConferenceDate) {
      throw new AppError("invalid", "outreach.validation.startBeforeSelection", { date: "outreach.validation.startBeforeSelection" });
    }
    changes = { status: "active", startDate: input.date };
  } else {
    const reason = input.endReason;
    if (!reason) throw new AppError("invalid", "outreach.validation.endReasonRequired", { endReason: "outreach.validation.endReasonRequired" });
    if (!endReasonsFor(row.status, OUTREACH_END_REASONS).includes(reason)) {
      throw new AppError("invalid", "outreach.validation.goalMetWithoutStart", { endReason: "outreach.validation.goalMetWithoutStart" });
    }
    if (row.startDate && input.date < row.startDate) throw new AppError("invalid", "outreach.validation.endBeforeStart", { date: "outreach.validation.endBeforeStart" });
    if (input.date < row.referralDate) throw new AppError("invalid", "outreach.validation.endBeforeReferral", { date: "outreach.validation.endBeforeReferral" });
    const last = lastRecordDate(row.id);
    if (last && input.date < last) throw new AppError("invalid", "outreach.validation.endBeforeRecords", { date: "outreach.validation.endBeforeRecords" });
    changes = { status: "closed", endDate: input.date, endReason: reason, ...(input.gafEnd != null ? { gafEnd: input.gafEnd } : {}) };
  }
  getDb().transaction((tx) => {
    outreachGate.touch(tx, actor, row, input.version, changes, { dates: [input.date], restatementReason: input.restatementReason });
    outreachGate.audit(tx, actor, row.id, "update", { status: [row.status, input.toStatus], date: input.date, ...(changes.endReason ? { endReason: changes.endReason } : {}) });
  });
}

// ---------------------------------------------------------------------------------------
// Supervisor view

export type OutreachAuditRow = AuditTrailRow;

/** Who viewed or changed this outreach case (閲覧・変更履歴), for supervisors. */
export function listOutreachAuditForActor(actor: Actor, id: string, options: AuditTrailOptions = {}): AuditTrailPage {
  return outreachGate.trail(actor, id, options);
}
