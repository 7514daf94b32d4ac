import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { db } from "./fixtures/db";
import { field, uniqueKana } from "./fixtures/forms";

/*
 * A person's life across cases (ADR 0029), through the screens of the roles that do it: a
 * coordinator opens a new case for a person known in reach from the duplicate warning and from a
 * closed case's page; a closed case is read-only; a supervisor reopens it with a reason; the
 * coordinator undoes the latest phase change.
 */

/** The first day of this fiscal year in Japan, as the form takes it (never after today). */
function fiscalYearStart(): string {
  const jst = new Date(Date.now() + 9 * 3600_000);
  const year = jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
  return `${year}/4/1`;
}

async function fillCaseRecord(page: Page) {
  await field(page, "相談受付日").fill(fiscalYearStart());
  await field(page, "相談経路").selectOption({ label: "精神科病院(PSW・退院後生活環境相談員)" });
  await field(page, "入院先の病院").selectOption({ index: 1 });
  await field(page, "今回の入院日").fill("H28.11.2");
  await field(page, "支援開始日").fill(fiscalYearStart());
}

async function fillPerson(page: Page, givenKana: string) {
  await field(page, "氏名（姓）").fill("再来");
  await field(page, "氏名（名）").fill("試子");
  await field(page, "ふりがな（姓）").fill("さいらい");
  await field(page, "ふりがな（名）").fill(givenKana);
  await field(page, "生年月").fill("1966-03");
  await field(page, "性別").selectOption({ label: "女性" });
}

const phaseCard = (page: Page) => page.getByRole("region", { name: "段階の変更" });

async function changePhase(page: Page, label: string, fill?: (panel: Locator) => Promise<void>) {
  const panel = phaseCard(page);
  await panel.getByRole("radio", { name: label, exact: true }).check();
  await fill?.(panel);
  await panel.getByRole("button", { name: "段階を変更する" }).click();
  await expectPhase(page, label);
}

async function expectPhase(page: Page, label: string) {
  await expect(phaseCard(page).getByText(/^現在の段階/)).toHaveText(new RegExp(`^現在の段階\\s*${label}$`));
}

const close = (page: Page) =>
  changePhase(page, "終結", async (panel) => {
    await panel.getByLabel("終結理由").selectOption({ label: "その他" });
  });

const caseIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;
const personOf = (caseId: string) => (db().prepare("SELECT person_id FROM cases WHERE id = ?").get(caseId) as { person_id: string }).person_id;
const caseNoOf = (caseId: string) => (db().prepare("SELECT case_no FROM cases WHERE id = ?").get(caseId) as { case_no: string }).case_no;

test("re-referral, a read-only closed case, a supervisor's reopening and a coordinator's undo", async ({ browser }) => {
  test.setTimeout(150_000);
  const coord = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
  const page = await coord.newPage();
  const givenKana = uniqueKana();

  // A first case for a new person, closed.
  await page.goto("/cases/new");
  await fillPerson(page, givenKana);
  await fillCaseRecord(page);
  await page.getByRole("button", { name: "登録する", exact: true }).click();
  await page.waitForURL(/\/cases\/[0-9A-Z]{26}$/);
  const first = caseIdOf(page);
  await close(page);

  // Closed: read-only. No quick entry, no edit, no phase change; the coordinator cannot reopen.
  await page.reload();
  await expect(page.getByText("終結したケース")).toBeVisible();
  await expect(page.getByRole("heading", { name: "支援記録をすばやく追加" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "基本情報を編集" })).toHaveCount(0);
  await expect(phaseCard(page).getByRole("button")).toHaveCount(0);

  // Admitted again: the duplicate warning offers a new case for the same person.
  await page.goto("/cases/new");
  await fillPerson(page, givenKana);
  await fillCaseRecord(page);
  await page.getByRole("button", { name: "登録する", exact: true }).click();
  const duplicates = page.getByRole("region", { name: "同じ方が既に登録されていませんか" });
  await expect(duplicates).toContainText(caseNoOf(first));
  await duplicates.getByRole("button", { name: /この方の新しいケースを開く/ }).click();
  await page.waitForURL((url) => /^\/cases\/[0-9A-Z]{26}$/.test(url.pathname) && !url.pathname.endsWith(first));
  const second = caseIdOf(page);
  expect(personOf(second)).toBe(personOf(first));
  const records = page.getByRole("region", { name: "この対象者の他の記録" });
  await expect(records.getByRole("link", { name: `地域移行 ${caseNoOf(first)}` })).toBeVisible();
  // While this case is open, no further case is offered.
  await expect(records.getByRole("link", { name: "この対象者の新しいケースを開く" })).toHaveCount(0);

  // Closed in turn; from its page, a new case for the same person again.
  await close(page);
  await records.getByRole("link", { name: "この対象者の新しいケースを開く" }).click();
  await page.waitForURL(/\/cases\/new\?person=/);
  await expect(page.getByTestId("existing-person")).toContainText("再来 試子");
  await fillCaseRecord(page);
  await page.getByRole("button", { name: "登録する", exact: true }).click();
  await page.waitForURL((url) => /^\/cases\/[0-9A-Z]{26}$/.test(url.pathname));
  const third = caseIdOf(page);
  expect(personOf(third)).toBe(personOf(first));
  await expect(page.getByRole("region", { name: "この対象者の他の記録" }).getByRole("link", { name: /^地域移行 / })).toHaveCount(2);

  // The coordinator moves the new case on, then undoes that change.
  await changePhase(page, "アセスメント");
  await phaseCard(page).getByText(/直近の段階の変更.*を訂正・取り消す/).click();
  await phaseCard(page).getByRole("button", { name: "段階の変更を取り消す" }).click();
  await expectPhase(page, "対象者把握");
  await expect(page.getByRole("region", { name: "経過" })).not.toContainText("アセスメント");
  await coord.close();

  // A supervisor reopens the first case: the reason is required, then it is back where it was closed from.
  const sup = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  const supPage = await sup.newPage();
  await supPage.goto(`/cases/${first}`);
  const reopen = phaseCard(supPage);
  await reopen.getByRole("button", { name: "理由を付けて再開する" }).click();
  await expect(reopen.getByText("再開する理由を入力してください。").first()).toBeVisible();
  await reopen.getByLabel(/^再開する理由/).fill("終結の記録が誤っていたため");
  await reopen.getByRole("button", { name: "理由を付けて再開する" }).click();
  await expectPhase(supPage, "対象者把握");
  await expect(supPage.getByRole("region", { name: "経過" })).toContainText("終結の記録が誤っていたため");
  await expect(supPage.getByRole("heading", { name: "支援記録をすばやく追加" })).toBeVisible();
  // The history names the reopening and the coordinator's undo in words, not as a bare field change.
  const history = supPage.locator("#audit").getByRole("row");
  await expect(history.filter({ hasText: "終結したケースを再開：対象者把握 に戻す（理由：終結の記録が誤っていたため）" })).toHaveCount(1);
  await supPage.goto(`/cases/${third}#audit`);
  await expect(supPage.locator("#audit").getByRole("row").filter({ hasText: /段階の変更（対象者把握 → アセスメント、\d{4}\/\d\d\/\d\d）を取り消し/ })).toHaveCount(1);
  const row = db().prepare("SELECT phase, end_date FROM cases WHERE id = ?").get(first) as { phase: string; end_date: string | null };
  expect(row).toEqual({ phase: "identified", end_date: null });
  await sup.close();
});
