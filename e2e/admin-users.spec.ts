import { expect, test, type Page } from "@playwright/test";
import { formAlert, signIn, storageStateOf } from "./fixtures/auth";
import { approvePending, signInAndChangeOneTimePassword } from "./fixtures/approvals";
import { createTestUser, findUser, isLockedInDb, lockUsername, uniqueUsername } from "./fixtures/db";

test.use({ storageState: storageStateOf("okayama.admin") });

const COORDINATOR = "地域移行推進員・コーディネーター";
/** Both pages are the same admin: the answer says the user's own other tab saved first. */
const CONFLICT = /^別のタブまたは画面で、あなた自身が先に保存しました/;
/** browser.newContext() inherits this file's storageState; a second user starts from none. */
const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

/** The create form's fields, by their labels. */
function form(page: Page) {
  return {
    username: page.getByRole("textbox", { name: "ユーザー名" }),
    displayName: page.getByRole("textbox", { name: "氏名" }),
    role: page.getByRole("combobox", { name: "役割" }),
    office: (name: string) => page.getByRole("checkbox", { name, exact: true }),
    password: page.getByLabel("初期パスワード"),
    create: page.getByRole("button", { name: "作成する" }),
  };
}

/** The field error shown under a control (TextField/SelectField render it as <id>-error). */
function fieldError(page: Page, field: string) {
  return page.locator(`#field-${field}-error`);
}

