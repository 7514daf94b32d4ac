import { expect, test } from "@playwright/test";
import { formAlert, signIn, storageStateOf, submitSignIn } from "./fixtures/auth";
import { createTestUser, uniqueUsername } from "./fixtures/db";
import { completeSecondStep } from "./fixtures/second-factor";
import { DEMO_ACCOUNTS, MENU_BY_ROLE, ROLE_LABEL_JA } from "./fixtures/demo";

const INVALID = "ユーザー名またはパスワードが正しくありません。";

// Every demo account signs in through the form in e2e/auth.setup.ts (its saved session is used
// here, which keeps the suite's time down); each then sees its own home.
test.describe("every demo account sees its own home", () => {
  for (const account of DEMO_ACCOUNTS) {
    test.describe(account.username, () => {
      test.use({ storageState: storageStateOf(account.username) });
      test("home, role, scope and menu", async ({ page }) => {
      await page.goto("/");

      const roleLabel = ROLE_LABEL_JA[account.role];
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${account.displayName} さん、こんにちは`);
      await expect(page.getByTestId("signed-in-as")).toHaveText(`${account.displayName}（${roleLabel}）としてサインイン中`);
      await expect(page.getByTestId("home-role")).toHaveText(roleLabel);

      const scope = page.getByTestId("home-scope");
      if (typeof account.scope === "string") {
        await expect(scope).toHaveText(account.scope);
      } else {
        // One list item per office in reach, in seed order, and nothing else.
        await expect(scope.getByRole("listitem")).toHaveCount(account.scope.length);
        await expect(scope.getByRole("link")).toHaveText(account.scope);
      }

      const menu = page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link");
      await expect(menu).toHaveText(MENU_BY_ROLE[account.role]);
      if (account.role !== "admin") await expect(page.getByRole("link", { name: "ユーザー管理" })).toHaveCount(0);
      });
    });
  }
});

test("an unknown user and a wrong password get the same message", async ({ page }) => {
  const user = await createTestUser();

  await page.goto("/login");
  await submitSignIn(page, uniqueUsername("nobody"), "whatever-password");
  await expect(formAlert(page)).toHaveText(INVALID);
  await expect(page).toHaveURL(/\/login$/);
  const unknownText = await page.getByRole("main").innerText();

  await page.goto("/login");
  await submitSignIn(page, user.username, `${user.password}-wrong`);
  await expect(formAlert(page)).toHaveText(INVALID);
  await expect(page).toHaveURL(/\/login$/);
  // Apart from the typed username the pages are the same: nothing tells which names exist.
  const wrongText = await page.getByRole("main").innerText();
  expect(wrongText).toBe(unknownText);
  // The form keeps the username but never the password.
  await expect(page.getByRole("textbox", { name: "ユーザー名" })).toHaveValue(user.username);
  await expect(page.getByLabel("パスワード")).toHaveValue("");
});

test("an empty form shows field errors in Japanese", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByText("ユーザー名を入力してください。")).toBeVisible();
  await expect(page.getByText("パスワードを入力してください。")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test("sign-out returns to the login page and protected pages then need a sign-in", async ({ page }) => {
  const user = await createTestUser();
  // Link prefetches in flight during sign-out are a separate case (next test); keep them out here.
  await page.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue()));
  await signIn(page, user.username, user.password);

  await page.getByRole("button", { name: "サインアウト" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.getByRole("status").filter({ hasText: "サインアウトしました。" })).toBeVisible();
  expect((await page.context().cookies()).find((c) => c.name === "authjs.session-token")).toBeUndefined();

  for (const path of ["/", "/offices", "/account"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    await expect(page.getByRole("heading", { name: "サインイン", level: 1 })).toBeVisible();
  }
});

test("a request still in flight during sign-out does not sign the user back in", async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user.username, user.password);

  // Hold the response of one ordinary request (as a slow link prefetch would be) until sign-out is done.
  let release!: () => void;
  const signedOut = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/account" && url.searchParams.has("inflight"),
    async (route) => {
      const response = await route.fetch();
      await signedOut;
      await route.fulfill({ response });
    },
  );
  await page.evaluate(() => {
    (window as unknown as { inflight: Promise<number> }).inflight = fetch("/account?inflight=1").then((r) => r.status);
  });

  await page.getByRole("button", { name: "サインアウト" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.getByRole("status").filter({ hasText: "サインアウトしました。" })).toBeVisible();
  release();
  await page.evaluate(() => (window as unknown as { inflight: Promise<number> }).inflight);

  await page.goto("/");
  expect(new URL(page.url()).pathname, "still signed in after signing out").toBe("/login");
});

test("an anonymous visit to / redirects to /login", async ({ page }) => {
  const response = await page.request.get("/", { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(response.status());
  expect(new URL(response.headers()["location"] ?? "", "http://localhost").pathname).toBe("/login");

  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.search === "");
  await expect(page.getByRole("heading", { name: "サインイン", level: 1 })).toBeVisible();
});

test("an anonymous deep link returns to its page after sign-in", async ({ page }) => {
  const user = await createTestUser();
  await page.goto("/offices/33-bizen");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/offices/33-bizen");
  await submitSignIn(page, user.username, user.password);
  await completeSecondStep(page, user.username);
  await page.waitForURL((url) => url.pathname === "/offices/33-bizen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("備前保健所");
});

test("a next= pointing off-site is ignored after sign-in", async ({ browser, baseURL }) => {
  const user = await createTestUser();
  for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example/"]) {
    const context = await browser.newContext();
    try {
      // Should the app send the browser off-site, let it arrive somewhere, so the assertion (not DNS) reports it.
      await context.route(
        (url) => url.hostname === "evil.example",
        (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil.example</h1>" }),
      );
      const page = await context.newPage();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await submitSignIn(page, user.username, user.password);
      await completeSecondStep(page, user.username);
      await page.waitForURL((url) => url.pathname === "/" || url.hostname === "evil.example");
      expect(new URL(page.url()).host, `after sign-in with next=${next}`).toBe(new URL(baseURL!).host);
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
    } finally {
      await context.close();
    }
  }
});

test("after sign-out the old session cookie no longer works", async ({ page, context }) => {
  const user = await createTestUser();
  await signIn(page, user.username, user.password);
  const token = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(token, "session cookie").toBeDefined();

  await page.getByRole("button", { name: "サインアウト" }).click();
  await page.waitForURL((url) => url.pathname === "/login");

  // Someone who copied the cookie (shared terminal, proxy log) puts it back.
  await context.addCookies([token!]);
  await page.goto("/");
  expect(new URL(page.url()).pathname, "a signed-out session must not be usable again").toBe("/login");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});
