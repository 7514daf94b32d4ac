import { before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, loginThrottles, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { loadActor } from "@/lib/dal/actor";
import { authenticate, isSessionCurrent, signOutSession } from "@/lib/dal/auth";
import { setUserActive } from "@/lib/dal/users";
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
    assert.ok(r.ok);
    assert.equal(r.claims.role, "coordinator");
    assert.deepEqual(r.claims.officeIds, ["33-bizen"]);
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
    const admin = { ...actorFor("okayama.admin"), prefectureCode: "35" }; // an admin of 山口県
    setUserActive(admin, before.id, before.version, false);
    assert.equal(isSessionCurrent(before.id, before.sessionVersion, "session-a"), false);
    assert.equal(loadActor(before.id, before.sessionVersion), null);
    assert.deepEqual(await authenticate("ube.coord", DEMO_PASSWORD, null), { ok: false, reason: "invalid" });
    const after = userRow("ube.coord");
    setUserActive(admin, after.id, after.version, true);
    assert.ok((await authenticate("ube.coord", DEMO_PASSWORD, null)).ok);
  });
});

describe("sign-out", () => {
  test("revokes exactly the signed-out session on the server, and is audited", async () => {
    const first = await authenticate("okayama.pref", DEMO_PASSWORD, null);
    const second = await authenticate("okayama.pref", DEMO_PASSWORD, null);
    assert.ok(first.ok && second.ok);
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