async function expectNotListed(page: Page, query: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(query)}`);
  await expect(page.getByText("条件に合うユーザーはいません")).toBeVisible();
  await expect(page.getByRole("table", { name: "ユーザーの一覧" })).toHaveCount(0);
}

test("bad input shows Japanese field errors, keeps the values and creates nothing", async ({ page }) => {
  const tag = uniqueUsername("bad").replace(/^bad\./, "");
  await page.goto("/admin/users/new");
  const f = form(page);
  await f.username.fill(`Bad Name${tag}`);
  await f.displayName.fill("");
  await f.role.selectOption({ label: COORDINATOR });
  await f.password.fill("abcde");
  await f.create.click();

  await expect(formAlert(page)).toHaveText("入力内容を確認してください。");
  await expect(fieldError(page, "username")).toHaveText("エラー：ユーザー名は半角英小文字・数字と . _ - だけで入力してください。");
  await expect(fieldError(page, "displayName")).toHaveText("エラー：氏名を入力してください。");
  await expect(fieldError(page, "officeIds")).toHaveText("エラー：この役割では担当する保健所・支所を1か所以上選んでください。");
  await expect(fieldError(page, "password")).toHaveText("エラー：パスワードは13文字以上128文字以内で入力してください。");
  // Each field is marked invalid and points at its message.
  await expect(f.username).toHaveAttribute("aria-invalid", "true");
  await expect(f.username).toHaveAccessibleDescription(/ユーザー名は半角英小文字/);
  await expect(f.displayName).toHaveAttribute("aria-invalid", "true");

  // What was typed survives (the password is never sent back).
  await expect(page).toHaveURL((url) => url.pathname === "/admin/users/new");
  await expect(f.username).toHaveValue(`Bad Name${tag}`);
  await expect(f.role).toHaveValue("coordinator");
  await expect(f.password).toHaveValue("");

  await expectNotListed(page, tag);
});

test("one bad field keeps every other typed value, office choice included", async ({ page }) => {
  const tag = uniqueUsername("keep").replace(/^keep\./, "");
  await page.goto("/admin/users/new");
  const f = form(page);
  await f.username.fill(`has space ${tag}`);
  await f.displayName.fill(`確認 ${tag}`);
  await f.role.selectOption("coordinator");
  await f.office("備前保健所").check();
  await f.password.fill("a-long-enough-password-7");
  await f.create.click();

  await expect(fieldError(page, "username")).toBeVisible();
  await expect(fieldError(page, "displayName")).toHaveCount(0);
  await expect(fieldError(page, "officeIds")).toHaveCount(0);
  await expect(fieldError(page, "password")).toHaveCount(0);
  await expect(f.username).toHaveValue(`has space ${tag}`);
  await expect(f.displayName).toHaveValue(`確認 ${tag}`);
  await expect(f.role).toHaveValue("coordinator");
  await expect(f.office("備前保健所")).toBeChecked();
  await expect(f.office("備前保健所東備支所")).not.toBeChecked();

  await expectNotListed(page, tag);
});

test("a weak password is refused with its own reason and creates nothing; the hint states the rule", async ({ page }) => {
  const username = uniqueUsername("weak");
  await page.goto("/admin/users/new");
  const f = form(page);
  await expect(f.password).toHaveAccessibleDescription(/13〜128文字で、英字・数字・記号をすべて含めます/);
  await f.username.fill(username);
  await f.displayName.fill("弱い 試験");
  await f.role.selectOption("coordinator");
  await f.office("備前保健所").check();
  const cases: [string, string][] = [
    [" ".repeat(14), "エラー：空白だけのパスワードは使えません。"],
    ["abcdefghijklmn", "エラー：英字・数字・記号をそれぞれ1文字以上含めてください。"],
    [`${username}-2027!`, "エラー：ユーザー名を含むパスワードは使えません。"],
    ["tsunagu-demo-2026", "エラー：デモ用のパスワードは使えません。別のパスワードにしてください。"],
    ["Tsunagu-2027-go!", "エラー：システム名（つなぐ・tsunagu）を含むパスワードは使えません。"],
    ["Okayama-2027-go!", "エラー：都道府県・保健所・支所の名前を含むパスワードは使えません。"],
    ["Password-2026!", "エラー：よく使われる推測されやすいパスワードです。別のパスワードにしてください。"],
  ];
  for (const [password, message] of cases) {
    await f.password.fill(password);
    await f.create.click();
    await expect(fieldError(page, "password")).toHaveText(message);
  }
  expect(findUser(username)).toBeUndefined();
});

test("a prefecture-staff account may not be given an office", async ({ page }) => {
  await page.goto("/admin/users/new");
  const f = form(page);
  const username = uniqueUsername("pref");
  await f.username.fill(username);
  await f.displayName.fill("県 試験");
  await f.role.selectOption({ label: "県 担当者" });
  await f.office("美作保健所").check();
  await f.password.fill("a-long-enough-password-7");
  await f.create.click();
  await expect(fieldError(page, "officeIds")).toHaveText(/県担当者と管理者には保健所・支所を割り当てません/);
  expect(findUser(username)).toBeUndefined();
});

test("a valid user is created and, once a supervisor approves and its holder changes the password, can sign in", async ({ page, browser }) => {
  const username = uniqueUsername("new");
  const password = `Kirin-7-yokan-${username.slice(-5)}`;
  const displayName = `新規 ${username.slice(-5)}`;
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "ユーザーを追加" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/users/new");

  const f = form(page);
  await f.username.fill(username);
  await f.displayName.fill(displayName);
  await f.role.selectOption({ label: COORDINATOR });
  await f.office("備前保健所").check();
  await f.password.fill(password);
  await f.create.click();

  await page.waitForURL((url) => /^\/admin\/users\/[0-9A-HJKMNP-TV-Z]{26}$/.test(url.pathname));
  await expect(page.getByRole("status").filter({ hasText: "ユーザーを作成しました。" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${displayName}（${username}）`);
  // A coordinator reads cases: the account waits for approval (ADR 0039).
  const row = findUser(username);
  expect(row).toMatchObject({ display_name: displayName, role: "coordinator", prefecture_code: "33", active: 0 });
  expect(page.url()).toContain(row!.id);

  await page.goto(`/admin/users?q=${username}`);
  await expect(page.getByRole("table", { name: "ユーザーの一覧" }).getByRole("row", { name: new RegExp(username) })).toContainText("備前保健所");

  await approvePending(browser, username, "bizen.sup");
  expect(findUser(username)).toMatchObject({ active: 1 });

  const other = await browser.newContext(SIGNED_OUT);
  try {
    const newUserPage = await other.newPage();
    await signInAndChangeOneTimePassword(newUserPage, username, password, `${password}-own`);
    await expect(newUserPage.getByTestId("signed-in-as")).toHaveText(`${displayName}（${COORDINATOR}）としてサインイン中`);
    await expect(newUserPage.getByTestId("home-scope").getByRole("link")).toHaveText(["備前保健所"]);
  } finally {
    await other.close();
  }
});

