import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, cases, outreachCases, outreachContactProfessions, outreachContacts, outreachOutcomes, persons, users } from "@/db/schema";
import { changeOutreachStatus, createOutreachCase, getOutreachCaseForActor, listOutreachAuditForActor, updateOutreachCase } from "@/lib/dal/outreach";
import { countOpenOutreachForActor, listOutreachCasesForActor } from "@/lib/dal/outreach-list";
import { findPersonMatchesForActor, searchPersonsForActor } from "@/lib/dal/person-lookup";
import { addOutreachContact, addOutreachOutcome, deleteOutreachContact, deleteOutreachOutcome, updateOutreachContact } from "@/lib/dal/outreach-records";
import { getOutreachYearSummaryForActor } from "@/lib/dal/outreach-summary";
import { addDays } from "@/lib/domain/date-math";
import { todayIso } from "@/lib/domain/fiscal-year";
import { countPersons, OUTREACH_CASE_NUMBER_PATTERN } from "@/lib/domain/outreach-rules";
import {
  OutreachContactSchema,
  OutreachContactUpdateSchema,
  OutreachCreateSchema,
  OutreachOutcomeSchema,
  OutreachRecordDeleteSchema,
  OutreachStatusSchema,
  OutreachUpdateSchema,
} from "@/lib/validation/outreach";
import type { Actor } from "@/lib/dal/actor";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;
const today = todayIso();
const page = { page: 1, pageSize: 100, sort: "caseNo" as const, dir: "asc" as const };

function raw(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    officeId: "33-bizen",
    coordinatorUserId: userId("bizen.coord"),
    personMode: "new",
    personId: "",
    familyName: "試験",
    givenName: "訪問",
    familyNameKana: "しけん",
    givenNameKana: "ほうもん",
    dateOfBirth: "",
    birthYearMonth: "1985-04",
    sex: "female",
    municipalityCode: "332046",
    phone: "",
    address: "",
    targets: ["untreated", "hikikomori"],
    primaryTarget: "hikikomori",
    teamKind: "contracted_hospital",
    teamName: "県立こころの医療センター（見本）アウトリーチチーム",
    referralDate: "令和6年4月10日",
    referralSource: "family",
    diagnosisGroup: "F2",
    diagnosisSuspected: "on",
    selectionConferenceDate: "R6.4.24",
    startDate: "",
    gafStart: "",
    ...overrides,
  };
}
const create = (actor: Actor, overrides: Record<string, string | string[]> = {}) => createOutreachCase(actor, OutreachCreateSchema.parse(raw(overrides)));
const row = (id: string) => getDb().select().from(outreachCases).where(eq(outreachCases.id, id)).get()!;
const lastAudit = () => getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;

function contact(id: string, overrides: Record<string, string | string[]> = {}) {
  return OutreachContactSchema.parse({ outreachCaseId: id, date: "2024-05-01", contactType: "home_visit", professions: ["nurse", "psw"], metPerson: "on", minutes: "60", place: "自宅", summary: "訪問。", ...overrides });
}
function status(id: string, toStatus: string, date: string, extra: Record<string, string> = {}) {
  return OutreachStatusSchema.parse({ id, version: String(row(id).version), toStatus, date, ...extra });
}
function editInput(id: string, overrides: Record<string, string | string[]> = {}) {
  const r = row(id);
  const detail = getOutreachCaseForActor(actorFor("bizen.coord"), id);
  return OutreachUpdateSchema.parse({
    id,
    version: String(r.version),
    base: JSON.stringify(detail.fields),
    coordinatorUserId: r.coordinatorUserId,
    targets: detail.fields.targets,
    primaryTarget: r.primaryTarget,
    teamKind: r.teamKind,
    teamName: r.teamName,
    referralDate: r.referralDate,
    referralSource: r.referralSource,
    diagnosisGroup: r.diagnosisGroup ?? "",
    diagnosisSuspected: r.diagnosisSuspected ? "on" : undefined,
    selectionConferenceDate: r.selectionConferenceDate ?? "",
    startDate: r.startDate ?? "",
    endDate: r.endDate ?? "",
    endReason: r.endReason ?? "",
    gafStart: r.gafStart === null ? "" : String(r.gafStart),
    gafEnd: r.gafEnd === null ? "" : String(r.gafEnd),
    ...overrides,
  });
}

before(async () => {
  await seededDb();
});

