import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

/*
 * The list exports (ADR 0044), what only a browser shows: the case list's CSV button carries the
 * page's filter and sort, and the file holds the rows the screen lists, in the same order, without
 * names for a coordinator; a supervisor's 「氏名等を含めて出力…」 asks for a reason in a dialog and
 * the file then has the names. Row selection, scoping, audit and limits are unit-tested
 * (tests/export/*.test.ts).
 */

/** The CSV's lines as fields (every field is quoted; the BOM is checked and dropped). */
async function csvOf(download: Download): Promise<string[][]> {
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  return text
    .slice(0, -2)
    .split("\r\n")
    .map((line) => line.slice(1, -1).split('","'));
}

async function caseNumbersOnScreen(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: /^ケース一覧/ });
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim());
  const index = headers.findIndex((h) => h.startsWith("ケース番号"));
  return (await table.locator(`tbody > tr > td:nth-child(${index + 1})`).allInnerTexts()).map((t) => t.trim());
}

test.describe("list exports", () => {
  test("the case list's CSV holds the filtered rows the screen shows, without names for a coordinator", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("bizen.coord"), acceptDownloads: true });
    const page = await context.newPage();
    // Every case (closed too), oldest referral first, all on one page.
    await page.goto("/cases?closed=1&sort=referralDate&dir=asc&size=100");
    const onScreen = await caseNumbersOnScreen(page);
    expect(onScreen.length).toBeGreaterThan(1);
    const csv = page.getByTestId("export-csv");
    await expect(csv).toHaveAttribute("href", /^\/api\/v1\/export\/cases\.csv\?.*closed=1.*sort=referralDate.*dir=asc/);
    const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
    const [header, ...rows] = await csvOf(download);
    expect(header![0]).toBe("ケース番号");
    expect(header).not.toContain("氏名");
    expect(rows.map((r) => r[0])).toEqual(onScreen);
    await expect(page.getByRole("button", { name: "氏名等を含めて出力…" })).toHaveCount(0);
    await context.close();
  });

  test("a supervisor exports with names only through the reason dialog", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("bizen.sup"), acceptDownloads: true });
    const page = await context.newPage();
    await page.goto("/cases?closed=1&size=100");
    await page.getByRole("button", { name: "氏名等を含めて出力…" }).click();
    const dialog = page.getByRole("dialog", { name: "氏名等を含めて出力" });
    await expect(dialog).toBeVisible();
    const reason = dialog.getByLabel("出力の理由");
    await expect(reason).toHaveAttribute("required", "");
    await reason.fill("地域移行推進会議の資料作成");
    if (process.env.EXPORT_SCREENSHOTS) await page.screenshot({ path: "test-results/export-dialog.png" });
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "出力する（CSV）" }).click()]);
    const [header, ...rows] = await csvOf(download);
    expect(header!.slice(0, 3)).toEqual(["ケース番号", "氏名", "ふりがな"]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[1]!.length > 0)).toBe(true);
    await context.close();
  });
});
