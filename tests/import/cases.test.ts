import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { and, count, desc, eq, ne } from "drizzle-orm";
import { auditChainOf, getDb } from "@/db/client";
import { auditLogs, cases, healthCenters, personIdentities, persons, restatements } from "@/db/schema";
import { lastLink, readHead } from "@/lib/dal/audit-chain";
import { createHospital } from "@/lib/dal/hospitals";
import { lockYear } from "@/lib/dal/year-close";
import { AppError } from "@/lib/dal/errors";
import { readUpload } from "@/lib/import/file";
import { runImport, type ImportResult } from "@/lib/import/run";
import { headerNames, japaneseHeader, templateRows } from "@/lib/import/template";
import { CASE_COLUMNS } from "@/lib/import/cases";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Import of discharge-support cases (ADR 0043): through CaseCreateSchema and createCase, a savepoint
 * per row in one transaction; preview and a refused commit write nothing but their audit row.
 */

let hospitalName = "";
let officeName = "";
let otherOfficeName = "";
const HEADERS = CASE_COLUMNS.map(japaneseHeader);

/** A reading per family name, so each test's persons are its own (the reading is part of the natural key). */
const KANA: Record<string, string> = { 締め: "しめ", 見本: "みほん", 全部: "ぜんぶ", 再取込: "さいとりこみ", 圏外: "けんがい", ボム: "ぼむ", 列数: "れつすう", 大量: "たいりょう", 日付: "ひづけ", 式: "しき", エクセル: "えくせる" };