describe("creating an outreach case", () => {
  test("a new person gets an OR number of the office and fiscal year of referral; Japanese dates are read", () => {
    const a = create(actorFor("bizen.coord"));
    const b = create(actorFor("bizen.coord"));
    assert.match(a.caseNo, OUTREACH_CASE_NUMBER_PATTERN);
    assert.ok(a.caseNo.startsWith("33-BZ-OR2024-"), a.caseNo);
    assert.equal(Number(b.caseNo.slice(-3)), Number(a.caseNo.slice(-3)) + 1);
    const r = row(a.id);
    assert.deepEqual([r.status, r.referralDate, r.selectionConferenceDate, r.primaryTarget, r.diagnosisSuspected], ["referred", "2024-04-10", "2024-04-24", "hikikomori", true]);
    const detail = getOutreachCaseForActor(actorFor("bizen.coord"), a.id);
    assert.deepEqual(detail.fields.targets, ["untreated", "hikikomori"]);
    assert.equal(detail.identity.familyName, "試験");
    assert.deepEqual(detail.transitions, ["active", "closed"]);
    // Another office starts its own sequence; a start date opens the case as 支援中.
    const t = create(actorFor("tobi.coord"), { officeId: "33-tobi", coordinatorUserId: userId("tobi.coord"), referralDate: "2024-05-01", selectionConferenceDate: "", startDate: "2024-05-10" });
    assert.equal(t.caseNo, "33-TB-OR2024-001");
    assert.equal(row(t.id).status, "active");
  });

  test("the audit row says a person was registered, never who", () => {
    const { id } = create(actorFor("bizen.coord"), { givenName: "監査" });
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId], ["create", "outreach_case", id]);
    assert.doesNotMatch(audit.detail!, /監査|試験|シケン/);
  });

  test("an existing person of an office in reach can be referred; one of another office cannot", () => {
    const bizenPerson = getDb().select({ id: cases.personId }).from(cases).where(eq(cases.officeId, "33-bizen")).get()!;
    const { id } = create(actorFor("bizen.coord"), { personMode: "existing", personId: bizenPerson.id, familyName: "", givenName: "" });
    assert.equal(row(id).personId, bizenPerson.id);
    const detail = getOutreachCaseForActor(actorFor("bizen.coord"), id);
    assert.ok(detail.otherRecords.some((r) => r.kind === "case"), "the discharge-support case of the same person is listed");
    const mimasakaPerson = getDb().select().from(persons).where(eq(persons.officeId, "33-mimasaka")).get()!;
    assert.throws(() => create(actorFor("bizen.coord"), { personMode: "existing", personId: mimasakaPerson.id }), { code: "invalid", messageKey: "outreach.validation.personInvalid" });
    const ubePerson = getDb().select().from(persons).where(eq(persons.officeId, "35-ube")).get()!;
    assert.throws(() => create(actorFor("bizen.sup"), { personMode: "existing", personId: ubePerson.id }), { code: "invalid" });
  });

  test("offices, coordinators and dates are checked by the server", () => {
    assert.throws(() => create(actorFor("bizen.coord"), { officeId: "33-tobi" }), { code: "invalid", messageKey: "outreach.validation.officeInvalid" });
    assert.throws(() => create(actorFor("bizen.coord"), { coordinatorUserId: userId("tobi.coord") }), { code: "invalid", messageKey: "outreach.validation.coordinatorInvalid" });
    assert.throws(() => create(actorFor("bizen.coord"), { referralDate: addDays(today, 1), selectionConferenceDate: "" }), /validation\.date\.future/);
    assert.throws(() => create(actorFor("okayama.pref")), { code: "not_found" });
    assert.throws(() => create(actorFor("okayama.admin")), { code: "not_found" });
  });
});

