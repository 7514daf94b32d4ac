import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, carePlans, cases, followUpChecks, peerSupporters, trialStays, users } from "@/db/schema";
import { createCase } from "@/lib/dal/cases";
import { getCaseSummaryForActor, listCasesForActor } from "@/lib/dal/case-list";
import { createHospital } from "@/lib/dal/hospitals";
import { countOpenOutreachForActor, listOutreachCasesForActor } from "@/lib/dal/outreach-list";
import { createPeer } from "@/lib/dal/peers";
import { countRemindersForActor, groupRemindersByDay, listRemindersForActor, REMINDER_BADGE_DAYS, type Reminder } from "@/lib/dal/reminders";
import { setAppToday } from "@/lib/domain/clock";
import { todayIso } from "@/lib/domain/fiscal-year";
import { CaseCreateSchema } from "@/lib/validation/case";
import { PeerCreateSchema } from "@/lib/validation/peer";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

// A fixed day in Japan: 2027-03-01. The window runs to 2027-03-15.
const TODAY = "2027-03-01";
const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;
let hospitalId = "";

function newCase(username: string, officeId: string): string {
  return createCase(
    actorFor(username),
    CaseCreateSchema.parse({
      familyName: "予定",
      givenName: "確認",
      familyNameKana: "よてい",
      givenNameKana: "かくにん",
      dateOfBirth: "",
      birthYearMonth: "1970-05",
      sex: "male",
      municipalityCode: "332046",
      phone: "",
      address: "",
      referralDate: "2026-04-10",
      referralSource: "hospital_psw",
      hospitalId,
      wardType: "psych_recuperation",
      indexAdmissionDate: "2010-04-01",
      admissionDatePrecision: "day",
      admissionType: "medical_protection",
      diagnosisGroup: "F2",
      techoGrade: "grade2",
      supportCategory: "level3",
      consentDate: "2026-04-20",
      consentScope: "support_and_sharing",
      supportStartDate: "2026-04-20",
      plannedDischargeDate: "",
      coordinatorUserId: userId(username),
      officeId,
    }),
  ).id;
}
const followUp = (caseId: string, offsetMonths: number, dueDate: string, checked = false) =>
  getDb()
    .insert(followUpChecks)
    .values({ id: randomUUID(), caseId, offsetMonths, dueDate, checkedDate: checked ? dueDate : null, status: checked ? "living_in_community" : null })
    .run();
const plan = (caseId: string, reviewDueDate: string, status: "active" | "ended") =>
  getDb()
    .insert(carePlans)
    .values({ id: randomUUID(), caseId, planType: "chiiki_iko", status, createdDate: "2026-05-01", reviewDueDate, createdBy: userId("bizen.coord"), createdAt: new Date().toISOString() })
    .run();
const stay = (caseId: string, startDate: string, endDate: string) =>
  getDb()
    .insert(trialStays)
    .values({ id: randomUUID(), caseId, kind: "experience_stay", placeType: "group_home", startDate, endDate, createdBy: userId("bizen.coord"), createdAt: new Date().toISOString() })
    .run();

const mineOf = (username: string, scope: "mine" | "office" = "mine") => listRemindersForActor(actorFor(username), scope).items;
const on = (items: Reminder[], recordId: string) => items.filter((i) => i.recordId === recordId).map((i) => `${i.kind}:${i.date}${i.overdue ? ":overdue" : ""}`).sort();

let mine = "";
let colleague = "";
let closed = "";
let tobi = "";
let elsewhere = "";
let peerId = "";

