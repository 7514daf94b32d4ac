import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  JAPANESE_DATE_ERRORS,
  normalizeDateInput,
  parseJapaneseDate,
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
