import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, caseActivities, cases, followUpChecks, users } from "@/db/schema";
import { createCase, getCaseForActor, listCaseAuditForActor, listCaseStaffForActor, reassignCase, transitionCase, updateCase, editableValues } from "@/lib/dal/cases";
import { getCaseSummaryForActor, getCaseloadForActor, listCasesForActor } from "@/lib/dal/case-list";
import { addActivity, deleteActivity, recordFollowUp, updateActivity } from "@/lib/dal/case-records";
import { createHospital } from "@/lib/dal/hospitals";
import { findPersonMatchesForActor } from "@/lib/dal/person-lookup";
import { PHASES } from "@/lib/domain/case-codes";
import { CASE_NUMBER_PATTERN } from "@/lib/domain/case-number";
import { CaseCreateSchema, CaseTransitionSchema, CaseUpdateSchema } from "@/lib/validation/case";
import { ActivityDeleteSchema, ActivityUpdateSchema } from "@/lib/validation/case-records";
import { firstValues, loadPageInRange, parsePageRequest } from "@/lib/list-url";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

let hospitalId = "";
const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;

function raw(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    familyName: "試験",
    givenName: "一郎",
    familyNameKana: "しけん",
    givenNameKana: "いちろう",
    dateOfBirth: "",
    birthYearMonth: "1970-05",
    sex: "male",
    municipalityCode: "332046",
    phone: "",
    address: "",
    referralDate: "令和6年4月10日",
    referralSource: "hospital_psw",
    hospitalId,
    wardType: "psych_recuperation",
    indexAdmissionDate: "2010/4/1",
    admissionDatePrecision: "day",
    admissionType: "medical_protection",
    diagnosisGroup: "F2",
    techoGrade: "grade2",
    supportCategory: "level3",
    consentDate: "2024-04-20",
    consentScope: "support_and_sharing",
    supportStartDate: "R6.4.20",
    plannedDischargeDate: "",
    coordinatorUserId: userId("bizen.coord"),
    officeId: "33-bizen",
    ...overrides,
  };
}
const newCaseInput = (overrides: Record<string, string> = {}) => CaseCreateSchema.parse(raw(overrides));

const transition = (caseId: string, toPhase: string, date: string, extra: Record<string, string> = {}) => {
  const version = getDb().select().from(cases).where(eq(cases.id, caseId)).get()!.version;
  transitionCase(actorFor("bizen.coord"), CaseTransitionSchema.parse({ id: caseId, version: String(version), toPhase, date, note: "", ...extra }));
};

before(async () => {
  await seededDb();
  hospitalId = createHospital(actorFor("okayama.admin"), { name: "テスト用架空病院", municipalityCode: "332046", psychBeds: 120 }).id;
});

describe("creating a case", () => {
  test("gets an office case number, a first phase event and an index stay; Japanese dates are read", () => {
    const { id, caseNo } = createCase(actorFor("bizen.coord"), newCaseInput());
    assert.match(caseNo, CASE_NUMBER_PATTERN);
    assert.ok(caseNo.startsWith("33-BZ-2024-"), caseNo);
    const detail = getCaseForActor(actorFor("bizen.coord"), id);
    assert.equal(detail.phase, "identified");
    assert.equal(detail.fields.referralDate, "2024-04-10");
    assert.equal(detail.fields.supportStartDate, "2024-04-20");
    assert.deepEqual(detail.timeline.map((e) => e.phase), ["identified"]);
    assert.equal(detail.hospitalizations.length, 1);
    assert.ok(detail.hospitalizations[0]!.isIndex);
    assert.deepEqual(detail.transitions, ["assessment", "suspended", "closed"]);
  });

  test("numbers follow each other within an office and fiscal year, and restart per office", () => {
    const a = createCase(actorFor("bizen.coord"), newCaseInput()).caseNo;
    const b = createCase(actorFor("bizen.coord"), newCaseInput()).caseNo;
    assert.equal(Number(b.slice(-4)), Number(a.slice(-4)) + 1);
    const t = createCase(actorFor("tobi.coord"), newCaseInput({ officeId: "33-tobi", coordinatorUserId: userId("tobi.coord"), referralDate: "2019-05-01", supportStartDate: "2019-05-02" })).caseNo;
    assert.ok(t.startsWith("33-TB-2019-"), t);
  });

  test("the date order is enforced by the shared schema, naming the field", () => {
    const r = CaseCreateSchema.safeParse(raw({ referralDate: "2009-01-01", indexAdmissionDate: "2010-04-01", supportStartDate: "2008-01-01" }));
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    assert.ok(paths.includes("referralDate:validation.case.referralBeforeAdmission"), paths.join());
  });

  test("an impossible Japanese date is a field error, not a shifted date", () => {
    const r = CaseCreateSchema.safeParse(raw({ referralDate: "R1.4.30" }));
    assert.equal(r.success, false);
    assert.equal(r.error!.issues[0]!.message, "validation.date.outside_era");
  });

  test("a coordinator cannot open a case in an office outside their reach", () => {
    assert.throws(() => createCase(actorFor("tobi.coord"), newCaseInput()), { code: "invalid" });
  });
});

