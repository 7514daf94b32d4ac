import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formAlert, storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { db } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";
import { field } from "./fixtures/forms";

/*
 * 会議・研修 through the screens: a coordinator records a meeting with attendance, the
 * prefecture records a prefecture-wide training and saves a year's municipal 協議の場 table,
 * another office's coordinator gets the 404 on an edit URL, and every sub-page passes axe.
 */

const unique = (prefix: string) => `${prefix} ${randomBytes(3).toString("hex")}`;

test.describe("a coordinator", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("records a meeting with attendance and finds it in the list with its total", async ({ page }) => {
    const title = unique("E2E 事例検討会");
    await page.goto("/activities/meetings/new");
    // Defaults for quick entry: today's date and the coordinator's office.
    await expect(field(page, "開催日")).toHaveValue(/^\d{4}\/\d{2}\/\d{2}$/);
    await expect(page.getByTestId("meeting-host")).toHaveText("備前保健所");

    // Bad input first: nothing is saved and each field says what to do.
    await field(page, "会議の種別").selectOption({ label: "事例検討会" });
    await field(page, "開催日").fill("R6.2.30");
    await field(page, "保健").fill("三");
    await page.getByRole("button", { name: "保存する" }).click();
    await expect(formAlert(page).first()).toHaveText("入力内容を確認してください。");
    await expect(page.locator("#field-title-error")).toHaveText("エラー：名称を入力してください。");
    await expect(field(page, "会議名")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("人数・件数は0以上の整数（半角または全角の数字）で入力してください。")).toBeVisible();
    await expect(field(page, "保健")).toHaveAccessibleDescription(/0以上の整数/);

    await field(page, "開催日").fill("R6.6.10");
    await field(page, "検討した事例数").fill("3");
    await field(page, "保健").fill("３"); // full-width digits from an IME
    await field(page, "医療(精神科)").fill("2");
    await field(page, "福祉").fill("4");
    await field(page, "ピアサポーター").fill("1");
    await expect(page.getByTestId("attendance-total")).toHaveText("合計 10人");
    await field(page, "目標設定・評価を行った").check();
    await field(page, "会議名").fill(title);
    // The one quick-entry rule: Shift+Enter is a new line in a textarea, Enter saves from any field.
    const agenda = field(page, "議題・内容");
    await agenda.fill("退院支援の事例");
    await agenda.press("Shift+Enter");
    await agenda.pressSequentially("次回の予定");
    await expect(agenda).toHaveValue("退院支援の事例\n次回の予定");
    await agenda.press("Enter");

    await page.waitForURL((url) => url.pathname === "/activities/meetings" && url.searchParams.get("fy") === "2024");
    await expect(page.getByText("記録しました。")).toBeVisible();
    await page.getByLabel("名称で検索").fill(title);
    await page.getByRole("button", { name: "絞り込む" }).click();
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("2024/06/10");
    await expect(row).toContainText("事例検討会");
    await expect(row).toContainText("備前保健所");
    await expect(row).toContainText("10人");
    await expect(row).toContainText("目標設定・評価");

    const stored = db()
      .prepare("SELECT m.id, m.office_id, m.cases_reviewed, m.targets_reviewed, m.agenda, (SELECT sum(count) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS total FROM meetings m WHERE m.title = ?")
      .get(title) as { id: string; office_id: string; cases_reviewed: number; targets_reviewed: number; agenda: string; total: number };
    // A form submits a textarea's new line as CRLF (HTML's rule); it is stored as LF.
    expect(stored).toMatchObject({ office_id: "33-bizen", cases_reviewed: 3, targets_reviewed: 1, agenda: "退院支援の事例\n次回の予定", total: 10 });
    const audit = db().prepare("SELECT action, entity_type FROM audit_logs WHERE entity_id = ?").all(stored.id);
    expect(audit).toEqual([{ action: "create", entity_type: "meeting" }]);

    // The detail page shows the grid; the copy link opens the form with everything but the date.
    await row.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("attendance-table")).toContainText("10");
    await page.getByRole("link", { name: "コピーして記録" }).click();
    await expect(field(page, "会議名")).toHaveValue(title);
    await expect(page.getByTestId("attendance-total")).toHaveText("合計 10人");
  });
});

