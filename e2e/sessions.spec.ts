import { expect, test, type APIRequestContext, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { sessionCookieName, sessionHintCookie } from "../lib/auth/cookies";
import { signIn } from "./fixtures/auth";
import { createTestUser, findUser, type TestUser } from "./fixtures/db";

/*
 * Issue 12, deliverable 4: every sign-out path revokes the session on the server, so a copy of the
 * cookie (shared terminal, proxy log, stolen backup of a browser profile) gets no page afterwards.
 * The replays go through a bare HTTP client (no browser), as an attacker's would.
 */

const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

type Replayer = (cookie: Cookie) => Promise<{ status: number; location: string; body: string }>;

function replayer(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string): Replayer {
  return async (cookie) => {
    // A fresh client each time, carrying only the copied cookie.
    const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
    try {
      const response = await client.get("/account", { maxRedirects: 0 });
      return { status: response.status(), location: response.headers()["location"] ?? "", body: await response.text() };
    } finally {
      await client.dispose();
    }
  };
}

async function sessionCookie(context: BrowserContext, baseURL: string): Promise<Cookie> {
  const name = sessionCookieName({ AUTH_URL: baseURL });
  const cookie = (await context.cookies()).find((c) => c.name === name);
  expect(cookie, `session cookie ${name}`).toBeDefined();
  return cookie!;
}

/** The copied cookie works before the sign-out (so the test can fail) … */
async function expectWorks(replay: Replayer, cookie: Cookie, user: TestUser): Promise<void> {
  const r = await replay(cookie);
  expect(r.status).toBe(200);
  expect(r.body).toContain(user.displayName);
}

/** … and gets no page after it: a redirect to the sign-in page, saying the session ended. */
async function expectRefused(replay: Replayer, cookie: Cookie, user: TestUser, path: string): Promise<void> {
  const r = await replay(cookie);
  expect(r.status, `${path}: a replayed cookie must get no page`).toBe(307);
  const location = new URL(r.location, "http://x");
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("reason")).toBe("ended");
  expect(r.body).not.toContain(user.displayName);
}

async function signedInContext(browser: { newContext: (o: object) => Promise<BrowserContext> }, user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  await signIn(page, user.username, user.password);
  return { context, page };
}

test.use(SIGNED_OUT);

