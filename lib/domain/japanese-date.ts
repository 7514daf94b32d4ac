// Lenient parser for dates as people type them in Japanese clinical and
// administrative paperwork: Gregorian (2021/6/30, 2021年6月30日) and era
// forms (令和3年6月30日, R3.6.30, 令和元年5月1日).
//
// The parser only returns error codes; wording lives in the UI's translations.
// An impossible date is always reported as an error and never silently
// rolled over into a neighbouring date or era.

import { eraByLetter, eraByNameJa, eraOfDate, ERAS, toGregorianYear, type Era } from './era';
import { daysInMonth, isoFromParts, isValidDateParts } from './iso-date';

export const JAPANESE_DATE_ERRORS = [
  /** Nothing but whitespace was entered. */
  'empty',
  /** The text cannot be read as a date at all (including 2-digit Western years). */
  'format',
  /** Readable, but not a real calendar date (2021-02-30, month 13, era year 0). */
  'invalid_date',
  /** A real date (or month) that falls outside the named era (R1.4.30, H31.5.1; R1.4, H31.5). */
  'outside_era',
  /** Shaped like an era date, but the era name or letter is not recognised. */
  'unknown_era',
] as const;

export type JapaneseDateError = (typeof JAPANESE_DATE_ERRORS)[number];

export type ParseJapaneseDateResult =
  | { readonly ok: true; readonly iso: string }
  | { readonly ok: false; readonly error: JapaneseDateError };

// NFKC already folds full-width digits, letters and most punctuation, and
// even the one-character era ligatures (㋿ → 令和), but not the dash look-alikes
// that Japanese IMEs commonly produce for "-" (ー, −, ‐, –, —).
const DASH_LIKE = /[\u2010-\u2015\u2212\u30fc]/g;