test("a taken username is refused", async ({ page }) => {
  await page.goto("/admin/users/new");
  const f = form(page);
  await f.username.fill("BIZEN.COORD"); // normalised to the existing bizen.coord
  await f.displayName.fill("重複 試験");
  await f.role.selectOption("coordinator");
  await f.office("備前保健所").check();
  await f.password.fill("a-long-enough-password-7");
  await f.create.click();
  await expect(fieldError(page, "username")).toHaveText("エラー：このユーザー名は既に使われています。別の名前にしてください。");
  expect(findUser("bizen.coord")?.display_name).toBe("備前 つなぎ");
});

test("of two concurrent edits the second gets the conflict message and does not overwrite", async ({ page, context }) => {
  const user = await createTestUser({ displayName: "編集 前" });
  const first = page;
  const second = await context.newPage();
  await first.goto(`/admin/users/${user.id}`);
  await second.goto(`/admin/users/${user.id}`);

  await first.getByRole("textbox", { name: "氏名" }).fill("編集 一人目");
  await first.getByRole("button", { name: "保存する" }).click();
  await expect(first.getByRole("status").filter({ hasText: "変更を保存しました。" })).toBeVisible();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(`編集 一人目（${user.username}）`);
  expect(findUser(user.username)).toMatchObject({ display_name: "編集 一人目", version: 2 });

  await second.getByRole("textbox", { name: "氏名" }).fill("編集 二人目");
  await second.getByRole("button", { name: "保存する" }).click();
  await expect(formAlert(second)).toHaveText(CONFLICT);
  // It names what the other person saved.
  await expect(formAlert(second)).toContainText("氏名：現在の値は「編集 一人目」です。");
  await expect(second).toHaveURL((url) => url.pathname === `/admin/users/${user.id}`);
  // The second person's typing is not lost either.
  await expect(second.getByRole("textbox", { name: "氏名" })).toHaveValue("編集 二人目");

  expect(findUser(user.username)).toMatchObject({ display_name: "編集 一人目", version: 2 });
  await second.reload();
  await expect(second.getByRole("textbox", { name: "氏名" })).toHaveValue("編集 一人目");
});

