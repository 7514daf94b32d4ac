import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { asOfLabel, eraYearMonthLabel, eraYearShort, fiscalYearEndLabel, fiscalYearEraShort } from '../../lib/domain/era-labels';

describe('fiscalYearEraShort', () => {
  const ja: ReadonlyArray<[number, string]> = [
    [2021, 'R3年度'],
    [2023, 'R5年度'],
    [2019, 'R元年度'], // began in 平成 (2019-04-01), named by the era on 31 December
    [2018, 'H30年度'],
    [1989, 'H元年度'],
    [1988, 'S63年度'], // ran into 平成元年, still 昭和63年度
    [1926, 'S元年度'],
    [1868, 'M元年度'],
    [1867, '1867年度'],
  ];
  for (const [fy, label] of ja) it(`ja ${fy} → ${label}`, () => assert.equal(fiscalYearEraShort(fy, 'ja'), label));
  it('en is the Gregorian fiscal year', () => {
    assert.equal(fiscalYearEraShort(2021, 'en'), 'FY2021');
    assert.equal(fiscalYearEraShort(2019, 'en'), 'FY2019');
  });
  it('refuses a value that is not a year', () => {
    assert.throws(() => fiscalYearEraShort(2021.5, 'ja'), RangeError);
    assert.throws(() => fiscalYearEraShort(0, 'en'), RangeError);
  });
});

describe('fiscalYearEndLabel', () => {
  it('ja: R5年度末, R元年度末, H30年度末', () => {
    assert.equal(fiscalYearEndLabel(2023, 'ja'), 'R5年度末');
    assert.equal(fiscalYearEndLabel(2019, 'ja'), 'R元年度末');
    assert.equal(fiscalYearEndLabel(2018, 'ja'), 'H30年度末');
  });
  it('en: end of FY2023', () => assert.equal(fiscalYearEndLabel(2023, 'en'), 'end of FY2023'));
});

describe('eraYearMonthLabel: the era in force on the date', () => {
  const ja: ReadonlyArray<[string, string]> = [
    ['2022-04-01', 'R4年4月'],
    ['2021-10-31', 'R3年10月'],
    ['2019-04-30', 'H31年4月'],
    ['2019-05-01', 'R元年5月'],
    ['2019-12-31', 'R元年12月'],
    ['1989-01-07', 'S64年1月'],
    ['1989-01-08', 'H元年1月'],
    ['1926-12-24', 'T15年12月'],
    ['1926-12-25', 'S元年12月'],
    ['1868-01-24', '1868年1月'],
  ];
  for (const [iso, label] of ja) it(`ja ${iso} → ${label}`, () => assert.equal(eraYearMonthLabel(iso, 'ja'), label));
  it('en: month and Gregorian year', () => {
    assert.equal(eraYearMonthLabel('2022-04-01', 'en'), 'Apr 2022');
    assert.equal(eraYearMonthLabel('2019-05-01', 'en'), 'May 2019');
    assert.equal(eraYearMonthLabel('1989-01-07', 'en'), 'Jan 1989');
  });
  it('half-width digits only', () => assert.doesNotMatch(eraYearMonthLabel('2021-10-01', 'ja'), /[０-９]/));
  it('refuses a malformed date', () => assert.throws(() => eraYearMonthLabel('2022-02-30', 'ja'), RangeError));
});

describe('asOfLabel', () => {
  it('ja: R4年4月時点; era boundaries follow the date', () => {
    assert.equal(asOfLabel('2022-04-01', 'ja'), 'R4年4月時点');
    assert.equal(asOfLabel('2021-10-01', 'ja'), 'R3年10月時点');
    assert.equal(asOfLabel('2019-04-30', 'ja'), 'H31年4月時点');
    assert.equal(asOfLabel('2019-05-01', 'ja'), 'R元年5月時点');
    assert.equal(asOfLabel('1989-01-07', 'ja'), 'S64年1月時点');
    assert.equal(asOfLabel('1989-01-08', 'ja'), 'H元年1月時点');
  });
  it('en: as of Apr 2022', () => assert.equal(asOfLabel('2022-04-01', 'en'), 'as of Apr 2022'));
});

describe('eraYearShort: a calendar or cohort year, named by the era on 31 December', () => {
  const ja: ReadonlyArray<[number, string]> = [
    [2018, 'H30年'],
    [2017, 'H29年'],
    [2019, 'R元年'],
    [2020, 'R2年'],
    [1989, 'H元年'],
    [1988, 'S63年'],
    [1867, '1867年'],
  ];
  for (const [year, label] of ja) it(`ja ${year} → ${label}`, () => assert.equal(eraYearShort(year, 'ja'), label));
  it('en is the Gregorian year', () => assert.equal(eraYearShort(2018, 'en'), '2018'));
  it('refuses a value that is not a year', () => assert.throws(() => eraYearShort(Number.NaN, 'ja'), RangeError));
});
