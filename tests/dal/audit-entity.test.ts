import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { AuditEntry } from "@/lib/dal/audit";
import { getIndicatorBoardForActor, getIndicatorDetailForActor } from "@/lib/dal/indicators";
import { listIndicatorRecordsForActor } from "@/lib/dal/indicators/drill-down";
import { AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES } from "@/lib/domain/codes";
import { actorFor, seededDb } from "@/tests/helpers/test-db";

// The audit entity type is a closed union: tsc (part of `npm test`) fails here if it ever widens
// back to string, because the directive below would then have no error to expect.
// @ts-expect-error an entity type outside the list is refused by the type checker
const misspelt: AuditEntry = { action: "view", entityType: "peers" };
void misspelt;

test("every entity type has a Japanese and an English label", () => {
  for (const t of AUDIT_ENTITY_TYPES) {
    assert.ok(AUDIT_ENTITY_LABELS[t].ja.length > 0 && AUDIT_ENTITY_LABELS[t].en.length > 0, t);
  }
});

test("the rows the app writes name listed entity types only", async () => {
  await seededDb();
  const pref = actorFor("okayama.pref");
  getIndicatorBoardForActor(pref, { fiscalYear: 2021, trends: false });
  listIndicatorRecordsForActor(pref, getIndicatorDetailForActor(pref, "C1", { fiscalYear: 2021, scope: "prefecture" }));
  const written = getDb().all<{ t: string }>(sql`SELECT DISTINCT entity_type AS t FROM audit_logs`).map((r) => r.t);
  assert.ok(written.includes("indicator_records"), "the drill-down was audited");
  for (const t of written) assert.ok((AUDIT_ENTITY_TYPES as readonly string[]).includes(t), t);
});
