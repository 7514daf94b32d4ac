import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { OUTREACH_END_REASONS } from "@/lib/domain/outreach-codes";
import {
  allowedOutreachTransitions,
  canTransitionOutreach,
  countPersons,
  endReasonsFor,
  formatOutreachCaseNumber,
  isConference,
  isVisit,
  newInFiscalYear,
  OUTREACH_CASE_NUMBER_PATTERN,
  outreachDateIssues,
  recordDateIssue,
  supportDays,
  supportedInFiscalYear,
  copiedContactFields,
} from "@/lib/domain/outreach-rules";

describe("case numbers", () => {
  test("prefecture, office, OR and fiscal year of referral, three-digit sequence", () => {
    assert.equal(formatOutreachCaseNumber("33", "BZ", 2024, 3), "33-BZ-OR2024-003");
    assert.equal(formatOutreachCaseNumber("35", "UB", 2019, 1234), "35-UB-OR2019-1234");
    assert.match("33-BZ-OR2024-003", OUTREACH_CASE_NUMBER_PATTERN);
    assert.doesNotMatch("33-BZ-2024-0003", OUTREACH_CASE_NUMBER_PATTERN); // a discharge-support number
  });
});

describe("status", () => {
  test("選定前 → 支援中 or 終結; 支援中 → 終結; 終結 is final", () => {
    assert.deepEqual(allowedOutreachTransitions("referred"), ["active", "closed"]);
    assert.deepEqual(allowedOutreachTransitions("active"), ["closed"]);
    assert.deepEqual(allowedOutreachTransitions("closed"), []);
    assert.ok(canTransitionOutreach("referred", "closed"));
    assert.equal(canTransitionOutreach("active", "referred"), false);
    assert.equal(canTransitionOutreach("closed", "active"), false);
    assert.equal(canTransitionOutreach("active", "active"), false);
  });

  test("a referral closed before support started cannot have met its goals", () => {
    assert.ok(!endReasonsFor("referred", OUTREACH_END_REASONS).includes("goal_met"));
    assert.ok(endReasonsFor("referred", OUTREACH_END_REASONS).includes("refused"));
    assert.deepEqual(endReasonsFor("active", OUTREACH_END_REASONS), [...OUTREACH_END_REASONS]);
  });
});

describe("dates", () => {
  const d = (o: Partial<Record<"referralDate" | "selectionConferenceDate" | "startDate" | "endDate", string | null>>) => ({
    referralDate: "2024-04-10",
    selectionConferenceDate: null,
    startDate: null,
    endDate: null,
    ...o,
  });

  test("referral ≤ selection ≤ start ≤ end; each break on the later field", () => {
    assert.deepEqual(outreachDateIssues(d({ selectionConferenceDate: "2024-04-20", startDate: "2024-05-01", endDate: "2024-09-30" })), []);
    assert.deepEqual(outreachDateIssues(d({ selectionConferenceDate: "2024-04-01" })), [{ field: "selectionConferenceDate", message: "outreach.validation.selectionBeforeReferral" }]);
    assert.deepEqual(outreachDateIssues(d({ startDate: "2024-04-09" })), [{ field: "startDate", message: "outreach.validation.startBeforeReferral" }]);
    assert.deepEqual(outreachDateIssues(d({ selectionConferenceDate: "2024-04-20", startDate: "2024-04-15" })), [{ field: "startDate", message: "outreach.validation.startBeforeSelection" }]);
    assert.deepEqual(outreachDateIssues(d({ startDate: "2024-05-01", endDate: "2024-04-30" })), [{ field: "endDate", message: "outreach.validation.endBeforeStart" }]);
    // Never started (not taken up): the end only has to follow the referral.
    assert.deepEqual(outreachDateIssues(d({ endDate: "2024-04-10" })), []);
    assert.deepEqual(outreachDateIssues(d({ endDate: "2024-04-09" })), [{ field: "endDate", message: "outreach.validation.endBeforeReferral" }]);
    // Unparsed dates (null) are left out rather than reported twice.
    assert.deepEqual(outreachDateIssues(d({ referralDate: null, startDate: "2024-01-01" })), []);
  });

  test("contacts and outcomes: from the referral, not after the end of a closed case (not after today is the one date rule)", () => {
    const open = { referralDate: "2024-04-10", status: "active" as const, endDate: null };
    const closed = { referralDate: "2024-04-10", status: "closed" as const, endDate: "2024-06-30" };
    assert.equal(recordDateIssue("2024-04-10", open, "contact"), null);
    assert.equal(recordDateIssue("2024-04-09", open, "contact"), "outreach.validation.contactBeforeReferral");
    assert.equal(recordDateIssue("2024-06-30", closed, "contact"), null);
    assert.equal(recordDateIssue("2024-07-01", closed, "outcome"), "outreach.validation.outcomeAfterEnd");
  });

  test("days of support run to the end, or to today while open", () => {
    assert.equal(supportDays(null, null, "2024-12-01"), null);
    assert.equal(supportDays("2024-04-01", null, "2024-04-11"), 10);
    assert.equal(supportDays("2024-04-01", "2024-05-01", "2024-12-01"), 30);
  });
});

