import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  addSheetRow,
  getSheetSettingsForActor,
  moveSheetRow,
  narrativesFor,
  removeSheetRow,
  saveNarrative,
  saveYearFacts,
  sheetRowsFor,
  updateSheetRowHeading,
  yearFactsFor,
} from "@/lib/dal/sheet-settings";
import { NarrativeSchema, SheetRowAddSchema, YearFactsSchema } from "@/lib/validation/sheet-settings";
import { actorFor, seededDb } from "../helpers/test-db";
import { lastAudit, thrown } from "@/tests/helpers/dal-asserts";
import { detailOf } from "../helpers/audit-detail";

/*
 * The sheet's rows, narratives and yearly facts on the real demo database: the prefecture edits
 * its own prefecture's, office staff read, admins and other prefectures see nothing; versions,
 * audit rows, and the exports the engine reads. Years 2040 on and indicators the demo sheet
 * does not list are the tests' own.
 */

const rowOf = (username: string, code: string, fy = 2040) => getSheetSettingsForActor(actorFor(username), fy).rows.find((r) => r.indicatorCode === code);

before(async () => {
  await seededDb();
});

describe("sheet rows", () => {
  test("the prefecture adds, rewords, moves and removes rows of its own sheet; each change is audited", () => {
    const pref = actorFor("yamaguchi.pref");
    addSheetRow(pref, SheetRowAddSchema.parse({ indicatorCode: "A1", heading: "" }));
    addSheetRow(pref, SheetRowAddSchema.parse({ indicatorCode: "A4", heading: "圏域連絡調整会議（年2回程度）" }));
    assert.deepEqual([lastAudit().action, lastAudit().entityType, lastAudit().entityId], ["create", "sheet_indicator", "35:A4"]);
    const codes = () => sheetRowsFor("35").map((r) => r.indicatorCode);
    assert.deepEqual(codes().slice(-2), ["A1", "A4"]);
    assert.equal(rowOf("yamaguchi.pref", "A4")?.heading, "圏域連絡調整会議（年2回程度）");
    assert.equal(rowOf("yamaguchi.pref", "A1")?.name.ja, "協議の場の開催回数");

    moveSheetRow(pref, { indicatorCode: "A4", direction: "up", version: 1 });
    assert.deepEqual(codes().slice(-2), ["A4", "A1"]);
    assert.equal(lastAudit().entityId, "35:A4");
    // The moved row's version moved on: a second move from the old page is refused.
    assert.equal(thrown(() => moveSheetRow(pref, { indicatorCode: "A4", direction: "up", version: 1 })).messageKey, "indicatorInputs.sheet.rows.moveConflict");
    // The last row cannot go down: nothing happens.
    const a1 = rowOf("yamaguchi.pref", "A1")!;
    moveSheetRow(pref, { indicatorCode: "A1", direction: "down", version: a1.version });
    assert.equal(codes().at(-1), "A1");

    const a4 = rowOf("yamaguchi.pref", "A4")!;
    updateSheetRowHeading(pref, { indicatorCode: "A4", heading: "圏域連絡調整会議", version: a4.version, base: JSON.stringify({ heading: a4.heading }) });
    assert.deepEqual(detailOf(lastAudit()).changes.heading, ["圏域連絡調整会議（年2回程度）", "圏域連絡調整会議"]);
    const stale = thrown(() => updateSheetRowHeading(pref, { indicatorCode: "A4", heading: "別の見出し", version: a4.version, base: JSON.stringify({ heading: a4.heading }) }));
    assert.deepEqual([stale.code, stale.conflicts.heading], ["conflict", ["圏域連絡調整会議（年2回程度）", "圏域連絡調整会議"]]);

    assert.equal(thrown(() => removeSheetRow(pref, "A1", 99)).code, "conflict");
    removeSheetRow(pref, "A1", rowOf("yamaguchi.pref", "A1")!.version);
    assert.ok(!codes().includes("A1"));
    assert.deepEqual(detailOf(lastAudit()).snapshot.indicatorCode, "A1");
  });

  test("an indicator already on the sheet, or not in the registry, is refused", () => {
    const pref = actorFor("okayama.pref");
    addSheetRow(pref, { indicatorCode: "A5", heading: null });
    assert.equal(thrown(() => addSheetRow(pref, { indicatorCode: "A5", heading: "again" })).fieldErrors.indicatorCode, "indicatorInputs.validation.sheet.alreadyOnSheet");
    assert.equal(thrown(() => addSheetRow(pref, { indicatorCode: "Q1", heading: null })).fieldErrors.indicatorCode, "indicatorInputs.validation.sheet.indicatorUnknown");
    assert.ok(!getSheetSettingsForActor(pref, 2040).available.some((a) => a.code === "A5"));
    // The other prefecture may put the same indicator on its own sheet.
    addSheetRow(actorFor("yamaguchi.pref"), { indicatorCode: "A5", heading: null });
  });

  test("office staff read the sheet settings and cannot change them; other prefectures and admins get not_found", () => {
    addSheetRow(actorFor("okayama.pref"), { indicatorCode: "A6", heading: "研修" });
    const coord = actorFor("bizen.coord");
    const settings = getSheetSettingsForActor(coord, 2040);
    assert.equal(settings.canEdit, false);
    assert.ok(settings.rows.some((r) => r.indicatorCode === "A6"));
    for (const username of ["bizen.coord", "bizen.sup", "okayama.admin", "yamaguchi.pref"]) {
      const actor = actorFor(username);
      // 山口県's prefecture staff may add to their own sheet; the others may not add at all.
      if (username !== "yamaguchi.pref") assert.equal(thrown(() => addSheetRow(actor, { indicatorCode: "A8", heading: null })).code, "not_found", username);
      // 岡山県's row is out of reach for all of them.
      assert.equal(thrown(() => removeSheetRow(actor, "A6", 1)).code, "not_found", username);
      assert.equal(thrown(() => moveSheetRow(actor, { indicatorCode: "A6", direction: "up", version: 1 })).code, "not_found", username);
      assert.equal(thrown(() => saveNarrative(actor, { indicatorCode: "A6", fiscalYear: 2040, text: "x", version: 0, base: "" })).code, "not_found", username);
    }
    assert.equal(thrown(() => getSheetSettingsForActor(actorFor("okayama.admin"), 2040)).code, "not_found");
    // Another prefecture never sees this sheet's rows.
    assert.ok(!getSheetSettingsForActor(actorFor("ube.coord"), 2040).rows.some((r) => r.indicatorCode === "A6" && r.heading === "研修"));
    assert.equal(thrown(() => saveYearFacts(actorFor("bizen.sup"), YearFactsSchema.parse({ fiscalYear: "2040", jiritsuMhSubcommittee: "yes", hostelUniqueUsers: "", version: "0" }))).code, "not_found");
  });
});

