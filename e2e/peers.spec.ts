import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { signIn, storageStateOf } from "./fixtures/auth";
import { createTestUser, db, opened } from "./fixtures/db";
import { field, uniqueKana } from "./fixtures/forms";

/*
 * The peer supporters' section through the screens: register a peer, dispatch them to a
 * hospital and mark it done; log a dispatch from the keyboard alone with "copy the previous
 * entry"; bad input changes nothing; another office, another prefecture and the prefecture
 * role get 404.
 */


/** Today in Japan as the forms show it (2026/12/01). */
function todayJst(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date()).replaceAll("-", "/");
}

type DispatchRow = { id: string; status: string; report: string | null; hospital_id: string | null; destination_name: string | null; purpose: string; date: string; created_by: string };

test.describe("bizen.coord", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("registers a peer, dispatches them to a hospital and marks the dispatch done", async ({ page }) => {
    const givenKana = uniqueKana();
    await page.goto("/peers/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ピアサポーターを登録");
    await field(page, "氏名（姓）").fill("派遣");
    await field(page, "氏名（名）").fill(givenKana);
    await field(page, "ふりがな（姓）").fill("はけん");
    await field(page, "ふりがな（名）").fill(givenKana);
    await field(page, "電話").fill("090-0000-0000");
    await page.getByRole("group", { name: "引き受ける活動" }).getByLabel("院内茶話会・交流会").check();
    await page.getByRole("group", { name: "活動できる圏域" }).getByLabel("備前圏域").check();
    await field(page, "養成研修 修了日").fill("R6.11.14");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.waitForURL(/\/peers\/[0-9A-Z]{26}$/);
    const peerId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`派遣 ${givenKana}`);
    const facts = page.getByRole("region", { name: "登録の概要" });
    await expect(facts).toContainText(/BZ-P-\d{3}/);
    await expect(facts).toContainText("登録中");
    await expect(page.getByRole("region", { name: "研修の修了" })).toContainText("養成研修");

    // From the peer's page: a dispatch to a hospital, scheduled ahead.
    await page.getByRole("link", { name: "この人の派遣を記録" }).click();
    await page.waitForURL(/\/peers\/dispatches\/new\?/);
    await expect(page.getByRole("checkbox", { name: new RegExp(`派遣 ${givenKana}`) })).toBeChecked();
    await field(page, "開始時刻").fill("13:30");
    await field(page, "終了時刻").fill("15:00");
    await field(page, "状態").selectOption({ label: "予定" });
    await field(page, "目的").selectOption({ label: "院内茶話会・交流会" });
    await field(page, "派遣先の種類").selectOption({ label: "病院" });
    await field(page, "派遣先の病院").selectOption({ label: "架空の森病院" });
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("派遣を記録しました");
    await page.getByRole("link", { name: "記録した派遣を開く" }).click();
    await page.waitForURL(/\/peers\/dispatches\/[0-9A-Z]{26}$/);
    const dispatchId = new URL(page.url()).pathname.split("/").pop()!;
    const members = page.getByRole("region", { name: "派遣したピアサポーター" });
    await expect(members).toContainText(`派遣 ${givenKana}`);
    await expect(members).toContainText("1.5"); // hours filled in from the times

    // 予定 → 実施 with the number reached and a report.
    const status = page.getByRole("region", { name: "状態" });
    await status.getByLabel(/^次の状態/).selectOption({ label: "実施" });
    await status.getByLabel("参加した入院者・参加者の数").fill("12");
    await status.getByLabel("実施報告").fill("院内茶話会で退院後の暮らしを話した。");
    await status.getByRole("button", { name: "状態を変更する" }).click();
    await expect(status.getByText("実施・中止の派遣は、これ以上状態を変えられません。")).toBeVisible();
    const row = db().prepare("SELECT * FROM peer_dispatches WHERE id = ?").get(dispatchId) as DispatchRow & { audience_count: number };
    expect([row.status, row.audience_count, opened(row.report)]).toEqual(["done", 12, "院内茶話会で退院後の暮らしを話した。"]);
    const member = db().prepare("SELECT peer_id, hours FROM peer_dispatch_members WHERE dispatch_id = ?").all(dispatchId);
    expect(member).toEqual([{ peer_id: peerId, hours: 1.5 }]);

    // The dispatch shows on the peer's page and in the list (by code, not name).
    await page.goto(`/peers/dispatches?peerId=${peerId}`);
    const listRow = page.getByRole("row").filter({ hasText: "院内茶話会・交流会" });
    await expect(listRow).toContainText("実施");
    await expect(page.getByRole("main")).not.toContainText(givenKana);
  });

  test("a dispatch without a peer, or 実施 on a future date, is refused with a message and saves nothing", async ({ page }) => {
    const before = (db().prepare("SELECT count(*) AS n FROM peer_dispatches").get() as { n: number }).n;
    await page.goto("/peers/dispatches/new");
    await field(page, "派遣日").fill("2099/4/1");
    await field(page, "状態").selectOption({ label: "実施" });
    await field(page, "目的").selectOption({ label: "体験発表" });
    await field(page, "派遣先の種類").selectOption({ label: "会場" });
    // The form may preset the last destination (the demo has recent dispatches): leave it empty.
    await field(page, "派遣先の名称").fill("");
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByRole("main").getByRole("alert").first()).toContainText("入力内容を確認してください。");
    await expect(page.getByText("派遣するピアサポーターを1人以上選んでください。")).toBeVisible();
    await expect(page.getByText("「実施」は今日までの日付の派遣にだけ記録できます。")).toBeVisible();
    await expect(page.getByText("派遣先の名称を入力してください。")).toBeVisible();
    expect((db().prepare("SELECT count(*) AS n FROM peer_dispatches").get() as { n: number }).n).toBe(before);
  });

  test("axe finds nothing serious on the registry, the forms and a peer's page", async ({ page }) => {
    // Six full axe scans of pages that now hold the demo's current year as well.
    test.setTimeout(120_000);
    for (const [path, heading] of [
      ["/peers", "ピアサポーター"],
      ["/peers/new", "ピアサポーターを登録"],
      ["/peers/dispatches", "ピアサポーター"],
      ["/peers/dispatches/new", "派遣を記録"],
    ] as const) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expectNoSeriousA11yViolations(page, path);
    }
    await page.goto("/peers");
    await page.getByRole("link", { name: /^BZ-P-\d{3}$/ }).first().click();
    await page.waitForURL(/\/peers\/peer-/);
    await expectNoSeriousA11yViolations(page, "a peer's page");
    await page.goto("/peers/dispatches?fy=2023");
    await page.getByRole("region", { name: /派遣の一覧/ }).getByRole("link", { name: /^\d{4}\/\d{2}\/\d{2}/ }).first().click();
    await page.waitForURL(/\/peers\/dispatches\/dispatch-/);
    await expectNoSeriousA11yViolations(page, "a dispatch page");
  });
});

