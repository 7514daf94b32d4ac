import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import { createCase, listCaseAuditForActor, reassignCase } from "@/lib/dal/cases";
import { addActivity, deleteActivity } from "@/lib/dal/case-records";
import { caseGate } from "@/lib/dal/record-gate";
import { createHospital } from "@/lib/dal/hospitals";
import { CaseCreateSchema } from "@/lib/validation/case";
import { ActivityDeleteSchema, ActivitySchema } from "@/lib/validation/case-records";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

/*
 * The 閲覧・変更履歴 query: a person's plain views of one JST day are one line, "changes only"
 * leaves views out, paging counts lines and reaches past the old 200, names are resolved within
 * the actor's prefecture, and the trail stays for supervisors of the owning office only.
 */

let hospitalId = "";
const userOf = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!;

function newCase(): string {
  return createCase(
    actorFor("bizen.coord"),
    CaseCreateSchema.parse({
      familyName: "履歴",
      givenName: "太郎",
      familyNameKana: "りれき",
      givenNameKana: "たろう",
      dateOfBirth: "",
      birthYearMonth: "1970-05",
      sex: "male",
      municipalityCode: "332046",
      phone: "",
      address: "",
      referralDate: "2024-04-10",
      referralSource: "hospital_psw",
      hospitalId,
      wardType: "psych_recuperation",
      indexAdmissionDate: "2010-04-01",
      admissionDatePrecision: "day",
      admissionType: "medical_protection",
      diagnosisGroup: "F2",
      techoGrade: "grade2",
      supportCategory: "level3",
      consentDate: "2024-04-20",
      consentScope: "support_and_sharing",
      supportStartDate: "2024-04-20",
      plannedDischargeDate: "",
      coordinatorUserId: userOf("bizen.coord").id,
      officeId: "33-bizen",
    }),
  ).id;
}

/** Audit rows written as the app writes them, at a chosen instant (ids ascend with `at`; dates lie after the case was created, now). */
function insertRows(caseId: string, username: string, action: "view" | "update", ats: string[], detail: (i: number) => Record<string, unknown> | null = () => null) {
  const u = userOf(username);
  ats.forEach((at, i) => {
    getDb()
      .insert(auditLogs)
      .values({ id: `${ulid(Date.parse(at))}`, at, actorUserId: u.id, actorUsername: u.username, actorRole: u.role, prefectureCode: "33", action, entityType: "case", entityId: caseId, detail: detail(i) === null ? null : JSON.stringify(detail(i)) })
      .run();
  });
}

const times = (start: string, n: number, stepMinutes = 1) => Array.from({ length: n }, (_, i) => new Date(Date.parse(start) + i * stepMinutes * 60_000).toISOString());

before(async () => {
  await seededDb();
  hospitalId = createHospital(actorFor("okayama.admin"), { name: "履歴テスト架空病院", municipalityCode: "332046", psychBeds: 50 }).id;
});

