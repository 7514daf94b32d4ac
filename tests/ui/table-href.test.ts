import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { pageItems, tableHref } from "../../components/ui/table-href";

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
