import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, meetings, restatements, yearLockEvents, yearSignoffs } from "@/db/schema";
import { getSheetForActor } from "@/lib/dal/indicators/sheet";
import { createKyogiBody, updateKyogiBody } from "@/lib/dal/kyogi";
import { createMeeting, deleteMeeting, getMeetingForActor, updateMeeting } from "@/lib/dal/meetings";
import { getYearCloseForActor, guardLockedYears, listRestatementsForActor, lockYear, restatementViews, signOffYear, unlockYear } from "@/lib/dal/year-close";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import { sheetCsv } from "@/lib/export/sheet-files";
import { KyogiBodyCreateSchema, KyogiBodyUpdateSchema, MeetingCreateSchema, MeetingUpdateSchema } from "@/lib/validation/activities";
import { UnlockSchema } from "@/lib/validation/year-close";
import { lastAudit, thrown } from "@/tests/helpers/dal-asserts";
import { actorFor, seededDb } from "@/tests/helpers/test-db";

/*
 * The year-end close (ADR 0025) on the demo database: who signs off which office, who locks and
 * unlocks which prefecture's year, and the guard every activity write passes: a write into a
 * locked year without a reason writes nothing; with one it is saved and kept as a restatement;
 * a write into an open year leaves none. FY2019 is the locked year (岡山県), FY2020 is locked in
 * 山口県 only, FY2023 stays open everywhere.
 */

const LOCKED = 2019;
const OPEN = 2023;
let seq = 0;

const meetingRaw = (date: string, overrides: Record<string, string> = {}) => ({
  kind: "case_review",
  date,
  title: `試験 締め ${++seq}`,
  officeId: "33-bizen",
  regionId: "",
  kyogiBodyId: "",
  venue: "",
  agenda: "",
  casesReviewed: "2",
  att_health: "3",
  ...overrides,
});

const restatementsOf = (entityId: string) => getDb().select().from(restatements).where(eq(restatements.entityId, entityId)).all();
const countRows = (table: typeof restatements | typeof auditLogs) => (getDb().select({ n: sql<number>`count(*)` }).from(table).get() as { n: number }).n;

/** An FY2019 meeting of 備前保健所, recorded while the year was still open. */
let lockedMeeting = "";
/** An FY2021 meeting of 備前保健所 (open), to be moved into the locked year. */
let openMeeting = "";

before(async () => {
  await seededDb();
  const sup = actorFor("bizen.sup");
  lockedMeeting = createMeeting(sup, MeetingCreateSchema.parse(meetingRaw("2019/10/01"))).id;
  openMeeting = createMeeting(sup, MeetingCreateSchema.parse(meetingRaw("2021/10/01"))).id;
});

describe("sign-off", () => {
  test("a supervisor signs off an office in reach once; it is audited", () => {
    const sup = actorFor("bizen.sup");
    const { id } = signOffYear(sup, { officeId: "33-bizen", fiscalYear: LOCKED, note: "確認済み" });
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId], ["create", "year_signoff", id]);
    const status = getYearCloseForActor(sup, LOCKED);
    assert.deepEqual(
      status.offices.map((o) => [o.officeId, !!o.signoff]),
      [
        ["33-bizen", true],
        ["33-tobi", false],
      ],
    );
    assert.equal(thrown(() => signOffYear(sup, { officeId: "33-bizen", fiscalYear: LOCKED, note: null })).code, "conflict");
  });

  test("another office, another prefecture's office, and roles without the permission: not found", () => {
    const sup = actorFor("bizen.sup");
    assert.equal(thrown(() => signOffYear(sup, { officeId: "33-mimasaka", fiscalYear: LOCKED, note: null })).code, "not_found");
    assert.equal(thrown(() => signOffYear(sup, { officeId: "35-ube", fiscalYear: LOCKED, note: null })).code, "not_found");
    assert.equal(thrown(() => signOffYear(actorFor("ube.sup"), { officeId: "33-bizen", fiscalYear: LOCKED, note: null })).code, "not_found");
    for (const username of ["bizen.coord", "okayama.pref", "okayama.admin"]) {
      assert.equal(thrown(() => signOffYear(actorFor(username), { officeId: "33-bizen", fiscalYear: 2020, note: null })).code, "not_found", username);
    }
    assert.equal(thrown(() => getYearCloseForActor(actorFor("bizen.coord"), LOCKED)).code, "not_found");
    assert.equal(getDb().select().from(yearSignoffs).where(eq(yearSignoffs.fiscalYear, 2020)).all().length, 0);
  });

  test("a year that has not ended cannot be signed off", () => {
    assert.equal(thrown(() => signOffYear(actorFor("bizen.sup"), { officeId: "33-bizen", fiscalYear: currentFiscalYear(), note: null })).messageKey, "yearClose.signoff.notEnded");
  });
});

