import { expect, test, type Page } from "@playwright/test";
import { formAlert, signIn, storageStateOf, submitSignIn } from "./fixtures/auth";
import { approvePending, requestRow, signInAndChangeOneTimePassword } from "./fixtures/approvals";
import { completeSecondStep } from "./fixtures/second-factor";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createTestCase, createTestUser, db, findUser, uniqueUsername } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * Separation of duties (ADR 0039): an admin must never reach case contents, so an admin-set password
 * is one-time, and whatever lets an account read cases waits for a supervisor of the office (or a
 * second admin). Each test makes its own accounts.
 */

test.use({ storageState: storageStateOf("okayama.admin") });

const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };
const INVALID = "ユーザー名またはパスワードが正しくありません。";

function pendingRequest(userId: string) {
  return db().prepare("SELECT id, kind, password_hash FROM account_change_requests WHERE user_id = ? AND status = 'pending'").get(userId) as
    | { id: string; kind: string; password_hash: string | null }
    | undefined;
}

function mustChange(username: string): number {
  return (db().prepare("SELECT must_change_password AS m FROM users WHERE username = ?").get(username) as { m: number }).m;
}

/** Create a 備前 coordinator through the admin's form; returns to the new account's page. */
async function createCoordinator(page: Page, username: string, displayName: string, password: string): Promise<void> {
  await page.goto("/admin/users/new");
  await page.getByRole("textbox", { name: "ユーザー名" }).fill(username);
  await page.getByRole("textbox", { name: "氏名" }).fill(displayName);
  await page.getByRole("combobox", { name: "役割" }).selectOption("coordinator");
  await page.getByRole("checkbox", { name: "備前保健所", exact: true }).check();
  await page.getByLabel("初期パスワード").fill(password);
  await page.getByRole("button", { name: "作成する" }).click();
  await page.waitForURL((url) => /^\/admin\/users\/[0-9A-HJKMNP-TV-Z]{26}$/.test(url.pathname));
}

