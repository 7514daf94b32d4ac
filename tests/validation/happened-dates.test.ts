import { after, describe, mock, test } from "node:test";
import assert from "node:assert/strict";
import { setAppToday } from "@/lib/domain/clock";
import { ActivitySchema, FollowUpSchema, ReadmissionSchema, TrialStaySchema } from "@/lib/validation/case-records";
import { CaseTransitionSchema, PersonSchema } from "@/lib/validation/case";
import { happenedDate, optionalHappenedDate } from "@/lib/validation/dates";
import { MeetingCreateSchema, TrainingCreateSchema } from "@/lib/validation/activities";
import { OutreachContactSchema, OutreachOutcomeSchema, OutreachStatusSchema } from "@/lib/validation/outreach";
import { DispatchCreateSchema, PeerCreateSchema, PeerTrainingSchema } from "@/lib/validation/peer";

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

  test("the forms of outreach, dispatches, activities and peers use it too (issue 11: they disagreed)", () => {
    const later = "2026/12/07";
    const contact = { outreachCaseId: "o", date: later, contactType: "home_visit", professions: [], minutes: "", place: "", summary: "" };
    assert.deepEqual(messages(OutreachContactSchema.safeParse(contact)), ["validation.date.future"]);
    assert.equal(OutreachContactSchema.safeParse({ ...contact, date: "R8.12.6" }).success, true);
    assert.deepEqual(messages(OutreachOutcomeSchema.safeParse({ outreachCaseId: "o", outcome: "engaged", date: later, note: "" })), ["validation.date.future"]);
    assert.deepEqual(messages(OutreachStatusSchema.safeParse({ id: "o", version: "1", toStatus: "active", date: "２０９９／１／１" })), ["validation.date.future"]);
    const meeting = { kind: "case_review", date: later, title: "事例検討会", officeId: "33-bizen", regionId: "", kyogiBodyId: "", venue: "", agenda: "", casesReviewed: "2" };
    assert.ok(messages(MeetingCreateSchema.safeParse(meeting)).includes("validation.date.future"));
    assert.ok(messages(TrainingCreateSchema.safeParse({ kind: "basic", scope: "prefecture", regionId: "", date: "2099-12-31", title: "研修", venue: "", sessions: "1", note: "", officeId: "prefecture" })).includes("validation.date.future"));
    const peer = { officeId: "33-bizen", familyName: "見本", givenName: "花子", familyNameKana: "みほん", givenNameKana: "はなこ", phone: "", email: "", consentDate: "", volunteerInsuranceUntil: "2027/03/31", registeredOn: later };
    assert.ok(messages(PeerCreateSchema.safeParse(peer)).includes("validation.date.future"), "registration");
    assert.ok(messages(PeerCreateSchema.safeParse({ ...peer, registeredOn: "2026/12/01", consentDate: later })).includes("validation.date.future"), "consent");
    assert.ok(!messages(PeerCreateSchema.safeParse({ ...peer, registeredOn: "2026/12/01" })).includes("validation.date.future"), "insurance until is planned");
    assert.deepEqual(messages(PeerTrainingSchema.safeParse({ peerId: "p", kind: "peer_yousei", completedOn: later })), ["validation.date.future"]);
    const dispatch = { officeId: "33-bizen", date: later, startTime: "", endTime: "", status: "done", requestingOrg: "", destinationKind: "venue", hospitalId: "", destinationName: "公民館", purpose: "inhospital_salon", audienceCount: "", caseId: "", report: "", peerIds: ["p1"] };
    assert.deepEqual(messages(DispatchCreateSchema.safeParse(dispatch)), ["validation.dispatch.doneInFuture"]);
    assert.equal(DispatchCreateSchema.safeParse({ ...dispatch, status: "scheduled" }).success, true, "a planned dispatch may be ahead");
  });
});

describe("today turns at 00:00 in Japan, whatever the server's clock zone", () => {
  test("2026-12-06 is refused until 15:00 UTC on the 5th and accepted from then", () => {
    setAppToday(null);
    mock.timers.enable({ apis: ["Date"], now: Date.parse("2026-12-05T14:59:59.999Z") });
    try {
      assert.deepEqual(messages(happenedDate().safeParse("2026/12/06")), ["validation.date.future"], "23:59:59 JST on the 5th");
      assert.equal(happenedDate().safeParse("令和8年12月5日").success, true);
      mock.timers.setTime(Date.parse("2026-12-05T15:00:00.000Z"));
      assert.equal(happenedDate().safeParse("2026/12/06").success, true, "00:00 JST on the 6th");
      assert.equal(happenedDate().safeParse("Ｒ８．１２．６").success, true, "full-width era date");
      assert.deepEqual(messages(happenedDate().safeParse("2026/12/07")), ["validation.date.future"]);
    } finally {
      mock.timers.reset();
    }
  });
});
