import "server-only";
import { ulid } from "ulid";
import { aliasedTable, and, asc, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import {
  carePlans,
  caseActivities,
  casePhaseEvents,
  cases,
  followUpChecks,
  healthCenters,
  hospitals,
  hospitalizations,
  trialStays,
  userOffices,
  users,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { type Phase } from "@/lib/domain/case-codes";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { allowedTransitions, canTransition } from "@/lib/domain/case-phase";
import { followUpDueDates, lengthOfStay, type LengthOfStay } from "@/lib/domain/case-metrics";
import { daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf, todayIso } from "@/lib/domain/fiscal-year";
import { CASE_RECORD_FIELDS, type CaseCreateInput, type CaseTransitionInput, type CaseUpdateInput } from "@/lib/validation/case";
import type { Actor } from "./actor";
import { diffFields } from "./audit";
import { type AuditTrailRow, type AuditTrailOptions, type AuditTrailPage } from "./audit-trail";
import { OPEN_PLAN_STATUSES } from "./case-list";
import { wholeRecord } from "./record-corrections";
import { caseGate, type CaseRow } from "./record-gate";
import { fixablePhaseChangeOf, reopenTargetOf, type FixablePhaseChange } from "./case-phase-events";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { assertHospitalInPrefecture } from "./hospitals";
import { listMunicipalitiesForActor } from "./org";
import { nextNumber } from "./number-sequences";
import { preparedFor } from "./prepared";
import { assertOfficeInReach, assertOfficeStaff, officeAndLeadOf } from "./org-checks";
import { assertPersonInReach, createPerson, personCardOf, recordsOfPersonInReach, type PersonCard, type PersonRecord } from "./persons";
import { inReach, officesInReach } from "./scope";

// ---------------------------------------------------------------------------------------
// Pickers

export type StaffOption = { id: string; name: string; officeIds: string[] };

/**
 * Active coordinators and supervisors of the offices in reach (filters, new case), or of one of
 * them (`officeId`: a case's own office, for its coordinator choices).
 */
export function listCaseStaffForActor(actor: Actor, officeId?: string): StaffOption[] {
  caseGate.require(actor);
  const rows = getDb()
    .select({ id: users.id, name: users.displayName, officeId: userOffices.healthCenterId })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, ["coordinator", "supervisor"]),
        inArray(userOffices.healthCenterId, officesInReach(actor)),
        officeId ? eq(userOffices.healthCenterId, officeId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .all();
  const byId = new Map<string, StaffOption>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, name: r.name, officeIds: [] };
    entry.officeIds.push(r.officeId);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

/** Offices where the actor can open a case (their reach), and the municipalities of the prefecture. */
export function getCaseFormOptionsForActor(actor: Actor) {
  caseGate.require(actor, "write");
  const db = getDb();
  return {
    offices: db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(inReach(actor, healthCenters.id)).orderBy(asc(healthCenters.sort)).all(),
    municipalities: listMunicipalitiesForActor(actor),
  };
}

// ---------------------------------------------------------------------------------------
// Create

/**
 * Open a case for a new person, or for a person already known in reach (a re-referral, ADR
 * 0029: the same person record, a new case; refused while they have an open case in reach). The case number is drawn from the office's sequence inside
 * the same transaction, so two coordinators saving at once never get the same number.
 */
export function createCase(actor: Actor, input: CaseCreateInput): { id: string; caseNo: string } {
  caseGate.require(actor, "write");
  const db = getDb();
  const office = assertOfficeInReach(actor, input.officeId, "validation.case.officeInvalid");
  assertHospitalInPrefecture(actor, input.hospitalId);
  assertOfficeStaff(office.id, input.coordinatorUserId, "validation.case.coordinatorInvalid");
  const person = input.person;
  if (person.mode === "existing") {
    assertPersonInReach(actor, person.personId, "validation.case.personInvalid");
    const open = db.select({ id: cases.id }).from(cases).where(and(eq(cases.personId, person.personId), ne(cases.phase, "closed"), caseGate.inReach(actor))).get();
    if (open) throw new AppError("invalid", "validation.case.personHasOpenCase", { personId: "validation.case.personHasOpenCase" });
  }

  const now = new Date().toISOString();
  const caseId = ulid();
  const fiscalYear = fiscalYearOf(input.referralDate);
  let caseNo = "";
  // A case opened with dates in a locked year restates that year (ADR 0025); only dates are kept, never the person.
  const dated = { referralDate: input.referralDate, supportStartDate: input.supportStartDate, indexAdmissionDate: input.indexAdmissionDate, consentDate: input.consentDate };
  db.transaction((tx) => {
    caseGate.guard(tx, actor, { id: caseId, officeId: office.id }, "create", Object.values(dated), wholeRecord(dated, "after"), input);
    caseNo = formatCaseNumber(actor.prefectureCode, office.casePrefix, fiscalYear, nextNumber(tx, "case", office.id, fiscalYear));
    const personId = person.mode === "existing" ? person.personId : createPerson(tx, actor, office.id, person, now);
    tx.insert(cases)
      .values({
        id: caseId,
        caseNo,
        personId,
        prefectureCode: actor.prefectureCode,
        officeId: office.id,
        coordinatorUserId: input.coordinatorUserId,
        phase: "identified",
        referralDate: input.referralDate,
        referralSource: input.referralSource,
        hospitalId: input.hospitalId,
        wardType: input.wardType,
        indexAdmissionDate: input.indexAdmissionDate,
        admissionDatePrecision: input.admissionDatePrecision,
        admissionType: input.admissionType,
        diagnosisGroup: input.diagnosisGroup,
        techoGrade: input.techoGrade,
        supportCategory: input.supportCategory,
        consentDate: input.consentDate,
        consentScope: input.consentScope,
        supportStartDate: input.supportStartDate,
        plannedDischargeDate: input.plannedDischargeDate,
        createdBy: actor.id,
        createdAt: now,
        updatedBy: actor.id,
        updatedAt: now,
      })
      .run();
    tx.insert(casePhaseEvents).values({ id: ulid(), caseId, fromPhase: null, phase: "identified", date: input.referralDate, createdBy: actor.id, createdAt: now }).run();
    tx.insert(hospitalizations)
      .values({ id: ulid(), caseId, hospitalId: input.hospitalId, admissionDate: input.indexAdmissionDate, admissionType: input.admissionType, isIndex: true, createdBy: actor.id, createdAt: now })
      .run();
    // Identity values stay out of the audit trail; it records that they were set.
    caseGate.audit(tx, actor, caseId, "create", {
      caseNo,
      officeId: office.id,
      ...(person.mode === "existing" ? { person: { existing: personId } } : { identityFields: ["familyName", "givenName", "kana", "dateOfBirth", "phone", "address"] }),
    });
  });
  return { id: caseId, caseNo };
}

// ---------------------------------------------------------------------------------------
// Read one

export type CaseDetail = {
  id: string;
  caseNo: string;
  version: number;
  phase: Phase;
  office: { id: string; name: string };
  coordinator: { id: string; name: string };
  person: PersonCard["person"];
  identity: PersonCard["identity"];
  hospital: { id: string; name: string };
  fields: ReturnType<typeof editableValues>;
  lengthOfStay: LengthOfStay;
  transitions: Phase[];
  timeline: { id: string; fromPhase: Phase | null; phase: Phase; date: string; note: string | null; by: string }[];
  activities: { id: string; version: number; date: string; activityType: string; minutes: number | null; staffName: string | null; withPeer: boolean; summary: string | null }[];
  trialStays: { id: string; kind: string; placeType: string; startDate: string; endDate: string; nights: number; outcome: string | null }[];
  carePlans: { id: string; planType: string; status: string; createdDate: string; reviewDueDate: string | null; periodEndDate: string | null; consentDate: string | null; reviewOverdue: boolean }[];
  hospitalizations: { id: string; hospitalName: string; admissionDate: string; dischargeDate: string | null; admissionType: string | null; isIndex: boolean }[];
  followUps: { id: string; offsetMonths: number; dueDate: string; checkedDate: string | null; status: string | null; note: string | null; overdue: boolean }[];
  lastActivityDate: string | null;
  /** The person's other cases and outreach cases at offices in reach, oldest first (re-referrals). */
  personRecords: PersonRecord[];
  /** The latest phase change, when the viewer may correct or undo it (the case open). */
  fixableChange: FixablePhaseChange | null;
  /** For a supervisor on a closed case: the phase reopening returns it to. */
  reopensTo: Phase | null;
};

/**
 * The case page's reads of one case, built and prepared once per database handle (ADR 0057):
 * the page opens on every visit, and drizzle building the same statements each time cost more
 * than SQLite running them. The case id is the one placeholder; the case was gated before.
 */
function caseDetailStatements(db: Db) {
  return preparedFor(db, "case.detail", (d) => {
    const caseId = sql.placeholder("caseId");
    const staff = aliasedTable(users, "staff");
    return {
      hospital: d.select({ id: hospitals.id, name: hospitals.name }).from(hospitals).where(eq(hospitals.id, sql.placeholder("hospitalId"))).prepare(),
      timeline: d
        .select({ id: casePhaseEvents.id, fromPhase: casePhaseEvents.fromPhase, phase: casePhaseEvents.phase, date: casePhaseEvents.date, note: casePhaseEvents.note, by: users.displayName })
        .from(casePhaseEvents)
        .innerJoin(users, eq(users.id, casePhaseEvents.createdBy))
        .where(eq(casePhaseEvents.caseId, caseId))
        .orderBy(asc(casePhaseEvents.date), asc(casePhaseEvents.id))
        .prepare(),
      activities: d
        .select({
          id: caseActivities.id,
          version: caseActivities.version,
          date: caseActivities.date,
          activityType: caseActivities.activityType,
          minutes: caseActivities.minutes,
          staffName: staff.displayName,
          withPeer: caseActivities.withPeer,
          summary: caseActivities.summary,
        })
        .from(caseActivities)
        .leftJoin(staff, eq(staff.id, caseActivities.staffUserId))
        .where(eq(caseActivities.caseId, caseId))
        .orderBy(desc(caseActivities.date), desc(caseActivities.id))
        .prepare(),
      trialStays: d.select().from(trialStays).where(eq(trialStays.caseId, caseId)).orderBy(desc(trialStays.startDate)).prepare(),
      carePlans: d.select().from(carePlans).where(eq(carePlans.caseId, caseId)).orderBy(desc(carePlans.createdDate)).prepare(),
      hospitalizations: d
        .select({ id: hospitalizations.id, hospitalName: hospitals.name, admissionDate: hospitalizations.admissionDate, dischargeDate: hospitalizations.dischargeDate, admissionType: hospitalizations.admissionType, isIndex: hospitalizations.isIndex })
        .from(hospitalizations)
        .innerJoin(hospitals, eq(hospitals.id, hospitalizations.hospitalId))
        .where(eq(hospitalizations.caseId, caseId))
        .orderBy(asc(hospitalizations.admissionDate))
        .prepare(),
      followUps: d.select().from(followUpChecks).where(eq(followUpChecks.caseId, caseId)).orderBy(asc(followUpChecks.offsetMonths)).prepare(),
      resumePhase: d
        .select({ fromPhase: casePhaseEvents.fromPhase })
        .from(casePhaseEvents)
        .where(and(eq(casePhaseEvents.caseId, caseId), eq(casePhaseEvents.phase, "suspended"), notInArray(casePhaseEvents.fromPhase, ["suspended", "closed"])))
        .orderBy(desc(casePhaseEvents.date), desc(casePhaseEvents.id))
        .prepare(),
    };
  });
}

/**
 * The phase a suspended case was interrupted in (its way back): the latest move into 中断 from a
 * working phase (a reopening that returns a case to 中断 comes from 終結 and is no such move).
 */
export function resumePhaseOf(caseId: string): Phase | null {
  return caseDetailStatements(getDb()).resumePhase.get({ caseId })?.fromPhase ?? null;
}

/**
 * One case with everything recorded inside it; the view is audited. Not in reach: not_found.
 * `view: "printSummary"` is the one-page summary for case conferences (/cases/[id]/summary): its
 * audit row says so, and the 閲覧・変更履歴 keeps it on a line of its own (a copy on paper).
 */
export function getCaseForActor(actor: Actor, caseId: string, view: "page" | "printSummary" = "page"): CaseDetail {
  const row = caseGate.load(actor, caseId, "read:identity:reach");
  const today = todayIso();
  const q = caseDetailStatements(getDb());
  const { person, identity } = personCardOf(row.personId);
  const { office, lead } = officeAndLeadOf(row.officeId, row.coordinatorUserId);
  const hospital = q.hospital.get({ hospitalId: row.hospitalId })!;
  const byCase = { caseId };
  const timeline = q.timeline.all(byCase);
  const activities = q.activities.all(byCase);
  const stays = q.trialStays.all(byCase);
  const plans = q.carePlans.all(byCase);
  const stays2 = q.hospitalizations.all(byCase);
  const followUps = q.followUps.all(byCase);

  caseGate.viewed(actor, caseId, { caseNo: row.caseNo, identity: true, ...(view === "printSummary" ? { printSummary: true } : {}) });

  return {
    id: row.id,
    caseNo: row.caseNo,
    version: row.version,
    phase: row.phase,
    office,
    coordinator: lead,
    person,
    identity,
    hospital,
    fields: editableValues(row),
    lengthOfStay: lengthOfStay(row.indexAdmissionDate, row.admissionDatePrecision, row.dischargeDate ?? (today < row.indexAdmissionDate ? row.indexAdmissionDate : today)),
    transitions: can(actor.role, "write:case:reach") ? allowedTransitions(row.phase, resumePhaseOf(caseId)) : [],
    timeline,
    activities,
    trialStays: stays.map((s) => ({ id: s.id, kind: s.kind, placeType: s.placeType, startDate: s.startDate, endDate: s.endDate, nights: daysBetween(s.startDate, s.endDate), outcome: s.outcome })),
    carePlans: plans.map((p) => ({
      id: p.id,
      planType: p.planType,
      status: p.status,
      createdDate: p.createdDate,
      reviewDueDate: p.reviewDueDate,
      periodEndDate: p.periodEndDate,
      consentDate: p.consentDate,
      reviewOverdue: !!p.reviewDueDate && p.reviewDueDate < today && (OPEN_PLAN_STATUSES as readonly string[]).includes(p.status),
    })),
    hospitalizations: stays2,
    followUps: followUps.map((f) => ({ id: f.id, offsetMonths: f.offsetMonths, dueDate: f.dueDate, checkedDate: f.checkedDate, status: f.status, note: f.note, overdue: !f.checkedDate && f.dueDate < today })),
    lastActivityDate: row.lastActivityDate,
    personRecords: recordsOfPersonInReach(actor, row.personId).filter((r) => !(r.kind === "case" && r.id === row.id)),
    fixableChange: fixablePhaseChangeOf(actor, row),
    reopensTo: reopenTargetOf(actor, row),
  };
}

// ---------------------------------------------------------------------------------------
// Update, transition, reassign

/** The editable values of a case: what the case page shows and the edit form sends back in `base`. */
export function editableValues(row: CaseRow): Pick<CaseRow, (typeof CASE_RECORD_FIELDS)[number]> {
  return Object.fromEntries(CASE_RECORD_FIELDS.map((key) => [key, row[key]])) as Pick<CaseRow, (typeof CASE_RECORD_FIELDS)[number]>;
}

/**
 * Save the case record. A stale `version` changes nothing and reports, field by field, what
 * someone else changed since the form was loaded (`base`) with its current value.
 */
export function updateCase(actor: Actor, input: CaseUpdateInput): void {
  const row = caseGate.load(actor, input.id, "write");
  const current = editableValues(row);
  if (row.version !== input.version) throw staleSaveConflict(input.base, current, { actor, entityType: "case", entityId: row.id });
  // Discharge and closure are reached through their phase change, not by typing a date.
  if (!!input.dischargeDate !== !!row.dischargeDate) {
    throw new AppError("invalid", "validation.case.dischargeViaPhase", { dischargeDate: "validation.case.dischargeViaPhase" });
  }
  if (!!input.endDate !== !!row.endDate) {
    throw new AppError("invalid", "validation.case.endViaPhase", { endDate: "validation.case.endViaPhase" });
  }
  assertHospitalInPrefecture(actor, input.hospitalId);
  // The lead is changed only by whoever may reassign (a supervisor), and then under the same
  // gate as reassignCase (a closed case is not reassigned): the edit form is no way around it.
  const reassigned = input.coordinatorUserId !== row.coordinatorUserId;
  if (reassigned) {
    if (!can(actor.role, "reassign:case:reach")) {
      throw new AppError("invalid", "validation.case.reassignNotAllowed", { coordinatorUserId: "validation.case.reassignNotAllowed" });
    }
    caseGate.load(actor, row.id, "reassign:case:reach");
    assertOfficeStaff(row.officeId, input.coordinatorUserId, "validation.case.coordinatorInvalid");
  }
  const { id: _id, version: _version, base: _base, restatementReason, ...values } = input;
  const changes = diffFields(current, values);
  if (Object.keys(changes).length === 0) return;
  getDb().transaction((tx) => {
    caseGate.touch(tx, actor, row, input.version, values, { restatementReason });
    if (changes.indexAdmissionDate || changes.hospitalId || changes.dischargeDate) {
      tx.update(hospitalizations)
        .set({ admissionDate: values.indexAdmissionDate, hospitalId: values.hospitalId, dischargeDate: values.dischargeDate })
        .where(and(eq(hospitalizations.caseId, row.id), eq(hospitalizations.isIndex, true)))
        .run();
    }
    if (changes.dischargeDate && values.dischargeDate) {
      for (const f of followUpDueDates(values.dischargeDate)) {
        tx.update(followUpChecks).set({ dueDate: f.dueDate }).where(and(eq(followUpChecks.caseId, row.id), eq(followUpChecks.offsetMonths, f.offsetMonths))).run();
      }
    }
    caseGate.audit(tx, actor, row.id, "update", { changes, ...(reassigned ? { reassigned: true } : {}) });
  });
}

/**
 * Move a case to another phase. Only transitions of the lifecycle table are accepted; the
 * discharge creates the 1/3/6/12-month follow-ups, closure records the end.
 */
export function transitionCase(actor: Actor, input: CaseTransitionInput): void {
  const row = caseGate.load(actor, input.id, "write");
  if (row.version !== input.version) throw new AppError("conflict", "errors.conflict");
  if (!canTransition(row.phase, input.toPhase, resumePhaseOf(row.id))) {
    throw new AppError("invalid", "validation.case.transitionNotAllowed", { toPhase: "validation.case.transitionNotAllowed" });
  }
  const db = getDb();
  const lastEvent = db.select({ date: casePhaseEvents.date }).from(casePhaseEvents).where(eq(casePhaseEvents.caseId, row.id)).orderBy(desc(casePhaseEvents.date)).get();
  if (lastEvent && input.date < lastEvent.date) {
    throw new AppError("invalid", "validation.case.phaseDateBeforeLast", { date: "validation.case.phaseDateBeforeLast" });
  }
  const changes: Partial<CaseRow> = { phase: input.toPhase };
  const firstDischarge = input.toPhase === "discharged" && !row.dischargeDate;
  if (firstDischarge) {
    if (input.date < row.supportStartDate) {
      throw new AppError("invalid", "validation.case.dischargeBeforeSupportStart", { date: "validation.case.dischargeBeforeSupportStart" });
    }
    Object.assign(changes, {
      dischargeDate: input.date,
      dischargeDestination: input.dischargeDestination ?? null,
      livingArrangementAfter: input.livingArrangementAfter ?? null,
    });
  }
  if (input.toPhase === "closed") {
    if (input.date < (row.dischargeDate ?? row.supportStartDate)) {
      throw new AppError("invalid", "validation.case.endBeforeDischarge", { date: "validation.case.endBeforeDischarge" });
    }
    Object.assign(changes, { endDate: input.date, endReason: input.endReason ?? null });
  }
  const now = new Date().toISOString();
  db.transaction((tx) => {
    caseGate.touch(tx, actor, row, input.version, changes, { dates: [input.date], restatementReason: input.restatementReason });
    tx.insert(casePhaseEvents).values({ id: ulid(), caseId: row.id, fromPhase: row.phase, phase: input.toPhase, date: input.date, note: input.note, createdBy: actor.id, createdAt: now }).run();
    if (firstDischarge) {
      tx.update(hospitalizations).set({ dischargeDate: input.date }).where(and(eq(hospitalizations.caseId, row.id), eq(hospitalizations.isIndex, true))).run();
      tx.insert(followUpChecks)
        .values(followUpDueDates(input.date).map((f) => ({ id: ulid(), caseId: row.id, offsetMonths: f.offsetMonths, dueDate: f.dueDate })))
        .onConflictDoNothing()
        .run();
    }
    caseGate.audit(tx, actor, row.id, "update", { phase: [row.phase, input.toPhase], date: input.date, ...(firstDischarge ? { dischargeDate: input.date } : {}) });
  });
}

/** A supervisor hands a case to another coordinator of its office (audited). */
export function reassignCase(actor: Actor, caseId: string, version: number, coordinatorUserId: string): void {
  const row = caseGate.load(actor, caseId, "reassign:case:reach");
  if (row.version !== version) throw new AppError("conflict", "errors.conflict");
  if (row.coordinatorUserId === coordinatorUserId) return;
  assertOfficeStaff(row.officeId, coordinatorUserId, "validation.case.coordinatorInvalid");
  getDb().transaction((tx) => {
    caseGate.touch(tx, actor, row, version, { coordinatorUserId });
    caseGate.audit(tx, actor, row.id, "update", { changes: { coordinatorUserId: [row.coordinatorUserId, coordinatorUserId] }, reassigned: true });
  });
}

// ---------------------------------------------------------------------------------------
// Supervisor views

export type CaseAuditRow = AuditTrailRow;

/** Who viewed or changed this case (閲覧・変更履歴), for supervisors. */
export function listCaseAuditForActor(actor: Actor, caseId: string, options: AuditTrailOptions = {}): AuditTrailPage {
  return caseGate.trail(actor, caseId, options);
}
