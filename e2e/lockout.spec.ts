import { expect, test, type Page } from "@playwright/test";
import { formAlert, submitSignIn } from "./fixtures/auth";
import { createTestUser, failedSignIns, findUser, isLockedInDb, uniqueUsername } from "./fixtures/db";

const INVALID = "ユーザー名またはパスワードが正しくありません。";
const LOCKED = /^サインインに続けて失敗したため/;

/** After a refused submission React resets the form: the password field empties. */
async function settled(page: Page) {
  await expect(page.getByLabel("パスワード")).toHaveValue("");
  await expect(page.getByRole("button", { name: "サインイン", exact: true })).toBeEnabled();
}

/** One refused attempt: wait until the server has counted it, then read the form's message. */
async function failAttempt(page: Page, username: string, password: string, expectedCount: number) {
  await submitSignIn(page, username, password);
  await expect.poll(() => failedSignIns(username), { message: `attempt ${expectedCount} was not counted` }).toBe(expectedCount);
  await settled(page);
  await expect(page).toHaveURL((url) => url.pathname === "/login");
}

test("five wrong passwords lock the account; the right password is then refused", async ({ page }) => {
  const user = await createTestUser();
  await page.goto("/login");

  for (let attempt = 1; attempt <= 4; attempt++) {
    await failAttempt(page, user.username, `wrong-password-${attempt}`, attempt);
    await expect(formAlert(page)).toHaveText(INVALID);
  }
  await failAttempt(page, user.username, "wrong-password-5", 5);
  await expect(formAlert(page)).toHaveText(LOCKED);
  expect(isLockedInDb(user.username)).toBe(true);

  // The correct password no longer gets in while the lock lasts.
  await submitSignIn(page, user.username, user.password);
  await settled(page);
  await expect(formAlert(page)).toHaveText(LOCKED);
  await expect(formAlert(page)).toContainText("15分間ロックされています");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  // A refused attempt while locked does not extend the count.
  expect(failedSignIns(user.username)).toBe(5);
  expect(findUser(user.username)?.last_sign_in_at).toBeNull();

  // Nor does a fresh browser get around it.
  const other = await page.context().browser()!.newPage();
  try {
    await other.goto("/login");
    await submitSignIn(other, user.username, user.password);
    await expect(formAlert(other)).toHaveText(LOCKED);
  } finally {
    await other.close();
  }
});

test("an unknown username locks after five attempts too", async ({ page }) => {
  const username = uniqueUsername("ghost");
  await page.goto("/login");
  for (let attempt = 1; attempt <= 4; attempt++) {
    await failAttempt(page, username, `guess-${attempt}`, attempt);
    await expect(formAlert(page)).toHaveText(INVALID);
  }
  await failAttempt(page, username, "guess-5", 5);
  await expect(formAlert(page)).toHaveText(LOCKED);

  await submitSignIn(page, username, "guess-6");
  await settled(page);
  await expect(formAlert(page)).toHaveText(LOCKED);
  // The same username typed in upper case is the same (locked) name.
  await submitSignIn(page, username.toUpperCase(), "guess-7");
  await settled(page);
  await expect(formAlert(page)).toHaveText(LOCKED);
  expect(isLockedInDb(username)).toBe(true);
});
