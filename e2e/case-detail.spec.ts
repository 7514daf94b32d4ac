import { expect, test, type Locator, type Page } from "@playwright/test";
import { formAlert, storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { caseState, createTestCase, createTestUser, db, userId } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * The case page (/cases/[id]): a coordinator's daily work on one case. Every test opens its
 * own case (inserted the way createCase does), so the tests do not depend on each other or
 * on the demo data.
 */

function phasePanel(page: Page): Locator {
  return page.getByRole("region", { name: "段階の変更" });
}

/** The phase the panel reports, e.g. 「現在の段階 退院」 (exact, so 退院 never matches 退院準備). */
async function expectPhase(page: Page, label: string): Promise<void> {
  await expect(phasePanel(page).getByText(/^現在の段階/)).toHaveText(new RegExp(`^現在の段階\\s*${label}$`));
}

async function changePhase(page: Page, label: string, fill?: (panel: Locator) => Promise<void>): Promise<void> {
  const panel = phasePanel(page);
  await panel.getByRole("radio", { name: label, exact: true }).check();
  await fill?.(panel);
  await panel.getByRole("button", { name: "段階を変更する" }).click();
  await expectPhase(page, label);
}

function lastActivityDate(caseId: string): string | null {
  return (db().prepare("SELECT last_activity_date AS d FROM cases WHERE id = ?").get(caseId) as { d: string | null }).d;
}

/** Today in Japan as 令和 R{n}.{m}.{d}, the way people type it. */
function todayReiwa(): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date()).split("-").map(Number) as [number, number, number];
  return `R${y - 2018}.${m}.${d}`;
}

