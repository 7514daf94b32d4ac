import "server-only";
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "@/db/client";
import { carePlans, cases, followUpChecks, peerIdentities, peerSupporters, personIdentities, trialStays } from "@/db/schema";
import type { CarePlanType, TrialStayKind } from "@/lib/domain/case-codes";
import { addDays } from "@/lib/domain/date-math";
import { fiscalYearOf, fiscalYearRange, todayIso } from "@/lib/domain/fiscal-year";
import { fullName } from "@/lib/domain/person-name";
import type { ListScope } from "@/lib/list-url";
import type { Actor } from "./actor";
import { auditView } from "./audit";
import { OPEN_PLAN_STATUSES } from "./case-list";
import { actorParams, placeholderActor, preparedFor } from "./prepared";
import { caseGate, peerGate } from "./record-gate";

/*
 * 今後の予定: what falls due in the next REMINDER_WINDOW_DAYS days (today included) and what is
 * overdue, read through the gates: unchecked follow-ups, reviews of running care plans and trial
 * stays (starting or ending) on open cases, and peer registrations that expire (not withdrawn;
 * one that lapsed before this fiscal year began is history, not a reminder).
 * "mine" is the cases the actor coordinates (peers: the office's, everyone's in reach); "office"
 * is everything in reach. A trial stay is an event, not a task: only its days in the window show,
 * never a past one. Each kind's condition is written once below, so the menu's count (COUNT
 * queries, no names, not audited) and the page's list (names, audited) cannot disagree.
 */

/** How far ahead the list looks, in days after today. */
export const REMINDER_WINDOW_DAYS = 14;
/** The menu badge counts what is overdue or due within this many days after today. */
export const REMINDER_BADGE_DAYS = 7;

