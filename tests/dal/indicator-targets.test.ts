import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  createTarget,
  deleteTarget,
  getTargetForActor,
  getTargetForEdit,
  getTargetFormOptionsForActor,
  listTargetsForActor,
  targetFormValues,
  targetsInForce,
  updateTarget,
} from "@/lib/dal/indicator-targets";
import { TargetCreateSchema, TargetUpdateSchema } from "@/lib/validation/indicator-targets";
import { actorFor, seededDb } from "../helpers/test-db";
import { lastAudit, thrown } from "@/tests/helpers/dal-asserts";
import { detailOf } from "../helpers/audit-detail";

/*
 * Targets on the real demo database: scoping for every role, scopes that must be the actor's
 * prefecture's, duplicates, versions, audit rows, and the rule that picks a sheet's target
 * (ADR 0021), on indicators and years the demo data leaves alone (岡山県, 第8期 FY2027–29).
 */

const raw = (overrides: Record<string, string> = {}) => ({
  indicatorCode: "A11",
  scope: "prefecture",
  planPeriodId: "",
  fiscalYear: "2028",
  comparator: "gte",
  value: "30",
  text: "",
  baselineValue: "",
  baselineFiscalYear: "",
  source: "",
  ...overrides,
});
const target = (overrides: Record<string, string> = {}) => TargetCreateSchema.parse(raw(overrides));

before(async () => {
  await seededDb();
});

describe("targets: who may read and write", () => {
  test("the prefecture sets a target; a plan period makes it the period's last year; audited", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A9", planPeriodId: "shogai_fukushi-8", fiscalYear: "" }));
    const t = getTargetForActor(pref, id);
    assert.deepEqual([t.fiscalYear, t.planPeriodId, t.planPeriodLabel?.ja, t.comparator, t.value, t.canEdit], [2029, "shogai_fukushi-8", "第8期障害福祉計画", "gte", 30, true]);
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId], ["create", "indicator_target", id]);
  });

  test("office staff read, cannot write; another prefecture and admins get not_found", () => {
    const { id } = createTarget(actorFor("okayama.pref"), target({ indicatorCode: "A5" }));
    for (const username of ["bizen.coord", "bizen.sup"]) {
      const actor = actorFor(username);
      assert.equal(getTargetForActor(actor, id).canEdit, false);
      assert.ok(listTargetsForActor(actor, { indicatorCode: "A5" }).some((r) => r.id === id));
      assert.equal(thrown(() => getTargetForEdit(actor, id)).code, "not_found");
      assert.equal(thrown(() => createTarget(actor, target({ indicatorCode: "A5", fiscalYear: "2027" }))).code, "not_found");
      assert.equal(thrown(() => deleteTarget(actor, id, 1)).code, "not_found");
    }
    for (const username of ["yamaguchi.pref", "ube.coord"]) {
      const actor = actorFor(username);
      assert.equal(thrown(() => getTargetForActor(actor, id)).code, "not_found");
      assert.ok(!listTargetsForActor(actor).some((r) => r.id === id));
    }
    assert.equal(thrown(() => updateTarget(actorFor("yamaguchi.pref"), { ...target({ indicatorCode: "A5" }), id, version: 1, base: "" })).code, "not_found");
    assert.equal(thrown(() => deleteTarget(actorFor("yamaguchi.pref"), id, 1)).code, "not_found");
    assert.equal(thrown(() => listTargetsForActor(actorFor("okayama.admin"))).code, "not_found");
    assert.equal(thrown(() => getTargetForActor(actorFor("okayama.admin"), id)).code, "not_found");
  });

  test("a region or office of another prefecture, or an unknown one, is refused as the scope", () => {
    const pref = actorFor("okayama.pref");
    for (const scope of ["region:35-ube-onoda", "office:35-ube", "region:33-nowhere"]) {
      assert.deepEqual(thrown(() => createTarget(pref, target({ scope }))).fieldErrors, { scope: "indicatorInputs.validation.targets.scopeInvalid" });
    }
    const { id } = createTarget(pref, target({ scope: "office:33-tobi" }));
    const t = getTargetForActor(pref, id);
    assert.deepEqual([t.scope, t.scopeName], [{ level: "office", officeId: "33-tobi" }, "備前保健所東備支所"]);
    const options = getTargetFormOptionsForActor(pref);
    assert.equal(options.regions.length, 5);
    assert.ok(options.offices.every((o) => o.id.startsWith("33-")));
    assert.ok(options.planPeriods.some((p) => p.id === "shogai_fukushi-6"));
  });

  test("an unknown indicator or plan period is refused by the server too", () => {
    const pref = actorFor("okayama.pref");
    assert.equal(thrown(() => createTarget(pref, { ...target(), indicatorCode: "Z1" })).fieldErrors.indicatorCode, "indicatorInputs.validation.targets.indicatorUnknown");
    assert.equal(thrown(() => createTarget(pref, { ...target(), planPeriodId: "shogai_fukushi-99" })).fieldErrors.planPeriodId, "indicatorInputs.validation.targets.planPeriodInvalid");
  });
});