describe("lock and unlock", () => {
  test("coordinators, supervisors and admins cannot lock or unlock", () => {
    for (const username of ["bizen.coord", "bizen.sup", "okayama.admin"]) {
      assert.equal(thrown(() => lockYear(actorFor(username), { fiscalYear: LOCKED })).code, "not_found", username);
      assert.equal(thrown(() => unlockYear(actorFor(username), { fiscalYear: LOCKED, reason: "試験" })).code, "not_found", username);
    }
    assert.equal(getYearCloseForActor(actorFor("okayama.pref"), LOCKED).locked, false);
  });

  test("prefecture staff lock their prefecture's year, told which offices have not signed off; audited with its history", () => {
    const pref = actorFor("okayama.pref");
    const { unsignedOffices } = lockYear(pref, { fiscalYear: LOCKED });
    assert.ok(unsignedOffices.includes("33-mimasaka") && unsignedOffices.includes("33-tobi"));
    assert.ok(!unsignedOffices.includes("33-bizen"));
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId], ["update", "year_lock", `33:${LOCKED}`]);
    const status = getYearCloseForActor(pref, LOCKED);
    assert.equal(status.locked, true);
    assert.deepEqual(
      status.history.map((h) => h.action),
      ["lock"],
    );
    // Every office of the prefecture is listed for prefecture staff, none of 山口県.
    assert.ok(status.offices.length > 5 && status.offices.every((o) => o.officeId.startsWith("33-")));
    assert.equal(thrown(() => lockYear(pref, { fiscalYear: LOCKED })).code, "conflict");
    assert.equal(thrown(() => lockYear(pref, { fiscalYear: currentFiscalYear() })).messageKey, "yearClose.lock.notEnded");
    // Once locked, an office can no longer sign off.
    assert.equal(thrown(() => signOffYear(actorFor("bizen.sup"), { officeId: "33-tobi", fiscalYear: LOCKED, note: null })).messageKey, "yearClose.signoff.locked");
  });

  test("another prefecture's staff lock only their own prefecture", () => {
    const yamaguchi = actorFor("yamaguchi.pref");
    assert.equal(getYearCloseForActor(yamaguchi, LOCKED).locked, false);
    // Unlocking "2019" as 山口県 is about 山口県's 2019, which is not locked: 岡山県's stays locked.
    assert.equal(thrown(() => unlockYear(yamaguchi, { fiscalYear: LOCKED, reason: "試験" })).code, "conflict");
    assert.equal(getYearCloseForActor(actorFor("okayama.pref"), LOCKED).locked, true);
    lockYear(yamaguchi, { fiscalYear: 2020 });
    assert.equal(getYearCloseForActor(actorFor("okayama.pref"), 2020).locked, false);
    assert.equal(getYearCloseForActor(actorFor("ube.sup"), 2020).locked, true);
  });

  test("an unlock needs a reason", () => {
    assert.equal(UnlockSchema.safeParse({ fiscalYear: "2019", reason: "  " }).success, false);
    assert.equal(thrown(() => unlockYear(actorFor("okayama.pref"), { fiscalYear: LOCKED, reason: " " })).code, "invalid");
    assert.equal(getYearCloseForActor(actorFor("okayama.pref"), LOCKED).locked, true);
  });
});