test.describe("two people editing one meeting", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("the later save writes nothing and says what the other person changed", async ({ page, browser }) => {
    const id = `mt-e2e-${randomBytes(6).toString("hex")}`;
    const title = unique("E2E 連絡会");
    const now = new Date().toISOString();
    const coord = (db().prepare("SELECT id FROM users WHERE username = 'bizen.coord'").get() as { id: string }).id;
    db()
      .prepare(
        `INSERT INTO meetings (id, prefecture_code, office_id, kind, region_id, date, title, targets_reviewed, advisor_dispatched, version, created_by, created_at, updated_by, updated_at)
         VALUES (?, '33', '33-bizen', 'other', '33-bizen', '2024-05-01', ?, 0, 0, 1, ?, ?, ?, ?)`,
      )
      .run(id, title, coord, now, coord, now);

    await page.goto(`/activities/meetings/${id}/edit`);
    const supervisor = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
    const other = await supervisor.newPage();
    await other.goto(`/activities/meetings/${id}/edit`);
    await field(other, "会議名").fill(`${title} 改`);
    await other.getByRole("button", { name: "保存する" }).click();
    await other.waitForURL((url) => url.pathname === `/activities/meetings/${id}`);
    await supervisor.close();

    await field(page, "会場").fill("別の会場");
    await page.getByRole("button", { name: "保存する" }).click();
    const alert = formAlert(page).first();
    await expect(alert).toContainText("他の人が先に保存しました");
    await expect(alert).toContainText(`会議名：現在の値は「${title} 改」です。`);
    await expect(field(page, "会場")).toHaveValue("別の会場");
    expect(db().prepare("SELECT title, venue, version FROM meetings WHERE id = ?").get(id)).toEqual({ title: `${title} 改`, venue: null, version: 2 });
  });
});

