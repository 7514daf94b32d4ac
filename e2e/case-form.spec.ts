import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formAlert, storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { db, opened, personIdentities } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";
import { KATAKANA, field } from "./fixtures/forms";

test.use({ storageState: storageStateOf("bizen.coord") });

const CASE_URL = /\/cases\/[0-9A-HJKMNP-TV-Z]{26}$/;

/** A kana name no other test (or earlier run) uses, so duplicate checks only see this test's persons. */
function uniqueKana(length = 7): string {
  return Array.from({ length }, () => KATAKANA[randomInt(KATAKANA.length)]).join("");
}

function fieldError(page: Page, name: string) {
  return page.locator(`#field-${name}-error`);
}

type Person = { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string; dateOfBirth?: string; birthYearMonth?: string };

/** Fill every field a valid case needs; dates are typed the way coordinators write them. */
async function fillCase(page: Page, person: Person, dates: { referral: string; admission: string; supportStart: string } = { referral: "令和6年4月10日", admission: "H30.4.17", supportStart: "R6.4.15" }) {
  await field(page, "氏名（姓）").fill(person.familyName);
  await field(page, "氏名（名）").fill(person.givenName);
  await field(page, "ふりがな（姓）").fill(person.familyNameKana);
  await field(page, "ふりがな（名）").fill(person.givenNameKana);
  if (person.dateOfBirth) await field(page, "生年月日").fill(person.dateOfBirth);
  if (person.birthYearMonth) await field(page, "生年月").fill(person.birthYearMonth);
  await field(page, "性別").selectOption({ label: "女性" });
  await field(page, "相談受付日").fill(dates.referral);
  await field(page, "相談経路").selectOption({ label: "精神科病院(PSW・退院後生活環境相談員)" });
  await field(page, "入院先の病院").selectOption({ index: 1 });
  await field(page, "今回の入院日").fill(dates.admission);
  await field(page, "支援開始日").fill(dates.supportStart);
}

function personCount(givenNameKana: string): number {
  // The identities are encrypted (ADR 0040): read them all and compare the decrypted kana.
  return personIdentities().filter((i) => i.givenNameKana === givenNameKana).length;
}

type CaseRow = { id: string; case_no: string; referral_date: string; index_admission_date: string; admission_date_precision: string; support_start_date: string; coordinator: string; office_id: string };

function casesOf(givenNameKana: string): CaseRow[] {
  return (
    db()
      .prepare(
        `SELECT c.id, c.case_no, c.referral_date, c.index_admission_date, c.admission_date_precision, c.support_start_date, u.username AS coordinator, c.office_id, p.given_name_kana AS kana
       FROM cases c JOIN person_identities p ON p.person_id = c.person_id JOIN users u ON u.id = c.coordinator_user_id
       ORDER BY c.created_at`,
      )
      .all() as (CaseRow & { kana: string })[]
  )
    .filter((r) => opened(r.kana) === givenNameKana)
    .map(({ kana: _kana, ...r }) => r);
}

/** Register a case through the form (no duplicates expected) and return its id. */
async function createCaseViaForm(page: Page, person: Person): Promise<string> {
  await page.goto("/cases/new");
  await fillCase(page, person);
  await page.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL(CASE_URL);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("bad input shows Japanese field errors, keeps what was typed and creates nothing", async ({ page }) => {
  const givenKana = uniqueKana();
  await page.goto("/cases/new");
  await fillCase(page, { familyName: "試験", givenName: "花子", familyNameKana: "shiken", givenNameKana: givenKana, dateOfBirth: "S45.5.10" }, {
    referral: "R1.4.30", // 令和 began on 1 May 2019: no such date
    admission: "H30.4.17",
    supportStart: "R6.4.15",
  });
  await page.getByRole("button", { name: "登録する" }).click();

  await expect(formAlert(page)).toHaveText("入力内容を確認してください。");
  await expect(fieldError(page, "familyNameKana")).toHaveText("エラー：ふりがなはひらがなかカタカナで入力してください。");
  await expect(fieldError(page, "referralDate")).toHaveText(/^エラー：その元号の期間外の日付です/);
  await expect(field(page, "ふりがな（姓）")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "ふりがな（姓）")).toHaveAccessibleDescription(/ひらがなかカタカナで入力してください。$/);
  // The first field in error has the focus; every typed value is still there.
  await expect(field(page, "ふりがな（姓）")).toBeFocused();
  await expect(field(page, "ふりがな（姓）")).toHaveValue("shiken");
  await expect(field(page, "相談受付日")).toHaveValue("R1.4.30");
  await expect(field(page, "生年月日")).toHaveValue("S45.5.10");
  await expect(field(page, "性別")).toHaveValue("female");
  await expectNoSeriousA11yViolations(page, "the new-case form with errors");

  // Fixed, but support now starts before the referral: the order rule names both dates.
  await field(page, "ふりがな（姓）").fill("しけん");
  await field(page, "相談受付日").fill("R6.4.20");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(fieldError(page, "supportStartDate")).toHaveText("エラー：支援開始日が相談受付日より前になっています。相談受付日以降にしてください。");
  await expect(fieldError(page, "familyNameKana")).toHaveCount(0);
  await expect(fieldError(page, "referralDate")).toHaveCount(0);
  await expect(field(page, "支援開始日")).toHaveValue("R6.4.15");

  await expect(page).toHaveURL((url) => url.pathname === "/cases/new");
  expect(personCount(givenKana)).toBe(0);
});

