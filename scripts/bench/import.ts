/**
 * Benchmark of the import (ADR 0043): a CSV of N new discharge-support cases (default 10,000, the
 * per-file limit) into 備前保健所, checked (preview) and then committed, as bizen.coord.
 *   npm run bench:import [-- 2000]
 * Prints the time of each and per row. The commit is one synchronous transaction: for its whole
 * duration the app's single connection, and so every other request, waits. Not a test: numbers
 * depend on the machine.
 */
import { performance } from "node:perf_hooks";
import { closeBench, openBenchDatabase } from "./harness";

const n = Number(process.argv[2] ?? 10_000);

/** A distinct reading per row: the index written in hiragana digits (the reading is part of the natural key). */
const DIGITS = "あいうえおかきくけこ";
const kana = (i: number) => [...String(i)].map((d) => DIGITS[Number(d)]).join("");

async function main() {
  const { hospitals } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { runImport } = await import("@/lib/import/run");
  const { CASE_COLUMNS } = await import("@/lib/import/cases");
  const { headerNames, japaneseHeader } = await import("@/lib/import/template");
  const { db, actorNamed } = await openBenchDatabase();
  const hospital = db.select().from(hospitals).where(eq(hospitals.prefectureCode, "33")).get()!;
  const coord = actorNamed("bizen.coord");

  const rows = [CASE_COLUMNS.map(japaneseHeader)];
  for (let i = 0; i < n; i++) {
    const values: Record<string, string> = {
      officeId: "備前保健所", familyName: "計測", givenName: `花子${i}`, familyNameKana: "けいそく", givenNameKana: kana(i), birthYearMonth: "昭和50年3月",
      sex: "女性", referralDate: "令和6年4月12日", referralSource: "本人", hospitalId: hospital.name, indexAdmissionDate: "2012/6/1",
      supportStartDate: "R6.4.20", coordinatorUserId: "bizen.coord",
    };
    rows.push(CASE_COLUMNS.map((c) => values[c.field] ?? ""));
  }
  const bytes = new TextEncoder().encode(rows.map((r) => r.map((v) => `"${v}"`).join(",")).join("\r\n"));
  console.log(`A CSV of ${n} cases, ${(bytes.length / 1024 / 1024).toFixed(1)} MB.`);
  for (const mode of ["preview", "commit"] as const) {
    const t0 = performance.now();
    const result = await runImport(coord, "cases", bytes, { mode, headerNames, fileName: "bench.csv", importsPerHour: 1_000_000 });
    const ms = performance.now() - t0;
    if (!result.ok || result.errors.length) throw new Error(`the import refused the file: ${JSON.stringify(result).slice(0, 500)}`);
    console.log(`${mode.padEnd(8)} ${n} rows in ${Math.round(ms)} ms (${(ms / n).toFixed(2)} ms a row); created ${result.create}, committed ${result.committed}`);
  }
  closeBench();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
