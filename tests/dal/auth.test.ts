import { before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, loginThrottles, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { decideAccountChange, listAccountChangesForActor } from "@/lib/dal/account-changes";
import { loadActor } from "@/lib/dal/actor";
import {
  assertNewPassword,
  authenticate,
  isSessionCurrent,
  placeNamesForPasswords,
  recentFailuresFromAddress,
  signOutSession,
} from "@/lib/dal/auth";
import { isAppError } from "@/lib/dal/errors";
import { consumeGrant } from "@/lib/dal/second-factor";
import { changeOwnPassword, resetUserPassword, setUserActive } from "@/lib/dal/users";
import { actorFor, seededDb } from "../helpers/test-db";

const lastAudit = () => getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
const userRow = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!;

before(async () => {
  await seededDb();
});
beforeEach(() => {
  getDb().delete(loginThrottles).run();
});

describe("authenticate", () => {
  test("the demo password signs in and the success is audited", async () => {
    const r = await authenticate("bizen.coord", DEMO_PASSWORD, "127.0.0.1");
    assert.ok(r.ok && r.next.stage === "grant"); // a demo account in the demo database: no second factor
    const claims = consumeGrant(r.next.token);
    assert.ok(claims);
    assert.equal(claims.role, "coordinator");
    assert.deepEqual(claims.officeIds, ["33-bizen"]);
    const a = lastAudit();
    assert.equal(a.action, "sign_in");
    assert.equal(a.actorUsername, "bizen.coord");
    assert.equal(a.ip, "127.0.0.1");
    assert.ok(userRow("bizen.coord").lastSignInAt);
  });

  test("usernames are matched without case or surrounding spaces (full-width too)", async () => {
    assert.ok((await authenticate("  BIZEN.COORD ", DEMO_PASSWORD, null)).ok);
    assert.ok((await authenticate("ｂｉｚｅｎ．ｃｏｏｒｄ", DEMO_PASSWORD, null)).ok);
  });

  test("unknown user and wrong password give the same answer, and both are audited", async () => {
    const unknown = await authenticate("nobody.here", "whatever-password", null);
    assert.deepEqual(unknown, { ok: false, reason: "invalid" });
    assert.equal(lastAudit().action, "sign_in_failed");
    assert.match(lastAudit().detail ?? "", /unknown_user/);
    const wrong = await authenticate("bizen.coord", "not-the-password", null);
    assert.deepEqual(wrong, { ok: false, reason: "invalid" });
    assert.match(lastAudit().detail ?? "", /wrong_password/);
  });

  test("five failures lock the username for 15 minutes, even for the right password", async () => {
    for (let i = 1; i <= 4; i++) assert.deepEqual(await authenticate("mimasaka.coord", "wrong", null), { ok: false, reason: "invalid" });
    assert.deepEqual(await authenticate("mimasaka.coord", "wrong", null), { ok: false, reason: "locked" });
    assert.deepEqual(await authenticate("mimasaka.coord", DEMO_PASSWORD, null), { ok: false, reason: "locked" });
    const throttle = getDb().select().from(loginThrottles).where(eq(loginThrottles.username, "mimasaka.coord")).get()!;
    const minutes = (new Date(throttle.lockedUntil!).getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 14.9 && minutes <= 15, `locked for ${minutes} minutes`);
  });

  test("the lock ends after its time and the count starts afresh", async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    getDb().insert(loginThrottles).values({ username: "mimasaka.coord", failedCount: 5, lastFailedAt: past, lockedUntil: past }).run();
    assert.ok((await authenticate("mimasaka.coord", DEMO_PASSWORD, null)).ok);
    assert.equal(getDb().select().from(loginThrottles).where(eq(loginThrottles.username, "mimasaka.coord")).get(), undefined);
  });

  test("unknown usernames lock the same way (no hint which names exist)", async () => {
    for (let i = 0; i < 4; i++) await authenticate("ghost.user", "x", null);
    assert.deepEqual(await authenticate("ghost.user", "x", null), { ok: false, reason: "locked" });
  });

  test("a success resets the failure count", async () => {
    for (let i = 0; i < 4; i++) await authenticate("tobi.coord", "wrong", null);
    assert.ok((await authenticate("tobi.coord", DEMO_PASSWORD, null)).ok);
    assert.deepEqual(await authenticate("tobi.coord", "wrong", null), { ok: false, reason: "invalid" });
  });
});

