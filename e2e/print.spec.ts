import { randomUUID } from "node:crypto";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createTestCase, db, userId } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * Printing (issue 11): the one-page A4 case summary for case conferences, and lists and yearly
 * tables that print their content without the menu, forms and buttons. Printed to PDF by
 * Chromium; a PDF's text is compressed, so pages are counted by their page objects.
 */

/** An A4 sheet less the 12 mm margins of the print stylesheet: 186 mm at 96 px per inch. */
const A4_CONTENT_WIDTH_PX = 703;

/** The pages of a PDF: its `/Type /Page` objects (not `/Type /Pages`, the page tree's nodes). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Every page's MediaBox is A4 (595.3 × 841.9 pt). */
function expectA4(pdf: Buffer): void {
  const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, w, h] of boxes) {
    expect(Math.abs(Number(w) - 595.3)).toBeLessThan(2);
    expect(Math.abs(Number(h) - 841.9)).toBeLessThan(2);
  }
}

async function printToPdf(page: Page): Promise<Buffer> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expectA4(pdf);
  return pdf;
}

/**
 * With print media: the app header and menu are gone, and so is every nav (breadcrumbs, tabs,
 * chips, pagers), form, button and dialog; at the sheet's width nothing runs off its right edge.
 * A screenshot of the printed page is attached, to look at.
 */
async function expectPrintedWithoutChrome(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expect(page.getByRole("banner")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "メインメニュー" })).toBeHidden();
  await expect(page.getByTestId("signed-in-as")).toBeHidden();
  const visibleChrome = await page.evaluate(() =>
    [...document.querySelectorAll("nav, form, button, dialog, [role=search]")].filter((e) => e.checkVisibility()).map((e) => e.outerHTML.slice(0, 120)),
  );
  expect(visibleChrome).toEqual([]);
  await page.setViewportSize({ width: A4_CONTENT_WIDTH_PX, height: 1000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_CONTENT_WIDTH_PX);
  const file = testInfo.outputPath(`${name}-print.png`);
  await page.screenshot({ fullPage: true, path: file });
  await testInfo.attach(`${name}-print.png`, { path: file, contentType: "image/png" });
}

const LONG = "病棟で面会し、退院後の住まいと日中の過ごし方、服薬の続け方、家族との関わり方、金銭管理と通院の手段について本人の希望を丁寧に聞き取った。次回は相談支援専門員と一緒に体験利用の候補先を検討する。";

/**
 * A case as full as a long one gets: 30 activities with long texts, 14 phase changes with notes,
 * 6 open care plans and 4 open follow-ups. The summary must still be one sheet.
 */
