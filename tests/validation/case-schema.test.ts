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

test("the birth month is typed as people write it: Gregorian or era, full-width; saved as YYYY-MM", () => {
  const month = (birthYearMonth: string) => {
    const person = CaseCreateSchema.parse({ ...valid, birthYearMonth }).person;
    return person.mode === "new" ? person.birthYearMonth : "";
  };
  for (const [typed, saved] of [
    ["1970-05", "1970-05"],
    ["1970/05", "1970-05"],
    ["１９７０－０５", "1970-05"],
    ["1970/5", "1970-05"],
    ["1970年5月", "1970-05"],
    ["S25.3", "1950-03"],
    ["昭和25年3月", "1950-03"],
    ["S25/3", "1950-03"],
    ["Ｓ２５．３", "1950-03"],
    ["H1.1", "1989-01"],
    ["S64.1", "1989-01"],
    ["令和元年5月", "2019-05"],
  ]) {
    assert.equal(month(typed!), saved, typed);
  }
  // A date of birth given in era form agrees with the month typed in era form.
  assert.deepEqual(errors({ ...valid, dateOfBirth: "昭和25年3月3日", birthYearMonth: "S25.3" }), {});
  assert.equal(errors({ ...valid, dateOfBirth: "昭和25年4月3日", birthYearMonth: "S25.3" }).birthYearMonth, "validation.person.birthMismatch");
});

test("a birth month that does not exist is an error, never guessed", () => {
  assert.deepEqual(errors({ ...valid, birthYearMonth: "S64.2" }), { birthYearMonth: "validation.person.birthYearMonthOutsideEra" });
  assert.deepEqual(errors({ ...valid, birthYearMonth: "R1.4" }), { birthYearMonth: "validation.person.birthYearMonthOutsideEra" });
  assert.deepEqual(errors({ ...valid, birthYearMonth: "H31.5" }), { birthYearMonth: "validation.person.birthYearMonthOutsideEra" });
  assert.deepEqual(errors({ ...valid, birthYearMonth: "1970-13" }), { birthYearMonth: "validation.person.birthYearMonthFormat" });
  assert.deepEqual(errors({ ...valid, birthYearMonth: "1970" }), { birthYearMonth: "validation.person.birthYearMonthFormat" });
  assert.deepEqual(errors({ ...valid, birthYearMonth: "1850-01" }), { birthYearMonth: "validation.person.birthYearMonthFormat" });
  assert.deepEqual(errors({ ...valid, birthYearMonth: "X45.5" }), { birthYearMonth: "validation.date.unknown_era" });
});

test("the edit form: destination and end reason go with their dates", () => {
  const base = { ...valid, id: "c", version: "1", dischargeDate: "2024-10-01", dischargeDestination: "", livingArrangementAfter: "", endDate: "", endReason: "settled" };
  const r = CaseUpdateSchema.safeParse(base);
  assert.equal(r.success, false);
  const fields = r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort();
  assert.deepEqual(fields, ["dischargeDestination:validation.case.destinationRequired", "endDate:validation.case.endDateRequired"]);
});
