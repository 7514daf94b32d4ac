import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ulid } from "ulid";
import { storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createTestCase, db, opened, userId } from "./fixtures/db";
import { field } from "./fixtures/forms";

/*
 * Correcting a person (ADR 0028): a coordinator corrects a typo in a name from the case page
 * (half-width kana and a phone in brackets are stored in their one form), the corrected kanji
 * name is found by the list's search, and the supervisor reads in the case's 閲覧・変更履歴 which
 * fields changed with their old → new values. Its own case, so nothing depends on other specs.
 */

test.use({ storageState: storageStateOf("bizen.sup") });

test("a coordinator corrects a name from the case page; the supervisor sees old → new in the history", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const c = createTestCase();
  const given = c.name.split(" ")[1]!;
  const corrected = `${given}子`;

  const coordinator = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  try {
    const p = await coordinator.newPage();
    await p.goto(`/cases/${c.id}`);
    await p.getByRole("region", { name: "本人情報" }).getByRole("link", { name: "本人情報を訂正" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "本人情報の訂正" })).toBeVisible();
    await expect(field(p, "氏名（名）")).toHaveValue(given);
    await expectNoSeriousA11yViolations(p, "the person correction form");

    // A phone that is no number is refused with the field's message, and nothing is saved.
    await field(p, "電話番号").fill("123");
    await p.getByRole("button", { name: "訂正を保存" }).click();
    await expect(p.getByText("0から始まる10桁か11桁の番号で入力してください").first()).toBeVisible();

    await field(p, "氏名（名）").fill(corrected);
    await field(p, "ふりがな（名）").fill("ｼｹﾝｺ");
    await field(p, "電話番号").fill("(086)123-4567");
    await p.getByRole("button", { name: "訂正を保存" }).click();
    await expect(p).toHaveURL(new RegExp(`/cases/${c.id}$`));
    await expect(p.getByText("本人情報を訂正しました。").first()).toBeVisible();
    await expect(p.getByRole("heading", { level: 1, name: `架空 ${corrected}` })).toBeVisible();
    const identity = p.getByRole("region", { name: "本人情報" });
    await expect(identity).toContainText("カクウ シケンコ");
    await expect(identity).toContainText("086-123-4567");

    // The list finds the person by the corrected kanji name (whole name, spaces ignored).
    await p.goto("/cases?scope=office&size=100");
    await p.getByRole("searchbox", { name: "かな・漢字氏名・ケース番号" }).fill(`架空　${corrected}`);
    await p.getByRole("button", { name: "絞り込む" }).click();
    await expect(p).toHaveURL(/q=/);
    await expect(p.getByRole("row").filter({ hasText: c.caseNo })).toHaveCount(1);
  } finally {
    await coordinator.close();
  }

  const stored = db().prepare("SELECT given_name_kana AS kana, phone FROM person_identities WHERE person_id = (SELECT person_id FROM cases WHERE id = ?)").get(c.id) as { kana: string; phone: string };
  expect(stored.kana).toMatch(/^v1:/); // encrypted at rest (ADR 0040)
  expect({ kana: opened(stored.kana), phone: opened(stored.phone) }).toEqual({ kana: "シケンコ", phone: "086-123-4567" });

  await page.goto(`/cases/${c.id}?audit=changes#audit`);
  const row = page.locator("#audit").getByRole("row").filter({ hasText: "本人情報を訂正" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("備前 つなぎ");
  await expect(row).toContainText("氏名（名）、ふりがな（名）、電話番号");
  await expect(row).toContainText(`氏名（名）：${given} → ${corrected}`);
  await expect(row).toContainText("ふりがな（名）：シケン → シケンコ");
  await expect(row).toContainText("電話番号：（空欄） → 086-123-4567");
});

/** An outreach case at 備前 for the person of a test case (a referral from the case's office). */
function outreachForCaseOf(caseId: string): string {
  const id = ulid();
  const coordinator = userId("bizen.coord");
  const now = new Date().toISOString();
  db()
    .prepare(
      `INSERT INTO outreach_cases (id, case_no, person_id, prefecture_code, office_id, coordinator_user_id, status, primary_target, team_kind, team_name,
         referral_date, referral_source, version, created_by, created_at, updated_by, updated_at)
       SELECT ?, ?, person_id, '33', '33-bizen', ?, 'referred', 'untreated', 'health_center', '試験チーム', '2024-05-01', 'family', 1, ?, ?, ?, ?
       FROM cases WHERE id = ?`,
    )
    .run(id, `E2E-OR-${randomBytes(3).toString("hex")}`, coordinator, coordinator, now, coordinator, now, caseId);
  db().prepare("INSERT INTO outreach_case_targets (outreach_case_id, target) VALUES (?, 'untreated')").run(id);
  return id;
}

test("a correction made from the outreach page shows in the history of the person's case too", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const c = createTestCase();
  const outreachId = outreachForCaseOf(c.id);

  const coordinator = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  try {
    const p = await coordinator.newPage();
    await p.goto(`/outreach/${outreachId}`);
    await p.getByRole("region", { name: "本人情報" }).getByRole("link", { name: "本人情報を訂正" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "本人情報の訂正" })).toBeVisible();
    await field(p, "住所").fill("岡山市北区試験町1-1");
    await p.getByRole("button", { name: "訂正を保存" }).click();
    await expect(p).toHaveURL(new RegExp(`/outreach/${outreachId}$`));
    await expect(p.getByRole("region", { name: "本人情報" })).toContainText("岡山市北区試験町1-1");
  } finally {
    await coordinator.close();
  }

  await page.goto(`/cases/${c.id}?audit=changes#audit`);
  const row = page.locator("#audit").getByRole("row").filter({ hasText: "本人情報を訂正" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("住所：（空欄） → 岡山市北区試験町1-1");
});
