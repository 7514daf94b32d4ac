import "server-only";
import { and, eq, max, sql } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { carePlans, caseActivities, cases, followUpChecks, hospitalizations, trialStays } from "@/db/schema";
import type { CarePlanStatus } from "@/lib/domain/case-codes";
import { todayIso } from "@/lib/domain/fiscal-year";
import type { ActivityDeleteInput, ActivityInput, ActivityUpdateInput, CarePlanInput, FollowUpInput, ReadmissionInput, TrialStayInput } from "@/lib/validation/case-records";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { assertHospitalInPrefecture } from "./hospitals";
import { correctRecord, deleteLoggedRecord, loadLoggedRecord, requireVersion, wholeRecord, type CorrectionTarget } from "./record-corrections";
import { caseGate, type CaseRow } from "./record-gate";

/*
 * What is recorded inside a case. These rows are appended (or, for follow-ups and plan
 * status, completed) without touching the case's own version: logging a visit must never
 * turn a colleague's open edit of the case record into a conflict. An activity logged wrongly
 * can be corrected or deleted (ADR 0019): it carries its own version, and the audit keeps the
 * changed values or the deleted row.
 */

function requireNotBefore(date: string, earliest: string, field: string, key: string): void {
  if (date < earliest) throw new AppError("invalid", key, { [field]: key });
}

export function addActivity(actor: Actor, input: ActivityInput): { id: string } {
  const row = caseGate.load(actor, input.caseId, "write");
  requireNotBefore(input.date, row.referralDate, "date", "validation.activity.beforeReferral");
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(caseActivities)
      .values({ id, caseId: row.id, date: input.date, activityType: input.activityType, minutes: input.minutes, staffUserId: actor.id, withPeer: input.withPeer, summary: input.summary, createdBy: actor.id, createdAt: now })
      .run();
    tx.update(cases)
      .set({ lastActivityDate: sql`max(coalesce(${cases.lastActivityDate}, ''), ${input.date})`, updatedAt: now, updatedBy: actor.id })
      .where(eq(cases.id, row.id))
      .run();
    caseGate.guard(tx, actor, row, "create", [input.date], wholeRecord({ date: input.date, activityType: input.activityType }, "after"), input);
    caseGate.audit(tx, actor, row.id, "create", { record: "activity", id, date: input.date, activityType: input.activityType });
  });
  return { id };
}

/** The activity must belong to the case named, and the case be in reach for writing; else not_found. */
function loadActivityInReach(actor: Actor, caseId: string, id: string) {
  const { parent: row, record: activity } = loadLoggedRecord(actor, caseGate, caseId, { table: caseActivities, parentColumn: caseActivities.caseId }, id);
  const values = { date: activity.date, activityType: activity.activityType, minutes: activity.minutes, withPeer: activity.withPeer, summary: activity.summary };
  return { row, activity, values };
}

const activityConflict = () => new AppError("conflict", "caseDetail.activity.edit.conflict");
/** A case's activity as the shared machinery corrects, deletes and guards it: audited and restated under its case. */
const activityTarget = (row: CaseRow): CorrectionTarget<typeof caseActivities> => ({
  table: caseActivities,
  audit: { entityType: "case", entityId: row.id, record: "activity" },
  officeId: row.officeId,
  yearDates: (v) => [v.date],
  conflict: activityConflict,
});

/** After a correction or a delete the last activity date is the latest remaining activity's. */
function refreshLastActivityDate(tx: Tx, caseId: string): void {
  const [latest] = tx.select({ d: max(caseActivities.date) }).from(caseActivities).where(eq(caseActivities.caseId, caseId)).all();
  tx.update(cases).set({ lastActivityDate: latest?.d ?? null }).where(eq(cases.id, caseId)).run();
}

/** Correct a logged activity under the rules of logging one; the audit names the fields changed. */
export function updateActivity(actor: Actor, input: ActivityUpdateInput): void {
  const { row, activity, values: current } = loadActivityInReach(actor, input.caseId, input.id);
  requireVersion(actor, activityTarget(row), activity, input.version);
  requireNotBefore(input.date, row.referralDate, "date", "validation.activity.beforeReferral");
  const next = { date: input.date, activityType: input.activityType, minutes: input.minutes, withPeer: input.withPeer, summary: input.summary };
  correctRecord(
    actor,
    activityTarget(row),
    activity,
    input.version,
    {
      current,
      next,
      set: next,
      after: (tx, changes) => {
        if (changes.date) refreshLastActivityDate(tx, row.id);
      },
    },
    input,
  );
}

/** Delete an activity logged by mistake; the audit row keeps everything it said. */
export function deleteActivity(actor: Actor, input: ActivityDeleteInput): void {
  const { row, activity, values } = loadActivityInReach(actor, input.caseId, input.id);
  requireVersion(actor, activityTarget(row), activity, input.version);
  deleteLoggedRecord(actor, activityTarget(row), activity, input.version, values, { after: (tx) => refreshLastActivityDate(tx, row.id), restatementReason: input.restatementReason });
}

