import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { codeNames, conflictLines, readableValue, type ConflictWording } from "@/lib/actions/conflict-wording";
import { staleSaveConflict } from "@/lib/dal/conflicts";
import { PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import { en } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import { makeTranslate } from "@/lib/i18n/translate";

/*
 * The one wording of a stale save (lib/actions/conflict-wording.ts), which every form action's
 * runner uses: values in words, and one line per field someone else changed since the form
 * was loaded (the DAL's staleSaveConflict against `base`).
 */

const t = makeTranslate(ja);
const tEn = makeTranslate(en);

const wording: ConflictWording = {
  labels: { phone: "電話番号", activities: "活動", regionIds: "圏域", consentDate: "同意日", active: "状態", members: "ピアサポーター" },
  names: { activities: codeNames(PEER_PURPOSE_LABELS, "ja"), regionIds: new Map([["33-r1", "県南東部"], ["33-r2", "県北"]]), active: { true: "有効", false: "無効" } },
  format: (field, value) => (field === "members" && Array.isArray(value) ? `${value.length}人` : undefined),
};

describe("readable values", () => {
  test("nothing, an empty list, yes / no, figures and dates read the same in every form", () => {
    assert.equal(readableValue("phone", null, wording, t, "ja"), "未記録");
    assert.equal(readableValue("phone", "", wording, t, "ja"), "未記録");
    assert.equal(readableValue("regionIds", [], wording, t, "ja"), "なし");
    assert.equal(readableValue("online", true, {}, t, "ja"), "はい");
    assert.equal(readableValue("online", false, {}, t, "ja"), "いいえ");
    assert.equal(readableValue("beds", 3600, {}, t, "ja"), "3,600");
    assert.equal(readableValue("consentDate", "2025-03-31", wording, t, "ja"), "2025/03/31");
    assert.equal(readableValue("consentDate", "2025-03-31", wording, tEn, "en"), "31 Mar 2025");
    assert.equal(readableValue("phone", "086-000-0000", wording, t, "ja"), "086-000-0000");
  });

  test("a form's codes and ids read as their labels and names, each item of a list too", () => {
    assert.equal(readableValue("activities", ["group_work"], wording, t, "ja"), PEER_PURPOSE_LABELS.group_work.ja);
    assert.equal(readableValue("regionIds", ["33-r1", "33-r2"], wording, t, "ja"), "県南東部、県北");
    assert.equal(readableValue("regionIds", ["33-r1", "33-r2"], wording, tEn, "en"), "県南東部, 県北");
    // A boolean the form names (有効 / 無効) wins over the common はい / いいえ.
    assert.equal(readableValue("active", false, wording, t, "ja"), "無効");
    // An id nobody names stays as stored rather than vanishing.
    assert.equal(readableValue("regionIds", ["33-r9"], wording, t, "ja"), "33-r9");
    // The form's own reading of a value no name explains.
    assert.equal(readableValue("members", [{ peerId: "a" }, { peerId: "b" }], wording, t, "ja"), "2人");
  });
});

describe("conflict lines", () => {
  test("only the fields someone else changed since the form was loaded are listed, with their value now", () => {
    const loaded = { phone: "086-000-0000", activities: ["group_work"], regionIds: ["33-r1"], consentDate: "2024-04-01" };
    // Someone else changed the regions and the consent date; the user's own edit (the phone) is not compared.
    const stored = { ...loaded, regionIds: ["33-r1", "33-r2"], consentDate: "2025-03-31" };
    const { conflicts } = staleSaveConflict(JSON.stringify(loaded), stored);
    assert.deepEqual(Object.keys(conflicts).sort(), ["consentDate", "regionIds"]);
    assert.deepEqual(conflictLines(conflicts, wording, t, "ja"), ["圏域：現在の値は「県南東部、県北」です。", "同意日：現在の値は「2025/03/31」です。"]);
    assert.deepEqual(conflictLines(conflicts, wording, tEn, "en"), ['圏域: now "県南東部, 県北".', '同意日: now "31 Mar 2025".']);
  });

  test("a form sent without its loaded values lists every stored field rather than none", () => {
    const { conflicts } = staleSaveConflict("not json", { phone: "086-111-1111", active: true });
    assert.deepEqual(conflictLines(conflicts, wording, t, "ja"), ["電話番号：現在の値は「086-111-1111」です。", "状態：現在の値は「有効」です。"]);
    assert.deepEqual(Object.keys(staleSaveConflict("[1,2]", { phone: null }).conflicts), ["phone"]);
  });

  test("a label from a function, the key when there is none, and a row saved without its value shown", () => {
    const rows: ConflictWording = { labels: (month) => (month === "2025-04" ? "2025 4月" : undefined), format: () => null };
    assert.deepEqual(conflictLines({ "2025-04": [null, { calls: 3 }], "2025-05": [null, null] }, rows, t, "ja"), ["2025 4月：他の人が保存済みです。", "2025-05：他の人が保存済みです。"]);
  });
});