describe("session revocation", () => {
  test("deactivating an account ends its sessions at once", async () => {
    const before = userRow("ube.coord");
    assert.ok(isSessionCurrent(before.id, before.sessionVersion, "session-a"));
    const admin = actorFor("yamaguchi.admin");
    setUserActive(admin, before.id, before.version, false);
    assert.equal(isSessionCurrent(before.id, before.sessionVersion, "session-a"), false);
    assert.equal(loadActor(before.id, before.sessionVersion), null);
    assert.deepEqual(await authenticate("ube.coord", DEMO_PASSWORD, null), { ok: false, reason: "invalid" });
    const after = userRow("ube.coord");
    // Reactivating a coordinator waits for the office's supervisor (ADR 0039).
    assert.deepEqual(setUserActive(admin, after.id, after.version, true), { pending: true });
    assert.deepEqual(await authenticate("ube.coord", DEMO_PASSWORD, null), { ok: false, reason: "invalid" });
    const request = listAccountChangesForActor(actorFor("ube.sup")).pending.find((r) => r.userId === after.id)!;
    decideAccountChange(actorFor("ube.sup"), { id: request.id, decision: "approve" });
    assert.ok((await authenticate("ube.coord", DEMO_PASSWORD, null)).ok);
  });
});

describe("sign-out", () => {
  test("revokes exactly the signed-out session on the server, and is audited", async () => {
    const firstSignIn = await authenticate("okayama.pref", DEMO_PASSWORD, null);
    const secondSignIn = await authenticate("okayama.pref", DEMO_PASSWORD, null);
    assert.ok(firstSignIn.ok && secondSignIn.ok);
    const first = { claims: consumeGrant(firstSignIn.next.token)! };
    const second = { claims: consumeGrant(secondSignIn.next.token)! };
    assert.notEqual(first.claims.sessionId, second.claims.sessionId);
    const actor = actorFor("okayama.pref");
    signOutSession(actor, first.claims.sessionId);
    assert.equal(isSessionCurrent(actor.id, first.claims.sessionVersion, first.claims.sessionId), false);
    assert.equal(loadActor(actor.id, first.claims.sessionVersion, null, first.claims.sessionId), null);
    // The other device stays signed in.
    assert.ok(isSessionCurrent(actor.id, second.claims.sessionVersion, second.claims.sessionId));
    assert.ok(loadActor(actor.id, second.claims.sessionVersion, null, second.claims.sessionId));
    assert.deepEqual([lastAudit().action, lastAudit().actorUsername], ["sign_out", "okayama.pref"]);
  });
});

describe("audit log", () => {
  test("is append-only at the database level", () => {
    const db = getDb();
    assert.ok(db.select().from(auditLogs).all().length > 0);
    // drizzle wraps the SQLite error; the trigger's message is on the cause.
    const refused = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? e));
    assert.throws(() => db.run(sql`UPDATE audit_logs SET action = 'view'`), refused);
    assert.throws(() => db.run(sql`DELETE FROM audit_logs`), refused);
  });
});

