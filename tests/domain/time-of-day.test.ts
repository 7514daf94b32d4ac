import { test } from "node:test";
import assert from "node:assert/strict";
import { minutesOfDay, parseTimeOfDay } from "@/lib/domain/time-of-day";

test("a time of day is read however it is typed", () => {
  const cases: [string, string][] = [
    ["13:00", "13:00"],
    ["１３：００", "13:00"],
    ["9:05", "09:05"],
    ["13.30", "13:30"],
    ["1300", "13:00"],
    ["930", "09:30"],
    ["13時", "13:00"],
    ["13時30分", "13:30"],
    ["１３時半", "13:30"],
    ["午後1時", "13:00"],
    ["午前9時15分", "09:15"],
    [" 13 : 00 ", "13:00"],
  ];
  for (const [typed, time] of cases) assert.equal(parseTimeOfDay(typed), time, typed);
});

test("what is not a time is null, never NaN", () => {
  for (const typed of ["abc", "25:00", "13:60", "2400", "13", "1:2", "午後13時", "", "13時間"]) assert.equal(parseTimeOfDay(typed), null, typed);
  assert.equal(minutesOfDay("13:30"), 810);
});
