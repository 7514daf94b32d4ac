import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { hostAndSearch } from "@/app/(app)/activities/_lib/params";
import { indicatorQuery } from "@/app/(app)/indicators/_lib/params";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, ROLES } from "@/lib/domain/codes";
import { clearFiltersHref, firstValues, LIST_SCOPES, listScopeOf, MAX_PAGE, oneOf, PAGE_SIZES, pageItems, pageNumber, parseListRequest, queryKey, scopeHref, tableHref } from "@/lib/list-url";
import { AUDIT_FILTER_KEYS, jstDayEnd, jstDayStart, parseAuditViewFilter } from "@/lib/validation/audit-view";
import { parseScopeValue, scopeValue } from "@/lib/validation/indicator-targets";
import { PREFECTURE_HOST } from "@/lib/validation/activities";
import { anyString, wellFormed } from "./arbitraries";

/*
 * Property-based tests of the list URL readers (issue 13): whatever query a hand-edited URL, an
 * old bookmark or a scanner sends, the list reads it without throwing and every value it reads is
 * one the list allows (a page from 1 to MAX_PAGE, a size it offers, a known sort key and
 * direction, a known code, a real day); the links it writes carry exactly the changes asked for.
 */

/** Values a query string carries: numbers of every shape, codes, dates, and any text. */
const queryValue = fc.oneof(
  anyString,
  fc.constantFrom("1", "0", "-1", "1e308", "Infinity", "NaN", "2.5", " 3 ", "0x10", "9007199254740993", "desc", "asc", "mine", "office", "all", "2026-02-30", "2026-12-06", "prefecture"),
  fc.integer().map(String),
  fc.double().map(String),
);
const KEYS = ["page", "size", "sort", "dir", "scope", "fy", "q", "host", "status", ...AUDIT_FILTER_KEYS, "__proto__", "constructor"];
/** A query as Next passes it to a page: some keys, each once, repeated, or absent. */
const rawParams = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), anyString), fc.oneof(queryValue, fc.array(queryValue, { maxLength: 3 }), fc.constant(undefined)), { maxKeys: 8 });
const SORT_KEYS = ["referralDate", "caseNo", "phase"] as const;

describe("paging and sorting", () => {
  it("any query gives a page from 1 to MAX_PAGE, an offered size, a known sort key and direction", () => {
    fc.assert(
      fc.property(rawParams, fc.constantFrom("asc", "desc") as fc.Arbitrary<"asc" | "desc">, (raw, defaultDir) => {
        const params = firstValues(raw);
        const { req, sortChosen } = parseListRequest(params, SORT_KEYS, "referralDate", defaultDir);
        assert.ok(Number.isSafeInteger(req.page) && req.page >= 1 && req.page <= MAX_PAGE, String(req.page));
        assert.ok((PAGE_SIZES as readonly number[]).includes(req.pageSize));
        assert.ok(SORT_KEYS.includes(req.sort));
        assert.ok(req.dir === "asc" || req.dir === "desc");
        assert.equal(sortChosen, SORT_KEYS.includes(params.sort as never));
        if (!sortChosen) assert.equal(req.dir, defaultDir);
      }),
    );
  });

  it("a page number reads as its whole part when it is one, else page 1 or the last", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 2 * MAX_PAGE }), fc.double()), (n) => {
        const page = pageNumber(String(n));
        if (Number.isNaN(n) || n < 1) assert.equal(page, 1);
        else assert.equal(page, Math.min(Math.floor(n), MAX_PAGE));
      }),
    );
  });

  it("the pager lists 1 and the last page, the current one and its neighbours, ascending, gaps never hiding one page", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 500 }), fc.integer({ min: 0, max: 500 }), (current, last) => {
        const items = pageItems(current, last);
        const pages = items.filter((i): i is number => i !== "gap");
        assert.equal(pages[0], 1);
        if (last <= 1) return assert.deepEqual(items, [1]);
        assert.equal(pages.at(-1), last);
        const here = Math.min(Math.max(1, current), last);
        for (const p of [here - 1, here, here + 1]) if (p >= 1 && p <= last) assert.ok(pages.includes(p), `${p} shown`);
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1], items[i]];
          if (typeof a === "number" && typeof b === "number") assert.equal(b, a + 1);
          if (b === "gap") assert.ok(typeof a === "number" && typeof items[i + 1] === "number" && (items[i + 1] as number) - a > 2);
        }
        assert.ok(items.length <= 9);
      }),
    );
  });
});

