import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { personIdentities } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * The prefecture's workspace through the screens: the FY2021 自治体情報シート of both prefectures
 * shows the seeds' 基本情報 and R3 results, its XLSX holds the same values, it prints on A4; a
 * meeting saved now counts on the next load; the drill-down shows no name; the API answers 401
 * signed out, 403 for the other prefecture, and /api/health needs no sign-in.
 */

/** The figures both published sheets state for R3 (shared/reference/seed-figures.json), written out. */
const SEEDS = {
  "33": {
    basic: {
      region_count: "5",
      municipality_count: "27",
      population: "1,864,432",
      psych_hospital_count: "23",
      psych_bed_count: "5,275",
      inpatients_total: "3,559",
      inpatients_lt3m: "829",
      inpatients_3to12m: "576",
      inpatients_ge1y: "2,154",
      inpatients_ge1y_u65: "636",
      inpatients_ge1y_65plus: "1,518",
      discharge_rate_3m: "67.2",
      discharge_rate_6m: "81.9",
      discharge_rate_12m: "88.7",
      kikan_soudan_center_count: "11",
      ippan_soudan_office_count: "79",
      tokutei_soudan_office_count: "181",
      health_center_count: "11",
      jiritsu_council_freq: "2",
      jiritsu_council_mh_subcommittee: "有",
      kyogi_pref: "1",
      kyogi_region: "5か所以上 ／ 5",
      kyogi_municipality: "23 ／ 27",
    },
    shares: { inpatients_lt3m: "23.3 ％", inpatients_3to12m: "16.2 ％", inpatients_ge1y: "60.5 ％" },
    asOf: { population: "R4年4月時点", psych_bed_count: "R3年10月時点", region_count: "R4年4月時点" },
    indicators: { S1: "1回", S3: "5回", S4: "23／27" },
  },
  "35": {
    basic: {
      region_count: "8",
      municipality_count: "19",
      population: "1,315,949",
      psych_hospital_count: "31",
      psych_bed_count: "5,839",
      inpatients_total: "5,111",
      inpatients_lt3m: "728",
      inpatients_3to12m: "887",
      inpatients_ge1y: "3,496",
      inpatients_ge1y_u65: "1,033",
      inpatients_ge1y_65plus: "2,463",
      discharge_rate_3m: "48.6",
      discharge_rate_6m: "69.6",
      discharge_rate_12m: "78.7",
      kikan_soudan_center_count: "8",
      ippan_soudan_office_count: "51",
      tokutei_soudan_office_count: "99",
      health_center_count: "9",
      jiritsu_council_freq: "1",
      jiritsu_council_mh_subcommittee: "無",
      kyogi_pref: "1",
      kyogi_region: "8 ／ 8",
      kyogi_municipality: "12 ／ 19",
    },
    shares: { inpatients_lt3m: "14.2 ％", inpatients_3to12m: "17.4 ％", inpatients_ge1y: "68.4 ％" },
    asOf: { population: "R4年4月時点", psych_bed_count: "R4年4月時点", region_count: "R4年4月時点" },
    indicators: { S5: "8／8" },
  },
} as const;

function currentFiscalYear(): number {
  const tokyo = new Date(Date.now() + 9 * 3600_000);
  return tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
}

async function expectSheet(page: Page, code: "33" | "35") {
  const seed = SEEDS[code];
  await page.goto(`/indicators/sheet?prefecture=${code}&fy=2021`);
  for (const [key, value] of Object.entries(seed.basic)) {
    await expect(page.getByTestId(`basic-${key}`), key).toHaveText(value);
  }
  for (const [key, share] of Object.entries(seed.shares)) {
    await expect(page.locator(`tr[data-basic="${key}"] td`).nth(2), key).toHaveText(share);
  }
  for (const [key, label] of Object.entries(seed.asOf)) {
    await expect(page.locator(`tr[data-basic="${key}"]`), key).toContainText(label);
  }
  for (const [indicator, actual] of Object.entries(seed.indicators)) {
    await expect(page.getByTestId(`actual-${indicator}`), indicator).toContainText(actual);
  }
}

