import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ageOn } from "@/lib/domain/age";
import { setAppToday } from "@/lib/domain/clock";
import { addDays, addMonths, dayNumber, daysBetween } from "@/lib/domain/date-math";
import { formatDate } from "@/lib/domain/format";
import { registrationExpiry } from "@/lib/domain/peer-registration";
import { fiscalYearsOf, standingYearDates } from "@/lib/domain/year-close";
import { eraYearMonthLabel, eraYearShort, fiscalYearEraShort } from "@/lib/domain/era-labels";
import { ERAS, eraOfDate, eraYear, formatEraYear, toGregorianYear, type Era } from "@/lib/domain/era";
import { fiscalYearEra, fiscalYearLabel, fiscalYearOf, fiscalYearRange, fiscalYearShortLabel, todayIso } from "@/lib/domain/fiscal-year";
import { assertIsoDate, daysInMonth, isoFromParts, isValidIsoDate, parseIsoDate, previousIsoDate } from "@/lib/domain/iso-date";
import { JAPANESE_DATE_ERRORS, normalizeDateInput, parseJapaneseDate, parseJapaneseYearMonth } from "@/lib/domain/japanese-date";
import { happenedDate, optionalDate, optionalHappenedDate, requiredDate } from "@/lib/validation/dates";
import { anyString, eraDate, isoDateIn, mixWidth, pad, toFullWidth } from "./arbitraries";

/*
 * Property-based tests of the date parsers and calendar arithmetic (issue 13, deliverable 7): no
 * text makes them throw, every form the app prints or accepts reads back as the same day, and an
 * impossible date (a day past the month's end, a month 13, an era year the era never reached) is
 * refused with its error, never re-read as a neighbouring day or era.
 */

const errors = new Set<string>(JAPANESE_DATE_ERRORS);

/** The era year of `iso` written as people write it: 元 or the number. */
function parts(iso: string) {
  const { year, month, day } = assertIsoDate(iso);
  const era = eraOfDate(iso)!;
  return { year, month, day, era, n: eraYear(era, year) };
}

const ERA_LIGATURES = { meiji: "㍾", taisho: "㍽", showa: "㍼", heisei: "㍻", reiwa: "㋿" } as const;

/** Every way the app prints or accepts one date. */
function dateForms(iso: string): string[] {
  const { year, month, day, era, n } = parts(iso);
  const yy = formatEraYear(n);
  const p2 = (v: number) => String(v).padStart(2, "0");
  const forms = [
    iso,
    `${year}/${month}/${day}`,
    `${year}.${p2(month)}.${p2(day)}`,
    `${year}年${month}月${day}日`,
    `${year}${p2(month)}${p2(day)}`,
    `${era.nameJa}${yy}年${month}月${day}日`,
    `${era.nameJa}${n}年${month}月${day}日`,
    `${era.nameJa[0]}${n}年${month}月${day}日`,
    `${era.letter}${n}.${month}.${day}`,
    `${era.letter.toLowerCase()}${n}/${month}/${day}`,
    `${era.letter}${n}-${p2(month)}-${p2(day)}`,
    `${era.letter}${yy}年${month}月${day}日`,
  ];
  if (n < 100) forms.push(`${era.letter}${p2(n)}${p2(month)}${p2(day)}`, `${era.letter}${p2(n)}.${p2(month)}.${p2(day)}`);
  forms.push(`${era.nameJa} ${yy} 年 ${month} 月 ${day} 日`);
  // The one-character era ligatures of Japanese fonts (㋿ ㍻ ㍼ ㍽ ㍾), which NFKC spells out.
  forms.push(`${ERA_LIGATURES[era.key]}${yy}年${month}月${day}日`);
  return forms;
}

