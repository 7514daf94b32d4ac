import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  currentFiscalYear,
  fiscalYearEra,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearShortLabel,
  isValidIsoDate,
  todayIso,
} from '../../lib/domain/fiscal-year';
import { daysInMonth, isoFromParts, previousIsoDate } from '../../lib/domain/iso-date';

describe('isValidIsoDate', () => {
  const valid = [
    '2021-06-30',
    '2024-02-29',
    '2000-02-29',
    '2021-12-31',
    '2021-01-01',
    '2021-04-30',
    '0001-01-01',
    '9999-12-31',
  ];
  const invalid = [
    '2023-02-29',
    '2100-02-29',
    '1900-02-29',
    '2021-02-30',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '2021-01-32',
    '0000-01-01',
    '2021-6-30',
    '2021/06/30',
    '21-06-30',
    '20210630',
    '2021-06-30T00:00:00Z',
    ' 2021-06-30',
    '２０２１-０６-３０',
    '',
  ];
  for (const iso of valid) {
    it(`accepts ${iso}`, () => assert.equal(isValidIsoDate(iso), true));
  }
  for (const iso of invalid) {
    it(`rejects ${JSON.stringify(iso)}`, () => assert.equal(isValidIsoDate(iso), false));
  }
});

describe('iso-date helpers', () => {
  it('daysInMonth handles leap-year rules', () => {
    assert.deepEqual(
      [daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)],
      [29, 28, 28, 29],
    );
    assert.deepEqual(
      Array.from({ length: 12 }, (_, index) => daysInMonth(2021, index + 1)),
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.throws(() => daysInMonth(2021, 13), RangeError);
  });

  it('isoFromParts pads and validates', () => {
    assert.equal(isoFromParts(2021, 6, 3), '2021-06-03');
    assert.equal(isoFromParts(987, 1, 1), '0987-01-01');
    assert.throws(() => isoFromParts(2021, 2, 29), RangeError);
  });

  it('previousIsoDate crosses month and year boundaries', () => {
    assert.equal(previousIsoDate('2019-05-01'), '2019-04-30');
    assert.equal(previousIsoDate('2024-03-01'), '2024-02-29');
    assert.equal(previousIsoDate('2023-03-01'), '2023-02-28');
    assert.equal(previousIsoDate('2022-01-01'), '2021-12-31');
    assert.equal(previousIsoDate('2021-06-30'), '2021-06-29');
  });
});

describe('fiscalYearOf', () => {
  const cases: ReadonlyArray<[string, number]> = [
    ['2021-03-31', 2020],
    ['2021-04-01', 2021],
    ['2021-01-01', 2020],
    ['2021-12-31', 2021],
    ['2022-03-31', 2021],
    ['2024-02-29', 2023],
    ['2019-04-30', 2019],
    ['2019-05-01', 2019],
  ];
  for (const [iso, expected] of cases) {
    it(`${iso} → FY${expected}`, () => assert.equal(fiscalYearOf(iso), expected));
  }

  for (const bad of ['2021-02-30', '2023-02-29', '2021/04/01', 'abc', '']) {
    it(`throws RangeError for ${JSON.stringify(bad)}`, () => {
      assert.throws(() => fiscalYearOf(bad), RangeError);
    });
  }
});

describe('fiscalYearRange', () => {
  it('runs from 1 April to 31 March of the following year', () => {
    assert.deepEqual(fiscalYearRange(2021), { start: '2021-04-01', end: '2022-03-31' });
    assert.deepEqual(fiscalYearRange(2019), { start: '2019-04-01', end: '2020-03-31' });
  });

  it('every day in the range maps back to the same fiscal year', () => {
    const { start, end } = fiscalYearRange(2023);
    assert.equal(fiscalYearOf(start), 2023);
    assert.equal(fiscalYearOf(end), 2023);
    assert.equal(fiscalYearOf(previousIsoDate(start)), 2022);
  });

  for (const bad of [2021.5, Number.NaN, 0, 9999]) {
    it(`rejects ${bad}`, () => assert.throws(() => fiscalYearRange(bad), RangeError));
  }
});

