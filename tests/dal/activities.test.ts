import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { setAppToday } from "@/lib/domain/clock";
import { auditLogs, meetingAttendance, meetings, municipalKyogiStatus, phoneLineMonths, trainingEvents } from "@/db/schema";
import { getEventSummaryForActor, getKyogiCoverageForActor, getMeetingSummaryForActor, getTrainingSummaryForActor } from "@/lib/dal/activity-summaries";
import { createEvent, deleteEvent, getEventForActor, listEventsForActor, updateEvent } from "@/lib/dal/community-events";
import { createKyogiBody, deleteKyogiBody, getMunicipalStatusTableForActor, listKyogiBodiesForActor, saveMunicipalStatusTable, updateKyogiBody } from "@/lib/dal/kyogi";
import { createMeeting, deleteMeeting, getMeetingForActor, getMeetingForEdit, getMeetingFormOptionsForActor, listMeetingsForActor, updateMeeting } from "@/lib/dal/meetings";
import { getPhoneTableForActor, savePhoneTable } from "@/lib/dal/monthly-figures";
import { createTraining, deleteTraining, getTrainingForActor, listTrainingsForActor, updateTraining } from "@/lib/dal/trainings";
import { EventCreateSchema, EventUpdateSchema, KyogiBodyCreateSchema, KyogiBodyUpdateSchema, MeetingCreateSchema, MeetingUpdateSchema, TrainingCreateSchema, TrainingUpdateSchema } from "@/lib/validation/activities";
import { MunicipalStatusTableSchema, PhoneTableSchema } from "@/lib/validation/activities-tables";
import { actorFor, seededDb } from "../helpers/test-db";
import { lastAudit, thrown } from "@/tests/helpers/dal-asserts";
import { detailOf } from "../helpers/audit-detail";

/*
 * The activities DAL on the real demo database: who may read and write which rows (ADR 0014,
 * 0017), version conflicts, audit rows in the same transaction, and the counting rules of the
 * summaries on a fiscal year of its own (FY2030, empty in the demo data).
 */

const page = { page: 1, pageSize: 100, sort: "date" as const, dir: "desc" as const };
const TEST_FY = 2030;

const meetingRaw = (overrides: Record<string, string> = {}) => ({
  kind: "case_review",
  date: "2030/06/10",
  title: `試験 事例検討会 ${Math.random().toString(36).slice(2, 8)}`,
  officeId: "33-bizen",
  regionId: "",
  kyogiBodyId: "",
  venue: "保健所 会議室",
  agenda: "",
  casesReviewed: "2",
  att_health: "3",
  att_medical_psych: "2",
  att_welfare: "４", // full-width digits are read as numbers
  ...overrides,
});
const meeting = (overrides: Record<string, string> = {}) => MeetingCreateSchema.parse(meetingRaw(overrides));

/** The audit row written last (by rowid: ulids written within one millisecond do not sort by time). */
before(async () => {
  await seededDb();
  // The records here are dated up to July 2032: they were held, so today is after them (the one date rule).
  setAppToday("2032-12-01");
});
after(() => setAppToday(null));

