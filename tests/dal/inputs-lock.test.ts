import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { externalStatistics, indicatorTargets, restatements } from "@/db/schema";
import { createTarget, deleteTarget, getTargetForActor, updateTarget } from "@/lib/dal/indicator-targets";
import { createStatistic, deleteStatistic, getStatisticForActor, statisticYearDate, updateStatistic } from "@/lib/dal/statistics";
import { lockYear } from "@/lib/dal/year-close";
import { TargetCreateSchema, TargetUpdateSchema } from "@/lib/validation/indicator-targets";
import { StatisticCreateSchema, StatisticUpdateSchema } from "@/lib/validation/statistics";
import { thrown } from "../helpers/dal-asserts";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The year-end lock (ADR 0025) on the sheet's external statistics and targets. FY2019 of 岡山県
 * is locked; FY2018 and FY2020 stay open, so "needs a reason" is the lock's doing, not the
 * year being past. A dated set belongs to the fiscal year of the day before its reference date
 * (the FY y sheet uses sets dated up to (y+1)-04-01), a cohort set to its cohort year, a target
 * to its `fiscalYear` (a plan period's last year).
 */

const LOCKED = 2019;
const REASON = "公表値の訂正";

const restatementsOf = (entityId: string) => getDb().select().from(restatements).where(eq(restatements.entityId, entityId)).all();
const count = (table: typeof externalStatistics | typeof indicatorTargets) => (getDb().select({ n: sql<number>`count(*)` }).from(table).get() as { n: number }).n;

const six30Raw = (asOf: string, extra: Record<string, string> = {}) => ({
  topic: "inpatients_630",
  asOf,
  method: "survey_630",
  sourceLabel: "630調査",
  note: "",
  inpatients_total: "3559",
  inpatients_lt3m: "829",
  inpatients_3to12m: "576",
  inpatients_ge1y: "2154",
  inpatients_ge1y_u65: "636",
  inpatients_ge1y_65plus: "1518",
  ...extra,
});
const six30 = (asOf: string, extra: Record<string, string> = {}) => StatisticCreateSchema.parse(six30Raw(asOf, extra));
const six30Edit = (id: string, version: number, asOf: string, extra: Record<string, string> = {}) =>
  StatisticUpdateSchema.parse({ ...six30Raw(asOf, extra), id, version: String(version), base: "" });

const targetRaw = (extra: Record<string, string> = {}) => ({
  indicatorCode: "A11",
  scope: "prefecture",
  planPeriodId: "",
  fiscalYear: String(LOCKED),
  comparator: "gte",
  value: "30",
  text: "",
  baselineValue: "",
  baselineFiscalYear: "",
  source: "",
  ...extra,
});
const target = (extra: Record<string, string> = {}) => TargetCreateSchema.parse(targetRaw(extra));
const targetEdit = (id: string, version: number, extra: Record<string, string> = {}) =>
  TargetUpdateSchema.parse({ ...targetRaw(extra), id, version: String(version), base: "" });

/** Create a row while its year is open, by giving the reason a locked year would ask for. */
const withReason = { restatementReason: REASON };

before(async () => {
  await seededDb();
  lockYear(actorFor("okayama.pref"), { fiscalYear: LOCKED });
});

describe("which fiscal year a statistic belongs to", () => {
  test("a dated set: the year of the day before its reference date; a cohort set: its cohort year", () => {
    assert.equal(statisticYearDate({ asOf: "2020-04-01", cohortYear: null }), "2020-03-31");
    assert.equal(statisticYearDate({ asOf: "2020-04-02", cohortYear: null }), "2020-04-01");
    assert.equal(statisticYearDate({ asOf: "2019-06-30", cohortYear: null }), "2019-06-29");
    assert.equal(statisticYearDate({ asOf: null, cohortYear: 2019 }), "2019-04-01");
  });
});

describe("external statistics in a locked year", () => {
  test("a set dated in the locked year: refused without a reason (nothing written), created with one and restated", () => {
    const pref = actorFor("okayama.pref");
    const before = count(externalStatistics);
    const refused = thrown(() => createStatistic(pref, six30("2019-07-15")));
    assert.equal(refused.code, "invalid");
    assert.equal(refused.messageKey, "yearClose.guard.reasonRequired");
    assert.ok(refused.fieldErrors.restatementReason, "the form is asked for 訂正の理由");
    assert.equal(count(externalStatistics), before, "nothing written");

    const { id } = createStatistic(pref, six30("2019-07-15", withReason));
    const [r, ...more] = restatementsOf(id);
    assert.equal(more.length, 0);
    assert.deepEqual([r!.entityType, r!.action, r!.fiscalYear, r!.officeId, r!.reason, r!.prefectureCode], ["external_statistic", "create", LOCKED, null, REASON, "33"]);
    const changes = JSON.parse(r!.changes) as Record<string, [unknown, unknown]>;
    assert.deepEqual(changes.asOf, [null, "2019-07-15"]);
    assert.deepEqual(changes.inpatients_total, [null, 3559]);
  });

  test("a set dated 2020-04-01 belongs to FY2019 (locked); one dated 2020-04-02 to FY2020 (open)", () => {
    const pref = actorFor("okayama.pref");
    assert.equal(thrown(() => createStatistic(pref, six30("2020-04-01"))).messageKey, "yearClose.guard.reasonRequired");
    const { id } = createStatistic(pref, six30("2020-04-02"));
    assert.equal(restatementsOf(id).length, 0);
  });

  test("a cohort set of the locked year needs a reason; of an open year none", () => {
    const pref = actorFor("okayama.pref");
    const rates = (cohortYear: number, extra: Record<string, string> = {}) =>
      StatisticCreateSchema.parse({ topic: "discharge_rates", cohortYear: String(cohortYear), method: "ndb_fy_cohort", sourceLabel: "NDB", discharge_rate_3m: "60.1", discharge_rate_6m: "75", ...extra });
    assert.equal(thrown(() => createStatistic(pref, rates(LOCKED))).messageKey, "yearClose.guard.reasonRequired");
    const { id } = createStatistic(pref, rates(LOCKED, withReason));
    assert.equal(restatementsOf(id)[0]!.fiscalYear, LOCKED);
    const open = createStatistic(pref, rates(2020));
    assert.equal(restatementsOf(open.id).length, 0);
  });

  test("editing a set of the locked year: refused without a reason, unchanged; saved with one and restated", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2019-08-15", withReason));
    const refused = thrown(() => updateStatistic(pref, six30Edit(id, 1, "2019-08-15", { note: "訂正" })));
    assert.equal(refused.code, "invalid");
    assert.ok(refused.fieldErrors.restatementReason);
    assert.deepEqual([getStatisticForActor(pref, id).version, getStatisticForActor(pref, id).note], [1, null], "nothing written");

    updateStatistic(pref, six30Edit(id, 1, "2019-08-15", { note: "訂正", ...withReason }));
    assert.equal(getStatisticForActor(pref, id).note, "訂正");
    const updates = restatementsOf(id).filter((r) => r.action === "update");
    assert.equal(updates.length, 1);
    assert.equal(updates[0]!.entityType, "external_statistic");
    assert.deepEqual(JSON.parse(updates[0]!.changes), { note: [null, "訂正"] });
  });

  test("moving a set out of the locked year counts (its old date), and into it (its new date)", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2019-09-15", withReason));
    assert.equal(thrown(() => updateStatistic(pref, six30Edit(id, 1, "2020-09-15"))).messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getStatisticForActor(pref, id).asOf, "2019-09-15");
    updateStatistic(pref, six30Edit(id, 1, "2020-09-15", withReason));
    assert.equal(restatementsOf(id).filter((r) => r.action === "update").length, 1);

    const open = createStatistic(pref, six30("2018-09-15"));
    assert.equal(thrown(() => updateStatistic(pref, six30Edit(open.id, 1, "2019-10-15"))).messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getStatisticForActor(pref, open.id).asOf, "2018-09-15");
  });

  test("a set of an open year is created, edited and deleted without a reason", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2018-10-15"));
    updateStatistic(pref, six30Edit(id, 1, "2018-10-15", { note: "補記" }));
    deleteStatistic(pref, id, 2);
    assert.equal(restatementsOf(id).length, 0);
  });

  test("deleting a set of the locked year: refused without a reason (kept), deleted with one, its values kept in the restatement", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2019-11-15", withReason));
    const refused = thrown(() => deleteStatistic(pref, id, 1));
    assert.equal(refused.messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getStatisticForActor(pref, id).id, id, "still there");
    deleteStatistic(pref, id, 1, withReason);
    assert.equal(thrown(() => getStatisticForActor(pref, id)).code, "not_found");
    const deleted = restatementsOf(id).find((r) => r.action === "delete")!;
    assert.equal(deleted.entityType, "external_statistic");
    assert.deepEqual(JSON.parse(deleted.changes).inpatients_ge1y, [2154, null]);
  });

  test("another prefecture's lock does not reach 山口県", () => {
    const { id } = createStatistic(actorFor("yamaguchi.pref"), six30("2019-07-15"));
    assert.equal(restatementsOf(id).length, 0);
  });
});