test("deactivating a signed-in user ends their session at once", async ({ page, browser }) => {
  const user = await createTestUser();
  const theirs = await browser.newContext(SIGNED_OUT);
  try {
    const theirPage = await theirs.newPage();
    await signIn(theirPage, user.username, user.password);
    await theirPage.goto("/offices");
    await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("保健所・支所");

    await page.goto(`/admin/users/${user.id}`);
    await page.getByRole("button", { name: "利用を停止する" }).click();
    const dialog = page.getByRole("dialog", { name: "このユーザーの利用を停止しますか？" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${user.displayName}（${user.username}）はすぐにサインアウトされ`);
    await dialog.getByRole("button", { name: "実行する" }).click();
    await expect(page.getByRole("status").filter({ hasText: "利用を停止しました。" })).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "利用を再開する" })).toBeVisible();
    // 1 at creation, 2 once the second factor was enrolled at sign-in, 3 on deactivation.
    expect(findUser(user.username)).toMatchObject({ active: 0, session_version: 3 });

    // Their very next navigation lands on the sign-in page.
    await theirPage.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "ホーム" }).click();
    await theirPage.waitForURL((url) => url.pathname === "/login");
    await expect(theirPage.getByText("セッションが終了しました。もう一度サインインしてください。")).toBeVisible();
    const direct = await theirPage.goto("/offices/33-bizen");
    expect(new URL(direct!.url()).pathname).toBe("/login");

    // And they cannot sign in again: the generic message, as for any refused sign-in.
    await theirPage.getByRole("textbox", { name: "ユーザー名" }).fill(user.username);
    await theirPage.getByLabel("パスワード").fill(user.password);
    await theirPage.getByRole("button", { name: "サインイン", exact: true }).click();
    await expect(formAlert(theirPage)).toHaveText("ユーザー名またはパスワードが正しくありません。");
  } finally {
    await theirs.close();
  }
});

test("unlock and password reset: the user gets back in, and an approved reset ends their sessions", async ({ page, browser }) => {
  const user = await createTestUser();
  lockUsername(user.username);

  await page.goto(`/admin/users/${user.id}`);
  await expect(page.getByText(/^ロック中（.+まで）$/)).toBeVisible();
  await page.getByRole("button", { name: "ロックを解除" }).click();
  await expect(page.getByRole("status").filter({ hasText: "ロックを解除しました。" })).toBeVisible();
  await expect(page.getByRole("button", { name: "ロックを解除" })).toHaveCount(0);
  expect(isLockedInDb(user.username)).toBe(false);

  const theirs = await browser.newContext(SIGNED_OUT);
  try {
    const theirPage = await theirs.newPage();
    await signIn(theirPage, user.username, user.password);

    const newPassword = `reset-${user.password}`;
    await page.getByRole("button", { name: "パスワードを再設定" }).click();
    const dialog = page.getByRole("dialog", { name: "パスワードを再設定します" });
    await dialog.getByLabel("新しいパスワード").first().fill(newPassword);
    await dialog.getByLabel("新しいパスワード（確認）").fill(`${newPassword}-typo`);
    await dialog.getByRole("button", { name: "実行する" }).click();
    await expect(dialog.getByText("確認用のパスワードが一致しません。同じものを入力してください。")).toBeVisible();
    const versionBefore = findUser(user.username)!.session_version;

    await dialog.getByLabel("新しいパスワード").first().fill(newPassword);
    await dialog.getByLabel("新しいパスワード（確認）").fill(newPassword);
    await dialog.getByRole("button", { name: "実行する" }).click();
    await expect(page.getByRole("status").filter({ hasText: "パスワードの再設定を依頼しました。" })).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    // A coordinator's reset waits for the office's supervisor (ADR 0039): nothing changes until approved.
    expect(findUser(user.username)?.session_version).toBe(versionBefore);
    await approvePending(browser, user.username, "bizen.sup");
    expect(findUser(user.username)?.session_version).toBe(versionBefore + 1);

    // Their open session has ended; the old password no longer works, the new one does (once, to change it).
    await theirPage.goto("/account");
    await expect(theirPage).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("reason") === "ended");
    await theirPage.getByRole("textbox", { name: "ユーザー名" }).fill(user.username);
    await theirPage.getByLabel("パスワード").fill(user.password);
    await theirPage.getByRole("button", { name: "サインイン", exact: true }).click();
    await expect(formAlert(theirPage)).toHaveText("ユーザー名またはパスワードが正しくありません。");
    await signInAndChangeOneTimePassword(theirPage, user.username, newPassword, `own-${newPassword}-9`);
  } finally {
    await theirs.close();
  }
});

test("the session cookie expires about 30 minutes ahead, and slides with each request", async ({ page, context }) => {
  const expiryInMinutes = async () => {
    const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie, "session cookie").toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
    return (cookie!.expires - Date.now() / 1000) / 60;
  };

  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const minutes = await expiryInMinutes();
  expect(minutes).toBeGreaterThan(28);
  expect(minutes).toBeLessThanOrEqual(30.5);

  // Pretend the cookie is about to lapse: one more request pushes it back to 30 minutes. The page is
  // left first: its links' prefetches are requests too and would slide the cookie under the check.
  await page.goto("about:blank");
  const cookie = (await context.cookies()).find((c) => c.name === "authjs.session-token")!;
  await context.addCookies([{ ...cookie, expires: Math.floor(Date.now() / 1000) + 120 }]);
  expect(await expiryInMinutes()).toBeLessThan(3);
  await page.goto("/offices");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("保健所・支所");
  const slid = await expiryInMinutes();
  expect(slid).toBeGreaterThan(29);
  expect(slid).toBeLessThanOrEqual(30.5);
});
