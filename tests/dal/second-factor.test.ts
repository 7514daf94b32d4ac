import { before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { appMeta, auditLogs, loginThrottles, secondFactors, users } from "@/db/schema";
import { DEMO_DATA_KEY, markDemoData } from "@/db/seed/demo-marker";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { hashPassword } from "@/lib/auth/password";
import { codeAt, timeStep } from "@/lib/auth/totp";
import { authenticate } from "@/lib/dal/auth";
import { isDemoDatabase } from "@/lib/dal/demo-data";
import {
  clearSecondFactor,
  confirmEnrolment,
  consumeGrant,
  enrolmentFor,
  finishEnrolment,
  isEnrolled,
  regenerateRecoveryCodes,
  verifySignInCode,
} from "@/lib/dal/second-factor";
import { isAppError } from "@/lib/dal/errors";
import { actorFor, seededDb } from "../helpers/test-db";

const PASSWORD = "Second-factor-test-2026!";
const STEP_MS = 30_000;
let counter = 0;

before(async () => {
  await seededDb();
});
beforeEach(() => {
  getDb().delete(loginThrottles).run();
});

async function newUser(): Promise<{ id: string; username: string }> {
  const id = ulid();
  const username = `twofa.user${++counter}`;
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(PASSWORD);
  getDb()
    .insert(users)
    .values({ id, username, displayName: `試験 ${counter}`, role: "prefecture", prefectureCode: "33", passwordHash, createdAt: now, updatedAt: now })
    .run();
  return { id, username };
}

async function passwordStep(username: string) {
  const r = await authenticate(username, PASSWORD, "192.0.2.1");
  assert.ok(r.ok);
  return r.next;
}

/** Enrol through the sign-in flow at `now`; returns the secret and the recovery codes. */
async function enrol(username: string, now: Date): Promise<{ secret: string; codes: string[] }> {
  const next = await passwordStep(username);
  assert.equal(next.stage, "enrol");
  const e = await enrolmentFor(next.token, now);
  assert.ok(e && e.qrSvg.startsWith("<svg") && e.uri.startsWith("otpauth://totp/"));
  const r = confirmEnrolment(next.token, codeAt(e.secret, timeStep(now)), "192.0.2.1", now);
  assert.ok(r.ok);
  const f = finishEnrolment(next.token, "192.0.2.1", now);
  assert.ok(f.ok && consumeGrant(f.grant));
  return { secret: e.secret, codes: r.recoveryCodes };
}

const lastAudit = () => getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;

describe("sign-in with a second factor", () => {
  test("a new account's password alone gives no session: it must enrol first", async () => {
    const u = await newUser();
    const next = await passwordStep(u.username);
    assert.equal(next.stage, "enrol");
    assert.equal(consumeGrant(next.token), null, "a pending sign-in's token is no grant");
    assert.equal(isEnrolled(u.id), false);
  });

  test("enrolment: the secret is stored encrypted, a code confirms it, ten recovery codes, sessionVersion moves", async () => {
    const u = await newUser();
    const before = getDb().select().from(users).where(eq(users.id, u.id)).get()!.sessionVersion;
    const now = new Date();
    const { secret, codes } = await enrol(u.username, now);
    assert.equal(codes.length, 10);
    const row = getDb().select().from(secondFactors).where(eq(secondFactors.userId, u.id)).get()!;
    assert.ok(!row.secretEnc.includes(secret));
    assert.ok(row.confirmedAt);
    assert.equal(getDb().select().from(users).where(eq(users.id, u.id)).get()!.sessionVersion, before + 1);
    const created = getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.entityType, "second_factor"), eq(auditLogs.action, "create"), eq(auditLogs.entityId, u.id)))
      .get();
    assert.ok(created);
  });

  test("a wrong code at enrolment is refused and audited", async () => {
    const u = await newUser();
    const next = await passwordStep(u.username);
    const e = (await enrolmentFor(next.token))!;
    const bad = codeAt(e.secret, timeStep(new Date()) + 5);
    assert.deepEqual(confirmEnrolment(next.token, bad, null), { ok: false, reason: "wrong" });
    assert.equal(lastAudit().action, "sign_in_failed");
    assert.equal(lastAudit().entityType, "second_factor");
  });

  test("the code signs in; the same code (time step) is never accepted again", async () => {
    const u = await newUser();
    const t0 = new Date();
    const { secret } = await enrol(u.username, t0);
    const t1 = new Date(t0.getTime() + STEP_MS);
    const code = codeAt(secret, timeStep(t1));
    const first = await passwordStep(u.username);
    assert.equal(first.stage, "code");
    const ok = verifySignInCode(first.token, code, null, t1);
    assert.ok(ok.ok);
    const claims = consumeGrant(ok.grant);
    assert.ok(claims && claims.id === u.id);
    assert.equal(consumeGrant(ok.grant), null, "a grant works once");

    const second = await passwordStep(u.username);
    assert.deepEqual(verifySignInCode(second.token, code, null, t1), { ok: false, reason: "replayed" });
    const a = lastAudit();
    assert.equal(a.action, "sign_in_failed");
    assert.match(a.detail ?? "", /replayed_code/);
  });

  test("five wrong codes end the pending sign-in and lock the username", async () => {
    const u = await newUser();
    const t0 = new Date();
    const { secret } = await enrol(u.username, t0);
    const next = await passwordStep(u.username);
    const wrong = codeAt(secret, timeStep(t0) + 7);
    for (let i = 1; i <= 4; i++) assert.deepEqual(verifySignInCode(next.token, wrong, null, t0), { ok: false, reason: "wrong" });
    assert.deepEqual(verifySignInCode(next.token, wrong, null, t0), { ok: false, reason: "locked" });
    // The challenge is dead even with the right code now.
    assert.deepEqual(verifySignInCode(next.token, codeAt(secret, timeStep(t0) + 1), null, t0), { ok: false, reason: "expired" });
    assert.deepEqual(await authenticate(u.username, PASSWORD, null), { ok: false, reason: "locked" });
  });

  test("a recovery code works once", async () => {
    const u = await newUser();
    const { codes } = await enrol(u.username, new Date());
    const first = await passwordStep(u.username);
    const ok = verifySignInCode(first.token, codes[3]!.toUpperCase(), null);
    assert.ok(ok.ok && consumeGrant(ok.grant));
    const used = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "second_factor"), eq(auditLogs.action, "update"))).orderBy(desc(auditLogs.id)).get()!;
    assert.match(used.detail ?? "", /"recoveryCodesLeft":9/);
    const second = await passwordStep(u.username);
    assert.deepEqual(verifySignInCode(second.token, codes[3]!, null), { ok: false, reason: "wrong" });
  });

  test("regenerating recovery codes needs a current code and voids the old ones", async () => {
    const u = await newUser();
    const t0 = new Date();
    const { secret, codes } = await enrol(u.username, t0);
    const actor = actorFor(u.username);
    assert.throws(() => regenerateRecoveryCodes(actor, "000000" === codeAt(secret, timeStep(t0) + 1) ? "111111" : "000000", t0), (e) => isAppError(e));
    const fresh = regenerateRecoveryCodes(actor, codeAt(secret, timeStep(t0) + 1), t0);
    assert.equal(fresh.length, 10);
    const next = await passwordStep(u.username);
    assert.deepEqual(verifySignInCode(next.token, codes[0]!, null), { ok: false, reason: "wrong" });
    assert.ok(verifySignInCode(next.token, fresh[0]!, null).ok);
  });

  test("clearSecondFactor removes the enrolment and ends the sessions", async () => {
    const u = await newUser();
    await enrol(u.username, new Date());
    const v = getDb().select().from(users).where(eq(users.id, u.id)).get()!.sessionVersion;
    getDb().transaction((tx) => clearSecondFactor(tx, u.id));
    assert.equal(isEnrolled(u.id), false);
    assert.equal(getDb().select().from(users).where(eq(users.id, u.id)).get()!.sessionVersion, v + 1);
    assert.equal((await passwordStep(u.username)).stage, "enrol");
  });
});

describe("the demo exemption", () => {
  test("demo accounts skip the second factor only while the database carries the demo marker", async () => {
    assert.ok(isDemoDatabase());
    const withMarker = await authenticate("bizen.coord", DEMO_PASSWORD, null);
    assert.ok(withMarker.ok && withMarker.next.stage === "grant");
    getDb().delete(appMeta).where(eq(appMeta.key, DEMO_DATA_KEY)).run();
    try {
      assert.equal(isDemoDatabase(), false);
      const without = await authenticate("bizen.coord", DEMO_PASSWORD, null);
      assert.ok(without.ok && without.next.stage === "enrol");
    } finally {
      markDemoData(getDb());
    }
  });
});
