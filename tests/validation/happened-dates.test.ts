import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setAppToday } from "@/lib/domain/clock";
import { ActivitySchema, FollowUpSchema, ReadmissionSchema, TrialStaySchema } from "@/lib/validation/case-records";
import { CaseTransitionSchema, PersonSchema } from "@/lib/validation/case";
import { happenedDate, optionalHappenedDate } from "@/lib/validation/dates";

/*
 * The one date rule (issue 11): what happened is never after today in Japan, whatever way the
 * date is typed; planned dates are not touched. Today is pinned to 2026-12-06 here.
 */

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("happened dates", () => {
  setAppToday("2026-12-06");
  after(() => setAppToday(null));

  test("today in any form is accepted; tomorrow, in any form, is refused with the catalog's message", () => {
    for (const today of ["2026/12/06", "2026-12-06", "令和8年12月6日", "R8.12.6", "２０２６／１２／０６"]) {
      assert.equal(happenedDate().safeParse(today).success, true, today);
    }
    for (const later of ["2026/12/07", "令和8年12月7日", "R8.12.7", "２０２６／１２／０７", "2099/12/31"]) {
      assert.deepEqual(messages(happenedDate().safeParse(later)), ["validation.date.future"], later);
    }
    assert.equal(optionalHappenedDate().parse(""), null);
    assert.deepEqual(messages(optionalHappenedDate().safeParse("2030-01-01")), ["validation.date.future"]);
  });

  test("the forms of things that happened use it: activity, stay, readmission, follow-up, phase change, birth", () => {
    const activity = { caseId: "c", date: "2099/12/31", activityType: "phone", minutes: "", summary: "" };
    assert.ok(messages(ActivitySchema.safeParse(activity)).includes("validation.date.future"));
    assert.equal(ActivitySchema.safeParse({ ...activity, date: "2026/12/06" }).success, true);
    assert.ok(messages(TrialStaySchema.safeParse({ caseId: "c", kind: "overnight", placeType: "group_home", startDate: "2026/12/05", endDate: "2026/12/08", outcome: "" })).includes("validation.date.future"));
    assert.ok(messages(ReadmissionSchema.safeParse({ caseId: "c", hospitalId: "h", admissionDate: "2027/01/01", dischargeDate: "", admissionType: "" })).includes("validation.date.future"));
    assert.ok(messages(FollowUpSchema.safeParse({ caseId: "c", followUpId: "f", checkedDate: "2026/12/07", status: "living_in_community", note: "" })).includes("validation.date.future"));
    assert.ok(messages(CaseTransitionSchema.safeParse({ id: "c", version: "1", toPhase: "assessment", date: "2099/01/01", note: "" })).includes("validation.date.future"));
    const person = { familyName: "見本", givenName: "太郎", familyNameKana: "みほん", givenNameKana: "たろう", sex: "male", municipalityCode: "", phone: "", address: "" };
    assert.ok(messages(PersonSchema.safeParse({ ...person, dateOfBirth: "2030-01-01", birthYearMonth: "" })).includes("validation.date.future"));
    assert.ok(messages(PersonSchema.safeParse({ ...person, dateOfBirth: "", birthYearMonth: "2030-05" })).includes("validation.date.future"));
    assert.equal(PersonSchema.safeParse({ ...person, dateOfBirth: "", birthYearMonth: "2026-12" }).success, true, "this month");
  });
});