describe("scoping", () => {
  let id = "";
  before(() => {
    id = create(actorFor("bizen.coord"), { givenName: "範囲" }).id;
  });

  test("the coordinator and the supervisor of the office see the case; others get not_found", () => {
    assert.equal(getOutreachCaseForActor(actorFor("bizen.coord"), id).id, id);
    assert.equal(getOutreachCaseForActor(actorFor("bizen.coord2"), id).id, id);
    assert.equal(getOutreachCaseForActor(actorFor("bizen.sup"), id).id, id);
    for (const other of ["tobi.coord", "mimasaka.coord", "ube.coord", "ube.sup", "okayama.pref", "yamaguchi.pref", "okayama.admin"]) {
      assert.throws(() => getOutreachCaseForActor(actorFor(other), id), { code: "not_found" }, other);
      assert.throws(() => addOutreachContact(actorFor(other), contact(id)), { code: "not_found" }, other);
    }
  });

  test("lists hold the offices in reach only; the prefecture role and admins are refused", () => {
    const ids = (username: string) => listOutreachCasesForActor(actorFor(username), page, {}).rows.map((r) => r.id);
    assert.ok(ids("bizen.coord").includes(id));
    assert.ok(ids("bizen.sup").includes(id));
    assert.ok(!ids("tobi.coord").includes(id));
    assert.ok(!ids("ube.coord").includes(id));
    const supOffices = new Set(listOutreachCasesForActor(actorFor("bizen.sup"), page, {}).rows.map((r) => r.officeName));
    assert.ok([...supOffices].every((o) => o === "備前保健所" || o === "備前保健所東備支所"), [...supOffices].join());
    const ube = listOutreachCasesForActor(actorFor("ube.coord"), page, {});
    assert.ok(ube.rows.length >= 4 && ube.rows.every((r) => r.officeName === "宇部健康福祉センター"));
    assert.throws(() => listOutreachCasesForActor(actorFor("okayama.pref"), page, {}), { code: "not_found" });
    assert.throws(() => listOutreachCasesForActor(actorFor("okayama.admin"), page, {}), { code: "not_found" });
  });

  test("mine, status, target, team kind, fiscal year and search filter in SQL; counts per status ignore the status filter", () => {
    const sup = actorFor("bizen.sup");
    const all = listOutreachCasesForActor(sup, page, {});
    const referred = listOutreachCasesForActor(sup, page, { status: "referred" });
    assert.ok(referred.rows.length > 0 && referred.rows.every((r) => r.status === "referred"));
    assert.deepEqual(referred.statusCounts, all.statusCounts);
    assert.equal(referred.total, all.statusCounts.referred);
    assert.equal(listOutreachCasesForActor(sup, page, { mine: true }).total, 0); // the supervisor leads none
    const hikikomori = listOutreachCasesForActor(sup, page, { target: "hikikomori" }).rows.map((r) => r.id);
    assert.ok(hikikomori.includes(id));
    assert.ok(!listOutreachCasesForActor(sup, page, { target: "post_long_stay" }).rows.some((r) => r.id === id));
    assert.equal(listOutreachCasesForActor(sup, page, { teamKind: "mhwc" }).total, 0);
    // FY2021: only the demo case referred in 2020 and closed in 2023 was open at 備前.
    assert.deepEqual(listOutreachCasesForActor(actorFor("bizen.coord"), page, { fiscalYear: 2021 }).rows.map((r) => r.caseNo), ["33-BZ-OR2020-001"]);
    assert.ok(listOutreachCasesForActor(sup, page, { q: "しけん" }).rows.some((r) => r.id === id));
    assert.deepEqual(listOutreachCasesForActor(sup, page, { q: "or2020" }).rows.map((r) => r.caseNo), ["33-BZ-OR2020-001"]);
  });

  test("a list page view is audited with the ids shown", () => {
    const shown = listOutreachCasesForActor(actorFor("bizen.coord"), page, { status: "referred" }).rows.map((r) => r.id);
    const audit = lastAudit();
    assert.equal(audit.entityType, "outreach_case_list");
    assert.deepEqual(detailOf(audit).outreachCaseIds, shown);
  });

  test("a case page view is audited as an identity read", () => {
    getOutreachCaseForActor(actorFor("bizen.sup"), id);
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId, audit.actorUsername], ["view", "outreach_case", id, "bizen.sup"]);
  });

  test("the person picker searches the offices in reach only", () => {
    const search = (username: string) => searchPersonsForActor(actorFor(username), "outreach", "しけん");
    assert.ok(search("bizen.coord").length > 0);
    const tobiSees = search("tobi.coord");
    const offices = tobiSees.flatMap((p) => p.records.map((r) => r.officeName));
    assert.ok(offices.every((o) => o === "備前保健所東備支所"), offices.join());
    search("bizen.coord");
    assert.equal(lastAudit().entityType, "person_search");
    assert.throws(() => search("okayama.pref"), { code: "not_found" });
  });

  test("the duplicate check looks prefecture-wide but names only persons in reach", () => {
    const check = (username: string, officeId: string, kana: string) => findPersonMatchesForActor(actorFor(username), { purpose: "outreach", officeId, kana, birthYearMonth: "1985-04" });
    const matches = check("tobi.coord", "33-tobi", "シケン ホウモン");
    assert.ok(matches.elsewhere.some((o) => o.officeName === "備前保健所"));
    assert.ok(!JSON.stringify(matches.elsewhere).includes("試験"), "no name of another office's person");
    assert.ok(matches.known.every((p) => p.records.every((r) => r.officeName === "備前保健所東備支所")), "no link into another office");
    const own = check("bizen.coord", "33-bizen", "しけんほうもん");
    assert.ok(own.known.some((p) => p.name === "試験 訪問" && p.personId));
    assert.deepEqual(check("ube.coord", "35-ube", "しけんほうもん"), { known: [], elsewhere: [] });
  });
});