before(async () => {
  await seededDb();
  setAppToday(TODAY);
  hospitalId = createHospital(actorFor("okayama.admin"), { name: "予定テスト病院", municipalityCode: "332046", psychBeds: 50 }).id;
  mine = newCase("bizen.coord", "33-bizen");
  followUp(mine, 1, "2027-02-28"); // overdue by a day
  followUp(mine, 3, TODAY); // the window's first day
  followUp(mine, 6, "2027-03-15"); // its last day
  followUp(mine, 12, "2027-03-16"); // one day beyond
  plan(mine, "2027-03-08", "active");
  plan(mine, "2027-03-09", "ended"); // an ended plan needs no review
  stay(mine, "2027-03-10", "2027-03-20"); // starts in the window, ends beyond it
  stay(mine, "2027-02-01", "2027-02-05"); // long past: an event, never overdue

  colleague = newCase("bizen.coord2", "33-bizen");
  followUp(colleague, 1, "2027-03-02");
  followUp(colleague, 3, "2027-03-04", true); // already checked

  closed = newCase("bizen.coord", "33-bizen");
  followUp(closed, 1, "2027-03-02");
  getDb().update(cases).set({ phase: "closed", endDate: "2027-02-20", endReason: "settled" }).where(eq(cases.id, closed)).run();

  tobi = newCase("tobi.coord", "33-tobi");
  followUp(tobi, 1, "2027-03-03");
  elsewhere = newCase("mimasaka.coord", "33-mimasaka");
  followUp(elsewhere, 1, "2027-03-03");

  peerId = createPeer(
    actorFor("bizen.coord"),
    PeerCreateSchema.parse({
      officeId: "33-bizen", familyName: "仮名", givenName: "期限", familyNameKana: "かめい", givenNameKana: "きげん", phone: "", email: "",
      registeredOn: "2026/04/01", consentDate: "", volunteerInsuranceUntil: "", activities: ["inhospital_salon"], regionIds: "33-bizen", training_peer_yousei: "2026-04-01",
    }),
  ).id;
  getDb().update(peerSupporters).set({ expiresOn: "2027-03-05" }).where(eq(peerSupporters.id, peerId)).run();
});

after(() => setAppToday(null));

describe("今後の予定", () => {
  test("today is the fixed day in Japan", () => assert.equal(todayIso(), TODAY));

  test("the window runs from today to today+14 inclusive, with everything overdue before it", () => {
    assert.deepEqual(on(mineOf("bizen.coord"), mine), [
      "follow_up:2027-02-28:overdue",
      "follow_up:2027-03-01",
      "follow_up:2027-03-15",
      "plan_review:2027-03-08",
      "trial_start:2027-03-10",
    ]);
  });

  test("rows link to their record's section and carry the person's name", () => {
    const row = mineOf("bizen.coord").find((i) => i.recordId === mine && i.kind === "plan_review")!;
    assert.equal(row.href, `/cases/${mine}#care-plans`);
    assert.equal(row.name, "予定 確認");
    const peer = mineOf("bizen.coord").find((i) => i.recordId === peerId)!;
    assert.equal(peer.href, `/peers/${peerId}#registration`);
    assert.equal(peer.kind, "peer_expiry");
  });

  test("closed cases are left out", () => {
    assert.deepEqual(on(mineOf("bizen.coord"), closed), []);
    assert.deepEqual(on(mineOf("bizen.sup", "office"), closed), []);
  });

  test("mine is the actor's cases; office is every case in reach; the office's peers show in both", () => {
    assert.deepEqual(on(mineOf("bizen.coord"), colleague), []);
    assert.deepEqual(on(mineOf("bizen.coord", "office"), colleague), ["follow_up:2027-03-02"]);
    assert.deepEqual(on(mineOf("bizen.coord"), peerId), ["peer_expiry:2027-03-05"]);
    assert.deepEqual(on(mineOf("bizen.sup", "office"), tobi), ["follow_up:2027-03-03"]);
    assert.deepEqual(on(mineOf("bizen.sup", "mine"), mine), []);
  });

  test("a registration that lapsed this fiscal year is overdue; one that lapsed before it began is history, not a reminder", () => {
    // TODAY is 2027-03-01 (FY2026): last fiscal year ended 2026-03-31.
    const registration = (registeredOn: string, expiresOn: string) => getDb().update(peerSupporters).set({ registeredOn, expiresOn }).where(eq(peerSupporters.id, peerId)).run();
    registration("2025-04-01", "2026-03-31");
    assert.deepEqual(on(mineOf("bizen.coord"), peerId), ["peer_expiry:2026-03-31:overdue"]);
    registration("2024-04-01", "2025-03-31");
    assert.deepEqual(on(mineOf("bizen.coord"), peerId), []);
    registration("2026-04-01", "2027-03-05");
  });

  test("another office's items never appear", () => {
    for (const [user, scope] of [["bizen.coord", "office"], ["bizen.sup", "office"], ["tobi.coord", "office"]] as const) {
      assert.deepEqual(on(mineOf(user, scope), elsewhere), [], user);
    }
    assert.deepEqual(on(mineOf("bizen.coord", "office"), tobi), []);
    assert.deepEqual(on(mineOf("tobi.coord", "office"), peerId), []);
  });

  test("the menu count equals the list's rows within the badge's days, overdue included", () => {
    // Two coordinators of different offices in turn: the count is prepared once per role and view
    // (ADR 0050), so each must still count their own (the actor is a parameter, never built in).
    for (const [user, scope] of [["bizen.coord", "mine"], ["bizen.coord", "office"], ["bizen.sup", "office"], ["bizen.sup", "mine"], ["tobi.coord", "office"], ["tobi.coord", "mine"]] as const) {
      const items = listRemindersForActor(actorFor(user), scope, REMINDER_BADGE_DAYS).items;
      const counts = countRemindersForActor(actorFor(user), scope);
      assert.equal(counts.total, items.length, `${user} ${scope}`);
      assert.equal(counts.overdue, items.filter((i) => i.overdue).length, `${user} ${scope}`);
      // The full window holds at least as much, and the same count over 14 days agrees with it.
      assert.equal(countRemindersForActor(actorFor(user), scope, 14).total, mineOf(user, scope).length, `${user} ${scope} 14`);
    }
    assert.ok(countRemindersForActor(actorFor("bizen.coord"), "mine").total >= 4);
  });

  test("roles without case work see no count and cannot list", () => {
    assert.deepEqual(countRemindersForActor(actorFor("okayama.pref"), "office"), { total: 0, overdue: 0 });
    assert.throws(() => listRemindersForActor(actorFor("okayama.pref"), "office"), { code: "not_found" });
  });

  test("the page view is audited with the cases it listed; the count is not", () => {
    const before = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!.id;
    countRemindersForActor(actorFor("bizen.coord"), "mine");
    assert.equal(getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!.id, before);
    mineOf("bizen.coord");
    const audit = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
    assert.equal(audit.entityType, "schedule");
    assert.equal(audit.action, "view");
    assert.ok((detailOf(audit) as { caseIds: string[] }).caseIds.includes(mine));
  });

  test("grouped by day with the overdue first", () => {
    const groups = groupRemindersByDay(mineOf("bizen.coord"));
    assert.equal(groups[0]!.key, "overdue");
    assert.ok(groups[0]!.items.every((i) => i.overdue));
    const days = groups.slice(1).map((g) => g.key);
    assert.deepEqual(days, [...days].sort());
    assert.equal(new Set(days).size, days.length);
  });
});

