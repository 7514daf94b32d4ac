import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ulid } from "ulid";
import { formAlert, storageStateOf } from "./fixtures/auth";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { dataKeyring, db, insertPersonIdentity, opened, userId } from "./fixtures/db";
import { NOT_FOUND_TITLE } from "./fixtures/demo";

/*
 * The outreach workspace (/outreach): a coordinator registers a referral, works it on its page
 * and logs contacts from the keyboard; people outside the office get the 404 of a missing page.
 * Every test arranges its own outreach case (inserted the way createOutreachCase does, with a
 * unique name), so the tests depend neither on each other nor on the demo data.
 */

type TestOutreach = { id: string; caseNo: string; name: string; familyKana: string; givenKana: string };

/** Today in Japan as an ISO date. */
function todayJst(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
}

/**
 * Insert an outreach case of an office, 支援中 from `startDate` unless it is null, with an
 * optional previous contact (so "前回の内容をコピー" has something to copy).
 */
function createTestOutreach(
  options: { office?: string; coordinator?: string; referralDate?: string; startDate?: string | null; previous?: { date: string; type: string; place: string; minutes: number; met: boolean; professions: string[] } } = {},
): TestOutreach {
  const officeId = `33-${options.office ?? "bizen"}`;
  const coordinatorId = userId(options.coordinator ?? "bizen.coord");
  const referralDate = options.referralDate ?? "2024-04-10";
  const startDate = options.startDate === undefined ? "2024-05-01" : options.startDate;
  const suffix = randomBytes(3).toString("hex");
  const givenName = `訪問${suffix}`;
  // A unique reading, so a search finds this person only.
  const givenKana = `ホウモン${[...suffix].map((c) => "アイウエオカキクケコサシスセソタ"[parseInt(c, 16)]).join("")}`;
  const conn = db();
  const office = conn.prepare("SELECT case_prefix AS prefix FROM health_centers WHERE id = ?").get(officeId) as { prefix: string };
  const [y, m] = referralDate.split("-").map(Number) as [number, number];
  const fiscalYear = m >= 4 ? y : y - 1;
  const now = new Date().toISOString();
  const personId = ulid();
  const id = ulid();
  let caseNo = "";
  conn.transaction(() => {
    const { lastSeq } = conn
      .prepare(
        `INSERT INTO outreach_number_sequences (office_id, fiscal_year, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (office_id, fiscal_year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS lastSeq`,
      )
      .get(officeId, fiscalYear) as { lastSeq: number };
    caseNo = `33-${office.prefix}-OR${fiscalYear}-${String(lastSeq).padStart(3, "0")}`;
    conn.prepare(`INSERT INTO persons (id, prefecture_code, office_id, birth_year_month, sex, created_at, updated_at) VALUES (?, '33', ?, '1988-03', 'male', ?, ?)`).run(personId, officeId, now, now);
    insertPersonIdentity(conn, personId, { familyName: "架空", givenName, familyNameKana: "カクウ", givenNameKana: givenKana }, now);
    conn
      .prepare(
        `INSERT INTO outreach_cases (id, case_no, person_id, prefecture_code, office_id, coordinator_user_id, status, primary_target, team_kind, team_name,
           referral_date, referral_source, diagnosis_suspected, start_date, last_contact_date, version, created_by, created_at, updated_by, updated_at)
         VALUES (?, ?, ?, '33', ?, ?, ?, 'untreated', 'contracted_hospital', 'テスト用（見本）チーム', ?, 'family', 1, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(id, caseNo, personId, officeId, coordinatorId, startDate ? "active" : "referred", referralDate, startDate, options.previous?.date ?? null, coordinatorId, now, coordinatorId, now);
    conn.prepare("INSERT INTO outreach_case_targets (outreach_case_id, target) VALUES (?, 'untreated')").run(id);
    const p = options.previous;
    if (p) {
      const contactId = ulid();
      conn
        .prepare(
          `INSERT INTO outreach_contacts (id, outreach_case_id, date, contact_type, place, minutes, met_person, summary, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(contactId, id, p.date, p.type, dataKeyring().encrypt(p.place), p.minutes, p.met ? 1 : 0, dataKeyring().encrypt("前回の訪問。"), coordinatorId, now);
      for (const profession of p.professions) conn.prepare("INSERT INTO outreach_contact_professions (contact_id, profession) VALUES (?, ?)").run(contactId, profession);
    }
  })();
  return { id, caseNo, name: `架空 ${givenName}`, familyKana: "カクウ", givenKana };
}

type StoredContact = { date: string; contact_type: string; place: string | null; minutes: number | null; met_person: number; summary: string | null; professions: string | null };

/** The contacts stored for a case, newest first, with their professions sorted and joined. */
function storedContacts(caseId: string): StoredContact[] {
  const rows = db()
    .prepare(
      `SELECT c.date, c.contact_type, c.place, c.minutes, c.met_person, c.summary,
              (SELECT group_concat(profession, ',') FROM outreach_contact_professions p WHERE p.contact_id = c.id) AS professions
       FROM outreach_contacts c WHERE c.outreach_case_id = ? ORDER BY c.date DESC, c.created_at DESC`,
    )
    .all(caseId) as StoredContact[];
  // Place and summary are encrypted at rest (ADR 0040).
  return rows.map((r) => ({ ...r, place: opened(r.place), summary: opened(r.summary), professions: r.professions ? r.professions.split(",").sort().join(",") : null }));
}

function storedCase(caseId: string) {
  return db().prepare("SELECT status, start_date AS startDate, last_contact_date AS lastContactDate, version FROM outreach_cases WHERE id = ?").get(caseId) as {
    status: string;
    startDate: string | null;
    lastContactDate: string | null;
    version: number;
  };
}

function contactForm(page: Page): Locator {
  return page.getByRole("region", { name: "接触の記録", exact: true });
}

test.describe("a coordinator's outreach work", () => {
  test.use({ storageState: storageStateOf("bizen.coord") });

  test("registers a referral, starts support, logs a visit with its professions and records an outcome", async ({ page }) => {
    const suffix = randomBytes(2).toString("hex");
    const given = `登録${suffix}`;
    await page.goto("/outreach/new");
    await expect(page.getByRole("heading", { level: 1, name: "アウトリーチの依頼を登録" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the new outreach form");

    // Nothing filled in but the defaults: every problem is named at once, in Japanese.
    await page.getByRole("button", { name: "登録する" }).click();
    await expect(formAlert(page)).toContainText("入力内容を確認してください。");
    await expect(page.getByText("対象者の区分を1つ以上選んでください。")).toBeVisible();
    await expect(page.getByText("氏名（姓・名）を入力してください。").first()).toBeVisible();
    await expect(page.getByLabel(/^姓/)).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("依頼日").fill("R6.6.3");
    await page.getByLabel("依頼の経路").selectOption({ label: "家族" });
    await page.getByLabel(/^姓/).fill("架空");
    await page.getByLabel(/^名/).fill(given);
    await page.getByLabel("せい（ふりがな）").fill("かくう");
    await page.getByLabel("めい（ふりがな）").fill(`とうろく${"あいうえ"[parseInt(suffix[0]!, 16) % 4]}${"かきくけ"[parseInt(suffix[1]!, 16) % 4]}`);
    await page.getByLabel("生年月", { exact: true }).fill("1990-07");
    await page.getByLabel("性別").selectOption({ label: "男性" });
    const targets = page.getByRole("group", { name: /対象者の区分/ });
    await targets.getByLabel("未治療").check();
    await targets.getByLabel("ひきこもり").check();
    await page.getByLabel("主な対象区分").selectOption({ label: "ひきこもり" });
    await expect(page.getByLabel("チームの種類")).toHaveValue("contracted_hospital"); // the office's last team
    await expect(page.getByLabel("チーム名")).toHaveValue("県立こころの医療センター（見本）アウトリーチチーム");
    await page.getByLabel("診断（疑いを含む）").selectOption({ label: "F2 統合失調症圏" });
    await page.getByLabel("診断は疑い（未確定）").check();
    await page.getByLabel("選定したケース会議の日").fill("2024/6/12");
    await page.getByRole("button", { name: "登録する" }).click();

    // Lands on the new case: 選定前, number of 備前 and FY2024.
    await expect(page.getByRole("heading", { level: 1, name: `架空 ${given}` })).toBeVisible();
    await expect(page.getByText("アウトリーチの依頼を登録しました。").first()).toBeVisible();
    const caseNo = await page.getByRole("region", { name: "依頼の要点" }).locator(".font-mono").innerText();
    expect(caseNo).toMatch(/^33-BZ-OR2024-\d{3}$/);
    await expect(page).toHaveTitle(new RegExp(caseNo));
    await expect(page).not.toHaveTitle(new RegExp(given));
    const caseId = new URL(page.url()).pathname.split("/").pop()!;

    // Start support: the start date may not precede the selection conference.
    const status = page.getByRole("region", { name: "状況の変更" });
    await status.getByRole("radio", { name: "支援中" }).check();
    await status.getByLabel("支援開始日").fill("2024/6/10");
    await status.getByRole("button", { name: "状況を変更する" }).click();
    await expect(formAlert(page)).toContainText("支援開始日が選定したケース会議の日より前です。");
    expect(storedCase(caseId).status).toBe("referred");
    await status.getByLabel("支援開始日").fill("令和6年6月17日");
    await status.getByRole("button", { name: "状況を変更する" }).click();
    await expect(status.getByText(/^現在の状況/)).toContainText("支援中");
    expect(storedCase(caseId)).toMatchObject({ status: "active", startDate: "2024-06-17" });

    // A visit with the psychiatrist and the nurse, the person met.
    const form = contactForm(page);
    await form.getByLabel("実施日").fill("2024/6/20");
    await expect(form.getByLabel("種類")).toHaveValue("home_visit");
    const professions = form.getByRole("group", { name: "同行した職種" });
    await professions.getByLabel("医師").check();
    await professions.getByLabel("看護師").check();
    await form.getByLabel("本人に会えた（話せた）").check();
    await form.getByLabel("時間（分）").fill("60");
    await form.getByLabel("場所").fill("自宅");
    await form.getByLabel("内容").fill("初めて玄関先で本人と話せた。");
    await form.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByText("接触を記録しました。").first()).toBeVisible();
    const list = page.getByRole("region", { name: "接触の一覧（新しい順）" });
    const row = list.getByRole("row").filter({ hasText: "初めて玄関先で本人と話せた。" });
    await expect(row).toContainText("訪問");
    await expect(row).toContainText("医師、看護師");
    await expect(row).toContainText("本人に会えた");
    expect(storedContacts(caseId)[0]).toMatchObject({ date: "2024-06-20", contact_type: "home_visit", met_person: 1, minutes: 60, professions: "nurse,psychiatrist" });
    expect(storedCase(caseId).lastContactDate).toBe("2024-06-20");

    // A date before the referral is refused by the server, in Japanese, and nothing is saved.
    await form.getByLabel("実施日").fill("2024/6/1");
    await form.getByLabel("内容").fill("日付の誤り");
    await form.getByRole("button", { name: "記録する" }).click();
    await expect(formAlert(page)).toContainText("実施日が依頼日より前です。依頼日以降にしてください。");
    await expect(form.getByLabel("実施日")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("内容")).toHaveValue("日付の誤り");
    expect(storedContacts(caseId)).toHaveLength(1);

    // An outcome through its dialog.
    await page.getByRole("button", { name: "成果を記録" }).click();
    const dialog = page.getByRole("dialog", { name: "成果の記録" });
    await dialog.getByLabel(/^成果/).selectOption({ label: "関係構築" });
    await dialog.getByLabel("達成日").fill("2024/6/20");
    await dialog.getByLabel("メモ").fill("本人と会えるようになった。");
    await dialog.getByRole("button", { name: "記録する" }).click();
    await expect(dialog).toBeHidden();
    const outcomes = page.getByRole("region", { name: "成果", exact: true });
    await expect(outcomes.getByRole("listitem")).toHaveCount(1);
    await expect(outcomes).toContainText("関係構築");
    await expect(outcomes).toContainText("本人と会えるようになった。");

    await expectNoSeriousA11yViolations(page, "an outreach case page");

    // The list shows it, with a way straight into the contact form.
    await page.goto(`/outreach?q=${encodeURIComponent(caseNo)}`);
    const listRow = page.getByRole("row").filter({ hasText: caseNo });
    await expect(listRow).toContainText(`架空 ${given}`);
    await expect(listRow).toContainText("支援中");
    await expectNoSeriousA11yViolations(page, "the outreach list");
  });

  test("refers a known person: picked by kana search, or taken from the duplicate check", async ({ page }) => {
    const known = createTestOutreach({ startDate: null });
    const fillReferral = async () => {
      await page.getByLabel("依頼の経路").selectOption({ label: "保健所" });
      const targets = page.getByRole("group", { name: /対象者の区分/ });
      await targets.getByLabel("治療中断").check();
      await page.getByLabel("主な対象区分").selectOption({ label: "治療中断" });
    };

    // The picker: search by kana (Enter searches, it does not save), choose, save.
    await page.goto("/outreach/new");
    await fillReferral();
    await page.getByRole("radio", { name: "登録済みの方から選ぶ" }).check();
    // Typed in hiragana: the search normalises the reading.
    const hiragana = [...known.givenKana].map((c) => (c >= "ァ" && c <= "ヶ" ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c)).join("");
    await page.getByLabel("ふりがなで検索").fill(hiragana);
    await page.getByLabel("ふりがなで検索").press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "検索結果：1人" })).toBeVisible();
    await expect(page.getByText(known.name)).toBeVisible();
    await page.getByRole("button", { name: "この方で登録する" }).click();
    await expect(page.getByText(`選択中：${known.name}`).first()).toBeVisible();
    await page.getByRole("button", { name: "登録する", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: known.name })).toBeVisible();
    const others = page.getByRole("region", { name: "同じ方の他の記録" });
    await expect(others.getByRole("link", { name: known.caseNo })).toBeVisible();

    // The duplicate check: the same reading and birth month typed as a new person is caught,
    // nothing is saved, and the known person can be taken instead.
    const before = (db().prepare("SELECT count(*) AS n FROM outreach_cases WHERE person_id = (SELECT person_id FROM outreach_cases WHERE id = ?)").get(known.id) as { n: number }).n;
    await page.goto("/outreach/new");
    await fillReferral();
    await page.getByLabel(/^姓/).fill("架空");
    await page.getByLabel(/^名/).fill("別人");
    await page.getByLabel("せい（ふりがな）").fill(known.familyKana);
    await page.getByLabel("めい（ふりがな）").fill(known.givenKana);
    await page.getByLabel("生年月", { exact: true }).fill("1988-03");
    await page.getByLabel("性別").selectOption({ label: "男性" });
    await page.getByRole("button", { name: "登録する", exact: true }).click();
    const duplicates = page.getByRole("region", { name: "同じ方かもしれない登録" });
    await expect(duplicates).toContainText(known.name);
    await expect(duplicates).toContainText(known.caseNo);
    await duplicates.getByRole("button", { name: "この方で登録する" }).click();
    await expect(page.getByRole("radio", { name: "登録済みの方から選ぶ" })).toBeChecked();
    await page.getByRole("button", { name: "登録する", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: known.name })).toBeVisible();
    const after = (db().prepare("SELECT count(*) AS n FROM outreach_cases WHERE person_id = (SELECT person_id FROM outreach_cases WHERE id = ?)").get(known.id) as { n: number }).n;
    expect(after).toBe(before + 1);
  });

  test("logs a contact from the keyboard alone: copy the previous entry, type, Enter", async ({ page }) => {
    const c = createTestOutreach({ previous: { date: "2024-06-03", type: "accompany_clinic", place: "（見本）こころのクリニック外来", minutes: 120, met: true, professions: ["nurse", "psw"] } });
    await page.goto(`/outreach/${c.id}#log-contact`);
    const form = contactForm(page);
    const date = form.getByLabel("実施日");
    // Landing on #log-contact puts the cursor in the date field; today and 訪問 are preset, with
    // the professions of the previous contact.
    await expect(date).toBeFocused();
    await expect(date).toHaveValue(todayJst().replaceAll("-", "/"));
    await expect(form.getByLabel("種類")).toHaveValue("home_visit");
    await expect(form.getByRole("group", { name: "同行した職種" }).getByLabel("看護師")).toBeChecked();

    const started = Date.now();
    await page.keyboard.press("Tab"); // → 前回の内容をコピー
    await expect(form.getByRole("button", { name: "前回の内容をコピー" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(form.getByLabel("内容")).toBeFocused();
    await expect(form.getByLabel("種類")).toHaveValue("accompany_clinic");
    await expect(form.getByLabel("場所")).toHaveValue("（見本）こころのクリニック外来");
    await page.keyboard.type("受診に同行。");
    await page.keyboard.press("Shift+Enter"); // a new line, not a save
    await page.keyboard.type("次回の予約を確認した。");
    await page.keyboard.press("Enter");

    await expect(page.getByText("接触を記録しました。").first()).toBeVisible();
    await expect(date).toBeFocused();
    await expect(form.getByLabel("内容")).toHaveValue("");
    await expect(form.getByLabel("種類")).toHaveValue("home_visit");
    expect(Date.now() - started).toBeLessThan(30_000);
    const [saved] = storedContacts(c.id);
    expect(saved).toEqual({
      date: todayJst(),
      contact_type: "accompany_clinic",
      place: "（見本）こころのクリニック外来",
      minutes: 120,
      met_person: 1,
      summary: "受診に同行。\n次回の予約を確認した。",
      professions: "nurse,psw",
    });
    expect(storedCase(c.id).lastContactDate).toBe(todayJst());

    // A second one without copying: type, a profession ticked with Space, Enter from the checkbox.
    await page.keyboard.press("Tab"); // copy button
    await page.keyboard.press("Tab"); // 種類
    await page.keyboard.press("Tab"); // 時間
    await page.keyboard.type("15");
    await page.keyboard.press("Tab"); // 場所
    await page.keyboard.press("Tab"); // 医師
    await expect(form.getByRole("group", { name: "同行した職種" }).getByLabel("医師")).toBeFocused();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await expect(date).toBeFocused();
    await expect.poll(() => storedContacts(c.id).length).toBe(3);
    expect(storedContacts(c.id)[0]).toMatchObject({ contact_type: "home_visit", minutes: 15, met_person: 0, professions: "nurse,psw,psychiatrist" });
  });

  test("corrects a contact logged wrongly, deletes one logged by mistake and an outcome, all in the history", async ({ page }) => {
    const c = createTestOutreach({ previous: { date: "2024-06-03", type: "home_visit", place: "自宅", minutes: 60, met: false, professions: ["nurse"] } });
    await page.goto(`/outreach/${c.id}`);
    const list = page.getByRole("region", { name: "接触の一覧（新しい順）" });

    // The visit of 6/3 was in fact a clinic escort on 6/4 with the PSW, the person met.
    await list.getByRole("button", { name: "2024/06/03の訪問の記録を訂正" }).click();
    const dialog = page.getByRole("dialog", { name: "接触の記録の訂正" });
    await expect(dialog.getByLabel("実施日")).toBeFocused();
    await expect(dialog.getByLabel("実施日")).toHaveValue("2024/06/03");
    await dialog.getByLabel("実施日").fill("2050/1/1");
    await dialog.getByRole("button", { name: "訂正を保存" }).click();
    await expect(dialog).toContainText("今日より後の日付は入力できません。");
    expect(storedContacts(c.id)[0]).toMatchObject({ date: "2024-06-03", contact_type: "home_visit" });

    await dialog.getByLabel("実施日").fill("R6.6.4");
    await dialog.getByLabel("種類").selectOption({ label: "受診同行" });
    await dialog.getByRole("group", { name: "同行した職種" }).getByLabel("精神保健福祉士").check();
    await dialog.getByLabel("本人に会えた（話せた）").check();
    await dialog.getByLabel("内容").fill("受診に同行した。");
    await dialog.getByLabel("内容").press("Enter"); // Enter saves here too
    await expect(dialog).toBeHidden();
    await expect(page.getByText("接触の記録を訂正しました。").first()).toBeVisible();
    await expect(list.getByRole("row").filter({ hasText: "受診に同行した。" })).toContainText("2024/06/04");
    expect(storedContacts(c.id)).toEqual([
      { date: "2024-06-04", contact_type: "accompany_clinic", place: "自宅", minutes: 60, met_person: 1, summary: "受診に同行した。", professions: "nurse,psw" },
    ]);
    expect(storedCase(c.id).lastContactDate).toBe("2024-06-04");

    // A second contact logged by mistake is deleted from its dialog.
    const form = contactForm(page);
    await form.getByLabel("実施日").fill("2024/6/5");
    await form.getByLabel("内容").fill("別の人の記録（誤り）");
    await form.getByRole("button", { name: "記録する" }).click();
    await expect(list.getByRole("row").filter({ hasText: "別の人の記録（誤り）" })).toBeVisible();
    expect(storedCase(c.id).lastContactDate).toBe("2024-06-05");
    await list.getByRole("button", { name: "2024/06/05の訪問の記録を訂正" }).click();
    await page.getByRole("dialog", { name: "接触の記録の訂正" }).getByRole("button", { name: "この記録を削除する" }).click();
    await page.getByRole("dialog", { name: "接触の記録の訂正" }).getByRole("button", { name: "削除する", exact: true }).click();
    await expect(page.getByText("接触の記録を削除しました。").first()).toBeVisible();
    await expect(list.getByRole("row").filter({ hasText: "別の人の記録（誤り）" })).toHaveCount(0);
    expect(storedContacts(c.id)).toHaveLength(1);
    expect(storedCase(c.id).lastContactDate).toBe("2024-06-04");

    // An outcome recorded by mistake: deleted after a confirmation naming it.
    await page.getByRole("button", { name: "成果を記録" }).click();
    const outcomeDialog = page.getByRole("dialog", { name: "成果の記録" });
    await outcomeDialog.getByLabel(/^成果/).selectOption({ label: "危機回避" });
    await outcomeDialog.getByLabel("達成日").fill("2024/6/4");
    await outcomeDialog.getByRole("button", { name: "記録する" }).click();
    await expect(outcomeDialog).toBeHidden();
    const outcomes = page.getByRole("region", { name: "成果", exact: true });
    await outcomes.getByRole("button", { name: "2024/06/04の成果「危機回避」を削除" }).click();
    const confirm = page.getByRole("dialog", { name: "この成果を削除しますか" });
    await expect(confirm).toContainText("2024/06/04の成果「危機回避」を削除します。");
    await confirm.getByRole("button", { name: "削除する" }).click();
    await expect(page.getByText("成果を削除しました。").first()).toBeVisible();
    await expect(outcomes.getByRole("listitem")).toHaveCount(0);
    expect(db().prepare("SELECT count(*) AS n FROM outreach_outcomes WHERE outreach_case_id = ?").get(c.id)).toEqual({ n: 0 });

    const audit = db().prepare("SELECT action, detail FROM audit_logs WHERE entity_id = ? AND action IN ('update', 'delete') ORDER BY rowid").all(c.id) as { action: string; detail: string }[];
    expect(audit.map((a) => [a.action, JSON.parse(a.detail).record])).toEqual([
      ["update", "contact"],
      ["delete", "contact"],
      ["delete", "outcome"],
    ]);
    await expectNoSeriousA11yViolations(page, "an outreach case page with correction buttons");
  });

  test("the list's 記録 link lands in the contact form", async ({ page }) => {
    const c = createTestOutreach();
    await page.goto(`/outreach?q=${encodeURIComponent(c.givenKana)}`);
    const link = page.getByRole("link", { name: `${c.caseNo} の接触を記録` });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/outreach/${c.id}#log-contact$`));
    await expect(contactForm(page).getByLabel("実施日")).toBeFocused();
  });

  test("a stale edit saves nothing and says what the other person changed", async ({ browser }) => {
    const c = createTestOutreach();
    const first = await browser.newContext({ storageState: storageStateOf("bizen.coord") });
    const second = await browser.newContext({ storageState: storageStateOf("bizen.sup") });
    try {
      const a = await first.newPage();
      const b = await second.newPage();
      await a.goto(`/outreach/${c.id}/edit`);
      await b.goto(`/outreach/${c.id}/edit`);
      await b.getByLabel("チーム名").fill("（見本）訪問支援チーム");
      await b.getByRole("button", { name: "保存する" }).click();
      await expect(b.getByRole("heading", { level: 1, name: c.name })).toBeVisible();

      await a.getByLabel("GAF（開始時）").fill("40");
      await a.getByRole("button", { name: "保存する" }).click();
      // The answer names whose save won.
      await expect(formAlert(a)).toContainText("備前 監子 さんが先にこの記録を保存しました。");
      await expect(formAlert(a)).toContainText("チーム名：現在の値は「（見本）訪問支援チーム」です。");
      await expect(a.getByLabel("GAF（開始時）")).toHaveValue("40");
      expect(storedCase(c.id).version).toBe(2);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

test.describe("a supervisor", () => {
  test.use({ storageState: storageStateOf("bizen.sup") });

  test("sees the 閲覧・変更履歴 of a case", async ({ page }) => {
    const c = createTestOutreach({ office: "tobi", coordinator: "tobi.coord" });
    await page.goto(`/outreach/${c.id}`);
    const audit = page.getByRole("region", { name: "閲覧・変更履歴" });
    await expect(audit.getByRole("row").filter({ hasText: "本人情報を含む閲覧" }).first()).toContainText("bizen.sup");
    await expectNoSeriousA11yViolations(page, "an outreach case page with the audit panel");
  });
});

test.describe("people outside the office", () => {
  test("a coordinator of another office gets 404 on the case URL", async ({ browser }) => {
    const c = createTestOutreach({ office: "bizen" });
    const context = await browser.newContext({ storageState: storageStateOf("tobi.coord") });
    try {
      const page = await context.newPage();
      const response = await page.goto(`/outreach/${c.id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: NOT_FOUND_TITLE })).toBeVisible();
      await expect(page.getByText(c.name.split(" ")[1]!)).toHaveCount(0);
      await expect(page.getByText(c.caseNo)).toHaveCount(0);
      expect((await page.goto(`/outreach/${c.id}/edit`))?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });

  test("the prefecture account gets 404 on /outreach and on a case", async ({ browser }) => {
    const c = createTestOutreach();
    const context = await browser.newContext({ storageState: storageStateOf("okayama.pref") });
    try {
      const page = await context.newPage();
      for (const path of ["/outreach", "/outreach/new", `/outreach/${c.id}`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
      }
      await expect(page.getByRole("heading", { name: NOT_FOUND_TITLE })).toBeVisible();
      await expect(page.getByRole("navigation").getByRole("link", { name: "アウトリーチ" })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});
