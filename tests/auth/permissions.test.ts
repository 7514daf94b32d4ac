import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { navItemsFor } from "@/lib/auth/navigation";
import { can, OFFICE_REACH, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { afterFailure, isLocked, normalizeUsername, sessionIdleMinutes } from "@/lib/auth/policy";
import { ROLES } from "@/lib/domain/codes";

describe("permission table", () => {
  test("only coordinators and supervisors touch person-identifying data", () => {
    const personWork = [
      ["read:case:reach", "write:case:reach", "read:identity:reach"],
      ["read:outreach:reach", "write:outreach:reach"],
      ["read:peer:reach", "write:peer:reach"],
      ["read:dispatch:reach", "write:dispatch:reach"],
    ].flat() as Permission[];
    for (const p of personWork) {
      assert.deepEqual(ROLES.filter((r) => can(r, p)), ["coordinator", "supervisor"], p);
    }
  });

  test("supervisor-only tools", () => {
    for (const p of ["read:caseload:reach", "reassign:case:reach", "read:audit:reach", "signoff:year:reach", "reopen:case:reach", "correct:phase:reach", "transfer:case:reach"] as const) {
      assert.deepEqual(ROLES.filter((r) => can(r, p)), ["supervisor"], p);
    }
  });

  test("prefecture staff get aggregates, never names or staff", () => {
    assert.ok(can("prefecture", "read:aggregate:prefecture"));
    assert.equal(can("prefecture", "read:staff:reach"), false);
    assert.equal(can("prefecture", "manage:user:prefecture"), false);
  });

  test("indicators: every role but admin reads them; only the prefecture role manages the sheet's inputs", () => {
    assert.deepEqual(ROLES.filter((r) => can(r, "read:indicator:reach")), ["coordinator", "supervisor", "prefecture"]);
    assert.deepEqual(ROLES.filter((r) => can(r, "manage:indicator:prefecture")), ["prefecture"]);
    assert.deepEqual(ROLES.filter((r) => can(r, "lock:year:prefecture")), ["prefecture"]);
  });

  test("admins manage users and master data but see no case contents", () => {
    assert.ok(can("admin", "manage:user:prefecture"));
    assert.ok(can("admin", "manage:master:prefecture"));
    assert.equal(can("admin", "read:case:reach"), false);
    assert.equal(can("admin", "read:aggregate:prefecture"), false);
  });

  test("reach per role", () => {
    assert.deepEqual(OFFICE_REACH, { coordinator: "assigned", supervisor: "assigned-and-branches", prefecture: "prefecture", admin: "prefecture" });
  });

  test("every role's permissions are known permissions, without duplicates", () => {
    for (const r of ROLES) {
      const list = ROLE_PERMISSIONS[r];
      assert.equal(new Set(list).size, list.length);
      for (const p of list) assert.ok(PERMISSIONS.includes(p));
    }
  });

  test("the menu follows the table", () => {
    assert.deepEqual(navItemsFor("coordinator").map((i) => i.href), ["/", "/schedule", "/cases", "/peers", "/outreach", "/activities", "/import", "/indicators", "/offices", "/org", "/account"]);
    assert.deepEqual(navItemsFor("supervisor").map((i) => i.href), ["/", "/schedule", "/cases", "/caseload", "/transfers", "/peers", "/outreach", "/activities", "/import", "/indicators", "/offices", "/org", "/audit", "/account-review", "/approvals", "/account"]);
    assert.deepEqual(navItemsFor("admin").map((i) => i.href), ["/", "/offices", "/org", "/admin/users", "/admin/hospitals", "/audit", "/account-review", "/approvals", "/account"]);
    assert.deepEqual(navItemsFor("prefecture").map((i) => i.href), ["/", "/activities", "/import", "/indicators", "/offices", "/org", "/audit", "/account"]);
    assert.ok(!navItemsFor("prefecture").some((i) => i.href.startsWith("/admin")));
  });
});

describe("sign-in policy", () => {
  const now = new Date("2026-11-22T10:00:00Z");
  test("the fifth consecutive failure locks for 15 minutes", () => {
    let s = afterFailure(undefined, now);
    for (let i = 2; i <= 4; i++) s = afterFailure(s, now);
    assert.deepEqual(s, { failedCount: 4, lockedUntil: null });
    s = afterFailure(s, now);
    assert.deepEqual(s, { failedCount: 5, lockedUntil: "2026-11-22T10:15:00.000Z" });
    assert.ok(isLocked(s, new Date("2026-11-22T10:14:59Z")));
    assert.equal(isLocked(s, new Date("2026-11-22T10:15:00Z")), false);
  });
  test("after an expired lock the count restarts", () => {
    const expired = { failedCount: 5, lockedUntil: "2026-11-22T09:00:00.000Z" };
    assert.deepEqual(afterFailure(expired, now), { failedCount: 1, lockedUntil: null });
  });
  test("idle timeout defaults to 30 minutes and is configurable", () => {
    assert.equal(sessionIdleMinutes({}), 30);
    assert.equal(sessionIdleMinutes({ SESSION_IDLE_MINUTES: "10" }), 10);
    assert.equal(sessionIdleMinutes({ SESSION_IDLE_MINUTES: "zero" }), 30);
    assert.equal(sessionIdleMinutes({ SESSION_IDLE_MINUTES: "0" }), 30);
  });
  test("usernames are normalised", () => {
    assert.equal(normalizeUsername("  Bizen.Coord "), "bizen.coord");
    assert.equal(normalizeUsername("ｂｉｚｅｎ"), "bizen");
  });
});
