/*
 * The budgets of issue 14 and the one table the bench prints (ADR 0049). Budgets are marked, never
 * enforced: the exit code depends on errors alone. Pure: tests/bench/table.test.ts.
 */
import { dataWorkRatio, type Summary } from "./stats";

export type Budget = { p95Ms?: number; ratio?: number };

/** Issue 14's budgets at national scale on 2 cores. */
export const BUDGETS: Record<string, Budget> = {
  sheet: { p95Ms: 150, ratio: 3 },
  sheetApi: { p95Ms: 150, ratio: 3 },
  dashboard: { p95Ms: 100 },
  sheetAfterWrite: { p95Ms: 150, ratio: 3 },
  sheetApiAfterWrite: { p95Ms: 150, ratio: 3 },
  dashboardAfterWrite: { p95Ms: 100 },
  caseList: { p95Ms: 50 },
  casePage: { p95Ms: 30 },
  kana: { p95Ms: 50 },
};
export const LOAD_BUDGET = { rps: 200, p95Ms: 300, errors: 0 };
export const JS_BUDGET_KB = 200;

export type EndpointResult = {
  id: string;
  label: string;
  app: Summary;
  /** The SQL floor's p50 (ms); null for the health floor itself. */
  sqlP50: number | null;
  /** /api/health's p50 measured between this endpoint's requests; else the health row's is used. */
  healthP50?: number;
  errors: number;
  /** The first error's detail, for the line under the table. */
  firstError?: string;
};

export type Row = {
  id: string;
  label: string;
  p50: number;
  p95: number;
  sqlP50: number | null;
  ratio: number | null;
  budget: string;
  /** "ok", "over" (a budget missed: printed, never failing), "ERROR" (fails the run), "" (no budget). */
  mark: "ok" | "over" | "ERROR" | "";
  errors: number;
};

export function budgetText(b: Budget | undefined): string {
  if (!b) return "—";
  return [b.p95Ms !== undefined ? `p95≤${b.p95Ms}` : null, b.ratio !== undefined ? `ratio≤${b.ratio}` : null].filter(Boolean).join(", ");
}

export function toRow(r: EndpointResult, healthP50: number): Row {
  const budget = BUDGETS[r.id];
  const ratio = r.sqlP50 === null ? null : dataWorkRatio(r.app.p50, r.healthP50 ?? healthP50, r.sqlP50);
  let mark: Row["mark"] = "";
  if (r.errors > 0) mark = "ERROR";
  else if (budget) {
    const overTime = budget.p95Ms !== undefined && !(r.app.p95 <= budget.p95Ms);
    const overRatio = budget.ratio !== undefined && ratio !== null && ratio > budget.ratio;
    mark = overTime || overRatio ? "over" : "ok";
  }
  return { id: r.id, label: r.label, p50: r.app.p50, p95: r.app.p95, sqlP50: r.sqlP50, ratio, budget: budgetText(budget), mark, errors: r.errors };
}

/** Milliseconds as the table shows them: one decimal under 100 ms, whole above; "—" when absent. */
export function ms(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return "—";
  return v < 100 ? v.toFixed(1) : v.toFixed(0);
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** A plain-text table: a header, a rule, the rows; numbers right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i]!, rightAligned[i] ?? false)).join(" | ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}

/** The bench's table: endpoint | p50 | p95 | SQL floor p50 | (app−health)/SQL | budget | ok? */
export function formatResults(rows: readonly Row[]): string {
  return formatTable(
    ["endpoint", "p50 ms", "p95 ms", "SQL floor p50 ms", "(app−health)/SQL", "budget", "ok?"],
    rows.map((r) => [r.label, ms(r.p50), ms(r.p95), ms(r.sqlP50), r.ratio === null ? "—" : `${r.ratio.toFixed(1)}×`, r.budget, r.errors ? `ERROR (${r.errors})` : r.mark || "—"]),
    [false, true, true, true, true, false, false],
  );
}

export type LoadResult = { connections: number; seconds: number; requests: number; rps: number; p50: number; p95: number; errors: number; firstError?: string };

export function loadMark(l: LoadResult): "ok" | "over" | "ERROR" {
  if (l.errors > LOAD_BUDGET.errors) return "ERROR";
  return l.rps >= LOAD_BUDGET.rps && l.p95 <= LOAD_BUDGET.p95Ms ? "ok" : "over";
}

export function formatLoad(l: LoadResult, target: string): string {
  return (
    `load: ${target}, ${l.connections} keep-alive connections for ${l.seconds.toFixed(1)} s: ${l.requests} requests, ${l.rps.toFixed(1)} req/s, ` +
    `p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms, ${l.errors} errors  (budget ≥${LOAD_BUDGET.rps} req/s, p95≤${LOAD_BUDGET.p95Ms} ms, 0 errors: ${loadMark(l)})`
  );
}

/** The same load on the page floor (ADR 0058): what the framework serves when the page does nothing. No budget. */
export function formatFloorLoad(l: LoadResult): string {
  return (
    `  the same load on the page floor (an empty Next.js page): ${l.requests} requests, ${l.rps.toFixed(1)} req/s, ` +
    `p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms, ${l.errors} errors`
  );
}

export function formatJs(kb: number | null, note?: string): string {
  if (kb === null) return `JavaScript of /cases/new: not measured${note ? ` (${note})` : ""}`;
  return `JavaScript of /cases/new: ${kb.toFixed(1)} kB gzip transferred${note ? ` (${note})` : ""}  (budget ≤${JS_BUDGET_KB} kB: ${kb <= JS_BUDGET_KB ? "ok" : "over"})`;
}
