import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { storageStateOf } from "./fixtures/auth";
import { db } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * The supervisor's caseload (/caseload). Numbers are checked against the e2e database, read
 * before and after the page load because other specs may open or move cases meanwhile.
 */

const REACH = "office_id IN ('33-bizen', '33-tobi')";

function countCases(where: string, ...args: unknown[]): number {
  return (db().prepare(`SELECT count(*) AS n FROM cases WHERE ${REACH} AND ${where}`).get(...args) as { n: number }).n;
}

function expectBetween(value: number, before: number, after: number, what: string) {
  expect(value, `${what}: shown ${value}, database ${before}..${after}`).toBeGreaterThanOrEqual(Math.min(before, after));
  expect(value, `${what}: shown ${value}, database ${before}..${after}`).toBeLessThanOrEqual(Math.max(before, after));
}

test.describe("bizen.sup (supervisor of 備前保健所 and 東備支所)", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("shows open cases per coordinator and phase, with totals that open the list", async ({ page }) => {
    const openBefore = countCases("phase <> 'closed'");
    await page.goto("/caseload");
    const openAfter = countCases("phase <> 'closed'");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("担当状況");

    const matrix = page.getByRole("table", { name: /担当者別・段階別の進行中ケース数/ });
    // One column per open phase (終結 is not there) and a total.
    await expect(matrix.locator("thead th")).toHaveText(["担当者", "対象者把握", "アセスメント", "関係づくり", "退院準備", "退院", "地域定着", "中断", "合計"]);
    // Coordinators of both offices.
    await expect(matrix.getByRole("rowheader", { name: "備前 つなぎ" })).toBeVisible();
    await expect(matrix.getByRole("rowheader", { name: "東備 みちる" })).toBeVisible();
    const grandTotal = Number(await matrix.locator("tfoot td").last().innerText());
    expectBetween(grandTotal, openBefore, openAfter, "open cases");
    // Row totals add up to the grand total.
    const rowTotals = (await matrix.locator("tbody tr td:last-child").allInnerTexts()).map(Number);
    expect(rowTotals.reduce((a, b) => a + b, 0)).toBe(grandTotal);

    // A cell opens the case list with exactly those cases.
    const cell = matrix.getByRole("row", { name: /東備 みちる/ }).getByRole("link", { name: /^東備 みちる・/ }).first();
    const label = (await cell.getAttribute("aria-label"))!;
    const [, phase, n] = label.match(/・(.+)：(\d+)件/)!;
    await cell.click();
    await expect(page).toHaveURL(/\/cases\?scope=office&coordinatorId=[^&]+&phase=/);
    await expect(page.getByText(new RegExp(`^全 ${n} 件中`))).toBeVisible();
    const table = page.getByRole("table", { name: /^ケース一覧/ });
    await expect(table.locator("tbody > tr")).toHaveCount(Number(n));
    await expect(table.locator("tbody > tr").first()).toContainText("東備 みちる");
    await expect(table.locator("tbody > tr").first()).toContainText(phase!);
  });

  test("lists the cases that need attention, with their counts", async ({ page }) => {
    const noConsent = "phase <> 'closed' AND consent_date IS NULL";
    const staleBefore = new Date(Date.now() + 9 * 3600_000 - 30 * 86400_000).toISOString().slice(0, 10);
    const stale = "phase <> 'closed' AND (last_activity_date IS NULL OR last_activity_date < ?)";
    const before = { noConsent: countCases(noConsent), stale: countCases(stale, staleBefore) };
    await page.goto("/caseload");
    const after = { noConsent: countCases(noConsent), stale: countCases(stale, staleBefore) };

    for (const [title, key] of [
      ["同意が記録されていないケース", "noConsent"],
      ["30日以上活動のないケース", "stale"],
    ] as const) {
      const heading = page.getByRole("heading", { level: 2, name: new RegExp(`^${title}`) });
      const shown = Number((await heading.innerText()).match(/(\d+)件/)![1]);
      expectBetween(shown, Math.min(before[key], 100), Math.min(after[key], 100), title);
      const section = page.locator("section", { has: heading });
      if (shown === 0) {
        await expect(section.getByText("該当するケースはありません。")).toBeVisible();
      } else {
        const rows = section.getByRole("table", { name: title }).locator("tbody > tr");
        await expect(rows).toHaveCount(shown);
        // Every case links to its own page (where a supervisor reassigns it).
        const link = rows.first().getByRole("link");
        const { id } = db().prepare("SELECT id FROM cases WHERE case_no = ?").get(await link.innerText()) as { id: string };
        await expect(link).toHaveAttribute("href", `/cases/${id}`);
      }
    }

    // The other two sections are there with a count, a table or an empty state.
    for (const title of ["フォローアップ期限を過ぎたケース", "計画の見直し期限を過ぎたケース"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${title}\\s*\\d+件$`) })).toBeVisible();
    }

    // The summary links jump to the sections.
    await page.getByRole("navigation", { name: "要確認の件数" }).getByRole("link", { name: /^同意未記録/ }).click();
    await expect(page).toHaveURL(/#no-consent$/);
  });

  test("draws the load per coordinator, with a table alternative", async ({ page }) => {
    await page.goto("/caseload");
    const matrix = page.getByRole("table", { name: /担当者別・段階別の進行中ケース数/ });
    const matrixTotal = await matrix.getByRole("row", { name: /東備 みちる/ }).locator("td").last().innerText();

    await page.getByText("表で見る").click();
    const alternative = page.getByRole("table", { name: "担当者別の進行中ケース数" });
    await expect(alternative).toBeVisible();
    await expect(alternative.getByRole("row", { name: /東備 みちる/ }).getByRole("cell")).toHaveText(matrixTotal);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/caseload");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("担当状況");
    await expectNoSeriousA11yViolations(page, "the caseload");
  });
});

for (const username of ["bizen.coord", "okayama.pref"]) {
  test.describe(username, () => {
    test.use({ storageState: storageStateOf(username) });

    test("gets 404 on the caseload", async ({ page }) => {
      const response = await page.goto("/caseload");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
    });
  });
}
