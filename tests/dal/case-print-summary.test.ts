import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import { createCase, getCaseForActor, listCaseAuditForActor } from "@/lib/dal/cases";
import { createHospital } from "@/lib/dal/hospitals";
import { CaseCreateSchema } from "@/lib/validation/case";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

/*
 * The one-page summary for case conferences (/cases/[id]/summary) reads the case through the
 * case page's own DAL read: the same reach, the same audited view, marked as the print summary
 * and kept on a line of its own in the 閲覧・変更履歴 (a plain page visit collapses per day).
 */

let caseId = "";

before(async () => {
  await seededDb();
  const hospitalId = createHospital(actorFor("okayama.admin"), { name: "印刷テスト用架空病院", municipalityCode: "332046", psychBeds: 80 }).id;
  const coordinator = getDb().select().from(users).where(eq(users.username, "bizen.coord")).get()!.id;
  caseId = createCase(
    actorFor("bizen.coord"),
    CaseCreateSchema.parse({
      familyName: "印刷",
      givenName: "花子",
      familyNameKana: "いんさつ",
      givenNameKana: "はなこ",
      dateOfBirth: "",
      birthYearMonth: "1975-03",
      sex: "female",
      municipalityCode: "332046",
      phone: "",
      address: "",
      referralDate: "2024-04-10",
      referralSource: "hospital_psw",
      hospitalId,
      wardType: "psych_recuperation",
      indexAdmissionDate: "2012/4/1",
      admissionDatePrecision: "day",
      admissionType: "medical_protection",
      diagnosisGroup: "F2",
      techoGrade: "grade2",
      supportCategory: "level3",
      consentDate: "2024-04-20",
      consentScope: "support_and_sharing",
      supportStartDate: "2024-04-20",
      plannedDischargeDate: "",
      coordinatorUserId: coordinator,
      officeId: "33-bizen",
    }),
  ).id;
});

const lastAudit = () => getDb().select().from(auditLogs).where(eq(auditLogs.entityId, caseId)).orderBy(desc(auditLogs.id)).get()!;

describe("the case summary for printing", () => {
  test("is read only in reach, like the case page", () => {
    assert.equal(getCaseForActor(actorFor("bizen.coord"), caseId, "printSummary").caseNo.length > 0, true);
    for (const other of ["tobi.coord", "ube.sup", "okayama.pref", "okayama.admin"]) {
      assert.throws(() => getCaseForActor(actorFor(other), caseId, "printSummary"), { code: "not_found" }, other);
    }
  });

  test("opening it is an audited view that names the print summary", () => {
    getCaseForActor(actorFor("bizen.sup"), caseId, "printSummary");
    const row = lastAudit();
    assert.deepEqual([row.action, row.entityType, row.actorUsername], ["view", "case", "bizen.sup"]);
    assert.deepEqual(detailOf(row), { caseNo: getCaseForActor(actorFor("bizen.sup"), caseId).caseNo, identity: true, printSummary: true });
    // The case page's own view is not marked.
    assert.equal(detailOf(lastAudit()).printSummary, undefined);
  });

  test("the 閲覧・変更履歴 keeps each opened summary on its own line; plain visits of a day stay one line", () => {
    const before = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, caseId), eq(auditLogs.actorUsername, "bizen.coord"))).all().length;
    getCaseForActor(actorFor("bizen.coord"), caseId);
    getCaseForActor(actorFor("bizen.coord"), caseId);
    getCaseForActor(actorFor("bizen.coord"), caseId, "printSummary");
    assert.ok(before >= 1);
    const lines = listCaseAuditForActor(actorFor("bizen.sup"), caseId).rows.filter((r) => r.actorUsername === "bizen.coord" && r.action === "view");
    const printed = lines.filter((r) => r.detail && detailOf(r).printSummary);
    // Two summaries opened by bizen.coord (the first test's and this one), each a line; the plain visits one line.
    assert.equal(printed.length, 2);
    assert.equal(lines.length - printed.length, 1);
  });
});