describe("who can see a case", () => {
  test("only the owning office's coordinators and supervisors; everyone else gets not_found", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    assert.ok(getCaseForActor(actorFor("bizen.coord"), id));
    assert.ok(getCaseForActor(actorFor("bizen.sup"), id));
    for (const other of ["tobi.coord", "mimasaka.coord", "ube.coord", "ube.sup", "okayama.pref", "okayama.admin", "yamaguchi.pref"]) {
      assert.throws(() => getCaseForActor(actorFor(other), id), { code: "not_found" }, other);
    }
  });

  test("?page=1e308 and other malformed paging land on the last page instead of a SQL error (issue 12)", () => {
    const actor = actorFor("bizen.coord");
    const all = listCasesForActor(actor, { page: 1, pageSize: 20, sort: "caseNo", dir: "asc" }, {});
    const lastPage = Math.max(1, Math.ceil(all.total / 20));
    const req = parsePageRequest(firstValues({ page: "1e308", size: "1e308", sort: "\u0000", dir: "x" }), ["caseNo"] as const, "caseNo");
    const page = loadPageInRange(req, (r) => listCasesForActor(actor, r, {}));
    assert.equal(page.page, lastPage);
    assert.ok(page.rows.length > 0);
    // Even a request built by hand with a float never reaches SQL as one.
    for (const p of [1e308, Infinity, NaN, -1]) assert.doesNotThrow(() => listCasesForActor(actor, { page: p, pageSize: 1e308, sort: "caseNo", dir: "asc" }, {}), String(p));
  });

  test("lists never hold another office's cases, and the prefecture role gets none at all", () => {
    const req = { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" } as const;
    const tobi = listCasesForActor(actorFor("tobi.coord"), req, {});
    assert.ok(tobi.rows.every((r) => r.officeName === "備前保健所東備支所"));
    const bizen = listCasesForActor(actorFor("bizen.coord"), req, {});
    assert.ok(bizen.rows.length > 0 && bizen.rows.every((r) => r.officeName === "備前保健所"));
    assert.throws(() => listCasesForActor(actorFor("okayama.pref"), req, {}), { code: "not_found" });
  });

  test("every view is audited", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    getCaseForActor(actorFor("bizen.sup"), id);
    const last = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
    assert.deepEqual([last.action, last.entityType, last.entityId, last.actorUsername], ["view", "case", id, "bizen.sup"]);
  });
});

