import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseActivities, casePhaseEvents, cases, followUpChecks, hospitalizations, restatements, users } from "@/db/schema";
import { addActivity, addCarePlan, addTrialStay, recordFollowUp } from "@/lib/dal/case-records";
import { correctLatestPhaseChange, reopenCase, undoLatestPhaseChange } from "@/lib/dal/case-phase-events";
import { createCase, editableValues, getCaseForActor, reassignCase, transitionCase, updateCase } from "@/lib/dal/cases";
import { createHospital } from "@/lib/dal/hospitals";
import { getKnownPersonForActor } from "@/lib/dal/person-lookup";
import { lockYear } from "@/lib/dal/year-close";
import { currentFiscalYear, todayIso } from "@/lib/domain/fiscal-year";
import { ActivitySchema, CarePlanSchema, FollowUpSchema, TrialStaySchema } from "@/lib/validation/case-records";
import { CaseCreateSchema, CaseReopenSchema, CaseTransitionSchema, CaseUpdateSchema, PhaseChangeCorrectSchema, PhaseChangeUndoSchema } from "@/lib/validation/case";
import { lastAudit, thrown } from "../helpers/dal-asserts";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

/*
 * Re-referral, the closed case's read-only state and its reopening, and the correction or undo
 * of the latest phase change (ADR 0029), through the DAL. Every refusal is checked to write nothing.
 */

