import "server-only";
import crypto from "node:crypto";
import { and, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { ulid } from "ulid";
import { databasePath, getDb, type Tx } from "@/db/client";
import { loginThrottles, recoveryCodes, secondFactors, signInChallenges, userOffices, users } from "@/db/schema";
import { afterFailure, isLocked, signInFailuresPerAddress } from "@/lib/auth/policy";
import {
  decryptSecret,
  deriveTotpKeys,
  encryptSecret,
  hashRecoveryCode,
  loadTotpMasterKey,
  maxCodeGuesses,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  normalizeTotpCode,
  otpauthUri,
  pendingMinutes,
  secondFactorNeed,
  secondFactorRequired,
  verifyTotp,
  type SecondFactorNeed,
  type TotpKeys,
} from "@/lib/auth/totp";
import type { Actor } from "./actor";
import { writeAudit, type AuditActor } from "./audit";
// auth.ts imports this module too; the cycle is safe, as both only call each other inside functions.
import { recentFailuresFromAddress, type SessionClaims } from "./auth";
import { isDemoAccount, isDemoDatabase } from "./demo-data";
import { AppError } from "./errors";

/*
 * The second factor (ADR 0037). A sign-in is a row of sign_in_challenges that moves through stages:
 * the password step (lib/dal/auth.ts) makes a `code` or `enrol` challenge whose token the browser
 * keeps in an HttpOnly cookie; the code (or a recovery code, or a confirmed enrolment) turns it into
 * a `grant`, which Auth.js's authorize() consumes once (consumeGrant) to issue the session. Only
 * SHA-256 hashes of tokens are stored. Every challenge is bound to the user's sessionVersion: a
 * password change, deactivation or second-factor change in between kills it.
 */

type UserRow = typeof users.$inferSelect;
type ChallengeStage = (typeof signInChallenges.$inferSelect)["stage"];

let keys: TotpKeys | null = null;
function totpKeys(): TotpKeys {
  keys ??= deriveTotpKeys(loadTotpMasterKey(databasePath()));
  return keys;
}

const tokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const GRANT_SECONDS = 60;

function auditActorOf(user: Pick<UserRow, "id" | "username" | "role" | "prefectureCode">, ip: string | null): AuditActor {
  return { id: user.id, username: user.username, role: user.role, prefectureCode: user.prefectureCode, ip };
}

/** Has the user a confirmed second factor? */
export function isEnrolled(userId: string): boolean {
  const row = getDb()
    .select({ at: secondFactors.confirmedAt })
    .from(secondFactors)
    .where(eq(secondFactors.userId, userId))
    .get();
  return !!row?.at;
}

/** What this account needs after its password (lib/auth/totp.ts secondFactorNeed, with the database's facts). */
export function secondFactorNeedFor(user: Pick<UserRow, "id" | "username">): SecondFactorNeed {
  return secondFactorNeed({
    required: secondFactorRequired(),
    enrolled: isEnrolled(user.id),
    demoMarker: isDemoDatabase(),
    demoAccount: isDemoAccount(user.username),
  });
}

/** Open a challenge of `stage` for the user (inside the caller's transaction); returns its token. */
export function openChallenge(tx: Tx, user: Pick<UserRow, "id" | "sessionVersion">, stage: ChallengeStage, now: Date = new Date()): string {
  const token = crypto.randomBytes(32).toString("base64url");
  const seconds = stage === "grant" ? GRANT_SECONDS : pendingMinutes() * 60;
  // Expired challenges of anyone go on the way; they can no longer be used anyway.
  tx.delete(signInChallenges).where(lt(signInChallenges.expiresAt, now.toISOString())).run();
  tx.insert(signInChallenges)
    .values({
      tokenHash: tokenHash(token),
      userId: user.id,
      sessionVersion: user.sessionVersion,
      stage,
      expiresAt: new Date(now.getTime() + seconds * 1000).toISOString(),
      createdAt: now.toISOString(),
    })
    .run();
  return token;
}

type LiveChallenge = { challenge: typeof signInChallenges.$inferSelect; user: UserRow };

/** A challenge that is still good: not expired, its user active and on the same sessionVersion. */
function liveChallenge(token: string | undefined | null, stage: ChallengeStage, now: Date = new Date()): LiveChallenge | null {
  if (!token) return null;
  const row = getDb()
    .select()
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .where(
      and(
        eq(signInChallenges.tokenHash, tokenHash(token)),
        eq(signInChallenges.stage, stage),
        gt(signInChallenges.expiresAt, now.toISOString()),
        eq(users.active, true),
        eq(users.sessionVersion, signInChallenges.sessionVersion),
      ),
    )
    .get();
  return row ? { challenge: row.sign_in_challenges, user: row.users } : null;
}

/** Which stage a pending sign-in is at (the pages ask, to show the right form), or null if it is dead. */
export function pendingStage(token: string | undefined | null): "code" | "enrol" | "enrolled" | null {
  for (const stage of ["code", "enrol", "enrolled"] as const) if (liveChallenge(token, stage)) return stage;
  return null;
}

/** Sign-in is complete: clear the lockout count, note the time, audit, and open a grant for authorize(). */
function completeSignIn(tx: Tx, user: UserRow, sessionVersion: number, ip: string | null, detail: Record<string, unknown>, now: Date): string {
  tx.delete(loginThrottles).where(eq(loginThrottles.username, user.username)).run();
  tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, user.id)).run();
  writeAudit(tx, auditActorOf(user, ip), { action: "sign_in", entityType: "session", entityId: user.id, detail });
  return openChallenge(tx, { id: user.id, sessionVersion }, "grant", now);
}