describe("narratives", () => {
  test("saved per row and year with their line breaks; a stale save reports the text now; empty removes it", () => {
    const pref = actorFor("okayama.pref");
    addSheetRow(pref, { indicatorCode: "A9", heading: null });
    const text = "ピアサポーターの派遣を\n3保健所で実施した。";
    assert.deepEqual(saveNarrative(pref, NarrativeSchema.parse({ indicatorCode: "A9", fiscalYear: "2041", text: text.replace("\n", "\r\n").replace(/\r\n/g, "\n"), version: "0" })), { changed: true });
    assert.deepEqual([lastAudit().action, lastAudit().entityType, lastAudit().entityId], ["create", "indicator_narrative", "33:A9:2041"]);
    assert.equal(narrativesFor("33", 2041).get("A9"), text);
    assert.equal(narrativesFor("33", 2042).has("A9"), false);
    const row = rowOf("okayama.pref", "A9", 2041)!;
    assert.deepEqual(row.narrative, { text, version: 1 });
    // Office staff read it.
    assert.equal(rowOf("bizen.coord", "A9", 2041)?.narrative?.text, text);

    // Two screens loaded at version 1; the first saves, the second is stale: it reports the text
    // now against the text that screen was loaded with, not against what it typed.
    const base = JSON.stringify({ text });
    saveNarrative(pref, { indicatorCode: "A9", fiscalYear: 2041, text: "改訂した文章", version: 1, base });
    const stale = thrown(() => saveNarrative(pref, { indicatorCode: "A9", fiscalYear: 2041, text: "古い画面から", version: 1, base }));
    assert.deepEqual([stale.code, stale.conflicts.text], ["conflict", [text, "改訂した文章"]]);
    assert.deepEqual(saveNarrative(pref, { indicatorCode: "A9", fiscalYear: 2041, text: "改訂した文章", version: 2, base: "" }), { changed: false });
    saveNarrative(pref, { indicatorCode: "A9", fiscalYear: 2041, text: "", version: 2, base: "" });
    assert.equal(narrativesFor("33", 2041).has("A9"), false);
    assert.equal(lastAudit().action, "delete");
    // A narrative only for an indicator on the sheet.
    assert.equal(thrown(() => saveNarrative(pref, { indicatorCode: "C13", fiscalYear: 2041, text: "x", version: 0, base: "" })).code, "not_found");
  });
});

