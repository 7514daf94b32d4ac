import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { db } from "./fixtures/db";
import { field, uniqueKana } from "./fixtures/forms";

/*
 * The whole story in one run, through the screens a coordinator uses: register a
 * case at /cases/new, log an activity, move it phase by phase to 地域定着 (the follow-ups
 * appear on discharge), record a follow-up, close it, and find it on the list. Then the
 * prefecture account finds neither the case nor the name.
 */


async function changePhase(page: Page, label: string, fill?: (panel: Locator) => Promise<void>) {
  const panel = page.getByRole("region", { name: "段階の変更" });
  await panel.getByRole("radio", { name: label, exact: true }).check();
  await fill?.(panel);
  await panel.getByRole("button", { name: "段階を変更する" }).click();
  await expect(panel.getByText(/^現在の段階/)).toHaveText(new RegExp(`^現在の段階\\s*${label}$`));
}

test("a coordinator registers a case and works it from first contact to closure", async ({ browser }) => {
  // The whole lifecycle in one test: twice the default budget, so a busy machine does not fail it at its last step.
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  const page = await context.newPage();
  const givenKana = uniqueKana();

  // Register.
  await page.goto("/cases/new");
  await field(page, "氏名（姓）").fill("通し");
  await field(page, "氏名（名）").fill("試子");
  await field(page, "ふりがな（姓）").fill("とおし");
  await field(page, "ふりがな（名）").fill(givenKana);
  await field(page, "生年月").fill("1968-07");
  await field(page, "性別").selectOption({ label: "女性" });
  await field(page, "相談受付日").fill("令和6年5月7日");
  await field(page, "相談経路").selectOption({ label: "精神科病院(PSW・退院後生活環境相談員)" });
  await field(page, "入院先の病院").selectOption({ index: 1 });
  await field(page, "今回の入院日").fill("H28.11.2");
  await field(page, "支援開始日").fill("R6.5.20");
  await page.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL(/\/cases\/[0-9A-Z]{26}$/);
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  const caseNo = (db().prepare("SELECT case_no FROM cases WHERE id = ?").get(caseId) as { case_no: string }).case_no;
  expect(caseNo).toMatch(/^33-BZ-2024-\d{4}$/);
  await expect(page.getByRole("heading", { level: 1, name: "通し 試子" })).toBeVisible();

  // Log a visit with the quick-add form.
  await page.getByLabel("所要時間（分）").fill("60");
  await page.getByLabel("内容").fill("初回面会。退院の希望を確認した。");
  await page.getByLabel("内容").press("Enter");
  await expect(page.getByRole("region", { name: "支援記録の一覧（新しい順）" })).toContainText("初回面会。退院の希望を確認した。");

  // Phase by phase; discharge brings the four follow-ups.
  await changePhase(page, "アセスメント");
  await changePhase(page, "関係づくり");
  await changePhase(page, "退院準備");
  await changePhase(page, "退院", async (panel) => {
    await panel.getByLabel("退院先").selectOption({ label: "民間賃貸アパート(単身)" });
  });
  const followUps = page.getByRole("region", { name: "退院後フォローアップ" });
  await expect(followUps.getByRole("heading", { level: 3 })).toHaveText(["1か月後", "3か月後", "6か月後", "12か月後"]);
  await changePhase(page, "地域定着");

  await followUps.getByRole("button", { name: "1か月後の結果を記録" }).click();
  const dialog = page.getByRole("dialog", { name: "1か月後フォローアップの記録" });
  await dialog.getByLabel("状況").selectOption({ label: "地域生活継続" });
  await dialog.getByRole("button", { name: "記録する" }).click();
  await expect(dialog).toBeHidden();
  await expect(followUps.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "1か月後" }) })).toContainText("地域生活継続");

  await changePhase(page, "終結", async (panel) => {
    await panel.getByLabel("終結理由").selectOption({ label: "地域定着・目標達成" });
  });

  // The office list finds it by kana, closed (closed cases show with the switch on).
  await page.goto(`/cases?scope=office&closed=1&q=${encodeURIComponent(givenKana)}`);
  const row = page.getByRole("row").filter({ hasText: caseNo });
  await expect(row).toContainText("終結");
  await expect(row).toContainText("通し 試子");
  await context.close();

  // The prefecture account: 404 on the case, and the name nowhere.
  const pref = await browser.newContext({ storageState: storageStateOf("okayama.pref") });
  const prefPage = await pref.newPage();
  const response = await prefPage.goto(`/cases/${caseId}`);
  expect(response?.status()).toBe(404);
  for (const path of ["/", "/cases", "/offices/33-bizen", "/org"]) {
    await prefPage.goto(path);
    await expect(prefPage.locator("body")).not.toContainText("通し 試子");
  }
  await pref.close();
});