describe("the yearly counting rules", () => {
  test("supported in a year: started by its end, not ended before its start; never-started referrals do not count", () => {
    assert.ok(supportedInFiscalYear({ startDate: "2020-07-01", endDate: "2023-02-24" }, 2021));
    assert.ok(supportedInFiscalYear({ startDate: "2022-03-31", endDate: null }, 2021));
    assert.ok(supportedInFiscalYear({ startDate: "2020-07-01", endDate: "2021-04-01" }, 2021));
    assert.equal(supportedInFiscalYear({ startDate: "2020-07-01", endDate: "2021-03-31" }, 2021), false);
    assert.equal(supportedInFiscalYear({ startDate: "2022-04-01", endDate: null }, 2021), false);
    assert.equal(supportedInFiscalYear({ startDate: null, endDate: "2021-06-01" }, 2021), false);
  });

  test("新規 started in the year, 継続 before it", () => {
    assert.ok(newInFiscalYear({ startDate: "2022-04-01" }, 2022));
    assert.ok(newInFiscalYear({ startDate: "2023-03-31" }, 2022));
    assert.equal(newInFiscalYear({ startDate: "2022-03-31" }, 2022), false);
  });

  test("persons are unduplicated, and a person with an older case counts as 継続", () => {
    const cases = [
      { personId: "a", startDate: "2020-07-01", endDate: "2023-02-24" },
      { personId: "b", startDate: "2022-06-20", endDate: null },
      // Person a again, a second episode in the same year: still one person, continuing.
      { personId: "a", startDate: "2023-03-01", endDate: null },
      { personId: "c", startDate: null, endDate: "2022-12-01" },
    ];
    assert.deepEqual(countPersons(cases, 2022), { persons: 2, newPersons: 1, continuingPersons: 1 });
    assert.deepEqual(countPersons(cases, 2021), { persons: 1, newPersons: 0, continuingPersons: 1 });
    assert.deepEqual(countPersons(cases, 2019), { persons: 0, newPersons: 0, continuingPersons: 0 });
  });

  test("visits are 訪問 and 受診同行; conferences are ケース会議", () => {
    assert.ok(isVisit("home_visit") && isVisit("accompany_clinic"));
    assert.ok(!isVisit("family_interview") && !isVisit("phone_mail") && !isVisit("case_conference"));
    assert.ok(isConference("case_conference") && !isConference("liaison"));
  });
});

test("copying a contact carries professions and place only for contacts made together", () => {
  for (const type of ["home_visit", "accompany_clinic", "family_interview", "case_conference"] as const) assert.deepEqual(copiedContactFields(type), { professions: true, place: true }, type);
  for (const type of ["phone_mail", "liaison"] as const) assert.deepEqual(copiedContactFields(type), { professions: false, place: false }, type);
});
