import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { uniqueUsername } from "./fixtures/db";

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("English switches the whole UI, persists across pages, and switches back", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("備前 つなぎ さん、こんにちは");

    const toEnglish = page.getByRole("button", { name: "Switch to English" });
    await expect(toEnglish).toHaveText("English");
    await toEnglish.click();

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, 備前 つなぎ");
    const menu = page.getByRole("navigation", { name: "Main menu" });
    // "Upcoming" carries a count badge when something is due.
    await expect(menu.getByRole("link")).toHaveText(["Home", /^Upcoming/, "Cases", "Peer supporters", "Outreach", "Meetings & training", "Import", "Indicators", "Health centres", "Organisation", "Account"]);
    await expect(page.getByTestId("home-role")).toHaveText("Coordinator");
    await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as 備前 つなぎ (Coordinator)");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Fiscal year" })).toBeVisible();
    await expect(page.getByText("さん、こんにちは")).toHaveCount(0);

    // Persists through client navigation and a full load of another page.
    await menu.getByRole("link", { name: "Health centres" }).click();
    await page.waitForURL((url) => url.pathname === "/offices");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Health centres");
    await expect(page.getByRole("table", { name: "Health centres" }).getByRole("columnheader", { name: /^Region/ })).toBeVisible();
    await page.goto("/offices/33-bizen");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Municipalities covered" })).toBeVisible();
    await expect(page.getByText("Prefectural health centre")).toBeVisible();

    // The button now offers Japanese, labelled in Japanese, and stays on the page it was pressed on.
    const toJapanese = page.getByRole("button", { name: "日本語に切り替える" });
    await expect(toJapanese).toHaveText("日本語");
    await expect(toJapanese).toHaveAttribute("lang", "ja");
    await toJapanese.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page).toHaveURL((url) => url.pathname === "/offices/33-bizen");
    await expect(page.getByRole("heading", { name: "管轄市町村" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "保健所・支所" })).toBeVisible();

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("備前 つなぎ さん、こんにちは");
  });

  test("the 404 page follows the language", async ({ page, context }) => {
    await context.addCookies([{ name: "tsunagu_locale", value: "en", url: "http://localhost:3100" }]);
    const response = await page.goto("/offices/35-ube");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
  });
});

test("the login page switches to English and back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: "Switch to English" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByRole("textbox", { name: "Username" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

  // Messages come in English too.
  await page.getByRole("textbox", { name: "Username" }).fill(uniqueUsername("nobody"));
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The username or password is not correct.");

  await page.getByRole("button", { name: "日本語に切り替える" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("サインイン");
  await expect(page.getByRole("button", { name: "サインイン", exact: true })).toBeVisible();
});
