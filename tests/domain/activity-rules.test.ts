import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  countsFrom,
  coverage,
  daysInYearMonth,
  emptyCounts,
  hostelMonthIssues,
  hostelTotals,
  monthsOfFiscalYear,
  nightSharePercent,
  normalizeCount,
  occupancyPercent,
  percent,
  phoneMonthIssues,
  phoneTotals,
  sumCounts,
  typedCount,
  type PhoneMonthFigures,
} from "@/lib/domain/activity-rules";

const phone = (overrides: Partial<PhoneMonthFigures> = {}): PhoneMonthFigures => ({
  callsTotal: 100,
  uniqueCallers: 30,
  bandDay: 50,
  bandNight: 30,
  bandLateNight: 20,
  callerSelf: 70,
  callerFamily: 20,
  callerAgency: 10,
  topicSymptoms: 20,
  topicMedication: 10,
  topicDailyLife: 20,
  topicRelationships: 10,
  topicAnxiety: 30,
  topicSystems: 5,
  topicOther: 15,
  responseAdvice: 90,
  responseReferral: 8,
  responseEmergency: 2,
  ...overrides,
});

describe("fiscal-year months", () => {
  test("April to March, crossing the calendar year", () => {
    assert.deepEqual(monthsOfFiscalYear(2021), ["2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03"]);
    assert.equal(daysInYearMonth("2024-02"), 29);
    assert.equal(daysInYearMonth("2023-02"), 28);
    assert.equal(daysInYearMonth("2021-04"), 30);
  });
});

describe("counts and ratios", () => {
  test("countsFrom fills every key, adds repeated keys and ignores unknown ones", () => {
    assert.deepEqual(countsFrom(["a", "b", "c"] as const, [{ key: "a", n: 2 }, { key: "a", n: 3 }, { key: "x", n: 9 }, { key: null, n: 1 }]), { a: 5, b: 0, c: 0 });
    assert.deepEqual(emptyCounts(["a", "b"] as const), { a: 0, b: 0 });
    assert.equal(sumCounts({ a: 2, b: 5 }), 7);
  });

  test("a percentage has one decimal and is null without a denominator", () => {
    assert.equal(percent(23, 27), 85.2);
    assert.equal(percent(1, 3), 33.3);
    assert.equal(percent(0, 0), null);
    assert.deepEqual(coverage(8, 8), { covered: 8, total: 8, percent: 100 });
  });
});

describe("phone-line report arithmetic", () => {
  test("a consistent month has no issue", () => {
    assert.deepEqual(phoneMonthIssues(phone()), []);
  });

  test("bands, callers and responses must add up to the total; topics at least to it", () => {
    assert.deepEqual(phoneMonthIssues(phone({ bandDay: 51 })), ["bandsMismatch"]);
    assert.deepEqual(phoneMonthIssues(phone({ callerAgency: 9 })), ["callersMismatch"]);
    assert.deepEqual(phoneMonthIssues(phone({ responseEmergency: 0 })), ["responsesMismatch"]);
    // Several topics per call are fine; fewer topics than calls is not.
    assert.deepEqual(phoneMonthIssues(phone({ topicOther: 40 })), []);
    assert.deepEqual(phoneMonthIssues(phone({ topicOther: 0, topicSystems: 0 })), ["topicsBelowTotal"]);
    assert.deepEqual(phoneMonthIssues(phone({ uniqueCallers: 101 })), ["uniqueAboveTotal"]);
    assert.deepEqual(phoneMonthIssues(phone({ uniqueCallers: null })), []);
  });

  test("year totals add the months; unique callers are kept apart as a sum of monthly counts", () => {
    const t = phoneTotals([phone(), phone({ callsTotal: 50, bandDay: 10, bandNight: 25, bandLateNight: 15, uniqueCallers: 20 })]);
    assert.equal(t.callsTotal, 150);
    assert.equal(t.bandNight, 55);
    assert.equal(t.uniqueCallers, null);
    assert.equal(t.uniqueCallersSum, 50);
    assert.equal(t.months, 2);
    // (55 + 35) / 150 = 60 %.
    assert.equal(nightSharePercent(t), 60);
    assert.equal(nightSharePercent({ callsTotal: 0, bandNight: 0, bandLateNight: 0 }), null);
  });
});

describe("hostel report arithmetic", () => {
  const month = { rooms: 2, uniqueUsers: 3, stays: 5, nightsRest: 10, nightsRefuge: 4, nightsTrialStay: 2, newRegistrations: 1, consultations: 6 };

  test("users ≤ stays, stays need users, nights within rooms × days", () => {
    assert.deepEqual(hostelMonthIssues("2021-04", month), []);
    assert.deepEqual(hostelMonthIssues("2021-04", { ...month, uniqueUsers: 6 }), ["uniqueAboveStays"]);
    assert.deepEqual(hostelMonthIssues("2021-04", { ...month, uniqueUsers: 0 }), ["staysWithoutUsers"]);
    // April has 30 days: 2 rooms give 60 nights at most.
    assert.deepEqual(hostelMonthIssues("2021-04", { ...month, nightsRest: 60 }), ["nightsAboveCapacity"]);
    assert.deepEqual(hostelMonthIssues("2021-05", { ...month, nightsRest: 56 }), []);
  });

  test("occupancy is nights over the rooms' nights of the months reported", () => {
    const t = hostelTotals([
      { ...month, month: "2021-04" },
      { ...month, month: "2021-05", rooms: 1, nightsRest: 15, nightsRefuge: 0, nightsTrialStay: 0 },
    ]);
    assert.equal(t.nights, 31);
    assert.equal(t.roomNights, 2 * 30 + 1 * 31);
    assert.equal(occupancyPercent(t), 34.1);
    assert.equal(t.stays, 10);
  });
});

describe("typed counts", () => {
  test("read as the schemas read them: full-width digits and commas folded, anything else is no count", () => {
    assert.equal(normalizeCount(" １,２００ "), "1200");
    assert.equal(typedCount("３"), 3);
    assert.equal(typedCount("1,234"), 1234);
    assert.equal(typedCount(" 0 "), 0);
    assert.equal(typedCount(""), null);
    assert.equal(typedCount("三"), null);
    assert.equal(typedCount("-1"), null);
    assert.equal(typedCount("1.5"), null);
  });
});
