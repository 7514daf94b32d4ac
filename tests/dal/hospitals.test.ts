import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHospital, hospitalEditBase, listHospitalsForActor, updateHospital } from "@/lib/dal/hospitals";
import { lastAudit, thrown } from "../helpers/dal-asserts";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

before(async () => {
  await seededDb();
});

/** The hospital as the admin list (and so the edit dialog) loads it. */
const loadedRow = (id: string) => listHospitalsForActor(actorFor("okayama.admin"), { includeInactive: true }).find((h) => h.id === id)!;
const formValues = (row: ReturnType<typeof loadedRow>) => ({ name: row.name, municipalityCode: row.municipalityCode, psychBeds: row.psychBeds, active: row.active });

describe("editing a hospital", () => {
  test("a current save writes the change, bumps the version and audits what changed", () => {
    const admin = actorFor("okayama.admin");
    const { id } = createHospital(admin, { name: "保存テスト架空病院", municipalityCode: "332046", psychBeds: 100 });
    const loaded = loadedRow(id);
    updateHospital(admin, id, loaded.version, { ...formValues(loaded), psychBeds: 80 }, hospitalEditBase(loaded));
    const now = loadedRow(id);
    assert.equal(now.psychBeds, 80);
    assert.equal(now.version, loaded.version + 1);
    const audit = lastAudit();
    assert.equal(audit.action, "update");
    assert.equal(audit.entityId, id);
    assert.deepEqual(detailOf(audit).changes, { psychBeds: [100, 80] });
  });

  test("a stale save is refused and lists what someone else changed, not the user's own edit", () => {
    const admin = actorFor("okayama.admin");
    const { id } = createHospital(admin, { name: "競合テスト架空病院", municipalityCode: "332046", psychBeds: 100 });
    // A and B load the edit form.
    const loaded = loadedRow(id);
    const base = hospitalEditBase(loaded);
    // B saves a change to the beds.
    updateHospital(admin, id, loaded.version, { ...formValues(loaded), psychBeds: 90 }, base);
    const auditAfterB = lastAudit().id;
    // A saves a change to the municipality with the version the form was loaded with.
    const error = thrown(() => updateHospital(admin, id, loaded.version, { ...formValues(loaded), municipalityCode: "332020" }, base));
    assert.equal(error.code, "conflict");
    assert.equal(error.messageKey, "errors.conflict");
    assert.deepEqual(error.conflicts, { psychBeds: [100, 90] });
    // Nothing of A's save was written.
    const now = loadedRow(id);
    assert.equal(now.version, loaded.version + 1);
    assert.equal(now.psychBeds, 90);
    assert.equal(now.municipalityCode, "332046");
    assert.equal(lastAudit().id, auditAfterB);
  });
});
