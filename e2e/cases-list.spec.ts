import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { storageStateOf } from "./fixtures/auth";
import { db, opened, userId } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * The case lists (/cases). Expected numbers come from the e2e database, read around the page
 * load: other specs may open cases meanwhile (never delete them), so a count shown by the page
 * must lie between the count before and the count after.
 */

function countCases(where: string, ...args: unknown[]): number {
  return (db().prepare(`SELECT count(*) AS n FROM cases WHERE ${where}`).get(...args) as { n: number }).n;
}

async function expectCountBetween(read: () => Promise<number>, count: () => number, load: () => Promise<unknown>) {
  const before = count();
  await load();
  const shown = await read();
  const after = count();
  expect(shown, `shown ${shown}, database ${before}..${after}`).toBeGreaterThanOrEqual(before);
  expect(shown).toBeLessThanOrEqual(after);
  return shown;
}

/** The list's table, whichever tab is open. */
function caseTable(page: Page): Locator {
  return page.getByRole("table", { name: /^ケース一覧/ });
}

/** The text of one column for every body row, found by its header. */
async function column(table: Locator, header: string): Promise<string[]> {
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.trim());
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `no column ${header} in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return (await table.locator(`tbody > tr > td:nth-child(${index + 1})`).allInnerTexts()).map((t) => t.trim());
}

/** The total of the pager line 「全 26 件中 1–20 件を表示」. */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.getByText(/^全 [\d,]+ 件中/).innerText();
  return Number(text.match(/全 ([\d,]+) 件/)![1]!.replace(/,/g, ""));
}

function phaseChips(page: Page): Locator {
  return page.getByRole("navigation", { name: /段階別の件数/ });
}

/** Katakana as hiragana, and as half-width katakana (with separate ﾞ/ﾟ marks). */
function toHiragana(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
const FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
const HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";
function toHalfWidth(katakana: string): string {
  return [...katakana]
    .map((c) => {
      const [base = c, mark] = [...c.normalize("NFD")];
      const i = FULL.indexOf(base);
      const half = i >= 0 ? HALF[i] : base === " " || base === "\u3000" ? " " : base;
      return half + (mark === "\u3099" ? "ﾞ" : mark === "\u309a" ? "ﾟ" : "");
    })
    .join("");
}

test.describe("bizen.coord (coordinator of 備前保健所)", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("opens on its own cases, and the office tab shows its office only", async ({ page }) => {
    const me = userId("bizen.coord");
    await expectCountBetween(
      () => shownTotal(page),
      () => countCases("coordinator_user_id = ? AND office_id = '33-bizen' AND phase <> 'closed'", me),
      () => page.goto("/cases?size=100"),
    );
    await expect(page.getByRole("link", { name: "自分の担当" })).toHaveAttribute("aria-current", "page");
    const coordinators = await column(caseTable(page), "担当者");
    expect(coordinators.length).toBeGreaterThan(0);
    expect(new Set(coordinators)).toEqual(new Set(["備前 つなぎ"]));

    await expectCountBetween(
      () => shownTotal(page),
      () => countCases("office_id = '33-bizen' AND phase <> 'closed'"),
      async () => {
        await page.getByRole("link", { name: "所属保健所のケース" }).click();
        await expect(page).toHaveURL(/scope=office/);
      },
    );
    await expect(page.getByRole("link", { name: "所属保健所のケース" })).toHaveAttribute("aria-current", "page");
    const offices = await column(caseTable(page), "保健所");
    expect(new Set(offices)).toEqual(new Set(["備前保健所"]));

    // The branch's cases are out of reach even by case number.
    const branchCase = db().prepare("SELECT case_no AS caseNo FROM cases WHERE office_id = '33-tobi' LIMIT 1").get() as { caseNo: string } | undefined;
    expect(branchCase, "the demo data has cases at 東備支所").toBeTruthy();
    await page.goto(`/cases?scope=office&q=${encodeURIComponent(branchCase!.caseNo)}`);
    await expect(page.getByText("条件に合うケースはありません")).toBeVisible();
    await expect(caseTable(page)).toHaveCount(0);
    await page.getByRole("link", { name: "絞り込み条件をクリアする" }).click();
    await expect(page).not.toHaveURL(/q=/);
    await expect(caseTable(page)).toBeVisible();
  });

  test("filters live in the URL and survive a reload", async ({ page }) => {
    const me = userId("bizen.coord");
    await page.goto("/cases");
    await page.getByRole("combobox", { name: "支援した年度" }).selectOption("2022");
    await page.getByRole("combobox", { name: "要確認" }).selectOption({ label: "30日以上活動なし" });
    await page.getByRole("combobox", { name: "表示件数" }).selectOption("50");
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/fy=2022/);
    expect(new URL(page.url()).searchParams.get("flag")).toBe("stale");
    expect(new URL(page.url()).searchParams.get("size")).toBe("50");
    // Empty fields are left out of a bookmarkable URL.
    expect(new URL(page.url()).searchParams.has("q")).toBe(false);

    await page.reload();
    await expect(page.getByRole("combobox", { name: "支援した年度" })).toHaveValue("2022");
    await expect(page.getByRole("combobox", { name: "要確認" })).toHaveValue("stale");
    await expect(page.getByRole("combobox", { name: "表示件数" })).toHaveValue("50");

    // The stale flag shows on every row, and the numbers are those of FY2022 (2022-04-01..2023-03-31).
    const staleBefore = new Date(Date.now() + 9 * 3600_000 - 30 * 86400_000).toISOString().slice(0, 10);
    const expected = countCases(
      `coordinator_user_id = ? AND office_id = '33-bizen' AND support_start_date <= '2023-03-31' AND (end_date IS NULL OR end_date >= '2022-04-01')
       AND phase <> 'closed' AND (last_activity_date IS NULL OR last_activity_date < ?)`,
      me,
      staleBefore,
    );
    // The demo runs up to today (ADR 0020), so whether FY2022 still has a stale case of this
    // coordinator depends on the day: the list must match the database either way.
    if (expected === 0) {
      await expect(caseTable(page)).toHaveCount(0);
    } else {
      const warnings = await column(caseTable(page), "注意");
      for (const w of warnings) expect(w).toContain("30日以上活動なし");
      expect(warnings.length).toBe(expected);
    }

    // Clearing removes every filter but keeps the tab.
    await page.getByRole("link", { name: "条件をクリア", exact: true }).click();
    await expect(page).not.toHaveURL(/fy=|flag=/);
    await expect(page.getByRole("combobox", { name: "支援した年度" })).toHaveValue("");

    // The year chosen in the header is one click away.
    const jst = new Date(Date.now() + 9 * 3600_000);
    const currentFy = String(jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1);
    await page.getByRole("link", { name: /^表示中の年度（.+）を使う$/ }).click();
    await expect(page).toHaveURL(new RegExp(`fy=${currentFy}`));
    await expect(page.getByRole("combobox", { name: "支援した年度" })).toHaveValue(currentFy);
    await expect(page.getByRole("link", { name: /^表示中の年度/ })).toHaveCount(0);
  });

  test("the phase chips count per phase and filter by phase", async ({ page }) => {
    await page.goto("/cases?scope=office");
    const chips = phaseChips(page);
    await expect(chips.getByRole("link", { name: /^すべて/ })).toHaveAttribute("aria-current", "true");
    // Pick the first phase that has cases.
    const links = await chips.getByRole("link").all();
    let target: { name: string; n: number } | undefined;
    for (const link of links.slice(1)) {
      const [, name, n] = (await link.innerText()).trim().match(/^(.+?)\s*(\d+)$/) ?? [];
      if (name && Number(n) > 0) {
        target = { name, n: Number(n) };
        break;
      }
    }
    expect(target, "some phase has cases").toBeTruthy();
    await chips.getByRole("link", { name: new RegExp(`^${target!.name}\\s*\\d`) }).click();
    await expect(page).toHaveURL(/phase=/);
    await expect(chips.getByRole("link", { name: new RegExp(`^${target!.name}\\s*\\d`) })).toHaveAttribute("aria-current", "true");
    await expect(chips.getByRole("link", { name: /^すべて/ })).not.toHaveAttribute("aria-current", "true");
    // The chip and the list of one render agree (other specs add and move cases meanwhile, so
    // the count read before the click may differ by one).
    const [, , shownChip] = (await chips.getByRole("link", { name: new RegExp(`^${target!.name}\\s*\\d`) }).innerText()).trim().match(/^(.+?)\s*(\d+)$/) ?? [];
    expect(Math.abs(Number(shownChip) - target!.n)).toBeLessThanOrEqual(2);
    expect(await shownTotal(page)).toBe(Number(shownChip));
    const phases = await column(caseTable(page), "段階");
    expect(new Set(phases)).toEqual(new Set([target!.name]));
    // The filter form follows the URL.
    await expect(page.getByRole("combobox", { name: "段階", exact: true })).not.toHaveValue("");
  });

  test("kana search accepts hiragana, katakana and half-width kana", async ({ page }) => {
    const person = db()
      .prepare(
        `SELECT c.case_no AS caseNo, i.family_name_kana AS family, i.given_name_kana AS given
         FROM cases c JOIN person_identities i ON i.person_id = c.person_id
         WHERE c.office_id = '33-bizen' AND c.phase <> 'closed' ORDER BY c.case_no LIMIT 1`,
      )
      .get() as { caseNo: string; family: string; given: string };
    // Stored encrypted (ADR 0040).
    person.family = opened(person.family);
    person.given = opened(person.given);

    const search = async (q: string) => {
      await page.goto("/cases?scope=office&size=100");
      await page.getByRole("searchbox", { name: "かな・漢字氏名・ケース番号" }).fill(q);
      await page.getByRole("button", { name: "絞り込む" }).click();
      await expect(page).toHaveURL(/q=/);
      await expect(caseTable(page)).toBeVisible();
      return column(caseTable(page), "ケース番号");
    };

    const byHiragana = await search(`${toHiragana(person.family)}　${toHiragana(person.given)}`);
    expect(byHiragana).toContain(person.caseNo);
    const byHalfWidth = await search(toHalfWidth(person.family + person.given));
    expect(byHalfWidth).toEqual(byHiragana);
    const byFamilyName = await search(toHalfWidth(person.family));
    expect(byFamilyName).toContain(person.caseNo);
    for (const kana of await column(caseTable(page), "氏名・かな")) expect(kana.replace(/\s/g, "")).toContain(person.family);
    // The query is kept in the box after the search.
    await expect(page.getByRole("searchbox", { name: "かな・漢字氏名・ケース番号" })).toHaveValue(toHalfWidth(person.family));

    // Part of a case number, typed in full width.
    const fullWidthNo = person.caseNo.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await search(fullWidthNo)).toEqual([person.caseNo]);
  });

  test("pages and sorts on the server", async ({ page }) => {
    const total = await expectCountBetween(
      () => shownTotal(page),
      () => countCases("office_id = '33-bizen' AND phase <> 'closed'"),
      () => page.goto("/cases?scope=office"),
    );
    expect(total, "needs more than one page of 20").toBeGreaterThan(20);
    const table = caseTable(page);
    await expect(table.locator("tbody > tr")).toHaveCount(20);
    await expect(page.getByText(`全 ${total} 件中 1–20 件を表示`)).toBeVisible();
    const firstPage = await column(table, "ケース番号");

    await page.getByRole("navigation", { name: "ページ送り" }).getByRole("link", { name: "次へ" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(table.locator("tbody > tr")).toHaveCount(Math.min(20, total - 20));
    const secondPage = await column(table, "ケース番号");
    expect(secondPage.filter((no) => firstPage.includes(no))).toEqual([]);
    await expect(page.getByRole("link", { name: "2 ページ目" })).toHaveAttribute("aria-current", "page");

    // Sorting by case number starts again from page 1, ascending, then descending.
    await table.getByRole("link", { name: /^ケース番号/ }).click();
    await expect(page).toHaveURL(/sort=caseNo&dir=asc/);
    await expect(page).not.toHaveURL(/page=/);
    const ascending = await column(table, "ケース番号");
    expect(ascending).toEqual([...ascending].sort());
    await table.getByRole("link", { name: /^ケース番号/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    const descending = await column(table, "ケース番号");
    expect(descending).toEqual([...descending].sort().reverse());

    // The filters keep the sort; a bigger page holds everything.
    await page.getByRole("combobox", { name: "表示件数" }).selectOption("100");
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/size=100/);
    await expect(page).toHaveURL(/sort=caseNo/);
    // Other spec files may have opened a 備前 case meanwhile: the page's own total is the reference.
    await expect(table.locator("tbody > tr")).toHaveCount(await shownTotal(page));
    await expect(page.getByRole("navigation", { name: "ページ送り" })).toHaveCount(0);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/cases?scope=office");
    await expect(caseTable(page)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the case list");
  });
});

test.describe("bizen.sup (supervisor of 備前保健所 and 東備支所)", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("opens on the office's cases, including the branch's", async ({ page }) => {
    await expectCountBetween(
      () => shownTotal(page),
      () => countCases("office_id IN ('33-bizen', '33-tobi') AND phase <> 'closed'"),
      () => page.goto("/cases?size=100"),
    );
    await expect(page.getByRole("link", { name: "所属保健所のケース" })).toHaveAttribute("aria-current", "page");
    expect(new Set(await column(caseTable(page), "保健所"))).toEqual(new Set(["備前保健所", "備前保健所東備支所"]));
    // The coordinator filter offers the branch's coordinator too.
    await expect(page.getByRole("combobox", { name: "担当者" }).getByRole("option", { name: "東備 みちる" })).toHaveCount(1);
    await page.getByRole("combobox", { name: "担当者" }).selectOption({ label: "東備 みちる" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/coordinatorId=/);
    expect(new Set(await column(caseTable(page), "担当者"))).toEqual(new Set(["東備 みちる"]));
  });
});

test.describe("okayama.pref (prefecture)", () => {
  test.use({ storageState: storageStateOf("okayama.pref") });

  test("gets 404 on the case lists", async ({ page }) => {
    for (const path of ["/cases", "/cases?scope=office"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
    }
  });
});
