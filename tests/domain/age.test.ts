import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ageOn } from "@/lib/domain/age";

describe("ageOn", () => {
  test("a full date of birth counts the birthday itself", () => {
    assert.equal(ageOn("1968-07-15", "2026-07-14"), 57);
    assert.equal(ageOn("1968-07-15", "2026-07-15"), 58);
    assert.equal(ageOn("2000-02-29", "2025-02-28"), 24);
    assert.equal(ageOn("2000-02-29", "2025-03-01"), 25);
  });

  test("a birth month alone counts from the month's first day", () => {
    assert.equal(ageOn("1968-07", "2026-06-30"), 57);
    assert.equal(ageOn("1968-07", "2026-07-01"), 58);
    assert.equal(ageOn("1968-12", "2026-12-06"), 58);
  });

  test("a birth after the day, or an unreadable value, has no age", () => {
    assert.equal(ageOn("2027-01", "2026-12-06"), null);
    assert.equal(ageOn("1968", "2026-12-06"), null);
    assert.equal(ageOn("1968-07", "2026/12/06"), null);
    assert.equal(ageOn("2026-12-06", "2026-12-06"), 0);
  });
});