test("quick entry: a dispatch logged with the keyboard alone, copying the previous entry", async ({ browser }) => {
  // A coordinator of 備前 with one earlier dispatch of their own, so "previous" is theirs.
  const user = await createTestUser({ offices: ["bizen"] });
  const peer = db()
    .prepare(
      `SELECT p.id FROM peer_supporters p JOIN peer_registrations r ON r.peer_id = p.id
       WHERE p.office_id = '33-bizen' AND p.status = 'active' AND r.registered_on <= date('now', '+9 hours') AND r.expires_on >= date('now', '+9 hours')
       ORDER BY p.display_code LIMIT 1`,
    )
    .get() as { id: string };
  const venue = `キーボード会場${uniqueKana()}`;
  const now = new Date().toISOString();
  db().transaction(() => {
    db()
      .prepare(
        `INSERT INTO peer_dispatches (id, prefecture_code, office_id, date, start_time, end_time, destination_kind, destination_name, purpose, audience_count, status, version, created_by, created_at, updated_by, updated_at)
         VALUES (?, '33', '33-bizen', '2024-06-01', '10:00', '12:00', 'venue', ?, 'testimony', 30, 'done', 1, ?, ?, ?, ?)`,
      )
      .run(`e2e-prev-${user.id}`, venue, user.id, now, user.id, now);
    db().prepare("INSERT INTO peer_dispatch_members (dispatch_id, peer_id, hours, honorarium_yen, travel_yen) VALUES (?, ?, 2, 2000, 500)").run(`e2e-prev-${user.id}`, peer.id);
  })();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user.username, user.password);
  await page.goto("/peers/dispatches/new");
  const date = field(page, "派遣日");
  await expect(date).toBeFocused(); // the form opens with the cursor in the date
  await expect(date).toHaveValue(todayJst());

  // Keyboard only from here: back to "copy the previous entry", take it, save with Enter.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "前回の内容をコピー" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(date).toBeFocused();
  await expect(field(page, "派遣先の名称")).toHaveValue(venue);
  await expect(page.getByRole("checkbox", { name: new RegExp(`^BZ-P-`) }).and(page.locator(`[value="${peer.id}"]`))).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("status")).toContainText("派遣を記録しました");
  await expect(date).toBeFocused(); // ready for the next one

  const saved = db().prepare("SELECT * FROM peer_dispatches WHERE created_by = ? AND id <> ? ORDER BY created_at DESC").all(user.id, `e2e-prev-${user.id}`) as DispatchRow[];
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ destination_name: venue, purpose: "testimony", status: "done", date: todayJst().replaceAll("/", "-") });
  const members = db().prepare("SELECT peer_id, hours, honorarium_yen, travel_yen FROM peer_dispatch_members WHERE dispatch_id = ?").all(saved[0]!.id);
  expect(members).toEqual([{ peer_id: peer.id, hours: 2, honorarium_yen: 2000, travel_yen: 500 }]);
  await context.close();
});

test("another office, another prefecture and the prefecture role get 404 on a peer and a dispatch", async ({ browser }) => {
  const peer = db().prepare("SELECT id FROM peer_supporters WHERE office_id = '33-bizen' ORDER BY display_code LIMIT 1").get() as { id: string };
  const dispatch = db().prepare("SELECT id FROM peer_dispatches WHERE office_id = '33-bizen' ORDER BY date DESC LIMIT 1").get() as { id: string };
  for (const username of ["tobi.coord", "ube.coord", "okayama.pref", "okayama.admin"]) {
    const context = await browser.newContext({ storageState: storageStateOf(username) });
    const page = await context.newPage();
    for (const path of [`/peers/${peer.id}`, `/peers/${peer.id}/edit`, `/peers/dispatches/${dispatch.id}`, `/peers/dispatches/${dispatch.id}/edit`]) {
      expect((await page.goto(path))?.status(), `${username} ${path}`).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
    }
    if (username.endsWith(".pref") || username.endsWith(".admin")) {
      expect((await page.goto("/peers"))?.status(), `${username} /peers`).toBe(404);
    }
    await context.close();
  }
  // The supervisor of 備前 and its 支所 reaches it.
  const sup = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  const supPage = await sup.newPage();
  expect((await supPage.goto(`/peers/${peer.id}`))?.status()).toBe(200);
  await expect(supPage.getByRole("region", { name: "閲覧・変更履歴", exact: true })).toBeVisible();
  await sup.close();
});
