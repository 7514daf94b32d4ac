import { expect, test } from "@playwright/test";
import { formAlert, signIn, storageStateOf } from "./fixtures/auth";
import { createTestCase, createTestUser, db } from "./fixtures/db";
import { field, uniqueKana } from "./fixtures/forms";

/*
 * Issue 11's input rules as a user meets them: a time typed in full width is a time, "abc" in a
 * number field gets the catalog's words (never NaN or zod's English), the header's year changes
 * only on an explicit choice and keeps the focus, a delete asks a second time, and a conflict
 * says whose save won.
 */

test.use({ storageState: storageStateOf("bizen.coord") });

test("a dispatch time typed as １３：００ is saved as 13:00", async ({ browser }) => {
  // A coordinator of 備前 with one earlier dispatch of their own, to copy its peer and destination.
  const user = await createTestUser({ offices: ["bizen"] });
  const peer = db()
    .prepare(
      `SELECT p.id FROM peer_supporters p JOIN peer_registrations r ON r.peer_id = p.id
       WHERE p.office_id = '33-bizen' AND p.status = 'active' AND r.registered_on <= date('now', '+9 hours') AND r.expires_on >= date('now', '+9 hours')
       ORDER BY p.display_code LIMIT 1`,
    )
    .get() as { id: string };
  const venue = `全角の会場${uniqueKana()}`;
  const now = new Date().toISOString();
  const prev = `e2e-input-${user.id}`;
  db().transaction(() => {
    db()
      .prepare(
        `INSERT INTO peer_dispatches (id, prefecture_code, office_id, date, start_time, end_time, destination_kind, destination_name, purpose, audience_count, status, version, created_by, created_at, updated_by, updated_at)
         VALUES (?, '33', '33-bizen', '2024-06-01', '10:00', '12:00', 'venue', ?, 'testimony', 30, 'done', 1, ?, ?, ?, ?)`,
      )
      .run(prev, venue, user.id, now, user.id, now);
    db().prepare("INSERT INTO peer_dispatch_members (dispatch_id, peer_id, hours, honorarium_yen, travel_yen) VALUES (?, ?, 2, 2000, 500)").run(prev, peer.id);
  })();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.username, user.password);
  await page.goto("/peers/dispatches/new");
  await page.getByRole("button", { name: "前回の内容をコピー" }).click();
  await expect(field(page, "派遣先の名称")).toHaveValue(venue);
  await field(page, "開始時刻").fill("１３：００");
  await field(page, "終了時刻").fill("１５時半");
  await page.getByRole("button", { name: "記録する" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("派遣を記録しました");
  await expect(page.getByText("NaN")).toHaveCount(0);

  const saved = db().prepare("SELECT start_time, end_time FROM peer_dispatches WHERE created_by = ? AND id <> ?").all(user.id, prev);
  expect(saved).toEqual([{ start_time: "13:00", end_time: "15:30" }]);
  await context.close();
});

test("abc in the minutes gets the catalog's message; full-width digits are minutes; deleting asks a second time", async ({ page }) => {
  const c = createTestCase();
  await page.goto(`/cases/${c.id}`);
  const activities = page.getByRole("region", { name: "支援記録の一覧（新しい順）" });
  await page.getByLabel("実施日").fill("2024/6/3");
  await page.getByLabel("所要時間（分）").fill("abc");
  await page.getByLabel("内容").fill("病棟で面会。");
  await page.getByLabel("内容").press("Enter");
  await expect(page.getByText("所要時間は0〜1440の分数を数字で入力してください（例：30）。")).toBeVisible();
  await expect(page.getByText(/Invalid input|NaN/)).toHaveCount(0);
  await expect(activities.getByRole("row").filter({ hasText: "病棟で面会。" })).toHaveCount(0);

  await page.getByLabel("所要時間（分）").fill("９０");
  await page.getByLabel("内容").press("Enter");
  const row = activities.getByRole("row").filter({ hasText: "病棟で面会。" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("90分");

  // The text fields state their limit.
  await expect(page.getByText("2000文字まで").first()).toBeVisible();

  // Delete: the first click only asks, naming the record, with the focus on 削除しない.
  await activities.getByRole("button", { name: "2024/06/03の面会の記録を訂正" }).click();
  const dialog = page.getByRole("dialog", { name: "支援記録の訂正" });
  await dialog.getByLabel("内容").fill("まだ保存しない訂正");
  await dialog.getByRole("button", { name: "この記録を削除する" }).click();
  await expect(dialog.getByRole("heading", { name: "本当に削除しますか" })).toBeVisible();
  await expect(dialog).toContainText("「2024/06/03の面会」の記録を削除します。");
  const keep = dialog.getByRole("button", { name: "削除しない" });
  await expect(keep).toBeFocused();
  await page.keyboard.press("Enter");
  // Back to the correction, with what was typed; nothing was deleted.
  await expect(dialog.getByLabel("内容")).toHaveValue("まだ保存しない訂正");
  await expect(row).toBeVisible();

  await dialog.getByRole("button", { name: "この記録を削除する" }).click();
  await dialog.getByRole("button", { name: "削除する", exact: true }).click();
  await expect(page.getByText("支援記録を削除しました。").first()).toBeVisible();
  await expect(page.getByText("支援記録はまだありません")).toBeVisible();
});

test("the header's year: arrow keys only choose, Enter applies, and the focus stays on the select", async ({ page, context }) => {
  await page.goto("/account");
  const select = page.getByRole("combobox", { name: "年度", exact: true });
  const values = await select.locator("option").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  const before = await select.inputValue();
  const next = values[values.indexOf(before) + 1] ?? values[0]!;
  const cookie = async () => (await context.cookies()).find((c) => c.name === "tsunagu_fy")?.value;
  const cookieBefore = await cookie();

  await select.focus();
  await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue(next);
  // No navigation and no new year yet: the choice waits for Enter or 表示.
  await page.waitForTimeout(500);
  expect(await cookie()).toBe(cookieBefore);
  await expect(select).toBeFocused();

  await page.keyboard.press("Enter");
  await expect.poll(cookie).toBe(next);
  await expect(select).toHaveValue(next);
  await expect(select).toBeFocused();

  // After a full reload the year is kept too.
  await page.reload();
  await expect(select).toHaveValue(next);
});

test("a stale save names whose save won: a colleague, or the user's own other tab", async ({ page, browser, context }) => {
  const c = createTestCase();
  const supervisorContext = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  const supervisor = await supervisorContext.newPage();
  try {
    await page.goto(`/cases/${c.id}/edit`);
    await supervisor.goto(`/cases/${c.id}/edit`);
    await field(page, "退院予定日").fill("R7.3.31");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.waitForURL(new RegExp(`/cases/${c.id}$`));

    await field(supervisor, "病棟種別").selectOption({ label: "精神療養病棟" });
    await supervisor.getByRole("button", { name: "保存する" }).click();
    await expect(formAlert(supervisor)).toContainText("備前 つなぎ さんが先にこの記録を保存しました。");
    await expect(formAlert(supervisor)).toContainText("退院予定日：現在の値は「2025/03/31」です。");
    // What the supervisor typed is kept.
    await expect(field(supervisor, "病棟種別")).toHaveValue("psych_recuperation");

    // The same coordinator in two tabs: the answer says it was their own save.
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(`/cases/${c.id}/edit`);
    await second.goto(`/cases/${c.id}/edit`);
    await field(first, "退院予定日").fill("R7.4.30");
    await first.getByRole("button", { name: "保存する" }).click();
    await first.waitForURL(new RegExp(`/cases/${c.id}$`));
    await field(second, "病棟種別").selectOption({ label: "精神療養病棟" });
    await second.getByRole("button", { name: "保存する" }).click();
    await expect(formAlert(second)).toContainText("別のタブまたは画面で、あなた自身が先に保存しました。");
  } finally {
    await supervisorContext.close();
  }
});
