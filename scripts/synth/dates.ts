/*
 * Dates as day numbers (days since 1970-01-01), with a table of their ISO strings: the generator
 * does date arithmetic millions of times, and integers are far cheaper than Date objects.
 */

const FIRST_DAY = Math.floor(Date.UTC(1900, 0, 1) / 86_400_000);
const LAST_DAY = Math.floor(Date.UTC(2100, 0, 1) / 86_400_000);
const isoTable: string[] = [];
const dayTable = new Map<string, number>();
for (let d = FIRST_DAY; d < LAST_DAY; d++) {
  const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
  isoTable.push(iso);
  dayTable.set(iso, d);
}

export function iso(day: number): string {
  const s = isoTable[day - FIRST_DAY];
  if (s === undefined) throw new RangeError(`day ${day} is outside 1900–2099`);
  return s;
}

export function day(isoDate: string): number {
  const d = dayTable.get(isoDate);
  if (d === undefined) throw new RangeError(`not an ISO date: ${isoDate}`);
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
