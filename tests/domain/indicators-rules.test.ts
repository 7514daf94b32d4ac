import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { addDays, daysBetween } from "@/lib/domain/date-math";
import {
  cohortMatured,
  cohortMaturesOn,
  communityDays,
  dischargedWithinMonths,
  followUpOnTime,
  longStay,
  mean,
  median,
  readmittedOverMonth,
} from "@/lib/domain/indicators/case-outcomes";
import { achievement } from "@/lib/domain/indicators/status";
import { isSmallCount, SMALL_CELL_LIMIT, suppressedCells, suppressedHierarchy, type RegionCells } from "@/lib/domain/indicators/suppression";
import type { IndicatorTarget } from "@/lib/domain/indicators/types";

/*
 * The indicator engine's pure rules (lib/domain/indicators): achievement status against a
 * target, small-cell suppression with its complement, and the case-outcome arithmetic at the
 * edges where an off-by-one changes a published figure (31 March / 1 April, month ends, the
 * 30th and 31st day, the 364th and 365th day).
 */

function target(o: Partial<IndicatorTarget> & Pick<IndicatorTarget, "comparator">): IndicatorTarget {
  return {
    id: "t1",
    fiscalYear: 2021,
    value: null,
    text: null,
    baselineValue: null,
    baselineFiscalYear: null,
    source: null,
    planPeriodLabel: null,
    ...o,
  };
}

describe("achievement(): status against a target", () => {
  test("no target, a qualitative target, and a figure that cannot be computed", () => {
    assert.deepEqual(achievement(3, null, 2021), { status: "no_target", progressPercent: null });
    assert.deepEqual(achievement(3, target({ comparator: "qualitative", text: "全保健所で派遣できる体制" }), 2021), { status: "qualitative", progressPercent: null });
    // A qualitative target stays qualitative even when the figure is missing.
    assert.deepEqual(achievement(null, target({ comparator: "qualitative" }), 2021), { status: "qualitative", progressPercent: null });
    assert.deepEqual(achievement(null, target({ comparator: "gte", value: 1 }), 2021), { status: "not_computable", progressPercent: null });
  });

  test("以上 (gte): met at the target itself, progress is actual ÷ target", () => {
    assert.deepEqual(achievement(5, target({ comparator: "gte", value: 5 }), 2021), { status: "achieved", progressPercent: 100 });
    assert.deepEqual(achievement(3, target({ comparator: "gte", value: 5 }), 2021), { status: "not_achieved", progressPercent: 60 });
    assert.deepEqual(achievement(0, target({ comparator: "gte", value: 5 }), 2021), { status: "not_achieved", progressPercent: 0 });
    // One decimal: 1 of 3 is 33.3 %.
    assert.deepEqual(achievement(1, target({ comparator: "gte", value: 3 }), 2021), { status: "not_achieved", progressPercent: 33.3 });
  });

  test("progress is clamped to 0–150 %", () => {
    assert.equal(achievement(10, target({ comparator: "gte", value: 5 }), 2021).progressPercent, 150);
    assert.equal(achievement(7, target({ comparator: "gte", value: 5 }), 2021).progressPercent, 140);
    // 以下 with a baseline: moving away from the target is 0 %, overshooting it is 150 %.
    const lte = target({ comparator: "lte", value: 819, baselineValue: 1000 });
    assert.equal(achievement(1100, lte, 2021).progressPercent, 0);
    assert.equal(achievement(500, lte, 2021).progressPercent, 150);
  });

  test("以下 (lte): met at or under the target; progress is the share of the way from the baseline", () => {
    const lte = target({ comparator: "lte", value: 819, baselineValue: 1000 });
    assert.deepEqual(achievement(819, lte, 2021), { status: "achieved", progressPercent: 100 });
    // (1000 − 900) ÷ (1000 − 819) = 55.2 %.
    assert.deepEqual(achievement(900, lte, 2021), { status: "not_achieved", progressPercent: 55.2 });
    // Without a baseline there is no way to measure progress.
    assert.deepEqual(achievement(900, target({ comparator: "lte", value: 819 }), 2021), { status: "not_achieved", progressPercent: null });
    assert.deepEqual(achievement(800, target({ comparator: "lte", value: 819 }), 2021), { status: "achieved", progressPercent: null });
  });

  test("と同じ (eq): only the exact value", () => {
    assert.deepEqual(achievement(8, target({ comparator: "eq", value: 8 }), 2021), { status: "achieved", progressPercent: null });
    assert.deepEqual(achievement(7, target({ comparator: "eq", value: 8 }), 2021), { status: "not_achieved", progressPercent: null });
    assert.deepEqual(achievement(9, target({ comparator: "eq", value: 8 }), 2021), { status: "not_achieved", progressPercent: null });
  });

  test("増加 / 減少 compare with the baseline, strictly; without a baseline they are never met", () => {
    assert.equal(achievement(11, target({ comparator: "increase", baselineValue: 10 }), 2021).status, "achieved");
    assert.equal(achievement(10, target({ comparator: "increase", baselineValue: 10 }), 2021).status, "not_achieved");
    assert.equal(achievement(11, target({ comparator: "increase" }), 2021).status, "not_achieved");
    assert.equal(achievement(9, target({ comparator: "decrease", baselineValue: 10 }), 2021).status, "achieved");
    assert.equal(achievement(10, target({ comparator: "decrease", baselineValue: 10 }), 2021).status, "not_achieved");
    assert.equal(achievement(9, target({ comparator: "decrease" }), 2021).status, "not_achieved");
  });

  test("a target for a later year (R5年度末 read in R3) not yet met is in progress, not failed", () => {
    const r5 = target({ comparator: "lte", fiscalYear: 2023, value: 2855, baselineValue: 3200 });
    assert.deepEqual(achievement(3000, r5, 2021), { status: "in_progress", progressPercent: 58 });
    assert.equal(achievement(3000, r5, 2023).status, "not_achieved");
    assert.equal(achievement(3000, r5, 2024).status, "not_achieved");
    // Met early is achieved.
    assert.equal(achievement(2800, r5, 2021).status, "achieved");
    assert.equal(achievement(1, target({ comparator: "gte", fiscalYear: 2022, value: 2 }), 2021).status, "in_progress");
    assert.equal(achievement(9, target({ comparator: "increase", fiscalYear: 2022, baselineValue: 10 }), 2021).status, "in_progress");
  });
});