function row(overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    familyNameKana: KANA[overrides.familyName ?? ""] ?? "とりこみ",
    officeId: officeName,
    familyName: "取込",
    givenName: "一郎",
    givenNameKana: "いちろう",
    dateOfBirth: "",
    birthYearMonth: "昭和45年5月",
    sex: "男性",
    municipalityCode: "",
    phone: "",
    address: "",
    referralDate: "令和6年4月10日",
    referralSource: "本人",
    hospitalId: hospitalName,
    wardType: "",
    indexAdmissionDate: "2010/4/1",
    admissionDatePrecision: "",
    admissionType: "",
    diagnosisGroup: "",
    techoGrade: "",
    supportCategory: "",
    consentDate: "",
    consentScope: "",
    supportStartDate: "R6.4.20",
    plannedDischargeDate: "",
    coordinatorUserId: "bizen.coord",
    ...overrides,
  };
  return CASE_COLUMNS.map((c) => values[c.field] ?? "");
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: string[][], header = HEADERS) => [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
const utf8 = (text: string) => new TextEncoder().encode(text);

async function importCsv(text: string | Uint8Array, mode: "preview" | "commit", username = "bizen.coord", extra: { fileName?: string; restatementReason?: string; reasonLabel?: string; importsPerHour?: number; maxRows?: number } = {}): Promise<ImportResult> {
  const bytes = typeof text === "string" ? utf8(text) : text;
  return runImport(actorFor(username), "cases", bytes, { mode, headerNames, fileName: extra.fileName ?? "cases.csv", importsPerHour: extra.importsPerHour ?? 1_000_000, ...extra });
}

const caseCount = () => (getDb().select({ n: count() }).from(cases).all() as [{ n: number }])[0].n;
const casesOf = (familyName: string) =>
  getDb()
    .select({ id: cases.id, phone: personIdentities.phone, address: personIdentities.address, givenName: personIdentities.givenName, referralDate: cases.referralDate, supportStartDate: cases.supportStartDate })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
    .all()
    .filter((r) => familyNameOfCase(r.id) === familyName);
function familyNameOfCase(caseId: string): string {
  return getDb().select({ f: personIdentities.familyName }).from(cases).innerJoin(personIdentities, eq(personIdentities.personId, cases.personId)).where(eq(cases.id, caseId)).get()!.f;
}

function headIsConsistent(): void {
  const { sqlite, chain } = auditChainOf(getDb());
  const head = readHead(chain.heads, chain.key);
  assert.equal(head.state, "ok");
  assert.equal(head.state === "ok" ? head.head.seq : -1, lastLink(sqlite)?.seq, "the chain's head is the last committed audit row");
}

function ok(result: ImportResult) {
  assert.ok(result.ok, JSON.stringify(result));
  return result as Extract<ImportResult, { ok: true }>;
}

before(async () => {
  await seededDb();
  hospitalName = "取込テスト病院";
  createHospital(actorFor("okayama.admin"), { name: hospitalName, municipalityCode: "332046", psychBeds: 80 });
  officeName = getDb().select({ name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, "33-bizen")).get()!.name;
  otherOfficeName = getDb().select({ name: healthCenters.name }).from(healthCenters).where(and(eq(healthCenters.prefectureCode, "33"), ne(healthCenters.id, "33-bizen"))).get()!.name;
});

describe("importing cases", () => {
  test("preview checks every row and writes nothing but its own audit row; the chain's head stays true", async () => {
    const before = caseCount();
    const result = ok(await importCsv(csv([row({ familyName: "見本" }), row({ familyName: "見本", givenName: "二郎", givenNameKana: "じろう" })]), "preview"));
    assert.deepEqual({ rows: result.rows, create: result.create, update: result.update, errors: result.errors, committed: result.committed }, { rows: 2, create: 2, update: 0, errors: [], committed: false });
    assert.equal(caseCount(), before);
    const audit = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
    assert.equal(audit.entityType, "import");
    assert.equal(audit.action, "view");
    assert.match(audit.detail ?? "", /"mode":"preview"/);
    assert.match(audit.detail ?? "", /"sha256":"[0-9a-f]{64}"/);
    headIsConsistent();
  });

  test("commit with one bad row writes nothing, answers every error with its row and header; fixed, it writes all", async () => {
    const before = caseCount();
    const bad = csv([row({ familyName: "全部" }), row({ familyName: "全部", givenName: "次郎", givenNameKana: "じろう", referralDate: "R1.4.30", sex: "不明な値" }), row({ familyName: "全部", givenName: "三郎", givenNameKana: "さぶろう" })]);
    const refused = ok(await importCsv(bad, "commit"));
    assert.equal(refused.committed, false);
    assert.equal(caseCount(), before);
    assert.deepEqual(
      refused.errors.map((e) => [e.row, e.column]).sort(),
      [
        [3, "性別"],
        [3, "相談受付日"],
      ],
    );
    assert.equal(refused.errors.find((e) => e.column === "相談受付日")!.value, "R1.4.30");
    headIsConsistent();
    const fixed = ok(await importCsv(bad.replace("R1.4.30", "R6.4.11").replace("不明な値", "女性"), "commit"));
    assert.equal(fixed.committed, true);
    assert.equal(fixed.create, 3);
    assert.equal(caseCount(), before + 3);
    const audit = getDb().select().from(auditLogs).where(eq(auditLogs.entityType, "import")).orderBy(desc(auditLogs.id)).get()!;
    assert.equal(audit.action, "create");
    assert.match(audit.detail ?? "", /"create":3/);
    headIsConsistent();
  });

  test("importing the same file twice creates nothing new; a changed field is an update through updateCase", async () => {
    const file = csv([row({ familyName: "再取込" })]);
    assert.equal(ok(await importCsv(file, "commit")).create, 1);
    const before = caseCount();
    const again = ok(await importCsv(file, "commit"));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 1]);
    assert.equal(caseCount(), before);
    const changed = ok(await importCsv(csv([row({ familyName: "再取込", supportStartDate: "2024/4/25" })]), "commit"));
    assert.deepEqual([changed.create, changed.update, changed.unchanged], [0, 1, 0]);
    assert.equal(casesOf("再取込")[0]!.supportStartDate, "2024-04-25");
    const updates = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "case"), eq(auditLogs.action, "update"), eq(auditLogs.entityId, casesOf("再取込")[0]!.id))).all();
    assert.equal(updates.length, 1, "the update is audited on the case as a typed one is");
  });

  test("a row for an office out of the importer's reach is an error, never dropped", async () => {
    const result = ok(await importCsv(csv([row({ familyName: "圏外" }), row({ familyName: "圏外", officeId: otherOfficeName })]), "commit"));
    assert.equal(result.committed, false);
    assert.deepEqual(result.errors.map((e) => [e.row, e.column, e.value]), [[3, "担当保健所・支所", otherOfficeName]]);
    assert.equal(casesOf("圏外").length, 0);
  });

  test("prefecture staff may not import (whoever may create the record type may)", async () => {
    await assert.rejects(importCsv(csv([row()]), "preview", "okayama.pref"), (e: unknown) => e instanceof AppError && e.code === "forbidden");
  });

  test("Shift_JIS (CP932) is detected: 髙 and ① survive; half-width kana and full-width digits are normalised", async () => {
    const text = csv([row({ familyName: "髙橋", givenName: "①子", familyNameKana: "ﾀｶﾊｼ", givenNameKana: "ﾏﾙｺ", supportStartDate: "Ｒ６．４．２０", phone: "０８６-１２３-４５６７" })]);
    const bytes = new Uint8Array(iconv.encode(text, "cp932"));
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "the file really is not UTF-8");
    const result = ok(await importCsv(bytes, "commit"));
    assert.deepEqual(result.errors, []);
    const [stored] = casesOf("髙橋");
    assert.equal(stored!.givenName, "①子");
    assert.equal(stored!.phone, "086-123-4567");
    const identity = getDb().select().from(personIdentities).innerJoin(cases, eq(cases.personId, personIdentities.personId)).where(eq(cases.id, stored!.id)).get()!;
    assert.equal(identity.person_identities.familyNameKana, "タカハシ");
  });

  test("UTF-8 with a BOM reads the first header correctly", async () => {
    const result = ok(await importCsv("\uFEFF" + csv([row({ familyName: "ボム" })]), "preview"));
    assert.deepEqual(result.errors, []);
    assert.equal(result.create, 1);
  });

  test("the content decides: a ZIP/XLSX named .csv, a binary file and an empty one are refused with their message", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("x").addRow(HEADERS);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    assert.deepEqual(await importCsv(xlsx, "preview", "bizen.coord", { fileName: "cases.csv" }), { ok: false, reason: "file", problem: "zipNotXlsx" });
    assert.deepEqual(await importCsv(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), "preview", "bizen.coord", { fileName: "cases.csv" }), { ok: false, reason: "file", problem: "binary" });
    assert.deepEqual(await importCsv(new Uint8Array(), "preview"), { ok: false, reason: "file", problem: "empty" });
    assert.deepEqual(await importCsv(utf8("a,b\n"), "preview", "bizen.coord", { fileName: "cases.xlsx" }), { ok: false, reason: "file", problem: "notXlsxButNamed" });
  });

  test("a wrong encoding is named: UTF-16 (Excel's Unicode text) refused as such; EUC-JP read wrongly gives one row-1 message; nothing written", async () => {
    const before = caseCount();
    const text = csv([row({ familyName: "見本" })]);
    const utf16 = new Uint8Array(iconv.encode(text, "utf16le", { addBOM: true }));
    assert.deepEqual(await importCsv(utf16, "commit"), { ok: false, reason: "file", problem: "utf16" });
    const euc = ok(await importCsv(new Uint8Array(iconv.encode(text, "euc-jp")), "commit"));
    assert.equal(euc.committed, false);
    assert.deepEqual(euc.errors.map((e) => [e.row, e.messageKey]), [[1, "import.header.noneKnown"]]);
    assert.equal(caseCount(), before);
  });

  test("ragged rows are row errors with a clear message, every one of them", async () => {
    const text = csv([row({ familyName: "列数" })]) + "a,b\r\n" + [...row({ familyName: "列数", givenName: "二" }), "extra"].join(",") + "\r\n";
    const result = ok(await importCsv(text, "preview"));
    assert.deepEqual(result.errors.map((e) => [e.row, e.messageKey]), [
      [3, `import.row.ragged?expected=${HEADERS.length}&found=2`],
      [4, `import.row.ragged?expected=${HEADERS.length}&found=${HEADERS.length + 1}`],
    ]);
  });

  test("100,000 rows are refused by the row limit before any is checked", async () => {
    const line = row({ familyName: "大量" }).map(csvCell).join(",");
    const text = HEADERS.join(",") + "\n" + `${line}\n`.repeat(100_000);
    assert.deepEqual(await importCsv(text, "commit"), { ok: false, reason: "file", problem: "tooManyRows", limit: 10_000 });
  });

  test("impossible dates are errors, never guessed; every era form is read", async () => {
    const result = ok(
      await importCsv(
        csv([
          row({ familyName: "日付", givenName: "一", givenNameKana: "いち", referralDate: "R1.4.30" }),
          row({ familyName: "日付", givenName: "二", givenNameKana: "に", referralDate: "昭和64年1月8日" }),
          row({ familyName: "日付", givenName: "三", givenNameKana: "さん", referralDate: "2021-02-30" }),
          row({ familyName: "日付", givenName: "四", givenNameKana: "よん", referralDate: "H31.4.30", supportStartDate: "令和元年5月1日" }),
          row({ familyName: "日付", givenName: "五", givenNameKana: "ご", referralDate: "2021/6/30", supportStartDate: "R3.6.30" }),
          row({ familyName: "日付", givenName: "六", givenNameKana: "ろく", referralDate: "令和3年6月30日", supportStartDate: "令和3年7月1日" }),
        ]),
        "preview",
      ),
    );
    assert.deepEqual(result.errors.map((e) => [e.row, e.column, e.value]), [
      [2, "相談受付日", "R1.4.30"],
      [3, "相談受付日", "昭和64年1月8日"],
      [4, "相談受付日", "2021-02-30"],
    ]);
    assert.equal(result.create, 3);
  });

  test("formula-looking text and HTML are stored as typed text, nothing evaluated or interpreted", async () => {
    const result = ok(await importCsv(csv([row({ familyName: "式", address: "=cmd|' /C calc'!A0", phone: "" }), row({ familyName: "式", givenName: "<b>太郎</b>", givenNameKana: "たろう", address: "<script>alert(1)</script>" })]), "commit"));
    assert.deepEqual(result.errors, []);
    const stored = casesOf("式");
    assert.deepEqual(stored.map((s) => s.address).sort(), ["<script>alert(1)</script>", "=cmd|' /C calc'!A0"]);
    assert.ok(stored.some((s) => s.givenName === "<b>太郎</b>"));
  });

  test("XLSX: date cells and serial numbers become dates; a formula gives its cached result, or is refused without one", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ケース");
    sheet.addRow(HEADERS);
    const at = (field: string) => CASE_COLUMNS.findIndex((c) => c.field === field) + 1;
    const first = sheet.addRow(row({ familyName: "エクセル" }));
    first.getCell(at("referralDate")).value = new Date(Date.UTC(2024, 3, 10));
    first.getCell(at("supportStartDate")).value = 45402; // 2024-04-20 as an Excel serial day
    first.getCell(at("address")).value = { formula: "CONCAT(\"岡山\",\"市\")", result: "岡山市" };
    const second = sheet.addRow(row({ familyName: "エクセル", givenName: "二", givenNameKana: "に" }));
    second.getCell(at("address")).value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readUpload(bytes, { fileName: "cases.xlsx" });
    assert.ok(read.ok);
    const result = ok(await importCsv(bytes, "commit", "bizen.coord", { fileName: "cases.xlsx" }));
    assert.deepEqual(result.errors.map((e) => [e.row, e.column, e.messageKey]), [[3, "住所", "import.row.formulaWithoutResult"]]);
    const fixed = ok(await importCsv(bytes, "preview", "bizen.coord", { fileName: "data.bin" }));
    assert.equal(fixed.errors.length, 1, "the content, not the name, decides it is a workbook");
    second.getCell(at("address")).value = "岡山市北区";
    const good = ok(await importCsv(new Uint8Array(await workbook.xlsx.writeBuffer()), "commit", "bizen.coord", { fileName: "cases.xlsx" }));
    assert.deepEqual(good.errors, []);
    const stored = casesOf("エクセル");
    assert.deepEqual(stored.map((s) => [s.referralDate, s.supportStartDate]), [["2024-04-10", "2024-04-20"], ["2024-04-10", "2024-04-20"]]);
    assert.ok(stored.some((s) => s.address === "岡山市"));
  });

  test("the template's example row imports as it is", async () => {
    const rows = templateRows(actorFor("bizen.coord"), "cases");
    assert.deepEqual(rows[0], HEADERS);
    const result = ok(await importCsv(csv([rows[1]!], rows[0]), "preview"));
    assert.deepEqual(result.errors, []);
  });

  test("an unknown header and a missing required column are errors of row 1", async () => {
    const header = [...HEADERS.filter((h) => h !== "性別"), "好きな色"];
    const result = ok(await importCsv(csv([], header), "preview"));
    assert.deepEqual(result.errors.map((e) => [e.row, e.column, e.messageKey]), [
      [1, "好きな色", "import.header.unknown"],
      [1, "性別", "import.header.missing"],
    ]);
  });

  test("imports per hour are limited per user; the refusal is audited", async () => {
    const result = await importCsv(csv([row()]), "preview", "bizen.sup", { importsPerHour: 0 });
    assert.deepEqual(result, { ok: false, reason: "throttled", limit: 0 });
    const audit = getDb().select().from(auditLogs).where(eq(auditLogs.entityType, "import")).orderBy(desc(auditLogs.id)).get()!;
    assert.match(audit.detail ?? "", /"refused":"rate_limit"/);
  });

  test("a row dated in a locked year needs the page's reason (nothing written without it) and is restated with it", async () => {
    lockYear(actorFor("okayama.pref"), { fiscalYear: 2022 });
    const file = csv([row({ familyName: "締め", referralDate: "2022/6/1", supportStartDate: "2022/6/10" })]);
    const refused = ok(await importCsv(file, "commit", "bizen.coord", { reasonLabel: "訂正の理由" }));
    assert.equal(refused.committed, false);
    assert.deepEqual(refused.errors.map((e) => [e.row, e.column]), [[2, "訂正の理由"]]);
    assert.equal(casesOf("締め").length, 0);
    const done = ok(await importCsv(file, "commit", "bizen.coord", { restatementReason: "紙の台帳から移行", reasonLabel: "訂正の理由" }));
    assert.equal(done.create, 1);
    const [stored] = casesOf("締め");
    assert.equal(getDb().select().from(restatements).where(eq(restatements.entityId, stored!.id)).all().length, 1);
  });
});
