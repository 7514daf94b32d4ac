import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, externalStatisticValues } from "@/db/schema";
import {
  createStatistic,
  deleteStatistic,
  getStatisticForActor,
  getStatisticForEdit,
  listStatisticsForActor,
  statisticFormValues,
  statisticsInForce,
  statisticsInForceForYears,
  updateStatistic,
} from "@/lib/dal/statistics";
import { StatisticCreateSchema, StatisticUpdateSchema } from "@/lib/validation/statistics";
import { actorFor, seededDb } from "../helpers/test-db";
import { lastAudit, thrown } from "@/tests/helpers/dal-asserts";
import { detailOf } from "../helpers/audit-detail";

/*
 * External statistics on the real demo database: who may read and write (the prefecture role
 * its own prefecture; office staff read; admins nothing; another prefecture's set is not_found
 * like a missing one), duplicates, versions, audit rows in the same transaction, and the
 * selection rule of the sheet (ADR 0021) at its boundaries, on fiscal years the demo data does
 * not reach (2040 on).
 */

const six30Raw = (asOf: string, total = 3559, overrides: Record<string, string> = {}) => ({
  topic: "inpatients_630",
  asOf,
  method: "survey_630",
  sourceLabel: "630調査",
  note: "",
  inpatients_total: String(total),
  inpatients_lt3m: "829",
  inpatients_3to12m: "576",
  inpatients_ge1y: String(total - 829 - 576),
  inpatients_ge1y_u65: "636",
  inpatients_ge1y_65plus: String(total - 829 - 576 - 636),
  ...overrides,
});
const six30 = (asOf: string, total?: number) => StatisticCreateSchema.parse(six30Raw(asOf, total));
const rates = (cohortYear: number, r3m = "60.1") =>
  StatisticCreateSchema.parse({ topic: "discharge_rates", cohortYear: String(cohortYear), method: "ndb_fy_cohort", sourceLabel: `R${cohortYear - 2018}年度NDBより`, discharge_rate_3m: r3m, discharge_rate_6m: "75", discharge_rate_12m: "" });

before(async () => {
  await seededDb();
});

describe("external statistics: who may read and write", () => {
  test("the prefecture enters a set for its prefecture; the values are child rows; the audit row is written with it", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2040-06-30"));
    const set = getStatisticForActor(pref, id);
    assert.equal(set.asOf, "2040-06-30");
    assert.equal(set.values.inpatients_ge1y, 2154);
    assert.equal(set.canEdit, true);
    assert.equal(getDb().select().from(externalStatisticValues).where(eq(externalStatisticValues.statisticId, id)).all().length, 6);
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId, audit.actorUsername, audit.prefectureCode], ["create", "external_statistic", id, "okayama.pref", "33"]);
  });

  test("coordinators and supervisors of the prefecture read the sets but cannot write", () => {
    const { id } = createStatistic(actorFor("okayama.pref"), six30("2040-07-31"));
    for (const username of ["bizen.coord", "bizen.sup", "mimasaka.coord"]) {
      const actor = actorFor(username);
      assert.equal(getStatisticForActor(actor, id).canEdit, false);
      assert.ok(listStatisticsForActor(actor, { topic: "inpatients_630" }).some((s) => s.id === id));
      assert.equal(thrown(() => getStatisticForEdit(actor, id)).code, "not_found");
      assert.equal(thrown(() => createStatistic(actor, six30("2040-08-31"))).code, "not_found");
      assert.equal(thrown(() => updateStatistic(actor, { ...six30("2040-07-31"), id, version: 1, base: "" })).code, "not_found");
      assert.equal(thrown(() => deleteStatistic(actor, id, 1)).code, "not_found");
    }
  });

  test("another prefecture's set answers not_found like a missing one, for every role, and is never listed", () => {
    const { id } = createStatistic(actorFor("okayama.pref"), six30("2040-09-30"));
    for (const username of ["yamaguchi.pref", "ube.coord", "ube.sup"]) {
      const actor = actorFor(username);
      assert.equal(thrown(() => getStatisticForActor(actor, id)).code, "not_found");
      assert.ok(!listStatisticsForActor(actor).some((s) => s.id === id));
    }
    const yamaguchi = actorFor("yamaguchi.pref");
    assert.equal(thrown(() => getStatisticForActor(yamaguchi, "no-such-id")).code, "not_found");
    assert.equal(thrown(() => updateStatistic(yamaguchi, { ...six30("2040-09-30"), id, version: 1, base: "" })).code, "not_found");
    assert.equal(thrown(() => deleteStatistic(yamaguchi, id, 1)).code, "not_found");
    // Still there, unchanged.
    assert.equal(getStatisticForActor(actorFor("okayama.pref"), id).version, 1);
    // The same topic and date in another prefecture is no duplicate.
    assert.ok(createStatistic(yamaguchi, six30("2040-09-30")).id);
  });

  test("admins cannot read statistics at all", () => {
    const { id } = createStatistic(actorFor("okayama.pref"), six30("2040-10-31"));
    const admin = actorFor("okayama.admin");
    assert.equal(thrown(() => listStatisticsForActor(admin)).code, "not_found");
    assert.equal(thrown(() => getStatisticForActor(admin, id)).code, "not_found");
    assert.equal(thrown(() => createStatistic(admin, six30("2040-11-30"))).code, "not_found");
  });
});