describe("editing and status", () => {
  test("a stale save changes nothing and reports what the other person changed", () => {
    const { id } = create(actorFor("bizen.coord"));
    const stale = editInput(id, { teamName: "私の変更" });
    updateOutreachCase(actorFor("bizen.coord2"), editInput(id, { teamName: "先の変更", targets: ["untreated"], primaryTarget: "untreated" }));
    assert.equal(row(id).version, 2);
    assert.throws(
      () => updateOutreachCase(actorFor("bizen.coord"), stale),
      (e: { code: string; conflicts: Record<string, [unknown, unknown]> }) => {
        assert.equal(e.code, "conflict");
        assert.deepEqual(e.conflicts.teamName, ["県立こころの医療センター（見本）アウトリーチチーム", "先の変更"]);
        assert.deepEqual(e.conflicts.targets, [["untreated", "hikikomori"], ["untreated"]]);
        return true;
      },
    );
    assert.equal(row(id).teamName, "先の変更");
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "update"))).all();
    assert.equal(audit.length, 1);
    assert.deepEqual(Object.keys(detailOf(audit[0]!).changes).sort(), ["primaryTarget", "targets", "teamName"]);
  });

  test("a coordinator's save with another lead is refused on the field and changes nothing; a supervisor's is a reassignment (issue 12)", () => {
    const { id } = create(actorFor("bizen.coord"));
    const before = row(id);
    assert.throws(() => updateOutreachCase(actorFor("bizen.coord"), editInput(id, { coordinatorUserId: userId("bizen.coord2"), teamName: "別" })), {
      code: "invalid",
      messageKey: "outreach.validation.reassignNotAllowed",
      fieldErrors: { coordinatorUserId: "outreach.validation.reassignNotAllowed" },
    });
    assert.deepEqual(row(id), before);
    updateOutreachCase(actorFor("bizen.sup"), editInput(id, { coordinatorUserId: userId("bizen.coord2") }));
    assert.equal(row(id).coordinatorUserId, userId("bizen.coord2"));
    assert.match(lastAudit().detail!, /reassigned/);
  });

  test("start and end are added only by a status change; the edit may not move the referral after a contact", () => {
    const { id } = create(actorFor("bizen.coord"), { selectionConferenceDate: "" });
    assert.throws(() => updateOutreachCase(actorFor("bizen.coord"), editInput(id, { startDate: "2024-05-01" })), { messageKey: "outreach.validation.startViaStatus" });
    addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-04-15" }));
    assert.throws(() => updateOutreachCase(actorFor("bizen.coord"), editInput(id, { referralDate: "2024-04-20" })), { messageKey: "outreach.validation.referralAfterRecords" });
  });

  test("選定前 → 支援中 → 終結, with the date rules; 終結 is final", () => {
    const { id } = create(actorFor("bizen.coord"));
    assert.throws(() => changeOutreachStatus(actorFor("bizen.coord"), status(id, "active", "2024-04-20")), { messageKey: "outreach.validation.startBeforeSelection" });
    assert.throws(() => changeOutreachStatus(actorFor("bizen.coord"), status(id, "active", addDays(today, 1))), /validation\.date\.future/);
    changeOutreachStatus(actorFor("bizen.coord"), status(id, "active", "2024-05-01"));
    assert.deepEqual([row(id).status, row(id).startDate], ["active", "2024-05-01"]);
    assert.equal(lastAudit().detail, JSON.stringify({ status: ["referred", "active"], date: "2024-05-01" }));
    addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-06-10" }));
    assert.throws(() => changeOutreachStatus(actorFor("bizen.coord"), status(id, "closed", "2024-06-01", { endReason: "goal_met" })), { messageKey: "outreach.validation.endBeforeRecords" });
    assert.throws(() => OutreachStatusSchema.parse({ id, version: "1", toStatus: "closed", date: "2024-07-01", endReason: "" }));
    changeOutreachStatus(actorFor("bizen.coord"), status(id, "closed", "2024-07-01", { endReason: "goal_met", gafEnd: "60" }));
    assert.deepEqual([row(id).status, row(id).endDate, row(id).endReason, row(id).gafEnd], ["closed", "2024-07-01", "goal_met", 60]);
    assert.deepEqual(getOutreachCaseForActor(actorFor("bizen.coord"), id).transitions, []);
    assert.throws(() => changeOutreachStatus(actorFor("bizen.coord"), status(id, "active", "2024-07-02")), { messageKey: "outreach.validation.transitionNotAllowed" });
    assert.deepEqual(getOutreachCaseForActor(actorFor("bizen.coord"), id).history.map((h) => h.kind), ["referred", "selected", "started", "closed"]);
  });

  test("a referral not taken up closes from 選定前, but not as 目標達成; a stale status change is a conflict", () => {
    const { id } = create(actorFor("bizen.coord"));
    assert.throws(() => changeOutreachStatus(actorFor("bizen.coord"), status(id, "closed", "2024-05-01", { endReason: "goal_met" })), { messageKey: "outreach.validation.goalMetWithoutStart" });
    const stale = status(id, "closed", "2024-05-01", { endReason: "refused" });
    updateOutreachCase(actorFor("bizen.coord"), editInput(id, { teamName: "別のチーム" }));
    assert.throws(() => changeOutreachStatus(actorFor("bizen.coord"), stale), { code: "conflict" });
    changeOutreachStatus(actorFor("bizen.coord"), status(id, "closed", "2024-05-01", { endReason: "refused" }));
    assert.deepEqual([row(id).status, row(id).startDate], ["closed", null]);
  });
});

