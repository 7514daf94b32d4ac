import "server-only";
import { and, asc, count, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, healthCenters, userOffices, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { isUnusedAccount, unusedAccountDays, unusedCutoff, unusedFrom } from "@/lib/domain/account-inactivity";
import type { Role } from "@/lib/domain/codes";
import type { Actor } from "./actor";
import { auditView, writeAudit, type AuditActor } from "./audit";
import { AppError } from "./errors";
import { onePage, type Page, type PageRequest } from "./pagination";
import { officesInReach } from "./scope";

/*
 * Account review (アカウントの棚卸し, ADR 0041): every account with its role, offices, state, last
 * sign-in and creation; accounts unused for TSUNAGU_ACCOUNT_UNUSED_DAYS (90) are deactivated.
 * The rule runs in three places, so no unused account stays usable for long whatever happens:
 * at a sign-in attempt (lib/dal/auth.ts: the account is deactivated before its password is
 * checked, and the attempt fails like any inactive account's), at server start
 * (instrumentation.ts) and whenever the review page loads. A deactivation bumps the session
 * version (every session ends) and is audited as the system's `update` of `account_review`,
 * naming the account: the review page lists these rows as "who was deactivated and when".
 * Admins review their prefecture's accounts; supervisors read those of their offices' staff.
 */

export const ACCOUNT_REVIEW_SORT_KEYS = ["username", "role", "lastSignInAt", "createdAt"] as const;
export type AccountReviewSortKey = (typeof ACCOUNT_REVIEW_SORT_KEYS)[number];

export type AccountReviewRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  officeNames: string[];
  lastSignInAt: string | null;
  createdAt: string;
  /** When an active account falls under the rule (null for an inactive one). */
  unusedFrom: string | null;
};

export type AccountDeactivation = { userId: string; username: string; at: string; lastSignInAt: string | null };

export type AccountReview = Page<AccountReviewRow> & { days: number; deactivations: AccountDeactivation[]; readOnly: boolean };

/** The system's own hand, in the account's prefecture (so that prefecture's reviewers see the row). */
function systemActor(prefectureCode: string): AuditActor {
  return { id: null, username: "system", role: null, prefectureCode, ip: null };
}

type AccountStamps = { id: string; prefectureCode: string; active: boolean; lastSignInAt: string | null; createdAt: string; updatedAt: string };

/** Deactivate one account found unused; false if it was not (or no longer is) active and unused. */
function deactivate(account: AccountStamps, now: Date, days: number): boolean {
  if (!account.active || !isUnusedAccount(account, now, days)) return false;
  return getDb().transaction((tx) => {
    const result = tx
      .update(users)
      .set({ active: false, version: sql`${users.version} + 1`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now.toISOString() })
      // Still active and still unchanged: a sign-in or an admin's edit in between wins.
      .where(and(eq(users.id, account.id), eq(users.active, true), eq(users.updatedAt, account.updatedAt)))
      .run();
    if (result.changes === 0) return false;
    writeAudit(tx, systemActor(account.prefectureCode), {
      action: "update",
      entityType: "account_review",
      entityId: account.id,
      detail: { deactivated: "unused", days, lastSignInAt: account.lastSignInAt, createdAt: account.createdAt },
    });
    return true;
  });
}

/**
 * At a sign-in attempt: deactivate the account if it has been unused too long. Returns true when
 * it did (the caller then treats the account as inactive).
 */
export function deactivateIfUnused(account: AccountStamps, now: Date = new Date(), days: number = unusedAccountDays()): boolean {
  return deactivate(account, now, days);
}