test.describe("岡山県 prefecture staff", () => {
  test.use({ storageState: storageStateOf("okayama.pref") });

  test("the FY2021 sheet shows every 基本情報 item and the R3 results the seed states", async ({ page }) => {
    await expectSheet(page, "33");
    await expect(page.getByTestId("actual-S3")).toContainText("県全域 1");
    await expect(page.getByTestId("actual-S3")).toContainText("保健所・支所圏域 4");
    await expect(page.getByTestId("actual-S2")).toContainText("保健所・支所にピアサポーターが登録され派遣できる体制がある");
    await expect(page.locator('tr[data-indicator="S1"]')).toContainText("各行政機関の取組やピアサポーター");
    await expectNoSeriousA11yViolations(page, "自治体情報シート");
  });

  test("the XLSX download holds the values the page shows", async ({ page }) => {
    await page.goto("/indicators/sheet?prefecture=33&fy=2021");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Excelでダウンロード" }).click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0]!;
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (typeof values[0] === "string") rows.set(values[0], values);
    });
    expect(rows.get("人口")?.[2]).toBe(1864432);
    expect(rows.get("精神科病床数")?.[2]).toBe(5275);
    expect(rows.get("精神科病床数")?.[1]).toBe("R3年10月時点");
    expect(rows.get("入院精神障害者数 3か月未満（％：構成割合）")?.[5]).toBe(23.3);
    expect(rows.get("退院率 入院後3か月時点")?.[2]).toBe(67.2);
    expect(rows.get("保健所数")?.[2]).toBe(11);
    expect(rows.get("保健・医療・福祉関係者による協議の場の設置状況 障害保健福祉圏域")?.[2]).toBe("5か所以上");
    expect(rows.get("保健・医療・福祉関係者による協議の場の設置状況 市町村")?.slice(2, 4)).toEqual([23, 27]);
    expect(rows.get("地域移行推進検討会の開催")?.slice(2, 4)).toEqual(["1回", 1]);
    expect(rows.get("人材育成研修会の開催")?.[3]).toBe(5);
  });

  test("the CSV download is UTF-8 with a BOM and the same figures", async ({ page }) => {
    const response = await page.request.get("/indicators/sheet/csv?prefecture=33&fy=2021");
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain('"人口","R4年4月時点","1864432"');
    expect(text).toContain('"地域移行推進検討会の開催"');
  });

  test("printing the sheet gives A4 pages without the menu", async ({ page }) => {
    await page.goto("/indicators/sheet?prefecture=33&fy=2021");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "メインメニュー" })).toBeHidden();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
      expect(Math.abs(w! - 595.3)).toBeLessThan(2);
      expect(Math.abs(h! - 841.9)).toBeLessThan(2);
    }
  });

  test("a meeting saved in the current year counts on the next load", async ({ page }) => {
    const fy = currentFiscalYear();
    const s1 = page.getByTestId("value-S1");
    await page.goto(`/indicators?fy=${fy}&scope=prefecture`);
    const before = Number((await s1.textContent())?.replace(/[^\d]/g, ""));
    await page.goto("/activities/meetings/new");
    await page.getByLabel(/^会議の種別/).selectOption({ label: "地域移行推進検討会" });
    await page.getByLabel(/^会議名/).fill(`E2E 地域移行推進検討会 ${randomBytes(3).toString("hex")}`);
    await page.getByRole("button", { name: "保存する" }).click();
    await page.waitForURL((url) => url.pathname === "/activities/meetings");
    await page.goto(`/indicators?fy=${fy}&scope=prefecture`);
    await expect(s1).toHaveText(`${before + 1}回`);
  });

  test("the drill-down lists pseudonymous rows and never a name", async ({ page }) => {
    await page.goto("/indicators/C1?fy=2021&scope=prefecture");
    const rows = page.getByTestId("indicator-records").getByRole("row");
    await expect(rows.first()).toContainText(/33-[A-Z]{2}-\d{4}-\d{4}/);
    const body = await page.locator("main").innerText();
    const names = personIdentities().map((i) => ({ f: i.familyName, g: i.givenName, k: i.familyNameKana }));
    expect(names.length).toBeGreaterThan(50);
    for (const n of names) {
      expect(body, "no name on the page").not.toContain(`${n.f} ${n.g}`);
      expect(body).not.toContain(`${n.f}${n.g}`);
      expect(body).not.toContain(n.k);
    }
    // No link into a person's record for prefecture staff.
    await expect(page.getByTestId("indicator-records").getByRole("link")).toHaveCount(0);
  });

  test("below the prefecture, small person counts read 5未満", async ({ page }) => {
    await page.goto("/indicators/A10?fy=2022&scope=prefecture");
    // The contractor's two outreach persons of R4 sit at one or two offices: hidden per office.
    await expect(page.locator("#by-office")).toContainText("5未満");
    await expect(page.getByTestId("figure-value")).toHaveText("2人");
  });

  test("the API answers 403 for the other prefecture and the dashboard's figures for its own", async ({ page }) => {
    const other = await page.request.get("/api/v1/indicators?prefecture=35&fy=2021");
    expect(other.status()).toBe(403);
    expect((await other.json()).error).toBe("forbidden");
    const own = await page.request.get("/api/v1/indicators?prefecture=33&fy=2021");
    expect(own.status()).toBe(200);
    const json = await own.json();
    const byCode = new Map((json.indicators as { code: string; value: number | null }[]).map((i) => [i.code, i]));
    expect(byCode.get("S1")?.value).toBe(1);
    expect(byCode.get("S3")?.value).toBe(5);
    expect((json.basicInfo as { code: string; value: number }[]).find((b) => b.code === "B.population")?.value).toBe(1864432);
  });

  test("the dashboard and an indicator's page pass axe", async ({ page }) => {
    await page.goto("/indicators?fy=2021");
    await expect(page.getByRole("heading", { name: "達成度指標", level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "達成度指標");
    await page.getByRole("link", { name: "人材育成研修会の開催" }).first().click();
    await expect(page.getByTestId("figure-value")).toHaveText("5回");
    await expectNoSeriousA11yViolations(page, "指標の詳細");
  });
});