describe("external statistics: duplicates, versions, deletes", () => {
  test("a second set of the same topic and date (or cohort year) is refused on the date field", () => {
    const pref = actorFor("okayama.pref");
    createStatistic(pref, six30("2041-06-30"));
    const e = thrown(() => createStatistic(pref, six30("2041-06-30", 4000)));
    assert.deepEqual([e.code, e.fieldErrors], ["invalid", { asOf: "indicatorInputs.validation.statistics.duplicate" }]);
    createStatistic(pref, rates(2040));
    assert.deepEqual(thrown(() => createStatistic(pref, rates(2040, "61"))).fieldErrors, { cohortYear: "indicatorInputs.validation.statistics.duplicate" });
    // Moving another set onto that date is refused too.
    const { id } = createStatistic(pref, six30("2041-07-31"));
    const moved = StatisticUpdateSchema.parse({ ...six30Raw("2041/6/30"), id, version: "1" });
    assert.equal(thrown(() => updateStatistic(pref, moved)).fieldErrors.asOf, "indicatorInputs.validation.statistics.duplicate");
  });

  test("an edit at a stale version writes nothing and names what changed; the audit row holds the diff", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2042-06-30"));
    const loaded = getStatisticForEdit(pref, id);
    const base = JSON.stringify(statisticFormValues(loaded));
    updateStatistic(pref, StatisticUpdateSchema.parse({ ...six30Raw("2042/6/30", 3600), sourceLabel: "630調査（確定値）", id, version: "1", base }));
    const audit = lastAudit();
    assert.equal(audit.action, "update");
    const changes = detailOf(audit).changes;
    assert.deepEqual(changes.inpatients_total, [3559, 3600]);
    assert.deepEqual(changes.sourceLabel, ["630調査", "630調査（確定値）"]);
    assert.equal(getStatisticForActor(pref, id).version, 2);

    const stale = thrown(() => updateStatistic(pref, StatisticUpdateSchema.parse({ ...six30Raw("2042/6/30", 3700), id, version: "1", base })));
    assert.equal(stale.code, "conflict");
    assert.deepEqual(stale.conflicts.inpatients_total, [3559, 3600]);
    assert.deepEqual(stale.conflicts.sourceLabel, ["630調査", "630調査（確定値）"]);
    assert.equal(getStatisticForActor(pref, id).values.inpatients_total, 3600);
  });

  test("an unchanged save writes nothing; the topic of a set cannot change", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2043-06-30"));
    const before = lastAudit().id;
    updateStatistic(pref, StatisticUpdateSchema.parse({ ...six30Raw("R25.6.30"), id, version: "1" }));
    assert.equal(lastAudit().id, before);
    assert.equal(getStatisticForActor(pref, id).version, 1);
    const other = StatisticUpdateSchema.parse({ topic: "population", asOf: "2043/6/30", method: "population_estimate", sourceLabel: "推計人口", population: "1800000", id, version: "1" });
    assert.equal(thrown(() => updateStatistic(pref, other)).fieldErrors.topic, "indicatorInputs.validation.statistics.topicFixed");
  });

  test("a delete needs the version the user saw; it removes the values and keeps a snapshot in the audit log", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createStatistic(pref, six30("2044-06-30"));
    assert.equal(thrown(() => deleteStatistic(pref, id, 2)).messageKey, "indicatorInputs.common.deleteConflict");
    deleteStatistic(pref, id, 1);
    assert.equal(thrown(() => getStatisticForActor(pref, id)).code, "not_found");
    assert.equal(getDb().select().from(externalStatisticValues).where(eq(externalStatisticValues.statisticId, id)).all().length, 0);
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "delete"))).get()!;
    assert.equal(detailOf(audit).snapshot.values.inpatients_total, 3559);
  });
});