test("the sign-out button revokes the session: the copied cookie gets no page", async ({ page, context, playwright, baseURL }) => {
  const replay = replayer(playwright, baseURL!);
  const user = await createTestUser();
  await signIn(page, user.username, user.password);
  const cookie = await sessionCookie(context, baseURL!);
  await expectWorks(replay, cookie, user);

  await page.getByRole("button", { name: "サインアウト" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expectRefused(replay, cookie, user, "sign-out button");
});

test("Auth.js's own POST /api/auth/signout revokes the session too", async ({ page, context, playwright, baseURL }) => {
  const replay = replayer(playwright, baseURL!);
  const user = await createTestUser();
  await signIn(page, user.username, user.password);
  const cookie = await sessionCookie(context, baseURL!);
  await expectWorks(replay, cookie, user);

  // What a script (or Auth.js's default sign-out page) does: fetch the CSRF token, then post.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signOut.status()).toBeLessThan(400);
  await expectRefused(replay, cookie, user, "POST /api/auth/signout");
  // The browser that signed out is signed out as well.
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/login");
});

test("sign out everywhere ends this device's session and every other one", async ({ browser, playwright, baseURL }) => {
  const replay = replayer(playwright, baseURL!);
  const user = await createTestUser();
  const here = await signedInContext(browser, user);
  // With the router's prefetches: one in flight after the revocation is refused and clears that
  // browser's session cookie, and its next visit must still be told the session ended (the hint).
  const there = await signedInContext(browser, user);
  try {
    const hereCookie = await sessionCookie(here.context, baseURL!);
    const thereCookie = await sessionCookie(there.context, baseURL!);
    await expectWorks(replay, thereCookie, user);

    await here.page.goto("/account");
    await here.page.getByRole("button", { name: "すべての端末からサインアウト" }).click();
    await here.page.waitForURL((url) => url.pathname === "/login");
    await expect(here.page.getByRole("status").filter({ hasText: "サインアウトしました。" })).toBeVisible();
    expect(findUser(user.username)?.session_version).toBe(3); // 2 after enrolling the second factor, 3 now

    await expectRefused(replay, hereCookie, user, "sign out everywhere (this device)");
    await expectRefused(replay, thereCookie, user, "sign out everywhere (another device)");
    await there.page.goto("/cases");
    await expect(there.page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("reason") === "ended");

    // Signing in again works.
    await signIn(here.page, user.username, user.password);
  } finally {
    await here.context.close();
    await there.context.close();
  }
});

test("a password change ends every session of the account, copies of the cookie included", async ({ browser, playwright, baseURL }) => {
  const replay = replayer(playwright, baseURL!);
  const user = await createTestUser();
  const here = await signedInContext(browser, user);
  // With the router's prefetches: one in flight after the revocation is refused and clears that
  // browser's session cookie, and its next visit must still be told the session ended (the hint).
  const there = await signedInContext(browser, user);
  try {
    const hereCookie = await sessionCookie(here.context, baseURL!);
    const thereCookie = await sessionCookie(there.context, baseURL!);
    await expectWorks(replay, thereCookie, user);

    const newPassword = `Nw-${user.password}-7!`;
    await here.page.goto("/account");
    await here.page.getByLabel("現在のパスワード").fill(user.password);
    await here.page.getByLabel("新しいパスワード").first().fill(newPassword);
    await here.page.getByLabel("新しいパスワード（確認）").fill(newPassword);
    await here.page.getByRole("button", { name: "変更する" }).click();
    await here.page.waitForURL((url) => url.pathname === "/login");

    await expectRefused(replay, hereCookie, user, "password change (this device)");
    await expectRefused(replay, thereCookie, user, "password change (another device)");
  } finally {
    await here.context.close();
    await there.context.close();
  }
});

test("under plain http the session cookie is unprefixed, HttpOnly and SameSite=Lax", async ({ page, context, baseURL }) => {
  const user = await createTestUser();
  await signIn(page, user.username, user.password);
  const cookie = await sessionCookie(context, baseURL!);
  expect(cookie.name).toBe("authjs.session-token");
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  expect(cookie.path).toBe("/");
});

/** The signed-in hint of this deployment (lib/auth/cookies.ts), if the browser holds it. */
async function hintCookie(context: BrowserContext, baseURL: string): Promise<Cookie | undefined> {
  const name = sessionHintCookie({ AUTH_URL: baseURL }).name;
  return (await context.cookies()).find((c) => c.name === name);
}

test("a session the browser dropped (the idle timeout) still sends its user to a sign-in page that says it ended", async ({ page, context, baseURL }) => {
  const user = await createTestUser();
  await signIn(page, user.username, user.password);
  const hint = await hintCookie(context, baseURL!);
  expect(hint, "the signed-in hint is set at sign-in").toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(hint!.value).toBe("1");

  // What the browser does when the session cookie's Max-Age (the idle timeout) runs out. The page
  // is left first: an idle device has no request in flight whose answer could re-issue the cookie.
  await page.goto("about:blank");
  await context.clearCookies({ name: sessionCookieName({ AUTH_URL: baseURL }) });
  await page.goto("/cases");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("reason") === "ended");
  await expect(page.getByText("セッションが終了しました。もう一度サインインしてください。")).toBeVisible();
});

test("a visitor who signed out is not told that their session ended", async ({ page, context, baseURL }) => {
  const user = await createTestUser();
  await signIn(page, user.username, user.password);
  expect(await hintCookie(context, baseURL!)).toBeDefined();

  await page.getByRole("button", { name: "サインアウト" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  expect(await hintCookie(context, baseURL!), "every sign-out removes the hint").toBeUndefined();
  await page.goto("/cases");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("reason") === null);
  await expect(page.getByText("セッションが終了しました。もう一度サインインしてください。")).toHaveCount(0);
});