test("a case typed with Japanese-era dates is created and opens on its page", async ({ page }) => {
  const givenKana = uniqueKana();
  await page.goto("/cases/new");
  // A coordinator of one office: the office is fixed, and the lead coordinator defaults to them.
  await expect(page.getByText("担当保健所・支所：備前保健所")).toBeVisible();
  await expect(field(page, "担当保健所・支所")).toHaveCount(0);
  await expect(field(page, "主担当者")).toHaveValue(/.+/);
  await expect(field(page, "主担当者").locator("option:checked")).toHaveText("備前 つなぎ");

  await fillCase(page, { familyName: "試験", givenName: "和子", familyNameKana: "しけん", givenNameKana: givenKana, dateOfBirth: "昭和45年5月10日" });
  // Only the month of admission is known: the 1st of that month is stored.
  await field(page, "入院日の分かり方").selectOption({ label: "年月のみ判明" });
  await field(page, "同意日").fill("R6.4.15");
  await field(page, "同意の範囲").selectOption({ label: "支援及び関係機関との情報共有" });
  await page.getByRole("button", { name: "登録する" }).click();

  await page.waitForURL(CASE_URL);
  await expect(page.getByText("ケースを登録しました。")).toBeVisible();
  const response = await page.goto(page.url());
  expect(response?.status()).toBe(200);

  const [created, ...more] = casesOf(givenKana);
  expect(more).toHaveLength(0);
  expect(page.url()).toMatch(new RegExp(`/cases/${created!.id}$`));
  expect(created).toMatchObject({
    referral_date: "2024-04-10",
    support_start_date: "2024-04-15",
    index_admission_date: "2018-04-01",
    admission_date_precision: "month",
    coordinator: "bizen.coord",
    office_id: "33-bizen",
  });
  // Fiscal year 2024 (referral in April 2024) of 備前保健所.
  expect(created!.case_no).toMatch(/^33-BZ-2024-\d{4}$/);
});

test("a second person with the same kana and birth month is shown as a possible duplicate before saving", async ({ page }) => {
  const familyKana = uniqueKana(4);
  const givenKana = uniqueKana();
  const firstId = await createCaseViaForm(page, { familyName: "重複", givenName: "一子", familyNameKana: familyKana, givenNameKana: givenKana, dateOfBirth: "1970/5/10" });
  const [first] = casesOf(givenKana);
  expect(first!.id).toBe(firstId);

  // Same kana (in hiragana this time) and birth month, given only as a year-month.
  const hiragana = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  await page.goto("/cases/new");
  await fillCase(page, { familyName: "重複", givenName: "二子", familyNameKana: hiragana(familyKana), givenNameKana: hiragana(givenKana), birthYearMonth: "1970-05" });
  await page.getByRole("button", { name: "登録する" }).click();

  await expect(page.getByRole("main").getByRole("status")).toContainText("ふりがなと生年月が同じケースが既にあります。まだ登録していません。");
  const list = page.getByRole("region", { name: "同じ方が既に登録されていませんか" });
  await expect(list).toBeVisible();
  const row = list.getByRole("row").filter({ hasText: first!.case_no });
  await expect(row).toContainText("備前保健所");
  await expect(row).toContainText("対象者把握");
  await expect(row.getByRole("link", { name: /重複 一子/ })).toHaveAttribute("href", `/cases/${firstId}`);
  // Nothing saved yet, and what was typed is still in the form.
  await expect(page).toHaveURL((url) => url.pathname === "/cases/new");
  expect(casesOf(hiragana(givenKana))).toHaveLength(0);
  await expect(field(page, "氏名（名）")).toHaveValue("二子");
  await expect(field(page, "生年月")).toHaveValue("1970-05");
  await expect(field(page, "相談受付日")).toHaveValue("令和6年4月10日");
  await expect(field(page, "性別")).toHaveValue("female");
  await expectNoSeriousA11yViolations(page, "the new-case form listing possible duplicates");

  await list.getByRole("button", { name: "確認のうえ登録する" }).click();
  await page.waitForURL(CASE_URL);
  const second = casesOf(hiragana(givenKana));
  expect(second).toHaveLength(1);
  expect(page.url()).toMatch(new RegExp(`/cases/${second[0]!.id}$`));
  expect(second[0]!.case_no).not.toBe(first!.case_no);
});

