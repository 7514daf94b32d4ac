import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { clearFiltersHref, loadPageInRange, oneOf, parseListRequest, queryKey } from "../../components/ui/list-query";
import type { PageRequest } from "../../lib/dal/pagination";

describe("oneOf", () => {
  it("accepts a listed value and refuses anything else", () => {
    assert.equal(oneOf(["mine", "office"] as const, "office"), "office");
    assert.equal(oneOf(["mine", "office"] as const, "all"), undefined);
    assert.equal(oneOf(["mine", "office"] as const, undefined), undefined);
    assert.equal(oneOf(["mine", "office"] as const, ""), undefined);
  });
});

describe("queryKey", () => {
  it("leaves out empty values and follows the URL's order", () => {
    assert.equal(queryKey({ q: "あ", phase: "", page: undefined, scope: "mine" }), "q=%E3%81%82&scope=mine");
  });
  it("differs when a value differs", () => {
    assert.notEqual(queryKey({ q: "a" }), queryKey({ q: "b" }));
  });
});

describe("clearFiltersHref", () => {
  it("removes the filter keys and the page, keeps the rest", () => {
    assert.equal(
      clearFiltersHref("/cases", { scope: "office", phase: "closed", q: "x", sort: "kana", dir: "desc", size: "50", page: "3" }, ["phase", "q"]),
      "/cases?scope=office&sort=kana&dir=desc&size=50",
    );
  });
});

describe("parseListRequest", () => {
  const keys = ["caseNo", "referralDate"] as const;
  it("uses the default direction while no column is chosen", () => {
    assert.deepEqual(parseListRequest({ dir: "asc" }, keys, "referralDate", "desc"), {
      req: { page: 1, pageSize: 20, sort: "referralDate", dir: "desc" },
      sortChosen: false,
    });
  });
  it("follows the chosen column and direction", () => {
    assert.deepEqual(parseListRequest({ sort: "caseNo", dir: "asc", page: "2", size: "50" }, keys, "referralDate", "desc"), {
      req: { page: 2, pageSize: 50, sort: "caseNo", dir: "asc" },
      sortChosen: true,
    });
  });
  it("ignores an unknown column", () => {
    assert.equal(parseListRequest({ sort: "name", dir: "asc" }, keys, "referralDate", "desc").sortChosen, false);
  });
});

describe("loadPageInRange", () => {
  const rows = Array.from({ length: 45 }, (_, i) => i);
  const calls: number[] = [];
  const load = (req: PageRequest<"n">) => {
    calls.push(req.page);
    const start = (req.page - 1) * req.pageSize;
    return { rows: rows.slice(start, start + req.pageSize), total: rows.length, page: req.page, pageSize: req.pageSize };
  };
  const req = (page: number): PageRequest<"n"> => ({ page, pageSize: 20, sort: "n", dir: "asc" });

  it("loads a page in range once", () => {
    calls.length = 0;
    assert.deepEqual(loadPageInRange(req(2), load).rows, rows.slice(20, 40));
    assert.deepEqual(calls, [2]);
  });
  it("lands a page beyond the end on the last page", () => {
    calls.length = 0;
    const page = loadPageInRange(req(9), load);
    assert.equal(page.page, 3);
    assert.deepEqual(page.rows, rows.slice(40));
    assert.deepEqual(calls, [9, 3]);
  });
  it("leaves an empty list alone", () => {
    calls.length = 0;
    const empty = (r: PageRequest<"n">) => (calls.push(r.page), { rows: [], total: 0, page: r.page, pageSize: r.pageSize });
    assert.equal(loadPageInRange(req(4), empty).page, 4);
    assert.deepEqual(calls, [4]);
  });
});