describe("suppressedCells(): small cells and their complement", () => {
  const cells = (values: Record<string, number | null>) => Object.entries(values).map(([key, value]) => ({ key, value }));
  const hidden = (values: Record<string, number | null>) => [...suppressedCells(cells(values))].sort();

  test("1 to 4 is small; 0, 5 and null are not", () => {
    assert.equal(SMALL_CELL_LIMIT, 5);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(isSmallCount), [false, true, true, true, true, false, false]);
    assert.equal(isSmallCount(null), false);
    assert.equal(isSmallCount(undefined), false);
  });

  test("every cell from 1 to 4 is a primary cell; zero never is", () => {
    assert.deepEqual(hidden({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 0, g: 12 }), ["a", "b", "c", "d"]);
    assert.deepEqual(hidden({ a: 0, b: 0, c: 7 }), []);
  });

  test("one primary cell takes one complement: the smallest non-zero cell, not a zero", () => {
    assert.deepEqual(hidden({ a: 2, b: 0, c: 9, d: 6, e: 30 }), ["a", "d"]);
    // The complement is one cell only, even when others are as small.
    const h = suppressedCells(cells({ a: 2, b: 6, c: 6 }));
    assert.equal(h.size, 2);
    assert.ok(h.has("a"));
  });

  test("one primary cell with only zeros beside it takes a zero as its complement", () => {
    const h = suppressedCells(cells({ a: 3, b: 0, c: 0, d: null }));
    assert.equal(h.size, 2);
    assert.ok(h.has("a"));
    assert.ok(h.has("b") || h.has("c"), "the complement is one of the zero cells, never the null one");
  });

  test("two primary cells protect each other: no complement is added", () => {
    assert.deepEqual(hidden({ a: 1, b: 3, c: 10, d: 0 }), ["a", "b"]);
  });

  test("an empty set, and a set with nothing small", () => {
    assert.equal(suppressedCells([]).size, 0);
    assert.equal(suppressedCells(cells({ a: 5, b: 100 })).size, 0);
  });

  test("the complement never repeats the primary and works with any key type", () => {
    const h = suppressedCells([
      { key: 10, value: 4 },
      { key: 20, value: 8 },
    ]);
    assert.deepEqual([...h].sort((x, y) => x - y), [10, 20]);
  });
});