describe("meetings: ownership", () => {
  test("an office coordinator records a meeting of their office; it is audited in the same transaction", () => {
    const bizen = actorFor("bizen.coord");
    const input = meeting();
    const { id } = createMeeting(bizen, input);
    const detail = getMeetingForActor(bizen, id);
    assert.equal(detail.values.officeId, "33-bizen");
    // An office's meeting serves the office's region unless another is named.
    assert.equal(detail.values.regionId, "33-bizen");
    assert.equal(detail.attendanceTotal, 9);
    assert.equal(detail.attendance.welfare, 4);
    assert.equal(detail.canEdit, true);
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId, audit.actorUsername], ["create", "meeting", id, "bizen.coord"]);
    // Zero counts are not stored (one row per non-zero count).
    assert.equal(getDb().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id)).all().length, 3);
  });

  test("an office cannot record for another office or for the prefecture; the prefecture cannot record for an office", () => {
    assert.equal(thrown(() => createMeeting(actorFor("bizen.coord"), meeting({ officeId: "33-tobi" }))).fieldErrors.officeId, "activities.validation.hostInvalid");
    assert.equal(thrown(() => createMeeting(actorFor("bizen.coord"), meeting({ officeId: "prefecture" }))).code, "invalid");
    assert.equal(thrown(() => createMeeting(actorFor("okayama.pref"), meeting({ officeId: "33-bizen" }))).code, "invalid");
    assert.equal(thrown(() => createMeeting(actorFor("ube.coord"), meeting({ officeId: "33-bizen" }))).code, "invalid");
    // A supervisor reaches the branch.
    const { id } = createMeeting(actorFor("bizen.sup"), meeting({ officeId: "33-tobi" }));
    assert.equal(getMeetingForActor(actorFor("tobi.coord"), id).canEdit, true);
  });

  test("the prefecture records its own meetings and reads every office of its prefecture, never another prefecture", () => {
    const pref = actorFor("okayama.pref");
    const { id: own } = createMeeting(pref, meeting({ officeId: "prefecture", kind: "core_member", casesReviewed: "" }));
    const { id: office } = createMeeting(actorFor("mimasaka.coord"), meeting({ officeId: "33-mimasaka" }));
    const { id: yamaguchi } = createMeeting(actorFor("ube.coord"), meeting({ officeId: "35-ube" }));
    const ids = listMeetingsForActor(pref, page, { fiscalYear: TEST_FY }).rows.map((r) => r.id);
    assert.ok(ids.includes(own) && ids.includes(office));
    assert.ok(!ids.includes(yamaguchi));
    assert.equal(thrown(() => getMeetingForActor(pref, yamaguchi)).code, "not_found");
    // It reads the office's meeting but may not change it.
    assert.equal(getMeetingForActor(pref, office).canEdit, false);
    assert.equal(thrown(() => getMeetingForEdit(pref, office)).code, "not_found");
    assert.equal(thrown(() => deleteMeeting(pref, office, 1)).code, "not_found");
  });

  test("coordinators see their offices' and the prefecture's rows; another office's meeting is not_found", () => {
    const { id: tobiMeeting } = createMeeting(actorFor("tobi.coord"), meeting({ officeId: "33-tobi" }));
    const { id: prefMeeting } = createMeeting(actorFor("okayama.pref"), meeting({ officeId: "prefecture", kind: "hc_staff_liaison", casesReviewed: "" }));
    const bizen = actorFor("bizen.coord");
    const ids = listMeetingsForActor(bizen, page, { fiscalYear: TEST_FY }).rows.map((r) => r.id);
    assert.ok(!ids.includes(tobiMeeting));
    assert.ok(ids.includes(prefMeeting));
    assert.equal(thrown(() => getMeetingForActor(bizen, tobiMeeting)).code, "not_found");
    assert.equal(thrown(() => getMeetingForActor(bizen, "no-such-meeting")).code, "not_found");
    // Readable is not writable: the prefecture's meeting is shown without an edit link and refused.
    assert.equal(getMeetingForActor(bizen, prefMeeting).canEdit, false);
    const edit = MeetingUpdateSchema.parse({ ...meetingRaw({ officeId: "33-bizen" }), id: prefMeeting, version: "1" });
    assert.equal(thrown(() => updateMeeting(bizen, edit)).code, "not_found");
    assert.equal(thrown(() => updateMeeting(actorFor("tobi.coord"), { ...edit, id: tobiMeeting, officeId: "33-bizen" })).code, "invalid");
    assert.equal(thrown(() => updateMeeting(bizen, { ...edit, id: tobiMeeting })).code, "not_found");
  });

  test("admins and other prefectures get not_found", () => {
    const { id } = createMeeting(actorFor("bizen.coord"), meeting());
    assert.equal(thrown(() => listMeetingsForActor(actorFor("okayama.admin"), page, {})).code, "not_found");
    assert.equal(thrown(() => getMeetingForActor(actorFor("okayama.admin"), id)).code, "not_found");
    assert.equal(thrown(() => getMeetingForActor(actorFor("ube.coord"), id)).code, "not_found");
    assert.equal(thrown(() => getMeetingForActor(actorFor("yamaguchi.pref"), id)).code, "not_found");
    assert.equal(thrown(() => createMeeting(actorFor("okayama.admin"), meeting())).code, "not_found");
  });

  test("a 協議の場 of another prefecture or of an office out of reach cannot be linked", () => {
    const bizen = actorFor("bizen.coord");
    assert.equal(thrown(() => createMeeting(bizen, meeting({ kind: "kyogi", kyogiBodyId: "kb-35-pref", casesReviewed: "" }))).fieldErrors.kyogiBodyId, "activities.validation.meeting.kyogiBodyInvalid");
    assert.equal(thrown(() => createMeeting(bizen, meeting({ kind: "kyogi", kyogiBodyId: "kb-33-tobi", casesReviewed: "" }))).code, "invalid");
    // The prefecture's own 協議の場 can be linked by anyone of the prefecture.
    const { id } = createMeeting(bizen, meeting({ kind: "kyogi", kyogiBodyId: "kb-33-pref", casesReviewed: "" }));
    assert.equal(getMeetingForActor(bizen, id).kyogiBody?.level, "prefecture");
    assert.equal(thrown(() => createMeeting(bizen, meeting({ regionId: "35-ube-onoda" }))).fieldErrors.regionId, "activities.validation.regionInvalid");
  });

  test("the form offers the last kind used and the previous meeting to copy", () => {
    const mimasaka = actorFor("mimasaka.coord");
    const { id } = createMeeting(mimasaka, meeting({ officeId: "33-mimasaka", kind: "other", casesReviewed: "" }));
    const options = getMeetingFormOptionsForActor(mimasaka);
    assert.equal(options.lastKind, "other");
    assert.equal(options.previousId, id);
    assert.deepEqual(options.hosts.offices.map((o) => o.id), ["33-mimasaka"]);
    assert.equal(options.hosts.prefecture, false);
    assert.ok(options.kyogiBodies.some((b) => b.id === "kb-33-pref"));
    assert.ok(!options.kyogiBodies.some((b) => b.id === "kb-33-bizen"));
    assert.equal(getMeetingFormOptionsForActor(actorFor("okayama.pref")).hosts.prefecture, true);
  });
});