/** Deactivate every active account unused for `days` days; returns how many. */
export function sweepUnusedAccounts(now: Date = new Date(), days: number = unusedAccountDays()): number {
  const cutoff = unusedCutoff(now, days);
  // Candidates in SQL (nothing newer than the cutoff), the exact rule in deactivate().
  const candidates = getDb()
    .select({ id: users.id, prefectureCode: users.prefectureCode, active: users.active, lastSignInAt: users.lastSignInAt, createdAt: users.createdAt, updatedAt: users.updatedAt })
    .from(users)
    .where(and(eq(users.active, true), lte(users.updatedAt, cutoff), lte(users.createdAt, cutoff), sql`coalesce(${users.lastSignInAt}, '') <= ${cutoff}`))
    .all();
  return candidates.filter((a) => deactivate(a, now, days)).length;
}

/** The server-start sweep, with the line to log. */
export function sweepUnusedAccountsAtStart(): string {
  const days = unusedAccountDays();
  const n = sweepUnusedAccounts(new Date(), days);
  return `Account review: ${n} account(s) unused for ${days} days deactivated (TSUNAGU_ACCOUNT_UNUSED_DAYS).`;
}

function requireReviewer(actor: Actor): void {
  if (!can(actor.role, "review:account:reach")) throw new AppError("not_found", "errors.notFound");
}

/** The accounts the reviewer covers: the prefecture's (admins), their offices' staff (supervisors). */
function reviewed(actor: Actor): SQL {
  const samePrefecture = eq(users.prefectureCode, actor.prefectureCode);
  if (can(actor.role, "manage:user:prefecture")) return samePrefecture;
  const staff = getDb().select({ id: userOffices.userId }).from(userOffices).where(inArray(userOffices.healthCenterId, officesInReach(actor)));
  return and(samePrefecture, inArray(users.id, staff))!;
}

/**
 * The review page: sweep first (so what it shows is what holds), then one page of accounts and
 * the latest deactivations by the rule. Audited as a view of the account review.
 */
export function reviewAccountsForActor(actor: Actor, req: PageRequest<AccountReviewSortKey>, now: Date = new Date()): AccountReview {
  requireReviewer(actor);
  const days = unusedAccountDays();
  sweepUnusedAccounts(now, days);
  const db = getDb();
  const where = reviewed(actor);
  const order = { username: users.username, role: users.role, lastSignInAt: users.lastSignInAt, createdAt: users.createdAt }[req.sort];
  const rows = onePage(
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        active: users.active,
        lastSignInAt: users.lastSignInAt,
        createdAt: users.createdAt,
        updatedAt: users.updatedAt,
      })
      .from(users)
      .where(where),
    req,
    order,
    asc(users.username),
  );
  const [{ n }] = db.select({ n: count() }).from(users).where(where).all() as [{ n: number }];
  const offices = new Map<string, string[]>();
  if (rows.length > 0) {
    for (const o of db
      .select({ userId: userOffices.userId, name: healthCenters.name })
      .from(userOffices)
      .innerJoin(healthCenters, eq(healthCenters.id, userOffices.healthCenterId))
      .where(inArray(userOffices.userId, rows.map((r) => r.id)))
      .orderBy(asc(healthCenters.sort))
      .all())
      offices.set(o.userId, [...(offices.get(o.userId) ?? []), o.name]);
  }
  const deactivations = db
    .select({ userId: users.id, username: users.username, at: auditLogs.at, lastSignInAt: users.lastSignInAt })
    .from(auditLogs)
    .innerJoin(users, eq(users.id, auditLogs.entityId))
    .where(and(eq(auditLogs.entityType, "account_review"), eq(auditLogs.action, "update"), where))
    .orderBy(desc(auditLogs.at))
    .limit(100)
    .all();
  auditView(actor, { entityType: "account_review", detail: { page: req.page, total: n } });
  return {
    rows: rows.map(({ updatedAt, ...r }) => ({ ...r, officeNames: offices.get(r.id) ?? [], unusedFrom: r.active ? unusedFrom({ ...r, updatedAt }, days) : null })),
    total: n,
    page: req.page,
    pageSize: req.pageSize,
    days,
    deactivations,
    readOnly: !can(actor.role, "manage:user:prefecture"),
  };
}
