// The app's notion of "now". Real time, except in a demo database started with
// TSUNAGU_TODAY=YYYY-MM-DD (instrumentation.ts decides, and only when demo data is on), where
// the calendar is shifted so that today in Japan is that day: tests and demos can then show
// "what falls due next week" on a known date. The time of day keeps running.
//
// Kept on globalThis because Next may evaluate this module in more than one bundle.

const globalClock = globalThis as typeof globalThis & { __tsunaguClockOffsetMs?: number };

const DAY_MS = 24 * 60 * 60 * 1000;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Now, as the app sees it. */
export function appNow(): Date {
  return new Date(Date.now() + (globalClock.__tsunaguClockOffsetMs ?? 0));
}

/** Japan's calendar day number (days since 1970-01-01 JST) of an instant. */
function jstDayNumber(time: number): number {
  return Math.floor((time + JST_OFFSET_MS) / DAY_MS);
}

/**
 * Make `today` (an ISO date) the app's today in Japan from now on; null goes back to real time.
 * Throws on a malformed date, so a typo in TSUNAGU_TODAY stops the start instead of lying.
 */
export function setAppToday(today: string | null, realNow: number = Date.now()): void {
  if (today === null) {
    delete globalClock.__tsunaguClockOffsetMs;
    return;
  }
  const m = ISO_DAY.exec(today);
  const target = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(target) || new Date(target).toISOString().slice(0, 10) !== today) {
    throw new RangeError(`TSUNAGU_TODAY must be a date like 2026-12-01, not "${today}"`);
  }
  globalClock.__tsunaguClockOffsetMs = (target / DAY_MS - jstDayNumber(realNow)) * DAY_MS;
}

/** True while a fixed "today" is in force (the demo banner can say so). */
export function isAppTodayFixed(): boolean {
  return globalClock.__tsunaguClockOffsetMs !== undefined;
}
