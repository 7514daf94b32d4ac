import "server-only";
import ExcelJS from "exceljs";
import type { SheetModel } from "@/lib/dal/indicators/sheet";
import { formatDateTime } from "@/lib/domain/format";
import { neutraliseCell, toCsv } from "./csv";

/*
 * The 自治体情報シート as files, from the same model the page prints (lib/dal/indicators/sheet.ts),
 * in the same order: the 基本情報 block, then the indicator table (指標 / 目標値 / 実績値 /
 * 具体的な成果・効果). Numbers stay numbers in the XLSX; the CSV is for Excel (UTF-8 with BOM).
 * A figure that changes to a locked year's records may have moved carries its restatement count
 * (訂正), and the restatements follow the tables (ADR 0025): record type, office, fields, reason,
 * role and time, never a name or a record number.
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
  restated: string;
  restatements: string;
  record: string;
  change: string;
  office: string;
  fields: string;
  reason: string;
  by: string;
  at: string;
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
  restated: "訂正(件)",
  restatements: "訂正（締めた後の記録の変更）",
  record: "記録の種類",
  change: "変更",
  office: "保健所・支所",
  fields: "変更した項目",
  reason: "理由",
  by: "変更した人(役割)",
  at: "日時",
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
  restated: "Restatements",
  restatements: "Restatements (changes after the lock)",
  record: "Record type",
  change: "Change",
  office: "Office",
  fields: "Fields changed",
  reason: "Reason",
  by: "Changed by (role)",
  at: "At",
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

function actualText(r: SheetModel["indicators"][number]): string {
  return r.breakdown.length ? `${r.display}（${r.breakdown.map((b) => `${b.label} ${b.display}`).join(" ")}）` : r.display;
}

/** The restatements block (nothing when the year has none). */
function restatementRows(sheet: SheetModel, locale: "ja" | "en", h: Headings): (string | number | null)[][] {
  if (sheet.restatements.length === 0) return [];
  return [
    [],
    [h.restatements],
    [h.record, h.change, h.office, h.fields, h.reason, h.by, h.at],
    ...sheet.restatements.map((r) => [r.record, r.action, r.office, r.fields.join("、"), r.reason, r.by, formatDateTime(r.at, locale)]),
  ];
}

export function sheetCsv(sheet: SheetModel, locale: "ja" | "en"): string {
  const h = headingsFor(locale);
  const rows: (string | number | null)[][] = [
    [`${h.title} ${sheet.prefectureName} ${sheet.fiscalYearLabel}`],
    [h.basic],
    [h.item, h.asOf, h.value, h.of, h.unit, h.share, h.source, h.restated],
    ...sheet.basic.map((b) => [basicLabel(b), b.asOf, basicValue(b), b.of, b.unit, b.sharePercent, b.missing ?? b.source, b.restatements || null]),
    [],
    [h.indicators],
    [h.indicator, h.target, h.actual, h.narrative, h.restated],
    ...sheet.indicators.map((r) => [r.heading, r.target, actualText(r), r.narrative, r.restatements || null]),
    ...restatementRows(sheet, locale, h),
  ];
  return toCsv(rows);
}

export async function sheetXlsx(sheet: SheetModel, locale: "ja" | "en"): Promise<Buffer> {
  const h = headingsFor(locale);
  const book = new ExcelJS.Workbook();
  book.creator = "Tsunagu";
  const ws = book.addWorksheet(h.title, { pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 10 }, { width: 16 }, { width: 12 }, { width: 48 }, { width: 10 }];
  const text = (v: string | null) => (v === null ? null : neutraliseCell(v));
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true });
  bold(ws.addRow([`${h.title}　${sheet.prefectureName}　${sheet.fiscalYearLabel}`]));
  ws.addRow([]);
  bold(ws.addRow([h.basic]));
  bold(ws.addRow([h.item, h.asOf, h.value, h.of, h.unit, h.share, h.source, h.restated]));
  for (const b of sheet.basic) {
    const value = basicValue(b);
    const row = ws.addRow([text(basicLabel(b)), text(b.asOf), typeof value === "number" ? value : text(value), b.of, text(b.unit), b.sharePercent, text(b.missing ?? b.source), b.restatements || null]);
    row.getCell(3).numFmt = b.unit === "％" || b.unit === "%" ? "0.0" : "#,##0";
    row.getCell(6).numFmt = "0.0";
  }
  ws.addRow([]);
  bold(ws.addRow([h.indicators]));
  bold(ws.addRow([h.indicator, h.target, h.actual, h.value, null, null, h.narrative, h.restated]));
  for (const r of sheet.indicators) {
    const row = ws.addRow([text(r.heading), text(r.target), text(actualText(r)), r.value, null, null, text(r.narrative), r.restatements || null]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  const restated = restatementRows(sheet, locale, h);
  if (restated.length) {
    const rs = book.addWorksheet(h.restatements.slice(0, 31), { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    rs.columns = [{ width: 20 }, { width: 10 }, { width: 22 }, { width: 30 }, { width: 48 }, { width: 24 }, { width: 18 }];
    restated.slice(1).forEach((cells, i) => {
      const row = rs.addRow(cells.map((c) => (typeof c === "string" ? neutraliseCell(c) : c)));
      row.alignment = { wrapText: true, vertical: "top" };
      if (i < 2) bold(row);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