describe("targets: duplicates, versions, deletes", () => {
  test("the same indicator, scope and year is refused; another scope is not", () => {
    const pref = actorFor("okayama.pref");
    createTarget(pref, target({ indicatorCode: "A14", fiscalYear: "2027" }));
    assert.deepEqual(thrown(() => createTarget(pref, target({ indicatorCode: "A14", fiscalYear: "2027", value: "5" }))).fieldErrors, { fiscalYear: "indicatorInputs.validation.targets.duplicate" });
    // A plan period ending in a year that has a target is the same year.
    createTarget(pref, target({ indicatorCode: "A14", fiscalYear: "2026" }));
    assert.deepEqual(thrown(() => createTarget(pref, target({ indicatorCode: "A14", fiscalYear: "", planPeriodId: "shogai_fukushi-7" }))).fieldErrors, { planPeriodId: "indicatorInputs.validation.targets.duplicate" });
    createTarget(pref, target({ indicatorCode: "A14", fiscalYear: "2027", scope: "region:33-bizen" }));
    createTarget(pref, target({ indicatorCode: "A14", fiscalYear: "2027", scope: "office:33-bizen" }));
    createTarget(actorFor("yamaguchi.pref"), target({ indicatorCode: "A14", fiscalYear: "2027" }));
  });

  test("a stale edit writes nothing and names what changed; the audit row holds the diff", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A15" }));
    const base = JSON.stringify(targetFormValues(getTargetForEdit(pref, id)));
    updateTarget(pref, TargetUpdateSchema.parse({ ...raw({ indicatorCode: "A15", value: "40", source: "県計画" }), id, version: "1", base }));
    assert.deepEqual(detailOf(lastAudit()).changes.value, [30, 40]);
    const stale = thrown(() => updateTarget(pref, TargetUpdateSchema.parse({ ...raw({ indicatorCode: "A15", value: "50" }), id, version: "1", base })));
    assert.equal(stale.code, "conflict");
    assert.deepEqual(stale.conflicts, { value: [30, 40], source: [null, "県計画"] });
    assert.equal(getTargetForActor(pref, id).value, 40);
  });

  test("a delete needs the version seen and is audited with a snapshot", () => {
    const pref = actorFor("okayama.pref");
    const { id } = createTarget(pref, target({ indicatorCode: "A16" }));
    assert.equal(thrown(() => deleteTarget(pref, id, 5)).code, "conflict");
    deleteTarget(pref, id, 1);
    assert.equal(thrown(() => getTargetForActor(pref, id)).code, "not_found");
    const audit = lastAudit();
    assert.deepEqual([audit.action, detailOf(audit).snapshot.indicatorCode], ["delete", "A16"]);
  });

  test("the list filters by indicator, scope and year", () => {
    const pref = actorFor("okayama.pref");
    createTarget(pref, target({ indicatorCode: "A6", fiscalYear: "2027", scope: "region:33-maniwa" }));
    createTarget(pref, target({ indicatorCode: "A6", fiscalYear: "2028", scope: "region:33-maniwa" }));
    createTarget(pref, target({ indicatorCode: "A6", fiscalYear: "2028" }));
    assert.equal(listTargetsForActor(pref, { indicatorCode: "A6" }).length, 3);
    assert.equal(listTargetsForActor(pref, { indicatorCode: "A6", scope: { level: "region", regionId: "33-maniwa" } }).length, 2);
    assert.deepEqual(
      listTargetsForActor(pref, { indicatorCode: "A6", fiscalYear: 2028 }).map((r) => r.scope.level),
      ["prefecture", "region"],
    );
  });
});

describe("targets in force for a sheet (ADR 0021)", () => {
  test("the exact year's target; else the earliest later one whose plan period contains the year; else none", () => {
    const pref = actorFor("okayama.pref");
    createTarget(pref, target({ indicatorCode: "A10", planPeriodId: "shogai_fukushi-8", fiscalYear: "", value: "12" }));
    createTarget(pref, target({ indicatorCode: "A10", fiscalYear: "2028", value: "11" }));
    const prefecture = { level: "prefecture" } as const;
    // FY2027 has no target of its own; the FY2028 one has no plan period, so the period's end (FY2029) applies.
    assert.equal(targetsInForce("33", 2027, prefecture).get("A10")?.value, 12);
    assert.equal(targetsInForce("33", 2028, prefecture).get("A10")?.value, 11);
    const end = targetsInForce("33", 2029, prefecture).get("A10")!;
    assert.deepEqual([end.value, end.fiscalYear, end.planPeriodLabel], [12, 2029, { ja: "第8期障害福祉計画", en: "8th disability welfare plan" }]);
    // FY2026 lies in the 第7期, not the 第8期: no target.
    assert.equal(targetsInForce("33", 2026, prefecture).has("A10"), false);
    assert.equal(targetsInForce("33", 2030, prefecture).has("A10"), false);
  });

  test("a target without a plan period only counts for its own year; scopes and prefectures do not mix", () => {
    const pref = actorFor("okayama.pref");
    createTarget(pref, target({ indicatorCode: "A17.nights", fiscalYear: "2029", value: "200" }));
    createTarget(pref, target({ indicatorCode: "A2", fiscalYear: "2029", scope: "region:33-tsuyama-shoei", value: "80" }));
    assert.equal(targetsInForce("33", 2028, { level: "prefecture" }).has("A17.nights"), false);
    assert.equal(targetsInForce("33", 2029, { level: "prefecture" }).get("A17.nights")?.value, 200);
    assert.equal(targetsInForce("33", 2029, { level: "prefecture" }).has("A2"), false);
    assert.equal(targetsInForce("33", 2029, { level: "region", regionId: "33-tsuyama-shoei" }).get("A2")?.value, 80);
    assert.equal(targetsInForce("35", 2029, { level: "prefecture" }).has("A17.nights"), false);
  });
});
