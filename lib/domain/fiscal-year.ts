// Japanese fiscal year (年度): 1 April to 31 March, identified by the
// Gregorian year in which it starts (FY2021 = 2021-04-01 .. 2022-03-31).

import { appNow } from './clock';
import { eraOfDate, eraYear, formatEraYear, type Era } from './era';
import { assertIsoDate, isoFromParts } from './iso-date';

export { isValidIsoDate } from './iso-date';

export type FiscalYearLocale = 'ja' | 'en';

export interface FiscalYearRange {
  readonly start: string;
  readonly end: string;
}

export interface FiscalYearEra {
  readonly era: Era;
  readonly eraYear: number;
}

// Japan has kept a fixed UTC+9 offset with no daylight saving since 1951, so a
// constant offset is exact and avoids depending on the runtime's ICU
// time-zone data (small-icu builds lack Asia/Tokyo).
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

function assertFiscalYear(fy: number): void {
  // Upper bound keeps the range end (fy + 1) a valid four-digit ISO year.
  if (!Number.isInteger(fy) || fy < 1 || fy > 9998) {
    throw new RangeError(`Invalid fiscal year: ${fy}`);
  }
}

export function fiscalYearOf(iso: string): number {
  const { year, month } = assertIsoDate(iso);
  return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fy: number): FiscalYearRange {
  assertFiscalYear(fy);
  return { start: isoFromParts(fy, 4, 1), end: isoFromParts(fy + 1, 3, 31) };
}

/**
 * Era naming follows the era in force on 31 December of the start year, which
 * is how official documents label a fiscal year that straddles an era change:
 * FY2019 (began 2019-04-01, still Heisei) is 令和元年度, FY1988 is 昭和63年度
 * even though it ran into 平成元年.
 *
 * Throws a RangeError for fiscal years before Meiji.
 */
export function fiscalYearEra(fy: number): FiscalYearEra {
  assertFiscalYear(fy);
  const era = eraOfDate(isoFromParts(fy, 12, 31));
  if (!era) throw new RangeError(`No Japanese era for fiscal year ${fy}`);
  return { era, eraYear: eraYear(era, fy) };
}

function fiscalYearEraOrNull(fy: number): FiscalYearEra | null {
  assertFiscalYear(fy);
  return fy >= 1868 ? fiscalYearEra(fy) : null;
}

// Labels fall back to Gregorian-only text before Meiji rather than throwing,
// so that a stray historic value never breaks rendering.

/** ja: 令和3年度 (2021); en: FY2021 (Reiwa 3). */
export function fiscalYearLabel(fy: number, locale: FiscalYearLocale): string {
  const named = fiscalYearEraOrNull(fy);
  if (locale === 'ja') {
    return named ? `${named.era.nameJa}${formatEraYear(named.eraYear)}年度 (${fy})` : `${fy}年度`;
  }
  // English has no 元 convention; the first year is simply "1".
  return named ? `FY${fy} (${named.era.nameEn} ${named.eraYear})` : `FY${fy}`;
}

/** ja: 令和3年度; en: FY2021. */
export function fiscalYearShortLabel(fy: number, locale: FiscalYearLocale): string {
  const named = fiscalYearEraOrNull(fy);
  if (locale === 'ja') {
    return named ? `${named.era.nameJa}${formatEraYear(named.eraYear)}年度` : `${fy}年度`;
  }
  return `FY${fy}`;
}

/** Today's calendar date in Japan, as an ISO date, regardless of server time zone. */
export function todayIso(now: Date = appNow()): string {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError('todayIso: invalid Date');
  const tokyo = new Date(time + JST_OFFSET_MS);
  return isoFromParts(tokyo.getUTCFullYear(), tokyo.getUTCMonth() + 1, tokyo.getUTCDate());
}

export function currentFiscalYear(now: Date = appNow()): number {
  return fiscalYearOf(todayIso(now));
}