describe("the guard on activity records", () => {
  test("an edit of a record in a locked year without a reason is refused and nothing is written", () => {
    const sup = actorFor("bizen.sup");
    const before = getMeetingForActor(sup, lockedMeeting);
    const audits = countRows(auditLogs);
    const input = MeetingUpdateSchema.parse({ ...meetingRaw("2019/10/01", { title: "試験 締め 訂正後" }), id: lockedMeeting, version: String(before.version) });
    const error = thrown(() => updateMeeting(sup, input));
    assert.equal(error.code, "invalid");
    assert.equal(error.fieldErrors.restatementReason, "yearClose.guard.reasonField");
    const after = getMeetingForActor(sup, lockedMeeting);
    assert.deepEqual([after.version, after.values.title], [before.version, before.values.title]);
    assert.equal(restatementsOf(lockedMeeting).length, 0);
    assert.equal(countRows(auditLogs), audits);
  });

  test("with a reason the edit is saved and kept as a restatement of the locked year", () => {
    const sup = actorFor("bizen.sup");
    const before = getMeetingForActor(sup, lockedMeeting);
    const input = MeetingUpdateSchema.parse({
      ...meetingRaw("2019/10/01", { title: "試験 締め 訂正後" }),
      id: lockedMeeting,
      version: String(before.version),
      restatementReason: "  会議名の誤記を訂正  ",
    });
    updateMeeting(sup, input);
    assert.equal(getMeetingForActor(sup, lockedMeeting).values.title, "試験 締め 訂正後");
    const [r, ...more] = restatementsOf(lockedMeeting);
    assert.equal(more.length, 0);
    assert.deepEqual([r!.fiscalYear, r!.action, r!.entityType, r!.officeId, r!.reason, r!.prefectureCode], [LOCKED, "update", "meeting", "33-bizen", "会議名の誤記を訂正", "33"]);
    assert.deepEqual(JSON.parse(r!.changes).title, [before.values.title, "試験 締め 訂正後"]);
    const restatementAudit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "restatement"), eq(auditLogs.entityId, r!.id))).get();
    assert.ok(restatementAudit, "the restatement is audited");
    assert.equal(lastAudit().entityType, "meeting");
  });

  test("a record added to or deleted from a locked year needs a reason too", () => {
    const sup = actorFor("bizen.sup");
    const raw = meetingRaw("2020/02/10");
    assert.equal(thrown(() => createMeeting(sup, MeetingCreateSchema.parse(raw))).fieldErrors.restatementReason, "yearClose.guard.reasonField");
    assert.equal(getDb().select().from(meetings).where(eq(meetings.title, raw.title)).all().length, 0);
    const { id } = createMeeting(sup, MeetingCreateSchema.parse({ ...raw, restatementReason: "報告漏れの追加" }));
    assert.deepEqual(
      restatementsOf(id).map((r) => [r.action, r.fiscalYear]),
      [["create", LOCKED]],
    );
    const { version } = getMeetingForActor(sup, id);
    assert.equal(thrown(() => deleteMeeting(sup, id, version)).code, "invalid");
    assert.equal(getMeetingForActor(sup, id).version, version);
    deleteMeeting(sup, id, version, "重複の削除");
    assert.equal(getDb().select().from(meetings).where(eq(meetings.id, id)).all().length, 0);
    const deleted = restatementsOf(id).find((r) => r.action === "delete");
    assert.deepEqual(JSON.parse(deleted!.changes).title, [raw.title, null]);
  });

  test("a write into an open year leaves no restatement", () => {
    const sup = actorFor("bizen.sup");
    const total = countRows(restatements);
    const { id } = createMeeting(sup, MeetingCreateSchema.parse(meetingRaw(`${OPEN}/06/01`)));
    updateMeeting(sup, MeetingUpdateSchema.parse({ ...meetingRaw(`${OPEN}/06/02`), id, version: "1" }));
    deleteMeeting(sup, id, 2);
    // 山口県 locked its FY2020, 岡山県 did not: 岡山県 writes into its FY2020 freely.
    createMeeting(sup, MeetingCreateSchema.parse(meetingRaw("2020/06/01")));
    assert.equal(countRows(restatements), total);
  });

  test("moving a record into or out of a locked year needs a reason", () => {
    const sup = actorFor("bizen.sup");
    const into = MeetingUpdateSchema.parse({ ...meetingRaw("2019/12/01"), id: openMeeting, version: "1" });
    assert.equal(thrown(() => updateMeeting(sup, into)).code, "invalid");
    updateMeeting(sup, { ...into, restatementReason: "開催日の誤り" });
    const out = MeetingUpdateSchema.parse({ ...meetingRaw("2021/10/01"), id: openMeeting, version: "2" });
    assert.equal(thrown(() => updateMeeting(sup, out)).fieldErrors.restatementReason, "yearClose.guard.reasonField");
    updateMeeting(sup, { ...out, restatementReason: "開催日を元に戻す" });
    assert.equal(getMeetingForActor(sup, openMeeting).values.date, "2021-10-01");
    assert.deepEqual(
      restatementsOf(openMeeting).map((r) => JSON.parse(r.changes).date),
      [
        ["2021-10-01", "2019-12-01"],
        ["2019-12-01", "2021-10-01"],
      ],
    );
  });

  test("a 協議の場 standing through a locked year restates it when changed", () => {
    const coord = actorFor("bizen.coord");
    const raw = { level: "region", name: "試験 締め 協議の場", regionId: "33-bizen", municipalityCode: "", officeId: "33-bizen", establishedOn: "2018/04/01", active: "on" };
    assert.equal(thrown(() => createKyogiBody(coord, KyogiBodyCreateSchema.parse(raw))).code, "invalid");
    const { id } = createKyogiBody(coord, KyogiBodyCreateSchema.parse({ ...raw, restatementReason: "設置の登録漏れ" }));
    const rename = KyogiBodyUpdateSchema.parse({ ...raw, name: "試験 締め 協議の場 改", id, version: "1" });
    assert.equal(thrown(() => updateKyogiBody(coord, rename)).code, "invalid");
    // A body established after the locked year does not touch it.
    const later = createKyogiBody(coord, KyogiBodyCreateSchema.parse({ ...raw, name: "試験 締め後の協議の場", establishedOn: "2022/04/01" }));
    assert.equal(restatementsOf(later.id).length, 0);
  });

  test("dates that are empty are ignored by the guard", () => {
    const sup = actorFor("bizen.sup");
    getDb().transaction((tx) =>
      guardLockedYears(tx, sup, { entityType: "meeting", entityId: "none", officeId: "33-bizen", action: "update", dates: [null, undefined, ""], changes: { title: ["a", "b"] } }),
    );
    assert.equal(restatementsOf("none").length, 0);
  });
});

