import "server-only";
import ExcelJS from "exceljs";
import type { SheetModel } from "@/lib/dal/indicators/sheet";
import { neutraliseCell, toCsv } from "./csv";

/*
 * The 自治体情報シート as files, from the same model the page prints (lib/dal/indicators/sheet.ts),
 * in the same order: the 基本情報 block, then the indicator table (指標 / 目標値 / 実績値 /
 * 具体的な成果・効果). Numbers stay numbers in the XLSX; the CSV is for Excel (UTF-8 with BOM).
 */

type Headings = {
  title: string;
  basic: string;
  item: string;
  asOf: string;
  value: string;
  of: string;
  unit: string;
  share: string;
  source: string;
  indicators: string;
  indicator: string;
  target: string;
  actual: string;
  narrative: string;
};

const JA: Headings = {
  title: "自治体情報シート",
  basic: "基本情報",
  item: "項目",
  asOf: "時点",
  value: "値",
  of: "分母",
  unit: "単位",
  share: "構成割合(％)",
  source: "出典・備考",
  indicators: "課題解決の達成度を測る指標",
  indicator: "指標",
  target: "目標値",
  actual: "実績値",
  narrative: "具体的な成果・効果",
};

const EN: Headings = {
  title: "Prefecture sheet",
  basic: "Basic information",
  item: "Item",
  asOf: "As of",
  value: "Value",
  of: "Of",
  unit: "Unit",
  share: "Share (%)",
  source: "Source, note",
  indicators: "Indicators of progress",
  indicator: "Indicator",
  target: "Target",
  actual: "Actual",
  narrative: "Results and effects",
};

function headingsFor(locale: "ja" | "en"): Headings {
  return locale === "ja" ? JA : EN;
}

function basicLabel(b: SheetModel["basic"][number]): string {
  return b.section ? `${b.section} ${b.label}` : b.label;
}

/** The value cell: a number where the sheet shows a plain number, else its text (「5か所以上」, 「有」, 「—」). */
function basicValue(b: SheetModel["basic"][number]): string | number {
  return b.value !== null && /^[\d,.]+$/.test(b.display) ? b.value : b.display;
}

export function sheetCsv(sheet: SheetModel, locale: "ja" | "en"): string {
  const h = headingsFor(locale);
  const rows: (string | number | null)[][] = [
    [`${h.title} ${sheet.prefectureName} ${sheet.fiscalYearLabel}`],
    [h.basic],
    [h.item, h.asOf, h.value, h.of, h.unit, h.share, h.source],
    ...sheet.basic.map((b) => [basicLabel(b), b.asOf, basicValue(b), b.of, b.unit, b.sharePercent, b.missing ?? b.source]),
    [],
    [h.indicators],
    [h.indicator, h.target, h.actual, h.narrative],
    ...sheet.indicators.map((r) => [r.heading, r.target, r.breakdown.length ? `${r.display}（${r.breakdown.map((b) => `${b.label} ${b.display}`).join(" ")}）` : r.display, r.narrative]),
  ];
  return toCsv(rows);
}

export async function sheetXlsx(sheet: SheetModel, locale: "ja" | "en"): Promise<Buffer> {
  const h = headingsFor(locale);
  const book = new ExcelJS.Workbook();
  book.creator = "Tsunagu";
  const ws = book.addWorksheet(h.title, { pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 10 }, { width: 16 }, { width: 12 }, { width: 48 }];
  const text = (v: string | null) => (v === null ? null : neutraliseCell(v));
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true });
  bold(ws.addRow([`${h.title}　${sheet.prefectureName}　${sheet.fiscalYearLabel}`]));
  ws.addRow([]);
  bold(ws.addRow([h.basic]));
  bold(ws.addRow([h.item, h.asOf, h.value, h.of, h.unit, h.share, h.source]));
  for (const b of sheet.basic) {
    const value = basicValue(b);
    const row = ws.addRow([text(basicLabel(b)), text(b.asOf), typeof value === "number" ? value : text(value), b.of, text(b.unit), b.sharePercent, text(b.missing ?? b.source)]);
    row.getCell(3).numFmt = b.unit === "％" || b.unit === "%" ? "0.0" : "#,##0";
    row.getCell(6).numFmt = "0.0";
  }
  ws.addRow([]);
  bold(ws.addRow([h.indicators]));
  bold(ws.addRow([h.indicator, h.target, h.actual, h.value, null, null, h.narrative]));
  for (const r of sheet.indicators) {
    const actual = r.breakdown.length ? `${r.display}（${r.breakdown.map((b) => `${b.label} ${b.display}`).join(" ")}）` : r.display;
    const row = ws.addRow([text(r.heading), text(r.target), text(actual), r.value, null, null, text(r.narrative)]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
