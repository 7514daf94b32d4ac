import { expect, test } from "@playwright/test";
import { formAlert, signIn, storageStateOf, submitSignIn } from "./fixtures/auth";
import { db, findUser, uniqueUsername } from "./fixtures/db";
import { approvePending, signInAndChangeOneTimePassword } from "./fixtures/approvals";
import { confirmEnrolment, enrolledSecret, markStepUsed, totpCode } from "./fixtures/second-factor";

/** browser.newContext() inherits this file's storageState; the new user starts from none. */
const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

test.use({ storageState: storageStateOf("okayama.admin") });

test("a new account enrols at first sign-in; then code, replay refused, recovery code once", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // The admin creates the account (ADR 0037: every account but the demo ones enrols).
  const username = uniqueUsername("twofa");
  const password = `Kirin-7-yokan-${username.slice(-5)}`;
  await page.goto("/admin/users/new");
  await page.getByRole("textbox", { name: "ユーザー名" }).fill(username);
  await page.getByRole("textbox", { name: "氏名" }).fill(`二要素 ${username.slice(-5)}`);
  await page.getByRole("combobox", { name: "役割" }).selectOption("coordinator");
  await page.getByRole("checkbox", { name: "備前保健所", exact: true }).check();
  await page.getByLabel("初期パスワード").fill(password);
  await page.getByRole("button", { name: "作成する" }).click();
  await page.waitForURL((url) => /^\/admin\/users\/[0-9A-Z]{26}$/.test(url.pathname));
  const userId = findUser(username)!.id;
  // A coordinator's account opens once the office's supervisor approves it (ADR 0039).
  await approvePending(browser, username, "bizen.sup");
  const own = `Suzume-5-mochi-${username.slice(-5)}`;

  const context = await browser.newContext(SIGNED_OUT);
  try {
    const p = await context.newPage();
    // The password alone gives no page: the sign-in stops at enrolment, and the app stays closed.
    await p.goto("/login");
    await expect(p.getByTestId("demo-banner")).toHaveText(/デモデータ/);
    await submitSignIn(p, username, password);
    await p.waitForURL((url) => url.pathname === "/login/enrol");
    await p.goto("/cases");
    await p.waitForURL((url) => url.pathname === "/login");
    await p.goto("/login/enrol");
    await expect(p.getByRole("heading", { name: "二要素認証の設定" })).toBeVisible();
    await expect(p.getByRole("img", { name: "認証アプリに読み込ませるQRコード" })).toBeVisible();

    // Enrol: a code from the key shown, then ten recovery codes shown once.
    const codes = await confirmEnrolment(p, username);
    expect(codes).toHaveLength(10);
    await p.getByRole("button", { name: "控えたので続ける" }).click();
    // The admin's password is one-time (ADR 0039): replaced by its holder before anything else.
    await p.waitForURL((url) => url.pathname === "/change-password");
    await expect(p.getByTestId("demo-banner")).toBeVisible();
    await signInAndChangeOneTimePassword(p, username, password, own);
    await expect(p.getByTestId("signed-in-as")).toBeVisible();
    const stored = db().prepare("SELECT secret_enc, confirmed_at FROM second_factors WHERE user_id = ?").get(userId) as { secret_enc: string; confirmed_at: string };
    expect(stored.confirmed_at).toBeTruthy();
    expect(stored.secret_enc).not.toContain(enrolledSecret(username)!);

    // Sign out; sign in with password and a code.
    await p.getByRole("button", { name: "サインアウト" }).click();
    await p.waitForURL((url) => url.pathname === "/login");
    await signIn(p, username, own);
    await expect(p.getByTestId("signed-in-as")).toBeVisible();

    // The code just used (its time step) is refused when replayed.
    const lastStep = (db().prepare("SELECT last_used_step AS s FROM second_factors WHERE user_id = ?").get(userId) as { s: number }).s;
    await p.getByRole("button", { name: "サインアウト" }).click();
    await p.waitForURL((url) => url.pathname === "/login");
    await submitSignIn(p, username, own);
    await p.waitForURL((url) => url.pathname === "/login/code");
    await p.getByRole("textbox", { name: /確認コード/ }).fill(totpCode(enrolledSecret(username)!, lastStep));
    await p.getByRole("button", { name: "確認する", exact: true }).click();
    await expect(formAlert(p)).toHaveText(/この確認コードはすでに使われています/);
    await expect(p).toHaveURL((url) => url.pathname === "/login/code");
    const failure = db()
      .prepare("SELECT detail FROM audit_logs WHERE action = 'sign_in_failed' AND entity_type = 'second_factor' AND entity_id = ? ORDER BY id DESC LIMIT 1")
      .get(userId) as { detail: string };
    expect(failure.detail).toContain("replayed_code");
    markStepUsed(username, lastStep);

    // A recovery code works once.
    await p.getByRole("textbox", { name: /確認コード/ }).fill(codes[0]!);
    await p.getByRole("button", { name: "確認する", exact: true }).click();
    await p.waitForURL((url) => url.pathname === "/");
    await p.getByRole("button", { name: "サインアウト" }).click();
    await p.waitForURL((url) => url.pathname === "/login");
    await submitSignIn(p, username, own);
    await p.waitForURL((url) => url.pathname === "/login/code");
    await p.getByRole("textbox", { name: /確認コード/ }).fill(codes[0]!);
    await p.getByRole("button", { name: "確認する", exact: true }).click();
    await expect(formAlert(p)).toHaveText(/確認コードが正しくありません/);
    await expect(p).toHaveURL((url) => url.pathname === "/login/code");
  } finally {
    await context.close();
  }
});

test("the demo banner is on the sign-in page and on signed-in pages", async ({ page, browser }) => {
  await page.goto("/cases");
  await expect(page.getByTestId("demo-banner")).toHaveText(/デモデータ/);
  const context = await browser.newContext(SIGNED_OUT);
  try {
    const p = await context.newPage();
    await p.goto("/login");
    await expect(p.getByTestId("demo-banner")).toBeVisible();
    // The demo password hint appears only with the demo marker, which this database carries.
    await expect(p.getByText("tsunagu-demo-2026")).toBeVisible();
  } finally {
    await context.close();
  }
});