describe("parseJapaneseDate and parseJapaneseYearMonth never throw", () => {
  it("any text gives a real ISO date or one of the known errors", () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const r = parseJapaneseDate(input);
        if (r.ok) assert.ok(isValidIsoDate(r.iso), r.iso);
        else assert.ok(errors.has(r.error), r.error);
        const ym = parseJapaneseYearMonth(input);
        if (ym.ok) assert.match(ym.yearMonth, /^\d{4}-(0[1-9]|1[0-2])$/);
        else assert.ok(errors.has(ym.error), ym.error);
      }),
    );
  });

  it("normalizeDateInput is idempotent, and parsing its result gives the same answer", () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const once = normalizeDateInput(input);
        assert.equal(normalizeDateInput(once), once);
        assert.deepEqual(parseJapaneseDate(once), parseJapaneseDate(input));
      }),
    );
  });

  it("an accepted date reads back from its ISO form (the parse is a fixed point)", () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const r = parseJapaneseDate(input);
        if (r.ok) assert.deepEqual(parseJapaneseDate(r.iso), r);
      }),
    );
  });
});

describe("era round trip: every printed and accepted form of a date from Meiji to 2099 reads back as that date", () => {
  it("in half-width, full-width and mixed-width digits, with spaces around", () => {
    fc.assert(
      fc.property(eraDate, fc.array(fc.boolean(), { maxLength: 7 }), pad, pad, (iso, mask, before, afterPad) => {
        for (const form of dateForms(iso)) {
          const typed = before + mixWidth(form, mask) + afterPad;
          assert.deepEqual(parseJapaneseDate(typed), { ok: true, iso }, typed);
          // A full date is no year-month: never read as one by dropping the day.
          assert.equal(parseJapaneseYearMonth(typed).ok, false, typed);
        }
      }),
    );
  });

  it("the year-month of any date reads back in Gregorian and era forms, and as the era label the tables print", () => {
    fc.assert(
      fc.property(eraDate, fc.boolean(), (iso, wide) => {
        const { year, month, era, n } = parts(iso);
        const yearMonth = iso.slice(0, 7);
        const w = (s: string) => (wide ? toFullWidth(s) : s);
        for (const form of [`${year}-${month}`, `${year}/${month}`, `${year}年${month}月`, `${era.nameJa}${formatEraYear(n)}年${month}月`, `${era.letter}${n}.${month}`, eraYearMonthLabel(iso, "ja")]) {
          assert.deepEqual(parseJapaneseYearMonth(w(form)), { ok: true, yearMonth }, form);
        }
      }),
    );
  });

  it("the era of a date is the latest era started on or before it, and its era year maps back to the Gregorian year", () => {
    fc.assert(
      fc.property(eraDate, (iso) => {
        const { year, era, n } = parts(iso);
        assert.ok(era.start <= iso && (era.end === null || iso <= era.end));
        assert.equal(toGregorianYear(era.key, n), year);
      }),
    );
  });
});

describe("impossible dates are refused, never guessed", () => {
  it("a date written in an era that was not in force that day is outside_era (R1.4.30, H31.5.1, 昭和64年1月8日)", () => {
    fc.assert(
      fc.property(eraDate, fc.constantFrom(...ERAS), (iso, other: Era) => {
        const { year, month, day, era } = parts(iso);
        fc.pre(other.key !== era.key);
        const n = year - assertIsoDate(other.start).year + 1;
        fc.pre(n >= 1 && n <= 99);
        for (const form of [`${other.nameJa}${formatEraYear(n)}年${month}月${day}日`, `${other.letter}${n}.${month}.${day}`]) {
          assert.deepEqual(parseJapaneseDate(form), { ok: false, error: "outside_era" }, form);
        }
      }),
    );
  });

  it("a day past the month's end, day 0, month 0 or month 13+ is invalid_date in every form", () => {
    const badDay = fc
      .record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 1, max: 60 }) })
      .map(({ year, month, extra }) => ({ year, month, day: Math.min(99, daysInMonth(year, month) + extra) }));
    const badMonth = fc.record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), day: fc.integer({ min: 1, max: 28 }) });
    const zeroDay = fc.record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.constant(0) });
    fc.assert(
      fc.property(fc.oneof(badDay, badMonth, zeroDay), ({ year, month, day }) => {
        // The era in force in the middle of that year names it: the date itself does not exist.
        const era = eraOfDate(isoFromParts(year, 7, 1))!;
        const n = eraYear(era, year);
        for (const form of [`${year}/${month}/${day}`, `${year}年${month}月${day}日`, `${era.nameJa}${formatEraYear(n)}年${month}月${day}日`, `${era.letter}${n}.${month}.${day}`]) {
          assert.deepEqual(parseJapaneseDate(form), { ok: false, error: "invalid_date" }, form);
        }
      }),
    );
  });

  it("era year 0 and an unknown era are refused; a two-digit Western year is never read", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (yy, month, day) => {
        assert.deepEqual(parseJapaneseDate(`R0.${month}.${day}`), { ok: false, error: "invalid_date" });
        assert.deepEqual(parseJapaneseDate(`X${yy}.${month}.${day}`), { ok: false, error: "unknown_era" });
        assert.equal(parseJapaneseDate(`${yy}/${month}/${day}`).ok, false);
      }),
    );
  });

  it("a month no day of which lies in the named era is outside_era (R1.4, H31.5); a month the change splits belongs to both", () => {
    fc.assert(
      fc.property(eraDate, fc.constantFrom(...ERAS), (iso, other: Era) => {
        const { year, month } = parts(iso);
        const n = year - assertIsoDate(other.start).year + 1;
        fc.pre(n >= 1 && n <= 99);
        const first = isoFromParts(year, month, 1);
        const last = isoFromParts(year, month, daysInMonth(year, month));
        const shares = other.start <= last && (other.end === null || other.end >= first);
        const r = parseJapaneseYearMonth(`${other.letter}${n}.${month}`);
        assert.deepEqual(r, shares ? { ok: true, yearMonth: iso.slice(0, 7) } : { ok: false, error: "outside_era" });
      }),
    );
  });
});