test.describe("a coordinator's case page", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("logs activities from the keyboard and moves the case through every phase to closure", async ({ page }) => {
    const c = createTestCase();
    await page.goto(`/cases/${c.id}`);
    await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    await expect(page).not.toHaveTitle(new RegExp(c.name.split(" ")[1]!));
    await expectPhase(page, "対象者把握");

    // Quick add: today and 面会 are preset; Enter in the summary saves.
    const date = page.getByLabel("実施日");
    const activities = page.getByRole("region", { name: "支援記録の一覧（新しい順）" });
    await expect(page.getByRole("combobox", { name: "種類" })).toHaveValue("ward_visit");
    await page.getByLabel("所要時間（分）").fill("45");
    await page.getByLabel("内容").fill("病棟で面会。退院後の暮らしについて話した。");
    await page.getByLabel("内容").press("Enter");
    await expect(page.getByText("支援記録を追加しました。").first()).toBeVisible();
    await expect(activities.getByRole("row").filter({ hasText: "病棟で面会。退院後の暮らしについて話した。" })).toContainText("面会");
    // The form is empty again, with the cursor back in the date field for the next entry.
    await expect(date).toBeFocused();
    await expect(page.getByLabel("内容")).toHaveValue("");
    await expect(page.getByLabel("所要時間（分）")).toHaveValue("");

    // A second one: 電話 with a peer supporter, sent with Enter on the checkbox.
    await page.getByRole("combobox", { name: "種類" }).selectOption({ label: "電話" });
    await page.getByLabel("所要時間（分）").fill("15");
    const peer = page.getByRole("checkbox", { name: "ピアサポーターと同行" });
    await peer.focus();
    await page.keyboard.press("Space");
    await expect(peer).toBeChecked();
    await page.keyboard.press("Enter");
    await expect(activities.getByRole("row").filter({ hasText: "電話" })).toContainText("ピア同行");
    await expect(activities.getByRole("row")).toHaveCount(3); // header + two
    await expect(date).toBeFocused();
    await expect(peer).not.toBeChecked();

    // Every phase, in order; the first with a 令和 date typed as people do.
    await changePhase(page, "アセスメント", async (panel) => {
      await panel.getByLabel("変更日").fill(todayReiwa());
      await panel.getByLabel("メモ").fill("初回面接を実施。");
    });
    await expect(page.getByText("段階を変更しました。").first()).toBeVisible();
    await changePhase(page, "関係づくり");
    await changePhase(page, "退院準備");

    // Discharge needs a destination; the browser says so before anything is sent.
    const followUps = page.getByRole("region", { name: "退院後フォローアップ" });
    await expect(followUps.getByRole("heading", { level: 3 })).toHaveCount(0);
    await phasePanel(page).getByRole("radio", { name: "退院", exact: true }).check();
    await phasePanel(page).getByRole("button", { name: "段階を変更する" }).click();
    await expect(phasePanel(page).getByText("退院したときは退院先を選んでください。")).toBeVisible();
    await changePhase(page, "退院", async (panel) => {
      await panel.getByLabel("退院先").selectOption({ label: "グループホーム(共同生活援助)" });
      await panel.getByLabel("退院後の暮らし方").selectOption({ label: "グループホーム" });
    });
    await expect(followUps.getByRole("heading", { level: 3 })).toHaveText(["1か月後", "3か月後", "6か月後", "12か月後"]);
    await expectNoSeriousA11yViolations(page, "a discharged case");
    expect(caseState(c.id).dischargeDate).not.toBeNull();

    // Record the 1-month check. Each row's form exists only while its dialog is open (ADR 0057).
    await expect(page.locator('input[name="followUpId"]')).toHaveCount(0);
    await followUps.getByRole("button", { name: "1か月後の結果を記録" }).click();
    const dialog = page.getByRole("dialog", { name: "1か月後フォローアップの記録" });
    await expect(dialog.locator('input[name="followUpId"]')).toHaveCount(1);
    await dialog.getByLabel("状況").selectOption({ label: "地域生活継続" });
    await dialog.getByLabel("メモ").fill("グループホームで落ち着いて生活している。");
    await dialog.getByRole("button", { name: "記録する" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("フォローアップの結果を記録しました。").first()).toBeVisible();
    const firstCheck = followUps.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "1か月後" }) });
    await expect(firstCheck).toContainText("確認済み");
    await expect(firstCheck).toContainText("地域生活継続");
    await expect(followUps.getByRole("button", { name: "1か月後の記録を修正" })).toBeVisible();

    await changePhase(page, "地域定着");

    // Closing asks for the reason first.
    await phasePanel(page).getByRole("radio", { name: "終結", exact: true }).check();
    await phasePanel(page).getByRole("button", { name: "段階を変更する" }).click();
    await expect(phasePanel(page).getByText("終結するときは終結理由を選んでください。")).toBeVisible();
    await changePhase(page, "終結", async (panel) => {
      await panel.getByLabel("終結理由").selectOption({ label: "地域定着・目標達成" });
    });
    await expect(phasePanel(page)).toContainText("このケースは終結しています。");
    await expect(phasePanel(page).getByRole("radio")).toHaveCount(0);

    // The timeline shows the whole way, and the database agrees.
    const timeline = page.getByRole("region", { name: "経過" });
    await expect(timeline.getByRole("listitem")).toHaveCount(7);
    await expect(timeline).toContainText("初回面接を実施。");
    expect(caseState(c.id)).toMatchObject({ phase: "closed", endReason: "settled", phaseEvents: 7 });
  });

  test("corrects an activity logged wrongly and deletes one logged by mistake", async ({ page }) => {
    const c = createTestCase();
    await page.goto(`/cases/${c.id}`);
    const activities = page.getByRole("region", { name: "支援記録の一覧（新しい順）" });
    await page.getByLabel("実施日").fill("2024/6/3");
    await page.getByLabel("内容").fill("病棟で面会。");
    await page.getByLabel("内容").press("Enter");
    await expect(activities.getByRole("row").filter({ hasText: "病棟で面会。" })).toBeVisible();

    // It was in fact a call on 6/4, with a peer supporter.
    await activities.getByRole("button", { name: "2024/06/03の面会の記録を訂正" }).click();
    const dialog = page.getByRole("dialog", { name: "支援記録の訂正" });
    await expect(dialog.getByLabel("実施日")).toBeFocused();
    await dialog.getByLabel("実施日").fill("R6.6.4");
    await dialog.getByRole("combobox", { name: "種類" }).selectOption({ label: "電話" });
    await dialog.getByRole("checkbox", { name: "ピアサポーターと同行" }).check();
    await dialog.getByLabel("内容").fill("電話で様子を聞いた。");
    await dialog.getByRole("button", { name: "訂正を保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("支援記録を訂正しました。").first()).toBeVisible();
    const row = activities.getByRole("row").filter({ hasText: "電話で様子を聞いた。" });
    await expect(row).toContainText("2024/06/04");
    await expect(row).toContainText("ピア同行");
    expect(lastActivityDate(c.id)).toBe("2024-06-04");

    // Deleted from the same dialog; the list is empty again and the history says so.
    await activities.getByRole("button", { name: "2024/06/04の電話の記録を訂正" }).click();
    await page.getByRole("dialog", { name: "支援記録の訂正" }).getByRole("button", { name: "この記録を削除する" }).click();
    // A second step names the record and asks again.
    await page.getByRole("dialog", { name: "支援記録の訂正" }).getByRole("button", { name: "削除する", exact: true }).click();
    await expect(page.getByText("支援記録を削除しました。").first()).toBeVisible();
    await expect(page.getByText("支援記録はまだありません")).toBeVisible();
    expect(lastActivityDate(c.id)).toBeNull();
    await expectNoSeriousA11yViolations(page, "a case page after correcting its activities");
  });

  test("a phase change that breaks the rules shows a Japanese error and changes nothing", async ({ page }) => {
    const c = createTestCase({ referralDate: "2024-04-10" });
    await page.goto(`/cases/${c.id}`);
    const panel = phasePanel(page);
    await panel.getByRole("radio", { name: "アセスメント", exact: true }).check();

    // Not a date at all: caught in the browser.
    await panel.getByLabel("変更日").fill("令和6年2月30日");
    await panel.getByRole("button", { name: "段階を変更する" }).click();
    await expect(panel.getByText("存在しない日付です（例：2月30日）。日付を確認してください。")).toBeVisible();
    await expect(panel.getByLabel("変更日")).toHaveAttribute("aria-invalid", "true");

    // Before the last change (the referral on 2024/04/10): refused by the server.
    await panel.getByLabel("変更日").fill("2024/4/1");
    await panel.getByRole("button", { name: "段階を変更する" }).click();
    await expect(formAlert(page)).toContainText("段階の変更日が前回の変更日より前です。前回以降の日付にしてください。");
    await expect(panel.getByLabel("変更日")).toHaveValue("2024/4/1");
    await expect(panel.getByRole("radio", { name: "アセスメント", exact: true })).toBeChecked();
    await expectPhase(page, "対象者把握");
    expect(caseState(c.id)).toMatchObject({ phase: "identified", version: 1, phaseEvents: 1 });

    // The only transitions offered are the allowed ones.
    await expect(panel.getByRole("radio")).toHaveCount(3);
    for (const allowed of ["アセスメント", "中断", "終結"]) await expect(panel.getByRole("radio", { name: allowed, exact: true })).toBeVisible();
  });

  test("a coordinator sees neither the reassignment nor the access history", async ({ page }) => {
    const c = createTestCase();
    await page.goto(`/cases/${c.id}`);
    await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "閲覧・変更履歴" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "担当者の変更" })).toHaveCount(0);
  });

  test("a long case shows its 20 latest activities; the earlier ones on request", async ({ page }) => {
    // The demo case of 備前 with the longest history (50 activities in the demo data).
    const c = db()
      .prepare("SELECT a.case_id AS id, count(*) AS n FROM case_activities a JOIN cases c ON c.id = a.case_id WHERE c.case_no LIKE '33-BZ-%' GROUP BY a.case_id ORDER BY n DESC, a.case_id LIMIT 1").get() as { id: string; n: number };
    expect(c.n).toBeGreaterThan(20);
    await page.goto(`/cases/${c.id}`);
    const latest = page.getByRole("region", { name: "支援記録の一覧（新しい順）" });
    await expect(latest.getByRole("row")).toHaveCount(21); // the header row and 20
    await expect(page.getByRole("region", { name: `以前の支援記録（${c.n - 20}件）` })).toHaveCount(0);
    await page.getByRole("link", { name: `以前の支援記録（${c.n - 20}件）を表示` }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?activities=all#earlier-activities$`));
    const earlier = page.getByRole("region", { name: `以前の支援記録（${c.n - 20}件）` });
    await expect(earlier.getByRole("row")).toHaveCount(c.n - 20 + 1);
    await expect(earlier).toBeInViewport(); // the link lands on the earlier ones
    await expect(latest.getByRole("row")).toHaveCount(21);
  });

  test("two people changing the phase of the same loaded case: the second gets the conflict message", async ({ browser }) => {
    const c = createTestCase();
    const first = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
    const second = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
    try {
      const a = await first.newPage();
      const b = await second.newPage();
      await a.goto(`/cases/${c.id}`);
      await b.goto(`/cases/${c.id}`);

      await changePhase(a, "アセスメント");

      await phasePanel(b).getByRole("radio", { name: "中断", exact: true }).check();
      await phasePanel(b).getByRole("button", { name: "段階を変更する" }).click();
      await expect(formAlert(b)).toContainText("他の人が先にこの記録を更新しました。");
      await expectPhase(b, "対象者把握"); // still the page b loaded: nothing was applied
      expect(caseState(c.id)).toMatchObject({ phase: "assessment", version: 2, phaseEvents: 2 });
    } finally {
      await first.close();
      await second.close();
    }
  });
});

