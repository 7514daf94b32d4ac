import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { RECORD_GATES, type Gate, type GatedTable } from "@/lib/dal/record-gate";
import { OFFICE_REACH } from "@/lib/auth/permissions";
import { actorFor, seededDb } from "../helpers/test-db";
import { thrown } from "../helpers/dal-asserts";

/*
 * The one gate, for every record type and role: a row is loaded only when the role holds the
 * type's permission and the row's office is in the actor's reach; anything else is not_found,
 * exactly like a missing id. The offices in reach are worked out here from the assignments
 * (not with the gate's own SQL), so a gate that stops scoping fails these tests.
 */

const ACCOUNTS = ["bizen.coord", "tobi.coord", "bizen.sup", "mimasaka.coord", "okayama.pref", "okayama.admin", "yamaguchi.pref", "ube.coord", "ube.sup"];

/** The offices an account reaches, from its assignments: its own, and for a supervisor their branches. */
function expectedReach(actor: Actor): Set<string> {
  if (OFFICE_REACH[actor.role] === "prefecture") {
    return new Set(getDb().select({ id: healthCenters.id }).from(healthCenters).where(eq(healthCenters.prefectureCode, actor.prefectureCode)).all().map((o) => o.id));
  }
  if (actor.assignedOfficeIds.length === 0) return new Set();
  const withBranches = OFFICE_REACH[actor.role] === "assigned-and-branches";
  const rows = getDb()
    .select({ id: healthCenters.id })
    .from(healthCenters)
    .where(withBranches ? or(inArray(healthCenters.id, actor.assignedOfficeIds), inArray(healthCenters.parentId, actor.assignedOfficeIds)) : inArray(healthCenters.id, actor.assignedOfficeIds))
    .all();
  return new Set(rows.map((o) => o.id));
}

/** Every row of the gate's table with its owning office. */
function rowsOf(gate: Gate<GatedTable>): { id: string; officeId: string }[] {
  const t = gate.spec.table as GatedTable & { id: typeof gate.spec.officeColumn };
  return getDb()
    .select({ id: t.id, officeId: gate.spec.officeColumn })
    .from(gate.spec.table)
    .all() as { id: string; officeId: string }[];
}

const outcome = (fn: () => unknown): "ok" | string => {
  try {
    fn();
    return "ok";
  } catch {
    return thrown(fn).code;
  }
};

describe("the scoped-record gate", () => {
  before(async () => {
    await seededDb();
  });

  for (const [type, gate] of Object.entries(RECORD_GATES) as [string, Gate<GatedTable>][]) {
    test(`${type}: loaded only with the permission and in reach, for every role; otherwise not_found`, () => {
      const rows = rowsOf(gate);
      assert.ok(rows.length > 0, `the demo data has ${type} rows`);
      // One row per owning office keeps the matrix small but covers every office.
      const sample = [...new Map(rows.map((r) => [r.officeId, r])).values()];
      assert.ok(sample.length >= 2, `${type} rows at two offices at least`);
      let allowed = 0;
      let refused = 0;
      for (const username of ACCOUNTS) {
        const actor = actorFor(username);
        const reach = expectedReach(actor);
        for (const need of ["read", "write"] as const) {
          for (const row of sample) {
            const expected = gate.allows(actor, need) && reach.has(row.officeId) ? "ok" : "not_found";
            // Prefecture staff and administrators never open a record that names a person.
            if (actor.role === "prefecture" || actor.role === "admin") assert.equal(expected, "not_found", `${username} ${type}`);
            assert.equal(outcome(() => gate.load(actor, row.id, need)), expected, `${username} ${need} ${type} at ${row.officeId}`);
            if (expected === "ok") allowed++;
            else refused++;
          }
        }
        // A missing id is the same not_found as a row out of reach.
        assert.equal(outcome(() => gate.load(actor, "no-such-id")), "not_found");
      }
      assert.ok(allowed > 0 && refused > 0, "the matrix has both outcomes");
    });

    test(`${type}: the list condition keeps exactly the rows of offices in reach`, () => {
      const all = rowsOf(gate);
      for (const username of ACCOUNTS) {
        const actor = actorFor(username);
        const reach = expectedReach(actor);
        const t = gate.spec.table as GatedTable & { id: typeof gate.spec.officeColumn };
        const listed = getDb().select({ id: t.id }).from(gate.spec.table).where(gate.inReach(actor)).all() as { id: string }[];
        const expected = all.filter((r) => reach.has(r.officeId)).map((r) => r.id).sort();
        assert.deepEqual(listed.map((r) => r.id).sort(), expected, `${username} ${type}`);
      }
    });

    test(`${type}: the 閲覧・変更履歴 is for supervisors of the owning office only`, () => {
      const row = rowsOf(gate).find((r) => r.officeId === "33-bizen");
      assert.ok(row, `a ${type} row at 備前`);
      assert.equal(outcome(() => gate.trail(actorFor("bizen.sup"), row.id)), "ok");
      for (const username of ["bizen.coord", "okayama.pref", "okayama.admin", "ube.sup"]) {
        assert.equal(outcome(() => gate.trail(actorFor(username), row.id)), "not_found", username);
      }
    });
  }
});