/** The password step passed for an account that needs no second factor: the grant for authorize(). */
export function grantWithoutSecondFactor(tx: Tx, user: UserRow, ip: string | null, now: Date = new Date()): string {
  return completeSignIn(tx, user, user.sessionVersion, ip, {}, now);
}

/**
 * Authorize's half: consume a grant (once) and return the session's claims, or null when the grant
 * is unknown, used, expired, or the account changed since (deactivated, sessionVersion bumped).
 */
export function consumeGrant(token: string, now: Date = new Date()): SessionClaims | null {
  const live = liveChallenge(token, "grant", now);
  if (!live) return null;
  const db = getDb();
  const deleted = db.transaction((tx) =>
    tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, live.challenge.tokenHash)).run(),
  );
  if (deleted.changes !== 1) return null; // a concurrent use won
  const { user } = live;
  const officeIds = db
    .select({ id: userOffices.healthCenterId })
    .from(userOffices)
    .where(eq(userOffices.userId, user.id))
    .all()
    .map((o) => o.id);
  return {
    id: user.id,
    name: user.displayName,
    role: user.role,
    prefectureCode: user.prefectureCode,
    officeIds,
    sessionVersion: user.sessionVersion,
    sessionId: crypto.randomUUID(),
  };
}

export type CodeFailure = "expired" | "wrong" | "replayed" | "locked" | "throttled" | "too_many";
export type CodeResult = { ok: true; grant: string } | { ok: false; reason: CodeFailure };

/**
 * A wrong or replayed code: one more guess on the challenge (dead at TSUNAGU_2FA_MAX_GUESSES),
 * one more failure towards the username's lockout, and a `sign_in_failed` row (which the
 * per-address throttle counts too).
 */
function codeFailed(live: LiveChallenge, ip: string | null, reason: string, now: Date): CodeFailure {
  const { challenge, user } = live;
  const guesses = challenge.failedCount + 1;
  const dead = guesses >= maxCodeGuesses();
  let locked = false;
  getDb().transaction((tx) => {
    if (dead) tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, challenge.tokenHash)).run();
    else tx.update(signInChallenges).set({ failedCount: guesses }).where(eq(signInChallenges.tokenHash, challenge.tokenHash)).run();
    const throttle = tx.select().from(loginThrottles).where(eq(loginThrottles.username, user.username)).get();
    const next = afterFailure(throttle, now);
    locked = next.lockedUntil !== null;
    tx.insert(loginThrottles)
      .values({ username: user.username, failedCount: next.failedCount, lastFailedAt: now.toISOString(), lockedUntil: next.lockedUntil })
      .onConflictDoUpdate({
        target: loginThrottles.username,
        set: { failedCount: next.failedCount, lastFailedAt: now.toISOString(), lockedUntil: next.lockedUntil },
      })
      .run();
    writeAudit(tx, auditActorOf(user, ip), {
      action: "sign_in_failed",
      entityType: "second_factor",
      entityId: user.id,
      detail: { reason, stage: challenge.stage, guesses, challengeEnded: dead, failedCount: next.failedCount, locked },
    });
  });
  if (locked) return "locked";
  if (dead) return "too_many";
  return reason === "replayed_code" ? "replayed" : "wrong";
}

