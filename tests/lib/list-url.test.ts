import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  clearFiltersHref,
  firstValues,
  listScopeOf,
  loadPageInRange,
  MAX_PAGE,
  oneOf,
  PAGE_SIZES,
  pageItems,
  pageNumber,
  parseListRequest,
  parsePageRequest,
  queryKey,
  scopeHref,
  tableHref,
  type PageRequest,
} from "@/lib/list-url";
import { pageWindow } from "@/lib/dal/pagination";

/*
 * The list URL state (lib/list-url.ts). Merges the former tests of components/ui/list-query.ts
 * and components/ui/table-href.ts, with new ones for what had none: firstValues, the lenient
 * page request, and the mine/office scope.
 */

describe("firstValues", () => {
  it("takes the first of a repeated key and keeps single values and absent ones", () => {
    assert.deepEqual(firstValues({ status: ["open", "closed"], q: "あ", page: undefined }), { status: "open", q: "あ", page: undefined });
  });
  it("gives an empty array no value", () => {
    assert.deepEqual(firstValues({ status: [] }), { status: undefined });
  });
});

describe("parsePageRequest", () => {
  const keys = ["name", "code"] as const;
  it("reads page, size, sort and direction", () => {
    assert.deepEqual(parsePageRequest({ page: "3", size: "50", sort: "code", dir: "desc" }, keys, "name"), { page: 3, pageSize: 50, sort: "code", dir: "desc" });
  });
  it("falls back to page 1, the smallest size, the default sort and ascending", () => {
    assert.deepEqual(parsePageRequest({}, keys, "name"), { page: 1, pageSize: PAGE_SIZES[0], sort: "name", dir: "asc" });
  });
  it("refuses a page number that is not a positive whole number", () => {
    assert.equal(parsePageRequest({ page: "abc" }, keys, "name").page, 1);
    assert.equal(parsePageRequest({ page: "0" }, keys, "name").page, 1);
    assert.equal(parsePageRequest({ page: "-4" }, keys, "name").page, 1);
    assert.equal(parsePageRequest({ page: "2.9" }, keys, "name").page, 2);
  });
  it("accepts only the offered page sizes", () => {
    for (const size of PAGE_SIZES) assert.equal(parsePageRequest({ size: String(size) }, keys, "name").pageSize, size);
    assert.equal(parsePageRequest({ size: "30" }, keys, "name").pageSize, 20);
    assert.equal(parsePageRequest({ size: "100000" }, keys, "name").pageSize, 20);
  });
  it("ignores an unknown sort key and any direction but desc", () => {
    const req = parsePageRequest({ sort: "password", dir: "DESC" }, keys, "code");
    assert.equal(req.sort, "code");
    assert.equal(req.dir, "asc");
  });
});

describe("malformed paging parameters never reach SQL as garbage (issue 12)", () => {
  const keys = ["name", "code"] as const;
  const sqlSafe = (req: { page: number; pageSize: number }) => {
    const { limit, offset } = pageWindow(req);
    assert.ok(Number.isSafeInteger(limit) && limit >= 1, `limit ${limit}`);
    assert.ok(Number.isSafeInteger(offset) && offset >= 0, `offset ${offset}`);
  };
  it("an out-of-range page is the highest page (which loadPageInRange makes the last one)", () => {
    for (const v of ["1e308", "Infinity", String(2 ** 53), String(2 ** 53 + 1), "9".repeat(400), "1e6", "1000001"]) {
      assert.equal(pageNumber(v), MAX_PAGE, v);
      const req = parsePageRequest({ page: v, size: "1e308" }, keys, "name");
      assert.deepEqual([req.page, req.pageSize], [MAX_PAGE, PAGE_SIZES[0]], v);
      sqlSafe(req);
    }
  });
  it("garbage, zero, negative numbers and nothing are page 1", () => {
    for (const v of ["abc", "NaN", "-1", "-1e308", "-Infinity", "0", "", " ", "%00", "\u0000", "1abc", "0x", undefined]) {
      assert.equal(pageNumber(v), 1, String(v));
      sqlSafe(parsePageRequest({ page: v }, keys, "name"));
    }
    assert.equal(pageNumber("3.7"), 3);
  });
  it("a repeated parameter (?page=1&page=2) reads its first value; a NUL or unknown sort is the default", () => {
    const req = parsePageRequest(firstValues({ page: ["1", "2"], size: ["50", "1e308"], sort: ["\u0000", "code"], dir: ["desc", "asc"] }), keys, "name");
    assert.deepEqual(req, { page: 1, pageSize: 50, sort: "name", dir: "desc" });
  });
  it("the DAL's own guard keeps LIMIT and OFFSET whole even for a request built by hand", () => {
    for (const page of [1e308, Infinity, -Infinity, NaN, -1, 0, 2 ** 53, 2.5]) {
      for (const pageSize of [1e308, Infinity, NaN, 0, -5, 20, 2 ** 53]) sqlSafe({ page, pageSize });
    }
    assert.deepEqual(pageWindow({ page: 3, pageSize: 20 }), { limit: 20, offset: 40 });
  });
});

