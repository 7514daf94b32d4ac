import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseActivities, cases, municipalKyogiStatus, outreachCases, prefectureYearFacts, outreachContacts, peerDispatches, peerSupporters, restatements } from "@/db/schema";
import { saveMunicipalStatusTable } from "@/lib/dal/kyogi";
import { saveYearFacts } from "@/lib/dal/sheet-settings";
import { YearFactsSchema } from "@/lib/validation/sheet-settings";
import { addActivity, updateActivity } from "@/lib/dal/case-records";
import { editableValues, reassignCase, updateCase } from "@/lib/dal/cases";
import { setPeerStatus } from "@/lib/dal/peers";
import { addOutreachContact } from "@/lib/dal/outreach-records";
import { caseGate, dispatchGate } from "@/lib/dal/record-gate";
import { lockYear, restatementsForSheet, restatementViews } from "@/lib/dal/year-close";
import { currentFiscalYear, fiscalYearOf, fiscalYearRange, todayIso } from "@/lib/domain/fiscal-year";
import { ActivitySchema, ActivityUpdateSchema } from "@/lib/validation/case-records";
import { CaseUpdateSchema } from "@/lib/validation/case";
import { OutreachContactSchema } from "@/lib/validation/outreach";
import { thrown } from "../helpers/dal-asserts";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The year-end lock through the gate (ADR 0025, 0026): every write the gate and the correction
 * machinery make about a case, an outreach case or a dispatch asks for a reason when it touches
 * a locked fiscal year, writes nothing without one, and keeps a restatement with one. Every
 * past year of 岡山県 is locked here, so "dated in the past" means "in a locked year".
 */

const today = todayIso();
const lastYear = currentFiscalYear() - 1;
const restatementsOf = (entityId: string) => getDb().select().from(restatements).where(eq(restatements.entityId, entityId)).all();
const activityCount = (caseId: string) => (getDb().select({ n: sql<number>`count(*)` }).from(caseActivities).where(eq(caseActivities.caseId, caseId)).get() as { n: number }).n;

/** An open 備前 case referred in a past (locked) fiscal year. */
let openCase: typeof cases.$inferSelect;

before(async () => {
  await seededDb();
  const pref = actorFor("okayama.pref");
  for (let fy = 2019; fy <= lastYear; fy++) lockYear(pref, { fiscalYear: fy });
  const { start } = fiscalYearRange(currentFiscalYear());
  openCase = getDb()
    .select()
    .from(cases)
    .where(and(eq(cases.officeId, "33-bizen"), isNull(cases.endDate), isNull(cases.dischargeDate), lt(cases.referralDate, start)))
    .orderBy(asc(cases.referralDate))
    .get()!;
  assert.ok(openCase, "the demo data has an open 備前 case referred before this fiscal year");
});

const activity = (date: string, extra: Record<string, string> = {}) =>
  ActivitySchema.parse({ caseId: openCase.id, date, activityType: "phone", minutes: "10", summary: "電話で近況を確認", ...extra });

