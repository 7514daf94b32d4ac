import http from "node:http";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";
import { db, personIdentities } from "./fixtures/db";

/*
 * Import (ADR 0043), what a browser must prove: the page uploads a CSV made from the template,
 * the check shows the bad row without saving anything, the fixed file is checked and imported,
 * and the case is there. A 50 MB upload is refused by its Content-Length alone (the body is
 * never sent). The rules themselves are unit-tested (tests/import).
 */

const baseURL = process.env.E2E_BASE_URL || `http://localhost:${process.env.E2E_PORT || "3100"}`;

const HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ";
const randomKana = (n: number) => Array.from({ length: n }, () => HIRAGANA[Math.floor(Math.random() * HIRAGANA.length)]).join("");

/** toCsv's quoted fields (the template) back into cells. */
const cellsOf = (line: string) => line.slice(1, -1).split('","').map((c) => c.replaceAll('""', '"'));
const csvLine = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(",");

test.describe("coordinator", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("checks a file, sees the bad row, fixes it, imports it and finds the case", async ({ page }) => {
    const template = await page.request.get("/api/v1/import/templates/cases.csv");
    expect(template.status()).toBe(200);
    const [headerLine, exampleLine] = (await template.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    const headers = cellsOf(headerLine!);
    const example = cellsOf(exampleLine!);
    const kana = randomKana(5);
    const set = (cells: string[], header: string, value: string) => cells.map((c, i) => (headers[i] === header ? value : c));
    let good = set(set(set(example, "氏名（姓）", "取込"), "ふりがな（名）", kana), "氏名（名）", "花子");
    good = set(good, "生年月", "1961-03");
    const bad = set(set(set(good, "ふりがな（名）", kana + "に"), "氏名（名）", "次子"), "相談受付日", "R1.4.30");
    const file = (rows: string[][]) => ({ name: "cases.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + [headers, ...rows].map(csvLine).join("\r\n") + "\r\n") });

    await page.goto("/import");
    await expect(page.getByRole("heading", { level: 1, name: "ファイルからの取り込み" })).toBeVisible();
    await expect(page.getByText("同じケースかどうかは")).toBeVisible();
    await page.getByLabel("ファイル", { exact: true }).setInputFiles(file([good, bad]));
    await page.getByRole("button", { name: "確認する" }).click();
    await expect(page.getByText("1 件の問題があります")).toBeVisible();
    const problem = page.getByRole("table", { name: "問題の一覧" }).getByRole("row").nth(1);
    await expect(problem).toContainText("3");
    await expect(problem).toContainText("相談受付日");
    await expect(problem).toContainText("R1.4.30");
    await expect(page.getByRole("button", { name: "取り込む" })).toBeDisabled();
    if (process.env.IMPORT_SCREENSHOT) await page.screenshot({ path: process.env.IMPORT_SCREENSHOT, fullPage: true });
    expect(personIdentities().some((p) => p.givenNameKana === kana), "the check saved nothing").toBe(false);

    await page.getByLabel("ファイル", { exact: true }).setInputFiles(file([good, set(bad, "相談受付日", "R6.4.10")]));
    await page.getByRole("button", { name: "確認する" }).click();
    await expect(page.getByText("問題はありません")).toBeVisible();
    await page.getByRole("button", { name: "取り込む" }).click();
    await expect(page.getByText("取り込みました。新規 2 件")).toBeVisible();

    const person = personIdentities().find((p) => p.givenNameKana === kana);
    expect(person).toBeTruthy();
    const { id } = db().prepare("SELECT id FROM cases WHERE person_id = ?").get(person!.personId) as { id: string };
    await page.goto(`/cases/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("取込");
  });
});

test("a 50 MB upload is refused by its Content-Length before the body is read", async () => {
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(`${baseURL}/api/v1/import/cases?mode=preview`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(50 * 1024 * 1024) },
    });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body });
        request.destroy();
      });
    });
    request.on("error", reject);
    // A few bytes of the announced 50 MB: an answer can only come from the header.
    request.write("--x\r\n");
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).message).toContain("10 MB");
});
