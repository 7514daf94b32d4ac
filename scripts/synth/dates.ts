/*
 * Dates as day numbers (days since 1970-01-01), with their ISO strings computed once each: the
 * generator does date arithmetic millions of times, and integers are far cheaper than Date objects.
 */

const isoCache = new Map<number, string>();
const dayCache = new Map<string, number>();

export function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

export function day(isoDate: string): number {
  let d = dayCache.get(isoDate);
  if (d === undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(Date.parse(isoDate))) throw new RangeError(`not an ISO date: ${isoDate}`);
    d = Date.parse(`${isoDate}T00:00:00.000Z`) / 86_400_000;
    dayCache.set(isoDate, d);
  }
  return d;
}

/** The fiscal year (April to March) of a day number. */
export function fiscalYearOfDay(d: number): number {
  const s = iso(d);
  const y = Number(s.slice(0, 4));
  return Number(s.slice(5, 7)) >= 4 ? y : y - 1;
}

export const fyStart = (fy: number) => day(`${fy}-04-01`);
export const fyEnd = (fy: number) => day(`${fy + 1}-03-31`);