describe("listScopeOf", () => {
  it("follows a valid scope in the URL whatever the role", () => {
    assert.equal(listScopeOf("office", "coordinator"), "office");
    assert.equal(listScopeOf("mine", "supervisor"), "mine");
  });
  it("defaults a supervisor to the office and a coordinator to their own cases", () => {
    assert.equal(listScopeOf(undefined, "supervisor"), "office");
    assert.equal(listScopeOf(undefined, "coordinator"), "mine");
    assert.equal(listScopeOf("all", "supervisor"), "office");
  });
});

describe("scopeHref", () => {
  const params = { scope: "office", coordinatorId: "u1", phase: "closed", sort: "kana", page: "3" };
  it("keeps the filters and the sort, and starts again on page 1", () => {
    assert.equal(scopeHref("/cases", params, "office"), "/cases?coordinatorId=u1&phase=closed&sort=kana&scope=office");
  });
  it("drops the coordinator filter for my own cases", () => {
    assert.equal(scopeHref("/outreach", params, "mine"), "/outreach?phase=closed&sort=kana&scope=mine");
  });
});

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

describe("tableHref", () => {
  it("returns the bare path when there is no query", () => {
    assert.equal(tableHref("/offices", {}, {}), "/offices");
  });

  it("keeps the current params and applies changes", () => {
    assert.equal(
      tableHref("/offices", { q: "北", size: "50", page: "3" }, { page: "4" }),
      "/offices?q=%E5%8C%97&size=50&page=4",
    );
  });

  it("removes a param whose change is undefined", () => {
    assert.equal(
      tableHref("/offices", { q: "a", sort: "name", dir: "asc", page: "3" }, { sort: "code", dir: "desc", page: undefined }),
      "/offices?q=a&sort=code&dir=desc",
    );
  });

  it("drops undefined and empty current values", () => {
    assert.equal(tableHref("/users", { q: "", role: undefined, fy: "2025" }, {}), "/users?fy=2025");
  });

  it("treats an empty change as a removal", () => {
    assert.equal(tableHref("/users", { q: "x", fy: "2025" }, { q: "" }), "/users?fy=2025");
  });

  it("adds a param that was not in the query", () => {
    assert.equal(tableHref("/users", { q: "x" }, { sort: "name" }), "/users?q=x&sort=name");
  });

  it("keeps repeated params unless they are changed", () => {
    assert.equal(tableHref("/cases", { status: ["open", "closed"] }, { page: "2" }), "/cases?status=open&status=closed&page=2");
    assert.equal(tableHref("/cases", { status: ["open", "closed"] }, { status: "open" }), "/cases?status=open");
  });

  it("encodes reserved characters so values cannot inject params", () => {
    assert.equal(tableHref("/users", { q: "a&b=c" }, {}), "/users?q=a%26b%3Dc");
  });

  it("does not mutate its inputs", () => {
    const params = { q: "x", page: "2" };
    const changes = { page: undefined };
    tableHref("/users", params, changes);
    assert.deepEqual(params, { q: "x", page: "2" });
    assert.deepEqual(changes, { page: undefined });
  });
});

describe("pageItems", () => {
  it("shows a single page for empty or one-page results", () => {
    assert.deepEqual(pageItems(1, 0), [1]);
    assert.deepEqual(pageItems(1, 1), [1]);
  });

  it("lists every page when there are few", () => {
    assert.deepEqual(pageItems(1, 5), [1, 2, 3, 4, 5]);
    assert.deepEqual(pageItems(3, 7), [1, 2, 3, 4, 5, 6, 7]);
  });

  it("collapses the far end near the start", () => {
    assert.deepEqual(pageItems(1, 20), [1, 2, 3, 4, "gap", 20]);
    assert.deepEqual(pageItems(3, 20), [1, 2, 3, 4, "gap", 20]);
    assert.deepEqual(pageItems(4, 20), [1, 2, 3, 4, 5, "gap", 20]);
  });

  it("collapses both sides in the middle", () => {
    assert.deepEqual(pageItems(10, 20), [1, "gap", 9, 10, 11, "gap", 20]);
  });

  it("collapses the near end near the last page", () => {
    assert.deepEqual(pageItems(20, 20), [1, "gap", 17, 18, 19, 20]);
    assert.deepEqual(pageItems(17, 20), [1, "gap", 16, 17, 18, 19, 20]);
  });

  it("never hides a single page behind a gap", () => {
    assert.deepEqual(pageItems(4, 9), [1, 2, 3, 4, 5, "gap", 9]);
    assert.deepEqual(pageItems(6, 9), [1, "gap", 5, 6, 7, 8, 9]);
    for (let page = 1; page <= 30; page++) {
      const items = pageItems(page, 30);
      assert.ok(items.every((item, i) => item !== "gap" || (items[i + 1] as number) - (items[i - 1] as number) > 2));
    }
  });

  it("never shows more than seven slots", () => {
    for (let last = 1; last <= 40; last++) {
      for (let page = 1; page <= last; page++) assert.ok(pageItems(page, last).length <= 7, `${page}/${last}`);
    }
  });

  it("always includes the first, last and current page", () => {
    for (let page = 1; page <= 25; page++) {
      const items = pageItems(page, 25);
      assert.ok(items.includes(1) && items.includes(25) && items.includes(page));
    }
  });

  it("clamps an out-of-range current page", () => {
    assert.deepEqual(pageItems(99, 6), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(pageItems(0, 20), pageItems(1, 20));
  });
});
