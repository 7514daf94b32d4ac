import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { normalizeKana, toFullWidthKana } from "@/lib/domain/kana";
import { nameKey, NAME_VARIANTS } from "@/lib/domain/name-key";
import { normalizePhone, phoneDigits } from "@/lib/domain/phone";
import { kana, personName, phone } from "@/lib/validation/person-fields";

/* The awkward inputs of a person's fields (ADR 0028): half-width kana, phones as people type them, kanji variants. */

describe("half-width kana are stored full-width", () => {
  test("ｶﾀｶﾅ with voiced marks and the middle dot; hiragana, spaces and other text untouched", () => {
    assert.equal(toFullWidthKana("ｶﾀｶﾅ"), "カタカナ");
    assert.equal(toFullWidthKana("ﾔﾏﾀﾞ ﾀﾛｳ"), "ヤマダ タロウ");
    assert.equal(toFullWidthKana("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ･ｳﾞ"), "パピプペポ・ヴ");
    assert.equal(toFullWidthKana("やまだ　はなこ"), "やまだ　はなこ");
    assert.equal(toFullWidthKana("山田ｶﾞ"), "山田ガ");
  });

  test("the kana and name fields store them so; the search key still treats every form alike", () => {
    assert.equal(kana.parse(" ｶﾀｶﾅ "), "カタカナ");
    assert.equal(kana.parse("かたかな"), "かたかな");
    assert.equal(personName.parse("ﾀﾛｳ"), "タロウ");
    assert.equal(normalizeKana("ｶﾀｶﾅ"), normalizeKana(kana.parse("ｶﾀｶﾅ")));
    assert.equal(kana.safeParse("Katakana").error?.issues[0]?.message, "validation.person.kanaFormat");
  });
});

describe("telephone numbers in one stored form", () => {
  const cases: [string, string][] = [
    ["０８６-１２３-４５６７", "086-123-4567"],
    ["086 123 4567", "086-123-4567"],
    ["(086)123-4567", "086-123-4567"],
    ["（０８６）１２３－４５６７", "086-123-4567"],
    ["086(123)4567", "086-123-4567"],
    ["+81 86-123-4567", "086-123-4567"],
    ["+81 86 123 4567", "086-123-4567"],
    ["+81 (0)86-123-4567", "086-123-4567"],
    ["＋８１ ９０ １２３４ ５６７８", "090-1234-5678"],
    ["086ー123ー4567", "086-123-4567"],
    ["086.123.4567", "086-123-4567"],
    ["086--123  4567", "086-123-4567"],
    ["09012345678", "090-1234-5678"],
    ["0861234567", "0861234567"],
    ["0866-12-3456", "0866-12-3456"],
  ];
  for (const [typed, stored] of cases) {
    test(`${typed} → ${stored}`, () => assert.equal(normalizePhone(typed), stored));
  }

  test("no Japanese number: refused; empty: nothing", () => {
    for (const bad of ["123-4567", "090-1234-56789", "86-123-4567", "携帯 090-1234-5678", "+1 212 555 0100", "0120-abc-123"]) assert.equal(normalizePhone(bad), null, bad);
    assert.equal(normalizePhone("  "), null);
    assert.equal(phone.parse(""), null);
    assert.equal(phone.parse(" (086)123-4567 "), "086-123-4567");
    assert.equal(phone.safeParse("123").error?.issues[0]?.message, "validation.person.phoneFormat");
  });

  test("two groupings of one number have the same digits", () => {
    assert.equal(phoneDigits(normalizePhone("0861234567")!), phoneDigits(normalizePhone("+81 86-123-4567")!));
  });
});

describe("the kanji name key", () => {
  test("variants, NFKC and spaces: exact keys for the family and the full name", () => {
    assert.equal(nameKey("髙橋"), "高橋");
    assert.equal(nameKey("山﨑　太郎"), "山崎太郎");
    assert.equal(nameKey("渡邊"), nameKey("渡邉"));
    assert.equal(nameKey("渡邊"), "渡辺");
    assert.equal(nameKey("齋藤"), "斎藤");
    assert.equal(nameKey("齊藤"), "斎藤");
    assert.equal(nameKey("濵田"), "浜田");
    assert.equal(nameKey("櫻井"), "桜井");
    assert.equal(nameKey("𠮷田 ﾊﾅｺ"), "吉田ハナコ");
    // A CJK compatibility ideograph with a decomposition: NFKC maps it.
    assert.equal(nameKey("\uF9DC"), "隆");
  });

  test("every variant maps to a character that is not itself a variant (one pass is enough)", () => {
    for (const [variant, standard] of Object.entries(NAME_VARIANTS)) {
      assert.equal([...variant].length, 1, variant);
      assert.ok(!(standard in NAME_VARIANTS), `${variant} → ${standard}`);
      assert.equal(nameKey(variant), standard);
    }
  });
});
