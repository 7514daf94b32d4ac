import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formAlert, storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createTestCase, db } from "./fixtures/db";
import { field } from "./fixtures/forms";

/*
 * 年度締め through the screens (ADR 0025): a supervisor signs off 備前保健所 for FY2019, prefecture
 * staff lock FY2019, the supervisor's correction of an FY2019 meeting asks for a reason and is then
 * saved, and the 自治体情報シート shows it as a restatement beside the figures that count meetings.
 * The e2e specs share one database: only FY2019 is locked here, and nothing is unlocked.
 */

const FY = 2019;
const FY_LABEL = "令和元年度";

test.describe.configure({ mode: "serial" });

test("a supervisor signs off, the prefecture locks FY2019, a correction is kept as a restatement on the sheet", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `E2E 締め 事例検討会 ${randomBytes(3).toString("hex")}`;
  const meetingId = `mt-e2e-close-${randomBytes(6).toString("hex")}`;
  const now = new Date().toISOString();
  const sup = (db().prepare("SELECT id FROM users WHERE username = 'bizen.sup'").get() as { id: string }).id;
  // An FY2019 meeting of 備前保健所, recorded before the year was closed.
  db()
    .prepare(
      `INSERT INTO meetings (id, prefecture_code, office_id, kind, region_id, date, title, targets_reviewed, advisor_dispatched, version, created_by, created_at, updated_by, updated_at)
       VALUES (?, '33', '33-bizen', 'case_review', '33-bizen', '2019-10-01', ?, 0, 0, 1, ?, ?, ?, ?)`,
    )
    .run(meetingId, title, sup, now, sup, now);

  // 1. The supervisor signs off 備前保健所 for FY2019.
  const supervisor = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  const supPage = await supervisor.newPage();
  await supPage.goto(`/indicators/year-close?fy=${FY}`);
  await expect(supPage.getByRole("heading", { level: 1, name: "年度締め" })).toBeVisible();
  const offices = supPage.getByRole("region", { name: "保健所・支所ごとの確認の状況" });
  await expect(offices.getByRole("row")).toHaveCount(3); // the header, 備前保健所 and its 東備支所
  await expectNoSeriousA11yViolations(supPage, "the year-close page (supervisor)");
  await field(supPage, "備前保健所のメモ（任意）").fill("会議・研修・ケースを見直しました");
  await supPage.getByRole("button", { name: `備前保健所の${FY_LABEL}の数字を確認する` }).click();
  await expect(supPage.getByText("確認しました。")).toBeVisible();
  const bizenRow = supPage.getByRole("region", { name: "保健所・支所ごとの確認の状況" }).getByRole("row").filter({ hasText: "会議・研修・ケースを見直しました" });
  await expect(bizenRow).toContainText("確認済み");
  await expect(bizenRow).toContainText("備前 監子");

  // 2. Prefecture staff see who has not signed off, and lock FY2019.
  const prefecture = await browser.newContext({ storageState: storageStateOf("okayama.pref") });
  const prefPage = await prefecture.newPage();
  await prefPage.goto(`/indicators/year-close?fy=${FY}`);
  await expect(prefPage.getByText(/まだ確認していない保健所・支所があります（10か所）/)).toContainText("備前保健所東備支所");
  await expectNoSeriousA11yViolations(prefPage, "the year-close page (prefecture)");
  await prefPage.getByRole("button", { name: `${FY_LABEL}を締める` }).click();
  await expect(prefPage.getByText("年度を締めました。")).toBeVisible();
  await expect(prefPage.getByTestId("year-lock-state")).toContainText("締め済み");
  await expect(prefPage.getByRole("region", { name: "締めと解除の履歴" })).toContainText("岡山 県一");
  expect(db().prepare("SELECT locked FROM year_locks WHERE prefecture_code = '33' AND fiscal_year = ?").get(FY)).toEqual({ locked: 1 });

  // 3. The supervisor corrects the FY2019 meeting: the first save asks for a reason and writes nothing.
  await supPage.goto(`/activities/meetings/${meetingId}/edit`);
  await expect(field(supPage, "訂正の理由")).toHaveCount(0);
  await field(supPage, "会議名").fill(`${title} 訂正`);
  await supPage.getByRole("button", { name: "保存する" }).click();
  await expect(formAlert(supPage).first()).toContainText("締めた年度の記録です。");
  const reason = field(supPage, "訂正の理由");
  await expect(reason).toBeVisible();
  await expect(reason).toHaveAccessibleDescription(/訂正の理由を入力してください/);
  expect(db().prepare("SELECT title, version FROM meetings WHERE id = ?").get(meetingId)).toEqual({ title, version: 1 });
  // The typed title survived the refusal.
  await expect(field(supPage, "会議名")).toHaveValue(`${title} 訂正`);
  await reason.fill("会議名の誤記を訂正");
  await supPage.getByRole("button", { name: "保存する" }).click();
  await supPage.waitForURL((url) => url.pathname === `/activities/meetings/${meetingId}`);
  await expect(supPage.getByRole("heading", { level: 1, name: `${title} 訂正` })).toBeVisible();
  const stored = db().prepare("SELECT fiscal_year, action, entity_type, office_id, reason FROM restatements WHERE entity_id = ?").all(meetingId);
  expect(stored).toEqual([{ fiscal_year: FY, action: "update", entity_type: "meeting", office_id: "33-bizen", reason: "会議名の誤記を訂正" }]);

  // 4. The sheet shows the restatement beside the figures that count meetings, and lists it without names.
  await prefPage.goto(`/indicators/sheet?prefecture=33&fy=${FY}`);
  const meetingRestatements = (db().prepare("SELECT count(*) AS n FROM restatements WHERE prefecture_code = '33' AND fiscal_year = ? AND entity_type = 'meeting'").get(FY) as { n: number }).n;
  await expect(prefPage.getByRole("link", { name: `この数字に関わる訂正 ${meetingRestatements}件（訂正の一覧へ）` }).first()).toBeVisible();
  const list = prefPage.getByRole("region", { name: "訂正の一覧" });
  const row = list.getByRole("row").filter({ hasText: "会議名の誤記を訂正" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("会議");
  await expect(row).toContainText("訂正");
  await expect(row).toContainText("備前保健所");
  await expect(row).toContainText("会議名");
  await expect(row).toContainText("保健所 担当課長・監督者");
  await expect(list).not.toContainText(title);
  await expect(list).not.toContainText("備前 監子");
  await expectNoSeriousA11yViolations(prefPage, "the sheet with restatements");

  await supervisor.close();
  await prefecture.close();
});

test("a case activity logged into the locked FY2019 asks for 訂正の理由, then is saved and kept as a restatement", async ({ browser }) => {
  // A 備前保健所 case referred in FY2019 (inserted the way createCase does, so it has no later
  // activities that would fold the FY2019 one out of the recent list); FY2019 is locked by now.
  const c = createTestCase({ referralDate: "2019-10-01", supportStartDate: "2019-11-01", consentDate: "2019-11-01" });
  const summary = `E2E 締めた年度の面会 ${randomBytes(3).toString("hex")}`;
  const reasonText = "面会の記録漏れを追加";
  const coordinator = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  const page = await coordinator.newPage();
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
  const activities = page.getByRole("region", { name: "支援記録の一覧（新しい順）" });
  await expect(page.getByTestId("restatement-reason")).toHaveCount(0);

  // The first save is refused: nothing is written, the typed values stay, the reason field appears.
  await field(page, "実施日").fill("2019/12/01");
  await field(page, "内容").fill(summary);
  await page.getByRole("button", { name: "記録する" }).click();
  await expect(formAlert(page).first()).toContainText("締めた年度の記録です。");
  await expect(page.getByTestId("restatement-reason")).toBeVisible();
  const reason = field(page, "訂正の理由");
  await expect(reason).toBeVisible();
  await expect(reason).toHaveAccessibleDescription(/訂正の理由を入力してください/);
  await expect(field(page, "内容")).toHaveValue(summary);
  await expect(field(page, "実施日")).toHaveValue("2019/12/01");
  expect(db().prepare("SELECT count(*) AS n FROM case_activities WHERE case_id = ?").get(c.id)).toEqual({ n: 0 });

  // With a reason it is saved, listed, and the field goes away with the answer.
  await reason.fill(reasonText);
  await page.getByRole("button", { name: "記録する" }).click();
  await expect(page.getByText("支援記録を追加しました。").first()).toBeVisible();
  await expect(activities.getByRole("row").filter({ hasText: summary })).toContainText("2019/12/01");
  await expect(page.getByTestId("restatement-reason")).toHaveCount(0);
  const stored = db().prepare("SELECT fiscal_year, action, office_id, reason FROM restatements WHERE entity_type = 'case' AND entity_id = ?").all(c.id);
  expect(stored).toEqual([{ fiscal_year: FY, action: "create", office_id: "33-bizen", reason: reasonText }]);

  await coordinator.close();
});