describe("meetings: versions, conflicts and deletes", () => {
  test("a stale save writes nothing and reports what the other person changed", () => {
    const bizen = actorFor("bizen.coord");
    const { id } = createMeeting(bizen, meeting({ title: "版の試験" }));
    const loaded = getMeetingForEdit(bizen, id);
    const base = JSON.stringify(loaded.values);
    // A colleague changes the title and the attendance first.
    updateMeeting(actorFor("bizen.coord2"), MeetingUpdateSchema.parse({ ...meetingRaw({ title: "同僚が変更", att_health: "5" }), id, version: "1", base }));
    assert.equal(getMeetingForActor(bizen, id).version, 2);
    const auditsBefore = getDb().select().from(auditLogs).where(eq(auditLogs.entityId, id)).all().length;
    const mine = MeetingUpdateSchema.parse({ ...meetingRaw({ title: "私の変更" }), id, version: "1", base });
    const error = thrown(() => updateMeeting(bizen, mine));
    assert.equal(error.code, "conflict");
    assert.deepEqual(error.conflicts.title, ["版の試験", "同僚が変更"]);
    assert.deepEqual(error.conflicts.att_health, [3, 5]);
    assert.equal(error.conflicts.venue, undefined);
    // The answer names whose save won (the last writer in the audit trail).
    assert.deepEqual(error.savedBy, { self: false, name: "備前 ふたば" });
    const after = getMeetingForActor(bizen, id);
    assert.equal(after.values.title, "同僚が変更");
    assert.equal(after.version, 2);
    assert.equal(getDb().select().from(auditLogs).where(eq(auditLogs.entityId, id)).all().length, auditsBefore);
    // Saving on the current version goes through and is audited with the diff.
    updateMeeting(bizen, { ...mine, version: 2 });
    // A second save from the same user's older tab: it was their own save that won.
    assert.deepEqual(thrown(() => updateMeeting(bizen, { ...mine, title: "別のタブ", version: 2 })).savedBy, { self: true });
    const audit = lastAudit();
    assert.equal(audit.action, "update");
    assert.deepEqual(detailOf(audit).changes.title, ["同僚が変更", "私の変更"]);
  });

  test("delete needs the version seen and leaves a snapshot in the audit log", () => {
    const bizen = actorFor("bizen.coord");
    const { id } = createMeeting(bizen, meeting({ title: "削除の試験" }));
    assert.equal(thrown(() => deleteMeeting(bizen, id, 7)).code, "conflict");
    assert.equal(thrown(() => deleteMeeting(actorFor("tobi.coord"), id, 1)).code, "not_found");
    deleteMeeting(bizen, id, 1);
    assert.equal(getDb().select().from(meetings).where(eq(meetings.id, id)).get(), undefined);
    assert.equal(getDb().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id)).all().length, 0);
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId], ["delete", "meeting", id]);
    const snapshot = detailOf(audit).snapshot;
    assert.equal(snapshot.title, "削除の試験");
    assert.equal(snapshot.attendance.welfare, 4);
  });
});

