import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { userId } from "./fixtures/db";
import { NOT_FOUND_TITLE, OKAYAMA_OFFICE_IDS } from "./fixtures/demo";

/** Open a page and report what the user gets: status, heading and the visible body text. */
async function open(page: Page, path: string) {
  const response = await page.goto(path);
  return {
    status: response?.status(),
    heading: await page.getByRole("heading", { level: 1 }).innerText(),
    // The innermost <main>: the 404 page is rendered inside the app shell's own <main>.
    body: await page.locator("main:not(:has(main))").innerText(),
    title: await page.title(),
  };
}

/*
 * What each role sees of offices and users: the content (headings, staff names, columns, rows) and
 * that a refused office is indistinguishable from a missing one. The bare 404s of the user
 * administration for coordinators, supervisors and prefecture staff are proven by route-proof.spec.ts
 * for every role and route (ADR 0042), so they are not repeated here (ADR 0047).
 */
async function expectNotFound(page: Page, path: string) {
  const result = await open(page, path);
  expect(result.status, `${path} should answer 404`).toBe(404);
  expect(result.heading).toBe(NOT_FOUND_TITLE);
  return result;
}

test.describe("bizen.coord (coordinator of 備前保健所)", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  // One browser context for the read-only checks of this account; each step is named in the report (ADR 0047).
  test("its own office, the office list, and 404s indistinguishable from missing ones", async ({ page }) => {
    await test.step("opens its own office", async () => {
      const result = await open(page, "/offices/33-bizen");
      expect(result.status).toBe(200);
      expect(result.heading).toBe("備前保健所");
      // Its branch is shown as outside the coordinator's scope, not as a link.
      await expect(page.getByText("担当範囲外")).toBeVisible();
      await expect(page.getByRole("link", { name: "備前保健所東備支所" })).toHaveCount(0);
      // A coordinator sees the staff of its own office.
      await expect(page.getByTestId("office-staff")).toContainText("備前 つなぎ");
    });
    await test.step("cannot tell an out-of-scope office from one that does not exist", async () => {
      const outOfScope = await expectNotFound(page, "/offices/33-tobi");
      const missing = await expectNotFound(page, "/offices/33-doesnotexist");
      expect(outOfScope).toEqual(missing);
      const otherPrefecture = await expectNotFound(page, "/offices/35-ube");
      expect(otherPrefecture).toEqual(missing);
    });
    await test.step("the office list shows only its own office", async () => {
      await page.goto("/offices");
      const table = page.getByRole("table", { name: "保健所・支所の一覧" });
      await expect(table.getByRole("row")).toHaveCount(2); // header + 備前保健所
      await expect(table.getByRole("link", { name: "備前保健所", exact: true })).toBeVisible();
    });
  });
});

test.describe("tobi.coord (coordinator of the 東備 branch)", () => {
  test.use({ storageState: storageStateOf("tobi.coord") });

  test("opens its branch but not the parent office", async ({ page }) => {
    const own = await open(page, "/offices/33-tobi");
    expect(own.status).toBe(200);
    expect(own.heading).toBe("備前保健所東備支所");
    await expectNotFound(page, "/offices/33-bizen");
  });
});

test.describe("bizen.sup (supervisor of 備前保健所 and its branch)", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("opens the office and its branch, nothing else", async ({ page }) => {
    expect((await open(page, "/offices/33-bizen")).status).toBe(200);
    expect((await open(page, "/offices/33-tobi")).status).toBe(200);
    await expectNotFound(page, "/offices/33-bitchu");
  });
});

test.describe("ube.coord (Yamaguchi)", () => {
  test.use({ storageState: storageStateOf("ube.coord") });

  test("cannot open any Okayama office", async ({ page }) => {
    expect((await open(page, "/offices/35-ube")).status).toBe(200);
    for (const id of OKAYAMA_OFFICE_IDS) {
      const response = await page.request.get(`/offices/${id}`);
      expect(response.status(), `/offices/${id}`).toBe(404);
      expect(await response.text()).toContain(NOT_FOUND_TITLE);
    }
  });
});

test.describe("okayama.admin", () => {
  test.use({ storageState: storageStateOf("okayama.admin") });

  // One browser context for the read-only checks of this account; each step is named in the report (ADR 0047).
  test("users and offices of its own prefecture only", async ({ page }) => {
    await test.step("gets 404 for a Yamaguchi user's page but opens an Okayama one", async () => {
      const own = await open(page, `/admin/users/${userId("bizen.coord")}`);
      expect(own.status).toBe(200);
      expect(own.heading).toBe("備前 つなぎ（bizen.coord）");

      const foreign = await expectNotFound(page, `/admin/users/${userId("yamaguchi.pref")}`);
      const missing = await expectNotFound(page, "/admin/users/01JZZZZZZZZZZZZZZZZZZZZZZZ");
      expect(foreign).toEqual(missing);
    });
    await test.step("sees staff counts and names", async () => {
      await page.goto("/offices");
      await expect(page.getByRole("columnheader", { name: "職員数" })).toHaveCount(1);
      await page.goto("/offices/33-bizen");
      await expect(page.getByTestId("office-staff")).toContainText("備前 つなぎ");
    });
    await test.step("the user list holds only Okayama accounts", async () => {
      await page.goto("/admin/users?q=pref");
      const table = page.getByRole("table", { name: "ユーザーの一覧" });
      await expect(table.getByRole("link", { name: "okayama.pref" })).toBeVisible();
      await expect(table.getByRole("link", { name: "yamaguchi.pref" })).toHaveCount(0);
    });
  });
});

test.describe("okayama.pref (prefecture staff)", () => {
  test.use({ storageState: storageStateOf("okayama.pref") });

  // One browser context for the read-only checks of this account; each step is named in the report (ADR 0047).
  test("offices without staff names", async ({ page }) => {
    await test.step("sees no staff names on an office page", async () => {
      const result = await open(page, "/offices/33-bizen");
      expect(result.status).toBe(200);
      expect(result.heading).toBe("備前保健所");
      await expect(page.getByTestId("office-staff")).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "職員" })).toHaveCount(0);
      expect(await page.content()).not.toContain("備前 つなぎ");
    });
    await test.step("the office list has no staff column", async () => {
      await page.goto("/offices");
      const table = page.getByRole("table", { name: "保健所・支所の一覧" });
      await expect(table.getByRole("columnheader").first()).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "職員数" })).toHaveCount(0);
      await expect(table.getByRole("row")).toHaveCount(12); // header + 11 Okayama offices
    });
  });
});