describe("codes, scopes and filters", () => {
  it("oneOf and listScopeOf give a listed value or the default, never the raw text", () => {
    fc.assert(
      fc.property(queryValue, fc.constantFrom(...ROLES), (value, role) => {
        const v = typeof value === "string" ? value : undefined;
        const code = oneOf(["a", "b"], v);
        assert.ok(code === undefined || code === v);
        assert.ok(LIST_SCOPES.includes(listScopeOf(v, role)));
      }),
    );
  });

  it("the audit viewer's filter: only known actions and entity types, id-shaped ids, real days; never throws", () => {
    const ID = /^[A-Za-z0-9_-]{1,64}$/;
    fc.assert(
      fc.property(rawParams, (raw) => {
        const f = parseAuditViewFilter(firstValues(raw));
        assert.ok(f.action === undefined || AUDIT_ACTIONS.includes(f.action));
        assert.ok(f.entityType === undefined || AUDIT_ENTITY_TYPES.includes(f.entityType));
        for (const id of [f.userId, f.entityId, f.officeId]) assert.ok(id === undefined || ID.test(id), id);
        for (const day of [f.from, f.to]) {
          if (day === undefined) continue;
          assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
          assert.equal(new Date(jstDayEnd(day)).getTime() - new Date(jstDayStart(day)).getTime(), 86_400_000);
        }
        for (const key of Object.keys(f)) assert.ok((AUDIT_FILTER_KEYS as readonly string[]).includes(key));
      }),
    );
  });

  it("host and search: the prefecture or an office in reach, and the searched text trimmed to 100", () => {
    const offices = [{ id: "33-bizen" }, { id: "33-bichu" }];
    fc.assert(
      fc.property(rawParams, (raw) => {
        const { host, q } = hostAndSearch(firstValues(raw), offices);
        assert.ok(host === undefined || host === PREFECTURE_HOST || offices.some((o) => o.id === host));
        assert.ok(q === undefined || (q.length <= 100 && q.length > 0));
      }),
    );
  });

  it("a target's scope value: parse(scopeValue(s)) is s; any text gives a scope or null", () => {
    const id = fc.string({ minLength: 1, maxLength: 20 });
    const scope = fc.oneof(fc.constant({ level: "prefecture" as const }), id.map((regionId) => ({ level: "region" as const, regionId })), id.map((officeId) => ({ level: "office" as const, officeId })));
    fc.assert(
      fc.property(scope, anyString, (s, text) => {
        assert.deepEqual(parseScopeValue(scopeValue(s)), s);
        const parsed = parseScopeValue(text);
        if (parsed) assert.equal(scopeValue(parsed), text);
      }),
    );
  });
});

describe("links", () => {
  it("tableHref keeps the query, applies the changes and drops emptied keys; URLSearchParams reads back the same", () => {
    const value = fc.oneof(anyString, fc.constant(undefined));
    fc.assert(
      fc.property(rawParams, fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }), (raw, changes) => {
        const href = tableHref("/cases", raw, changes);
        assert.ok(href === "/cases" || href.startsWith("/cases?"));
        const read = new URLSearchParams(href.slice("/cases".length));
        for (const [key, v] of Object.entries(changes)) {
          if (v) assert.equal(read.get(key), wellFormed(v));
          else assert.equal(read.get(key), null);
        }
        for (const [key, v] of Object.entries(raw)) {
          if (key in changes) continue;
          const kept = (Array.isArray(v) ? v : [v]).filter((x): x is string => !!x).map((x) => wellFormed(x));
          assert.deepEqual(read.getAll(wellFormed(key)).slice(0, kept.length), kept);
        }
      }),
    );
  });

  it("clearing the filters drops exactly them and the page; a scope link starts at page 1; the query key never throws", () => {
    fc.assert(
      fc.property(rawParams, fc.constantFrom(...LIST_SCOPES), (raw, scope) => {
        const params = firstValues(raw);
        const cleared = new URLSearchParams(clearFiltersHref("/x", params, ["q", "status", "host"]).slice(2));
        for (const key of ["q", "status", "host", "page"]) assert.equal(cleared.get(key), null);
        const scoped = new URLSearchParams(scopeHref("/x", params, scope).slice(2));
        assert.equal(scoped.get("scope"), scope);
        assert.equal(scoped.get("page"), null);
        if (scope === "mine") assert.equal(scoped.get("coordinatorId"), null);
        assert.equal(typeof queryKey(params), "string");
      }),
    );
  });

  it("the indicator query names the year and the scope as given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.option(anyString, { nil: undefined }), (fy, scope) => {
        const q = new URLSearchParams(indicatorQuery(fy, scope).slice(1));
        assert.equal(q.get("fy"), String(fy));
        assert.equal(q.get("scope"), scope ? wellFormed(scope) : null);
      }),
    );
  });
});