describe("trainings and events", () => {
  test("a joint training is readable by its co-hosts but only the host's side may change it", () => {
    const mimasaka = actorFor("mimasaka.coord");
    const raw = {
      kind: "peer_yousei",
      scope: "office",
      regionId: "",
      date: "2030/11/18",
      title: "試験 合同研修",
      venue: "",
      sessions: "2",
      note: "",
      officeId: "33-mimasaka",
      cohostIds: ["33-maniwa", "33-bihoku"],
      prof_peer: "10",
      prof_psw: "2",
    };
    const { id } = createTraining(mimasaka, TrainingCreateSchema.parse(raw));
    const maniwa = actorFor("maniwa.coord");
    const seen = getTrainingForActor(maniwa, id);
    assert.deepEqual(seen.cohosts.map((c) => c.id).sort(), ["33-bihoku", "33-maniwa"]);
    assert.equal(seen.canEdit, false);
    assert.ok(listTrainingsForActor(maniwa, page, { fiscalYear: TEST_FY }).rows.some((r) => r.id === id));
    assert.equal(thrown(() => getTrainingForActor(actorFor("bizen.coord"), id)).code, "not_found");
    const update = TrainingUpdateSchema.parse({ ...raw, sessions: "3", cohostIds: ["33-maniwa"], id, version: "1" });
    assert.equal(thrown(() => updateTraining(maniwa, { ...update, officeId: "33-maniwa" })).code, "not_found");
    updateTraining(mimasaka, update);
    assert.deepEqual(getTrainingForActor(mimasaka, id).cohosts.map((c) => c.id), ["33-maniwa"]);
    assert.equal(getTrainingForActor(mimasaka, id).attendanceTotal, 12);
  });

  test("the prefecture records a prefecture-wide training; a 保健所・支所圏域 one needs an office host", () => {
    const pref = actorFor("okayama.pref");
    const raw = { kind: "jinzai_ikusei", scope: "prefecture", regionId: "", date: "2030/09/01", title: "試験 県全域研修", venue: "", sessions: "1", note: "", officeId: "prefecture", cohostIds: [], prof_nurse: "30" };
    const { id } = createTraining(pref, TrainingCreateSchema.parse(raw));
    assert.equal(getDb().select().from(trainingEvents).where(eq(trainingEvents.id, id)).get()!.officeId, null);
    const bad = TrainingCreateSchema.safeParse({ ...raw, scope: "office" });
    assert.equal(bad.success, false);
    assert.equal(bad.error!.issues[0]!.path[0], "scope");
  });

  test("events: the prefecture's are read by every office, an office's only within reach", () => {
    const base = { kind: "family_support", subtype: "study_session", date: "2030/10/01", title: "試験 家族学習会", venue: "", participants: "12", families: "9", note: "" };
    const { id: prefEvent } = createEvent(actorFor("okayama.pref"), EventCreateSchema.parse({ ...base, officeId: "prefecture" }));
    const { id: tobiEvent } = createEvent(actorFor("tobi.coord"), EventCreateSchema.parse({ ...base, officeId: "33-tobi" }));
    const bizenIds = listEventsForActor(actorFor("bizen.coord"), page, { fiscalYear: TEST_FY }).rows.map((r) => r.id);
    assert.ok(bizenIds.includes(prefEvent) && !bizenIds.includes(tobiEvent));
    assert.ok(listEventsForActor(actorFor("bizen.sup"), page, { fiscalYear: TEST_FY }).rows.some((r) => r.id === tobiEvent));
    assert.equal(getEventForActor(actorFor("bizen.sup"), tobiEvent).canEdit, true);
    assert.equal(thrown(() => getEventForActor(actorFor("yamaguchi.pref"), prefEvent)).code, "not_found");
  });
});

