import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { carePlans, caseActivities, cases, followUpChecks, hospitalizations, trialStays } from "@/db/schema";
import type { CarePlanStatus } from "@/lib/domain/case-codes";
import type { ActivityInput, CarePlanInput, FollowUpInput, ReadmissionInput, TrialStayInput } from "@/lib/validation/case-records";
import type { Actor } from "./actor";
import { auditCase, loadCaseInReach } from "./case-access";
import { AppError } from "./errors";
import { assertHospitalInPrefecture } from "./hospitals";

/*
 * What is recorded inside a case. These rows are appended (or, for follow-ups and plan
 * status, completed) without touching the case's own version: logging a visit must never
 * turn a colleague's open edit of the case record into a conflict.
 */

function requireNotBefore(date: string, earliest: string, field: string, key: string): void {
  if (date < earliest) throw new AppError("invalid", key, { [field]: key });
}

export function addActivity(actor: Actor, input: ActivityInput): { id: string } {
  const row = loadCaseInReach(actor, input.caseId, "write:case:reach");
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
    auditCase(tx, actor, row.id, "create", { record: "activity", id, date: input.date, activityType: input.activityType });
  });
  return { id };
}

export function addTrialStay(actor: Actor, input: TrialStayInput): { id: string } {
  const row = loadCaseInReach(actor, input.caseId, "write:case:reach");
  requireNotBefore(input.startDate, row.referralDate, "startDate", "validation.trialStay.beforeReferral");
  const id = ulid();
  getDb().transaction((tx) => {
    tx.insert(trialStays)
      .values({ id, caseId: row.id, kind: input.kind, placeType: input.placeType, startDate: input.startDate, endDate: input.endDate, outcome: input.outcome, createdBy: actor.id, createdAt: new Date().toISOString() })
      .run();
    auditCase(tx, actor, row.id, "create", { record: "trial_stay", id, startDate: input.startDate, endDate: input.endDate });
  });
  return { id };
}

export function addCarePlan(actor: Actor, input: CarePlanInput): { id: string } {
  const row = loadCaseInReach(actor, input.caseId, "write:case:reach");
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
        createdBy: actor.id,
        createdAt: new Date().toISOString(),
      })
      .run();
    auditCase(tx, actor, row.id, "create", { record: "care_plan", id, planType: input.planType });
  });
  return { id };
}

export function setCarePlanStatus(actor: Actor, caseId: string, planId: string, status: CarePlanStatus): void {
  const row = loadCaseInReach(actor, caseId, "write:case:reach");
  const plan = getDb().select().from(carePlans).where(and(eq(carePlans.id, planId), eq(carePlans.caseId, row.id))).get();
  if (!plan) throw new AppError("not_found", "errors.notFound");
  if (plan.status === status) return;
  getDb().transaction((tx) => {
    tx.update(carePlans).set({ status }).where(eq(carePlans.id, plan.id)).run();
    auditCase(tx, actor, row.id, "update", { record: "care_plan", id: plan.id, changes: { status: [plan.status, status] } });
  });
}

/** A readmission after discharge (the index stay is created with the case). */
export function addReadmission(actor: Actor, input: ReadmissionInput): { id: string } {
  const row = loadCaseInReach(actor, input.caseId, "write:case:reach");
  if (!row.dischargeDate) throw new AppError("invalid", "validation.hospitalization.notDischarged", { admissionDate: "validation.hospitalization.notDischarged" });
  requireNotBefore(input.admissionDate, row.dischargeDate, "admissionDate", "validation.hospitalization.beforeDischarge");
  assertHospitalInPrefecture(actor, input.hospitalId);
  const id = ulid();
  getDb().transaction((tx) => {
    tx.insert(hospitalizations)
      .values({ id, caseId: row.id, hospitalId: input.hospitalId, admissionDate: input.admissionDate, dischargeDate: input.dischargeDate, admissionType: input.admissionType, isIndex: false, createdBy: actor.id, createdAt: new Date().toISOString() })
      .run();
    auditCase(tx, actor, row.id, "create", { record: "hospitalization", id, admissionDate: input.admissionDate });
  });
  return { id };
}

/** Record the outcome of a follow-up check (it may be corrected later; the audit keeps both). */
export function recordFollowUp(actor: Actor, input: FollowUpInput): void {
  const row = loadCaseInReach(actor, input.caseId, "write:case:reach");
  const check = getDb().select().from(followUpChecks).where(and(eq(followUpChecks.id, input.followUpId), eq(followUpChecks.caseId, row.id))).get();
  if (!check) throw new AppError("not_found", "errors.notFound");
  if (row.dischargeDate) requireNotBefore(input.checkedDate, row.dischargeDate, "checkedDate", "validation.followUp.beforeDischarge");
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.update(followUpChecks)
      .set({ checkedDate: input.checkedDate, status: input.status, note: input.note, updatedBy: actor.id, updatedAt: now })
      .where(eq(followUpChecks.id, check.id))
      .run();
    auditCase(tx, actor, row.id, "update", {
      record: "follow_up",
      id: check.id,
      offsetMonths: check.offsetMonths,
      changes: { status: [check.status, input.status], checkedDate: [check.checkedDate, input.checkedDate] },
    });
  });
}