// Four-digit years only: a 2-digit year is ambiguous between eras and
// centuries, so we ask the user to be explicit instead of guessing.
const WESTERN_SEPARATED = /^(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const WESTERN_KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const WESTERN_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

// Era token: a Latin letter (R, H, ...) or one or two kanji (令和, or the
// single-character abbreviation 令). Unrecognised tokens still match so that
// they can be reported as 'unknown_era' rather than a generic 'format'.
const ERA_TOKEN = String.raw`([A-Za-z]|\p{Script=Han}{1,2})`;
const ERA_YEAR = String.raw`(元|\d{1,2})`;
const ERA_KANJI = new RegExp(
  String.raw`^${ERA_TOKEN}\s*${ERA_YEAR}\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`,
  'u',
);
const ERA_SEPARATED = new RegExp(
  String.raw`^${ERA_TOKEN}\s*${ERA_YEAR}\s*([./-])\s*(\d{1,2})\s*\3\s*(\d{1,2})$`,
  'u',
);
// R030630: the fixed-width form used on some forms and in spreadsheets.
const ERA_COMPACT = /^([A-Za-z])(\d{2})(\d{2})(\d{2})$/;

function ok(iso: string): ParseJapaneseDateResult {
  return { ok: true, iso };
}

function fail(error: JapaneseDateError): ParseJapaneseDateResult {
  return { ok: false, error };
}

function resolveEraToken(token: string): Era | null {
  if (/^[A-Za-z]$/.test(token)) return eraByLetter(token);
  if (token.length === 1) {
    // Single-kanji abbreviations (令, 平, 昭, 大, 明) are unambiguous because
    // every modern era name starts with a different character.
    return ERAS.find((era) => era.nameJa.startsWith(token)) ?? null;
  }
  return eraByNameJa(token);
}

function fromGregorian(year: number, month: number, day: number): ParseJapaneseDateResult {
  return isValidDateParts(year, month, day) ? ok(isoFromParts(year, month, day)) : fail('invalid_date');
}

function fromEra(
  token: string,
  eraYearText: string,
  month: number,
  day: number,
): ParseJapaneseDateResult {
  const era = resolveEraToken(token);
  if (!era) return fail('unknown_era');
  const eraYearNumber = eraYearText === '元' ? 1 : Number(eraYearText);
  // Era year 0 does not exist (the first year is 元年); treat it like month 0.
  if (eraYearNumber < 1) return fail('invalid_date');
  const year = toGregorianYear(era.key, eraYearNumber);
  if (!isValidDateParts(year, month, day)) return fail('invalid_date');
  const iso = isoFromParts(year, month, day);
  // Reject rather than re-label: H31.5.1 is not "really" R1.5.1, it is a
  // typo the user needs to see.
  if (eraOfDate(iso)?.key !== era.key) return fail('outside_era');
  return ok(iso);
}

export function normalizeDateInput(input: string): string {
  return input.normalize('NFKC').replace(DASH_LIKE, '-').trim();
}

export function parseJapaneseDate(input: string): ParseJapaneseDateResult {
  const text = normalizeDateInput(input);
  if (text === '') return fail('empty');

  const separatedWestern = WESTERN_SEPARATED.exec(text);
  if (separatedWestern) {
    return fromGregorian(
      Number(separatedWestern[1]),
      Number(separatedWestern[3]),
      Number(separatedWestern[4]),
    );
  }

  const western = WESTERN_KANJI.exec(text) ?? WESTERN_COMPACT.exec(text);
  if (western) {
    return fromGregorian(Number(western[1]), Number(western[2]), Number(western[3]));
  }

  const kanji = ERA_KANJI.exec(text);
  if (kanji) {
    return fromEra(kanji[1] ?? '', kanji[2] ?? '', Number(kanji[3]), Number(kanji[4]));
  }

  const separated = ERA_SEPARATED.exec(text);
  if (separated) {
    return fromEra(separated[1] ?? '', separated[2] ?? '', Number(separated[4]), Number(separated[5]));
  }

  const compact = ERA_COMPACT.exec(text);
  if (compact) {
    return fromEra(compact[1] ?? '', compact[2] ?? '', Number(compact[3]), Number(compact[4]));
  }

  return fail('format');
}

// ---------------------------------------------------------------------------------------
// Year-months (生年月 and the like): the same forms without the day.

export type ParseJapaneseYearMonthResult =
  | { readonly ok: true; readonly yearMonth: string }
  | { readonly ok: false; readonly error: JapaneseDateError };

const WESTERN_YM_SEPARATED = /^(\d{4})\s*[./-]\s*(\d{1,2})$/;
const WESTERN_YM_KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/;
const ERA_YM_KANJI = new RegExp(String.raw`^${ERA_TOKEN}\s*${ERA_YEAR}\s*年\s*(\d{1,2})\s*月$`, 'u');
const ERA_YM_SEPARATED = new RegExp(String.raw`^${ERA_TOKEN}\s*${ERA_YEAR}\s*[./-]\s*(\d{1,2})$`, 'u');

function okYearMonth(year: number, month: number): ParseJapaneseYearMonthResult {
  return { ok: true, yearMonth: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` };
}

function failYearMonth(error: JapaneseDateError): ParseJapaneseYearMonthResult {
  return { ok: false, error };
}

function yearMonthFromGregorian(year: number, month: number): ParseJapaneseYearMonthResult {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 ? okYearMonth(year, month) : failYearMonth('invalid_date');
}

function yearMonthFromEra(token: string, eraYearText: string, month: number): ParseJapaneseYearMonthResult {
  const era = resolveEraToken(token);
  if (!era) return failYearMonth('unknown_era');
  const eraYearNumber = eraYearText === '元' ? 1 : Number(eraYearText);
  if (eraYearNumber < 1 || month < 1 || month > 12) return failYearMonth('invalid_date');
  const year = toGregorianYear(era.key, eraYearNumber);
  // The month must share at least one day with the era. Months an era change splits belong to
  // both eras (S64.1 and H1.1 are both January 1989); a month wholly outside is a typo, never
  // re-labelled: R1.4 (令和 began 1 May 2019) and H31.5 are errors.
  const first = isoFromParts(year, month, 1);
  const last = isoFromParts(year, month, daysInMonth(year, month));
  if (era.start > last || (era.end !== null && era.end < first)) return failYearMonth('outside_era');
  return okYearMonth(year, month);
}

/**
 * A year and month as people type them: 2021-04, 2021/4, 2021年4月, 令和3年4月, R3.4, R3/4,
 * R3年4月, 令和元年5月, full-width digits (Ｒ３．４). Yields "YYYY-MM". A full date is not a
 * year-month ('format'); the errors are those of parseJapaneseDate.
 */
export function parseJapaneseYearMonth(input: string): ParseJapaneseYearMonthResult {
  const text = normalizeDateInput(input);
  if (text === '') return failYearMonth('empty');

  const western = WESTERN_YM_SEPARATED.exec(text) ?? WESTERN_YM_KANJI.exec(text);
  if (western) return yearMonthFromGregorian(Number(western[1]), Number(western[2]));

  const era = ERA_YM_KANJI.exec(text) ?? ERA_YM_SEPARATED.exec(text);
  if (era) return yearMonthFromEra(era[1] ?? '', era[2] ?? '', Number(era[3]));

  return failYearMonth('format');
}