describe("lifecycle", () => {
  test("through every phase to 地域定着 and 終結; discharge creates the follow-ups", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    transition(id, "assessment", "2024-05-01");
    transition(id, "engagement", "2024-06-01");
    transition(id, "preparation", "2024-08-01");
    transition(id, "discharged", "2024-10-31", { dischargeDestination: "group_home", livingArrangementAfter: "group_home" });
    const checks = getDb().select().from(followUpChecks).where(eq(followUpChecks.caseId, id)).all();
    assert.deepEqual(
      checks.map((c) => [c.offsetMonths, c.dueDate]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [[1, "2024-11-30"], [3, "2025-01-31"], [6, "2025-04-30"], [12, "2025-10-31"]],
    );
    transition(id, "settling", "2024-11-01");
    recordFollowUp(actorFor("bizen.coord"), { caseId: id, followUpId: checks.find((c) => c.offsetMonths === 1)!.id, checkedDate: "2024-11-30", status: "living_in_community", note: null });
    transition(id, "closed", "2025-11-01", { endReason: "settled" });
    const detail = getCaseForActor(actorFor("bizen.coord"), id);
    assert.equal(detail.phase, "closed");
    assert.equal(detail.fields.endReason, "settled");
    assert.deepEqual(detail.timeline.map((e) => e.phase), ["identified", "assessment", "engagement", "preparation", "discharged", "settling", "closed"]);
    assert.equal(detail.hospitalizations[0]!.dischargeDate, "2024-10-31");
    assert.deepEqual(detail.transitions, []);
  });

  test("a transition outside the table is refused and changes nothing", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    assert.throws(() => transition(id, "discharged", "2024-10-31", { dischargeDestination: "home_alone" }), { code: "invalid" });
    assert.equal(getDb().select().from(cases).where(eq(cases.id, id)).get()!.phase, "identified");
  });

  test("中断 and back to the interrupted phase", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    transition(id, "assessment", "2024-05-01");
    transition(id, "suspended", "2024-06-01");
    assert.deepEqual(getCaseForActor(actorFor("bizen.coord"), id).transitions, ["assessment", "closed"]);
    transition(id, "assessment", "2024-07-01");
    assert.equal(getDb().select().from(cases).where(eq(cases.id, id)).get()!.phase, "assessment");
  });

  test("discharge needs a destination and closure an end reason (shared schema)", () => {
    assert.equal(CaseTransitionSchema.safeParse({ id: "x", version: "1", toPhase: "discharged", date: "2024-10-31", note: "" }).success, false);
    assert.equal(CaseTransitionSchema.safeParse({ id: "x", version: "1", toPhase: "closed", date: "2024-10-31", note: "" }).success, false);
  });
});

describe("edits that cannot overwrite each other", () => {
  test("a save over a newer version is a conflict that names what the other person changed", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    const row = getDb().select().from(cases).where(eq(cases.id, id)).get()!;
    const base = JSON.stringify(editableValues(row));
    const form = (changes: Record<string, string>) =>
      CaseUpdateSchema.parse({
        ...Object.fromEntries(Object.entries(editableValues(row)).map(([k, v]) => [k, v ?? ""])),
        id,
        version: String(row.version),
        base,
        ...changes,
      });
    updateCase(actorFor("bizen.coord"), form({ wardType: "psych_general" }));
    assert.throws(
      () => updateCase(actorFor("bizen.sup"), form({ diagnosisGroup: "F3" })),
      (e: { code: string; conflicts: Record<string, unknown> }) => {
        assert.equal(e.code, "conflict");
        assert.deepEqual(e.conflicts, { wardType: ["psych_recuperation", "psych_general"] });
        return true;
      },
    );
    const now = getDb().select().from(cases).where(eq(cases.id, id)).get()!;
    assert.equal(now.diagnosisGroup, "F2");
    assert.equal(now.wardType, "psych_general");
  });
});

