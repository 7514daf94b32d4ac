import "server-only";
import { setAppToday } from "@/lib/domain/clock";
import { todayIso } from "@/lib/domain/fiscal-year";

/**
 * The app's today at start-up (ADR 0020). TSUNAGU_TODAY=YYYY-MM-DD fixes it, so that a demo or
 * a test run sees "what falls due next week" on a known day, but only with demo data: a real
 * database must never run on a shifted calendar. Call it before prepareDatabase, which seeds
 * the demo up to that day. Returns the line to log: which date is in force and why.
 * A malformed date throws (setAppToday), so a typo stops the start instead of lying.
 */
export function applyDemoToday(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const wanted = env.TSUNAGU_TODAY?.trim();
  if (wanted && env.TSUNAGU_DEMO_DATA !== "off") {
    setAppToday(wanted);
    return `Today is ${todayIso()} (TSUNAGU_TODAY, with demo data): the app's calendar is shifted to that day, the time of day keeps running. A database seeded before keeps the demo of the day it was seeded on.`;
  }
  if (wanted) return `TSUNAGU_TODAY=${wanted} is ignored: it applies only with demo data (TSUNAGU_DEMO_DATA=off). Today is ${todayIso()} (the real date in Japan).`;
  return `Today is ${todayIso()} (the real date in Japan).`;
}
