import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { db } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

test.use({ storageState: storageStateOf("okayama.admin") });

/** A hospital name no other test (or earlier run) uses. */
function uniqueHospitalName(): string {
  return `試験こころ病院${randomBytes(3).toString("hex")}`;
}

type HospitalRow = { prefecture_code: string; name: string; municipality_code: string | null; psych_beds: number | null; active: number; version: number };

function findHospital(name: string): HospitalRow | undefined {
  return db().prepare("SELECT prefecture_code, name, municipality_code, psych_beds, active, version FROM hospitals WHERE name = ?").get(name) as HospitalRow | undefined;
}

function table(page: Page) {
  return page.getByRole("table", { name: "精神科病院の一覧" });
}

async function addHospital(page: Page, name: string, beds: string) {
  await page.getByRole("button", { name: "病院を追加" }).click();
  const dialog = page.getByRole("dialog", { name: "病院の追加" });
  await dialog.getByLabel(/^病院名/).fill(name);
  await dialog.getByLabel("所在市町村").selectOption({ label: "岡山市" });
  await dialog.getByLabel("精神病床数").fill(beds);
  await dialog.getByRole("button", { name: "追加する" }).click();
  await expect(dialog).toBeHidden();
}

test("an admin adds a hospital: bad input is explained first, then it is listed", async ({ page }) => {
  const name = uniqueHospitalName();
  await page.goto("/admin/hospitals");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("病院マスタ");
  await expect(table(page)).toBeVisible();

  await page.getByRole("button", { name: "病院を追加" }).click();
  const dialog = page.getByRole("dialog", { name: "病院の追加" });
  await expect(dialog.getByLabel(/^病院名/)).toBeFocused();
  await dialog.getByLabel("精神病床数").fill("百床");
  await dialog.getByRole("button", { name: "追加する" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("入力内容を確認してください。");
  await expect(dialog.getByText("エラー：病院名を入力してください。")).toBeVisible();
  await expect(dialog.getByText("エラー：精神病床数は0以上の整数で入力してください。")).toBeVisible();
  await expect(dialog.getByLabel("精神病床数")).toHaveValue("百床");
  await expectNoSeriousA11yViolations(page, "the add-hospital dialog with errors");
  expect(findHospital(name)).toBeUndefined();

  await dialog.getByLabel(/^病院名/).fill(name);
  await dialog.getByLabel("所在市町村").selectOption({ label: "岡山市" });
  await dialog.getByLabel("精神病床数").fill("１２０"); // full-width digits are read as 120
  await dialog.getByRole("button", { name: "追加する" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("病院を追加しました。")).toBeVisible();

  const row = table(page).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("岡山市");
  await expect(row).toContainText("120");
  await expect(row).toContainText("有効");
  await expectNoSeriousA11yViolations(page, "the hospital list");
  expect(findHospital(name)).toMatchObject({ prefecture_code: "33", municipality_code: expect.any(String), psych_beds: 120, active: 1, version: 1 });
});

test("a name already in the list is refused by the server", async ({ page }) => {
  const name = uniqueHospitalName();
  await page.goto("/admin/hospitals");
  await addHospital(page, name, "50");
  await page.getByRole("button", { name: "病院を追加" }).click();
  const dialog = page.getByRole("dialog", { name: "病院の追加" });
  await dialog.getByLabel(/^病院名/).fill(name);
  await dialog.getByRole("button", { name: "追加する" }).click();
  await expect(dialog.getByText("エラー：同じ名前の病院が既に登録されています。")).toBeVisible();
  await expect(dialog.getByLabel(/^病院名/)).toHaveValue(name);
  expect((db().prepare("SELECT count(*) AS n FROM hospitals WHERE name = ?").get(name) as { n: number }).n).toBe(1);
});

test("an edited hospital is saved; made inactive it is no longer offered for new cases", async ({ page, browser }) => {
  const name = uniqueHospitalName();
  await page.goto("/admin/hospitals");
  await addHospital(page, name, "80");

  // While active, a coordinator can choose it.
  const coordinatorContext = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  const coordinator = await coordinatorContext.newPage();
  await coordinator.goto("/cases/new");
  await expect(coordinator.getByLabel(/^入院先の病院/).getByRole("option", { name })).toHaveCount(1);

  const row = table(page).getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: "編集" }).click();
  const dialog = page.getByRole("dialog", { name: "病院の編集" });
  await expect(dialog.getByLabel(/^病院名/)).toHaveValue(name);
  await dialog.getByLabel("精神病床数").fill("75");
  await dialog.getByLabel(/^有効/).uncheck();
  await dialog.getByRole("button", { name: "保存する" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("75");
  await expect(row).toContainText("無効");
  expect(findHospital(name)).toMatchObject({ psych_beds: 75, active: 0, version: 2 });

  await coordinator.goto("/cases/new");
  await expect(coordinator.getByLabel(/^入院先の病院/).getByRole("option", { name })).toHaveCount(0);
  await coordinatorContext.close();
});

test("two admins editing one hospital: the second save reports what changed and overwrites nothing", async ({ page, browser }) => {
  const name = uniqueHospitalName();
  await page.goto("/admin/hospitals");
  await addHospital(page, name, "100");
  const otherContext = await browser.newContext({ storageState: storageStateOf("okayama.admin") });
  const other = await otherContext.newPage();
  await other.goto("/admin/hospitals");

  const row = table(page).getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: "編集" }).click();
  const dialog = page.getByRole("dialog", { name: "病院の編集" });
  await dialog.getByLabel("精神病床数").fill("90");
  await dialog.getByRole("button", { name: "保存する" }).click();
  await expect(dialog).toBeHidden();

  await table(other).getByRole("row").filter({ hasText: name }).getByRole("button", { name: "編集" }).click();
  const otherDialog = other.getByRole("dialog", { name: "病院の編集" });
  await otherDialog.getByLabel("所在市町村").selectOption({ label: "倉敷市" });
  await otherDialog.getByRole("button", { name: "保存する" }).click();
  // Both pages are the same admin account: the message says it was their own other tab.
  await expect(otherDialog.getByRole("alert")).toContainText("別のタブまたは画面で、あなた自身が先に保存しました。");
  await expect(otherDialog.getByRole("alert")).toContainText("精神病床数：現在の値は「90」です。");
  // Only the other admin's change is listed, not this admin's own edit of the municipality.
  await expect(otherDialog.getByRole("alert")).not.toContainText("所在市町村");
  await expect(otherDialog).toBeVisible();
  expect(findHospital(name)).toMatchObject({ psych_beds: 90, version: 2 });
  await otherContext.close();
});

test.describe("a coordinator", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("gets 404 on the hospital master", async ({ page }) => {
    const response = await page.goto("/admin/hospitals");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
    await expect(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "病院マスタ" })).toHaveCount(0);
  });
});