/** Refusals that come before the code is looked at: the per-address throttle and the username's lock. */
function refusedBeforeCode(live: LiveChallenge, ip: string | null, now: Date): CodeFailure | null {
  const { user } = live;
  const throttled = recentFailuresFromAddress(ip, now) >= signInFailuresPerAddress();
  const locked = isLocked(getDb().select().from(loginThrottles).where(eq(loginThrottles.username, user.username)).get(), now);
  if (!throttled && !locked) return null;
  getDb().transaction((tx) => {
    if (locked) tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, live.challenge.tokenHash)).run();
    writeAudit(tx, auditActorOf(user, ip), {
      action: "sign_in_failed",
      entityType: "second_factor",
      entityId: user.id,
      detail: { reason: throttled ? "address_throttled" : "locked", stage: live.challenge.stage },
    });
  });
  return throttled ? "throttled" : "locked";
}

/**
 * The second step of sign-in for an enrolled account: a current TOTP code (never one accepted
 * before) or an unused recovery code. Success turns the challenge into a grant.
 */
export function verifySignInCode(token: string | undefined | null, input: string, ip: string | null, now: Date = new Date()): CodeResult {
  const live = liveChallenge(token, "code", now);
  if (!live) return { ok: false, reason: "expired" };
  const refused = refusedBeforeCode(live, ip, now);
  if (refused) return { ok: false, reason: refused };
  const { user, challenge } = live;
  const factor = getDb().select().from(secondFactors).where(eq(secondFactors.userId, user.id)).get();
  if (!factor?.confirmedAt) return { ok: false, reason: "expired" };

  const totp = normalizeTotpCode(input);
  if (totp) {
    const check = verifyTotp(decryptSecret(totpKeys(), user.id, factor.secretEnc), totp, factor.lastUsedStep, now);
    if (!check.ok) return { ok: false, reason: codeFailed(live, ip, check.reason === "replayed" ? "replayed_code" : "wrong_code", now) };
    const grant = getDb().transaction((tx) => {
      // The step moves forward only (a concurrent sign-in with the same code loses here).
      const moved = tx
        .update(secondFactors)
        .set({ lastUsedStep: check.step, updatedAt: now.toISOString() })
        .where(and(eq(secondFactors.userId, user.id), sql`coalesce(${secondFactors.lastUsedStep}, -1) < ${check.step}`))
        .run();
      if (moved.changes !== 1) return null;
      tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, challenge.tokenHash)).run();
      return completeSignIn(tx, user, user.sessionVersion, ip, { secondFactor: "totp" }, now);
    });
    return grant ? { ok: true, grant } : { ok: false, reason: codeFailed(live, ip, "replayed_code", now) };
  }

  const recovery = normalizeRecoveryCode(input);
  const hash = recovery ? hashRecoveryCode(totpKeys(), recovery) : null;
  const grant = hash
    ? getDb().transaction((tx) => {
        const used = tx
          .update(recoveryCodes)
          .set({ usedAt: now.toISOString() })
          .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
          .run();
        if (used.changes !== 1) return null;
        const left = unusedRecoveryCodes(tx, user.id);
        writeAudit(tx, auditActorOf(user, ip), {
          action: "update",
          entityType: "second_factor",
          entityId: user.id,
          detail: { recoveryCodeUsed: true, recoveryCodesLeft: left },
        });
        tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, challenge.tokenHash)).run();
        return completeSignIn(tx, user, user.sessionVersion, ip, { secondFactor: "recovery_code" }, now);
      })
    : null;
  return grant ? { ok: true, grant } : { ok: false, reason: codeFailed(live, ip, "wrong_recovery_code", now) };
}

function unusedRecoveryCodes(tx: Tx, userId: string): number {
  const row = tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .get();
  return row?.n ?? 0;
}

/** Replace the user's recovery codes with ten new ones; returns them in plain text (shown once). */
function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): string[] {
  const codes = newRecoveryCodes();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  for (const code of codes) {
    tx.insert(recoveryCodes)
      .values({ id: ulid(), userId, codeHash: hashRecoveryCode(totpKeys(), normalizeRecoveryCode(code)!), createdAt: now.toISOString() })
      .run();
  }
  return codes;
}

