import { expect, test } from "@playwright/test";
import { signIn, storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createTestCase, db } from "./fixtures/db";
import { field } from "./fixtures/forms";

/*
 * Transfer of a case within the prefecture (ADR 0032), through the screens of the roles that do
 * it: 備前's supervisor asks 美作 to take a case; until accepted it stays with 備前; 美作's
 * supervisor sees the request with the person's name, accepts it and names 美作's coordinator; the
 * case page then shows the transfer in its history for the receiver, while 備前 gets a 404 on it and
 * lists it as 転出 without a link.
 */

test("備前 hands a case to 美作, 美作 accepts it, 備前 lists it as 転出", async ({ browser }) => {
  // Two roles, a dozen page loads and two axe scans: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const testCase = createTestCase({ office: "bizen", coordinator: "bizen.coord" });

  // 1. The sending supervisor asks for the transfer from the case page.
  const senderContext = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
  const sender = await senderContext.newPage();
  await sender.goto(`/cases/${testCase.id}`);
  const form = sender.getByRole("region", { name: "他の保健所へ移管" });
  // A request without a reason is refused with the catalog's words and saves nothing.
  await field(form, "移管先の保健所").selectOption({ label: "美作保健所" });
  await form.getByRole("button", { name: "移管を依頼する" }).click();
  await expect(form.getByText("移管の理由を入力してください。")).toBeVisible();
  await field(form, "移管の理由").fill("美作市へ転居するため");
  await form.getByRole("button", { name: "移管を依頼する" }).click();
  const banner = sender.getByRole("status").filter({ hasText: "移管の依頼中" });
  await expect(banner).toContainText("美作保健所 へ移管を依頼しています");
  await expect(banner).toContainText("美作市へ転居するため");
  // Until accepted, the case stays with 備前.
  expect((db().prepare("SELECT office_id FROM cases WHERE id = ?").get(testCase.id) as { office_id: string }).office_id).toBe("33-bizen");

  // 2. The receiving supervisor sees the request in the 移管 inbox and accepts it.
  const receiverContext = await browser.newContext();
  const receiver = await receiverContext.newPage();
  await signIn(receiver, "mimasaka.sup");
  await receiver.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "移管" }).click();
  await expect(receiver).toHaveURL(/\/transfers$/);
  const request = receiver.getByRole("listitem", { name: testCase.caseNo });
  await expect(request).toContainText(testCase.name);
  await expect(request).toContainText("備前保健所");
  await expect(request).toContainText("美作市へ転居するため");
  await expectNoSeriousA11yViolations(receiver, "the transfers page with a request");
  await field(request, "担当コーディネーター").selectOption({ label: "美作 ひかり" });
  await request.getByRole("button", { name: "受け入れる" }).click();

  // 3. The case page is now the receiver's, with the transfer in its history and audit trail.
  await expect(receiver).toHaveURL(new RegExp(`/cases/${testCase.id}$`));
  const history = receiver.getByRole("list", { name: "移管の履歴" });
  await expect(history).toContainText("備前保健所 → 美作保健所");
  await expect(history).toContainText("受け入れ");
  await expect(receiver.getByRole("main")).toContainText("美作 ひかり");
  await expect(receiver.getByRole("region", { name: "閲覧・変更履歴", exact: true })).toContainText("移管を受け入れ：備前保健所 → 美作保健所");
  await expectNoSeriousA11yViolations(receiver, "the case page after a transfer");

  // 4. The sender no longer opens the case, and lists it as 転出 without a link.
  const response = await sender.goto(`/cases/${testCase.id}`);
  expect(response?.status()).toBe(404);
  await sender.goto("/cases");
  const out = sender.getByRole("region", { name: "転出したケース" });
  await expect(out).toContainText(testCase.caseNo);
  await expect(out).toContainText("美作保健所");
  await expect(out.getByRole("link")).toHaveCount(0);
  await expect(sender.getByRole("main")).not.toContainText(testCase.name);

  await senderContext.close();
  await receiverContext.close();
});
