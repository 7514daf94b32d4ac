import { test } from "node:test";
import assert from "node:assert/strict";
import { CaseCreateSchema, CaseUpdateSchema } from "@/lib/validation/case";

const valid = {
  familyName: "試験", givenName: "一郎", familyNameKana: "しけん", givenNameKana: "いちろう", dateOfBirth: "", birthYearMonth: "1970-05",
  sex: "male", municipalityCode: "", phone: "", address: "", referralDate: "R6.4.10", referralSource: "self", hospitalId: "h",
  wardType: "", indexAdmissionDate: "2010-04-15", admissionDatePrecision: "month", admissionType: "", diagnosisGroup: "", techoGrade: "",
  supportCategory: "", consentDate: "", consentScope: "", supportStartDate: "2024-04-20", plannedDischargeDate: "", coordinatorUserId: "u", officeId: "o",
};

const errors = (input: Record<string, string>) => {
  const r = CaseCreateSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

test("a valid form parses, Japanese dates become ISO, a month-precision admission becomes the 1st", () => {
  const r = CaseCreateSchema.parse(valid);
  assert.equal(r.referralDate, "2024-04-10");
  assert.equal(r.indexAdmissionDate, "2010-04-01");
  assert.equal(r.wardType, null);
});

test("every problem is reported at once: field errors and the date order together", () => {
  const e = errors({ ...valid, familyNameKana: "shiken", referralDate: "2024-04-10", supportStartDate: "2024-04-01", sex: "" });
  assert.equal(e.familyNameKana, "validation.person.kanaFormat");
  assert.equal(e.sex, "validation.person.sexRequired");
  assert.equal(e.supportStartDate, "validation.case.supportStartBeforeReferral");
});

test("an unreadable date is its own error and is left out of the order check", () => {
  const e = errors({ ...valid, referralDate: "R1.4.30" });
  assert.deepEqual(e, { referralDate: "validation.date.outside_era" });
});

test("birth: one of the two is required, and they must agree", () => {
  assert.equal(errors({ ...valid, birthYearMonth: "" }).birthYearMonth, "validation.person.birthRequired");
  assert.equal(errors({ ...valid, dateOfBirth: "1971-06-01", birthYearMonth: "1970-05" }).birthYearMonth, "validation.person.birthMismatch");
  assert.deepEqual(errors({ ...valid, dateOfBirth: "昭和45年5月3日", birthYearMonth: "" }), {});
});

test("the edit form: destination and end reason go with their dates", () => {
  const base = { ...valid, id: "c", version: "1", dischargeDate: "2024-10-01", dischargeDestination: "", livingArrangementAfter: "", endDate: "", endReason: "settled" };
  const r = CaseUpdateSchema.safeParse(base);
  assert.equal(r.success, false);
  const fields = r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort();
  assert.deepEqual(fields, ["dischargeDestination:validation.case.destinationRequired", "endDate:validation.case.endDateRequired"]);
});