export const REMINDER_KINDS = ["follow_up", "plan_review", "trial_start", "trial_end", "peer_expiry"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type Reminder = {
  kind: ReminderKind;
  /** The day it falls due (ISO). */
  date: string;
  overdue: boolean;
  /** The case's or the peer's id. */
  recordId: string;
  /** The record's page and section. */
  href: string;
  /** Case number or the peer's display code. */
  code: string;
  name: string;
  /** Follow-up: months after discharge; plan review: the plan type; trial stay: its kind. */
  detail: { offsetMonths?: number; planType?: CarePlanType; trialKind?: TrialStayKind };
};

type Window = { today: string; until: string; /** The last day of the previous fiscal year. */ lapsedSince: string };

function caseScope(actor: Actor, scope: ListScope): SQL {
  return and(caseGate.inReach(actor), ne(cases.phase, "closed"), scope === "mine" ? eq(cases.coordinatorUserId, actor.id) : undefined)!;
}

/** The condition of each kind, on its table joined to its case (peers: alone). */
function conditions(actor: Actor, scope: ListScope, w: Window): Record<ReminderKind, SQL> {
  const onCase = caseScope(actor, scope);
  return {
    follow_up: and(onCase, isNull(followUpChecks.checkedDate), lte(followUpChecks.dueDate, w.until))!,
    plan_review: and(onCase, inArray(carePlans.status, [...OPEN_PLAN_STATUSES]), isNotNull(carePlans.reviewDueDate), lte(carePlans.reviewDueDate, w.until))!,
    trial_start: and(onCase, gte(trialStays.startDate, w.today), lte(trialStays.startDate, w.until))!,
    trial_end: and(onCase, gte(trialStays.endDate, w.today), lte(trialStays.endDate, w.until))!,
    // A registration lapsed before this fiscal year began is the registry's history (期間満了), not a reminder.
    peer_expiry: and(peerGate.inReach(actor), ne(peerSupporters.status, "withdrawn"), gte(peerSupporters.expiresOn, w.lapsedSince), lte(peerSupporters.expiresOn, w.until))!,
  };
}

function windowOf(days: number): Window {
  const today = todayIso();
  return { today, until: addDays(today, days), lapsedSince: addDays(fiscalYearRange(fiscalYearOf(today)).start, -1) };
}

function requireReach(actor: Actor) {
  caseGate.require(actor);
  peerGate.require(actor);
}

/**
 * The number of reminders overdue or due within `days` (the menu badge: REMINDER_BADGE_DAYS).
 * COUNT queries only, no names, so not audited. Zero for a role without case work.
 * The header shows it on every page, so its five queries are built and prepared once per role and
 * view (lib/dal/prepared.ts, ADR 0050) with the actor and the window as parameters: drizzle's
 * query building was three quarters of its cost. The conditions are the list's own (`conditions`).
 */
export function countRemindersForActor(actor: Actor, scope: ListScope, days: number = REMINDER_BADGE_DAYS): { total: number; overdue: number } {
  if (!caseGate.allows(actor) || !peerGate.allows(actor)) return { total: 0, overdue: 0 };
  const w = windowOf(days);
  const kinds = preparedFor(getDb(), `reminders.count.${actor.role}.${scope}`, (db) => badgeQueries(db, actor.role, scope));
  const params = { ...actorParams(actor), today: w.today, until: w.until, lapsedSince: w.lapsedSince };
  let total = 0;
  let overdue = 0;
  for (const kind of kinds) {
    const row = kind.get(params)!;
    total += row.n;
    overdue += Number(row.overdue);
  }
  return { total, overdue };
}

/** The badge's five COUNT queries for one role and view, the actor and the window left as placeholders. */
function badgeQueries(db: Db, role: Actor["role"], scope: ListScope) {
  // Only the role shapes the SQL (which offices it reaches); who and when are bound at each run.
  const actor = placeholderActor(role) as Actor;
  const w = { today: sql.placeholder("today"), until: sql.placeholder("until"), lapsedSince: sql.placeholder("lapsedSince") } as unknown as Window;
  const c = conditions(actor, scope, w);
  // One query per kind: the rows in the window, and of them those already past (trial stays are
  // never overdue: only their days in the window count).
  const tally = (date: AnySQLiteColumn | null) => ({ n: count(), overdue: date ? sql<number>`coalesce(sum(${date} < ${w.today}), 0)` : sql<number>`0` });
  const fromCase = <T extends typeof followUpChecks | typeof carePlans | typeof trialStays>(table: T, where: SQL, date: AnySQLiteColumn | null) =>
    db.select(tally(date)).from(table).innerJoin(cases, eq(cases.id, table.caseId)).where(where).prepare();
  return [
    fromCase(followUpChecks, c.follow_up, followUpChecks.dueDate),
    fromCase(carePlans, c.plan_review, carePlans.reviewDueDate),
    fromCase(trialStays, c.trial_start, null),
    fromCase(trialStays, c.trial_end, null),
    db.select(tally(peerSupporters.expiresOn)).from(peerSupporters).where(c.peer_expiry).prepare(),
  ];
}

/**
 * The reminders overdue or due within REMINDER_WINDOW_DAYS (or `days`), oldest first. Names are
 * shown, so the view is audited with the records it listed.
 */
export function listRemindersForActor(actor: Actor, scope: ListScope, days: number = REMINDER_WINDOW_DAYS): { today: string; until: string; items: Reminder[] } {
  requireReach(actor);
  caseGate.require(actor, "read:identity:reach");
  const db = getDb();
  const w = windowOf(days);
  const c = conditions(actor, scope, w);
  const person = {
    caseId: cases.id,
    caseNo: cases.caseNo,
    familyName: personIdentities.familyName,
    givenName: personIdentities.givenName,
  };
  const caseRow = (r: { caseId: string; caseNo: string; familyName: string; givenName: string }, section: string) => ({
    recordId: r.caseId,
    href: `/cases/${r.caseId}#${section}`,
    code: r.caseNo,
    name: fullName(r),
  });
  const items: Reminder[] = [];

  for (const r of db
    .select({ ...person, date: followUpChecks.dueDate, offsetMonths: followUpChecks.offsetMonths })
    .from(followUpChecks)
    .innerJoin(cases, eq(cases.id, followUpChecks.caseId))
    .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
    .where(c.follow_up)
    .all()) {
    items.push({ kind: "follow_up", date: r.date, overdue: r.date < w.today, ...caseRow(r, "follow-ups"), detail: { offsetMonths: r.offsetMonths } });
  }

  for (const r of db
    .select({ ...person, date: carePlans.reviewDueDate, planType: carePlans.planType })
    .from(carePlans)
    .innerJoin(cases, eq(cases.id, carePlans.caseId))
    .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
    .where(c.plan_review)
    .all()) {
    const date = r.date!;
    items.push({ kind: "plan_review", date, overdue: date < w.today, ...caseRow(r, "care-plans"), detail: { planType: r.planType } });
  }

  for (const kind of ["trial_start", "trial_end"] as const) {
    const dateColumn = kind === "trial_start" ? trialStays.startDate : trialStays.endDate;
    for (const r of db
      .select({ ...person, date: dateColumn, trialKind: trialStays.kind })
      .from(trialStays)
      .innerJoin(cases, eq(cases.id, trialStays.caseId))
      .innerJoin(personIdentities, eq(personIdentities.personId, cases.personId))
      .where(c[kind])
      .all()) {
      items.push({ kind, date: r.date, overdue: false, ...caseRow(r, "trial-stays"), detail: { trialKind: r.trialKind } });
    }
  }

  for (const r of db
    .select({
      id: peerSupporters.id,
      code: peerSupporters.displayCode,
      date: peerSupporters.expiresOn,
      familyName: peerIdentities.familyName,
      givenName: peerIdentities.givenName,
    })
    .from(peerSupporters)
    .innerJoin(peerIdentities, eq(peerIdentities.peerId, peerSupporters.id))
    .where(c.peer_expiry)
    .orderBy(asc(peerSupporters.expiresOn))
    .all()) {
    items.push({ kind: "peer_expiry", date: r.date, overdue: r.date < w.today, recordId: r.id, href: `/peers/${r.id}#registration`, code: r.code, name: fullName(r), detail: {} });
  }

  const order = (k: ReminderKind) => REMINDER_KINDS.indexOf(k);
  items.sort((a, b) => a.date.localeCompare(b.date) || order(a.kind) - order(b.kind) || a.code.localeCompare(b.code));

  const idsOf = (peer: boolean) => [...new Set(items.filter((i) => (i.kind === "peer_expiry") === peer).map((i) => i.recordId))];
  auditView(actor, { entityType: "schedule", detail: { scope, until: w.until, caseIds: idsOf(false), peerIds: idsOf(true) } });
  return { today: w.today, until: w.until, items };
}

/** Reminders grouped for display: the overdue first (one group), then one group per day. */
export function groupRemindersByDay(items: Reminder[]): { key: "overdue" | string; items: Reminder[] }[] {
  const groups: { key: string; items: Reminder[] }[] = [];
  const overdue = items.filter((i) => i.overdue);
  if (overdue.length > 0) groups.push({ key: "overdue", items: overdue });
  for (const item of items.filter((i) => !i.overdue)) {
    const last = groups[groups.length - 1];
    if (last && last.key === item.date) last.items.push(item);
    else groups.push({ key: item.date, items: [item] });
  }
  return groups;
}
