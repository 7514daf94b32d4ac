// The short era labels official tables print (the 自治体情報シート and its sources): R3年度,
// R5年度末, R4年4月時点, H30年. One letter for the era, 元 for its first year, half-width
// digits. English has no era convention in these tables, so it gets plain Gregorian labels.
//
// Which era: a fiscal year or calendar year takes the era in force on 31 December of its
// (start) year, as fiscalYearEra does (FY2019 is R元年度, 2019 is R元年); a date or a month
// takes the era in force on that date (2019-04-30 is H31年4月, 2019-05-01 is R元年5月).
// Before Meiji there is no era to name and the labels fall back to the Gregorian year.

import { eraOfDate, eraYear, formatEraYear } from './era';
import { fiscalYearEra, type FiscalYearLocale } from './fiscal-year';
import { assertIsoDate, isoFromParts } from './iso-date';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function assertYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < 1 || year > 9998) throw new RangeError(`Invalid ${what}: ${year}`);
}

/** "R3" for 2021 (era on 31 December), "R元" for 2019; the Gregorian year before Meiji. */
function shortEraYearOf(year: number): string {
  const era = eraOfDate(isoFromParts(year, 12, 31));
  return era ? `${era.letter}${formatEraYear(eraYear(era, year))}` : String(year);
}

/** ja: R3年度 (FY2019 → R元年度, FY2018 → H30年度); en: FY2021. */
export function fiscalYearEraShort(fy: number, locale: FiscalYearLocale): string {
  assertYear(fy, 'fiscal year');
  if (locale === 'en') return `FY${fy}`;
  if (fy < 1868) return `${fy}年度`;
  const { era, eraYear: n } = fiscalYearEra(fy);
  return `${era.letter}${formatEraYear(n)}年度`;
}

/** ja: R5年度末; en: end of FY2023. */
export function fiscalYearEndLabel(fy: number, locale: FiscalYearLocale): string {
  return locale === 'en' ? `end of ${fiscalYearEraShort(fy, 'en')}` : `${fiscalYearEraShort(fy, 'ja')}末`;
}

/** The month of a date in the era in force that day. ja: R4年4月, H31年4月 (2019-04-30), R元年5月 (2019-05-01); en: Apr 2022. */
export function eraYearMonthLabel(isoDate: string, locale: FiscalYearLocale): string {
  const { year, month } = assertIsoDate(isoDate);
  if (locale === 'en') return `${MONTHS_EN[month - 1]} ${year}`;
  const era = eraOfDate(isoDate);
  const yearText = era ? `${era.letter}${formatEraYear(eraYear(era, year))}` : String(year);
  return `${yearText}年${month}月`;
}

/** A reference date (statistics "as of" a month). ja: R4年4月時点; en: as of Apr 2022. */
export function asOfLabel(isoDate: string, locale: FiscalYearLocale): string {
  const month = eraYearMonthLabel(isoDate, locale);
  return locale === 'en' ? `as of ${month}` : `${month}時点`;
}

/** A calendar or cohort year. ja: H30年 (2018), R元年 (2019); en: 2018. */
export function eraYearShort(year: number, locale: FiscalYearLocale): string {
  assertYear(year, 'year');
  return locale === 'en' ? String(year) : `${shortEraYearOf(year)}年`;
}