describe("協議の場 registry and municipal status", () => {
  test("an office registers a regional body in its own region and municipal bodies of its own municipalities", () => {
    const bizen = actorFor("bizen.coord");
    const raw = { level: "region", name: "試験 圏域協議の場", regionId: "33-bizen", municipalityCode: "", officeId: "33-bizen", establishedOn: "2030/04/01", active: "on" };
    const { id } = createKyogiBody(bizen, KyogiBodyCreateSchema.parse(raw));
    assert.ok(listKyogiBodiesForActor(bizen, { page: 1, pageSize: 100, sort: "level", dir: "asc" }, { fiscalYear: TEST_FY }).rows.some((r) => r.id === id));
    assert.equal(thrown(() => createKyogiBody(bizen, KyogiBodyCreateSchema.parse({ ...raw, regionId: "33-maniwa" }))).fieldErrors.regionId, "activities.validation.kyogi.regionNotOffices");
    // 玉野市 is 備前保健所's; 備前市 belongs to the 東備支所.
    createKyogiBody(bizen, KyogiBodyCreateSchema.parse({ ...raw, level: "municipality", regionId: "", municipalityCode: "332046", name: "試験 玉野市協議の場" }));
    assert.equal(thrown(() => createKyogiBody(bizen, KyogiBodyCreateSchema.parse({ ...raw, level: "municipality", regionId: "", municipalityCode: "332119" }))).code, "invalid");
    // Only the prefecture registers the prefecture's own body.
    assert.equal(KyogiBodyCreateSchema.safeParse({ ...raw, level: "prefecture", regionId: "" }).success, false);
    assert.equal(thrown(() => createKyogiBody(bizen, KyogiBodyCreateSchema.parse({ ...raw, level: "prefecture", officeId: "prefecture" }))).code, "invalid");
  });

  test("an ended body still counts for the years it stood, not after; an inactive body needs its end date", () => {
    const bizen = actorFor("bizen.coord");
    const raw = { level: "region", name: "試験 廃止した協議の場", regionId: "33-bizen", municipalityCode: "", officeId: "33-bizen", establishedOn: "2020/04/01", active: "", endedOn: "2023/06/30" };
    const bodies = (fy: number) => getKyogiCoverageForActor(bizen, { fiscalYear: fy }).regionBodies;
    const before = [bodies(2021), bodies(2023)];
    createKyogiBody(bizen, KyogiBodyCreateSchema.parse(raw));
    assert.deepEqual([bodies(2021), bodies(2023)], [before[0]! + 1, before[1]]);
    const missing = KyogiBodyCreateSchema.safeParse({ ...raw, endedOn: "" });
    assert.equal(missing.error!.issues[0]!.message, "activities.validation.kyogi.endedOnRequired");
    const early = KyogiBodyCreateSchema.safeParse({ ...raw, endedOn: "2019/04/01" });
    assert.equal(early.error!.issues[0]!.message, "activities.validation.kyogi.endedBeforeEstablished");
    // Ticking 活動中 again drops the end date.
    assert.equal(KyogiBodyCreateSchema.parse({ ...raw, active: "on" }).endedOn, null);
  });

  test("a body with recorded sessions cannot be deleted", () => {
    assert.equal(thrown(() => deleteKyogiBody(actorFor("bizen.coord"), "kb-33-bizen", 1)).messageKey, "activities.kyogi.deleteHasSessions");
    assert.equal(thrown(() => deleteKyogiBody(actorFor("tobi.coord"), "kb-33-bizen", 1)).code, "not_found");
  });

  test("the prefecture saves a year's table at once; offices read their municipalities only; stale saves write nothing", () => {
    const pref = actorFor("okayama.pref");
    const table = getMunicipalStatusTableForActor(pref, TEST_FY);
    assert.equal(table.rows.length, 27);
    assert.equal(table.canEdit, true);
    const raw: Record<string, string> = { fiscalYear: String(TEST_FY), codes: table.rows.map((r) => r.code).join(",") };
    table.rows.forEach((r, i) => {
      raw[`version_${r.code}`] = String(r.version);
      if (i < 20) {
        raw[`exists_${r.code}`] = "on";
        raw[`form_${r.code}`] = "single";
        raw[`meetings_${r.code}`] = "2";
      }
    });
    assert.deepEqual(saveMunicipalStatusTable(pref, MunicipalStatusTableSchema.parse(raw)), { changed: 27 });
    const audit = lastAudit();
    assert.deepEqual([audit.entityType, audit.entityId], ["municipal_kyogi_status", `33:${TEST_FY}`]);
    assert.equal(getKyogiCoverageForActor(pref, { fiscalYear: TEST_FY }).municipalities.covered, 20);
    // The same form sent again (versions now stale) is refused whole.
    const stale = thrown(() => saveMunicipalStatusTable(pref, MunicipalStatusTableSchema.parse({ ...raw, [`form_${table.rows[0]!.code}`]: "joint" })));
    assert.equal(stale.code, "conflict");
    assert.equal(getDb().select().from(municipalKyogiStatus).where(and(eq(municipalKyogiStatus.municipalityCode, table.rows[0]!.code), eq(municipalKyogiStatus.fiscalYear, TEST_FY))).get()!.form, "single");
    // Offices read their own municipalities' rows and may not write.
    const bizenTable = getMunicipalStatusTableForActor(actorFor("bizen.coord"), TEST_FY);
    assert.deepEqual(bizenTable.rows.map((r) => r.name), ["玉野市", "瀬戸内市", "吉備中央町"]);
    assert.equal(bizenTable.canEdit, false);
    assert.equal(thrown(() => saveMunicipalStatusTable(actorFor("bizen.coord"), MunicipalStatusTableSchema.parse(raw))).code, "not_found");
    assert.equal(getMunicipalStatusTableForActor(actorFor("yamaguchi.pref"), TEST_FY).rows.length, 19);
    assert.equal(thrown(() => saveMunicipalStatusTable(actorFor("yamaguchi.pref"), MunicipalStatusTableSchema.parse(raw))).code, "invalid");
  });

  test("copying the previous year takes its values and keeps this year's versions", () => {
    const pref = actorFor("okayama.pref");
    const copied = getMunicipalStatusTableForActor(pref, 2022, { copyPrevious: true });
    const stored2021 = getMunicipalStatusTableForActor(pref, 2021);
    assert.equal(copied.copiedFrom, 2021);
    assert.equal(copied.rows.filter((r) => r.values?.exists).length, 23);
    assert.deepEqual(
      copied.rows.map((r) => r.version),
      getMunicipalStatusTableForActor(pref, 2022).rows.map((r) => r.version),
    );
    assert.deepEqual(copied.rows.map((r) => r.values), stored2021.rows.map((r) => r.values));
  });
});

