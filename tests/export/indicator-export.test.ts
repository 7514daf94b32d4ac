import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { getIndicatorDetailForActor } from "@/lib/dal/indicators/index";
import { openIndicatorExport } from "@/lib/export/indicator-export";
import { catalogs } from "@/lib/i18n/messages";
import { makeTranslate } from "@/lib/i18n/translate";
import { addPeer, addPeerTraining } from "../helpers/indicator-fixtures";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * An indicator's figures as a file (ADR 0044): aggregates only, with the page's small-number
 * suppression — a hidden area reads 「5未満」 and carries no number, numerator or denominator.
 * Scenario as in tests/dal/indicators-suppression.test.ts: A8.trained FY2020, 備前 2 + 東備支所 1
 * (hidden), 美作 6 (its complement), 真庭 8.
 */

const ctx = { t: makeTranslate(catalogs.ja), locale: "ja" as const };
const MANY = { exportsPerHour: 1_000_000 };
const CODE = "A8.trained";

before(async () => {
  await seededDb();
  const trained = (officeId: string, n: number) => {
    for (let i = 0; i < n; i++) addPeerTraining(addPeer({ officeId, registeredOn: "2020-05-01", fiscalYears: [2020] }), "peer_yousei", "2020-06-01");
  };
  trained("33-bizen", 2);
  trained("33-tobi", 1);
  trained("33-mimasaka", 6);
  trained("33-maniwa", 8);
});

describe("indicator export", () => {
  test("prefecture staff get the areas as the page shows them, small counts suppressed", async () => {
    const pref = actorFor("okayama.pref");
    const opened = await openIndicatorExport(pref, CODE, { fy: "2020", scope: "prefecture" }, "csv", ctx, MANY);
    assert.ok(opened.ok);
    const rows = [...opened.batches].flat();
    const detail = getIndicatorDetailForActor(pref, CODE, { fiscalYear: 2020, scope: "prefecture" });
    assert.equal(rows.length, 1 + detail.byRegion.length + detail.byOffice.length);
    assert.deepEqual(rows[0]!.slice(1, 3), ["岡山県", 17]);
    const byLabel = new Map(rows.map((r) => [String(r[1]), r]));
    const bizen = detail.byOffice.find((r) => r.scope.param === "office:bizen")!;
    assert.ok(bizen.suppressed);
    assert.deepEqual(byLabel.get(bizen.scope.label.ja)!.slice(2), ["5未満", null, null], "備前: suppressed, no number");
    const maniwa = detail.byOffice.find((r) => r.scope.param === "office:maniwa")!;
    assert.equal(byLabel.get(maniwa.scope.label.ja)![2], 8);
    for (const area of [...detail.byRegion, ...detail.byOffice].filter((r) => r.suppressed)) {
      assert.equal(byLabel.get(area.scope.label.ja)![2], "5未満", area.scope.param);
    }
    // No person, no record: only the five aggregate columns.
    assert.deepEqual(opened.header, ["区分", "地域", "値", ...opened.header.slice(3)]);
    assert.equal(opened.header.length, 5);
  });

  test("an office's staff see their own office unsuppressed; another prefecture's scope is refused", async () => {
    const sup = actorFor("bizen.sup");
    const opened = await openIndicatorExport(sup, CODE, { fy: "2020", scope: "office:bizen" }, "csv", ctx, MANY);
    assert.ok(opened.ok);
    assert.equal([...opened.batches].flat()[0]![2], 3, "備前 with 東備支所, as its own staff see it");
    await assert.rejects(() => openIndicatorExport(actorFor("yamaguchi.pref"), CODE, { fy: "2020", scope: "office:bizen" }, "csv", ctx, MANY));
  });
});
