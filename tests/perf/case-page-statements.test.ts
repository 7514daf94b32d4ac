import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type Database from "better-sqlite3";
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLogs, cases } from "@/db/schema";
import { getCaseForActor } from "@/lib/dal/cases";
import { listTransfersOfCase } from "@/lib/dal/case-transfers";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { listDispatchesOfCaseForActor } from "@/lib/dal/peer-dispatch-list";
import { statementsOf } from "@/scripts/bench/hot-paths";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The case page within its budget at national scale (issue 14, ADR 0057): every read the page's
 * data-access calls make is built and prepared once per database handle, so a visit after the
 * first compiles nothing and builds no drizzle query (drizzle prepares each query it builds, so a
 * built query shows as a call of `prepare`). A query added to the page without preparing it
 * fails here, naming it.
 */

/** The SQL of every statement compiled or fetched from the kept statements while `run` runs. */
function preparedDuring(sqlite: Database.Database, run: () => void): string[] {
  const prepare = sqlite.prepare;
  const sources: string[] = [];
  sqlite.prepare = function (this: Database.Database, source: string) {
    sources.push(source);
    return prepare.call(this, source);
  } as typeof sqlite.prepare;
  try {
    run();
  } finally {
    sqlite.prepare = prepare;
  }
  return sources;
}

describe("the case page's reads are prepared once (issue 14)", () => {
  let db: Db;
  let sqlite: Database.Database;
  before(async () => {
    db = await seededDb();
    sqlite = (db as unknown as { $client: Database.Database }).$client;
  });

  /** What page.tsx asks the data-access layer for, as a coordinator who may write sees it. */
  const openCasePage = (caseId: string, actor = actorFor("bizen.coord")) => {
    const detail = getCaseForActor(actor, caseId);
    listTransfersOfCase(actor, caseId);
    listDispatchesOfCaseForActor(actor, caseId);
    if (detail.phase !== "closed" && detail.fields.dischargeDate) listHospitalsForActor(actor);
    return detail;
  };

  const coordinatorsCase = (open: boolean) => {
    const coordinator = actorFor("bizen.coord");
    const row = db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.coordinatorUserId, coordinator.id), open ? and(ne(cases.phase, "closed"), isNotNull(cases.dischargeDate)) : eq(cases.phase, "closed")))
      .orderBy(asc(cases.caseNo))
      .get();
    assert.ok(row, `the demo data gives bizen.coord ${open ? "an open discharged" : "a closed"} case`);
    return row.id;
  };

  for (const open of [true, false]) {
    it(`a second visit of ${open ? "an open, discharged" : "a closed"} case prepares no statement and still writes its audit row`, () => {
      const caseId = coordinatorsCase(open);
      const actor = actorFor("bizen.coord");
      // The first visits build and prepare (and the audit chain's own statements, kept per connection).
      openCasePage(caseId, actor);
      openCasePage(caseId, actor);
      const viewsBefore = db.select({ id: auditLogs.id }).from(auditLogs).where(and(eq(auditLogs.entityId, caseId), eq(auditLogs.action, "view"))).all().length;
      let detail: ReturnType<typeof openCasePage> | undefined;
      const sources = preparedDuring(sqlite, () => {
        detail = openCasePage(caseId, actor);
      });
      assert.deepEqual(sources, [], `statements built on a second visit:\n${sources.join("\n")}`);
      assert.equal(detail!.id, caseId);
      const viewsAfter = db.select({ id: auditLogs.id }).from(auditLogs).where(and(eq(auditLogs.entityId, caseId), eq(auditLogs.action, "view"))).all().length;
      assert.equal(viewsAfter, viewsBefore + 1, "each visit writes its view row");
    });
  }

  it("the plan test's capture sees statements prepared before it (prepared-once reads are explained too)", async () => {
    const caseId = coordinatorsCase(false);
    openCasePage(caseId); // prepared now, before the capture
    const captured = await statementsOf(sqlite, () => openCasePage(caseId));
    assert.ok(
      captured.some((s) => /from "case_activities"/.test(s.source)),
      `the case page's activity query, prepared before the capture, is captured; got:\n${captured.map((s) => s.source.slice(0, 80)).join("\n")}`,
    );
  });
});
