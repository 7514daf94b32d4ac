import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CASE_NUMBER_PATTERN, formatCaseNumber } from "@/lib/domain/case-number";
import { normalizeKana, toFullWidthKana } from "@/lib/domain/kana";
import { NAME_VARIANTS, nameKey } from "@/lib/domain/name-key";
import { normalizePhone, phoneDigits } from "@/lib/domain/phone";
import { parseJapaneseDate, parseJapaneseYearMonth } from "@/lib/domain/japanese-date";
import { minutesOfDay, parseTimeOfDay } from "@/lib/domain/time-of-day";
import { optionalText, optionalWholeNumber, text, TEXT_LIMITS, type TextKind } from "@/lib/validation/fields";
import { kana, personName, phone } from "@/lib/validation/person-fields";
import { anyString, FEW, mixWidth, nameIshString, pad, toFullWidth } from "./arbitraries";

/*
 * Property-based tests of the text normalisers and the field rules built on them (issue 13,
 * deliverable 7): kana, name keys, telephone numbers, times of day, whole numbers and the text
 * limits. None throws on any text; a normalised value normalises to itself; every way of typing
 * the same value gives the same stored value.
 */

// ---- Kana --------------------------------------------------------------------------------

/** Full-width katakana with a half-width form (ヰ ヱ ヮ ヵ ヶ have none), and the long-vowel mark. */
const KATAKANA = [..."アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴー"];

/** The half-width form of full-width katakana: each letter's base, then ﾞ or ﾟ for its mark. */
const HALF_OF = new Map<string, string>();
for (let cp = 0xff61; cp <= 0xff9f; cp++) {
  const half = String.fromCharCode(cp);
  HALF_OF.set(half.normalize("NFKC"), half);
}
function toHalfWidth(katakana: string): string {
  return [...katakana.normalize("NFD")].map((c) => (c === "\u3099" ? "ﾞ" : c === "\u309a" ? "ﾟ" : (HALF_OF.get(c) ?? c))).join("");
}
const katakanaWord = fc.string({ unit: fc.constantFrom(...KATAKANA), minLength: 1, maxLength: 12 });
const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const kanaText = fc.oneof(anyString, nameIshString);

describe("kana", () => {
  it("half-width katakana becomes full-width with its voiced marks combined (ｶﾞ → ガ, ﾊﾟ → パ)", () => {
    fc.assert(
      fc.property(katakanaWord, (word) => {
        assert.equal(toFullWidthKana(toHalfWidth(word)), word);
        assert.equal(normalizeKana(toHalfWidth(word)), normalizeKana(word));
      }),
    );
  });

  it("a half-width mark after full-width kana combines with it too (カﾞ → ガ): any split of a word reads as the word", () => {
    fc.assert(
      fc.property(katakanaWord, fc.nat(), fc.boolean(), (word, at, hiragana) => {
        const full = hiragana ? toHiragana(word) : word;
        const nfd = [...full.normalize("NFD")];
        const cut = at % (nfd.length + 1);
        const typed = nfd.slice(0, cut).join("").normalize("NFC") + toHalfWidth(nfd.slice(cut).join("").normalize("NFC"));
        const expected = nfd.slice(0, cut).join("").normalize("NFC") + nfd.slice(cut).join("").normalize("NFC");
        assert.equal(toFullWidthKana(typed), expected.normalize("NFC"), typed);
      }),
    );
  });

  it("toFullWidthKana: idempotent, leaves no half-width katakana, changes nothing outside it", () => {
    fc.assert(
      fc.property(kanaText, kanaText, (a, b) => {
        const once = toFullWidthKana(a);
        assert.equal(toFullWidthKana(once), once);
        assert.doesNotMatch(once, /[\uff61-\uff9f]/u);
        const plain = b.replace(/[\uff61-\uff9f]/gu, "");
        // Text without half-width katakana, and not starting with a voicing mark, passes as typed.
        if (!/^[\u3099\u309a]/u.test(plain)) assert.equal(toFullWidthKana(plain), plain);
      }),
    );
  });

  it("normalizeKana: idempotent, no hiragana and no spaces left; hiragana, katakana and half-width read the same", () => {
    fc.assert(
      fc.property(kanaText, katakanaWord, pad, (a, word, space) => {
        const once = normalizeKana(a);
        assert.equal(normalizeKana(once), once, JSON.stringify(a));
        assert.doesNotMatch(once, /[\u3041-\u3096\s\u3000]/u);
        const key = normalizeKana(word);
        assert.equal(normalizeKana(toHiragana(word)), key);
        assert.equal(normalizeKana(space + toHalfWidth(word) + space), key);
      }),
    );
  });

  it("nameKey: idempotent; the variant forms (髙, 邊, 﨑…) read as their standard form; spaces never count", () => {
    const variant = fc.constantFrom(...Object.keys(NAME_VARIANTS));
    fc.assert(
      fc.property(kanaText, variant, nameIshString, (a, v, rest) => {
        const once = nameKey(a);
        assert.equal(nameKey(once), once, JSON.stringify(a));
        assert.equal(nameKey(v + rest), nameKey(NAME_VARIANTS[v]! + rest));
        assert.equal(nameKey(`${v} \u3000${rest}`), nameKey(v + rest));
        // Invisible format characters (zero-width space, soft hyphen, BOM) never count either.
        assert.equal(nameKey(`\u200b${v}\u00ad${rest}\ufeff`), nameKey(v + rest));
      }),
    );
  });

  it("the name and reading fields: never throw, store full-width kana, refuse past 40 with their catalog keys", () => {
    fc.assert(
      fc.property(kanaText, (a) => {
        for (const schema of [personName, kana]) {
          const r = schema.safeParse(a);
          if (r.success) {
            assert.doesNotMatch(r.data, /[\uff61-\uff9f]/u);
            assert.equal(schema.parse(r.data), r.data, "a stored value is accepted as it is");
          } else for (const i of r.error.issues) assert.match(i.message, /^validation\.person\.(nameRequired|nameLength|kanaRequired|kanaLength|kanaFormat)$/);
        }
      }),
    );
    fc.assert(
      fc.property(katakanaWord, fc.integer({ min: 1, max: 60 }), (word, length) => {
        const value = word.repeat(60).slice(0, length);
        const r = kana.safeParse(value);
        assert.equal(r.success, length <= 40, `${length} characters`);
        if (!r.success) assert.deepEqual(r.error.issues.map((i) => i.message), ["validation.person.kanaLength"]);
      }),
    );
  });
});

