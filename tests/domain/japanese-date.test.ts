import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  JAPANESE_DATE_ERRORS,
  normalizeDateInput,
  parseJapaneseDate,
  parseJapaneseYearMonth,
  type JapaneseDateError,
} from '../../lib/domain/japanese-date';

function assertParsesTo(input: string, iso: string): void {
  assert.deepEqual(parseJapaneseDate(input), { ok: true, iso });
}

function assertFailsWith(input: string, error: JapaneseDateError): void {
  assert.deepEqual(parseJapaneseDate(input), { ok: false, error });
}

describe('parseJapaneseDate: Gregorian forms', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['2021-06-30', '2021-06-30'],
    ['2021-6-30', '2021-06-30'],
    ['2021/6/30', '2021-06-30'],
    ['2021/06/30', '2021-06-30'],
    ['2021.6.30', '2021-06-30'],
    ['2021.06.30', '2021-06-30'],
    ['2021年6月30日', '2021-06-30'],
    ['2021年06月30日', '2021-06-30'],
    ['2021 年 6 月 30 日', '2021-06-30'],
    ['2021 / 6 / 30', '2021-06-30'],
    ['20210630', '2021-06-30'],
    ['  2021-06-30  ', '2021-06-30'],
    ['\t2021/6/30\n', '2021-06-30'],
    // Full-width digits and punctuation (NFKC).
    ['２０２１／６／３０', '2021-06-30'],
    ['２０２１年６月３０日', '2021-06-30'],
    ['２０２１－０６－３０', '2021-06-30'],
    ['２０２１．６．３０', '2021-06-30'],
    ['２０２１０６３０', '2021-06-30'],
    ['\u30002021/6/30\u3000', '2021-06-30'],
    // Dash look-alikes from Japanese IMEs.
    ['2021ー06ー30', '2021-06-30'],
    ['2021−06−30', '2021-06-30'],
    ['2021‐06‐30', '2021-06-30'],
    ['2021–06–30', '2021-06-30'],
    // Leap years.
    ['2024-02-29', '2024-02-29'],
    ['2000/2/29', '2000-02-29'],
    ['1989/1/7', '1989-01-07'],
  ];
  for (const [input, iso] of cases) {
    it(`${JSON.stringify(input)} → ${iso}`, () => assertParsesTo(input, iso));
  }
});

describe('parseJapaneseDate: era names in kanji', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['令和3年6月30日', '2021-06-30'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和63年1月1日', '1988-01-01'],
    ['昭和64年1月7日', '1989-01-07'],
    ['大正15年12月24日', '1926-12-24'],
    ['明治45年7月29日', '1912-07-29'],
    ['令和 3年 6月 30日', '2021-06-30'],
    ['令和 3 年 6 月 30 日', '2021-06-30'],
    ['令和03年06月30日', '2021-06-30'],
    ['令和３年６月３０日', '2021-06-30'],
    ['令和元年５月１日', '2019-05-01'],
    ['\u3000令和３年６月３０日\u3000', '2021-06-30'],
    // Single-character era ligatures fold to the full name under NFKC.
    ['㋿3年6月30日', '2021-06-30'],
    ['㍻31年4月30日', '2019-04-30'],
    ['㍼63年1月1日', '1988-01-01'],
    // Single-kanji abbreviations.
    ['令3年6月30日', '2021-06-30'],
    ['平31.4.30', '2019-04-30'],
    ['令和4年2月28日', '2022-02-28'],
    ['令和6年2月29日', '2024-02-29'],
  ];
  for (const [input, iso] of cases) {
    it(`${JSON.stringify(input)} → ${iso}`, () => assertParsesTo(input, iso));
  }
});

describe('parseJapaneseDate: era letters', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['R3.6.30', '2021-06-30'],
    ['r3.6.30', '2021-06-30'],
    ['R3/6/30', '2021-06-30'],
    ['R3-6-30', '2021-06-30'],
    ['R03.06.30', '2021-06-30'],
    ['R 3.6.30', '2021-06-30'],
    ['R元.5.1', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['h31.4.30', '2019-04-30'],
    ['H1.1.8', '1989-01-08'],
    ['S63.1.1', '1988-01-01'],
    ['S64.1.7', '1989-01-07'],
    ['T15.12.24', '1926-12-24'],
    ['T1.7.30', '1912-07-30'],
    ['M45.7.29', '1912-07-29'],
    ['M1.1.25', '1868-01-25'],
    ['Ｒ３．６．３０', '2021-06-30'],
    ['ｒ３／６／３０', '2021-06-30'],
    ['Ｒ元．５．１', '2019-05-01'],
    ['R3年6月30日', '2021-06-30'],
    ['R030630', '2021-06-30'],
    ['H310430', '2019-04-30'],
  ];
  for (const [input, iso] of cases) {
    it(`${JSON.stringify(input)} → ${iso}`, () => assertParsesTo(input, iso));
  }
});