test.describe("people outside the case's office", () => {
  test("a coordinator of another office gets 404 on the case URL", async ({ browser }) => {
    const c = createTestCase({ office: "bizen" });
    const context = await browser.newContext({ storageState: storageStateOf("tobi.coord") });
    try {
      const page = await context.newPage();
      const response = await page.goto(`/cases/${c.id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: NOT_FOUND_TITLE })).toBeVisible();
      await expect(page.getByText(c.name.split(" ")[1]!)).toHaveCount(0);
      await expect(page.getByText(c.caseNo)).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test("the prefecture account gets 404 and never sees the name", async ({ browser }) => {
    const c = createTestCase({ office: "bizen" });
    const context = await browser.newContext({ storageState: storageStateOf("okayama.pref") });
    try {
      const page = await context.newPage();
      const response = await page.goto(`/cases/${c.id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: NOT_FOUND_TITLE })).toBeVisible();
      expect(await page.content()).not.toContain(c.name.split(" ")[1]!);
      await expect(page).not.toHaveTitle(new RegExp(c.caseNo));
    } finally {
      await context.close();
    }
  });
});

test.describe("the supervisor", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("sees the access history and reassigns the case to another coordinator of the office", async ({ page }) => {
    const c = createTestCase();
    const next = await createTestUser({ role: "coordinator", offices: ["bizen"], displayName: `引継 ${Date.now().toString(36)}` });
    // Give the history something to show besides the supervisor's own view.
    const other = await page.context().browser()!.newContext({ storageState: storageStateOf("bizen.coord") });
    try {
      const coordPage = await other.newPage();
      await coordPage.goto(`/cases/${c.id}`);
      await expect(coordPage.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    } finally {
      await other.close();
    }

    await page.goto(`/cases/${c.id}`);
    await expectNoSeriousA11yViolations(page, "the case page of a supervisor");
    const history = page.getByRole("region", { name: "閲覧・変更履歴" });
    await expect(history.getByRole("table", { name: "閲覧・変更履歴（新しい順）" })).toBeVisible();
    await expect(history.getByRole("row").filter({ hasText: "bizen.coord" }).first()).toContainText("閲覧");
    await expect(history.getByRole("row").nth(1)).toContainText("bizen.sup"); // newest first: this very view

    const reassign = page.getByRole("region", { name: "担当者の変更" });
    await expect(reassign).toContainText("現在の主担当者：備前 つなぎ");
    const select = reassign.getByLabel("新しい主担当者");
    // Only staff of the case's office are offered, and not the current lead.
    await expect(select.getByRole("option", { name: "備前 つなぎ" })).toHaveCount(0);
    await expect(select.getByRole("option", { name: "東備 みちる" })).toHaveCount(0);
    await select.selectOption({ label: next.displayName });
    await reassign.getByRole("button", { name: "担当者を変更する" }).click();
    await expect(page.getByText("主担当者を変更しました。").first()).toBeVisible();
    await expect(reassign).toContainText(`現在の主担当者：${next.displayName}`);
    await expect(history.getByRole("row").filter({ hasText: "主担当者を変更" })).toHaveCount(1);
    expect(caseState(c.id).coordinatorUserId).toBe(userId(next.username));
  });
});