describe("supervisor tools", () => {
  test("reassigning is for supervisors, to staff of the case's office only, and audited", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    const version = () => getDb().select().from(cases).where(eq(cases.id, id)).get()!.version;
    assert.throws(() => reassignCase(actorFor("bizen.coord"), id, version(), userId("bizen.sup")), { code: "not_found" });
    assert.throws(() => reassignCase(actorFor("bizen.sup"), id, version(), userId("tobi.coord")), { code: "invalid" });
    reassignCase(actorFor("bizen.sup"), id, version(), userId("bizen.sup"));
    assert.equal(getDb().select().from(cases).where(eq(cases.id, id)).get()!.coordinatorUserId, userId("bizen.sup"));
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "update"))).orderBy(desc(auditLogs.id)).get()!;
    assert.match(audit.detail!, /reassigned/);
  });

  test("the edit form is no way around reassigning: a coordinator's save with another lead is refused on the field, nothing changes (issue 12)", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    const load = () => getDb().select().from(cases).where(eq(cases.id, id)).get()!;
    const form = (changes: Record<string, string>) => {
      const row = load();
      return CaseUpdateSchema.parse({
        ...Object.fromEntries(Object.entries(editableValues(row)).map(([k, v]) => [k, v ?? ""])),
        id,
        version: String(row.version),
        base: JSON.stringify(editableValues(row)),
        ...changes,
      });
    };
    const before = load();
    const audits = () => getDb().select().from(auditLogs).where(eq(auditLogs.entityId, id)).all().length;
    const auditCount = audits();
    assert.throws(() => updateCase(actorFor("bizen.coord"), form({ coordinatorUserId: userId("bizen.sup"), diagnosisGroup: "F3" })), {
      code: "invalid",
      messageKey: "validation.case.reassignNotAllowed",
      fieldErrors: { coordinatorUserId: "validation.case.reassignNotAllowed" },
    });
    assert.deepEqual(load(), before);
    assert.equal(audits(), auditCount);
    // The same save with the lead unchanged goes through.
    updateCase(actorFor("bizen.coord"), form({ diagnosisGroup: "F3" }));
    assert.equal(load().diagnosisGroup, "F3");
    // A supervisor may change the lead on the form (they hold the reassign permission); it is audited as a reassignment.
    updateCase(actorFor("bizen.sup"), form({ coordinatorUserId: userId("bizen.sup") }));
    assert.equal(load().coordinatorUserId, userId("bizen.sup"));
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "update"))).orderBy(desc(auditLogs.id)).get()!;
    assert.match(audit.detail!, /reassigned/);
  });

  test("the 閲覧・変更履歴 of a case: its own rows, newest first, for a supervisor in reach only", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput({ familyNameKana: "りれき", givenNameKana: "いちろう" }));
    getCaseForActor(actorFor("bizen.coord"), id);
    const rows = listCaseAuditForActor(actorFor("bizen.sup"), id).rows;
    assert.deepEqual(rows.map((r) => r.action), ["view", "create"]);
    assert.equal(rows[0]!.actorUsername, "bizen.coord");
    assert.throws(() => listCaseAuditForActor(actorFor("bizen.coord"), id), { code: "not_found" });
    assert.throws(() => listCaseAuditForActor(actorFor("ube.sup"), id), { code: "not_found" });
  });

  test("the caseload view counts open cases per coordinator and lists what needs attention", () => {
    const load = getCaseloadForActor(actorFor("bizen.sup"));
    assert.ok(load.caseload.length >= 1);
    for (const row of load.caseload) assert.equal(row.byPhase.closed, 0);
    assert.throws(() => getCaseloadForActor(actorFor("bizen.coord")), { code: "not_found" });
  });
});

describe("lists and search", () => {
  test("kana search ignores hiragana/katakana, width and spaces; case numbers match too", () => {
    const { caseNo } = createCase(actorFor("bizen.coord"), newCaseInput({ familyNameKana: "ゆめみ", givenNameKana: "さぶろう" }));
    const req = { page: 1, pageSize: 20, sort: "caseNo", dir: "asc" } as const;
    for (const q of ["ユメミ サブロウ", "ﾕﾒﾐｻﾌﾞﾛｳ", "ゆめみ　さぶ"]) {
      assert.ok(listCasesForActor(actorFor("bizen.coord"), req, { q }).rows.some((r) => r.caseNo === caseNo), q);
    }
    assert.deepEqual(listCasesForActor(actorFor("bizen.coord"), req, { q: caseNo }).rows.map((r) => r.caseNo), [caseNo]);
    // Part of the number typed in full width and lower case; LIKE's wildcards are taken literally.
    const wide = caseNo.slice(3).toLowerCase().replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    assert.deepEqual(listCasesForActor(actorFor("bizen.coord"), req, { q: wide }).rows.map((r) => r.caseNo), [caseNo]);
    assert.equal(listCasesForActor(actorFor("bizen.coord"), req, { q: "%" }).total, 0);
    assert.equal(listCasesForActor(actorFor("bizen.coord"), req, { q: "_" }).total, 0);
  });

  test("staff of one office: its coordinators and supervisors only, nobody for an office out of reach", () => {
    const sup = actorFor("bizen.sup");
    const tobi = listCaseStaffForActor(sup, "33-tobi").map((s) => s.id);
    assert.deepEqual(tobi, listCaseStaffForActor(sup).filter((s) => s.officeIds.includes("33-tobi")).map((s) => s.id));
    assert.ok(tobi.includes(userId("tobi.coord")) && tobi.includes(userId("bizen.sup")));
    assert.ok(!tobi.includes(userId("bizen.coord")));
    assert.deepEqual(listCaseStaffForActor(sup, "33-mimasaka"), []);
  });

  test("sorting by phase follows the workflow, not the alphabet; counts cover every phase", () => {
    const req = { page: 1, pageSize: 100, sort: "phase", dir: "asc" } as const;
    const page = listCasesForActor(actorFor("bizen.sup"), req, {});
    const order = page.rows.map((r) => PHASES.indexOf(r.phase));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.ok(new Set(order).size > 1);
    assert.deepEqual(Object.keys(page.phaseCounts), [...PHASES]);
  });

  test("phase counts ignore the phase filter; 'mine' narrows to the actor's cases", () => {
    const req = { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" } as const;
    const all = listCasesForActor(actorFor("bizen.sup"), req, {});
    const onlyIdentified = listCasesForActor(actorFor("bizen.sup"), req, { phase: "identified" });
    assert.deepEqual(onlyIdentified.phaseCounts, all.phaseCounts);
    assert.equal(onlyIdentified.total, all.phaseCounts.identified);
    const mine = listCasesForActor(actorFor("bizen.coord"), req, { mine: true });
    assert.ok(mine.rows.every((r) => r.coordinatorName === "備前 つなぎ"));
  });

  test("possible duplicates: same kana and birth month in the prefecture, names only within reach", () => {
    createCase(actorFor("bizen.coord"), newCaseInput({ familyNameKana: "かくう", givenNameKana: "はなこ", birthYearMonth: "1955-03" }));
    const check = (username: string, officeId: string, kana: string) => findPersonMatchesForActor(actorFor(username), { purpose: "case", officeId, kana, birthYearMonth: "1955-03" });
    const own = check("bizen.coord", "33-bizen", "カクウハナコ");
    assert.ok(own.known.some((p) => p.name === "試験 一郎" && p.records.some((r) => r.kind === "case" && r.id)));
    const other = check("mimasaka.coord", "33-mimasaka", "かくう はなこ");
    assert.equal(other.known.length, 0);
    assert.ok(other.elsewhere.length >= 1);
    assert.ok(other.elsewhere.every((o) => o.officeName === "備前保健所"));
    assert.deepEqual(check("ube.coord", "35-ube", "かくう はなこ"), { known: [], elsewhere: [] });
  });

  test("logging an activity updates the last-activity date without bumping the case version", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    const before = getDb().select().from(cases).where(eq(cases.id, id)).get()!;
    addActivity(actorFor("bizen.coord"), { caseId: id, date: "2024-05-02", activityType: "ward_visit", minutes: 45, withPeer: true, summary: "面会" });
    const after = getDb().select().from(cases).where(eq(cases.id, id)).get()!;
    assert.equal(after.lastActivityDate, "2024-05-02");
    assert.equal(after.version, before.version);
    assert.throws(() => addActivity(actorFor("tobi.coord"), { caseId: id, date: "2024-05-02", activityType: "phone", minutes: null, withPeer: false, summary: null }), { code: "not_found" });
  });
});