// ---- Telephone numbers -------------------------------------------------------------------

/** A Japanese number's digit groups (10 or 11 digits from 0, then not 0: 00 is the international prefix). */
const phoneGroups = fc
  .tuple(fc.integer({ min: 9, max: 10 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[1-9]\d{10}$/))
  .map(([rest, cuts, digits]) => {
    const all = `0${digits.slice(0, rest)}`;
    const groups: string[] = [];
    let at = 0;
    for (const cut of cuts) {
      if (at + cut >= all.length) break;
      groups.push(all.slice(at, at + cut));
      at += cut;
    }
    groups.push(all.slice(at));
    return groups;
  });
const separator = fc.constantFrom("-", " ", "\u3000", ".", "/", "ー", "−", "‐", "–", "ｰ", "－", " - ");

describe("telephone numbers", () => {
  it("any text: null or a stored form of 10–11 digits from 0 in hyphen-joined groups, which normalises to itself", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.stringMatching(/^[+0-9 ()-]{8,20}$/)), (typed) => {
        const stored = normalizePhone(typed);
        if (stored === null) return;
        assert.match(stored, /^0\d*(-\d+)*$/);
        assert.match(phoneDigits(stored), /^0\d{9,10}$/);
        assert.equal(normalizePhone(stored), stored);
      }),
    );
  });

  it("the same groups typed with any separator, full-width digits, brackets or +81 read the same", () => {
    fc.assert(
      fc.property(phoneGroups, separator, fc.boolean(), pad, (groups, sep, wide, space) => {
        const stored = groups.length > 1 ? groups.join("-") : normalizePhone(groups[0]!);
        const w = (s: string) => (wide ? toFullWidth(s) : s);
        assert.equal(normalizePhone(space + w(groups.join(sep)) + space), stored, groups.join(sep));
        if (groups.length > 1) {
          const [first, ...others] = groups;
          assert.equal(normalizePhone(w(`(${first})${others.join("-")}`)), stored);
          if (first!.length > 1) {
            for (const cc of [`+81 ${first!.slice(1)}`, `+81-${first!.slice(1)}`, `+81 (0)${first!.slice(1)}`, `+81 ${first}`, `0081 ${first!.slice(1)}`]) {
              assert.equal(normalizePhone(w(`${cc}-${others.join("-")}`)), stored, cc);
            }
          }
        }
        assert.equal(phone.parse(w(groups.join(sep))), stored);
      }),
    );
  });
});

// ---- Times of day ------------------------------------------------------------------------

describe("times of day", () => {
  it("any text: null or HH:MM within the day, which reads as itself", () => {
    fc.assert(
      fc.property(anyString, (typed) => {
        const t = parseTimeOfDay(typed);
        if (t === null) return;
        assert.match(t, /^([01]\d|2[0-3]):[0-5]\d$/);
        assert.equal(parseTimeOfDay(t), t);
        assert.ok(minutesOfDay(t) >= 0 && minutesOfDay(t) < 1440);
      }),
    );
  });

  it("every way of typing a time gives the same HH:MM; 24:00, :60 and 午後13時 are refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean(), (h, m, wide) => {
        const hhmm = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        const w = (s: string) => (wide ? toFullWidth(s) : s);
        const mm = String(m).padStart(2, "0");
        for (const typed of [hhmm, `${h}:${mm}`, `${h}.${mm}`, `${h}${mm}`, `${h}時${m}分`, `${h}時${m}`, ` ${h} : ${mm} `]) assert.equal(parseTimeOfDay(w(typed)), hhmm, typed);
        if (m === 0) assert.equal(parseTimeOfDay(`${h}時`), hhmm);
        if (m === 30) assert.equal(parseTimeOfDay(`${h}時半`), hhmm);
        if (h >= 1 && h <= 11) assert.equal(parseTimeOfDay(`午後${h}時${m}分`), `${h + 12}:${mm}`);
        if (h <= 12) assert.equal(parseTimeOfDay(`午前${h}時${m}分`), hhmm);
        assert.equal(parseTimeOfDay(`${h + 24}:${mm}`), null);
        assert.equal(parseTimeOfDay(`${h}:${m + 60}`), null);
        if (h > 12) assert.equal(parseTimeOfDay(`午後${h}時`), null);
      }),
    );
  });
});

