import type { Role } from "@/lib/domain/codes";
import type { Page, PageRequest, SortDir } from "@/lib/dal/pagination";

/*
 * A list's state in the URL (ADR 0011, ADR 0027): reading the query Next passes to a page
 * (filters, scope, page, size, sort, dir) and writing the links that change it (sort headers,
 * pager, tabs, chips, "clear the filters"). Pure functions with no I/O, so server pages and
 * client components import the same rules; a list page reads as: parse the URL, load, lay out.
 *
 * The paging types are the data-access layer's contract (lib/dal/pagination.ts declares them
 * and nothing else) and are re-exported here, so a page imports its URL handling from one place.
 */

export type { Page, PageRequest, SortDir };

/** The query as Next passes it to a page: a repeated key (?a=1&a=2) arrives as an array. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The query with one value per key, what filters and paging read. */
export type QueryValues = Record<string, string | undefined>;

/** The first value of each key: a list filters by one value per parameter. */
export function firstValues(params: RawSearchParams): QueryValues {
  const out: QueryValues = {};
  for (const [k, v] of Object.entries(params)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}

/** The URL's value if it is one of `values` (a code, a sort key), else undefined. */
export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

// ---- Paging and sorting -------------------------------------------------------------------

/** The page sizes a list offers; anything else in the URL falls back to the first. */
export const PAGE_SIZES = [20, 50, 100] as const;

/**
 * The highest page number a URL may ask for. Far beyond any list (a million pages of 100 rows),
 * and small enough that the row offset stays a safe integer SQLite takes: a larger number is
 * read as this one, which `loadPageInRange` turns into the last page (issue 12: `?page=1e308`
 * once reached SQL as a float and answered 500).
 */
export const MAX_PAGE = 1_000_000;

/**
 * A page number from the URL: a whole number from 1 to MAX_PAGE. Nothing, garbage, zero or a
 * negative number is page 1; a fraction is rounded down; anything larger (1e308, Infinity,
 * 2^53) is MAX_PAGE, i.e. the last page.
 */
export function pageNumber(value: string | undefined): number {
  const n = Math.floor(Number(value));
  if (Number.isNaN(n) || n < 1) return 1;
  return Math.min(n, MAX_PAGE);
}

/**
 * The page request in the URL, read leniently: a bad page number is page 1 (one past the end the
 * last page, see `pageNumber`), an unknown size the smallest, an unknown sort key `defaultSort`,
 * and any direction but "desc" ascending.
 */
export function parsePageRequest<K extends string>(params: QueryValues, sortKeys: readonly K[], defaultSort: K): PageRequest<K> {
  const page = pageNumber(params.page);
  const size = Number(params.size);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0];
  const sort = oneOf(sortKeys, params.sort) ?? defaultSort;
  const dir: SortDir = params.dir === "desc" ? "desc" : "asc";
  return { page, pageSize, sort, dir };
}

/**
 * The page request of a list whose default order runs in `defaultDir` (newest first, say) until
 * the user picks a column; `sortChosen` says whether they did, so a filter form can carry it along.
 */
export function parseListRequest<K extends string>(
  params: QueryValues,
  sortKeys: readonly K[],
  defaultSort: K,
  defaultDir: SortDir,
): { req: PageRequest<K>; sortChosen: boolean } {
  const sortChosen = !!oneOf(sortKeys, params.sort);
  const parsed = parsePageRequest(params, sortKeys, defaultSort);
  return { req: sortChosen ? parsed : { ...parsed, dir: defaultDir }, sortChosen };
}

/**
 * Load one page of a list. A page number beyond the end (a bookmark of a list that has since
 * shrunk) loads the last page instead of an empty one.
 */
export function loadPageInRange<K extends string, P extends Page<unknown>>(req: PageRequest<K>, load: (req: PageRequest<K>) => P): P {
  const page = load(req);
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.rows.length === 0 && page.total > 0 && req.page > lastPage) return load({ ...req, page: lastPage });
  return page;
}

export type PageItem = number | "gap";

/**
 * The page numbers to show for `current` of `last`: always the first, the last and the
 * neighbours of the current one, with "gap" for each skipped run. A gap never hides a
 * single page, because the number takes no more room than the ellipsis would.
 */
export function pageItems(current: number, last: number): PageItem[] {
  if (last <= 1) return [1];
  // Seven slots is what the collapsed form uses at most (1 … 9 10 11 … 20), so list all.
  if (last <= 7) return Array.from({ length: last }, (_, i) => i + 1);
  const page = Math.min(Math.max(1, current), last);
  const shown = new Set<number>([1, last, page - 1, page, page + 1]);
  // Near either end, widen the window so the list keeps roughly the same length.
  if (page <= 3) for (let n = 2; n <= 4; n++) shown.add(n);
  if (page >= last - 2) for (let n = last - 3; n < last; n++) shown.add(n);
  const pages = [...shown].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);

  const items: PageItem[] = [];
  let previous = 0;
  for (const n of pages) {
    if (n - previous === 2) items.push(n - 1);
    else if (n - previous > 2) items.push("gap");
    items.push(n);
    previous = n;
  }
  return items;
}

// ---- Links --------------------------------------------------------------------------------

/**
 * A link to `basePath` with the current query plus `changes`. An undefined (or empty)
 * value removes the parameter, so cleared filters and page 1 leave no trace in the URL.
 */
export function tableHref(basePath: string, searchParams: RawSearchParams, changes: QueryValues): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key in changes) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== "") query.append(key, item);
    }
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** The list's URL with exactly its filter parameters removed (sort and page size kept), on page 1. */
export function clearFiltersHref(basePath: string, params: QueryValues, filterKeys: readonly string[]): string {
  return tableHref(basePath, params, { ...Object.fromEntries(filterKeys.map((k) => [k, undefined])), page: undefined });
}

/**
 * A key that changes whenever the URL's query does. A filter form keyed by it remounts after a
 * chip, a clear link or back/forward, so its uncontrolled fields show what the URL says rather
 * than what was last typed.
 */
export function queryKey(params: QueryValues): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
}

// ---- The mine/office scope of a caseload list (/cases, /outreach) -------------------------

/** The two views of a caseload list: my cases, or the office's. */
export const LIST_SCOPES = ["mine", "office"] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

/** The scope in the URL, else the role's own default: coordinators work from their own cases, supervisors oversee the office. */
export function listScopeOf(value: string | undefined, role: Role): ListScope {
  return oneOf(LIST_SCOPES, value) ?? (role === "supervisor" ? "office" : "mine");
}

/**
 * The list in `scope`: the other filters stay, paging starts again at 1, and "mine" drops the
 * coordinator filter (it is only offered for the office).
 */
export function scopeHref(basePath: string, params: QueryValues, scope: ListScope): string {
  return tableHref(basePath, params, { scope, page: undefined, ...(scope === "mine" ? { coordinatorId: undefined } : {}) });
}
