import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

test.use({ storageState: storageStateOf("mimasaka.coord") });

test("the chosen fiscal year stays selected after reload and on other pages", async ({ page, context }) => {
  await page.goto("/");
  const select = page.getByRole("combobox", { name: "年度", exact: true });
  // Default: the current fiscal year, which is the first (newest) option.
  await expect(select).toHaveValue(await select.locator("option").first().getAttribute("value") ?? "");
  await expect(select).not.toHaveValue("2021");

  await select.selectOption({ label: "令和3年度 (2021)" });
  // The choice is applied by 表示 (never by the change itself); it is kept in a cookie.
  await page.getByRole("button", { name: "表示", exact: true }).click();
  await expect
    .poll(async () => (await context.cookies()).find((c) => c.name === "tsunagu_fy")?.value)
    .toBe("2021");
  await expect(page).toHaveURL((url) => url.pathname === "/");

  await page.reload();
  await expect(select).toHaveValue("2021");
  await expect(select.locator("option:checked")).toHaveText("令和3年度 (2021)");

  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "保健所・支所" }).click();
  await page.waitForURL((url) => url.pathname === "/offices");
  await expect(select).toHaveValue("2021");

  await page.goto("/org");
  await expect(select.locator("option:checked")).toHaveText("令和3年度 (2021)");
});

test("the options run from the current year back to 令和元年度 (2019)", async ({ page }) => {
  await page.goto("/account");
  const options = page.getByRole("combobox", { name: "年度", exact: true }).locator("option");
  await expect(options.last()).toHaveText("令和元年度 (2019)");
  await expect(options.filter({ hasText: "令和2年度 (2020)" })).toHaveCount(1);
  await expect(options.filter({ hasText: "平成" })).toHaveCount(0);
  const values = (await options.evaluateAll((els) => els.map((e) => Number((e as HTMLOptionElement).value))));
  // Newest first, one per year, no gaps.
  expect(values.at(-1)).toBe(2019);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  expect(new Set(values).size).toBe(values.length);
  expect(values[0]! - values.at(-1)! + 1).toBe(values.length);
});

test("the fiscal-year button also works without the change event", async ({ page, context }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "年度", exact: true }).focus();
  // Keyboard users: the 表示 button is reachable right after the select.
  await page.keyboard.press("Tab");
  const apply = page.getByRole("button", { name: "表示", exact: true });
  await expect(apply).toBeFocused();
  await page.getByRole("combobox", { name: "年度", exact: true }).evaluate((el) => {
    (el as HTMLSelectElement).value = "2020"; // no change event
  });
  await apply.click();
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === "tsunagu_fy")?.value).toBe("2020");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "年度", exact: true })).toHaveValue("2020");
});
