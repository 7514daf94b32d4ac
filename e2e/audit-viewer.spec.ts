import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { storageStateOf } from "./fixtures/auth";
import { createTestCase, findUser } from "./fixtures/db";

/*
 * The audit viewer (ADR 0041). A coordinator opens a case (a `view` row whose detail carries the
 * case number); the supervisor filters to it and reads the detail, follows the record's history
 * and downloads the CSV; prefecture staff see the same row without any detail, in neither the
 * HTML, the RSC payload nor the CSV; a coordinator gets 404. Its own case, so nothing depends on
 * other specs.
 */

async function coordinatorOpens(browser: import("@playwright/test").Browser, caseId: string, name: string) {
  const context = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  try {
    const page = await context.newPage();
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  } finally {
    await context.close();
  }
}

test.describe("supervisor", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("filters by user, record type and id, reads the detail, follows the record's history and downloads the CSV", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const c = createTestCase();
    await coordinatorOpens(browser, c.id, c.name);

    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "監査ログ" })).toBeVisible();
    await page.getByLabel("ユーザー", { exact: true }).selectOption({ label: "bizen.coord" });
    await page.getByLabel("記録の種類").selectOption({ label: "地域移行支援ケース" });
    await page.getByLabel("記録のID").fill(c.id);
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/userId=.*entityType=case/);
    const table = page.getByRole("region", { name: "監査ログ（新しい順）" });
    const row = table.getByRole("row").filter({ hasText: "bizen.coord" }).filter({ hasText: "閲覧" }).first();
    await expect(row).toBeVisible();
    // The detail of the view: the case number the page showed.
    await expect(row).toContainText(c.caseNo);
    await expectNoSeriousA11yViolations(page, "/audit (supervisor, filtered)");

    // The record's whole history, one link away.
    await row.getByRole("link", { name: `この記録の履歴: 地域移行支援ケース ${c.id}` }).click();
    await expect(page).toHaveURL(new RegExp(`entityType=case&entityId=${c.id}$`));
    await expect(page.getByRole("status").filter({ hasText: c.id })).toBeVisible();

    // CSV of the filtered rows: UTF-8 with BOM, the header, the row with its detail.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSVで出力" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain('"日時","ユーザー","役割","操作","記録の種類","記録のID","保健所・支所","IPアドレス","内容"');
    expect(csv).toContain('"bizen.coord"');
    expect(csv).toContain(c.id);
    expect(csv).toContain(c.caseNo);
    expect(csv).not.toContain(c.name);
  });
});

test.describe("prefecture staff", () => {
  test.use({ storageState: storageStateOf("okayama.pref") });

  test("see who opened which record and when, never the detail or a name (HTML, RSC payload, CSV)", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const c = createTestCase();
    await coordinatorOpens(browser, c.id, c.name);
    const url = `/audit?entityType=case&entityId=${c.id}`;

    await page.goto(url);
    const table = page.getByRole("region", { name: "監査ログ（新しい順）" });
    await expect(table.getByRole("row").filter({ hasText: "bizen.coord" }).filter({ hasText: "閲覧" }).first()).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "内容" })).toHaveCount(0);

    // The whole response (HTML with the inline RSC payload) and the RSC request itself.
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await page.request.get(url, { headers });
      expect(response.status()).toBe(200);
      const body = await response.text();
      expect(body).toContain(c.id);
      expect(body).not.toContain(c.caseNo);
      expect(body).not.toContain(c.name);
    }

    const csvResponse = await page.request.get(`/audit/export?entityType=case&entityId=${c.id}`);
    expect(csvResponse.status()).toBe(200);
    expect(csvResponse.headers()["content-type"]).toContain("text/csv");
    const csv = await csvResponse.text();
    expect(csv).toContain('"bizen.coord"');
    expect(csv).toContain(c.id);
    expect(csv).not.toContain(c.caseNo);
    expect(csv).not.toContain("内容");
  });
});

test.describe("coordinator", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("gets 404 for the viewer, its export and the account review, and no menu entry", async ({ page }) => {
    expect((await page.goto("/audit"))?.status()).toBe(404);
    expect((await page.request.get("/audit/export")).status()).toBe(404);
    expect((await page.goto("/account-review"))?.status()).toBe(404);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "監査ログ" })).toHaveCount(0);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("okayama.admin") });

  test("reviews every account of the prefecture; no demo account was deactivated", async ({ page }) => {
    await page.goto("/account-review");
    await expect(page.getByRole("heading", { level: 1, name: "IDの棚卸し" })).toBeVisible();
    await expect(page.getByRole("link", { name: "bizen.coord", exact: true })).toBeVisible();
    await expect(page.getByText("未使用で停止されたアカウントはありません。")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/account-review");
    expect(findUser("bizen.sup")?.active).toBe(1);
  });
});