describe("per-address sign-in throttle", () => {
  const LIMIT_VAR = "TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN";
  const withLimit = async (limit: string, run: () => Promise<void>) => {
    const saved = process.env[LIMIT_VAR];
    process.env[LIMIT_VAR] = limit;
    try {
      await run();
    } finally {
      if (saved === undefined) delete process.env[LIMIT_VAR];
      else process.env[LIMIT_VAR] = saved;
    }
  };

  test("an address past the limit is refused whatever the username, the right password included", async () => {
    await withLimit("3", async () => {
      const ip = "203.0.113.50";
      // A spray: one wrong password each for three usernames, none of them locked.
      for (const name of ["kurashiki.coord", "bizen.sup", "nobody.at.all"]) {
        assert.deepEqual(await authenticate(name, "Spray-guess-2026!", ip), { ok: false, reason: "invalid" });
      }
      assert.equal(recentFailuresFromAddress(ip), 3);
      assert.deepEqual(await authenticate("bizen.coord", DEMO_PASSWORD, ip), { ok: false, reason: "throttled" });
      const a = lastAudit();
      assert.deepEqual([a.action, a.ip, a.actorUsername], ["sign_in_failed", ip, "bizen.coord"]);
      assert.match(a.detail ?? "", /address_throttled/);
      // The usernames themselves are not locked, and another address signs in.
      assert.ok((await authenticate("bizen.coord", DEMO_PASSWORD, "203.0.113.51")).ok);
      // The window is 15 minutes: after it the address's count is back to zero.
      assert.equal(recentFailuresFromAddress(ip, new Date(Date.now() + 16 * 60_000)), 0);
    });
  });

  test("with the default limit the same failures do not throttle", async () => {
    const ip = "203.0.113.60";
    for (let i = 0; i < 3; i++) await authenticate("nobody.else", "Spray-guess-2026!", ip);
    assert.ok((await authenticate("bizen.coord", DEMO_PASSWORD, ip)).ok);
  });

  test("an unknown address (no trusted proxy) is one shared bucket", async () => {
    const before = recentFailuresFromAddress(null);
    await authenticate("nobody.third", "Spray-guess-2026!", null);
    assert.equal(recentFailuresFromAddress(null), before + 1);
    assert.equal(recentFailuresFromAddress("203.0.113.70"), 0);
  });
});

describe("the password rule in the data-access layer", () => {
  const refusedWith = (key: string) => (e: unknown) =>
    isAppError(e) && e.messageKey === key && (e as { fieldErrors: Record<string, string> }).fieldErrors.password === key;

  test("place names come from the org tables, with the parts people type", () => {
    const names = placeNamesForPasswords();
    for (const n of ["岡山県", "岡山", "山口県", "備前保健所", "備前", "東備"]) assert.ok(names.includes(n), n);
  });

  test("each refusal names its reason", () => {
    assert.throws(() => assertNewPassword("Bizen.Coord-2027", "bizen.coord"), refusedWith("validation.password.username"));
    assert.throws(() => assertNewPassword("watashi-no-岡山-7", "bizen.coord"), refusedWith("validation.password.placeName"));
    assert.throws(() => assertNewPassword("Sakura-2026!!", "bizen.coord"), refusedWith("validation.password.common"));
    assert.throws(() => assertNewPassword("!!Password-1234", "bizen.coord"), refusedWith("validation.password.common"));
    assert.throws(() => assertNewPassword("tsunagu-demo-2026", "bizen.coord"), refusedWith("validation.password.demo"));
    assert.doesNotThrow(() => assertNewPassword("Kirin-7-yokan-hashi", "bizen.coord"));
  });

  test("an own change and an admin reset are refused with no change", async () => {
    const before = userRow("niimi.coord");
    await assert.rejects(changeOwnPassword(actorFor("niimi.coord"), DEMO_PASSWORD, "Qwerty-123456!"), refusedWith("validation.password.common"));
    await assert.rejects(
      resetUserPassword(actorFor("okayama.admin"), before.id, "niimi.coord-2027!"),
      refusedWith("validation.password.username"),
    );
    const after = userRow("niimi.coord");
    assert.equal(after.passwordHash, before.passwordHash);
    assert.equal(after.sessionVersion, before.sessionVersion);
    // The demo accounts keep the demo password: the rule is for new passwords only.
    assert.ok((await authenticate("niimi.coord", DEMO_PASSWORD, null)).ok);
  });
});