describe("contacts and outcomes", () => {
  test("a contact keeps its professions, moves the last contact date forward only, and is audited", () => {
    const { id } = create(actorFor("bizen.coord"));
    const first = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-06-01" }));
    addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-05-01", contactType: "phone_mail", professions: [], metPerson: "" }));
    assert.equal(row(id).lastContactDate, "2024-06-01");
    assert.equal(row(id).version, 1, "logging a contact does not bump the version");
    const professions = getDb().select().from(outreachContactProfessions).where(eq(outreachContactProfessions.contactId, first.id)).all().map((p) => p.profession).sort();
    assert.deepEqual(professions, ["nurse", "psw"]);
    const detail = getOutreachCaseForActor(actorFor("bizen.coord"), id);
    assert.deepEqual(detail.contacts.map((c) => [c.date, c.contactType, c.metPerson, c.professions]), [
      ["2024-06-01", "home_visit", true, ["nurse", "psw"]],
      ["2024-05-01", "phone_mail", false, []],
    ]);
    const audits = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "create"))).all();
    assert.equal(audits.filter((a) => detailOf(a).record === "contact").length, 2);
  });

  test("contact dates: not before the referral, not after today, not after the end of a closed case", () => {
    const { id } = create(actorFor("bizen.coord"));
    assert.throws(() => addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-04-09" })), { messageKey: "outreach.validation.contactBeforeReferral" });
    assert.throws(() => addOutreachContact(actorFor("bizen.coord"), contact(id, { date: addDays(today, 1) })), /validation\.date\.future/);
    changeOutreachStatus(actorFor("bizen.coord"), status(id, "closed", "2024-05-01", { endReason: "refused" }));
    assert.throws(() => addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-05-02" })), { messageKey: "outreach.validation.contactAfterEnd" });
    addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-05-01" })); // late entry within the case: fine
    assert.equal(getOutreachCaseForActor(actorFor("bizen.coord"), id).contacts.length, 1);
  });

  test("outcomes: dated like contacts; the same outcome twice on one day is refused", () => {
    const { id } = create(actorFor("bizen.coord"));
    const outcome = (o: Record<string, string>) => OutreachOutcomeSchema.parse({ outreachCaseId: id, outcome: "engaged", date: "2024-05-01", note: "", ...o });
    addOutreachOutcome(actorFor("bizen.coord"), outcome({}));
    assert.throws(() => addOutreachOutcome(actorFor("bizen.coord"), outcome({})), { messageKey: "outreach.validation.outcomeDuplicate" });
    addOutreachOutcome(actorFor("bizen.coord"), outcome({ date: "2024-06-01" }));
    assert.throws(() => addOutreachOutcome(actorFor("bizen.coord"), outcome({ date: "2024-04-01" })), { messageKey: "outreach.validation.outcomeBeforeReferral" });
    assert.throws(() => addOutreachOutcome(actorFor("tobi.coord"), outcome({ date: "2024-07-01" })), { code: "not_found" });
    assert.deepEqual(getOutreachCaseForActor(actorFor("bizen.coord"), id).outcomes.map((o) => o.date), ["2024-06-01", "2024-05-01"]);
  });
});