describe("monthly figures", () => {
  test("the prefecture saves the phone table; offices and other prefectures may not", () => {
    const pref = actorFor("okayama.pref");
    const raw = { fiscalYear: String(TEST_FY), "callsTotal_2030-04": "10", "bandDay_2030-04": "6", "bandNight_2030-04": "3", "bandLateNight_2030-04": "1", "callerSelf_2030-04": "10", "responseAdvice_2030-04": "10", "topicAnxiety_2030-04": "10", "version_2030-04": "0" };
    assert.deepEqual(savePhoneTable(pref, PhoneTableSchema.parse(raw)), { changed: 1 });
    const table = getPhoneTableForActor(pref, TEST_FY);
    assert.equal(table.months[0]!.figures!.callsTotal, 10);
    assert.equal(table.months[0]!.version, 1);
    assert.equal(table.months[1]!.figures, null);
    assert.equal(thrown(() => savePhoneTable(pref, PhoneTableSchema.parse(raw))).code, "conflict");
    assert.equal(thrown(() => savePhoneTable(actorFor("bizen.coord"), PhoneTableSchema.parse(raw))).code, "not_found");
    assert.equal(getPhoneTableForActor(actorFor("bizen.coord"), TEST_FY).canEdit, false);
    assert.equal(getPhoneTableForActor(actorFor("yamaguchi.pref"), TEST_FY).runsService, false);
    savePhoneTable(actorFor("yamaguchi.pref"), PhoneTableSchema.parse(raw));
    assert.equal(getDb().select().from(phoneLineMonths).where(and(eq(phoneLineMonths.prefectureCode, "33"), eq(phoneLineMonths.month, "2030-04"))).get()!.version, 1);
  });
});