function fillCase(caseId: string): void {
  const conn = db();
  const coord = userId("bizen.coord");
  const now = new Date().toISOString();
  conn.transaction(() => {
    const activity = conn.prepare(
      `INSERT INTO case_activities (id, case_id, date, activity_type, minutes, staff_user_id, with_peer, summary, created_by, created_at)
       VALUES (?, ?, ?, ?, 60, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < 30; i++) {
      const date = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
      activity.run(randomUUID(), caseId, date, i % 2 ? "ward_visit" : "individual_support_meeting", coord, i % 3 === 0 ? 1 : 0, `${i + 1}. ${LONG}${LONG}`, coord, now);
    }
    const phases = ["assessment", "engagement", "suspended", "engagement", "preparation", "suspended", "preparation"];
    const event = conn.prepare(`INSERT INTO case_phase_events (id, case_id, from_phase, phase, date, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < 14; i++) {
      event.run(randomUUID(), caseId, phases[i % phases.length], phases[(i + 1) % phases.length], `2024-${String((i % 12) + 1).padStart(2, "0")}-15`, LONG, coord, now);
    }
    const plan = conn.prepare(
      `INSERT INTO care_plans (id, case_id, plan_type, status, created_date, review_due_date, period_end_date, consent_date, created_by, created_at)
       VALUES (?, ?, ?, 'active', '2024-06-01', '2024-12-01', '2025-05-31', '2024-06-01', ?, ?)`,
    );
    for (const type of ["chiiki_iko", "service_use", "hospital_discharge", "post_discharge_gl", "service_use", "chiiki_iko"]) plan.run(randomUUID(), caseId, type, coord, now);
    const check = conn.prepare(`INSERT INTO follow_up_checks (id, case_id, offset_months, due_date) VALUES (?, ?, ?, ?)`);
    for (const months of [1, 3, 6, 12]) check.run(randomUUID(), caseId, months, `2025-${String(months).padStart(2, "0")}-01`);
  })();
}

test.describe("a coordinator prints a case for a case conference", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("the 印刷用サマリー of a full case is one A4 sheet without menu or buttons, and opening it is audited", async ({ page }, testInfo) => {
    const c = createTestCase();
    fillCase(c.id);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole("link", { name: "印刷用サマリー" }).click();
    await page.waitForURL(`**/cases/${c.id}/summary`);

    const sheet = page.getByTestId("case-summary");
    await expect(sheet.getByRole("heading", { level: 1 })).toContainText(c.name);
    await expect(sheet.getByRole("heading", { level: 1 })).toContainText(c.caseNo);
    await expect(page).not.toHaveTitle(new RegExp(c.name.split(" ")[1]!));
    await expect(sheet).toContainText("1968年7月生");
    await expect(sheet.getByRole("heading", { name: "最近の支援（直近5件／全30件）" })).toBeVisible();
    // The header row and the five latest activities.
    await expect(sheet.getByRole("row")).toHaveCount(6);
    await expect(sheet).toContainText("これより前の変更 7件は省略");
    await expect(sheet).toContainText("ほか3件");
    await expect(page.getByTestId("printed-by")).toContainText("出力者 備前 つなぎ");
    await expect(page.getByRole("button", { name: "印刷" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the case summary");
    const screen = testInfo.outputPath("case-summary-screen.png");
    await page.screenshot({ fullPage: true, path: screen });
    await testInfo.attach("case-summary-screen.png", { path: screen, contentType: "image/png" });

    await expectPrintedWithoutChrome(page, testInfo, "case-summary");
    await expect(sheet).toBeVisible();
    await expect(page.getByRole("link", { name: "ケースに戻る" })).toBeHidden();
    expect(pdfPageCount(await printToPdf(page))).toBe(1);

    // The summary is read through the case page's audited read, marked as the print summary.
    const audit = db()
      // The summary's own view row (a prefetch of the case page may add a plain view after it).
      .prepare("SELECT actor_username AS who, detail FROM audit_logs WHERE entity_id = ? AND action = 'view' AND json_extract(detail, '$.printSummary') IS NOT NULL ORDER BY id DESC LIMIT 1")
      .get(c.id) as { who: string; detail: string };
    expect(audit.who).toBe("bizen.coord");
    expect(JSON.parse(audit.detail)).toMatchObject({ caseNo: c.caseNo, identity: true, printSummary: true });
  });

  test("the case page itself prints without its entry forms and dialogs", async ({ page }, testInfo) => {
    const c = createTestCase();
    await page.goto(`/cases/${c.id}`);
    await expect(page.getByRole("button", { name: "段階を変更する" })).toBeVisible();
    await expectPrintedWithoutChrome(page, testInfo, "case-page");
    await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
  });

  test("another office's coordinator gets the same 404 as for the case page", async ({ browser }) => {
    const c = createTestCase();
    const context = await browser.newContext({ storageState: storageStateOf("tobi.coord") });
    const page = await context.newPage();
    await page.goto(`/cases/${c.id}/summary`);
    await expect(page.getByRole("heading", { name: NOT_FOUND_TITLE })).toBeVisible();
    await expect(page.getByText(c.name)).toHaveCount(0);
    await context.close();
  });

  test("the case list prints its table only, on A4 sheets that fit the rows", async ({ page }, testInfo) => {
    await page.goto("/cases?closed=1&size=100");
    // Named: the list may also hold a 転出したケース table (the transfer spec moves a case of this office).
    const table = page.getByRole("table", { name: /^ケース一覧/ });
    await expect(table).toBeVisible();
    const rows = (await table.getByRole("row").count()) - 1;
    await expectPrintedWithoutChrome(page, testInfo, "cases");
    await expect(table).toBeVisible();
    await expect(page.getByRole("link", { name: "新規ケース" })).toBeHidden();
    const pages = pdfPageCount(await printToPdf(page));
    // A sanity check on the layout: at least one sheet, and at least a dozen rows on each.
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(Math.ceil(rows / 12) + 1);
  });

  test("the yearly tables of meetings and outreach print without the tabs and filters", async ({ page }, testInfo) => {
    for (const [path, name] of [["/activities/meetings", "meetings"], ["/outreach", "outreach"]] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ media: "screen" });
      await page.goto(path);
      await expect(page.getByRole("table").first()).toBeVisible();
      await expectPrintedWithoutChrome(page, testInfo, name);
      await expect(page.getByRole("table").first()).toBeVisible();
      expect(pdfPageCount(await printToPdf(page))).toBeGreaterThanOrEqual(1);
    }
  });
});

test.describe("a supervisor prints the caseload", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("the caseload's tables print on A4 without the menu", async ({ page }, testInfo) => {
    await page.goto("/caseload");
    await expect(page.getByRole("table").first()).toBeVisible();
    await expectPrintedWithoutChrome(page, testInfo, "caseload");
    await expect(page.getByRole("table").first()).toBeVisible();
    expect(pdfPageCount(await printToPdf(page))).toBeGreaterThanOrEqual(1);
  });
});
