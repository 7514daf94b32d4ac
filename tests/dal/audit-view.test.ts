import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, cases, users } from "@/db/schema";
import { writeAudit, type AuditEntry } from "@/lib/dal/audit";
import { exportAuditForActor, listAuditForActor, type AuditViewRow } from "@/lib/dal/audit-view";
import type { AuditViewFilter } from "@/lib/validation/audit-view";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The audit viewer's scoping (ADR 0041), against rows written the way the app writes them:
 * a supervisor sees the rows concerning the offices they reach (with detail) and nothing of
 * another office; prefecture staff and admins see their prefecture's rows without any detail;
 * another prefecture sees nothing; a coordinator is refused like a missing page.
 */

const SECRET = "監査秘密太郎";
const REQ = { page: 1, pageSize: 100, sort: "at" as const, dir: "desc" as const };

const userOf = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!;
const caseAt = (officeId: string) => getDb().select({ id: cases.id }).from(cases).where(eq(cases.officeId, officeId)).get()!.id;

function write(username: string, entry: AuditEntry): void {
  const u = userOf(username);
  getDb().transaction((tx) => writeAudit(tx, { id: u.id, username: u.username, role: u.role, prefectureCode: u.prefectureCode, ip: "192.0.2.1" }, entry));
}

/** Only the rows this test wrote (updates carrying the marker field), by the viewer's eyes. */
function seen(username: string, filter: AuditViewFilter = {}): AuditViewRow[] {
  return listAuditForActor(actorFor(username), REQ, { action: "update", ...filter }).rows;
}

let bizenCase = "";
let tobiCase = "";
let bitchuCase = "";
let ubeCase = "";

before(async () => {
  await seededDb();
  bizenCase = caseAt("33-bizen");
  tobiCase = caseAt("33-tobi");
  bitchuCase = caseAt("33-bitchu");
  ubeCase = caseAt("35-ube");
  const detail = { changes: { note: [SECRET, "x"] } };
  write("bizen.coord", { action: "update", entityType: "case", entityId: bizenCase, detail });
  write("tobi.coord", { action: "update", entityType: "case", entityId: tobiCase, detail });
  write("bitchu.coord", { action: "update", entityType: "case", entityId: bitchuCase, detail });
  write("ube.coord", { action: "update", entityType: "case", entityId: ubeCase, detail });
  // An account change of a bizen coordinator, made by the admin.
  write("okayama.admin", { action: "update", entityType: "user", entityId: userOf("bizen.coord2").id, detail: { changes: { displayName: ["a", "b"] } } });
});