let hospitalId = "";
let kanaSeq = 0;
const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;
const caseRow = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;
const eventsOf = (id: string) => getDb().select().from(casePhaseEvents).where(eq(casePhaseEvents.caseId, id)).orderBy(asc(casePhaseEvents.date), asc(casePhaseEvents.id)).all();
const latestEvent = (id: string) => eventsOf(id).at(-1)!;
const lastFy = currentFiscalYear() - 1;
/** A date in this fiscal year, not after today (April 1st of the year the fiscal year starts + days). */
const thisFy = (month: number, day: number) => {
  const d = `${currentFiscalYear()}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return d <= todayIso() ? d : todayIso();
};

function raw(overrides: Record<string, string> = {}): Record<string, string> {
  kanaSeq += 1;
  return {
    familyName: "再来",
    givenName: "太郎",
    familyNameKana: "さいらい",
    givenNameKana: `たろう${"あいうえおかきくけこさしすせそ".charAt(kanaSeq % 15)}${"たちつてと".charAt(Math.floor(kanaSeq / 15) % 5)}`,
    dateOfBirth: "",
    birthYearMonth: "1968-07",
    sex: "male",
    municipalityCode: "332046",
    phone: "",
    address: "",
    referralDate: thisFy(4, 2),
    referralSource: "hospital_psw",
    hospitalId,
    wardType: "psych_recuperation",
    indexAdmissionDate: "2012/4/1",
    admissionDatePrecision: "day",
    admissionType: "medical_protection",
    diagnosisGroup: "F2",
    techoGrade: "",
    supportCategory: "",
    consentDate: "",
    consentScope: "",
    supportStartDate: thisFy(4, 3),
    plannedDischargeDate: "",
    coordinatorUserId: userId("bizen.coord"),
    officeId: "33-bizen",
    ...overrides,
  };
}

const auditDetail = () => detailOf(lastAudit()) as Record<string, unknown>;
const coord = () => actorFor("bizen.coord");
const coord2 = () => actorFor("bizen.coord2");
const sup = () => actorFor("bizen.sup");

function newCase(overrides: Record<string, string> = {}) {
  return createCase(coord(), CaseCreateSchema.parse(raw(overrides))).id;
}

function move(caseId: string, toPhase: string, date: string, by = coord(), extra: Record<string, string> = {}) {
  transitionCase(by, CaseTransitionSchema.parse({ id: caseId, version: String(caseRow(caseId).version), toPhase, date, note: "", ...extra }));
}

const close = (caseId: string, date: string) => move(caseId, "closed", date, coord(), { endReason: "other" });
const undo = (caseId: string, by = coord(), extra: Record<string, string> = {}) =>
  undoLatestPhaseChange(by, PhaseChangeUndoSchema.parse({ id: caseId, version: String(caseRow(caseId).version), eventId: latestEvent(caseId).id, ...extra }));
const correct = (caseId: string, date: string, note: string, by = coord(), extra: Record<string, string> = {}) =>
  correctLatestPhaseChange(by, PhaseChangeCorrectSchema.parse({ id: caseId, version: String(caseRow(caseId).version), eventId: latestEvent(caseId).id, date, note, ...extra }));
const reopen = (caseId: string, reason: string, by = sup(), extra: Record<string, string> = {}) =>
  reopenCase(by, CaseReopenSchema.parse({ id: caseId, version: String(caseRow(caseId).version), reason, ...extra }));

before(async () => {
  await seededDb();
  hospitalId = createHospital(actorFor("okayama.admin"), { name: "再来テスト病院", municipalityCode: "332046", psychBeds: 80 }).id;
});

describe("re-referral: a new case on the same person record", () => {
  test("a known person whose case is closed gets a new case; the case page lists the earlier one; the audit names the person", () => {
    const first = newCase();
    close(first, thisFy(4, 5));
    const personId = caseRow(first).personId;
    const second = createCase(coord(), CaseCreateSchema.parse({ ...raw(), personMode: "existing", personId, familyName: "", familyNameKana: "" })).id;
    assert.notEqual(second, first);
    assert.equal(caseRow(second).personId, personId);
    assert.equal(caseRow(second).phase, "identified");
    assert.deepEqual(auditDetail().person, { existing: personId });
    const detail = getCaseForActor(coord(), second);
    assert.deepEqual(
      detail.personRecords.map((r) => [r.kind, r.id]),
      [["case", first]],
    );
    assert.equal(getCaseForActor(coord(), first).personRecords[0]?.id, second);
  });

  test("refused while the person has an open case in reach; nothing is created", () => {
    const open = newCase();
    const personId = caseRow(open).personId;
    const count = () => getDb().select({ n: sql<number>`count(*)` }).from(cases).where(eq(cases.personId, personId)).get()!.n;
    const e = thrown(() => createCase(coord(), CaseCreateSchema.parse({ ...raw(), personMode: "existing", personId })));
    assert.equal(e.messageKey, "validation.case.personHasOpenCase");
    assert.equal(count(), 1);
  });

  test("a person with no record in the actor's reach cannot be chosen (東備 coordinator, 備前 person)", () => {
    const first = newCase();
    close(first, thisFy(4, 5));
    const personId = caseRow(first).personId;
    const tobi = actorFor("tobi.coord");
    const e = thrown(() => createCase(tobi, CaseCreateSchema.parse({ ...raw({ officeId: "33-tobi", coordinatorUserId: userId("tobi.coord") }), personMode: "existing", personId })));
    assert.equal(e.messageKey, "validation.case.personInvalid");
  });

  test("the new-case page's chosen person (?person=…) is found only in reach, and the look-up is audited", () => {
    const first = newCase();
    const personId = caseRow(first).personId;
    assert.equal(getKnownPersonForActor(actorFor("tobi.coord"), "case", personId), null);
    assert.equal(thrown(() => getKnownPersonForActor(actorFor("okayama.pref"), "case", personId)).code, "not_found");
    const known = getKnownPersonForActor(coord(), "case", personId);
    assert.equal(known?.name, "再来 太郎");
    assert.deepEqual(known?.records.map((r) => r.id), [first]);
    assert.equal(lastAudit().entityType, "person_search");
  });

  test("the form needs a person when the mode is existing, and no person fields then", () => {
    const r = CaseCreateSchema.safeParse({ ...raw(), personMode: "existing", personId: "", familyName: "" });
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    assert.deepEqual(paths, ["personId"]);
  });
});

describe("a closed case is read-only in the DAL until a supervisor reopens it", () => {
  let closed = "";
  before(() => {
    closed = newCase();
    move(closed, "assessment", thisFy(4, 4));
    close(closed, thisFy(4, 6));
  });

  test("every write to the case or its records is refused, and nothing is written", () => {
    const stamp = caseRow(closed).updatedAt;
    const activities = () => getDb().select({ n: sql<number>`count(*)` }).from(caseActivities).where(eq(caseActivities.caseId, closed)).get()!.n;
    const refusals = [
      () => addActivity(coord(), ActivitySchema.parse({ caseId: closed, date: thisFy(4, 6), activityType: "phone", minutes: "10", summary: "x" })),
      () => addTrialStay(coord(), TrialStaySchema.parse({ caseId: closed, kind: "experience_stay", placeType: "group_home", startDate: thisFy(4, 6), endDate: thisFy(4, 6), outcome: "" })),
      () => addCarePlan(coord(), CarePlanSchema.parse({ caseId: closed, planType: "chiiki_iko", status: "drafting", createdDate: thisFy(4, 6), reviewDueDate: "", periodEndDate: "", consentDate: "" })),
      () => transitionCase(coord(), CaseTransitionSchema.parse({ id: closed, version: String(caseRow(closed).version), toPhase: "assessment", date: thisFy(4, 6), note: "" })),
      () => {
        const row = caseRow(closed);
        const values = editableValues(row);
        updateCase(coord(), CaseUpdateSchema.parse({ ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""])), id: closed, version: String(row.version), plannedDischargeDate: thisFy(4, 6) }));
      },
      () => reassignCase(sup(), closed, caseRow(closed).version, userId("bizen.coord2")),
      () => undo(closed, sup()),
    ];
    for (const write of refusals) {
      const e = thrown(write);
      assert.equal(e.messageKey, "errors.caseClosed", String(write));
    }
    assert.equal(activities(), 0);
    assert.equal(caseRow(closed).updatedAt, stamp);
    assert.equal(caseRow(closed).phase, "closed");
  });

  test("a coordinator cannot reopen (the permission is the supervisor's); nothing changes", () => {
    const e = thrown(() => reopen(closed, "誤って終結", coord()));
    assert.equal(e.code, "not_found");
    assert.equal(caseRow(closed).phase, "closed");
  });

  test("a reason is required", () => {
    const r = CaseReopenSchema.safeParse({ id: closed, version: "1", reason: "  " });
    assert.equal(r.success, false);
    assert.equal(r.error!.issues[0]!.message, "validation.case.reopenReasonRequired");
  });

  test("a supervisor reopens with a reason: back to the phase before closing, end cleared, the reason in the history and the audit", () => {
    reopen(closed, "終結の記録が誤りだった");
    const row = caseRow(closed);
    assert.equal(row.phase, "assessment");
    assert.equal(row.endDate, null);
    assert.equal(row.endReason, null);
    const last = latestEvent(closed);
    assert.deepEqual([last.fromPhase, last.phase, last.note, last.date], ["closed", "assessment", "終結の記録が誤りだった", todayIso()]);
    const detail = auditDetail();
    assert.equal(lastAudit().entityId, closed);
    assert.equal(detail.reopened, true);
    assert.equal(detail.reason, "終結の記録が誤りだった");
    // Writable again.
    addActivity(coord(), ActivitySchema.parse({ caseId: closed, date: todayIso(), activityType: "phone", minutes: "5", summary: "再開後の連絡" }));
    // The reopening itself is not undone by the phase-change undo.
    assert.equal(thrown(() => undo(closed, sup())).messageKey, "validation.phaseChange.reopening");
  });

  test("reopening an open case is refused", () => {
    const open = newCase();
    assert.equal(thrown(() => reopen(open, "理由")).messageKey, "validation.case.notClosed");
  });

  test("a case reopened into 中断 still offers its way back to the phase it interrupted", () => {
    const id = newCase();
    move(id, "assessment", thisFy(4, 4));
    move(id, "suspended", thisFy(4, 5));
    close(id, thisFy(4, 6));
    reopen(id, "中断のまま終結したのは誤り");
    assert.equal(caseRow(id).phase, "suspended");
    assert.deepEqual(getCaseForActor(coord(), id).transitions, ["assessment", "closed"]);
  });
});

describe("correcting or undoing the latest phase change", () => {
  test("only the recorder or a supervisor; another coordinator is refused and nothing changes", () => {
    const id = newCase();
    move(id, "assessment", thisFy(4, 4));
    const e = thrown(() => undo(id, coord2()));
    assert.equal(e.messageKey, "validation.phaseChange.notRecorder");
    assert.equal(caseRow(id).phase, "assessment");
    assert.equal(getCaseForActor(coord2(), id).fixableChange, null);
    assert.equal(getCaseForActor(sup(), id).fixableChange?.phase, "assessment");
    undo(id, sup());
    assert.equal(caseRow(id).phase, "identified");
    assert.equal(eventsOf(id).length, 1);
  });

  test("only the latest change: an earlier one is refused; the opening cannot be undone", () => {
    const id = newCase();
    move(id, "assessment", thisFy(4, 4));
    move(id, "engagement", thisFy(4, 5));
    const older = eventsOf(id)[1]!;
    const e = thrown(() => undoLatestPhaseChange(coord(), PhaseChangeUndoSchema.parse({ id, version: String(caseRow(id).version), eventId: older.id })));
    assert.equal(e.messageKey, "validation.phaseChange.notLatest");
    undo(id);
    undo(id);
    assert.equal(caseRow(id).phase, "identified");
    assert.equal(thrown(() => undo(id)).messageKey, "validation.phaseChange.opening");
  });

  test("a stale form (the case moved on) changes nothing", () => {
    const id = newCase();
    move(id, "assessment", thisFy(4, 4));
    const stale = { id, version: String(caseRow(id).version - 1), eventId: latestEvent(id).id };
    assert.equal(thrown(() => undoLatestPhaseChange(coord(), PhaseChangeUndoSchema.parse(stale))).code, "conflict");
    assert.equal(caseRow(id).phase, "assessment");
  });

  test("undoing a discharge restores the phase and clears the discharge, its index stay's end and the follow-ups", () => {
    const id = newCase();
    for (const [phase, day] of [["assessment", 4], ["engagement", 5], ["preparation", 6]] as const) move(id, phase, thisFy(4, day));
    move(id, "discharged", thisFy(4, 7), coord(), { dischargeDestination: "home_alone", livingArrangementAfter: "alone" });
    assert.equal(getDb().select().from(followUpChecks).where(eq(followUpChecks.caseId, id)).all().length, 4);
    undo(id);
    const row = caseRow(id);
    assert.deepEqual([row.phase, row.dischargeDate, row.dischargeDestination, row.livingArrangementAfter], ["preparation", null, null, null]);
    assert.equal(getDb().select().from(followUpChecks).where(eq(followUpChecks.caseId, id)).all().length, 0);
    const index = getDb().select().from(hospitalizations).where(and(eq(hospitalizations.caseId, id), eq(hospitalizations.isIndex, true))).get()!;
    assert.equal(index.dischargeDate, null);
    const detail = auditDetail();
    assert.equal(detail.phaseChange, "undone");
  });

  test("a discharge with a recorded follow-up is not undone; its date moves the due dates and the stay when corrected", () => {
    const id = newCase();
    for (const [phase, day] of [["assessment", 4], ["engagement", 5], ["preparation", 6]] as const) move(id, phase, thisFy(4, day));
    move(id, "discharged", thisFy(4, 7), coord(), { dischargeDestination: "home_alone", livingArrangementAfter: "alone" });
    correct(id, thisFy(4, 8), "退院日を訂正");
    const row = caseRow(id);
    assert.equal(row.dischargeDate, thisFy(4, 8));
    assert.equal(latestEvent(id).date, thisFy(4, 8));
    assert.equal(latestEvent(id).note, "退院日を訂正");
    const index = getDb().select().from(hospitalizations).where(and(eq(hospitalizations.caseId, id), eq(hospitalizations.isIndex, true))).get()!;
    assert.equal(index.dischargeDate, thisFy(4, 8));
    const oneMonth = getDb().select().from(followUpChecks).where(and(eq(followUpChecks.caseId, id), eq(followUpChecks.offsetMonths, 1))).get()!;
    assert.equal(oneMonth.dueDate, `${currentFiscalYear()}-05-08`);
    assert.equal(thrown(() => correct(id, thisFy(4, 5), "")).messageKey, "validation.case.phaseDateBeforeLast");
    recordFollowUp(coord(), FollowUpSchema.parse({ caseId: id, followUpId: oneMonth.id, checkedDate: todayIso(), status: "living_in_community", note: "" }));
    assert.equal(thrown(() => undo(id)).messageKey, "validation.phaseChange.dischargeHasRecords");
    assert.equal(caseRow(id).phase, "discharged");
  });

  test("the year-end lock applies: a change dated in a locked year is undone only with a reason, kept as a restatement", () => {
    lockYear(actorFor("okayama.pref"), { fiscalYear: lastFy });
    const id = newCase({ referralDate: `${lastFy}-06-01`, supportStartDate: `${lastFy}-06-02`, restatementReason: "前年度の記録漏れ" });
    // Recorded before the lock would be the usual way; here the reason lets the phase change in.
    move(id, "assessment", `${lastFy}-06-10`, coord(), { restatementReason: "前年度の記録漏れ" });
    const e = thrown(() => undo(id));
    assert.equal(e.messageKey, "yearClose.guard.reasonRequired");
    assert.equal(caseRow(id).phase, "assessment");
    const restated = () => getDb().select().from(restatements).where(eq(restatements.entityId, id)).all().length;
    const before = restated();
    undo(id, coord(), { restatementReason: "誤って記録した段階の変更" });
    assert.equal(caseRow(id).phase, "identified");
    assert.equal(restated(), before + 1);
    // Reopening a case closed in a locked year also asks for the reason.
    close(id, todayIso());
    getDb().update(cases).set({ endDate: `${lastFy}-07-01` }).where(eq(cases.id, id)).run();
    assert.equal(thrown(() => reopen(id, "再開")).messageKey, "yearClose.guard.reasonRequired");
    assert.equal(caseRow(id).phase, "closed");
    reopen(id, "再開", sup(), { restatementReason: "前年度の終結を取り消す" });
    assert.equal(caseRow(id).phase, "identified");
  });
});