describe("targets in a locked year", () => {
  test("a target for the locked year: refused without a reason (nothing written), created with one and restated", () => {
    const pref = actorFor("okayama.pref");
    const before = count(indicatorTargets);
    const refused = thrown(() => createTarget(pref, target({ indicatorCode: "A6" })));
    assert.equal(refused.code, "invalid");
    assert.ok(refused.fieldErrors.restatementReason);
    assert.equal(count(indicatorTargets), before, "nothing written");
    const { id } = createTarget(pref, target({ indicatorCode: "A6", ...withReason }));
    const [r, ...more] = restatementsOf(id);
    assert.equal(more.length, 0);
    assert.deepEqual([r!.entityType, r!.action, r!.fiscalYear, r!.officeId, r!.reason], ["indicator_target", "create", LOCKED, null, REASON]);
    assert.deepEqual(JSON.parse(r!.changes).value, [null, 30]);
  });

  test("an office's target is restated under that office", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A14", scope: "office:33-bizen", ...withReason }));
    assert.equal(restatementsOf(id)[0]!.officeId, "33-bizen");
  });

  test("editing a target of the locked year needs a reason; moving one out of it or into it too", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A9", ...withReason }));
    const refused = thrown(() => updateTarget(pref, targetEdit(id, 1, { indicatorCode: "A9", value: "40" })));
    assert.equal(refused.messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getTargetForActor(pref, id).value, 30, "unchanged");
    assert.equal(thrown(() => updateTarget(pref, targetEdit(id, 1, { indicatorCode: "A9", fiscalYear: "2018" }))).messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getTargetForActor(pref, id).fiscalYear, LOCKED, "not moved out");
    updateTarget(pref, targetEdit(id, 1, { indicatorCode: "A9", fiscalYear: "2018", ...withReason }));
    const update = restatementsOf(id).find((r) => r.action === "update")!;
    assert.deepEqual([update.entityType, update.fiscalYear], ["indicator_target", LOCKED]);
    assert.deepEqual(JSON.parse(update.changes), { fiscalYear: [LOCKED, 2018] });

    const open = createTarget(pref, target({ indicatorCode: "A10", fiscalYear: "2018" }));
    assert.equal(thrown(() => updateTarget(pref, targetEdit(open.id, 1, { indicatorCode: "A10", fiscalYear: String(LOCKED) }))).messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getTargetForActor(pref, open.id).fiscalYear, 2018);
  });

  test("a target of an open year (a plan period is its last year: 第5期 is FY2020) needs no reason", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A12", planPeriodId: "shogai_fukushi-5", fiscalYear: "" }));
    assert.equal(getTargetForActor(pref, id).fiscalYear, 2020);
    updateTarget(pref, targetEdit(id, 1, { indicatorCode: "A12", planPeriodId: "shogai_fukushi-5", fiscalYear: "", value: "35" }));
    deleteTarget(pref, id, 2);
    assert.equal(restatementsOf(id).length, 0);
  });

  test("deleting a target of the locked year: refused without a reason (kept), deleted with one", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A13", ...withReason }));
    assert.equal(thrown(() => deleteTarget(pref, id, 1)).messageKey, "yearClose.guard.reasonRequired");
    assert.equal(getTargetForActor(pref, id).id, id, "still there");
    deleteTarget(pref, id, 1, withReason);
    assert.equal(thrown(() => getTargetForActor(pref, id)).code, "not_found");
    const deleted = restatementsOf(id).find((r) => r.action === "delete")!;
    assert.deepEqual([deleted.entityType, deleted.fiscalYear], ["indicator_target", LOCKED]);
    assert.deepEqual(JSON.parse(deleted.changes).value, [30, null]);
  });
});