export type Enrolment = { username: string; secret: string; uri: string; qrSvg: string };

/**
 * The enrolment page of a pending sign-in: the secret (generated on the server when the page is
 * first shown, stored encrypted and unconfirmed), its otpauth:// URI and that URI as an SVG QR
 * code drawn here (nothing leaves the server). Null when the sign-in is not at the enrol stage.
 */
export async function enrolmentFor(token: string | undefined | null, now: Date = new Date()): Promise<Enrolment | null> {
  const live = liveChallenge(token, "enrol", now);
  if (!live) return null;
  const { user } = live;
  const db = getDb();
  const existing = db.select().from(secondFactors).where(eq(secondFactors.userId, user.id)).get();
  if (existing?.confirmedAt) return null;
  let secret: string;
  if (existing) secret = decryptSecret(totpKeys(), user.id, existing.secretEnc);
  else {
    secret = newTotpSecret();
    const stored = encryptSecret(totpKeys(), user.id, secret);
    db.transaction((tx) =>
      tx.insert(secondFactors)
        .values({ userId: user.id, secretEnc: stored, createdAt: now.toISOString(), updatedAt: now.toISOString() })
        .onConflictDoNothing()
        .run(),
    );
    // Two tabs may race: whichever row landed is the one to show.
    secret = decryptSecret(totpKeys(), user.id, db.select().from(secondFactors).where(eq(secondFactors.userId, user.id)).get()!.secretEnc);
  }
  const uri = otpauthUri(secret, user.username);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { username: user.username, secret, uri, qrSvg };
}

export type EnrolResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: CodeFailure };

/**
 * Confirm enrolment with the first code from the app. The factor takes effect, the account's
 * sessionVersion moves on (every other session ends), ten recovery codes are made (returned once),
 * and the challenge moves to `enrolled`, from which finishEnrolment() makes the grant.
 */
export function confirmEnrolment(token: string | undefined | null, input: string, ip: string | null, now: Date = new Date()): EnrolResult {
  const live = liveChallenge(token, "enrol", now);
  if (!live) return { ok: false, reason: "expired" };
  const refused = refusedBeforeCode(live, ip, now);
  if (refused) return { ok: false, reason: refused };
  const { user, challenge } = live;
  const factor = getDb().select().from(secondFactors).where(eq(secondFactors.userId, user.id)).get();
  if (!factor || factor.confirmedAt) return { ok: false, reason: "expired" };
  const totp = normalizeTotpCode(input);
  const check = totp ? verifyTotp(decryptSecret(totpKeys(), user.id, factor.secretEnc), totp, null, now) : null;
  if (!check?.ok) return { ok: false, reason: codeFailed(live, ip, "wrong_code", now) };
  const codes = getDb().transaction((tx) => {
    tx.update(secondFactors)
      .set({ confirmedAt: now.toISOString(), lastUsedStep: check.step, updatedAt: now.toISOString() })
      .where(eq(secondFactors.userId, user.id))
      .run();
    const nextVersion = user.sessionVersion + 1;
    tx.update(users).set({ sessionVersion: nextVersion }).where(eq(users.id, user.id)).run();
    const codes = replaceRecoveryCodes(tx, user.id, now);
    // The challenge follows the new sessionVersion; every other session and pending sign-in is dead.
    tx.delete(signInChallenges).where(and(eq(signInChallenges.userId, user.id), sql`${signInChallenges.tokenHash} <> ${challenge.tokenHash}`)).run();
    tx.update(signInChallenges)
      .set({ stage: "enrolled", sessionVersion: nextVersion, failedCount: 0 })
      .where(eq(signInChallenges.tokenHash, challenge.tokenHash))
      .run();
    writeAudit(tx, auditActorOf(user, ip), {
      action: "create",
      entityType: "second_factor",
      entityId: user.id,
      detail: { method: "totp", recoveryCodes: codes.length, during: "sign_in" },
    });
    return codes;
  });
  return { ok: true, recoveryCodes: codes };
}

/** After the recovery codes were shown: the enrolled sign-in completes (its code was checked at confirmation). */
export function finishEnrolment(token: string | undefined | null, ip: string | null, now: Date = new Date()): CodeResult {
  const live = liveChallenge(token, "enrolled", now);
  if (!live) return { ok: false, reason: "expired" };
  const grant = getDb().transaction((tx) => {
    tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, live.challenge.tokenHash)).run();
    return completeSignIn(tx, live.user, live.user.sessionVersion, ip, { secondFactor: "enrolled" }, now);
  });
  return { ok: true, grant };
}