describe('parseJapaneseDate: errors', () => {
  const cases: ReadonlyArray<[string, JapaneseDateError]> = [
    // empty
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000\u3000', 'empty'],
    ['\n\t', 'empty'],
    // format
    ['abc', 'format'],
    ['2021', 'format'],
    ['2021-06', 'format'],
    ['2021/6/30/1', 'format'],
    ['2021/6-30', 'format'],
    ['21/6/30', 'format'],
    ['21-06-30', 'format'],
    ['21年6月30日', 'format'],
    ['210630', 'format'],
    ['2021-06-300', 'format'],
    ['2021年6月30', 'format'],
    ['令和3年6月', 'format'],
    ['R3.6', 'format'],
    ['R.6.30', 'format'],
    ['R100.1.1', 'format'],
    ['2021-06-30T10:00', 'format'],
    ['June 30, 2021', 'format'],
    ['明日', 'format'],
    // invalid_date
    ['2021-02-30', 'invalid_date'],
    ['2023-02-29', 'invalid_date'],
    ['2100-02-29', 'invalid_date'],
    ['1900/2/29', 'invalid_date'],
    ['2021-13-01', 'invalid_date'],
    ['2021-00-10', 'invalid_date'],
    ['2021-04-31', 'invalid_date'],
    ['2021/6/0', 'invalid_date'],
    ['2021年13月1日', 'invalid_date'],
    ['20210230', 'invalid_date'],
    ['0000-01-01', 'invalid_date'],
    ['令和3年2月29日', 'invalid_date'],
    ['R3.2.29', 'invalid_date'],
    ['R3.13.1', 'invalid_date'],
    ['H31.4.31', 'invalid_date'],
    // Era year 0 does not exist (the first year is 元年): invalid_date.
    ['R0.1.1', 'invalid_date'],
    ['令和0年5月1日', 'invalid_date'],
    // outside_era
    ['R1.4.30', 'outside_era'],
    ['令和元年4月30日', 'outside_era'],
    ['R1.1.1', 'outside_era'],
    ['H31.5.1', 'outside_era'],
    ['平成31年5月1日', 'outside_era'],
    ['H32.1.1', 'outside_era'],
    ['H1.1.7', 'outside_era'],
    ['S64.1.8', 'outside_era'],
    ['昭和64年1月8日', 'outside_era'],
    ['S1.12.24', 'outside_era'],
    ['T15.12.25', 'outside_era'],
    ['M45.7.30', 'outside_era'],
    ['M1.1.24', 'outside_era'],
    ['R010430', 'outside_era'],
    // unknown_era
    ['X3.6.30', 'unknown_era'],
    ['A1.1.1', 'unknown_era'],
    ['慶応3年1月1日', 'unknown_era'],
    ['西暦2年1月1日', 'unknown_era'],
    ['Q030630', 'unknown_era'],
  ];
  for (const [input, error] of cases) {
    it(`${JSON.stringify(input)} → ${error}`, () => assertFailsWith(input, error));
  }

  it('exercises every error code', () => {
    const covered = new Set(cases.map(([, error]) => error));
    assert.deepEqual([...covered].sort(), [...JAPANESE_DATE_ERRORS].sort());
  });
});

describe('parseJapaneseDate: era boundaries agree across notations', () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ['S64.1.7', '昭和64年1月7日', '1989-01-07'],
    ['H1.1.8', '平成元年1月8日', '1989-01-08'],
    ['H31.4.30', '平成31年4月30日', '2019-04-30'],
    ['R1.5.1', '令和元年5月1日', '2019-05-01'],
  ];
  for (const [letterForm, kanjiForm, iso] of cases) {
    it(`${letterForm} = ${kanjiForm} = ${iso}`, () => {
      assertParsesTo(letterForm, iso);
      assertParsesTo(kanjiForm, iso);
      assertParsesTo(iso, iso);
    });
  }
});

describe('normalizeDateInput', () => {
  it('folds width, dash look-alikes and surrounding whitespace', () => {
    assert.equal(normalizeDateInput('\u3000Ｒ３．６．３０ '), 'R3.6.30');
    assert.equal(normalizeDateInput('２０２１ー０６ー３０'), '2021-06-30');
    assert.equal(normalizeDateInput('㋿元年'), '令和元年');
  });
});