describe("the date fields of the forms (lib/validation/dates.ts)", () => {
  setAppToday("2026-12-06");
  after(() => setAppToday(null));

  it("any text gives the parser's date or a validation.date.* catalog key, and never throws", () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const parsed = parseJapaneseDate(input);
        for (const schema of [requiredDate(), optionalDate(), happenedDate(), optionalHappenedDate()]) {
          const r = schema.safeParse(input);
          if (r.success) {
            if (r.data !== null) assert.equal(r.data, parsed.ok ? parsed.iso : "never");
          } else {
            for (const issue of r.error.issues) assert.match(issue.message, /^validation\.date\.(required|format|invalid_date|outside_era|unknown_era|future)$/);
          }
        }
      }),
    );
  });

  it("a happened date is accepted up to today in Japan and refused with validation.date.future after it", () => {
    fc.assert(
      fc.property(isoDateIn(2000, 2099), (iso) => {
        const r = happenedDate().safeParse(iso.replaceAll("-", "/"));
        if (iso <= "2026-12-06") assert.deepEqual(r.data, iso);
        else assert.deepEqual(r.error?.issues.map((i) => i.message), ["validation.date.future"]);
      }),
    );
  });
});

describe("calendar arithmetic (iso-date, date-math, fiscal-year, era labels, age)", () => {
  const anyDate = isoDateIn(1, 9998);

  it("ISO dates: a strict round trip; previousIsoDate is addDays(-1); string order is day order", () => {
    fc.assert(
      fc.property(isoDateIn(2, 9998), isoDateIn(2, 9998), (a, b) => {
        const p = parseIsoDate(a)!;
        assert.equal(isoFromParts(p.year, p.month, p.day), a);
        assert.equal(previousIsoDate(a), addDays(a, -1));
        assert.equal(Math.sign(daysBetween(a, b)), a < b ? 1 : a > b ? -1 : 0);
      }),
    );
  });

  it("addDays and daysBetween agree; addMonths stays in the target month and never passes the day", () => {
    fc.assert(
      fc.property(isoDateIn(1900, 2100), fc.integer({ min: -20000, max: 20000 }), fc.integer({ min: -240, max: 240 }), (iso, days, months) => {
        const moved = addDays(iso, days);
        assert.equal(daysBetween(iso, moved), days);
        assert.equal(addDays(moved, -days), iso);
        assert.equal(dayNumber(moved) - dayNumber(iso), days);
        const { year, month, day } = assertIsoDate(iso);
        const target = assertIsoDate(addMonths(iso, months));
        assert.equal(target.year * 12 + target.month - (year * 12 + month), months);
        assert.equal(target.day, Math.min(day, daysInMonth(target.year, target.month)));
      }),
    );
  });

  it("a date lies in the fiscal year fiscalYearOf names; labels never throw and name that year's era", () => {
    fc.assert(
      fc.property(anyDate, (iso) => {
        const fy = fiscalYearOf(iso);
        const { start, end } = fy >= 1 ? fiscalYearRange(fy) : { start: "0000-00-00", end: "0001-03-31" };
        assert.ok(start <= iso && iso <= end, `${iso} in FY${fy}`);
        if (fy < 1) return;
        for (const locale of ["ja", "en"] as const) {
          assert.equal(typeof fiscalYearLabel(fy, locale), "string");
          assert.equal(typeof fiscalYearShortLabel(fy, locale), "string");
          assert.equal(typeof fiscalYearEraShort(fy, locale), "string");
          assert.equal(typeof eraYearShort(fy, locale), "string");
        }
        if (fy >= 1868) {
          const { era, eraYear: n } = fiscalYearEra(fy);
          assert.equal(eraOfDate(`${fy}-12-31`)?.key, era.key);
          assert.equal(toGregorianYear(era.key, n), fy);
        }
      }),
    );
  });

  it("todayIso is the calendar day in Japan (UTC+9) for any instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
        assert.equal(todayIso(new Date(t)), new Date(t + 9 * 3600_000).toISOString().slice(0, 10));
      }),
    );
  });

  it("age: null before birth, 0 on the day of birth, n on the n-th birthday, never falling as time passes", () => {
    fc.assert(
      fc.property(isoDateIn(1900, 2050), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 0, max: 400 }), (birth, n, later, more) => {
        assert.equal(ageOn(birth, birth), 0);
        assert.equal(ageOn(birth, addDays(birth, -1)), null);
        if (!birth.endsWith("-02-29")) assert.equal(ageOn(birth, addMonths(birth, 12 * n)), n);
        const on = addDays(birth, later);
        const a = ageOn(birth, on)!;
        assert.ok(a >= 0 && ageOn(birth, addDays(on, more))! >= a);
        // With the birth month only, the age is that of the month's first day.
        assert.equal(ageOn(birth.slice(0, 7), on), ageOn(`${birth.slice(0, 7)}-01`, on));
      }),
    );
  });

  it("a date as the lists print it reads back (ja), and English names the same year", () => {
    fc.assert(
      fc.property(isoDateIn(1, 9999), (iso) => {
        const year = Number(iso.slice(0, 4));
        if (year >= 1000) assert.deepEqual(parseJapaneseDate(formatDate(iso, "ja")), { ok: true, iso });
        assert.ok(formatDate(iso, "en").endsWith(` ${year}`), formatDate(iso, "en"));
      }),
    );
  });

  it("fiscal years of dates: each once, ascending, one per date; a standing body counts in every year it stands", () => {
    fc.assert(
      fc.property(fc.array(fc.option(isoDateIn(2000, 2099), { nil: null }), { maxLength: 8 }), isoDateIn(2000, 2040), fc.integer({ min: 0, max: 3000 }), (dates, established, days) => {
        const years = fiscalYearsOf(dates);
        assert.deepEqual(years, [...new Set(years)].sort((a, b) => a - b));
        for (const d of dates) if (d) assert.ok(years.includes(fiscalYearOf(d)));
        const ended = addDays(established, days);
        const standing = standingYearDates(established, ended, "2099-12-31");
        assert.deepEqual(standing.map(fiscalYearOf), Array.from({ length: fiscalYearOf(ended) - fiscalYearOf(established) + 1 }, (_, i) => fiscalYearOf(established) + i));
      }),
    );
  });

  it("a registration runs to 31 March closing its fiscal year: never before the day, never a year after", () => {
    fc.assert(
      fc.property(isoDateIn(2000, 2099), (d) => {
        const end = registrationExpiry(d);
        assert.ok(end.endsWith("-03-31") && end >= d && daysBetween(d, end) < 366);
        assert.equal(fiscalYearOf(end), fiscalYearOf(d));
      }),
    );
  });

  it("age never throws on any text", () => {
    fc.assert(fc.property(anyString, anyString, (a, b) => void ageOn(a, b)));
  });
});
