// Calendar arithmetic on plain year/month/day integers.
//
// Dates in Tsunagu are ISO date-only strings ('YYYY-MM-DD') with Japanese
// calendar-day semantics. We deliberately never round-trip them through
// `new Date('YYYY-MM-DD')`: that parses as UTC midnight, and reading local
// fields on a server in another time zone would shift the day.

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Four-digit years only: the app has no use for years beyond 9999, and a fixed
// width keeps lexicographic order equal to chronological order.
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`daysInMonth: invalid year/month ${year}/${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Strict 'YYYY-MM-DD' parse; null unless it names a real calendar date. */
export function parseIsoDate(iso: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

export function isValidIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

/** Like parseIsoDate, but for call sites where bad input is a programming error. */
export function assertIsoDate(iso: string): DateParts {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Invalid ISO date: ${JSON.stringify(iso)}`);
  return parts;
}

export function isoFromParts(year: number, month: number, day: number): string {
  if (!isValidDateParts(year, month, day)) {
    throw new RangeError(`Invalid date parts: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function previousIsoDate(iso: string): string {
  const { year, month, day } = assertIsoDate(iso);
  if (day > 1) return isoFromParts(year, month, day - 1);
  if (month > 1) return isoFromParts(year, month - 1, daysInMonth(year, month - 1));
  return isoFromParts(year - 1, 12, 31);
}