// ---- Whole numbers and text limits -------------------------------------------------------

/** 1234567 → 1,234,567 */
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

describe("whole numbers", () => {
  const field = optionalWholeNumber(0, 100_000, "validation.activity.minutesFormat");

  it("full-width digits and commas read equal to the ASCII reading; out of range is the field's message", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.boolean(), { maxLength: 5 }), fc.boolean(), pad, (n, mask, commas, space) => {
        const typed = space + mixWidth(commas ? withCommas(n) : String(n), mask) + space;
        const r = field.safeParse(typed);
        if (n <= 100_000) assert.equal(r.data, n, typed);
        else assert.deepEqual(r.error?.issues.map((i) => i.message), ["validation.activity.minutesFormat"]);
      }),
    );
  });

  it("any text: null, a whole number within range, or the field's message (never NaN, a fraction or a negative)", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.stringMatching(/^[-+0-9.,eE ]{0,12}$/)), (typed) => {
        const r = field.safeParse(typed);
        if (r.success) assert.ok(r.data === null || (Number.isInteger(r.data) && r.data >= 0 && r.data <= 100_000), String(r.data));
        else assert.deepEqual(r.error.issues.map((i) => i.message), ["validation.activity.minutesFormat"]);
      }),
    );
  });
});

describe("text limits (ADR 0031)", () => {
  const kinds = Object.keys(TEXT_LIMITS) as TextKind[];

  it("a text of a kind: up to its limit (after trimming) accepted as trimmed, one more refused with the limit stated", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.integer({ min: -3, max: 3 }), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), pad, (kind, delta, ch, space) => {
        const max = TEXT_LIMITS[kind];
        const body = (ch.trim() || "あ").repeat(max + delta);
        const r = text(kind).safeParse(space + body + space);
        if (delta <= 0) assert.equal(r.data, body);
        else assert.deepEqual(r.error?.issues.map((i) => i.message), [`validation.textTooLong?max=${max}`]);
      }),
      FEW,
    );
  });

  it("any text: accepted trimmed within the limit, or refused with the limit stated; blank optional text is null", () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), anyString, (kind, value) => {
        const r = optionalText(kind).safeParse(value);
        const trimmed = value.trim();
        if (r.success) assert.equal(r.data, trimmed === "" ? null : trimmed);
        else assert.deepEqual(r.error.issues.map((i) => i.message), [`validation.textTooLong?max=${TEXT_LIMITS[kind]}`]);
      }),
    );
  });
});

describe("case numbers", () => {
  it("every number formatCaseNumber makes matches CASE_NUMBER_PATTERN and keeps its parts", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^[A-Z]{2,3}$/), fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 99_999 }), (pref, prefix, fy, seq) => {
        const no = formatCaseNumber(pref, prefix, fy, seq);
        assert.match(no, CASE_NUMBER_PATTERN);
        assert.deepEqual(no.split("-").map((p, i) => (i >= 2 ? Number(p) : p)), [pref, prefix, fy, seq]);
      }),
    );
  });
});

describe("long input (no catastrophic backtracking)", () => {
  it("every parser reads 20,000 characters of date-, time-, phone- and kana-like text in well under a second", () => {
    const piece = fc.string({ unit: fc.constantFrom(..."0１2/.-年月日元 :ｰ(+,R令和x"), maxLength: 5 });
    const longText = fc
      .tuple(piece, fc.constantFrom(..."0１2/.-年月日元時分午後:: ()+81ｰーｶﾞあ令和R\u3000 ,"), piece)
      .map(([head, c, tail]) => head + c.repeat(20_000) + tail);
    const parsers: ((s: string) => unknown)[] = [parseJapaneseDate, parseJapaneseYearMonth, normalizePhone, parseTimeOfDay, normalizeKana, nameKey, toFullWidthKana, (s) => optionalWholeNumber(0, 10, "validation.activity.minutesFormat").safeParse(s)];
    fc.assert(
      fc.property(longText, (s) => {
        for (const parse of parsers) {
          const started = performance.now();
          parse(s);
          assert.ok(performance.now() - started < 1000, `${parse.name || "a parser"} took ${Math.round(performance.now() - started)} ms`);
        }
      }),
      { numRuns: 10 },
    );
  });
});