describe('fiscalYearEra', () => {
  // The era on 31 December of the start year names the fiscal year.
  const cases: ReadonlyArray<[number, string, number]> = [
    [2021, 'reiwa', 3],
    [2019, 'reiwa', 1],
    [2018, 'heisei', 30],
    [1989, 'heisei', 1],
    [1988, 'showa', 63],
    [1926, 'showa', 1],
    [1925, 'taisho', 14],
    [1912, 'taisho', 1],
    [1868, 'meiji', 1],
  ];
  for (const [fy, key, year] of cases) {
    it(`FY${fy} → ${key} ${year}`, () => {
      const result = fiscalYearEra(fy);
      assert.equal(result.era.key, key);
      assert.equal(result.eraYear, year);
    });
  }

  it('throws before Meiji', () => {
    assert.throws(() => fiscalYearEra(1867), RangeError);
  });
});

describe('fiscalYearLabel', () => {
  const cases: ReadonlyArray<[number, string, string]> = [
    [2021, '令和3年度 (2021)', 'FY2021 (Reiwa 3)'],
    [2019, '令和元年度 (2019)', 'FY2019 (Reiwa 1)'],
    [2018, '平成30年度 (2018)', 'FY2018 (Heisei 30)'],
    [1989, '平成元年度 (1989)', 'FY1989 (Heisei 1)'],
    [1988, '昭和63年度 (1988)', 'FY1988 (Showa 63)'],
    [1867, '1867年度', 'FY1867'],
  ];
  for (const [fy, ja, en] of cases) {
    it(`FY${fy} ja → ${ja}`, () => assert.equal(fiscalYearLabel(fy, 'ja'), ja));
    it(`FY${fy} en → ${en}`, () => assert.equal(fiscalYearLabel(fy, 'en'), en));
  }

  it('rejects invalid fiscal years', () => {
    assert.throws(() => fiscalYearLabel(2021.5, 'ja'), RangeError);
  });
});

describe('fiscalYearShortLabel', () => {
  const cases: ReadonlyArray<[number, string, string]> = [
    [2021, '令和3年度', 'FY2021'],
    [2019, '令和元年度', 'FY2019'],
    [2018, '平成30年度', 'FY2018'],
    [1989, '平成元年度', 'FY1989'],
    [1988, '昭和63年度', 'FY1988'],
    [1867, '1867年度', 'FY1867'],
  ];
  for (const [fy, ja, en] of cases) {
    it(`FY${fy} ja → ${ja}`, () => assert.equal(fiscalYearShortLabel(fy, 'ja'), ja));
    it(`FY${fy} en → ${en}`, () => assert.equal(fiscalYearShortLabel(fy, 'en'), en));
  }
});

describe('todayIso and currentFiscalYear (Asia/Tokyo)', () => {
  const cases: ReadonlyArray<[string, string, number]> = [
    ['2027-03-31T15:30:00Z', '2027-04-01', 2027],
    ['2027-03-31T14:59:00Z', '2027-03-31', 2026],
    ['2027-03-31T15:00:00Z', '2027-04-01', 2027],
    ['2027-03-31T14:59:59.999Z', '2027-03-31', 2026],
    ['2021-12-31T15:00:00Z', '2022-01-01', 2021],
    ['2024-02-28T15:00:00Z', '2024-02-29', 2023],
    ['2019-04-30T15:00:00Z', '2019-05-01', 2019],
  ];
  for (const [instant, iso, fy] of cases) {
    it(`${instant} is ${iso} in Tokyo (FY${fy})`, () => {
      const now = new Date(instant);
      assert.equal(todayIso(now), iso);
      assert.equal(currentFiscalYear(now), fy);
    });
  }

  it('agrees with Intl Asia/Tokyo formatting', () => {
    const formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let hour = 0; hour < 48; hour += 1) {
      const now = new Date(Date.UTC(2027, 2, 31, hour, 30));
      assert.equal(todayIso(now), formatter.format(now));
    }
  });

  it('defaults to the current time', () => {
    assert.match(todayIso(), /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(currentFiscalYear(), fiscalYearOf(todayIso()));
  });

  it('rejects an invalid Date', () => {
    assert.throws(() => todayIso(new Date(Number.NaN)), RangeError);
    assert.throws(() => currentFiscalYear(new Date('garbage')), RangeError);
  });
});