describe("year facts", () => {
  test("有 / 無 / 未記録, the hostel's unique users and the 協議の場 block's date, per prefecture and year, version-checked and audited", () => {
    const pref = actorFor("okayama.pref");
    assert.equal(yearFactsFor("33", 2045), null);
    saveYearFacts(pref, YearFactsSchema.parse({ fiscalYear: "2045", jiritsuMhSubcommittee: "yes", hostelUniqueUsers: "17", version: "0" }));
    assert.deepEqual(yearFactsFor("33", 2045), { jiritsuMhSubcommittee: true, hostelUniqueUsers: 17, kyogiAsOfNextApril: false });
    assert.deepEqual([lastAudit().action, lastAudit().entityType, lastAudit().entityId], ["create", "prefecture_year_facts", "33:2045"]);
    assert.deepEqual(getSheetSettingsForActor(actorFor("mimasaka.coord"), 2045).facts, { jiritsuMhSubcommittee: true, hostelUniqueUsers: 17, kyogiAsOfNextApril: false, version: 1 });
    const loaded = JSON.stringify({ jiritsuMhSubcommittee: true, hostelUniqueUsers: 17, kyogiAsOfNextApril: false });
    saveYearFacts(pref, { fiscalYear: 2045, jiritsuMhSubcommittee: null, hostelUniqueUsers: 17, kyogiAsOfNextApril: false, version: 1, base: loaded });
    assert.deepEqual(yearFactsFor("33", 2045), { jiritsuMhSubcommittee: null, hostelUniqueUsers: 17, kyogiAsOfNextApril: false });
    assert.deepEqual(detailOf(lastAudit()).changes, { jiritsuMhSubcommittee: [true, null] });
    // A second screen loaded at version 1: its conflict lists the other save's change, from the loaded value.
    const stale = thrown(() => saveYearFacts(pref, { fiscalYear: 2045, jiritsuMhSubcommittee: false, hostelUniqueUsers: 17, kyogiAsOfNextApril: false, version: 1, base: loaded }));
    assert.deepEqual([stale.code, stale.conflicts], ["conflict", { jiritsuMhSubcommittee: [true, null] }]);
    // The other prefecture's year is its own.
    assert.equal(yearFactsFor("35", 2045), null);
    saveYearFacts(actorFor("yamaguchi.pref"), YearFactsSchema.parse({ fiscalYear: "2045", jiritsuMhSubcommittee: "no", hostelUniqueUsers: "", kyogiAsOfNextApril: "on", version: "0" }));
    assert.deepEqual(yearFactsFor("35", 2045), { jiritsuMhSubcommittee: false, hostelUniqueUsers: null, kyogiAsOfNextApril: true });
    assert.deepEqual(yearFactsFor("33", 2045), { jiritsuMhSubcommittee: null, hostelUniqueUsers: 17, kyogiAsOfNextApril: false });
  });

  test("a stale save lists only what someone else changed since the form was loaded, not the user's own edit", () => {
    const pref = actorFor("okayama.pref");
    saveYearFacts(pref, YearFactsSchema.parse({ fiscalYear: "2046", jiritsuMhSubcommittee: "yes", hostelUniqueUsers: "10", version: "0" }));
    // Two people open the year's facts.
    const facts = getSheetSettingsForActor(pref, 2046).facts;
    const base = JSON.stringify({ jiritsuMhSubcommittee: facts.jiritsuMhSubcommittee, hostelUniqueUsers: facts.hostelUniqueUsers, kyogiAsOfNextApril: facts.kyogiAsOfNextApril });
    const form = (edit: Record<string, string>) => YearFactsSchema.parse({ fiscalYear: "2046", jiritsuMhSubcommittee: "yes", hostelUniqueUsers: "10", version: String(facts.version), base, ...edit });
    // The first corrects the hostel's users; the second, still on the old version, changes the 精神部会.
    saveYearFacts(pref, form({ hostelUniqueUsers: "12" }));
    const stale = thrown(() => saveYearFacts(pref, form({ jiritsuMhSubcommittee: "no" })));
    assert.deepEqual([stale.code, stale.conflicts], ["conflict", { hostelUniqueUsers: [10, 12] }]);
    assert.deepEqual(yearFactsFor("33", 2046), { jiritsuMhSubcommittee: true, hostelUniqueUsers: 12, kyogiAsOfNextApril: false });
  });
});
