import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { csvLine, csvStream, xlsxCell, xlsxStream, type Cell } from "@/lib/export/stream";

/*
 * The export streams (ADR 0044): formula injection neutralised in CSV and XLSX alike (a text cell
 * starting with = + - @, tab or CR gets a leading apostrophe; XLSX cells are strings, never
 * formulas), the CSV's BOM and CRLF, and the rows pulled lazily batch by batch, so a large export
 * never sits in memory whole.
 */

const DANGEROUS = ["=1+1", "@SUM(A1:A9)", "+81-90", "-2+3", "\tTAB", "\rCR", '=HYPERLINK("http://evil","x")'];

/** `n` rows in batches of `size`, counting how many batches have been pulled. */
function counted(n: number, size: number) {
  const state = { pulled: 0 };
  function* batches(): Generator<Cell[][]> {
    for (let start = 0; start < n; start += size) {
      state.pulled++;
      yield Array.from({ length: Math.min(size, n - start) }, (_, i) => [start + i, `行${start + i}`, "=1+1"]);
    }
  }
  return { state, batches: batches() };
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("export streams", () => {
  test("every dangerous text cell is neutralised in the CSV; numbers stay numbers", () => {
    const line = csvLine([...DANGEROUS, 42, -5, null, "安全"]);
    const fields = (parse(line) as string[][])[0]!;
    for (const [i, value] of DANGEROUS.entries()) assert.equal(fields[i], `'${value}`, JSON.stringify(value));
    assert.deepEqual(fields.slice(DANGEROUS.length), ["42", "-5", "", "安全"]);
    assert.ok(line.endsWith("\r\n"));
    for (const value of DANGEROUS) assert.equal(xlsxCell(value), `'${value}`);
    assert.equal(xlsxCell(-5), -5);
  });

  test("the CSV stream: BOM, header, CRLF, every row", async () => {
    const { batches } = counted(1234, 100);
    const bytes = await bytesOf(csvStream(["番号", "名前", "式"], batches));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.split("\r\n");
    assert.equal(lines[0], '"番号","名前","式"');
    assert.equal(lines.length, 1234 + 2);
    assert.equal(lines[1], `"0","行0","'=1+1"`);
    assert.ok(!/[^\r]\n/.test(text), "no bare LF");
  });

  test("the CSV stream pulls rows only as the reader reads (20,000 rows never built as one array)", async () => {
    const { state, batches } = counted(20_000, 500);
    const reader = csvStream(["n", "t", "f"], batches).getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    assert.ok(state.pulled <= 3, `only the batches read so far are pulled (${state.pulled} of 40)`);
    let lines = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) lines += new TextDecoder().decode(r.value).split("\r\n").length - 1;
    assert.equal(state.pulled, 40);
    assert.equal(lines, 20_000 - 500);
  });

  test("the XLSX stream writes strings, never formulas, and neutralises them", async () => {
    function* one(): Generator<Cell[][]> {
      yield [[...DANGEROUS, 7, null, "普通の文字"]];
    }
    const file = await bytesOf(xlsxStream("一覧", [...DANGEROUS.map((_, i) => `c${i}`), "n", "empty", "text"], one()));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.name, "一覧");
    const row = sheet.getRow(2);
    for (const [i, value] of DANGEROUS.entries()) {
      const cell = row.getCell(i + 1);
      assert.equal(cell.type, ExcelJS.ValueType.String, `${JSON.stringify(value)} is a string cell`);
      // XML reads a stored CR back as LF; what matters is the leading apostrophe.
      assert.equal(cell.value, `'${value}`.replace("\r", "\n"));
    }
    assert.equal(row.getCell(DANGEROUS.length + 1).value, 7);
    assert.equal(row.getCell(DANGEROUS.length + 3).value, "普通の文字");
    assert.ok(!file.includes(Buffer.from("<f>")), "no formula element in the sheet");
  });

  test("the XLSX stream writes its rows a batch at a time (5,000 rows: the CSV test above takes 20,000)", async () => {
    const { state, batches } = counted(5_000, 250);
    const stream = xlsxStream("rows", ["n", "t", "f"], batches);
    const reader = stream.getReader();
    const first = await reader.read();
    assert.ok(state.pulled < 20, `the writer does not run ahead of the reader (${state.pulled} of 20 pulled)`);
    const chunks: Uint8Array[] = first.value ? [first.value] : [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    assert.equal(state.pulled, 20);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks.map((c) => Buffer.from(c))) as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0]!.rowCount, 5_001);
  });
});
