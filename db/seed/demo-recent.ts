import "server-only";
import type { Db } from "@/db/client";
import { seedRecentCases } from "./demo-recent-cases";
import { seedRecentOutreach } from "./demo-recent-outreach";
import { seedRecentPeers } from "./demo-recent-peers";
import { RECENT_FIRST_FY, recentContext } from "./demo-recent-util";
import { seedRecentWork } from "./demo-recent-work";

/**
 * The demo after FY2024, up to the day it is seeded (ADR 0020). The FY2019–FY2024 seeders
 * (demo-*.ts) describe 2025-03-31 and never read the clock; this continues their rows to
 * `today` (the app's today, lib/domain/clock.ts), so a coordinator signing in on any day sees
 * recent activity, follow-ups and reviews falling due, and the current year's lists filled.
 *
 * Deterministic for a given day: every choice comes from seeded generators (random.ts) keyed
 * by fixed names and row ids, every id is derived from the rows it belongs to, and `today` is
 * the only input besides the database the other seeders just wrote. Nothing dated up to
 * 2025-03-31 changes; what happened is dated today at the latest, only what is planned
 * (follow-up and review due dates, scheduled dispatches, a booked trial stay) lies ahead.
 *
 * Runs in one transaction, and only right after the other demo seeders filled empty tables
 * (prepareDatabase checks), so a second start adds nothing.
 */
export type DemoRecentSummary = {
  today: string;
  firstFiscalYear: number;
  lastFiscalYear: number;
  continuedCases: number;
  newCases: number;
  discharged: number;
  closed: number;
  meetings: number;
  trainings: number;
  events: number;
  dispatches: number;
  plannedDispatches: number;
  outreachContacts: number;
};

/** Seed the years after FY2024 up to `today`; null (nothing written) when today is not after 2025-03-31. */
export function seedDemoRecent(db: Db, today: string): DemoRecentSummary | null {
  const ctx = recentContext(today, db);
  if (today <= ctx.anchor) return null;
  return db.transaction((tx) => {
    const c = seedRecentCases(tx, ctx);
    const w = seedRecentWork(tx, ctx);
    const p = seedRecentPeers(tx, ctx, c.spans);
    const o = seedRecentOutreach(tx, ctx);
    return {
      today,
      firstFiscalYear: RECENT_FIRST_FY,
      lastFiscalYear: ctx.currentFy,
      continuedCases: c.continued,
      newCases: c.newCases,
      discharged: c.discharged,
      closed: c.closed,
      meetings: w.meetings,
      trainings: w.trainings,
      events: w.events,
      dispatches: p.done,
      plannedDispatches: p.planned,
      outreachContacts: o.contacts,
    };
  });
}

/** The start-up log line. */
export function describeRecent(r: DemoRecentSummary): string {
  const years = r.firstFiscalYear === r.lastFiscalYear ? `FY${r.firstFiscalYear}` : `FY${r.firstFiscalYear}–FY${r.lastFiscalYear}`;
  return (
    `Continued the demo through ${r.today} (${years}): ${r.continuedCases} open cases went on (${r.discharged} discharged, ${r.closed} closed since) and ${r.newCases} were referred; ` +
    `${r.meetings} meetings, ${r.trainings} trainings, ${r.events} events, ${r.dispatches} peer dispatches done and ${r.plannedDispatches} planned, ${r.outreachContacts} outreach contacts.`
  );
}
