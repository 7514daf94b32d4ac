import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { PHASES, type Phase } from "@/lib/domain/case-codes";
import { allowedTransitions, canTransition } from "@/lib/domain/case-phase";
import { followUpDueDates, lengthOfStay, stayClass, storedAdmissionDate } from "@/lib/domain/case-metrics";
import { formatCaseNumber, CASE_NUMBER_PATTERN } from "@/lib/domain/case-number";
import { addDays, addMonths, daysBetween } from "@/lib/domain/date-math";
import { normalizeKana } from "@/lib/domain/kana";

describe("case lifecycle", () => {
  test("the forward path 対象者把握 → … → 終結 is allowed step by step", () => {
    const path: Phase[] = ["identified", "assessment", "engagement", "preparation", "discharged", "settling", "closed"];
    for (let i = 0; i < path.length - 1; i++) assert.ok(canTransition(path[i]!, path[i + 1]!, null), `${path[i]} → ${path[i + 1]}`);
  });

  test("skipping phases is refused", () => {
    assert.equal(canTransition("identified", "preparation", null), false);
    assert.equal(canTransition("assessment", "discharged", null), false);
    assert.equal(canTransition("engagement", "settling", null), false);
  });

  test("中断 is reachable from every open phase, and 終結 is final", () => {
    for (const p of PHASES.filter((p) => p !== "closed" && p !== "suspended")) assert.ok(canTransition(p, "suspended", null), p);
    assert.deepEqual(allowedTransitions("closed", null), []);
  });

  test("from 中断 the way back is the interrupted phase (or closure), nothing else", () => {
    assert.deepEqual(allowedTransitions("suspended", "engagement"), ["engagement", "closed"]);
    assert.equal(canTransition("suspended", "preparation", "engagement"), false);
    assert.deepEqual(allowedTransitions("suspended", null), ["closed"]);
  });

  test("after discharge there is no way back to pre-discharge phases", () => {
    for (const back of ["identified", "assessment", "engagement", "preparation"] as const) {
      assert.equal(canTransition("discharged", back, null), false);
      assert.equal(canTransition("settling", back, null), false);
    }
  });

  test("the table is complete: every phase answers", () => {
    for (const p of PHASES) assert.ok(Array.isArray(allowedTransitions(p, "assessment")));
  });
});

describe("date arithmetic", () => {
  test("month ends clamp instead of spilling over", () => {
    assert.equal(addMonths("2024-01-31", 1), "2024-02-29"); // leap year
    assert.equal(addMonths("2023-01-31", 1), "2023-02-28");
    assert.equal(addMonths("2023-08-31", 1), "2023-09-30");
    assert.equal(addMonths("2023-03-31", 3), "2023-06-30");
    assert.equal(addMonths("2023-11-30", 3), "2024-02-29");
    assert.equal(addMonths("2024-02-29", 12), "2025-02-28");
    assert.equal(addMonths("2023-12-15", 1), "2024-01-15");
  });
  test("days between and adding days across leap days and years", () => {
    assert.equal(daysBetween("2024-02-28", "2024-03-01"), 2);
    assert.equal(daysBetween("2023-02-28", "2023-03-01"), 1);
    assert.equal(daysBetween("2020-04-01", "2021-04-01"), 365);
    assert.equal(daysBetween("2019-04-01", "2020-04-01"), 366);
    assert.equal(addDays("2024-12-31", 1), "2025-01-01");
    assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  });
});

describe("case metrics", () => {
  test("follow-ups fall due 1, 3, 6 and 12 months after discharge", () => {
    assert.deepEqual(followUpDueDates("2024-01-31"), [
      { offsetMonths: 1, dueDate: "2024-02-29" },
      { offsetMonths: 3, dueDate: "2024-04-30" },
      { offsetMonths: 6, dueDate: "2024-07-31" },
      { offsetMonths: 12, dueDate: "2025-01-31" },
    ]);
  });
  test("length of stay is computed and flagged approximate when only month or year is known", () => {
    assert.deepEqual(lengthOfStay("2020-04-01", "day", "2021-04-01"), { days: 365, approximate: false });
    assert.deepEqual(lengthOfStay("2020-04-01", "month", "2020-04-11"), { days: 10, approximate: true });
    assert.equal(stayClass(89), "lt3m");
    assert.equal(stayClass(90), "3to12m");
    assert.equal(stayClass(365), "ge1y");
  });
  test("an admission known only to the month or year is stored as its first day", () => {
    assert.equal(storedAdmissionDate("2018-04-17", "month"), "2018-04-01");
    assert.equal(storedAdmissionDate("2018-04-17", "year"), "2018-01-01");
    assert.equal(storedAdmissionDate("2018-04-17", "day"), "2018-04-17");
  });
  test("case numbers", () => {
    assert.equal(formatCaseNumber("33", "BZ", 2024, 12), "33-BZ-2024-0012");
    assert.match(formatCaseNumber("35", "UB", 2019, 1), CASE_NUMBER_PATTERN);
  });
});

describe("kana normalisation", () => {
  test("hiragana, katakana, half-width and spaces meet", () => {
    const expected = "ヤマダタロウ";
    for (const input of ["やまだ たろう", "ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだタロウ", " ヤマダ・タロウ "]) assert.equal(normalizeKana(input), expected, input);
  });
  test("long vowel marks and voiced marks survive", () => {
    assert.equal(normalizeKana("ゆーじ"), "ユージ");
    assert.equal(normalizeKana("ｶﾞｯｺｳ"), "ガッコウ");
  });
});