describe("correcting and deleting contacts and outcomes", () => {
  const contactRow = (id: string) => getDb().select().from(outreachContacts).where(eq(outreachContacts.id, id)).get();
  const professionsOf = (id: string) =>
    getDb().select().from(outreachContactProfessions).where(eq(outreachContactProfessions.contactId, id)).all().map((p) => p.profession).sort();
  const correction = (caseId: string, contactId: string, overrides: Record<string, string | string[]> = {}) =>
    OutreachContactUpdateSchema.parse({
      outreachCaseId: caseId,
      id: contactId,
      version: String(contactRow(contactId)?.version ?? 1),
      date: "2024-06-01",
      contactType: "home_visit",
      professions: ["nurse", "psw"],
      metPerson: "on",
      minutes: "60",
      place: "自宅",
      summary: "訪問。",
      ...overrides,
    });
  const removal = (caseId: string, id: string, version: number) => OutreachRecordDeleteSchema.parse({ outreachCaseId: caseId, id, version: String(version) });

  test("a correction rewrites the fields and professions, bumps the contact's version, moves the last contact date, and names the fields in the audit", () => {
    const { id } = create(actorFor("bizen.coord"));
    const early = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-05-01" }));
    const late = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-06-01" }));
    assert.equal(row(id).lastContactDate, "2024-06-01");
    // The latest visit was in fact a call on 5/10, with the nurse only.
    updateOutreachContact(actorFor("bizen.coord2"), correction(id, late.id, { date: "2024-05-10", contactType: "phone_mail", professions: ["nurse"], metPerson: "", summary: "電話。" }));
    assert.deepEqual(
      (({ date, contactType, metPerson, summary, version, updatedBy }) => ({ date, contactType, metPerson, summary, version, updatedBy }))(contactRow(late.id)!),
      { date: "2024-05-10", contactType: "phone_mail", metPerson: false, summary: "電話。", version: 2, updatedBy: userId("bizen.coord2") },
    );
    assert.deepEqual(professionsOf(late.id), ["nurse"]);
    assert.equal(row(id).lastContactDate, "2024-05-10", "the last contact date follows the corrected date back");
    assert.equal(row(id).version, 1, "a correction does not touch the case's version");
    const audit = lastAudit();
    assert.equal(audit.action, "update");
    const detail = detailOf(audit);
    assert.equal(detail.record, "contact");
    assert.equal(detail.id, late.id);
    assert.deepEqual(Object.keys(detail.changes).sort(), ["contactType", "date", "metPerson", "professions", "summary"]);
    assert.deepEqual(professionsOf(early.id), ["nurse", "psw"], "the other contact is untouched");
  });

  test("a correction from a stale page, a wrong date or another case's contact changes nothing", () => {
    const { id } = create(actorFor("bizen.coord"));
    const { id: otherCase } = create(actorFor("bizen.coord"), { givenName: "別件" });
    const c = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-06-01" }));
    const stale = correction(id, c.id, { summary: "古い画面から" });
    updateOutreachContact(actorFor("bizen.coord"), correction(id, c.id, { summary: "先に保存" }));
    // A colleague saved first: the answer names them (found by the contact's id in its case's audit rows).
    assert.throws(() => updateOutreachContact(actorFor("bizen.coord2"), stale), { code: "conflict", messageKey: "outreach.detail.contact.edit.conflict", savedBy: { self: false, name: getDb().select().from(users).where(eq(users.username, "bizen.coord")).get()!.displayName } });
    assert.equal(contactRow(c.id)!.summary, "先に保存");
    assert.throws(() => updateOutreachContact(actorFor("bizen.coord"), correction(id, c.id, { date: "2024-04-01" })), { messageKey: "outreach.validation.contactBeforeReferral" });
    assert.throws(() => updateOutreachContact(actorFor("bizen.coord"), correction(id, c.id, { date: addDays(today, 1) })), /validation\.date\.future/);
    // The contact must belong to the case named: a case in reach does not open another case's contact.
    assert.throws(() => updateOutreachContact(actorFor("bizen.coord"), correction(otherCase, c.id)), { code: "not_found" });
    assert.throws(() => deleteOutreachContact(actorFor("bizen.coord"), removal(otherCase, c.id, 2)), { code: "not_found" });
    const o = addOutreachOutcome(actorFor("bizen.coord"), OutreachOutcomeSchema.parse({ outreachCaseId: id, outcome: "engaged", date: "2024-05-01", note: "" }));
    assert.throws(() => deleteOutreachOutcome(actorFor("bizen.coord"), removal(otherCase, o.id, 1)), { code: "not_found" });
    assert.equal(contactRow(c.id)!.date, "2024-06-01");
  });

  test("deleting a contact removes it and its professions, recomputes the last contact date and keeps it in the audit", () => {
    const { id } = create(actorFor("bizen.coord"));
    const first = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-05-01" }));
    const second = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-06-01", summary: "誤って記録" }));
    assert.throws(() => deleteOutreachContact(actorFor("bizen.coord"), removal(id, second.id, 2)), { code: "conflict" }, "a version the page never showed");
    deleteOutreachContact(actorFor("bizen.coord"), removal(id, second.id, 1));
    assert.equal(contactRow(second.id), undefined);
    assert.deepEqual(professionsOf(second.id), []);
    assert.equal(row(id).lastContactDate, "2024-05-01");
    const audit = lastAudit();
    assert.equal(audit.action, "delete");
    assert.deepEqual(detailOf(audit), {
      record: "contact",
      id: second.id,
      snapshot: { date: "2024-06-01", contactType: "home_visit", professions: ["nurse", "psw"], metPerson: true, minutes: 60, place: "自宅", summary: "誤って記録" },
    });
    deleteOutreachContact(actorFor("bizen.coord"), removal(id, first.id, 1));
    assert.equal(row(id).lastContactDate, null, "no contact left: no last contact date");
    assert.deepEqual(getOutreachCaseForActor(actorFor("bizen.coord"), id).contacts, []);
  });

  test("deleting an outcome: once, with its version, audited; the same outcome can then be recorded again", () => {
    const { id } = create(actorFor("bizen.coord"));
    const input = OutreachOutcomeSchema.parse({ outreachCaseId: id, outcome: "engaged", date: "2024-05-01", note: "誤り" });
    const o = addOutreachOutcome(actorFor("bizen.coord"), input);
    deleteOutreachOutcome(actorFor("bizen.sup"), removal(id, o.id, 1));
    assert.equal(getDb().select().from(outreachOutcomes).where(eq(outreachOutcomes.id, o.id)).get(), undefined);
    assert.deepEqual(detailOf(lastAudit()), { record: "outcome", id: o.id, snapshot: { outcome: "engaged", date: "2024-05-01", note: "誤り" } });
    assert.throws(() => deleteOutreachOutcome(actorFor("bizen.coord"), removal(id, o.id, 1)), { code: "not_found" }, "already gone");
    addOutreachOutcome(actorFor("bizen.coord"), input);
    assert.equal(getOutreachCaseForActor(actorFor("bizen.coord"), id).outcomes.length, 1);
  });

  test("outside the office, in every role, a correction or a delete is not_found and changes nothing", () => {
    const { id } = create(actorFor("bizen.coord"));
    const c = addOutreachContact(actorFor("bizen.coord"), contact(id, { date: "2024-06-01" }));
    const o = addOutreachOutcome(actorFor("bizen.coord"), OutreachOutcomeSchema.parse({ outreachCaseId: id, outcome: "engaged", date: "2024-05-01", note: "" }));
    for (const other of ["tobi.coord", "ube.sup", "ube.coord", "okayama.pref", "okayama.admin"]) {
      assert.throws(() => updateOutreachContact(actorFor(other), correction(id, c.id, { summary: "改ざん" })), { code: "not_found" }, other);
      assert.throws(() => deleteOutreachContact(actorFor(other), removal(id, c.id, 1)), { code: "not_found" }, other);
      assert.throws(() => deleteOutreachOutcome(actorFor(other), removal(id, o.id, 1)), { code: "not_found" }, other);
    }
    assert.equal(contactRow(c.id)!.summary, "訪問。");
    assert.equal(getOutreachCaseForActor(actorFor("bizen.coord"), id).outcomes.length, 1);
  });
});

