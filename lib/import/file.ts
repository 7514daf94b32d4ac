import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { toFullWidthKana } from "@/lib/domain/kana";

/*
 * An uploaded file as a table of text cells (ADR 0043). The content decides what it is, never the
 * name: a ZIP (PK\x03\x04) is read as XLSX, anything with a NUL byte is refused as binary, the rest
 * is CSV in UTF-8 (with or without BOM) or else Shift_JIS / CP932 (what Excel in Japan writes).
 * Well-kept parsers do the reading (csv-parse, exceljs, iconv-lite); nothing here evaluates a
 * formula: an XLSX formula cell gives its cached result, or is refused when it has none.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

/** What went wrong with the file as a whole (a catalog key under import.file.*). */
export type FileProblem = "empty" | "utf16" | "binary" | "zipNotXlsx" | "xlsxUnreadable" | "csvUnreadable" | "noHeader" | "tooManyRows" | "notXlsxButNamed";

/** A data row: its number as the user counts it (the header is row 1) and its cells by column. */
export type TableRow = { row: number; cells: string[] };
/** A cell that could not be taken as text (a formula without a result, a ragged row). */
export type CellProblem = { row: number; column: number | null; value: string; messageKey: string };
export type Table = { headers: string[]; rows: TableRow[]; problems: CellProblem[]; format: "csv" | "xlsx"; encoding: "utf-8" | "cp932" | "xlsx" };

export type ReadResult = { ok: true; table: Table } | { ok: false; problem: FileProblem; limit?: number };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Text as it is stored: full-width ASCII (digits, letters, signs) as half-width, half-width kana
 * as full-width, nothing else touched (髙 and ① stay: no NFKC over the whole text).
 */
export function normaliseCell(value: string): string {
  return toFullWidthKana(value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).trim();
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else CP932. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "cp932" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "cp932"), encoding: "cp932" };
  }
}

/**
 * Read an upload. `declaredXlsx`: the user chose an .xlsx file (its name), used only to say
 * clearly that a file named .xlsx is not one; a ZIP named .csv is read as what it is and refused
 * unless it really is a workbook, so a renamed workbook never parses as text.
 */
export async function readUpload(bytes: Uint8Array, options: { fileName?: string; maxRows?: number } = {}): Promise<ReadResult> {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  const namedCsv = /\.(csv|txt)$/i.test(options.fileName ?? "");
  if (isZip(bytes)) {
    if (namedCsv) return { ok: false, problem: "zipNotXlsx" };
    return readXlsx(bytes, maxRows);
  }
  if (/\.xlsx$/i.test(options.fileName ?? "")) return { ok: false, problem: "notXlsxButNamed" };
  // Excel's 「Unicode テキスト」 is UTF-16 with a byte-order mark: say so rather than "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, problem: "utf16" };
  if (bytes.includes(0)) return { ok: false, problem: "binary" };
  return readCsv(bytes, maxRows);
}

function readCsv(bytes: Uint8Array, maxRows: number): ReadResult {
  const { text, encoding } = decodeText(bytes);
  let records: { record: string[]; info: { lines: number; error?: { code?: string } } }[];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, raw: false, to: maxRows + 2 }) as unknown as typeof records;
  } catch {
    return { ok: false, problem: "csvUnreadable" };
  }
  if (records.length === 0) return { ok: false, problem: "noHeader" };
  // Headers as written (for the messages); they are matched normalised (lib/import/run.ts).
  const headers = records[0]!.record.map((h) => h.trim());
  const body = records.slice(1).filter((r) => r.record.some((c) => c.trim() !== ""));
  if (records.length > maxRows + 1) return { ok: false, problem: "tooManyRows", limit: maxRows };
  const problems: CellProblem[] = [];
  const rows: TableRow[] = body.map((r, i) => {
    const row = i + 2;
    if (r.record.length !== headers.length) {
      problems.push({ row, column: null, value: String(r.record.length), messageKey: `import.row.ragged?expected=${headers.length}&found=${r.record.length}` });
    }
    return { row, cells: headers.map((_, c) => normaliseCell(r.record[c] ?? "")) };
  });
  return { ok: true, table: { headers, rows, problems, format: "csv", encoding } };
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: "xlsxUnreadable" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, problem: "noHeader" };
  if (sheet.actualRowCount - 1 > maxRows) return { ok: false, problem: "tooManyRows", limit: maxRows };
  const problems: CellProblem[] = [];
  const header = sheet.getRow(1);
  const width = header.cellCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(cellText(header.getCell(c).value, () => undefined).trim());
  while (headers.length && headers.at(-1) === "") headers.pop();
  if (headers.length === 0) return { ok: false, problem: "noHeader" };
  const rows: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const cells = headers.map((_, c) =>
      normaliseCell(
        cellText(line.getCell(c + 1).value, (messageKey, value) => problems.push({ row: r, column: c, value, messageKey })),
      ),
    );
    if (cells.some((v) => v !== "")) rows.push({ row: r, cells });
  }
  if (rows.length > maxRows) return { ok: false, problem: "tooManyRows", limit: maxRows };
  return { ok: true, table: { headers, rows, problems, format: "xlsx", encoding: "xlsx" } };
}

/** An Excel serial day (1900 date system, with Excel's phantom 1900-02-29) as an ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial) - (serial > 59 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function isoOfDate(d: Date): string {
  // exceljs gives dates as UTC midnight of the cell's day.
  return d.toISOString().slice(0, 10);
}

type CellValue = ExcelJS.CellValue;

/** A cell's value as text; a formula gives its cached result, never evaluated; rich text its plain text. */
function cellText(value: CellValue, problem: (messageKey: string, value: string) => void): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoOfDate(value);
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === "object" && !(result instanceof Date))) {
        problem("import.row.formulaWithoutResult", `=${(value as { formula?: string }).formula ?? ""}`);
        return "";
      }
      return cellText(result as CellValue, problem);
    }
    if ("richText" in value) return value.richText.map((p) => p.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) {
      problem("import.row.errorCell", String(value.error));
      return "";
    }
  }
  return String(value);
}