test("an admin-set password cannot reach a case before the holder changes it and a supervisor approves", async ({ page, browser }) => {
  test.setTimeout(120_000); // three people, two sign-ins each
  const c = createTestCase({ office: "bizen" });
  const username = uniqueUsername("sod");
  const displayName = `分離 ${username.slice(-5)}`;
  const oneTime = `Hinoki-71-${username.slice(-6)}!`;
  const own = `Sazanami-52-${username.slice(-6)}!`;

  await createCoordinator(page, username, displayName, oneTime);
  await expect(page.getByRole("status").filter({ hasText: "担当の保健所の監督者か別の管理者が承認するまで" })).toBeVisible();
  await expect(page.getByText("承認待ち: アカウントの作成")).toBeVisible();
  await expect(page.getByText("初回のパスワード変更待ち")).toBeVisible();
  expect(findUser(username)).toMatchObject({ active: 0 });
  expect(mustChange(username)).toBe(1);
  // The admin cannot approve their own request: no button, and the reason why.
  await page.goto("/approvals");
  await expect(requestRow(page, username)).toContainText("あなたの依頼です。別の人が承認します。");
  await expect(requestRow(page, username).getByRole("button", { name: /^承認する/ })).toHaveCount(0);

  const theirs = await browser.newContext(SIGNED_OUT);
  try {
    const their = await theirs.newPage();
    // 1. Not approved: the account cannot sign in, let alone open the case.
    await submitSignIn(their, username, oneTime);
    await expect(formAlert(their)).toHaveText(INVALID);
    const direct = await their.goto(`/cases/${c.id}`);
    expect(new URL(direct!.url()).pathname).toBe("/login");

    // 2. The office's supervisor sees who asked what, for whom, and approves.
    const sup = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
    try {
      const supPage = await sup.newPage();
      await supPage.goto("/approvals");
      const row = requestRow(supPage, username);
      await expect(row).toContainText("アカウントの作成");
      await expect(row).toContainText("依頼された役割: 地域移行推進員・コーディネーター（備前保健所）");
      await expect(row).toContainText(displayName);
      await expect(row).toContainText("岡山 管理子");
    } finally {
      await sup.close();
    }
    await approvePending(browser, username, "bizen.sup");
    expect(findUser(username)).toMatchObject({ active: 1 });

    // 3. Approved, but the password is still the admin's: every page, the case included, sends the
    //    holder to change it, and the case's contents never show.
    await submitSignIn(their, username, oneTime);
    await completeSecondStep(their, username); // the holder enrols the second factor (ADR 0037)
    await their.waitForURL((url) => url.pathname === "/change-password");
    await expect(their.getByText("このパスワードは管理者が設定したもので、一度しか使えません。")).toBeVisible();
    await expectNoSeriousA11yViolations(their, "/change-password");
    for (const path of [`/cases/${c.id}`, "/cases", "/", "/account"]) {
      await their.goto(path);
      await expect(their, path).toHaveURL((url) => url.pathname === "/change-password");
      await expect(their.locator("body")).not.toContainText(c.name);
    }
    // The same password again is refused.
    await their.getByLabel("現在のパスワード").fill(oneTime);
    await their.getByLabel("新しいパスワード").first().fill(oneTime);
    await their.getByLabel("新しいパスワード（確認）").fill(oneTime);
    await their.getByRole("button", { name: "変更する" }).click();
    await expect(their.locator("#field-password-error")).toHaveText("エラー：現在と異なるパスワードにしてください。");
    expect(mustChange(username)).toBe(1);

    // 4. Changed by its holder: now, and only now, the office's case opens.
    await signInAndChangeOneTimePassword(their, username, oneTime, own);
    expect(mustChange(username)).toBe(0);
    const opened = await their.goto(`/cases/${c.id}`);
    expect(opened?.status()).toBe(200);
    await expect(their.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
  } finally {
    await theirs.close();
  }

  // Both steps are audited.
  const actions = db()
    .prepare("SELECT action, actor_username AS who FROM audit_logs WHERE entity_type = 'account_change' AND json_extract(detail, '$.userId') = ? ORDER BY rowid")
    .all(findUser(username)!.id) as { action: string; who: string }[];
  expect(actions).toEqual([
    { action: "create", who: "okayama.admin" },
    { action: "update", who: "bizen.sup" },
  ]);
});

test("a password reset: the old password keeps working and the new one does not until a supervisor approves", async ({ page, browser }) => {
  const user = await createTestUser({ offices: ["bizen"] });
  const newPassword = `Kaede-83-${user.username.slice(-6)}!`;
  const own = `Mizuki-47-${user.username.slice(-6)}!`;
  const theirs = await browser.newContext(SIGNED_OUT);
  try {
    const their = await theirs.newPage();
    await signIn(their, user.username, user.password);

    await page.goto(`/admin/users/${user.id}`);
    await page.getByRole("button", { name: "パスワードを再設定" }).click();
    const dialog = page.getByRole("dialog", { name: "パスワードを再設定します" });
    await dialog.getByLabel("新しいパスワード").first().fill(newPassword);
    await dialog.getByLabel("新しいパスワード（確認）").fill(newPassword);
    await dialog.getByRole("button", { name: "実行する" }).click();
    await expect(page.getByRole("status").filter({ hasText: "承認されるまでは元のパスワードが有効です" })).toBeVisible();
    await expect(page.getByText("承認待ち: パスワードの再設定")).toBeVisible();
    // Only the hash waits in the request.
    const request = pendingRequest(user.id)!;
    expect(request.kind).toBe("password_reset");
    expect(request.password_hash).toMatch(/^\$argon2id\$/);

    // Their session goes on; the new password does not work yet, the old one does.
    await their.goto("/offices");
    await expect(their.getByRole("heading", { level: 1 })).toHaveText("保健所・支所");
    const other = await browser.newContext(SIGNED_OUT);
    try {
      const probe = await other.newPage();
      await submitSignIn(probe, user.username, newPassword);
      await expect(formAlert(probe)).toHaveText(INVALID);
      await signIn(probe, user.username, user.password);
    } finally {
      await other.close();
    }

    const versionBefore = findUser(user.username)!.session_version;
    await approvePending(browser, user.username, "bizen.sup");
    expect(findUser(user.username)?.session_version).toBe(versionBefore + 1);
    expect(pendingRequest(user.id)).toBeUndefined();

    // Now their session has ended, the old password is refused, and the new one is one-time.
    await their.goto("/offices");
    await expect(their).toHaveURL((url) => url.pathname === "/login");
    await submitSignIn(their, user.username, user.password);
    await expect(formAlert(their)).toHaveText(INVALID);
    await signInAndChangeOneTimePassword(their, user.username, newPassword, own);
  } finally {
    await theirs.close();
  }
});

test("an office granted waits; a rejection needs a reason and is shown to the admin", async ({ page, browser }) => {
  const user = await createTestUser({ offices: ["bizen"] });
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("checkbox", { name: "備前保健所東備支所", exact: true }).check();
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "役割・担当の変更は、承認されると反映されます。" })).toBeVisible();
  await expect(page.getByText("承認待ち: 役割・担当の変更")).toBeVisible();
  // Still one office only.
  expect(db().prepare("SELECT count(*) AS n FROM user_offices WHERE user_id = ?").get(user.id)).toEqual({ n: 1 });

  const sup = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  try {
    const supPage = await sup.newPage();
    await supPage.goto("/approvals");
    const row = requestRow(supPage, user.username);
    await expect(row).toContainText("依頼された役割: 地域移行推進員・コーディネーター（備前保健所、備前保健所東備支所）");
    await expectNoSeriousA11yViolations(supPage, "/approvals");
    await row.getByRole("button", { name: /^却下する: / }).click();
    const dialog = supPage.getByRole("dialog", { name: "この依頼を却下しますか？" });
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(supPage, "/approvals reject dialog");
    await dialog.getByRole("button", { name: "却下する" }).click();
    await expect(dialog.getByText("却下の理由を入力してください。")).toBeVisible();
    await dialog.getByRole("textbox", { name: "却下の理由" }).fill("東備支所の担当は来月からのため");
    await dialog.getByRole("button", { name: "却下する" }).click();
    await expect(supPage.getByRole("status").filter({ hasText: "依頼を却下しました。" })).toBeVisible();
    const recent = supPage.getByRole("table", { name: "最近決定した依頼の一覧" }).getByRole("row").filter({ hasText: user.username });
    await expect(recent).toContainText("却下");
    await expect(recent).toContainText("理由: 東備支所の担当は来月からのため");
  } finally {
    await sup.close();
  }
  expect(db().prepare("SELECT count(*) AS n FROM user_offices WHERE user_id = ?").get(user.id)).toEqual({ n: 1 });
  await page.reload();
  await expect(page.getByText("理由: 東備支所の担当は来月からのため")).toBeVisible();
  await expect(page.getByText(/^承認待ち:/)).toHaveCount(0);
});

test("a supervisor of another office does not see the request; prefecture staff and coordinators have no approvals page", async ({ page, browser }) => {
  const user = await createTestUser({ offices: ["bizen"] });
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("checkbox", { name: "備前保健所東備支所", exact: true }).check();
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("承認待ち: 役割・担当の変更")).toBeVisible();

  const other = await browser.newContext(SIGNED_OUT);
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, "bitchu.sup");
    await otherPage.goto("/approvals");
    await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("アカウント変更の承認");
    await expect(otherPage.locator("main")).not.toContainText(user.username);
  } finally {
    await other.close();
  }
  for (const username of ["okayama.pref", "bizen.coord"]) {
    const ctx = await browser.newContext({ storageState: storageStateOf(username) });
    try {
      const p = await ctx.newPage();
      const response = await p.goto("/approvals");
      expect(response?.status(), username).toBe(404);
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
      await expect(p.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "承認" })).toHaveCount(0);
    } finally {
      await ctx.close();
    }
  }
});