test.describe("the prefecture", () => {
  test.use({ storageState: storageStateOf("okayama.pref") });

  test("records a prefecture-wide training", async ({ page }) => {
    const title = unique("E2E 人材育成研修（県全域）");
    await page.goto("/activities/trainings/new");
    await field(page, "研修の種別").selectOption({ label: "人材育成研修" });
    await field(page, "対象範囲").selectOption({ label: "県全域" });
    await field(page, "開催日").fill("2024/9/20");
    await field(page, "研修名").fill(title);
    await field(page, "看護師").fill("12");
    await field(page, "保健師").fill("8");
    await field(page, "ピアサポーター").fill("2");
    await expect(page.getByTestId("professions-total")).toHaveText("合計 22人");
    await page.getByRole("button", { name: "保存する" }).click();

    await page.waitForURL((url) => url.pathname === "/activities/trainings" && url.searchParams.get("fy") === "2024");
    await expect(page.getByTestId("training-sentences")).toContainText(/人材育成研修：\d+回開催（県全域\d+回/);
    await page.getByLabel("名称で検索").fill(title);
    await page.getByRole("button", { name: "絞り込む" }).click();
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("県全域");
    await expect(row).toContainText("県（本庁）");
    await expect(row).toContainText("22人");
    const stored = db().prepare("SELECT office_id, scope, kind FROM training_events WHERE title = ?").get(title);
    expect(stored).toEqual({ office_id: null, scope: "prefecture", kind: "jinzai_ikusei" });
  });

  test("saves the municipal 協議の場 table for a year, copied from the previous year", async ({ page }) => {
    await page.goto("/activities/kyogi/status?fy=2025");
    await page.getByRole("link", { name: "前年度（令和6年度）の内容をコピー" }).click();
    await expect(page.getByText("前年度（令和6年度）の内容を読み込みました。")).toBeVisible();
    await expect(page.getByTestId("status-live")).toHaveText("設置あり 27 / 27 市町村");

    // A municipality without a 協議の場 cannot keep a form: both problems are named at once.
    await page.getByLabel("西粟倉村：設置あり").uncheck();
    await expect(page.getByTestId("status-live")).toHaveText("設置あり 26 / 27 市町村");
    await page.getByLabel("新庄村：設置形態").selectOption("");
    await page.getByRole("button", { name: "この表を保存する" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
    await expect(summary).toContainText("西粟倉村：設置形態や設置日があります。");
    await expect(summary).toContainText("新庄村：設置ありの市町村は設置形態を選んでください。");
    await expect(page.getByLabel("新庄村：設置形態")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("新庄村：設置形態")).toHaveAccessibleDescription("設置ありの市町村は設置形態を選んでください。");

    await page.getByLabel("西粟倉村：設置形態").selectOption("");
    await page.getByLabel("西粟倉村：設置日").fill("");
    await page.getByLabel("西粟倉村：年間開催回数").fill("0");
    await page.getByLabel("西粟倉村：備考").fill("E2E 休止中");
    await page.getByLabel("新庄村：設置形態").selectOption({ label: "単独設置" });
    await page.getByRole("button", { name: "この表を保存する" }).click();
    await page.waitForURL((url) => url.pathname === "/activities/kyogi" && url.searchParams.get("fy") === "2025");
    await expect(page.getByText(/表を保存しました。|変更はありませんでした。/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "令和7年度の設置状況" })).toBeVisible();
    await expect(page.locator("dl").filter({ hasText: "協議の場のある市町村" })).toContainText("26 / 27");
    const row = db().prepare(`SELECT "exists" AS e, form, note FROM municipal_kyogi_status WHERE municipality_code = '336432' AND fiscal_year = 2025`).get();
    expect(row).toEqual({ e: 0, form: null, note: "E2E 休止中" });
    expect(db().prepare(`SELECT count(*) AS n FROM municipal_kyogi_status WHERE prefecture_code = '33' AND fiscal_year = 2025 AND "exists" = 1`).get()).toEqual({ n: 26 });
  });
});

test.describe("out of reach", () => {
  test.use({ storageState: storageStateOf("tobi.coord") });

  test("a coordinator of another office gets the 404 on a meeting's edit URL", async ({ page }) => {
    const bizen = db().prepare("SELECT id FROM meetings WHERE office_id = '33-bizen' ORDER BY id LIMIT 1").get() as { id: string };
    for (const path of [`/activities/meetings/${bizen.id}/edit`, `/activities/meetings/${bizen.id}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
    }
    // The prefecture's own meetings are readable but not editable for an office.
    const prefecture = db().prepare("SELECT id FROM meetings WHERE office_id IS NULL AND prefecture_code = '33' ORDER BY id LIMIT 1").get() as { id: string };
    expect((await page.goto(`/activities/meetings/${prefecture.id}`))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "編集" })).toHaveCount(0);
    expect((await page.goto(`/activities/meetings/${prefecture.id}/edit`))?.status()).toBe(404);
    // Another prefecture's meeting does not exist for this coordinator either.
    const yamaguchi = db().prepare("SELECT id FROM meetings WHERE prefecture_code = '35' ORDER BY id LIMIT 1").get() as { id: string };
    expect((await page.goto(`/activities/meetings/${yamaguchi.id}`))?.status()).toBe(404);
  });
});

test.describe("accessibility", () => {
  test.describe("as the prefecture", () => {
    test.use({ storageState: storageStateOf("okayama.pref") });
    test("every sub-page has no serious axe violation", async ({ page }) => {
      test.slow();
      const meeting = db().prepare("SELECT id FROM meetings WHERE office_id IS NULL AND prefecture_code = '33' ORDER BY id LIMIT 1").get() as { id: string };
      for (const path of [
        "/activities",
        "/activities/meetings?fy=2021",
        "/activities/meetings/new",
        `/activities/meetings/${meeting.id}`,
        "/activities/kyogi?fy=2021",
        "/activities/kyogi/status?fy=2021",
        "/activities/kyogi/bodies/new",
        "/activities/trainings?fy=2021",
        "/activities/trainings/new",
        "/activities/events?fy=2021",
        "/activities/events/new",
        "/activities/monthly?fy=2021",
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousA11yViolations(page, path);
      }
    });
  });

  test.describe("as a coordinator", () => {
    test.use({ storageState: storageStateOf("bizen.coord") });
    test("the read-only and office views have no serious axe violation", async ({ page }) => {
      const training = db().prepare("SELECT id FROM training_events WHERE office_id = '33-bizen' ORDER BY id LIMIT 1").get() as { id: string };
      for (const path of ["/activities/kyogi", "/activities/monthly?fy=2021", `/activities/trainings/${training.id}`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousA11yViolations(page, path);
      }
    });
  });

  test.describe("in 山口県", () => {
    test.use({ storageState: storageStateOf("yamaguchi.pref") });
    test("the monthly page explains why it is empty", async ({ page }) => {
      await page.goto("/activities/monthly");
      await expect(page.getByText("この県では電話相談・ホステルの月報を記録していません")).toBeVisible();
      await expectNoSeriousA11yViolations(page, "the empty monthly page");
    });
  });
});
