import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, dayNumber, daysBetween } from "@/lib/domain/date-math";
import { formatDate } from "@/lib/domain/format";
import { normalizeKana, toFullWidthKana } from "@/lib/domain/kana";
import { nameKey } from "@/lib/domain/name-key";
import { normalizePhone } from "@/lib/domain/phone";
import { EventUpdateSchema } from "@/lib/validation/activities";
import { formValues } from "@/lib/validation/form";
import { personName } from "@/lib/validation/person-fields";
import { StatisticCreateSchema, StatisticUpdateSchema } from "@/lib/validation/statistics";

/*
 * The counterexamples the property-based tests of this folder found (issue 13), kept as plain
 * examples so that each bug stays fixed whatever seed a later run draws.
 */

test("years 0–99 are those years, not 1900–1999 (Date.UTC's two-digit rule)", () => {
  assert.equal(addDays("0002-01-01", -1), "0001-12-31");
  assert.equal(daysBetween("0021-06-30", "1921-06-30"), dayNumber("1921-06-30") - dayNumber("0021-06-30"));
  assert.ok(daysBetween("0021-06-30", "1921-06-30") > 365 * 1899);
  assert.equal(formatDate("0021-06-30", "en"), "30 Jun 21");
});

test("a name reading's search key is the same however often it is taken", () => {
  // ゐ + a half-width ﾞ: NFKC keeps ゐ\u3099 (no such letter), katakana ヰ\u3099 is ヸ.
  assert.equal(normalizeKana("ゐﾞ"), "ヸ");
  assert.equal(normalizeKana(normalizeKana("ゐﾞ")), "ヸ");
  // The spacing mark ゛ is " \u3099" under NFKC; once the space goes, the mark combines.
  assert.equal(nameKey("ｶ゛"), "ガ");
  assert.equal(nameKey(nameKey("ｶ゛")), "ガ");
});

test("a half-width voicing mark after a full-width kana combines with it", () => {
  assert.equal(toFullWidthKana("カﾞ"), "ガ");
  assert.equal(toFullWidthKana("やまだ ﾀﾛｳ"), "やまだ タロウ");
  assert.equal(toFullWidthKana("ﾀﾞﾝ"), "ダン");
});

test("+81 followed by the domestic 0 is that 0; a number from 00 is none", () => {
  assert.equal(normalizePhone("+81 086-123-4567"), "086-123-4567");
  assert.equal(normalizePhone("+81 90-1234-5678"), "090-1234-5678");
  assert.equal(normalizePhone("+81 (0)86-123-4567"), "086-123-4567");
  // Was stored as "00861234567", which the next save read as +81 8612… and refused.
  assert.equal(normalizePhone("+81 0861234567"), "0861234567");
  assert.equal(normalizePhone("0012345678"), null);
});

test("a statistic value sent twice (a list) is refused with a message, not a TypeError (a 500)", () => {
  for (const schema of [StatisticCreateSchema, StatisticUpdateSchema]) {
    const r = schema.safeParse({ id: "s1", version: "1", topic: "population", method: "manual", sourceLabel: "統計", population: ["100", "200"] });
    assert.equal(r.success, false);
    assert.ok(r.error?.issues.some((i) => i.path[0] === "population"));
  }
});

test("a form field named __proto__ is a field, not the values' prototype", () => {
  const data = new FormData();
  data.append("__proto__", "a");
  data.append("__proto__", "b");
  data.append("note", "x");
  const values = formValues(data);
  assert.equal(Object.getPrototypeOf(values), Object.prototype);
  assert.deepEqual(Object.keys(values), ["__proto__", "note"]);
  assert.deepEqual(Object.getOwnPropertyDescriptor(values, "__proto__")?.value, ["a", "b"]);
});

test("an event kind named like an Object.prototype member is refused with a message, not a TypeError (a 500)", () => {
  for (const kind of ["valueOf", "constructor", "toString", "__proto__"]) {
    const r = EventUpdateSchema.safeParse({ kind, subtype: "seminar" });
    assert.equal(r.success, false);
    assert.ok(r.error?.issues.some((i) => i.path[0] === "kind"), kind);
  }
});

test("invisible characters pasted with a name: not part of its search key, and no name on their own", () => {
  assert.equal(nameKey("山田\u200b太郎"), nameKey("山田太郎"));
  assert.equal(nameKey("\u00ad髙橋"), "高橋");
  assert.deepEqual(personName.safeParse("\u200b").error?.issues.map((i) => i.message), ["validation.person.nameRequired"]);
  assert.equal(personName.parse("山田"), "山田");
});
