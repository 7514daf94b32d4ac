import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import { OutreachContactSchema, OutreachCreateSchema, OutreachOutcomeSchema, OutreachStatusSchema, OutreachUpdateSchema } from "@/lib/validation/outreach";
import { fieldErrorKeys, formValues } from "@/lib/validation/form";

/** The first message per field, as the forms show them. */
function errors(schema: z.ZodType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  assert.equal(result.success, false, "expected the values to be refused");
  return fieldErrorKeys(result.error!);
}

const base = {
  officeId: "33-bizen",
  coordinatorUserId: "u1",
  personMode: "new",
  personId: "",
  familyName: "見本",
  givenName: "花子",
  familyNameKana: "みほん",
  givenNameKana: "はなこ",
  dateOfBirth: "",
  birthYearMonth: "1980-02",
  sex: "female",
  municipalityCode: "",
  phone: "",
  address: "",
  targets: ["untreated", "hikikomori"],
  primaryTarget: "untreated",
  teamKind: "contracted_hospital",
  teamName: "（見本）チーム",
  referralDate: "2024/4/1",
  referralSource: "family",
  diagnosisGroup: "",
  selectionConferenceDate: "",
  startDate: "",
  gafStart: "",
};

describe("OutreachCreateSchema", () => {
  test("reads Japanese dates, a single ticked checkbox as a list, and builds the new person", () => {
    const v = OutreachCreateSchema.parse({ ...base, referralDate: "令和6年4月1日", selectionConferenceDate: "R6.4.10", startDate: "2024/4/15", targets: "untreated", diagnosisSuspected: "on", gafStart: "４５" });
    assert.equal(v.referralDate, "2024-04-01");
    assert.equal(v.selectionConferenceDate, "2024-04-10");
    assert.equal(v.startDate, "2024-04-15");
    assert.deepEqual(v.targets, ["untreated"]);
    assert.equal(v.diagnosisSuspected, true);
    assert.equal(v.gafStart, 45);
    assert.equal(v.person.mode, "new");
    assert.equal(v.person.mode === "new" && v.person.familyName, "見本");
    assert.equal("familyName" in v, false, "identity fields live under person only");
  });

  test("an existing person needs a chosen id; the new-person fields are then ignored", () => {
    assert.deepEqual(errors(OutreachCreateSchema, { ...base, personMode: "existing", familyName: "" }), { personId: "outreach.validation.personRequired" });
    const v = OutreachCreateSchema.parse({ ...base, personMode: "existing", personId: "p-1", familyName: "", sex: "" });
    assert.deepEqual(v.person, { mode: "existing", personId: "p-1" });
  });

  test("target rules: at least one, the primary among them", () => {
    assert.deepEqual(errors(OutreachCreateSchema, { ...base, targets: [] }), { targets: "outreach.validation.targetsRequired" });
    assert.deepEqual(errors(OutreachCreateSchema, { ...base, targets: ["hikikomori"], primaryTarget: "untreated" }), { primaryTarget: "outreach.validation.primaryNotSelected" });
    assert.deepEqual(errors(OutreachCreateSchema, { ...base, primaryTarget: "" }), { primaryTarget: "outreach.validation.primaryTargetRequired" });
  });

  test("cross-field rules come together with field errors", () => {
    const e = errors(OutreachCreateSchema, {
      ...base,
      familyName: "",
      gafStart: "101",
      selectionConferenceDate: "2024/3/31",
      startDate: "2024/3/1",
      targets: ["hikikomori"],
      birthYearMonth: "",
      referralSource: "",
    });
    assert.deepEqual(e, {
      familyName: "validation.person.nameRequired",
      gafStart: "outreach.validation.gafFormat",
      selectionConferenceDate: "outreach.validation.selectionBeforeReferral",
      startDate: "outreach.validation.startBeforeReferral",
      primaryTarget: "outreach.validation.primaryNotSelected",
      birthYearMonth: "validation.person.birthRequired",
      referralSource: "outreach.validation.referralSourceRequired",
    });
  });

  test("dates that are not dates, and a birth month that disagrees with the date of birth", () => {
    assert.equal(errors(OutreachCreateSchema, { ...base, referralDate: "令和6年2月30日" }).referralDate, "validation.date.invalid_date");
    assert.equal(errors(OutreachCreateSchema, { ...base, dateOfBirth: "1980/3/4", birthYearMonth: "1980-02" }).birthYearMonth, "validation.person.birthMismatch");
    assert.equal(errors(OutreachCreateSchema, { ...base, gafStart: "0" }).gafStart, "outreach.validation.gafFormat");
  });

  test("a new person's birth month may be typed in era form (saved as YYYY-MM); a month outside the era is refused", () => {
    const parsed = OutreachCreateSchema.parse({ ...base, birthYearMonth: "S25.3" });
    assert.equal(parsed.person.mode === "new" && parsed.person.birthYearMonth, "1950-03");
    const agreeing = OutreachCreateSchema.parse({ ...base, dateOfBirth: "S25.3.3", birthYearMonth: "昭和25年3月" });
    assert.equal(agreeing.person.mode === "new" && agreeing.person.birthYearMonth, "1950-03");
    assert.equal(errors(OutreachCreateSchema, { ...base, birthYearMonth: "R1.4" }).birthYearMonth, "validation.person.birthYearMonthOutsideEra");
    assert.equal(errors(OutreachCreateSchema, { ...base, dateOfBirth: "1950/4/3", birthYearMonth: "S25.3" }).birthYearMonth, "validation.person.birthMismatch");
  });
});

