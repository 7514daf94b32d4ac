import "server-only";
import { and, count, eq, gte, isNull, lt, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, healthCenters, loginThrottles, prefectures, revokedSessions, users } from "@/db/schema";
import { burnPasswordCheck, commonPasswords, verifyPassword } from "@/lib/auth/password";
import { passwordProblem, passwordProblemMessage, type PasswordProblem } from "@/lib/auth/password-rules";
import {
  ADDRESS_WINDOW_MINUTES,
  afterFailure,
  isLocked,
  normalizeUsername,
  signInFailuresPerAddress,
} from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/codes";
import { deactivateIfUnused } from "./account-review";
import { writeAudit } from "./audit";
import { grantWithoutSecondFactor, openChallenge, secondFactorNeedFor } from "./second-factor";
import { AppError } from "./errors";
import { preparedFor } from "./prepared";

/** What a session token carries. The DAL re-checks it against the database on every request. */
export type SessionClaims = {
  id: string;
  name: string;
  role: Role;
  prefectureCode: string;
  officeIds: string[];
  sessionVersion: number;
  /** Random per sign-in; sign-out revokes exactly this session. */
  sessionId: string;
};

/**
 * What the password step leads to: `grant` (no second factor needed: the token for authorize()),
 * or a pending sign-in whose token the browser keeps until it gives its code (`code`) or enrols
 * (`enrol`). The password alone never yields a session when a second factor is needed.
 */
export type SignInNext = { stage: "grant" | "code" | "enrol"; token: string };
export type AuthResult = { ok: true; next: SignInNext } | { ok: false; reason: "invalid" | "locked" | "throttled" };

/**
 * Failed sign-ins from this client address in the last ADDRESS_WINDOW_MINUTES, counted from the
 * audit log (its `sign_in_failed` rows carry the address), so the count survives a restart and
 * needs no table of its own. A null address (no trusted proxy: lib/auth/client-address.ts) is
 * one shared bucket. Refused attempts count too: an address that keeps trying stays refused.
 */
export function recentFailuresFromAddress(ip: string | null, now: Date = new Date()): number {
  const since = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000).toISOString();
  const row = getDb()
    .select({ n: count() })
    .from(auditLogs)
    .where(and(gte(auditLogs.at, since), eq(auditLogs.action, "sign_in_failed"), ip === null ? isNull(auditLogs.ip) : eq(auditLogs.ip, ip)))
    .get();
  return row?.n ?? 0;
}

/**
 * Check a username and password. Unknown user, wrong password and deactivated account all
 * answer "invalid" (one message for all, so the form does not reveal which names exist).
 * Every attempt is audited; failures count towards the lockout in the same transaction.
 * Before the password is even checked, an address with too many recent failures is refused
 * ("throttled", the per-address limit of lib/auth/policy.ts), whatever the username.
 */
export async function authenticate(rawUsername: string, password: string, ip: string | null): Promise<AuthResult> {
  const db = getDb();
  const username = normalizeUsername(rawUsername).slice(0, 64);
  const now = new Date();
  const throttle = db.select().from(loginThrottles).where(eq(loginThrottles.username, username)).get();
  const user = db.select().from(users).where(eq(users.username, username)).get();
  // An account unused for too long is deactivated here, before its password counts (ADR 0041).
  if (user && deactivateIfUnused(user, now)) user.active = false;
  const auditActor = {
    id: user?.id ?? null,
    username: username || "(empty)",
    role: user?.role ?? null,
    prefectureCode: user?.prefectureCode ?? null,
    ip,
  };

  if (recentFailuresFromAddress(ip, now) >= signInFailuresPerAddress()) {
    db.transaction((tx) =>
      writeAudit(tx, auditActor, { action: "sign_in_failed", entityType: "session", detail: { reason: "address_throttled" } }),
    );
    return { ok: false, reason: "throttled" };
  }

  if (isLocked(throttle, now)) {
    db.transaction((tx) =>
      writeAudit(tx, auditActor, { action: "sign_in_failed", entityType: "session", detail: { reason: "locked" } }),
    );
    return { ok: false, reason: "locked" };
  }

  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);

  if (!user || !passwordOk || !user.active) {
    const next = afterFailure(throttle, now);
    const reason = !user ? "unknown_user" : !passwordOk ? "wrong_password" : "inactive";
    db.transaction((tx) => {
      tx.insert(loginThrottles)
        .values({ username, failedCount: next.failedCount, lastFailedAt: now.toISOString(), lockedUntil: next.lockedUntil })
        .onConflictDoUpdate({
          target: loginThrottles.username,
          set: { failedCount: next.failedCount, lastFailedAt: now.toISOString(), lockedUntil: next.lockedUntil },
        })
        .run();
      writeAudit(tx, auditActor, {
        action: "sign_in_failed",
        entityType: "session",
        detail: { reason, failedCount: next.failedCount, locked: next.lockedUntil !== null },
      });
    });
    return { ok: false, reason: next.lockedUntil ? "locked" : "invalid" };
  }

  const need = secondFactorNeedFor(user);
  if (need === "none") {
    const token = db.transaction((tx) => grantWithoutSecondFactor(tx, user, ip, now));
    return { ok: true, next: { stage: "grant", token } };
  }
  // The password was right but the sign-in is not done: the lockout count stays (wrong codes add
  // to it), and the audit says which step is pending.
  const token = db.transaction((tx) => {
    writeAudit(tx, auditActor, { action: "sign_in", entityType: "session", entityId: user.id, detail: { step: "password", pending: need } });
    return openChallenge(tx, user, need, now);
  });
  return { ok: true, next: { stage: need, token } };
}