export function addTrialStay(actor: Actor, input: TrialStayInput): { id: string } {
  const row = caseGate.load(actor, input.caseId, "write");
  requireNotBefore(input.startDate, row.referralDate, "startDate", "validation.trialStay.beforeReferral");
  const id = ulid();
  getDb().transaction((tx) => {
    tx.insert(trialStays)
      .values({ id, caseId: row.id, kind: input.kind, placeType: input.placeType, startDate: input.startDate, endDate: input.endDate, outcome: input.outcome, createdBy: actor.id, createdAt: new Date().toISOString() })
      .run();
    caseGate.guard(tx, actor, row, "create", [input.startDate, input.endDate], wholeRecord({ startDate: input.startDate, endDate: input.endDate }, "after"), input);
    caseGate.audit(tx, actor, row.id, "create", { record: "trial_stay", id, startDate: input.startDate, endDate: input.endDate });
  });
  return { id };
}

export function addCarePlan(actor: Actor, input: CarePlanInput): { id: string } {
  const row = caseGate.load(actor, input.caseId, "write");
  const id = ulid();
  getDb().transaction((tx) => {
    tx.insert(carePlans)
      .values({
        id,
        caseId: row.id,
        planType: input.planType,
        status: input.status,
        createdDate: input.createdDate,
        reviewDueDate: input.reviewDueDate,
        periodEndDate: input.periodEndDate,
        consentDate: input.consentDate,
        endedOn: input.status === "ended" ? todayIso() : null,
        createdBy: actor.id,
        createdAt: new Date().toISOString(),
      })
      .run();
    caseGate.guard(tx, actor, row, "create", [input.createdDate, input.consentDate], wholeRecord({ planType: input.planType, status: input.status, createdDate: input.createdDate }, "after"), input);
    caseGate.audit(tx, actor, row.id, "create", { record: "care_plan", id, planType: input.planType });
  });
  return { id };
}

export function setCarePlanStatus(actor: Actor, caseId: string, planId: string, status: CarePlanStatus): void {
  const row = caseGate.load(actor, caseId, "write");
  const plan = getDb().select().from(carePlans).where(and(eq(carePlans.id, planId), eq(carePlans.caseId, row.id))).get();
  if (!plan) throw new AppError("not_found", "errors.notFound");
  if (plan.status === status) return;
  getDb().transaction((tx) => {
    // 終了 is dated the day it is recorded (C11's 期間内終了率 compares it with the period end).
    tx.update(carePlans).set({ status, endedOn: status === "ended" ? (plan.endedOn ?? todayIso()) : null }).where(eq(carePlans.id, plan.id)).run();
    caseGate.audit(tx, actor, row.id, "update", { record: "care_plan", id: plan.id, changes: { status: [plan.status, status] } });
  });
}

/** A readmission after discharge (the index stay is created with the case). */
export function addReadmission(actor: Actor, input: ReadmissionInput): { id: string } {
  const row = caseGate.load(actor, input.caseId, "write");
  if (!row.dischargeDate) throw new AppError("invalid", "validation.hospitalization.notDischarged", { admissionDate: "validation.hospitalization.notDischarged" });
  requireNotBefore(input.admissionDate, row.dischargeDate, "admissionDate", "validation.hospitalization.beforeDischarge");
  assertHospitalInPrefecture(actor, input.hospitalId);
  const id = ulid();
  getDb().transaction((tx) => {
    tx.insert(hospitalizations)
      .values({ id, caseId: row.id, hospitalId: input.hospitalId, admissionDate: input.admissionDate, dischargeDate: input.dischargeDate, admissionType: input.admissionType, isIndex: false, createdBy: actor.id, createdAt: new Date().toISOString() })
      .run();
    caseGate.guard(tx, actor, row, "create", [input.admissionDate, input.dischargeDate], wholeRecord({ admissionDate: input.admissionDate, dischargeDate: input.dischargeDate }, "after"), input);
    caseGate.audit(tx, actor, row.id, "create", { record: "hospitalization", id, admissionDate: input.admissionDate });
  });
  return { id };
}

/** Record the outcome of a follow-up check (it may be corrected later; the audit keeps both). */
export function recordFollowUp(actor: Actor, input: FollowUpInput): void {
  const row = caseGate.load(actor, input.caseId, "write");
  const check = getDb().select().from(followUpChecks).where(and(eq(followUpChecks.id, input.followUpId), eq(followUpChecks.caseId, row.id))).get();
  if (!check) throw new AppError("not_found", "errors.notFound");
  if (row.dischargeDate) requireNotBefore(input.checkedDate, row.dischargeDate, "checkedDate", "validation.followUp.beforeDischarge");
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.update(followUpChecks)
      .set({ checkedDate: input.checkedDate, status: input.status, note: input.note, updatedBy: actor.id, updatedAt: now })
      .where(eq(followUpChecks.id, check.id))
      .run();
    caseGate.guard(tx, actor, row, "update", [check.checkedDate, input.checkedDate], { checkedDate: [check.checkedDate, input.checkedDate], status: [check.status, input.status] }, input);
    caseGate.audit(tx, actor, row.id, "update", {
      record: "follow_up",
      id: check.id,
      offsetMonths: check.offsetMonths,
      changes: { status: [check.status, input.status], checkedDate: [check.checkedDate, input.checkedDate] },
    });
  });
}