describe("OutreachUpdateSchema and OutreachStatusSchema", () => {
  const edit = { ...base, id: "o1", version: "2", base: "{}", endDate: "", endReason: "", gafEnd: "" };

  test("an end date needs a reason; the end may not precede the start", () => {
    const e = errors(OutreachUpdateSchema, { ...edit, startDate: "2024/5/1", endDate: "2024/4/30" });
    assert.deepEqual(e, { endDate: "outreach.validation.endBeforeStart", endReason: "outreach.validation.endReasonRequired" });
    assert.equal(OutreachUpdateSchema.parse({ ...edit, targets: ["untreated", "untreated"] }).targets.length, 1);
  });

  test("closing needs a reason; starting needs only the date", () => {
    assert.deepEqual(errors(OutreachStatusSchema, { id: "o1", version: "1", toStatus: "closed", date: "2024/6/1", endReason: "" }), { endReason: "outreach.validation.endReasonRequired" });
    assert.deepEqual(errors(OutreachStatusSchema, { id: "o1", version: "1", toStatus: "", date: "" }), { toStatus: "outreach.validation.statusRequired", date: "validation.date.required" });
    assert.equal(OutreachStatusSchema.parse({ id: "o1", version: "1", toStatus: "active", date: "R6.5.1" }).date, "2024-05-01");
  });
});

describe("contacts and outcomes", () => {
  const contact = { outreachCaseId: "o1", date: "2024/5/1", contactType: "home_visit", metPerson: "on", minutes: "60", place: "自宅", summary: "訪問した。" };

  test("professions from a form are a list; an unticked checkbox is false", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...contact, metPerson: undefined })) if (v !== undefined) form.append(k, v);
    form.append("professions", "nurse");
    form.append("professions", "psw");
    const v = OutreachContactSchema.parse(formValues(form, ["professions"]));
    assert.deepEqual(v.professions, ["nurse", "psw"]);
    assert.equal(v.metPerson, false);
    assert.deepEqual(OutreachContactSchema.parse({ ...contact }).professions, []);
  });

  test("line breaks of a textarea (CRLF when a form is sent) are read as LF", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(contact)) form.append(k, String(v));
    form.set("summary", "一行目\r\n二行目\r三行目\r\n");
    assert.equal(OutreachContactSchema.parse(formValues(form, ["professions"])).summary, "一行目\n二行目\n三行目");
  });

  test("minutes 0–1440, a known type and profession, a readable date", () => {
    assert.equal(OutreachContactSchema.parse({ ...contact, minutes: "" }).minutes, null);
    assert.equal(OutreachContactSchema.parse({ ...contact, minutes: "1440" }).minutes, 1440);
    assert.deepEqual(errors(OutreachContactSchema, { ...contact, minutes: "1441", contactType: "", professions: ["wizard"], date: "きのう" }), {
      minutes: "outreach.validation.minutesFormat",
      contactType: "outreach.validation.contactTypeRequired",
      professions: "outreach.validation.professionInvalid",
      date: "validation.date.format",
    });
    assert.equal(errors(OutreachContactSchema, { ...contact, minutes: "-5" }).minutes, "outreach.validation.minutesFormat");
  });

  test("an outcome needs its kind and date", () => {
    assert.deepEqual(errors(OutreachOutcomeSchema, { outreachCaseId: "o1", outcome: "", date: "", note: "" }), { outcome: "outreach.validation.outcomeRequired", date: "validation.date.required" });
  });
});