/** SQL: this session id has not been signed out. */
export function notRevoked(sessionId: string) {
  return notExists(
    getDb().select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)),
  );
}

/** notRevoked for a prepared query: the session id is its `sessionId` placeholder. */
export function notRevokedPlaceholder() {
  return notExists(
    getDb().select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sql.placeholder("sessionId"))),
  );
}

/**
 * Is this session still valid: account active, no password change or deactivation since it
 * was issued (sessionVersion), and not signed out (sessionId)?
 */
export function isSessionCurrent(userId: string, sessionVersion: number, sessionId: string): boolean {
  const current = preparedFor(getDb(), "auth.isSessionCurrent", (db) =>
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, sql.placeholder("userId")), eq(users.active, true), eq(users.sessionVersion, sql.placeholder("sessionVersion")), notRevokedPlaceholder()))
      .prepare(),
  );
  return !!current.get({ userId, sessionVersion, sessionId });
}

const REVOCATION_KEEP_MS = 24 * 60 * 60 * 1000;

/** Sign-out: revoke this session on the server (not only the cookie) and audit it. */
export function signOutSession(
  actor: Pick<SessionClaims, "id" | "role" | "prefectureCode"> & { username: string; ip: string | null },
  sessionId: string,
): void {
  const now = new Date();
  getDb().transaction((tx) => {
    const inserted = tx
      .insert(revokedSessions)
      .values({ sessionId, userId: actor.id, revokedAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
    tx.delete(revokedSessions)
      .where(lt(revokedSessions.revokedAt, new Date(now.getTime() - REVOCATION_KEEP_MS).toISOString()))
      .run();
    // Two sign-out paths may meet (the sign-out action, then Auth.js's signOut event): audit once.
    if (inserted.changes > 0) writeAudit(tx, actor, { action: "sign_out", entityType: "session", entityId: actor.id });
  });
}

/**
 * Sign-out through Auth.js (its own `POST /api/auth/signout`, or `signOut()` from an action):
 * revoke the session the cookie named, so a copy of the cookie stops working too. A session that
 * is no longer current (already signed out, version bumped, account deactivated) has nothing left to revoke.
 */
export function revokeSignedOutSession(
  claims: { uid?: unknown; sessionVersion?: unknown; sid?: unknown },
  ip: string | null,
): void {
  const { uid, sessionVersion, sid } = claims;
  if (typeof uid !== "string" || typeof sid !== "string" || typeof sessionVersion !== "number") return;
  if (!isSessionCurrent(uid, sessionVersion, sid)) return;
  const user = getDb().select().from(users).where(eq(users.id, uid)).get();
  if (!user) return;
  signOutSession({ id: user.id, username: user.username, role: user.role, prefectureCode: user.prefectureCode, ip }, sid);
}

/**
 * "Sign out everywhere": bump the account's session version, which ends every session it has
 * (this one included) on their next request.
 */
export function signOutEverywhere(
  actor: Pick<SessionClaims, "id" | "role" | "prefectureCode"> & { username: string; ip: string | null },
): void {
  getDb().transaction((tx) => {
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id))
      .run();
    writeAudit(tx, actor, { action: "sign_out", entityType: "session", entityId: actor.id, detail: { scope: "all" } });
  });
}

/**
 * Every prefecture's and office's name as a password must not contain it: the name as stored,
 * its English name, and the parts people would type ("岡山県" → "岡山", "備前保健所東備支所" →
 * "備前", "東備"). Read from the org tables on each call (a password is set rarely).
 */
export function placeNamesForPasswords(): string[] {
  const db = getDb();
  const names = new Set<string>();
  for (const p of db.select({ name: prefectures.name, nameEn: prefectures.nameEn }).from(prefectures).all()) {
    names.add(p.name).add(p.nameEn).add(p.name.replace(/[都道府県]$/u, ""));
  }
  for (const o of db.select({ name: healthCenters.name }).from(healthCenters).all()) {
    names.add(o.name);
    for (const part of o.name.split(/保健所|支所|センター/u)) names.add(part);
  }
  return [...names].filter((n) => [...n.trim()].length >= 2);
}

/** The rule of lib/auth/password-rules.ts with everything it can check only on the server. */
export function newPasswordProblem(password: string, username: string): PasswordProblem | null {
  return passwordProblem(password, { username, placeNames: placeNamesForPasswords(), commonPasswords: commonPasswords() });
}

/**
 * Refuse a new password that breaks the rule, naming why on the password field. Every place that
 * sets a password (own change, admin create and reset) calls this before hashing. The demo
 * accounts' seeded hash does not pass through here: the rule applies to new passwords only.
 */
export function assertNewPassword(password: string, username: string): void {
  const problem = newPasswordProblem(password, username);
  if (problem) {
    const key = passwordProblemMessage(problem);
    throw new AppError("invalid", key, { password: key });
  }
}
