import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountChangeRequests, auditLogs, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { decideAccountChange } from "@/lib/dal/account-changes";
import { deactivateIfUnused, reviewAccountsForActor, sweepUnusedAccounts } from "@/lib/dal/account-review";
import { authenticate } from "@/lib/dal/auth";
import { setUserActive } from "@/lib/dal/users";
import { isUnusedAccount, unusedAccountDays } from "@/lib/domain/account-inactivity";
import { setAppToday } from "@/lib/domain/clock";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Accounts unused for 90 days are deactivated (ADR 0041): the rule itself, the sweep, the
 * sign-in attempt, the review page's scope, and the demo's shifted calendar.
 */

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number, now = Date.now()) => new Date(now - days * DAY).toISOString();
const userRow = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!;
const REQ = { page: 1, pageSize: 100, sort: "username" as const, dir: "asc" as const };

function age(username: string, stamps: { lastSignInAt: string | null; createdAt: string; updatedAt?: string }) {
  getDb()
    .update(users)
    .set({ lastSignInAt: stamps.lastSignInAt, createdAt: stamps.createdAt, updatedAt: stamps.updatedAt ?? stamps.createdAt })
    .where(eq(users.username, username))
    .run();
}

const deactivationRows = (username: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.entityType, "account_review"), eq(auditLogs.action, "update"), eq(auditLogs.entityId, userRow(username).id)))
    .all();

before(async () => {
  await seededDb();
});
after(() => setAppToday(null));

describe("the 90-day rule", () => {
  const now = new Date("2027-06-30T00:00:00Z");
  const at = (days: number) => ago(days, now.getTime());
  test("never signed in: counts from creation", () => {
    assert.equal(isUnusedAccount({ lastSignInAt: null, createdAt: at(91), updatedAt: at(91) }, now, 90), true);
    assert.equal(isUnusedAccount({ lastSignInAt: null, createdAt: at(89), updatedAt: at(89) }, now, 90), false);
    assert.equal(isUnusedAccount({ lastSignInAt: null, createdAt: at(90), updatedAt: at(90) }, now, 90), true);
  });
  test("signed in: counts from the last sign-in; an admin's change (a reactivation) restarts the count", () => {
    assert.equal(isUnusedAccount({ lastSignInAt: at(100), createdAt: at(400), updatedAt: at(400) }, now, 90), true);
    assert.equal(isUnusedAccount({ lastSignInAt: at(10), createdAt: at(400), updatedAt: at(400) }, now, 90), false);
    assert.equal(isUnusedAccount({ lastSignInAt: at(100), createdAt: at(400), updatedAt: at(5) }, now, 90), false);
  });
  test("the days come from TSUNAGU_ACCOUNT_UNUSED_DAYS, 90 by default", () => {
    assert.equal(unusedAccountDays({}), 90);
    assert.equal(unusedAccountDays({ TSUNAGU_ACCOUNT_UNUSED_DAYS: "30" }), 30);
    assert.equal(unusedAccountDays({ TSUNAGU_ACCOUNT_UNUSED_DAYS: "0" }), 90);
    assert.equal(unusedAccountDays({ TSUNAGU_ACCOUNT_UNUSED_DAYS: "x" }), 90);
  });
});

describe("deactivation", () => {
  test("a fresh demo database loses no account, even with the demo's today moved years ahead", () => {
    setAppToday("2031-04-01");
    try {
      assert.equal(sweepUnusedAccounts(), 0);
    } finally {
      setAppToday(null);
    }
    assert.equal(getDb().select().from(users).where(eq(users.active, false)).all().length, 0);
  });

  test("the sweep deactivates an unused account, ends its sessions and audits it", () => {
    age("bizen.coord2", { lastSignInAt: ago(120), createdAt: ago(400) });
    age("ikasa.coord", { lastSignInAt: null, createdAt: ago(91) });
    const before = userRow("bizen.coord2");
    assert.equal(sweepUnusedAccounts(), 2);
    const afterRow = userRow("bizen.coord2");
    assert.equal(afterRow.active, false);
    assert.equal(afterRow.sessionVersion, before.sessionVersion + 1);
    const row = deactivationRows("bizen.coord2")[0]!;
    assert.equal(row.actorUsername, "system");
    assert.equal(row.prefectureCode, "33");
    assert.equal(userRow("ikasa.coord").active, false);
    // Once is enough: a second sweep finds nothing.
    assert.equal(sweepUnusedAccounts(), 0);
    assert.equal(userRow("bizen.coord").active, true);
  });

  test("a sign-in attempt on an unused account deactivates it and fails, with the right password", async () => {
    age("tobi.coord", { lastSignInAt: ago(95), createdAt: ago(300) });
    const r = await authenticate("tobi.coord", DEMO_PASSWORD, "127.0.0.1");
    assert.equal(r.ok, false);
    assert.equal(userRow("tobi.coord").active, false);
    assert.equal(deactivationRows("tobi.coord").length, 1);
    // A used account signs in as before.
    assert.ok((await authenticate("bizen.coord", DEMO_PASSWORD, "127.0.0.1")).ok);
  });

  test("an admin's reactivation restarts the count, so the next sign-in works", async () => {
    const row = userRow("tobi.coord");
    // A coordinator's reactivation takes effect once a second admin approves it (ADR 0039).
    assert.deepEqual(setUserActive(actorFor("okayama.admin"), row.id, row.version, true), { pending: true });
    const request = getDb()
      .select({ id: accountChangeRequests.id })
      .from(accountChangeRequests)
      .where(and(eq(accountChangeRequests.userId, row.id), eq(accountChangeRequests.status, "pending")))
      .get()!;
    decideAccountChange(actorFor("okayama.admin2"), { id: request.id, decision: "approve", reason: "" });
    assert.equal(deactivateIfUnused(userRow("tobi.coord")), false);
    assert.ok((await authenticate("tobi.coord", DEMO_PASSWORD, "127.0.0.1")).ok);
  });
});

describe("the review page", () => {
  test("admins review the prefecture's accounts and see who was deactivated and when", () => {
    const review = reviewAccountsForActor(actorFor("okayama.admin"), REQ);
    const names = review.rows.map((r) => r.username);
    assert.ok(names.includes("bitchu.coord") && names.includes("okayama.pref"));
    assert.ok(!names.includes("ube.coord"), "no other prefecture");
    assert.equal(review.readOnly, false);
    assert.ok(review.deactivations.some((d) => d.username === "bizen.coord2"));
    assert.ok(review.rows.find((r) => r.username === "bizen.coord")!.unusedFrom);
  });

  test("supervisors read their offices' staff only; coordinators and prefecture staff are refused", () => {
    const review = reviewAccountsForActor(actorFor("bizen.sup"), REQ);
    const names = review.rows.map((r) => r.username);
    assert.ok(names.includes("bizen.coord") && names.includes("tobi.coord"));
    assert.ok(!names.includes("bitchu.coord") && !names.includes("okayama.admin"));
    assert.ok(review.deactivations.every((d) => d.username !== "ikasa.coord"));
    assert.equal(review.readOnly, true);
    for (const username of ["bizen.coord", "okayama.pref"]) {
      assert.throws(() => reviewAccountsForActor(actorFor(username), REQ), (e: Error & { code?: string }) => e.code === "not_found", username);
    }
  });
});