describe("restatements as lists and the sheet show them", () => {
  test("prefecture staff see the prefecture's; a supervisor the offices in reach; another prefecture none", () => {
    const pref = listRestatementsForActor(actorFor("okayama.pref"), LOCKED);
    assert.ok(pref.some((r) => r.officeName === "備前保健所" && r.reason === "会議名の誤記を訂正"));
    // A 美作 restatement, out of the supervisor's reach.
    const mimasaka = actorFor("mimasaka.coord");
    const { id } = createMeeting(mimasaka, MeetingCreateSchema.parse({ ...meetingRaw("2019/05/01", { officeId: "33-mimasaka" }), restatementReason: "美作の追加" }));
    assert.equal(restatementsOf(id).length, 1);
    const sup = listRestatementsForActor(actorFor("bizen.sup"), LOCKED);
    assert.ok(sup.length > 0 && sup.every((r) => r.officeName === "備前保健所" || r.officeName === "備前保健所東備支所"));
    assert.ok(listRestatementsForActor(actorFor("okayama.pref"), LOCKED).some((r) => r.reason === "美作の追加"));
    assert.equal(listRestatementsForActor(actorFor("yamaguchi.pref"), LOCKED).length, 0);
    assert.equal(thrown(() => listRestatementsForActor(actorFor("bizen.coord"), LOCKED)).code, "not_found");
  });

  test("the sheet marks the figures that count meetings and lists the restatements without names or record numbers", () => {
    const sheet = getSheetForActor(actorFor("okayama.pref"), { prefectureCode: "33", fiscalYear: LOCKED, locale: "ja" });
    const meetingRestatements = listRestatementsForActor(actorFor("okayama.pref"), LOCKED).filter((r) => r.entityType === "meeting").length;
    assert.equal(sheet.basic.find((b) => b.code === "B.jiritsu_council")!.restatements, meetingRestatements);
    // 保健所数 counts the org tree, not records.
    assert.equal(sheet.basic.find((b) => b.code === "B.health_centers")!.restatements, 0);
    const view = sheet.restatements.find((r) => r.reason === "会議名の誤記を訂正")!;
    assert.deepEqual([view.record, view.action, view.office, view.by], ["会議", "訂正", "備前保健所", "保健所 担当課長・監督者"]);
    assert.ok(view.fields.includes("会議名"));
    const text = JSON.stringify(sheet.restatements);
    assert.ok(!text.includes(lockedMeeting) && !text.includes("試験 締め 訂正後") && !text.includes(actorFor("bizen.sup").displayName));
    const csv = sheetCsv(sheet, "ja");
    assert.ok(csv.includes("会議名の誤記を訂正"));
    // An open year's sheet has none.
    assert.equal(getSheetForActor(actorFor("okayama.pref"), { prefectureCode: "33", fiscalYear: OPEN, locale: "ja" }).restatements.length, 0);
  });

  test("an unlock keeps the restatements and lets writes through without a reason", () => {
    const pref = actorFor("okayama.pref");
    const count = listRestatementsForActor(pref, LOCKED).length;
    unlockYear(pref, { fiscalYear: LOCKED, reason: "630調査の再集計のため" });
    const status = getYearCloseForActor(pref, LOCKED);
    assert.equal(status.locked, false);
    assert.deepEqual(
      status.history.map((h) => [h.action, h.reason]),
      [
        ["unlock", "630調査の再集計のため"],
        ["lock", null],
      ],
    );
    assert.equal(getDb().select().from(yearLockEvents).where(eq(yearLockEvents.fiscalYear, LOCKED)).all().length, 2);
    assert.equal(listRestatementsForActor(pref, LOCKED).length, count);
    createMeeting(actorFor("bizen.sup"), MeetingCreateSchema.parse(meetingRaw("2019/11/11")));
    assert.equal(listRestatementsForActor(pref, LOCKED).length, count);
    // The rows themselves cannot be rewritten (append-only, like the audit log).
    assert.throws(
      () => getDb().run(sql`DELETE FROM restatements`),
      (e: { cause?: { code?: string } }) => e.cause?.code === "SQLITE_CONSTRAINT_TRIGGER",
    );
    assert.equal(restatementViews([], "ja").length, 0);
  });
});
