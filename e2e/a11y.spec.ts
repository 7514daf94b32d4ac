import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { storageStateOf } from "./fixtures/auth";
import { userId } from "./fixtures/db";

const BASE = "http://localhost:3100";

/** Load a page, make sure it is the page we meant (not a redirect to /login), then scan it. */
async function scan(page: Page, path: string, heading: string | RegExp, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectNoSeriousA11yViolations(page, path);
}

test.describe("anonymous", () => {
  test("/login in Japanese", async ({ page }) => {
    await scan(page, "/login", "サインイン");
  });

  test("/login with a sign-in error", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "サインイン", exact: true }).click();
    await expect(page.getByText("ユーザー名を入力してください。")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/login with errors");
  });

  test("/login in English", async ({ page, context }) => {
    await context.addCookies([{ name: "tsunagu_locale", value: "en", url: BASE }]);
    await scan(page, "/login", "Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test.describe("okayama.admin", () => {
  test.use({ storageState: storageStateOf("okayama.admin") });

  const pages: [string, string | RegExp][] = [
    ["/", "岡山 管理子 さん、こんにちは"],
    ["/offices", "保健所・支所"],
    ["/offices/33-bizen", "備前保健所"],
    ["/org", "組織体制"],
    ["/account", "アカウント"],
    ["/admin/users", "ユーザー管理"],
    ["/admin/users/new", "ユーザーを追加"],
  ];
  // One test, one browser context for the seven pages: each test of its own paid for a fresh
  // context and the app's scripts loaded and compiled again (ADR 0047). Each page is a named step.
  test("the admin pages: home, offices, an office, org, account, users, new user", async ({ page }) => {
    for (const [path, heading] of pages) await test.step(path, () => scan(page, path, heading));
  });

  test("/admin/users/<id> and its deactivation dialog", async ({ page }) => {
    await scan(page, `/admin/users/${userId("bizen.coord")}`, "備前 つなぎ（bizen.coord）");
    await page.getByRole("button", { name: "利用を停止する" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "deactivation dialog");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "利用を停止する" })).toBeFocused();
  });

  test("/admin/users/new with validation errors", async ({ page }) => {
    await page.goto("/admin/users/new");
    await page.getByRole("button", { name: "作成する" }).click();
    await expect(page.getByText("入力内容を確認してください。")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/admin/users/new with errors");
  });

  test("the 404 page", async ({ page }) => {
    await scan(page, "/offices/33-doesnotexist", "ページが見つかりません", 404);
  });

  test("a 404 has exactly one main landmark and one #main (the skip link's target)", async ({ page }) => {
    // An unknown URL renders the root not-found page on its own.
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expect(page.getByRole("main")).toHaveCount(1);
    // notFound() from a page inside the signed-in shell must not nest a second <main id="main">.
    expect((await page.goto("/offices/33-doesnotexist"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
    // The page is fully loaded here; count once instead of polling for 10 s.
    expect(await page.locator("#main").count(), 'elements with id="main"').toBe(1);
    expect(await page.getByRole("main").count(), "main landmarks").toBe(1);
  });

  test("home, offices and the user list in English", async ({ page, context }) => {
    await context.addCookies([{ name: "tsunagu_locale", value: "en", url: BASE }]);
    await scan(page, "/", "Welcome, 岡山 管理子");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await scan(page, "/offices", "Health centres");
    await scan(page, "/admin/users", "Users");
    await scan(page, "/offices/33-doesnotexist", "Page not found", 404);
  });
});

test.describe("other roles", () => {
  test.describe("bizen.coord", () => {
    test.use({ storageState: storageStateOf("bizen.coord") });
    test("home and own office", async ({ page }) => {
      await scan(page, "/", "備前 つなぎ さん、こんにちは");
      await scan(page, "/offices/33-bizen", "備前保健所");
      await scan(page, "/org", "組織体制");
    });
  });

  test.describe("okayama.pref", () => {
    test.use({ storageState: storageStateOf("okayama.pref") });
    test("home and offices", async ({ page }) => {
      await scan(page, "/", "岡山 県一 さん、こんにちは");
      await scan(page, "/offices", "保健所・支所");
    });
  });
});

test.describe("keyboard", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("the first Tab reaches the skip link, which is visibly focused and jumps to the content", async ({ page }) => {
    await page.goto("/offices");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("保健所・支所");
    await page.keyboard.press("Tab");

    const skip = page.getByRole("link", { name: "本文へ移動" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const style = await skip.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
    });
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    expect(outlined || style.boxShadow !== "none", `focus indicator: ${JSON.stringify(style)}`).toBe(true);

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
    expect(inMain).toBe(true);
  });

  test("every header control shows a visible focus indicator", async ({ page }) => {
    await page.goto("/");
    const seen: string[] = [];
    // Walk the whole header (its length grows with the menu) until focus enters <main>.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.closest("main")) return null;
        const s = getComputedStyle(el);
        return {
          name: (el.getAttribute("aria-label") ?? el.textContent ?? el.tagName).trim().slice(0, 30),
          visible: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
        };
      });
      if (!info) break;
      expect(info.visible, `no focus indicator on "${info.name}"`).toBe(true);
      seen.push(info.name);
    }
    expect(seen).toEqual(expect.arrayContaining(["本文へ移動", "Switch to English", "サインアウト", "ホーム", "アカウント"]));
  });
});