describe("home-page summary", () => {
  test("agrees with the lists' flag filters, and is refused to the prefecture role", () => {
    const sup = actorFor("bizen.sup");
    const summary = getCaseSummaryForActor(sup);
    const req = { page: 1, pageSize: 20, sort: "caseNo", dir: "asc" } as const;
    const openCount = (flag?: "overdue_follow_up" | "overdue_review" | "stale" | "no_consent") => {
      const counts = listCasesForActor(sup, req, { flag }).phaseCounts;
      return Object.entries(counts).filter(([p]) => p !== "closed").reduce((n, [, c]) => n + c, 0);
    };
    assert.equal(summary.openInReach, openCount());
    assert.equal(summary.overdueFollowUps, openCount("overdue_follow_up"));
    assert.equal(summary.overdueReviews, openCount("overdue_review"));
    assert.equal(summary.stale, openCount("stale"));
    assert.equal(summary.noConsent, openCount("no_consent"));
    assert.ok(summary.openInReach > 0 && summary.stale > 0);
    assert.throws(() => getCaseSummaryForActor(actorFor("okayama.pref")), { code: "not_found" });
  });
});

describe("correcting and deleting an activity (ADR 0019)", () => {
  const activityRow = (id: string) => getDb().select().from(caseActivities).where(eq(caseActivities.id, id)).get();
  const caseRow = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;
  const lastAudit = () => getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
  const log = (caseId: string, date: string, summary = "面会") =>
    addActivity(actorFor("bizen.coord"), { caseId, date, activityType: "ward_visit", minutes: 45, withPeer: false, summary });
  const correction = (caseId: string, id: string, overrides: Record<string, string> = {}) =>
    ActivityUpdateSchema.parse({ caseId, id, version: String(activityRow(id)?.version ?? 1), date: "2024-05-02", activityType: "ward_visit", minutes: "45", summary: "面会", ...overrides });
  const removal = (caseId: string, id: string, version: number) => ActivityDeleteSchema.parse({ caseId, id, version: String(version) });

  test("a correction rewrites the fields, bumps the activity's version, moves the last activity date, names the fields in the audit", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    log(id, "2024-05-01");
    const late = log(id, "2024-05-20");
    const caseVersion = caseRow(id).version;
    updateActivity(actorFor("bizen.sup"), correction(id, late.id, { date: "2024-05-10", activityType: "phone", withPeer: "on", summary: "電話" }));
    const row = activityRow(late.id)!;
    assert.deepEqual(
      { date: row.date, activityType: row.activityType, withPeer: row.withPeer, summary: row.summary, version: row.version, updatedBy: row.updatedBy },
      { date: "2024-05-10", activityType: "phone", withPeer: true, summary: "電話", version: 2, updatedBy: userId("bizen.sup") },
    );
    assert.equal(caseRow(id).lastActivityDate, "2024-05-10");
    assert.equal(caseRow(id).version, caseVersion, "the case's own version is untouched");
    const audit = lastAudit();
    assert.equal(audit.action, "update");
    assert.deepEqual(Object.keys(detailOf(audit).changes).sort(), ["activityType", "date", "summary", "withPeer"]);
  });

  test("a stale page, a date before the referral or another case's activity changes nothing", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    const { id: other } = createCase(actorFor("bizen.coord"), newCaseInput({ givenName: "二郎", givenNameKana: "じろう" }));
    const a = log(id, "2024-05-20");
    const stale = correction(id, a.id, { summary: "古い画面から" });
    updateActivity(actorFor("bizen.coord"), correction(id, a.id, { summary: "先に保存" }));
    // The same user's other tab saved first: the answer says so (the activity's own audit rows, not the case's).
    assert.throws(() => updateActivity(actorFor("bizen.coord"), stale), { code: "conflict", messageKey: "caseDetail.activity.edit.conflict", savedBy: { self: true } });
    updateActivity(actorFor("bizen.coord2"), correction(id, a.id, { summary: "同僚が保存" }));
    const colleague = getDb().select().from(users).where(eq(users.username, "bizen.coord2")).get()!.displayName;
    assert.throws(() => deleteActivity(actorFor("bizen.coord"), removal(id, a.id, 2)), { code: "conflict", savedBy: { self: false, name: colleague } });
    updateActivity(actorFor("bizen.coord"), correction(id, a.id, { summary: "先に保存" }));
    assert.throws(() => updateActivity(actorFor("bizen.coord"), correction(id, a.id, { date: "2000-01-01" })), { messageKey: "validation.activity.beforeReferral" });
    assert.throws(() => updateActivity(actorFor("bizen.coord"), correction(other, a.id)), { code: "not_found" });
    assert.throws(() => deleteActivity(actorFor("bizen.coord"), removal(other, a.id, 2)), { code: "not_found" });
    for (const outside of ["tobi.coord", "ube.sup", "okayama.pref", "okayama.admin"]) {
      assert.throws(() => updateActivity(actorFor(outside), correction(id, a.id, { summary: "改ざん" })), { code: "not_found" }, outside);
      assert.throws(() => deleteActivity(actorFor(outside), removal(id, a.id, 2)), { code: "not_found" }, outside);
    }
    assert.equal(activityRow(a.id)!.summary, "先に保存");
  });

  test("a delete removes the row, recomputes the last activity date and keeps the row in the audit", () => {
    const { id } = createCase(actorFor("bizen.coord"), newCaseInput());
    const first = log(id, "2024-05-01");
    const wrong = log(id, "2024-05-20", "別の人の記録");
    assert.throws(() => deleteActivity(actorFor("bizen.coord"), removal(id, wrong.id, 2)), { code: "conflict" });
    deleteActivity(actorFor("bizen.coord"), removal(id, wrong.id, 1));
    assert.equal(activityRow(wrong.id), undefined);
    assert.equal(caseRow(id).lastActivityDate, "2024-05-01");
    assert.deepEqual(detailOf(lastAudit()), {
      record: "activity",
      id: wrong.id,
      snapshot: { date: "2024-05-20", activityType: "ward_visit", minutes: 45, withPeer: false, summary: "別の人の記録" },
    });
    deleteActivity(actorFor("bizen.coord"), removal(id, first.id, 1));
    assert.equal(caseRow(id).lastActivityDate, null);
    assert.deepEqual(getCaseForActor(actorFor("bizen.coord"), id).activities, []);
  });
});