describe("case outcomes: right-censored cohorts (C5, C7, C8)", () => {
  test("a cohort matures N months or days after the fiscal year's last day", () => {
    assert.equal(cohortMaturesOn(2021, { months: 3 }), "2022-06-30");
    assert.equal(cohortMaturesOn(2021, { months: 6 }), "2022-09-30");
    assert.equal(cohortMaturesOn(2021, { months: 12 }), "2023-03-31");
    assert.equal(cohortMaturesOn(2021, { days: 90 }), "2022-06-29");
    assert.equal(cohortMaturesOn(2021, { days: 365 }), "2023-03-31");
    // 29 February inside the window: FY2022 ends 2023-03-31, 365 days later is 2024-03-30.
    assert.equal(cohortMaturesOn(2022, { days: 365 }), "2024-03-30");
    assert.equal(cohortMaturesOn(2022, { months: 12 }), "2024-03-31");
  });

  test("matured on the boundary day itself, not the day before", () => {
    assert.equal(cohortMatured(2021, { months: 12 }, "2023-03-30"), false);
    assert.equal(cohortMatured(2021, { months: 12 }, "2023-03-31"), true);
    assert.equal(cohortMatured(2021, { months: 3 }, "2022-06-29"), false);
    assert.equal(cohortMatured(2021, { months: 3 }, "2022-06-30"), true);
    assert.equal(cohortMatured(2021, { days: 90 }, "2022-06-28"), false);
    assert.equal(cohortMatured(2021, { days: 90 }, "2022-06-29"), true);
  });
});

describe("case outcomes: C5 discharged within N months", () => {
  test("month ends: 31 January + 1 month is the last day of February", () => {
    assert.equal(dischargedWithinMonths("2023-01-31", "2023-02-28", 1), true);
    assert.equal(dischargedWithinMonths("2023-01-31", "2023-03-01", 1), false);
    assert.equal(dischargedWithinMonths("2024-01-31", "2024-02-29", 1), true);
    assert.equal(dischargedWithinMonths("2024-01-31", "2024-03-01", 1), false);
  });

  test("the day N months later counts, the next does not; no discharge is no", () => {
    assert.equal(dischargedWithinMonths("2021-05-15", "2021-08-15", 3), true);
    assert.equal(dischargedWithinMonths("2021-05-15", "2021-08-16", 3), false);
    assert.equal(dischargedWithinMonths("2021-05-15", "2021-05-15", 3), true);
    assert.equal(dischargedWithinMonths("2021-05-15", null, 12), false);
  });
});