describe('parseJapaneseYearMonth: accepted forms', () => {
  const cases: ReadonlyArray<[string, string]> = [
    // Gregorian.
    ['2021-04', '2021-04'],
    ['2021-4', '2021-04'],
    ['2021/4', '2021-04'],
    ['2021/04', '2021-04'],
    ['2021.4', '2021-04'],
    ['2021年4月', '2021-04'],
    ['2021 年 4 月', '2021-04'],
    ['１９７０－０５', '1970-05'],
    ['1970ー05', '1970-05'],
    ['  1970/5 ', '1970-05'],
    // Era names.
    ['令和3年4月', '2021-04'],
    ['令和元年5月', '2019-05'],
    ['令和1年5月', '2019-05'],
    ['昭和25年3月', '1950-03'],
    ['平成元年1月', '1989-01'],
    ['令3年4月', '2021-04'],
    ['㍼25年3月', '1950-03'],
    ['令和３年４月', '2021-04'],
    // Era letters.
    ['R3.4', '2021-04'],
    ['R3/4', '2021-04'],
    ['R3-4', '2021-04'],
    ['r3.4', '2021-04'],
    ['R03.04', '2021-04'],
    ['R3年4月', '2021-04'],
    ['R元.5', '2019-05'],
    ['S25.3', '1950-03'],
    ['s25.3', '1950-03'],
    ['H1.1', '1989-01'],
    ['S64.1', '1989-01'],
    ['H31.4', '2019-04'],
    ['R1.5', '2019-05'],
    ['T15.12', '1926-12'],
    ['S1.12', '1926-12'],
    ['M1.1', '1868-01'],
    ['Ｒ３．４', '2021-04'],
    ['Ｓ２５年３月', '1950-03'],
  ];
  for (const [input, yearMonth] of cases) {
    it(`${JSON.stringify(input)} → ${yearMonth}`, () => assert.deepEqual(parseJapaneseYearMonth(input), { ok: true, yearMonth }));
  }
});

describe('parseJapaneseYearMonth: errors (never guessed)', () => {
  const cases: ReadonlyArray<[string, JapaneseDateError]> = [
    ['', 'empty'],
    ['\u3000', 'empty'],
    ['1970', 'format'],
    ['70-05', 'format'],
    ['2021-04-01', 'format'],
    ['令和3年4月1日', 'format'],
    ['R3.4.1', 'format'],
    ['R3', 'format'],
    ['R.4', 'format'],
    ['R100.4', 'format'],
    ['2021/4/', 'format'],
    ['昭和', 'format'],
    ['2021-13', 'invalid_date'],
    ['2021-00', 'invalid_date'],
    ['0000-01', 'invalid_date'],
    ['R3.13', 'invalid_date'],
    ['R3.0', 'invalid_date'],
    ['R0.5', 'invalid_date'],
    ['令和0年5月', 'invalid_date'],
    // 令和 began 2019-05-01, 平成 ran 1989-01-08 to 2019-04-30, 昭和 ended 1989-01-07.
    ['R1.4', 'outside_era'],
    ['令和元年4月', 'outside_era'],
    ['R1.1', 'outside_era'],
    ['H31.5', 'outside_era'],
    ['平成31年5月', 'outside_era'],
    ['H32.1', 'outside_era'],
    ['S64.2', 'outside_era'],
    ['昭和64年2月', 'outside_era'],
    ['S65.1', 'outside_era'],
    ['H1.0', 'invalid_date'],
    ['X3.4', 'unknown_era'],
    ['慶応3年4月', 'unknown_era'],
  ];
  for (const [input, error] of cases) {
    it(`${JSON.stringify(input)} → ${error}`, () => assert.deepEqual(parseJapaneseYearMonth(input), { ok: false, error }));
  }

  it('exercises every error code', () => {
    assert.deepEqual([...new Set(cases.map(([, error]) => error))].sort(), [...JAPANESE_DATE_ERRORS].sort());
  });

  it('the split months of an era change belong to both eras, and name the same month', () => {
    assert.deepEqual(parseJapaneseYearMonth('S64.1'), parseJapaneseYearMonth('H1.1'));
    assert.deepEqual(parseJapaneseYearMonth('H31.4'), { ok: true, yearMonth: '2019-04' });
    assert.deepEqual(parseJapaneseYearMonth('R1.5'), { ok: true, yearMonth: '2019-05' });
  });
});