test("two people editing the same case: the second save gets the conflict message and overwrites nothing", async ({ page, browser }) => {
  const givenKana = uniqueKana();
  const caseId = await createCaseViaForm(page, { familyName: "競合", givenName: "三郎", familyNameKana: "きょうごう", givenNameKana: givenKana, dateOfBirth: "R1.6.1" });
  const other = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  const supervisor = await other.newPage();

  await page.goto(`/cases/${caseId}/edit`);
  await supervisor.goto(`/cases/${caseId}/edit`);
  // The form is loaded with the stored values, dates written the usual way.
  await expect(field(page, "相談受付日")).toHaveValue("2024/04/10");
  await expect(field(supervisor, "支援開始日")).toHaveValue("2024/04/15");

  await field(page, "退院予定日").fill("R7.3.31");
  await page.getByRole("button", { name: "保存する" }).click();
  await page.waitForURL(new RegExp(`/cases/${caseId}$`));

  await field(supervisor, "診断分類").selectOption({ label: "F3 気分障害" });
  await field(supervisor, "病棟種別").selectOption({ label: "精神療養病棟" });
  await supervisor.getByRole("button", { name: "保存する" }).click();
  const alert = formAlert(supervisor);
  // The answer names whose save won.
  await expect(alert).toContainText("備前 つなぎ さんが先にこの記録を保存しました。");
  await expect(alert).toContainText("退院予定日：現在の値は「2025/03/31」です。");
  await expect(alert).not.toContainText("診断分類");
  // The supervisor's typed values are kept, not replaced by the newer record.
  await expect(field(supervisor, "診断分類")).toHaveValue("F3");
  await expect(field(supervisor, "病棟種別")).toHaveValue("psych_recuperation");
  await expect(field(supervisor, "退院予定日")).toHaveValue("");
  await expect(supervisor).toHaveURL((url) => url.pathname === `/cases/${caseId}/edit`);
  await expectNoSeriousA11yViolations(supervisor, "the edit form with a conflict");

  const stored = db().prepare("SELECT planned_discharge_date, diagnosis_group, ward_type, version FROM cases WHERE id = ?").get(caseId);
  expect(stored).toEqual({ planned_discharge_date: "2025-03-31", diagnosis_group: null, ward_type: null, version: 2 });
  await other.close();
});

test("the edit form refuses a bad date order with the field named, and saves nothing", async ({ page }) => {
  const givenKana = uniqueKana();
  const caseId = await createCaseViaForm(page, { familyName: "順序", givenName: "四郎", familyNameKana: "じゅんじょ", givenNameKana: givenKana, birthYearMonth: "1960-01" });
  await page.goto(`/cases/${caseId}/edit`);
  await field(page, "退院予定日").fill("R6.4.1");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(fieldError(page, "plannedDischargeDate")).toHaveText("エラー：退院予定日が支援開始日より前になっています。支援開始日以降にしてください。");
  await expect(field(page, "退院予定日")).toHaveValue("R6.4.1");
  const stored = db().prepare("SELECT planned_discharge_date, version FROM cases WHERE id = ?").get(caseId);
  expect(stored).toEqual({ planned_discharge_date: null, version: 1 });
});

test.describe("without case permissions", () => {
  test.use({ storageState: storageStateOf("okayama.pref") });

  test("the prefecture account gets 404 on the new-case form", async ({ page }) => {
    const response = await page.goto("/cases/new");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
  });
});

test.describe("another office", () => {
  test.use({ storageState: storageStateOf("tobi.coord") });

  test("a coordinator of another office gets 404 on the edit form", async ({ page }) => {
    const bizenCase = db().prepare("SELECT id FROM cases WHERE office_id = '33-bizen' LIMIT 1").get() as { id: string };
    const response = await page.goto(`/cases/${bizenCase.id}/edit`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server applies the same rules and keeps the typed values", async ({ page }) => {
    const givenKana = uniqueKana();
    await page.goto("/cases/new");
    await fillCase(page, { familyName: "試験", givenName: "五郎", familyNameKana: "goro", givenNameKana: givenKana, birthYearMonth: "1955-02" }, {
      referral: "R6.4.10",
      admission: "H30.4.17",
      supportStart: "R6.4.1",
    });
    await page.getByRole("button", { name: "登録する" }).click();
    await expect(formAlert(page)).toHaveText("入力内容を確認してください。");
    await expect(fieldError(page, "familyNameKana")).toHaveText("エラー：ふりがなはひらがなかカタカナで入力してください。");
    await expect(field(page, "ふりがな（姓）")).toHaveValue("goro");
    await expect(field(page, "ふりがな（名）")).toHaveValue(givenKana);
    expect(personCount(givenKana)).toBe(0);

    await field(page, "ふりがな（姓）").fill("ごろう");
    await page.getByRole("button", { name: "登録する" }).click();
    await expect(fieldError(page, "supportStartDate")).toHaveText("エラー：支援開始日が相談受付日より前になっています。相談受付日以降にしてください。");
    await expect(field(page, "支援開始日")).toHaveValue("R6.4.1");
    expect(personCount(givenKana)).toBe(0);
  });
});