describe("the life of a record: the same audit trail for trainings, events and 協議の場", () => {
  /** The audit rows of one record in the order they were written, with their details parsed. */
  const trail = (id: string) =>
    getDb()
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.entityId, id))
      .orderBy(sql`rowid`)
      .all()
      .map((a) => ({ action: a.action, entityType: a.entityType, detail: detailOf(a) as Record<string, unknown> }));

  test("a training: created with its co-hosts and attendance, edited once, a stale edit and a stale delete write nothing, deleted with a snapshot", () => {
    const tobi = actorFor("tobi.coord");
    const raw = { kind: "jinzai_ikusei", scope: "office", regionId: "", date: "2030/07/01", title: "試験 記録の一生（研修）", venue: "", sessions: "1", note: "", officeId: "33-tobi", cohostIds: ["33-bizen"], prof_nurse: "5" };
    const { id } = createTraining(tobi, TrainingCreateSchema.parse(raw));
    updateTraining(tobi, TrainingUpdateSchema.parse({ ...raw, id, version: "1", sessions: "2", prof_nurse: "6" }));
    // Saving the same values again changes nothing, so it writes no row and no audit.
    updateTraining(tobi, TrainingUpdateSchema.parse({ ...raw, id, version: "2", sessions: "2", prof_nurse: "6" }));
    assert.equal(thrown(() => updateTraining(tobi, TrainingUpdateSchema.parse({ ...raw, id, version: "1", title: "古い版から" }))).code, "conflict");
    assert.equal(thrown(() => deleteTraining(tobi, id, 1)).code, "conflict");
    deleteTraining(tobi, id, 2);
    const rows = trail(id);
    assert.deepEqual(
      rows.map((r) => [r.action, r.entityType]),
      [
        ["create", "training_event"],
        ["update", "training_event"],
        ["delete", "training_event"],
      ],
    );
    assert.deepEqual(rows[0]!.detail, {
      kind: "jinzai_ikusei",
      scope: "office",
      date: "2030-07-01",
      title: "試験 記録の一生（研修）",
      officeId: "33-tobi",
      cohostIds: ["33-bizen"],
      attendance: { ...Object.fromEntries(Object.keys(rows[0]!.detail.attendance as object).map((k) => [k, 0])), nurse: 5 },
    });
    assert.deepEqual(rows[1]!.detail, { changes: { sessions: [1, 2], prof_nurse: [5, 6] } });
    const snapshot = rows[2]!.detail.snapshot as Record<string, unknown>;
    assert.deepEqual([snapshot.id, snapshot.version, snapshot.sessions, snapshot.cohostIds, (snapshot.attendance as Record<string, number>).nurse], [id, 2, 2, ["33-bizen"], 6]);
  });

  test("an event: created, edited once, deleted with the row as its snapshot", () => {
    const bizen = actorFor("bizen.coord");
    const raw = { kind: "awareness", subtype: "lecture", date: "2030/08/01", title: "試験 記録の一生（普及啓発）", venue: "", participants: "40", families: "", note: "", officeId: "33-bizen" };
    const { id } = createEvent(bizen, EventCreateSchema.parse(raw));
    updateEvent(bizen, EventUpdateSchema.parse({ ...raw, id, version: "1", participants: "45", withPeers: "on" }));
    assert.equal(thrown(() => deleteEvent(actorFor("tobi.coord"), id, 2)).code, "not_found");
    deleteEvent(bizen, id, 2);
    const rows = trail(id);
    assert.deepEqual(
      rows.map((r) => r.action),
      ["create", "update", "delete"],
    );
    assert.deepEqual(rows[0]!.detail, { kind: "awareness", subtype: "lecture", date: "2030-08-01", title: "試験 記録の一生（普及啓発）", venue: null, participants: 40, families: null, withPeers: false, note: null, officeId: "33-bizen" });
    assert.deepEqual(rows[1]!.detail, { changes: { participants: [40, 45], withPeers: [false, true] } });
    const snapshot = rows[2]!.detail.snapshot as Record<string, unknown>;
    assert.deepEqual([snapshot.id, snapshot.version, snapshot.participants, snapshot.officeId, snapshot.prefectureCode], [id, 2, 45, "33-bizen", "33"]);
  });

  test("a 協議の場: registered, renamed, deleted while it has no sessions", () => {
    const bizen = actorFor("bizen.coord");
    const raw = { level: "municipality", name: "試験 記録の一生（協議の場）", regionId: "", municipalityCode: "332046", officeId: "33-bizen", establishedOn: "", active: "on" };
    const { id } = createKyogiBody(bizen, KyogiBodyCreateSchema.parse(raw));
    updateKyogiBody(bizen, KyogiBodyUpdateSchema.parse({ ...raw, id, version: "1", name: "試験 記録の一生（改称）" }));
    deleteKyogiBody(bizen, id, 2);
    const rows = trail(id);
    assert.deepEqual(
      rows.map((r) => [r.action, r.entityType]),
      [
        ["create", "kyogi_body"],
        ["update", "kyogi_body"],
        ["delete", "kyogi_body"],
      ],
    );
    assert.deepEqual(rows[0]!.detail, { level: "municipality", name: "試験 記録の一生（協議の場）", regionId: null, municipalityCode: "332046", officeId: "33-bizen", establishedOn: null, active: true, endedOn: null });
    assert.deepEqual(rows[1]!.detail, { changes: { name: ["試験 記録の一生（協議の場）", "試験 記録の一生（改称）"] } });
    assert.equal((rows[2]!.detail.snapshot as Record<string, unknown>).name, "試験 記録の一生（改称）");
  });
});