describe("the 閲覧・変更履歴 query", () => {
  test("a person's views of one JST day are one line; a day turns at midnight in Japan, not UTC", () => {
    const id = newCase();
    // 2090-06-01 23:50 JST … 23:59 JST (14:50Z–14:59Z): 10 views, 2 of them with the identity shown.
    insertRows(id, "bizen.coord", "view", times("2090-06-01T14:50:00.000Z", 10), (i) => (i < 2 ? { identity: true } : {}));
    // 2090-06-02 00:00 JST onwards (15:00Z): 4 more views by the same person, another day.
    insertRows(id, "bizen.coord", "view", times("2090-06-01T15:00:00.000Z", 4));
    // Another person the same JST day.
    insertRows(id, "bizen.sup", "view", times("2090-06-02T01:00:00.000Z", 3));
    // A duplicate check by another office is not a page view: it keeps its own line and detail.
    insertRows(id, "mimasaka.coord", "view", ["2090-06-02T02:00:00.000Z"], () => ({ duplicateCheck: true, byOfficeId: "33-mimasaka" }));

    const trail = listCaseAuditForActor(actorFor("bizen.sup"), id);
    const views = trail.rows.filter((r) => r.action === "view" && r.day !== null);
    assert.deepEqual(
      views.map((r) => [r.actorUsername, r.day, r.views, r.identityViews]),
      [
        ["bizen.sup", "2090-06-02", 3, 0],
        ["bizen.coord", "2090-06-02", 4, 0],
        ["bizen.coord", "2090-06-01", 10, 2],
      ],
    );
    const check = trail.rows.find((r) => r.actorUsername === "mimasaka.coord");
    assert.ok(check && check.day === null && check.views === 1);
    assert.equal(detailOf(check).duplicateCheck, true);
    // The create row plus three view lines plus the check: 5 lines, not 19 rows.
    assert.equal(trail.total, 5);
    assert.equal(trail.rows.length, 5);
    assert.equal(trail.rows.at(-1)!.action, "create");
  });

  test("changes only: no views at all, the changes newest first", () => {
    const id = newCase();
    insertRows(id, "bizen.coord", "view", times("2090-07-01T01:00:00.000Z", 5));
    insertRows(id, "bizen.coord", "update", times("2090-07-01T02:00:00.000Z", 3), (i) => ({ changes: { wardType: ["psych_recuperation", `step${i}`] } }));
    insertRows(id, "mimasaka.coord", "view", ["2090-07-01T03:00:00.000Z"], () => ({ duplicateCheck: true }));
    const trail = listCaseAuditForActor(actorFor("bizen.sup"), id, { changesOnly: true });
    assert.deepEqual(
      trail.rows.map((r) => r.action),
      ["update", "update", "update", "create"],
    );
    assert.deepEqual(
      trail.rows.slice(0, 3).map((r) => detailOf(r).changes.wardType[1]),
      ["step2", "step1", "step0"],
    );
    assert.equal(trail.total, 4);
    assert.equal(listCaseAuditForActor(actorFor("bizen.sup"), id).total, 6);
  });

  test("paging counts lines and reaches every one of 260 changes and 300 views", () => {
    const id = newCase();
    insertRows(id, "bizen.coord", "update", times("2090-08-01T00:00:00.000Z", 260), (i) => ({ changes: { minutes: [i, i + 1] } }));
    // 300 views over three JST days by one person: three lines.
    insertRows(id, "bizen.coord", "view", times("2090-08-10T00:00:00.000Z", 300, 12));
    const all = listCaseAuditForActor(actorFor("bizen.sup"), id, { pageSize: 100 });
    assert.equal(all.total, 260 + 1 + 3);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = listCaseAuditForActor(actorFor("bizen.sup"), id, { page, pageSize: 100 });
      assert.equal(p.page, page);
      seen.push(...p.rows.map((r) => r.id));
    }
    assert.equal(seen.length, 264);
    assert.equal(new Set(seen).size, 264);
    const last = listCaseAuditForActor(actorFor("bizen.sup"), id, { page: 3, pageSize: 100 });
    assert.equal(last.rows.length, 64);
    assert.equal(last.rows.at(-1)!.action, "create");
    // The first update ever made, far past the old 200-row cut, is there on the last page.
    assert.equal(detailOf(last.rows.at(-2)!).changes.minutes[0], 0);
    // A page beyond the end is the last page.
    assert.equal(listCaseAuditForActor(actorFor("bizen.sup"), id, { page: 99, pageSize: 100 }).page, 3);
    // Views are three lines together holding all 300.
    const viewLines = listCaseAuditForActor(actorFor("bizen.sup"), id, { pageSize: 10 }).rows.filter((r) => r.day);
    assert.equal(viewLines.reduce((n, r) => n + r.views, 0), 300);
    assert.equal(viewLines.length, 3);
    // Changes only pages over 261 lines.
    const changes = listCaseAuditForActor(actorFor("bizen.sup"), id, { changesOnly: true, page: 2, pageSize: 200 });
    assert.equal(changes.total, 261);
    assert.equal(changes.rows.length, 61);
  });

  test("a reassignment and a deleted activity: ids named within the prefecture, the content kept", () => {
    const id = newCase();
    const sup = actorFor("bizen.sup");
    const version = () => caseGate.load(sup, id).version;
    reassignCase(sup, id, version(), userOf("bizen.sup").id);
    const activity = addActivity(actorFor("bizen.coord"), ActivitySchema.parse({ caseId: id, date: "2024-05-01", activityType: "ward_visit", minutes: "45", withPeer: "on", summary: "病棟で面談した" }));
    deleteActivity(actorFor("bizen.coord"), ActivityDeleteSchema.parse({ caseId: id, id: activity.id, version: "1" }));
    // An id of another prefecture's user is never turned into a name.
    insertRows(id, "bizen.coord", "update", ["2090-01-01T00:00:00.000Z"], () => ({ changes: { coordinatorUserId: [userOf("bizen.sup").id, userOf("ube.coord").id] } }));

    const trail = listCaseAuditForActor(sup, id, { changesOnly: true });
    assert.equal(trail.names[userOf("bizen.coord").id], userOf("bizen.coord").displayName);
    assert.equal(trail.names[userOf("bizen.sup").id], userOf("bizen.sup").displayName);
    assert.equal(trail.names[userOf("ube.coord").id], undefined);
    const deleted = trail.rows.find((r) => r.action === "delete");
    assert.ok(deleted);
    assert.deepEqual(detailOf(deleted).snapshot, { date: "2024-05-01", activityType: "ward_visit", minutes: 45, withPeer: true, summary: "病棟で面談した" });
  });

  test("still only for supervisors of the owning office: anyone else gets not_found", () => {
    const id = newCase();
    assert.equal(listCaseAuditForActor(actorFor("bizen.sup"), id).total, 1);
    for (const username of ["bizen.coord", "tobi.coord", "okayama.pref", "okayama.admin", "ube.sup"]) {
      assert.throws(() => listCaseAuditForActor(actorFor(username), id, { changesOnly: true, page: 2 }), { code: "not_found" }, username);
    }
  });
});
