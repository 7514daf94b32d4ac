// Japanese era names (元号) since the Meiji restoration.
//
// Boundaries are the official start dates. Meiji nominally began on
// 1868-01-25 (the era was declared retroactively); the app only handles
// modern records, so we do not model the pre-1873 lunisolar calendar.

import { assertIsoDate, previousIsoDate } from './iso-date';

export type EraKey = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';

export interface Era {
  readonly key: EraKey;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly letter: string;
  /** First day of the era (ISO date, inclusive). */
  readonly start: string;
  /** Last day of the era (ISO date, inclusive); null for the current era. */
  readonly end: string | null;
}

type EraDefinition = Omit<Era, 'end'>;

const ERA_DEFINITIONS: readonly EraDefinition[] = [
  { key: 'meiji', nameJa: '明治', nameEn: 'Meiji', letter: 'M', start: '1868-01-25' },
  { key: 'taisho', nameJa: '大正', nameEn: 'Taisho', letter: 'T', start: '1912-07-30' },
  { key: 'showa', nameJa: '昭和', nameEn: 'Showa', letter: 'S', start: '1926-12-25' },
  { key: 'heisei', nameJa: '平成', nameEn: 'Heisei', letter: 'H', start: '1989-01-08' },
  { key: 'reiwa', nameJa: '令和', nameEn: 'Reiwa', letter: 'R', start: '2019-05-01' },
];

// Ends are derived rather than hard-coded so that adding a future era only
// requires one new row and cannot leave a gap or overlap.
export const ERAS: readonly Era[] = Object.freeze(
  ERA_DEFINITIONS.map((definition, index): Era => {
    const next = ERA_DEFINITIONS[index + 1];
    return Object.freeze({ ...definition, end: next ? previousIsoDate(next.start) : null });
  }),
);

export function eraByKey(key: EraKey): Era {
  const era = ERAS.find((candidate) => candidate.key === key);
  if (!era) throw new RangeError(`Unknown era key: ${String(key)}`);
  return era;
}

/** Case-insensitive lookup by the one-letter abbreviation (R, H, S, T, M). */
export function eraByLetter(letter: string): Era | null {
  const upper = letter.toUpperCase();
  return ERAS.find((era) => era.letter === upper) ?? null;
}

export function eraByNameJa(nameJa: string): Era | null {
  return ERAS.find((era) => era.nameJa === nameJa) ?? null;
}

function eraStartYear(era: Era): number {
  return assertIsoDate(era.start).year;
}

/** The era in force on the given ISO date, or null before Meiji. */
export function eraOfDate(iso: string): Era | null {
  assertIsoDate(iso);
  // Fixed-width ISO strings compare chronologically, so plain string
  // comparison is enough; walk newest-first to find the latest era started.
  for (let index = ERAS.length - 1; index >= 0; index -= 1) {
    const era = ERAS[index];
    if (era && era.start <= iso) return era;
  }
  return null;
}

/**
 * Era year number for a Gregorian year (1 = 元年). Purely arithmetic: it does
 * not check that the era had not already ended in that year, because callers
 * choose which era applies (e.g. fiscal years use the era on 31 December).
 */
export function eraYear(era: Era, gregorianYear: number): number {
  if (!Number.isInteger(gregorianYear)) {
    throw new RangeError(`eraYear: invalid year ${gregorianYear}`);
  }
  const year = gregorianYear - eraStartYear(era) + 1;
  if (year < 1) {
    throw new RangeError(`eraYear: ${gregorianYear} is before ${era.nameEn} began`);
  }
  return year;
}

/** Japanese usage writes the first year of an era as 元 (令和元年), not 1. */
export function formatEraYear(eraYearNumber: number): string {
  return eraYearNumber === 1 ? '元' : String(eraYearNumber);
}

export function toGregorianYear(eraKey: EraKey, eraYearNumber: number): number {
  if (!Number.isInteger(eraYearNumber) || eraYearNumber < 1) {
    throw new RangeError(`toGregorianYear: invalid era year ${eraYearNumber}`);
  }
  return eraStartYear(eraByKey(eraKey)) + eraYearNumber - 1;
}