test.describe("山口県 prefecture staff", () => {
  test.use({ storageState: storageStateOf("yamaguchi.pref") });

  test("the FY2021 sheet shows every 基本情報 item, its R3 results and targets", async ({ page }) => {
    await expectSheet(page, "35");
    await expect(page.locator('tr[data-indicator="S7.3m"]')).toContainText("56％以上");
    await expect(page.locator('tr[data-indicator="S6"]')).toContainText("2,855人以下");
    await expect(page.locator("tr[data-basic='kyogi_pref']").locator("xpath=preceding-sibling::tr[1]")).toContainText("R4年4月時点");
  });

  test("岡山県's sheet is not there for 山口県", async ({ page }) => {
    await page.goto("/indicators/sheet?prefecture=33&fy=2021");
    await expect(page.getByRole("heading", { name: NOT_FOUND_TITLE })).toBeVisible();
  });
});

test.describe("an office coordinator", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("sees the office's indicators, and no prefecture scope", async ({ page, request }) => {
    await page.goto("/indicators?fy=2021");
    await expect(page.getByText("備前保健所・令和3年度")).toBeVisible();
    const api = await page.request.get("/api/v1/indicators?prefecture=33&fy=2021&scope=prefecture");
    expect(api.status()).toBe(403);
    void request;
  });
});

test("signed out: the API answers 401 as JSON and /api/health needs no sign-in", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const api = await anonymous.get("/api/v1/indicators?prefecture=33&fy=2021", { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  expect(api.headers()["content-type"]).toContain("application/json");
  expect((await api.json()).error).toBe("unauthorized");
  const health = await anonymous.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  await anonymous.dispose();
});
