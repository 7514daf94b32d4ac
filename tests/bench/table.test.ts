import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeCookies, cookieHeader } from "@/scripts/bench/signin";
import { budgetText, displayWidth, formatFloorLoad, formatJs, formatLoad, formatResults, formatTable, loadMark, ms, toRow, type EndpointResult, type LoadResult } from "@/scripts/bench/table";

const result = (id: string, p50: number, p95: number, sqlP50: number | null, errors = 0): EndpointResult => ({ id, label: id, app: { n: 200, p50, p95, max: p95 }, sqlP50, errors });

test("rows carry the ratio and the budget's mark; errors outrank budgets", () => {
  const ok = toRow(result("sheet", 40, 120, 10), 10);
  assert.equal(ok.ratio, 3);
  assert.equal(ok.mark, "ok");
  assert.equal(ok.budget, "p95≤150, ratio≤3");
  assert.equal(toRow(result("sheet", 50, 120, 10), 10).mark, "over", "ratio 4 > 3");
  assert.equal(toRow(result("sheet", 20, 151, 10), 10).mark, "over", "p95 over 150 ms");
  assert.equal(toRow(result("casePage", 10, 30, 1), 5).mark, "ok", "exactly at the budget is within it");
  assert.equal(toRow(result("casePage", 10, 30, 1, 2), 5).mark, "ERROR");
  assert.equal(toRow(result("dispatches", 10, 999, 1), 5).mark, "", "no budget: no mark");
  assert.equal(toRow(result("health", 5, 9, null), 5).ratio, null);
  assert.equal(toRow(result("caseList", 10, Number.NaN, 1), 5).mark, "over", "no timing at all never passes a budget");
});

test("budgets read as in the issue", () => {
  assert.equal(budgetText({ p95Ms: 50 }), "p95≤50");
  assert.equal(budgetText(undefined), "—");
});

test("milliseconds: one decimal under 100, whole above, a dash when absent", () => {
  assert.equal(ms(1.234), "1.2");
  assert.equal(ms(99.94), "99.9");
  assert.equal(ms(153.6), "154");
  assert.equal(ms(null), "—");
  assert.equal(ms(Number.NaN), "—");
});

test("the table aligns columns by display width (Japanese labels take two columns a character)", () => {
  assert.equal(displayWidth("abc"), 3);
  assert.equal(displayWidth("自治体"), 6);
  assert.equal(displayWidth("ｱ"), 1, "half-width katakana is narrow");
  const t = formatTable(["name", "ms"], [["自治体", "1.0"], ["x", "10.5"]], [false, true]);
  const lines = t.split("\n");
  assert.equal(lines.length, 4);
  assert.equal(lines[0], "name   |   ms");
  assert.equal(lines[1], "-------|-----");
  assert.equal(lines[2], "自治体 |  1.0");
  assert.equal(lines[3], "x      | 10.5");
  assert.deepEqual(new Set(lines.map(displayWidth)), new Set([13]));
});

test("the results table has the issue's columns and marks errors", () => {
  const text = formatResults([toRow(result("health", 5, 9, null), 5), toRow(result("kana", 20, 40, 2, 3), 5)]);
  const [header, , health, kana] = text.split("\n");
  assert.match(header!, /^endpoint +\| p50 ms \| p95 ms \| SQL floor p50 ms \| \(app−health\)\/SQL \| budget +\| ok\?$/);
  assert.match(health!, /\| +— \| +— \| — +\| —$/);
  assert.match(kana!, /\| +7\.5× \| p95≤50 +\| ERROR \(3\)$/);
});

test("the load line and the JavaScript line", () => {
  const load: LoadResult = { connections: 50, seconds: 30, requests: 6300, rps: 210, p50: 200, p95: 280, errors: 0 };
  assert.equal(loadMark(load), "ok");
  assert.equal(loadMark({ ...load, rps: 150 }), "over");
  assert.equal(loadMark({ ...load, errors: 1 }), "ERROR");
  assert.match(formatLoad(load, "/cases"), /50 keep-alive connections for 30\.0 s: 6300 requests, 210\.0 req\/s, p50 200 ms, p95 280 ms, 0 errors .*: ok\)$/);
  assert.match(formatFloorLoad({ ...load, rps: 265.4 }), /page floor .*: 6300 requests, 265\.4 req\/s, p50 200 ms, p95 280 ms, 0 errors$/);
  assert.doesNotMatch(formatFloorLoad(load), /budget/, "the page floor has no budget");
  assert.equal(toRow(result("emptyPage", 9, 15, null), 4).mark, "", "the page floor's row carries no budget");
  assert.match(formatJs(180.04), /180\.0 kB gzip .*: ok\)$/);
  assert.match(formatJs(250), /: over\)$/);
  assert.equal(formatJs(null, "--skip-js"), "JavaScript of /cases/new: not measured (--skip-js)");
});

test("the sign-in's cookie jar keeps the latest value and drops cleared cookies", () => {
  const jar = mergeCookies(new Map(), ["a=1; Path=/; HttpOnly", "authjs.session-token=xyz; Path=/; SameSite=Lax", "b=2"]);
  mergeCookies(jar, ["a=3; Path=/", "b=; Max-Age=0", "pending=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
  assert.equal(cookieHeader(jar), "a=3; authjs.session-token=xyz");
});

test("the ratio uses the health floor measured between the endpoint's own requests when there is one", () => {
  assert.equal(toRow({ ...result("sheet", 40, 100, 10), healthP50: 20 }, 10).ratio, 2);
  assert.equal(toRow(result("sheet", 40, 100, 10), 10).ratio, 3);
});
