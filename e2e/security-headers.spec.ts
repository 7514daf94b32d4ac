import { expect, test, type Page, type Response } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { DEMO_ACCOUNTS } from "./fixtures/demo";

/*
 * Issue 12, deliverable 8: every page, for every role, carries a CSP with a fresh nonce (no inline
 * scripts), a Permissions-Policy, no X-Powered-By, and no-store when signed in; and the CSP breaks
 * nothing: no violation is reported while the pages load and hydrate.
 */

type Violation = { directive: string; blocked: string; source: string };

/** Collect CSP violations (the DOM event, and Chromium's console report) for the page's lifetime. */
async function watchCsp(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: Violation[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile });
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) found.push(message.text());
  });
  return found;
}

/**
 * The page ran Next's inline scripts (they fill self.__next_f; a blocked script would leave it
 * undefined) and React hydrated the page (it tags the DOM nodes it owns with __reactFiber keys).
 */
async function expectHydrated(page: Page, where: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const ranInline = Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f);
          const body = document.querySelector("main") ?? document.body;
          const hydrated = Object.keys(body).some((k) => k.startsWith("__reactFiber"));
          return ranInline && hydrated;
        }),
      { message: `hydrated: ${where}` },
    )
    .toBe(true);
}

async function domViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __csp?: Violation[] }).__csp ?? []);
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = "", ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );
}

/** The header checks every page shares; returns the nonce. */
async function expectHardened(response: Response, signedIn: boolean): Promise<string> {
  const headers = response.headers();
  const where = response.url();
  const csp = headers["content-security-policy"];
  expect(csp, `CSP on ${where}`).toBeTruthy();
  const d = directives(csp ?? "");
  const scriptSrc = d.get("script-src") ?? [];
  const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `script nonce on ${where}`).toBeTruthy();
  expect(scriptSrc, `script-src on ${where}`).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'none'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  for (const [name, values] of d) {
    for (const v of values) expect(v, `${name} on ${where} names another origin`).not.toMatch(/^(https?:|wss?:|\*)/);
  }
  expect(headers["permissions-policy"], `Permissions-Policy on ${where}`).toMatch(/camera=\(\)/);
  expect(headers["permissions-policy"]).toMatch(/geolocation=\(\)/);
  expect(headers["permissions-policy"]).toMatch(/microphone=\(\)/);
  expect(headers["x-powered-by"], `X-Powered-By on ${where}`).toBeUndefined();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Plain-http test server: no HSTS (it is sent only when AUTH_URL is https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  if (signedIn) expect(headers["cache-control"], `Cache-Control on ${where}`).toMatch(/no-store/);

  // Every script in the HTML carries this response's nonce (Next.js took it from the CSP header).
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts on ${where}`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `script without the nonce on ${where}`).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("the sign-in page: hardened headers, a fresh nonce each time, no CSP violation", async ({ page }) => {
  const consoleViolations = await watchCsp(page);
  const first = await page.goto("/login");
  const nonce1 = await expectHardened(first!, false);
  await expectHydrated(page, "/login");
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByText("ユーザー名を入力してください。")).toBeVisible();
  const second = await page.goto("/login");
  const nonce2 = await expectHardened(second!, false);
  expect(nonce2).not.toBe(nonce1);
  expect(await domViolations(page)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

// Headers and the CSP do not depend on the office or prefecture: one demo account per role.
const ONE_PER_ROLE = DEMO_ACCOUNTS.filter((a, i, all) => all.findIndex((b) => b.role === a.role) === i);

for (const account of ONE_PER_ROLE) {
  test.describe(`${account.username} (${account.role})`, () => {
    test.use({ storageState: storageStateOf(account.username) });

    test("every main page is hardened and loads without a CSP violation", async ({ page }) => {
      const consoleViolations = await watchCsp(page);
      const home = await page.goto("/");
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
      await expectHardened(home!, true);
      const menu = page.getByRole("navigation", { name: "メインメニュー" });
      const hrefs = [...new Set(await menu.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")))];
      expect(hrefs.length).toBeGreaterThan(3);
      for (const href of hrefs) {
        const response = await page.goto(href);
        expect(response?.status(), href).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectHardened(response!, true);
        await expectHydrated(page, href);
        expect(await domViolations(page), `CSP violations on ${href}`).toEqual([]);
      }
      // Client navigation (hydrated React, RSC fetches) works under the CSP too.
      await page.goto("/");
      await menu.getByRole("link", { name: "アカウント" }).click();
      await page.waitForURL((url) => url.pathname === "/account");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("アカウント");
      expect(await domViolations(page)).toEqual([]);
      expect(consoleViolations).toEqual([]);
    });
  });
}

// ADR 0053: zod and the schemas are not on a page's first load; they arrive when the user starts on
// a form, with zod's jitless switch set first (an eval probe would be a CSP violation here).
test.describe("a form's schema, loaded on the first focus", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("arrives after the page, checks in the browser before sending, and breaks no CSP", async ({ page }) => {
    const consoleViolations = await watchCsp(page);
    const scripts: string[] = [];
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.goto("/cases/new", { waitUntil: "networkidle" });
    await expectHydrated(page, "/cases/new");
    const firstLoad = scripts.length;

    const kana = page.getByLabel(/^ふりがな（姓）\s*(必須)?$/);
    await expect(page.locator("html")).not.toHaveAttribute("data-browser-checks", "ready");
    await kana.focus();
    await expect.poll(() => scripts.length, { message: "the schema's chunks load on the first focus" }).toBeGreaterThan(firstLoad);
    // The schema has arrived (a submit before that goes to the server, by design: ADR 0053).
    await expect(page.locator("html")).toHaveAttribute("data-browser-checks", "ready");

    await kana.fill("shiken");
    await page.getByRole("button", { name: "登録する" }).click();
    await expect(page.getByText("エラー：ふりがなはひらがなかカタカナで入力してください。")).toBeVisible();
    expect(posts, "checked in the browser: nothing sent").toEqual([]);
    expect(await domViolations(page)).toEqual([]);
    expect(consoleViolations).toEqual([]);
  });
});