describe("case outcomes: C7 community days in the year after discharge", () => {
  const d = "2021-06-10";
  const day = (n: number) => addDays(d, n);

  test("no readmission: all 365 days; the index stay itself is not a readmission", () => {
    assert.equal(communityDays(d, []), 365);
    assert.equal(communityDays(d, [{ admissionDate: "2019-01-05", dischargeDate: d }]), 365);
    // A stay beginning on the discharge day (a transfer) is not a readmission either.
    assert.equal(communityDays(d, [{ admissionDate: d, dischargeDate: day(5) }]), 365);
  });

  test("the day of readmission and the day of discharge both count as in hospital", () => {
    assert.equal(communityDays(d, [{ admissionDate: day(1), dischargeDate: day(1) }]), 364);
    assert.equal(communityDays(d, [{ admissionDate: day(10), dischargeDate: day(19) }]), 355);
  });

  test("overlapping readmissions are counted once", () => {
    const stays = [
      { admissionDate: day(10), dischargeDate: day(19) },
      { admissionDate: day(15), dischargeDate: day(24) },
    ];
    assert.equal(communityDays(d, stays), 365 - 15);
    // Two separate stays add up.
    assert.equal(communityDays(d, [{ admissionDate: day(10), dischargeDate: day(19) }, { admissionDate: day(100), dischargeDate: day(109) }]), 345);
  });

  test("a readmission still going on counts to the end of the window; so does one that ends after it", () => {
    assert.equal(communityDays(d, [{ admissionDate: day(300), dischargeDate: null }]), 365 - 66);
    assert.equal(communityDays(d, [{ admissionDate: day(360), dischargeDate: day(400) }]), 365 - 6);
    assert.equal(communityDays(d, [{ admissionDate: day(365), dischargeDate: null }]), 364);
    // After the window: not counted.
    assert.equal(communityDays(d, [{ admissionDate: day(366), dischargeDate: null }]), 365);
  });
});

describe("case outcomes: C8 readmitted for more than a month", () => {
  const d = "2021-06-10";
  const day = (n: number) => addDays(d, n);

  test("a stay of exactly 30 days is not over a month; 31 days is", () => {
    assert.equal(daysBetween(day(5), addDays(day(5), 30)), 30);
    assert.equal(readmittedOverMonth(d, [{ admissionDate: day(5), dischargeDate: addDays(day(5), 30) }], 90, "2030-01-01"), false);
    assert.equal(readmittedOverMonth(d, [{ admissionDate: day(5), dischargeDate: addDays(day(5), 31) }], 90, "2030-01-01"), true);
  });

  test("an ongoing stay counts once it has lasted more than 30 days by today", () => {
    const stay = [{ admissionDate: day(20), dischargeDate: null }];
    assert.equal(readmittedOverMonth(d, stay, 90, addDays(day(20), 30)), false);
    assert.equal(readmittedOverMonth(d, stay, 90, addDays(day(20), 31)), true);
  });

  test("the stay must begin within (discharge, discharge + T]", () => {
    const long = (start: number) => [{ admissionDate: day(start), dischargeDate: day(start + 60) }];
    assert.equal(readmittedOverMonth(d, long(90), 90, "2030-01-01"), true);
    assert.equal(readmittedOverMonth(d, long(91), 90, "2030-01-01"), false);
    assert.equal(readmittedOverMonth(d, long(91), 180, "2030-01-01"), true);
    assert.equal(readmittedOverMonth(d, long(0), 90, "2030-01-01"), false);
    assert.equal(readmittedOverMonth(d, [], 365, "2030-01-01"), false);
  });

  test("several short stays do not add up to a long one", () => {
    const stays = [
      { admissionDate: day(10), dischargeDate: day(30) },
      { admissionDate: day(31), dischargeDate: day(51) },
    ];
    assert.equal(readmittedOverMonth(d, stays, 90, "2030-01-01"), false);
  });
});