describe("the start page's counts equal the lists they open", () => {
  const req = { page: 1, pageSize: 100, sort: "caseNo" as const, dir: "asc" as const };
  test("自分の担当ケース: open cases mine, as /cases?scope=mine lists them by default", () => {
    const actor = actorFor("bizen.coord");
    const summary = getCaseSummaryForActor(actor);
    const list = listCasesForActor(actor, req, { mine: true, openOnly: true });
    assert.equal(summary.openMine, list.total);
    assert.ok(!list.rows.some((r) => r.id === closed));
    // The closed case is mine, so counting it would disagree: the switch shows it.
    assert.ok(listCasesForActor(actor, req, { mine: true }).rows.some((r) => r.id === closed));
  });
  test("所属のケース: open cases in reach, as /cases?scope=office lists them", () => {
    const actor = actorFor("bizen.sup");
    assert.equal(getCaseSummaryForActor(actor).openInReach, listCasesForActor(actor, req, { openOnly: true }).total);
  });
  test("アウトリーチ（自分の担当）: open outreach cases mine, as /outreach?scope=mine lists them by default", () => {
    for (const user of ["bizen.coord", "bizen.sup"]) {
      const actor = actorFor(user);
      const outreachReq = { page: 1, pageSize: 100, sort: "caseNo" as const, dir: "asc" as const };
      const counts = countOpenOutreachForActor(actor);
      assert.equal(counts.mine, listOutreachCasesForActor(actor, outreachReq, { mine: true, openOnly: true }).total, user);
      assert.equal(counts.inReach, listOutreachCasesForActor(actor, outreachReq, { openOnly: true }).total, user);
    }
    // The demo data holds closed outreach cases in 備前's reach, so without the switch the list is longer.
    const actor = actorFor("bizen.sup");
    const all = listOutreachCasesForActor(actor, { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, {}).total;
    assert.ok(all > countOpenOutreachForActor(actor).inReach, `${all}`);
  });
});
