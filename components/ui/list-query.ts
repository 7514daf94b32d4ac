import { parsePageRequest, type Page, type PageRequest, type SortDir } from "@/lib/dal/pagination";
import { tableHref } from "./table-href";

/*
 * The URL handling every list page with filters shares (ADR 0011: filters, sort and page live
 * in the URL). Pure functions, so a list page reads as: parse the URL, load, lay out.
 */

/** The URL's value if it is one of `values` (a code, a sort key), else undefined. */
export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/**
 * A key that changes whenever the URL's query does. A filter form keyed by it remounts after a
 * chip, a clear link or back/forward, so its uncontrolled fields show what the URL says rather
 * than what was last typed.
 */
export function queryKey(params: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
}

/** The list's URL with exactly its filter parameters removed (sort and page size kept), on page 1. */
export function clearFiltersHref(basePath: string, params: Record<string, string | undefined>, filterKeys: readonly string[]): string {
  return tableHref(basePath, params, { ...Object.fromEntries(filterKeys.map((k) => [k, undefined])), page: undefined });
}

/**
 * The page request of a list whose default order runs in `defaultDir` (newest first, say) until
 * the user picks a column; `sortChosen` says whether they did, so a filter form can carry it along.
 */
export function parseListRequest<K extends string>(
  params: Record<string, string | undefined>,
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
