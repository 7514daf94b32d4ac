import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { EventCreateSchema, KyogiBodyCreateSchema, MeetingCreateSchema, TrainingCreateSchema } from "@/lib/validation/activities";
import { HostelTableSchema, MunicipalStatusTableSchema, PhoneTableSchema } from "@/lib/validation/activities-tables";
import { ja } from "@/lib/i18n/messages/ja";
import { lookup } from "@/lib/i18n/translate";
import type { z } from "zod";

/** Field → message key of every issue (first per field), as the form shows them. */
function errors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  assert.equal(result.success, false, "expected the input to be refused");
  const out: Record<string, string> = {};
  for (const issue of result.error!.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

/** Every key a schema can report has Japanese text (a key without text would reach the user). */
function assertTranslated(keys: Record<string, string>) {
  for (const key of Object.values(keys)) assert.ok(lookup(ja as never, key), `no catalog text for ${key}`);
}

const meeting = { kind: "case_review", date: "R3.6.10", title: "事例検討会", officeId: "33-bizen", regionId: "", kyogiBodyId: "", venue: "", agenda: "", casesReviewed: "2" };

describe("meeting schema", () => {
  test("reads Japanese dates, full-width counts and empty grid cells as 0", () => {
    const v = MeetingCreateSchema.parse({ ...meeting, att_health: "３", att_welfare: "1,2", att_peer: "" });
    assert.equal(v.date, "2021-06-10");
    assert.equal(v.attendance.health, 3);
    assert.equal(v.attendance.welfare, 12);
    assert.equal(v.attendance.peer, 0);
    assert.equal(v.casesReviewed, 2);
    assert.equal(v.targetsReviewed, false);
    assert.equal(MeetingCreateSchema.parse({ ...meeting, officeId: "prefecture", targetsReviewed: "on" }).officeId, null);
  });

  test("reports field errors and cross-field rules together", () => {
    const e = errors(MeetingCreateSchema.safeParse({ ...meeting, kind: "kyogi", title: " ", date: "2021/2/30", att_health: "-1", casesReviewed: "3" }));
    assert.deepEqual(e, {
      title: "activities.validation.titleRequired",
      date: "validation.date.invalid_date",
      att_health: "activities.validation.countFormat",
      kyogiBodyId: "activities.validation.meeting.kyogiBodyRequired",
      casesReviewed: "activities.validation.meeting.casesReviewedOnlyForCaseReview",
    });
    assertTranslated(e);
    const liaison = errors(MeetingCreateSchema.safeParse({ ...meeting, kind: "region_liaison", casesReviewed: "", officeId: "", date: "1999/4/1" }));
    assert.deepEqual(liaison, { officeId: "activities.validation.hostRequired", date: "activities.validation.dateOutOfRange", regionId: "activities.validation.meeting.regionRequired" });
    assertTranslated(liaison);
  });
});

describe("training, event and 協議の場 schemas", () => {
  const training = { kind: "jinzai_ikusei", scope: "office", regionId: "", date: "2021/9/1", title: "研修", venue: "", sessions: "1", note: "", officeId: "33-bizen", cohostIds: [] };

  test("scope rules: 圏域 needs a region, 保健所・支所圏域 an office host; the host is no co-host", () => {
    assert.equal(TrainingCreateSchema.parse(training).sessions, 1);
    const e = errors(TrainingCreateSchema.safeParse({ ...training, scope: "region", sessions: "0", cohostIds: ["33-bizen"] }));
    assert.deepEqual(e, { sessions: "activities.validation.training.sessionsRequired", regionId: "activities.validation.training.regionRequired", cohostIds: "activities.validation.training.cohostIsHost" });
    assertTranslated(e);
    assert.deepEqual(errors(TrainingCreateSchema.safeParse({ ...training, officeId: "prefecture" })), { scope: "activities.validation.training.officeScopeNeedsOffice" });
  });

  test("events: the subtype belongs to the kind; families only for 家族支援", () => {
    const event = { kind: "awareness", subtype: "seminar", date: "2021/9/1", title: "セミナー", venue: "", participants: "40", families: "", note: "", officeId: "33-bizen" };
    assert.equal(EventCreateSchema.parse(event).participants, 40);
    const e = errors(EventCreateSchema.safeParse({ ...event, subtype: "family_class", families: "5", participants: "" }));
    assert.deepEqual(e, { participants: "activities.validation.event.participantsRequired", subtype: "activities.validation.event.subtypeNotOfKind", families: "activities.validation.event.familiesOnlyForFamilySupport" });
    assertTranslated(e);
  });

  test("協議の場: the level decides which place is kept; a prefectural body is the prefecture's", () => {
    const body = { level: "region", name: "圏域の協議の場", regionId: "33-bizen", municipalityCode: "332046", officeId: "33-bizen", establishedOn: "", active: "on" };
    const v = KyogiBodyCreateSchema.parse(body);
    assert.equal(v.municipalityCode, null);
    assert.equal(v.active, true);
    const e = errors(KyogiBodyCreateSchema.safeParse({ ...body, level: "prefecture" }));
    assert.deepEqual(e, { officeId: "activities.validation.kyogi.prefectureBodyIsPrefectures" });
    assert.deepEqual(errors(KyogiBodyCreateSchema.safeParse({ ...body, level: "municipality", municipalityCode: "" })), { municipalityCode: "activities.validation.kyogi.municipalityRequired" });
    assertTranslated(e);
  });
});

describe("year tables", () => {
  test("municipal status: a 協議の場 needs its form; none means no details; dates within the year", () => {
    const raw = {
      fiscalYear: "2021",
      codes: "331007,332046,332127",
      exists_331007: "on",
      form_331007: "single",
      established_331007: "R3.5.1",
      meetings_331007: "３",
      version_331007: "2",
      exists_332046: "on",
      form_332046: "",
      established_332127: "2022/4/1",
      meetings_332127: "1",
    };
    const e = errors(MunicipalStatusTableSchema.safeParse(raw));
    assert.deepEqual(e, {
      form_332046: "activities.validation.kyogiStatus.formRequired",
      established_332127: "activities.validation.kyogiStatus.establishedAfterYear",
      exists_332127: "activities.validation.kyogiStatus.detailsWithoutKyogi",
      meetings_332127: "activities.validation.kyogiStatus.meetingsWithoutKyogi",
    });
    assertTranslated(e);
    const ok = MunicipalStatusTableSchema.parse({ ...raw, form_332046: "joint", established_332127: "", meetings_332127: "0" });
    assert.deepEqual(ok.rows[0], { municipalityCode: "331007", version: 2, exists: true, form: "single", establishedOn: "2021-05-01", meetingsHeld: 3, note: null });
    assert.equal(ok.rows[2]!.exists, false);
  });

  test("phone table: empty months are left out, a reported month must add up", () => {
    const month = { "callsTotal_2021-04": "10", "bandDay_2021-04": "5", "bandNight_2021-04": "3", "bandLateNight_2021-04": "2", "callerSelf_2021-04": "10", "responseAdvice_2021-04": "10", "topicAnxiety_2021-04": "10" };
    const ok = PhoneTableSchema.parse({ fiscalYear: "2021", ...month });
    assert.equal(ok.rows.length, 1);
    assert.equal(ok.rows[0]!.uniqueCallers, null);
    const e = errors(PhoneTableSchema.safeParse({ fiscalYear: "2021", ...month, "bandDay_2021-04": "6", "callerFamily_2021-05": "2", "callsTotal_2021-06": "x", "version_2021-07": "3" }));
    assert.deepEqual(e, {
      "bandDay_2021-04": "activities.validation.monthly.phone.bandsMismatch",
      "callsTotal_2021-05": "activities.validation.monthly.totalRequired",
      "callsTotal_2021-06": "activities.validation.countFormat",
      "callsTotal_2021-07": "activities.validation.monthly.cannotClear",
    });
    assertTranslated(e);
  });

  test("hostel table: the pre-filled room count alone is no report; capacity and users are checked", () => {
    assert.equal(HostelTableSchema.parse({ fiscalYear: "2021", "rooms_2021-04": "2" }).rows.length, 0);
    const e = errors(HostelTableSchema.safeParse({ fiscalYear: "2021", "rooms_2021-04": "2", "stays_2021-04": "3", "uniqueUsers_2021-04": "4", "nightsRest_2021-04": "61" }));
    assert.deepEqual(e, { "uniqueUsers_2021-04": "activities.validation.monthly.hostel.uniqueAboveStays", "nightsRest_2021-04": "activities.validation.monthly.hostel.nightsAboveCapacity" });
    assertTranslated(e);
  });
});