describe("case outcomes: median, mean, follow-up on time, long stay", () => {
  test("median of an odd, an even and an empty list; the input is not reordered", () => {
    const values = [30, 10, 20];
    assert.equal(median(values), 20);
    assert.deepEqual(values, [30, 10, 20]);
    assert.equal(median([40, 10, 30, 20]), 25);
    assert.equal(median([7]), 7);
    assert.equal(median([1, 2]), 1.5);
    assert.equal(median([]), null);
  });

  test("mean with one decimal; empty is null", () => {
    assert.equal(mean([1, 2, 2]), 1.7);
    assert.equal(mean([365, 334]), 349.5);
    assert.equal(mean([]), null);
  });

  test("a follow-up is on time up to 30 days after it fell due", () => {
    assert.equal(followUpOnTime("2022-01-31", "2022-01-10"), true);
    assert.equal(followUpOnTime("2022-01-31", "2022-03-02"), true); // due + 30
    assert.equal(followUpOnTime("2022-01-31", "2022-03-03"), false); // due + 31
    assert.equal(followUpOnTime("2022-01-31", null), false);
  });

  test("a long stay is 365 days or more from admission to discharge", () => {
    assert.equal(longStay("2021-04-01", addDays("2021-04-01", 364)), false);
    assert.equal(longStay("2021-04-01", addDays("2021-04-01", 365)), true);
    // Across 29 February the year has 366 days: 365 days is reached a day before the anniversary.
    assert.equal(longStay("2023-04-01", "2024-03-31"), true);
    assert.equal(longStay("2023-04-01", "2024-03-30"), false);
  });
});

describe("suppressedHierarchy: regions and their offices shown together", () => {
  type Cells = RegionCells<string>[];
  const region = (key: string, offices: [string, number][]): Cells[number] => ({ key, value: offices.reduce((s, [, v]) => s + v, 0), offices: offices.map(([k, v]) => ({ key: k, value: v })) });

  /** The rules that make a hidden cell underivable from the sums shown. */
  function assertSafe(regions: Cells, hidden: Set<string>) {
    const hiddenRegions = regions.filter((r) => hidden.has(r.key));
    // (A prefecture of one region publishes that region's figure as its own total.)
    if (regions.length > 1) assert.notEqual(hiddenRegions.length, 1, "never one hidden region alone under a shown total");
    for (const r of regions) {
      const hiddenOffices = r.offices.filter((o) => hidden.has(o.key)).length;
      if (r.offices.length === 1) assert.equal(hidden.has(r.key), hidden.has(r.offices[0]!.key), `${r.key} and its only office go together`);
      else if (hidden.has(r.key)) assert.ok(hiddenOffices >= 2, `${r.key} hidden keeps two of its offices hidden`);
      else assert.notEqual(hiddenOffices, 1, `${r.key} shown: never one hidden office alone`);
    }
    for (const r of regions) for (const o of [r, ...r.offices]) if (o.value !== null && o.value >= 1 && o.value <= 4) assert.ok(hidden.has(o.key), `${o.key} (${o.value}) is small`);
  }

  test("the case the tables leaked: a small office whose region is shown, a region hidden as a complement", () => {
    // C2 FY2019 as the demo had it: 倉敷市 2 inside 倉敷・井笠 10 with 備中 8; 備前圏域 4 …
    const regions: Cells = [
      region("r:bizen", [["o:bizen", 3], ["o:okayama-city", 1]]),
      region("r:kurashiki", [["o:bitchu", 8], ["o:kurashiki-city", 2]]),
      region("r:takahashi", [["o:bihoku", 5]]),
      region("r:maniwa", [["o:maniwa", 6]]),
      region("r:tsuyama", [["o:mimasaka", 9], ["o:shoei", 7]]),
    ];
    const hidden = suppressedHierarchy(regions);
    assertSafe(regions, hidden);
    assert.ok(hidden.has("o:kurashiki-city") && hidden.has("o:bitchu"), "倉敷市 and its complement in the region");
    assert.ok(hidden.has("r:bizen"));
  });

  test("random sets are always safe", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const regions: Cells = Array.from({ length: 1 + rand(6) }, (_, r) =>
        region(
          `r${r}`,
          Array.from({ length: 1 + rand(4) }, (_, o) => [`o${r}.${o}`, rand(3) === 0 ? rand(5) : rand(20)] as [string, number]),
        ),
      );
      assertSafe(regions, suppressedHierarchy(regions));
    }
  });

  test("nothing small, nothing hidden", () => {
    const regions: Cells = [region("a", [["a1", 10], ["a2", 0]]), region("b", [["b1", 7]])];
    assert.equal(suppressedHierarchy(regions).size, 0);
  });
});
