import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { csvField, neutraliseCell, toCsv } from "@/lib/export/csv";
import { FEW } from "./arbitraries";

/*
 * Property-based tests of the CSV writer (lib/export/csv.ts, issue 13): for any rows, a
 * well-kept CSV parser (csv-parse, what the import reads with) gives back exactly the cells
 * written, except that a cell Excel would take for a formula (starting with = + - @, tab or CR)
 * comes back with one leading apostrophe; the file starts with a UTF-8 BOM and every record ends
 * in CRLF, whatever the cells hold (quotes, commas, line breaks, any Unicode).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Cell text heavy in what breaks CSV writers: quotes, commas, CR, LF, formula starts, and any Unicode. */
const awkwardCell = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."\",\r\n\t=+-@' あ髙①ｶﾞ😀"), maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const rows = fc.array(fc.array(awkwardCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

/** What a reader gets back for a cell written as `value`. */
const expectedCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

function readBack(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

describe("toCsv", () => {
  it("any rows of strings read back cell for cell, a formula start neutralised by exactly one apostrophe", () => {
    fc.assert(
      fc.property(rows, (input) => {
        const csv = toCsv(input);
        assert.ok(csv.startsWith("\uFEFF"), "BOM");
        assert.ok(csv.endsWith("\r\n"), "CRLF at the end");
        assert.deepEqual(readBack(csv), input.map((r) => r.map(expectedCell)));
      }),
    );
  });

  it("as UTF-8 bytes (what the browser downloads): the BOM is EF BB BF and the cells survive", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (input) => {
        const bytes = Buffer.from(toCsv(input), "utf8");
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        assert.deepEqual(parse(bytes, { bom: true, relax_column_count: true }), input.map((r) => r.map(expectedCell)));
      }),
    );
  });

  it("records are separated by CRLF alone: the number of records outside quotes is the number of rows", () => {
    fc.assert(
      fc.property(rows, (input) => {
        const csv = toCsv(input).slice(1);
        // Outside quoted fields, only `,` and CRLF appear; inside, a `"` is always doubled.
        const outside = csv.replace(/"(?:[^"]|"")*"/g, "F");
        assert.match(outside, /^(F(,F)*\r\n)+$/);
        assert.equal(outside.split("\r\n").length - 1, input.length);
      }),
    );
  });

  it("numbers, null and undefined: a number as its digits (never neutralised, -3 stays a number), nothing as an empty cell", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.constant(undefined)), { minLength: 1, maxLength: 6 }), (row) => {
        assert.deepEqual(readBack(toCsv([row]))[0], row.map((v) => (v === null || v === undefined ? "" : String(v))));
      }),
      FEW,
    );
  });

  it("neutraliseCell adds one apostrophe to a formula start only, and csvField always quotes", () => {
    fc.assert(
      fc.property(awkwardCell, (value) => {
        const safe = neutraliseCell(value);
        assert.equal(safe, expectedCell(value));
        assert.doesNotMatch(safe, FORMULA_START);
        const field = csvField(value);
        assert.ok(field.startsWith('"') && field.endsWith('"'));
      }),
    );
  });
});