describe("audit viewer scoping", () => {
  test("a supervisor sees their offices' records and staff with detail, nothing of another office", () => {
    const rows = seen("bizen.sup");
    const ids = new Set(rows.map((r) => r.entityId));
    assert.ok(ids.has(bizenCase), "bizen case");
    assert.ok(ids.has(tobiCase), "tobi (branch) case");
    assert.ok(ids.has(userOf("bizen.coord2").id), "an account of the office's staff");
    assert.ok(!ids.has(bitchuCase), "bitchu case is another office's");
    assert.ok(!ids.has(ubeCase), "another prefecture");
    const row = rows.find((r) => r.entityId === bizenCase)!;
    assert.ok(row.detail?.includes(SECRET), "the supervisor reads the detail");

    const other = seen("bitchu.sup");
    assert.deepEqual(
      other.filter((r) => [bizenCase, tobiCase].includes(r.entityId ?? "")),
      [],
      "the supervisor of another office sees none of bizen's rows",
    );
    assert.ok(other.some((r) => r.entityId === bitchuCase));
  });

  test("prefecture staff and admins see the prefecture's rows, never the detail", () => {
    for (const username of ["okayama.pref", "okayama.admin"]) {
      const rows = seen(username);
      const ids = new Set(rows.map((r) => r.entityId));
      assert.ok(ids.has(bizenCase) && ids.has(bitchuCase), `${username} sees the prefecture`);
      assert.ok(!ids.has(ubeCase), `${username} sees no other prefecture`);
      for (const r of rows) assert.ok(!("detail" in r), `${username} gets no detail key`);
      assert.ok(!JSON.stringify(rows).includes(SECRET));
    }
  });

  test("another prefecture sees nothing of Okayama's rows", () => {
    for (const username of ["yamaguchi.pref", "ube.sup"]) {
      const rows = seen(username);
      assert.ok(rows.every((r) => ![bizenCase, tobiCase, bitchuCase].includes(r.entityId ?? "")), username);
    }
    // Even when it names an Okayama office or record in the filter.
    assert.deepEqual(seen("yamaguchi.pref", { officeId: "33-bizen" }), []);
    assert.deepEqual(seen("ube.sup", { entityType: "case", entityId: bizenCase }), []);
  });

  test("a coordinator is refused like a missing page", () => {
    assert.throws(() => listAuditForActor(actorFor("bizen.coord"), REQ, {}), (e: Error & { code?: string }) => e.code === "not_found");
    assert.throws(() => exportAuditForActor(actorFor("bizen.coord"), {}), (e: Error & { code?: string }) => e.code === "not_found");
  });

  test("filters: office, record, user, date", () => {
    const pref = (f: AuditViewFilter) => seen("okayama.pref", f).map((r) => r.entityId);
    const bitchuOnly = pref({ officeId: "33-bitchu" });
    assert.ok(bitchuOnly.includes(bitchuCase) && !bitchuOnly.includes(bizenCase));
    assert.deepEqual(pref({ entityType: "case", entityId: tobiCase }), [tobiCase]);
    assert.deepEqual(pref({ userId: userOf("bitchu.coord").id }), [bitchuCase]);
    assert.deepEqual(pref({ from: "2001-01-01", to: "2001-01-02" }), []);
    // A supervisor's office filter outside reach matches nothing.
    assert.deepEqual(seen("bizen.sup", { officeId: "33-bitchu" }), []);
  });

  test("opening the viewer is audited", () => {
    const sup = actorFor("bizen.sup");
    const before = countRows(sup.id, "view");
    listAuditForActor(sup, REQ, { entityType: "case" });
    assert.equal(countRows(sup.id, "view"), before + 1);
  });

  test("export: audited, throttled per user, no detail for prefecture staff", () => {
    const pref = actorFor("okayama.pref");
    const first = exportAuditForActor(pref, { action: "update" }, { exportsPerHour: 2 });
    assert.ok(first.ok && first.rows.length > 0 && !first.withDetail);
    assert.ok(first.ok && !JSON.stringify(first.rows).includes(SECRET));
    assert.ok(exportAuditForActor(pref, {}, { exportsPerHour: 2 }).ok);
    const third = exportAuditForActor(pref, {}, { exportsPerHour: 2 });
    assert.deepEqual(third, { ok: false, reason: "throttled", limit: 2 });
    assert.equal(countRows(pref.id, "export"), 2);
    // Another user has their own allowance.
    assert.ok(exportAuditForActor(actorFor("okayama.admin"), {}, { exportsPerHour: 2 }).ok);
  });
});

function countRows(userId: string, action: "view" | "export"): number {
  return Number(
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(auditLogs)
      .where(and(eq(auditLogs.actorUserId, userId), eq(auditLogs.action, action), eq(auditLogs.entityType, "audit_log")))
      .get()!.n,
  );
}

describe("the filter in the URL", () => {
  test("malformed values are dropped, never passed on", async () => {
    const { parseAuditViewFilter, jstDayStart, jstDayEnd } = await import("@/lib/validation/audit-view");
    assert.deepEqual(parseAuditViewFilter({ action: "drop", entityType: "nope", from: "2026-02-30", to: "1e308", entityId: "x' or 1=1 --", userId: "" }), {});
    assert.deepEqual(parseAuditViewFilter({ action: "view", entityType: "case", from: "2026-12-01", to: "2026-12-06", officeId: "33-bizen" }), {
      action: "view",
      entityType: "case",
      from: "2026-12-01",
      to: "2026-12-06",
      officeId: "33-bizen",
    });
    // A JST day runs from 15:00 UTC the day before.
    assert.equal(jstDayStart("2026-12-01"), "2026-11-30T15:00:00.000Z");
    assert.equal(jstDayEnd("2026-12-01"), "2026-12-01T15:00:00.000Z");
  });
});
