import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  ERAS,
  eraByKey,
  eraByLetter,
  eraByNameJa,
  eraOfDate,
  eraYear,
  formatEraYear,
  toGregorianYear,
  type EraKey,
} from '../../lib/domain/era';

describe('ERAS table', () => {
  it('lists the five modern eras in order with derived end dates', () => {
    assert.deepEqual(
      ERAS.map((era) => [era.key, era.nameJa, era.nameEn, era.letter, era.start, era.end]),
      [
        ['meiji', '明治', 'Meiji', 'M', '1868-01-25', '1912-07-29'],
        ['taisho', '大正', 'Taisho', 'T', '1912-07-30', '1926-12-24'],
        ['showa', '昭和', 'Showa', 'S', '1926-12-25', '1989-01-07'],
        ['heisei', '平成', 'Heisei', 'H', '1989-01-08', '2019-04-30'],
        ['reiwa', '令和', 'Reiwa', 'R', '2019-05-01', null],
      ],
    );
  });

  it('is frozen so callers cannot corrupt shared state', () => {
    assert.ok(Object.isFrozen(ERAS));
    assert.ok(ERAS.every((era) => Object.isFrozen(era)));
  });
});

describe('eraOfDate', () => {
  const cases: ReadonlyArray<[string, EraKey | null]> = [
    ['1868-01-24', null],
    ['1868-01-25', 'meiji'],
    ['1912-07-29', 'meiji'],
    ['1912-07-30', 'taisho'],
    ['1926-12-24', 'taisho'],
    ['1926-12-25', 'showa'],
    ['1989-01-07', 'showa'],
    ['1989-01-08', 'heisei'],
    ['2019-04-30', 'heisei'],
    ['2019-05-01', 'reiwa'],
    ['2099-12-31', 'reiwa'],
    ['0001-01-01', null],
  ];
  for (const [iso, expected] of cases) {
    it(`${iso} → ${expected ?? 'null'}`, () => {
      assert.equal(eraOfDate(iso)?.key ?? null, expected);
    });
  }

  for (const bad of ['2021-02-30', '2021-6-30', '', 'not a date', '2021-13-01']) {
    it(`throws RangeError for invalid input ${JSON.stringify(bad)}`, () => {
      assert.throws(() => eraOfDate(bad), RangeError);
    });
  }
});

describe('eraYear', () => {
  const cases: ReadonlyArray<[EraKey, number, number]> = [
    ['showa', 1926, 1],
    ['showa', 1988, 63],
    ['showa', 1989, 64],
    ['heisei', 1989, 1],
    ['heisei', 2019, 31],
    ['reiwa', 2019, 1],
    ['reiwa', 2021, 3],
    ['taisho', 1926, 15],
    ['meiji', 1912, 45],
  ];
  for (const [key, year, expected] of cases) {
    it(`${key} ${year} → ${expected}`, () => {
      assert.equal(eraYear(eraByKey(key), year), expected);
    });
  }

  it('rejects years before the era began', () => {
    assert.throws(() => eraYear(eraByKey('reiwa'), 2018), RangeError);
  });

  it('rejects non-integer years', () => {
    assert.throws(() => eraYear(eraByKey('reiwa'), 2020.5), RangeError);
  });
});

describe('formatEraYear', () => {
  const cases: ReadonlyArray<[number, string]> = [
    [1, '元'],
    [2, '2'],
    [31, '31'],
    [64, '64'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      assert.equal(formatEraYear(input), expected);
    });
  }
});

describe('toGregorianYear', () => {
  const cases: ReadonlyArray<[EraKey, number, number]> = [
    ['reiwa', 1, 2019],
    ['reiwa', 3, 2021],
    ['heisei', 1, 1989],
    ['heisei', 31, 2019],
    ['showa', 64, 1989],
    ['showa', 63, 1988],
    ['taisho', 15, 1926],
    ['meiji', 45, 1912],
    ['meiji', 1, 1868],
  ];
  for (const [key, year, expected] of cases) {
    it(`${key} ${year} → ${expected}`, () => {
      assert.equal(toGregorianYear(key, year), expected);
    });
  }

  for (const bad of [0, -1, 1.5, Number.NaN]) {
    it(`rejects era year ${bad}`, () => {
      assert.throws(() => toGregorianYear('reiwa', bad), RangeError);
    });
  }

  it('round-trips with eraYear for every era', () => {
    for (const era of ERAS) {
      assert.equal(eraYear(era, toGregorianYear(era.key, 7)), 7);
    }
  });
});

describe('era lookups', () => {
  it('finds eras by letter case-insensitively', () => {
    assert.equal(eraByLetter('R')?.key, 'reiwa');
    assert.equal(eraByLetter('h')?.key, 'heisei');
    assert.equal(eraByLetter('X'), null);
  });

  it('finds eras by Japanese name', () => {
    assert.equal(eraByNameJa('昭和')?.key, 'showa');
    assert.equal(eraByNameJa('慶応'), null);
  });

  it('finds eras by key', () => {
    assert.equal(eraByKey('taisho').nameJa, '大正');
  });
});