// ---------------------------------------------------------------------------------------------
// The account page
// ---------------------------------------------------------------------------------------------

export type SecondFactorStatus = {
  enrolled: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
  /** A demo account in a demo database: signs in without a second factor unless enrolled. */
  demoExempt: boolean;
};

/** The signed-in user's own second-factor status (nobody else's). */
export function getOwnSecondFactorStatus(actor: Actor): SecondFactorStatus {
  const db = getDb();
  const factor = db.select().from(secondFactors).where(eq(secondFactors.userId, actor.id)).get();
  const left = db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)))
    .get();
  return {
    enrolled: !!factor?.confirmedAt,
    enrolledAt: factor?.confirmedAt ?? null,
    recoveryCodesLeft: factor?.confirmedAt ? (left?.n ?? 0) : 0,
    required: secondFactorRequired(),
    demoExempt: isDemoDatabase() && isDemoAccount(actor.username),
  };
}

/**
 * New recovery codes for the signed-in user, the old ones void. Needs a current TOTP code (not a
 * recovery code, and never one accepted before). A wrong code is audited as a failure and counts
 * towards the username's lockout like one at sign-in.
 */
export function regenerateRecoveryCodes(actor: Actor, input: string, now: Date = new Date()): string[] {
  const db = getDb();
  const factor = db.select().from(secondFactors).where(eq(secondFactors.userId, actor.id)).get();
  if (!factor?.confirmedAt) throw new AppError("invalid", "twofa.notEnrolled");
  const user = db.select().from(users).where(eq(users.id, actor.id)).get()!;
  if (isLocked(db.select().from(loginThrottles).where(eq(loginThrottles.username, user.username)).get(), now)) {
    throw new AppError("invalid", "auth.locked", { code: "auth.locked" });
  }
  const totp = normalizeTotpCode(input);
  const check = totp ? verifyTotp(decryptSecret(totpKeys(), actor.id, factor.secretEnc), totp, factor.lastUsedStep, now) : null;
  if (!check?.ok) {
    const reason = check && !check.ok && check.reason === "replayed" ? "replayed_code" : "wrong_code";
    db.transaction((tx) => {
      const throttle = tx.select().from(loginThrottles).where(eq(loginThrottles.username, user.username)).get();
      const next = afterFailure(throttle, now);
      tx.insert(loginThrottles)
        .values({ username: user.username, failedCount: next.failedCount, lastFailedAt: now.toISOString(), lockedUntil: next.lockedUntil })
        .onConflictDoUpdate({
          target: loginThrottles.username,
          set: { failedCount: next.failedCount, lastFailedAt: now.toISOString(), lockedUntil: next.lockedUntil },
        })
        .run();
      writeAudit(tx, actor, {
        action: "sign_in_failed",
        entityType: "second_factor",
        entityId: actor.id,
        detail: { reason, purpose: "regenerate_recovery_codes", failedCount: next.failedCount, locked: next.lockedUntil !== null },
      });
    });
    const key = reason === "replayed_code" ? "twofa.codeReplayed" : "twofa.codeWrong";
    throw new AppError("invalid", key, { code: key });
  }
  return db.transaction((tx) => {
    tx.update(secondFactors).set({ lastUsedStep: check.step, updatedAt: now.toISOString() }).where(eq(secondFactors.userId, actor.id)).run();
    tx.delete(loginThrottles).where(eq(loginThrottles.username, user.username)).run();
    const codes = replaceRecoveryCodes(tx, actor.id, now);
    writeAudit(tx, actor, {
      action: "update",
      entityType: "second_factor",
      entityId: actor.id,
      detail: { recoveryCodes: "regenerated", count: codes.length },
    });
    return codes;
  });
}

/**
 * Remove a user's second factor (enrolment and recovery codes) and end their sessions and pending
 * sign-ins (sessionVersion + 1); with REQUIRE_2FA on they enrol again at their next sign-in. For
 * the approved reset of an account's second factor (the separation-of-duties flow): the caller
 * checks the permission and the approval and writes the audit row, in the same transaction.
 */
export function clearSecondFactor(tx: Tx, userId: string): void {
  tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(signInChallenges).where(eq(signInChallenges.userId, userId)).run();
  tx.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}
