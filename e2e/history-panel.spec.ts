import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { createTestCase, createTestUser } from "./fixtures/db";

/*
 * The supervisor's 閲覧・変更履歴 panel of a case: a correction shows each field's old → new
 * value, a reassignment from whom to whom, a deleted activity what it said; a person's views of
 * the day are one line; "変更のみ" leaves the views out and lives in the URL. Its own case and
 * users, so nothing depends on other specs or the demo data.
 */

test.use({ storageState: storageStateOf("bizen.sup") });

test("the supervisor reads old → new values, a reassignment, a deleted activity and collapsed views", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const c = createTestCase();
  const next = await createTestUser({ role: "coordinator", offices: ["bizen"], displayName: `履歴 ${Date.now().toString(36)}` });

  // The coordinator opens the case three times: one line in the history, not three.
  const other = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  try {
    const coordPage = await other.newPage();
    for (let i = 0; i < 3; i++) {
      await coordPage.goto(`/cases/${c.id}`);
      await expect(coordPage.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    }
  } finally {
    await other.close();
  }

  await page.goto(`/cases/${c.id}`);
  // An activity, corrected (an edit), then deleted.
  const activities = page.getByRole("region", { name: "支援記録の一覧（新しい順）" });
  await page.getByLabel("実施日").fill("2024/6/3");
  await page.getByLabel("内容").fill("病棟で面会した。");
  await page.getByLabel("内容").press("Enter");
  await expect(activities.getByRole("row").filter({ hasText: "病棟で面会した。" })).toBeVisible();
  await activities.getByRole("button", { name: "2024/06/03の面会の記録を訂正" }).click();
  const dialog = page.getByRole("dialog", { name: "支援記録の訂正" });
  await dialog.getByLabel("実施日").fill("R6.6.4");
  await dialog.getByRole("combobox", { name: "種類" }).selectOption({ label: "電話" });
  await dialog.getByLabel("内容").fill("電話で様子を聞いた。");
  await dialog.getByRole("button", { name: "訂正を保存" }).click();
  await expect(page.getByText("支援記録を訂正しました。").first()).toBeVisible();
  await activities.getByRole("button", { name: "2024/06/04の電話の記録を訂正" }).click();
  await page.getByRole("dialog", { name: "支援記録の訂正" }).getByRole("button", { name: "この記録を削除する" }).click();
  await page.getByRole("dialog", { name: "支援記録の訂正" }).getByRole("button", { name: "削除する", exact: true }).click();
  await expect(page.getByText("支援記録を削除しました。").first()).toBeVisible();

  // A reassignment.
  const reassign = page.getByRole("region", { name: "担当者の変更" });
  await reassign.getByLabel("新しい主担当者").selectOption({ label: next.displayName });
  await reassign.getByRole("button", { name: "担当者を変更する" }).click();
  await expect(reassign).toContainText(`現在の主担当者：${next.displayName}`);

  await page.goto(`/cases/${c.id}#audit`);
  const history = page.locator("#audit");
  const rows = history.getByRole("row");
  await expect(rows.filter({ hasText: `主担当者を変更：備前 つなぎ → ${next.displayName}` })).toHaveCount(1);
  const corrected = rows.filter({ hasText: "支援記録を訂正" });
  await expect(corrected).toContainText("実施日：2024/06/03 → 2024/06/04");
  await expect(corrected).toContainText("種類：面会 → 電話");
  await expect(corrected).toContainText("内容：病棟で面会した。 → 電話で様子を聞いた。");
  const deleted = rows.filter({ hasText: "支援記録を削除" });
  await expect(deleted).toContainText("内容：電話で様子を聞いた。");
  await expect(deleted).toContainText("種類：電話");
  // The coordinator's three visits are one line of the day.
  const coordViews = rows.filter({ hasText: "bizen.coord" }).filter({ hasText: "回閲覧" });
  await expect(coordViews).toHaveCount(1);
  // At least the three visits (a busy machine may render a page twice, each render a view).
  const count = Number(/この日に(\d+)回閲覧/.exec((await coordViews.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThanOrEqual(3);

  await page.screenshot({ path: "test-results/history-panel-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/history-panel-390.png", fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Changes only: the filter is in the URL, and no view is left.
  await history.getByRole("link", { name: "変更のみ" }).click();
  await page.waitForURL((url) => url.searchParams.get("audit") === "changes");
  await expect(history.getByRole("link", { name: "変更のみ" })).toHaveAttribute("aria-current", "page");
  await expect(rows.filter({ hasText: "主担当者を変更" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "回閲覧" })).toHaveCount(0);
  await history.getByRole("link", { name: "すべて" }).click();
  await page.waitForURL((url) => !url.searchParams.has("audit"));
  await expect(rows.filter({ hasText: "回閲覧" }).first()).toBeVisible();
});
