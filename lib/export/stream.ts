import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvField, neutraliseCell } from "./csv";

/*
 * The export files as streams (ADR 0044): rows are pulled a batch at a time from an iterator
 * (the list's pages, read through its own data-access function), turned into bytes and handed
 * on, so a large export never holds the whole result in memory. CSV: UTF-8 with a BOM, CRLF,
 * every field quoted and neutralised (lib/export/csv.ts). XLSX: exceljs's streaming
 * WorkbookWriter, every text cell written as a string (never a formula) and neutralised too.
 */

export type Cell = string | number | null | undefined;

/** One line of the CSV (no BOM). */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(",") + "\r\n";
}

/** A text cell as the XLSX holds it: a neutralised string; numbers stay numbers, nothing stays empty. */
export function xlsxCell(value: Cell): string | number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : neutraliseCell(value);
}

/**
 * The CSV as a ReadableStream: the BOM and header first, then one chunk per batch the iterator
 * yields, pulled only when the reader asks for more (backpressure), so memory holds one batch.
 */
export function csvStream(header: readonly string[], batches: Iterator<readonly (readonly Cell[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode("\uFEFF" + csvLine(header)));
      },
      pull(controller) {
        const next = batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      },
      cancel() {
        batches.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * The XLSX as a ReadableStream: one worksheet written by exceljs's streaming writer, each row
 * committed as soon as it is added (so it leaves memory for the zip), the next batch read only
 * when the zip's output has drained.
 */
export function xlsxStream(sheetName: string, header: readonly string[], batches: Iterator<readonly (readonly Cell[])[]>): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 64 * 1024 });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  let cancelled = false;
  const write = async () => {
    sheet.addRow(header.map(xlsxCell)).commit();
    for (let next = batches.next(); !next.done && !cancelled; next = batches.next()) {
      for (const row of next.value) sheet.addRow(row.map(xlsxCell)).commit();
      // Let the zip compress what was committed; wait while the reader is behind.
      await new Promise((resolve) => setImmediate(resolve));
      while (out.readableLength > out.readableHighWaterMark && !cancelled) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    sheet.commit();
    await book.commit();
  };
  out.on("close", () => {
    cancelled = true;
    batches.return?.();
  });
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
