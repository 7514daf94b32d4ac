import { expect, test, type Page } from "@playwright/test";
import { ulid } from "ulid";
import { storageStateOf } from "./fixtures/auth";
import { createTestCase, db } from "./fixtures/db";

/*
 * 今後の予定 (/schedule) and the menu badge, and the start page's 「自分の担当ケース」 count against
 * the list its link opens. Each test makes its own case (a unique name), so other specs sharing
 * the database neither disturb it nor are disturbed.
 */

/** Today in Japan, and a day `days` later, as ISO dates (the server reckons in JST too). */
function jstDay(days = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}
const slashed = (iso: string) => iso.replaceAll("-", "/");

function followUpDue(caseId: string, dueDate: string) {
  db().prepare("INSERT INTO follow_up_checks (id, case_id, offset_months, due_date) VALUES (?, ?, 1, ?)").run(ulid(), caseId, dueDate);
}

/** The menu badge's number (0 when there is none). */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByTestId("nav-badge-schedule");
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.locator('[aria-hidden="true"]').innerText()).trim());
}

/** The schedule page's rows that the badge counts: the overdue group and the days up to today+7. */
async function rowsWithinAWeek(page: Page): Promise<number> {
  const limit = slashed(jstDay(7));
  let n = 0;
  for (const section of await page.getByTestId("schedule-groups").locator("section").all()) {
    const title = await section.getByRole("heading").innerText();
    const day = title.match(/^\d{4}\/\d{2}\/\d{2}/)?.[0];
    if (title.startsWith("期限切れ") || (day && day <= limit)) n += await section.getByTestId("reminder-row").count();
  }
  return n;
}

for (const username of ["bizen.coord", "bizen.sup"] as const) {
  test.describe(`${username}`, () => {
    test.use({ storageState: storageStateOf(username) });

    test("a follow-up due tomorrow shows on 今後の予定 and in the menu's count", async ({ page }) => {
      const c = createTestCase({ coordinator: "bizen.coord" });
      const tomorrow = jstDay(1);
      followUpDue(c.id, tomorrow);

      await page.goto("/schedule");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("今後の予定");
      const day = page.getByTestId("schedule-groups").locator("section").filter({ has: page.getByRole("heading", { name: new RegExp(`^${slashed(tomorrow)}`) }) });
      const row = day.getByTestId("reminder-row").filter({ hasText: c.name });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("退院後フォロー（1か月）");
      await expect(row.getByRole("link")).toHaveAttribute("href", `/cases/${c.id}#follow-ups`);

      // The badge counts the overdue and the next 7 days of the same view, and says so.
      const badge = await badgeCount(page);
      expect(badge).toBeGreaterThan(0);
      expect(badge).toBe(await rowsWithinAWeek(page));
      await expect(page.getByTestId("nav-badge-schedule")).toHaveAttribute("title", `期限切れと7日以内の予定 ${badge}件`);

      // The row opens the case at its follow-ups.
      await row.getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`/cases/${c.id}#follow-ups$`));
      await expect(page.locator("#follow-ups")).toBeVisible();
    });

    test("the start page's 「自分の担当ケース」 count equals the rows its link opens", async ({ page }) => {
      // A closed case of mine must not count on either side.
      const closed = createTestCase({ coordinator: username === "bizen.sup" ? "bizen.coord" : username });
      db().prepare("UPDATE cases SET phase = 'closed', end_date = ?, end_reason = 'settled' WHERE id = ?").run(jstDay(-1), closed.id);

      // Other specs running meanwhile may give this coordinator a case (an import, a new case) between
      // the two page loads: the pair is read again until both agree, as they must at rest.
      await expect(async () => {
        await page.goto("/");
        const card = page.getByTestId("home-work").getByRole("link").filter({ hasText: "自分の担当ケース" });
        const shown = Number((await card.locator("span").nth(1).innerText()).trim());
        await card.click();
        await expect(page).toHaveURL(/\/cases\?scope=mine/);
        if (shown === 0) {
          await expect(page.getByRole("table", { name: /^ケース一覧/ })).toHaveCount(0);
        } else {
          const total = Number((await page.getByText(/^全 [\d,]+ 件中/).innerText()).match(/全 ([\d,]+) 件/)![1]!.replace(/,/g, ""));
          expect(total).toBe(shown);
        }
      }).toPass({ timeout: 30_000 });
      await expect(page.getByText(closed.name)).toHaveCount(0);
      await expect(page.getByTestId("closed-switch")).toContainText("進行中のケースのみ表示中");

      // The start page lists the next few and links to the page.
      await page.goto("/");
      await expect(page.getByTestId("home-schedule").getByRole("link", { name: "今後の予定をすべて見る" })).toHaveAttribute("href", "/schedule");
    });
  });
}