describe("the 閲覧・変更履歴 panel", () => {
  test("supervisors read the case's audit rows; coordinators are refused", () => {
    const { id } = create(actorFor("bizen.coord"));
    getOutreachCaseForActor(actorFor("bizen.coord"), id);
    const rows = listOutreachAuditForActor(actorFor("bizen.sup"), id).rows;
    assert.deepEqual(rows.map((r) => r.action), ["view", "create"]);
    assert.throws(() => listOutreachAuditForActor(actorFor("bizen.coord"), id), { code: "not_found" });
    assert.throws(() => listOutreachAuditForActor(actorFor("ube.sup"), id), { code: "not_found" });
  });
});

describe("the yearly figures", () => {
  test("the prefecture role gets 岡山県's published figures, counts only", () => {
    const pref = actorFor("okayama.pref");
    const r3 = getOutreachYearSummaryForActor(pref, 2021);
    assert.equal(r3.scope, "prefecture");
    assert.deepEqual([r3.total.persons, r3.total.newPersons, r3.total.continuingPersons, r3.total.visits, r3.total.conferences], [1, 0, 1, 0, 2]);
    const r4 = getOutreachYearSummaryForActor(pref, 2022);
    assert.deepEqual([r4.total.persons, r4.total.newPersons, r4.total.continuingPersons, r4.total.visits, r4.total.conferences], [2, 1, 1, 18, 10]);
    assert.deepEqual(r4.byTeamKind.map((k) => k.teamKind), ["contracted_hospital"]);
    assert.equal(r4.total.visits, r4.total.contactsByType.home_visit + r4.total.contactsByType.accompany_clinic);
    assert.ok(r4.total.visitsMet > 0 && r4.total.visitsMet <= r4.total.visits);
    assert.deepEqual(
      Object.entries(r4.total.outcomes).filter(([, n]) => n > 0).map(([o]) => o).sort(),
      ["engaged", "handed_to_local", "treatment_continued"],
    );
    assert.equal(r4.total.closedCases, 1);
    assert.ok(!JSON.stringify(r4).match(/見本|仮名|架空/), "no name in the figures");
  });

  test("office roles count their reach; the SQL agrees with the domain rule for every year", () => {
    for (const username of ["bizen.coord", "bizen.sup", "ube.coord", "okayama.pref", "yamaguchi.pref"]) {
      const actor = actorFor(username);
      const scopeRows = getDb()
        .select({ personId: outreachCases.personId, startDate: outreachCases.startDate, endDate: outreachCases.endDate, officeId: outreachCases.officeId, prefectureCode: outreachCases.prefectureCode })
        .from(outreachCases)
        .all()
        .filter((c) => (actor.role === "prefecture" ? c.prefectureCode === actor.prefectureCode : username.startsWith("bizen") ? c.officeId === "33-bizen" || (username === "bizen.sup" && c.officeId === "33-tobi") : c.officeId === "35-ube"));
      for (let fy = 2019; fy <= 2024; fy++) {
        const { total } = getOutreachYearSummaryForActor(actor, fy);
        assert.deepEqual([total.persons, total.newPersons, total.continuingPersons], Object.values(countPersons(scopeRows, fy)), `${username} FY${fy}`);
      }
    }
    // 備前's coordinator sees only 備前's share of R4: the continuing person.
    assert.equal(getOutreachYearSummaryForActor(actorFor("bizen.coord"), 2022).total.persons, 1);
    assert.throws(() => getOutreachYearSummaryForActor(actorFor("okayama.admin"), 2022), { code: "not_found" });
  });
});

describe("home page counts", () => {
  test("open outreach (選定前・支援中): the actor's own and all in reach agree with the lists; the prefecture gets not_found", () => {
    for (const username of ["bizen.coord", "bizen.sup", "ube.coord"]) {
      const actor = actorFor(username);
      const open = (mine: boolean) => {
        const counts = listOutreachCasesForActor(actor, page, { mine }).statusCounts;
        return counts.referred + counts.active;
      };
      assert.deepEqual(countOpenOutreachForActor(actor), { mine: open(true), inReach: open(false) }, username);
    }
    assert.ok(countOpenOutreachForActor(actorFor("bizen.sup")).inReach > 0);
    assert.throws(() => countOpenOutreachForActor(actorFor("okayama.pref")), { code: "not_found" });
  });
});