describe("statistics in force for a sheet (ADR 0021)", () => {
  test("a 630 set dated (y+1)-04-02 is not used for FY y; one dated (y+1)-04-01 is", () => {
    const pref = actorFor("yamaguchi.pref");
    createStatistic(pref, six30("2050-06-30", 5000));
    createStatistic(pref, six30("2051-04-02", 5200));
    assert.equal(statisticsInForce("35", 2050).get("inpatients_total")?.value, 5000);
    const { id } = createStatistic(pref, six30("2051-04-01", 5100));
    const total = statisticsInForce("35", 2050).get("inpatients_total")!;
    assert.deepEqual([total.value, total.asOf, total.statisticId, total.topic, total.method, total.sourceLabel], [5100, "2051-04-01", id, "inpatients_630", "survey_630", "630調査"]);
    assert.equal(statisticsInForce("35", 2051).get("inpatients_total")?.value, 5200);
  });

  test("cohort topics: the latest cohort not after the year; an empty value of the chosen set is absent, not taken from an older set", () => {
    const pref = actorFor("yamaguchi.pref");
    createStatistic(pref, StatisticCreateSchema.parse({ topic: "discharge_rates", cohortYear: "2052", method: "ndb_fy_cohort", sourceLabel: "NDB", discharge_rate_3m: "50", discharge_rate_6m: "70", discharge_rate_12m: "80" }));
    createStatistic(pref, rates(2054, "55.5"));
    createStatistic(pref, rates(2056, "58"));
    const fy55 = statisticsInForce("35", 2055);
    assert.equal(fy55.get("discharge_rate_3m")?.value, 55.5);
    assert.equal(fy55.get("discharge_rate_3m")?.cohortYear, 2054);
    assert.equal(fy55.get("discharge_rate_3m")?.asOf, null);
    assert.equal(fy55.has("discharge_rate_12m"), false);
    assert.equal(statisticsInForce("35", 2053).get("discharge_rate_12m")?.value, 80);
  });

  test("only the prefecture asked for; several years at once agree with one at a time", () => {
    createStatistic(actorFor("okayama.pref"), six30("2060-06-30", 9999));
    assert.notEqual(statisticsInForce("35", 2060).get("inpatients_total")?.value, 9999);
    const years = statisticsInForceForYears("35", [2050, 2051, 2055]);
    for (const fy of [2050, 2051, 2055]) assert.deepEqual(years.get(fy), statisticsInForce("35", fy));
    assert.equal(statisticsInForceForYears("35", []).size, 0);
  });
});