describe("summary counting rules", () => {
  test("meetings: kinds, 協議の場 sessions by level, targets reviewed, cases reviewed, attendance", () => {
    const actor = actorFor("kurashiki-city.coord");
    const fy = 2031;
    const before = getMeetingSummaryForActor(actor, { fiscalYear: fy });
    assert.equal(before.total, 0);
    createMeeting(actor, meeting({ officeId: "33-kurashiki-city", date: "2031/05/01", casesReviewed: "3" }));
    createMeeting(actor, meeting({ officeId: "33-kurashiki-city", date: "2032/03/31", casesReviewed: "" }));
    createMeeting(actor, meeting({ officeId: "33-kurashiki-city", date: "2032/04/01", casesReviewed: "5" })); // next fiscal year
    createMeeting(actor, meeting({ officeId: "33-kurashiki-city", date: "2031/07/01", kind: "kyogi", kyogiBodyId: "kb-33-kurashiki-city", targetsReviewed: "on", casesReviewed: "", att_peer: "2" }));
    createMeeting(actor, meeting({ officeId: "33-kurashiki-city", date: "2031/08/01", kind: "jiritsu_council", kyogiBodyId: "kb-33-pref", casesReviewed: "" }));
    const s = getMeetingSummaryForActor(actor, { fiscalYear: fy });
    assert.equal(s.total, 4);
    assert.equal(s.byKind.case_review, 2);
    assert.deepEqual(s.caseReview, { meetings: 2, cases: 3 });
    // A session is any meeting linked to a registered body, whatever its kind.
    assert.deepEqual(s.kyogi.byLevel, { prefecture: 1, region: 1, municipality: 0 });
    assert.equal(s.kyogi.sessions, 2);
    assert.equal(s.kyogi.withTargetsReviewed, 1);
    assert.equal(s.kyogi.attendanceBySector.peer, 2);
    assert.equal(s.kyogi.attendanceTotal, 20);
    assert.equal(s.attendanceTotal, 38);
    assert.equal(s.attendanceBySector.welfare, 16);
    // Only the 倉敷・井笠 region is in this coordinator's scope.
    assert.deepEqual(s.regionLiaison.map((r) => r.regionId), ["33-kurashiki-ikasa"]);
    // The prefecture sees the same rows in its figures; another office does not.
    assert.equal(getMeetingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: fy }).byKind.case_review, 2);
    assert.equal(getMeetingSummaryForActor(actorFor("bizen.coord"), { fiscalYear: fy }).byKind.case_review, 0);
    assert.equal(getMeetingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: fy, host: "33-kurashiki-city" }).total, 4);
    assert.equal(getMeetingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: fy, host: "prefecture" }).total, 0);
  });

  test("trainings by kind and scope with attendance; events count families for 家族支援 only", () => {
    const actor = actorFor("niimi.coord");
    const fy = 2032;
    const t = (scope: string, extra: Record<string, unknown> = {}) =>
      createTraining(actor, TrainingCreateSchema.parse({ kind: "jinzai_ikusei", scope, regionId: "", date: "2032/06/01", title: "試験", venue: "", sessions: "2", note: "", officeId: "33-niimi", cohostIds: [], prof_nurse: "4", prof_peer: "1", ...extra }));
    t("office");
    t("region", { regionId: "33-takahashi-niimi" });
    t("office", { kind: "other" });
    const s = getTrainingSummaryForActor(actor, { fiscalYear: fy });
    assert.equal(s.total, 3);
    assert.equal(s.sessions, 6);
    assert.deepEqual(s.byKindAndScope.jinzai_ikusei, { prefecture: 0, region: 1, office: 1 });
    assert.deepEqual(s.byScope, { prefecture: 0, region: 1, office: 2 });
    assert.equal(s.attendanceByProfession.nurse, 12);
    assert.equal(s.attendanceTotal, 15);
    const e = (kind: string, subtype: string, families: string) =>
      createEvent(actor, EventCreateSchema.parse({ kind, subtype, date: "2032/07/01", title: "試験", venue: "", participants: "10", families, note: "", officeId: "33-niimi", withPeers: "on" }));
    e("family_support", "family_class", "6");
    e("family_support", "study_session", "");
    e("awareness", "seminar", "");
    const ev = getEventSummaryForActor(actor, { fiscalYear: fy });
    assert.deepEqual(ev.byKind.family_support, { events: 2, participants: 20, families: 6 });
    assert.deepEqual(ev.byKind.awareness, { events: 1, participants: 10, families: 0 });
    assert.equal(ev.withPeers, 3);
  });

  test("coverage counts regions with an active regional body established by the year's end", () => {
    const bizen = actorFor("bizen.sup");
    const c = getKyogiCoverageForActor(bizen, { fiscalYear: 2015 });
    // 備前保健所's body dates from 2015-07 and 東備's from 2017: one region, one body in FY2015.
    assert.deepEqual([c.regions.covered, c.regions.total, c.regionBodies], [1, 1, 1]);
    assert.equal(getKyogiCoverageForActor(actorFor("okayama.pref"), { fiscalYear: 2013 }).regions.covered, 1);
  });
});