describe("the year-end lock, enforced by the gate", () => {
  test("logging a case activity in a locked year: refused without a reason, nothing written; with one, saved and restated", () => {
    const coord = actorFor("bizen.coord");
    const date = openCase.referralDate;
    const before = activityCount(openCase.id);
    const refused = thrown(() => addActivity(coord, activity(date)));
    assert.equal(refused.code, "invalid");
    assert.ok(refused.fieldErrors.restatementReason, "the form is asked for 訂正の理由");
    assert.equal(activityCount(openCase.id), before, "nothing written");
    assert.equal(restatementsOf(openCase.id).length, 0);

    addActivity(coord, activity(date, { restatementReason: "記入漏れの訪問を追記" }));
    assert.equal(activityCount(openCase.id), before + 1);
    const r = restatementsOf(openCase.id)[0]!;
    assert.equal(r.entityType, "case");
    assert.equal(r.fiscalYear, fiscalYearOf(date));
    assert.equal(r.officeId, "33-bizen");
    assert.equal(r.action, "create");
    assert.equal(r.reason, "記入漏れの訪問を追記");
    // The sheet's list names the activity's fields in words (restated under the case), never values.
    const view = restatementViews(restatementsForSheet("33", fiscalYearOf(date)), "ja").find((v) => v.id === r.id)!;
    assert.deepEqual(view.fields, ["日付", "支援の種類"]);
    assert.equal(view.record, "地域移行支援ケース");
  });

  test("an activity dated this (open) year needs no reason and leaves no restatement", () => {
    const before = restatementsOf(openCase.id).length;
    const { id } = addActivity(actorFor("bizen.coord"), activity(today));
    assert.ok(id);
    assert.equal(restatementsOf(openCase.id).length, before);
  });

  test("correcting an activity out of a locked year counts as much as into one", () => {
    const coord = actorFor("bizen.coord");
    const { id } = addActivity(coord, activity(openCase.referralDate, { restatementReason: "追記" }));
    const row = getDb().select().from(caseActivities).where(eq(caseActivities.id, id)).get()!;
    const move = (extra: Record<string, string>) =>
      updateActivity(coord, ActivityUpdateSchema.parse({ caseId: openCase.id, id, version: String(row.version), date: today, activityType: "phone", minutes: "10", summary: "電話で近況を確認", ...extra }));
    assert.equal(thrown(() => move({})).code, "invalid");
    assert.equal(getDb().select().from(caseActivities).where(eq(caseActivities.id, id)).get()!.date, openCase.referralDate, "not moved");
    const before = restatementsOf(openCase.id).length;
    move({ restatementReason: "日付の誤り" });
    assert.equal(getDb().select().from(caseActivities).where(eq(caseActivities.id, id)).get()!.date, today);
    assert.equal(restatementsOf(openCase.id).length, before + 1);
  });

  test("a case: editing a field that dates nothing needs no reason; moving a date into a locked year does", () => {
    const sup = actorFor("bizen.sup");
    const edit = (changes: Record<string, string>) => {
      const row = getDb().select().from(cases).where(eq(cases.id, openCase.id)).get()!;
      const values = Object.fromEntries(Object.entries(editableValues(row)).map(([k, v]) => [k, v ?? ""]));
      updateCase(sup, CaseUpdateSchema.parse({ ...values, id: row.id, version: String(row.version), base: JSON.stringify(editableValues(row)), ...changes }));
    };
    const before = restatementsOf(openCase.id).length;
    edit({ plannedDischargeDate: today });
    assert.equal(restatementsOf(openCase.id).length, before, "a planned date of this year restates nothing");
    const pastConsent = fiscalYearRange(lastYear).start;
    const refused = thrown(() => edit({ consentDate: pastConsent }));
    assert.equal(refused.code, "invalid");
    assert.ok(refused.fieldErrors.restatementReason);
    assert.notEqual(getDb().select().from(cases).where(eq(cases.id, openCase.id)).get()!.consentDate, pastConsent);
    edit({ consentDate: pastConsent, restatementReason: "同意書の日付を転記" });
    assert.equal(getDb().select().from(cases).where(eq(cases.id, openCase.id)).get()!.consentDate, pastConsent);
    const latest = restatementsOf(openCase.id).at(-1)!;
    assert.deepEqual(Object.keys(JSON.parse(latest.changes)), ["consentDate"], "the restatement names the field, nothing else");
  });

  test("an outreach contact in a locked year needs a reason", () => {
    const coord = actorFor("bizen.coord");
    const oc = getDb()
      .select()
      .from(outreachCases)
      .where(and(eq(outreachCases.officeId, "33-bizen"), isNull(outreachCases.endDate), lt(outreachCases.referralDate, fiscalYearRange(currentFiscalYear()).start)))
      .get();
    assert.ok(oc, "an open 備前 outreach case referred in a past year");
    const contact = (extra: Record<string, string> = {}) =>
      OutreachContactSchema.parse({ outreachCaseId: oc.id, date: oc.referralDate, contactType: "home_visit", professions: ["phn"], metPerson: "on", minutes: "30", place: "", summary: "", ...extra });
    const count = () => getDb().select({ id: outreachContacts.id }).from(outreachContacts).where(eq(outreachContacts.outreachCaseId, oc.id)).all().length;
    const before = count();
    assert.equal(thrown(() => addOutreachContact(coord, contact())).code, "invalid");
    assert.equal(count(), before);
    addOutreachContact(coord, contact({ restatementReason: "訪問記録の追記" }));
    assert.equal(count(), before + 1);
    assert.equal(restatementsOf(oc.id).at(-1)!.entityType, "outreach_case");
  });

  test("a dispatch is dated as a whole: any change to one of a locked year needs a reason", () => {
    const coord = actorFor("bizen.coord");
    const row = getDb().select().from(peerDispatches).where(and(eq(peerDispatches.officeId, "33-bizen"), lt(peerDispatches.date, fiscalYearRange(currentFiscalYear()).start))).get();
    assert.ok(row, "a 備前 dispatch of a past year");
    const touch = (reason?: string) => getDb().transaction((tx) => dispatchGate.touch(tx, coord, row, row.version, { report: "報告を追記" }, { restatementReason: reason }));
    assert.equal(thrown(() => touch()).code, "invalid");
    assert.equal(getDb().select().from(peerDispatches).where(eq(peerDispatches.id, row.id)).get()!.version, row.version, "nothing written");
    touch("報告書の提出が遅れたため");
    assert.equal(restatementsOf(row.id).at(-1)!.entityType, "peer_dispatch");
  });

  test("the gate's own guard: a case created with a referral in a locked year is restated under its new id", () => {
    const coord = actorFor("bizen.coord");
    const id = "gate-lock-test";
    const date = fiscalYearRange(lastYear).start;
    assert.equal(thrown(() => getDb().transaction((tx) => caseGate.guard(tx, coord, { id, officeId: "33-bizen" }, "create", [date], {}, {}))).code, "invalid");
    getDb().transaction((tx) => caseGate.guard(tx, coord, { id, officeId: "33-bizen" }, "create", [date], { referralDate: [null, date] }, { restatementReason: "紙の記録から移行" }));
    assert.equal(restatementsOf(id).length, 1);
  });

  test("the prefecture's yearly tables (municipal 協議の場 status) of a locked year change only with a reason", () => {
    const pref = actorFor("okayama.pref");
    const row = getDb().select().from(municipalKyogiStatus).where(and(eq(municipalKyogiStatus.prefectureCode, "33"), eq(municipalKyogiStatus.fiscalYear, lastYear))).get();
    assert.ok(row, "a municipal status row of last year");
    const save = (restatementReason?: string) =>
      saveMunicipalStatusTable(pref, {
        fiscalYear: lastYear,
        rows: [{ municipalityCode: row.municipalityCode, version: row.version, exists: row.exists, form: row.form, establishedOn: row.establishedOn, meetingsHeld: (row.meetingsHeld ?? 0) + 1, note: row.note }],
        restatementReason,
      });
    assert.equal(thrown(() => save()).code, "invalid");
    assert.equal(getDb().select().from(municipalKyogiStatus).where(and(eq(municipalKyogiStatus.municipalityCode, row.municipalityCode), eq(municipalKyogiStatus.fiscalYear, lastYear))).get()!.version, row.version);
    assert.equal(save("市からの報告の訂正").changed, 1);
    assert.equal(restatementsOf(`33:${lastYear}`).at(-1)!.entityType, "municipal_kyogi_status");
  });

  test("what changes no figure needs no reason: handing a case of a locked year to another coordinator, a peer's status change", () => {
    const sup = actorFor("bizen.sup");
    // A closed case is read-only (ADR 0029), so the case handed over is an open one referred in a locked year.
    const handed = getDb()
      .select()
      .from(cases)
      .where(and(eq(cases.officeId, "33-bizen"), sql`${cases.phase} <> 'closed'`, lt(cases.referralDate, fiscalYearRange(currentFiscalYear()).start)))
      .get();
    assert.ok(handed, "an open 備前 case referred in a past year");
    const other = getDb().select({ id: cases.coordinatorUserId }).from(cases).where(and(eq(cases.officeId, "33-bizen"), sql`${cases.coordinatorUserId} <> ${handed.coordinatorUserId}`)).get();
    assert.ok(other);
    const restatedBefore = restatementsOf(handed.id).length;
    reassignCase(sup, handed.id, handed.version, other.id);
    assert.equal(getDb().select().from(cases).where(eq(cases.id, handed.id)).get()!.coordinatorUserId, other.id);
    assert.equal(restatementsOf(handed.id).length, restatedBefore);

    // A peer paused in a locked year (set up here) is resumed today.
    const active = getDb().select().from(peerSupporters).where(and(eq(peerSupporters.officeId, "33-bizen"), eq(peerSupporters.status, "active"))).get();
    assert.ok(active);
    getDb().update(peerSupporters).set({ status: "paused", statusChangedOn: fiscalYearRange(lastYear).start }).where(eq(peerSupporters.id, active.id)).run();
    setPeerStatus(sup, active.id, active.version, "active");
    assert.equal(getDb().select().from(peerSupporters).where(eq(peerSupporters.id, active.id)).get()!.status, "active");
    assert.equal(restatementsOf(active.id).length, 0);
  });

  test("the sheet's own yearly entries (year facts) of a locked year change only with a reason", () => {
    const pref = actorFor("okayama.pref");
    const stored = getDb().select().from(prefectureYearFacts).where(and(eq(prefectureYearFacts.prefectureCode, "33"), eq(prefectureYearFacts.fiscalYear, lastYear))).get();
    const hostelUniqueUsers = String((stored?.hostelUniqueUsers ?? 0) + 1);
    const save = (restatementReason?: string) =>
      saveYearFacts(pref, YearFactsSchema.parse({ fiscalYear: String(lastYear), jiritsuMhSubcommittee: "yes", hostelUniqueUsers, version: String(stored?.version ?? 0), restatementReason }));
    const refused = thrown(() => save());
    assert.equal(refused.code, "invalid");
    assert.ok(refused.fieldErrors.restatementReason);
    assert.equal(save("県の報告書に合わせて記入").changed, true);
    assert.equal(restatementsOf(`33:${lastYear}`).at(-1)!.entityType, "prefecture_year_facts");
  });
});
