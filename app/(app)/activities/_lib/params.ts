import "server-only";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
import { firstValues, type RawSearchParams } from "@/lib/search-params";
import { tableHref } from "@/components/ui/table-href";
import { parsePageRequest, type Page, type PageRequest } from "@/lib/dal/pagination";
import { PREFECTURE_HOST } from "@/lib/validation/activities";

/** `fy=all` lists every year; no `fy` means the header's 年度 (the user's working year). */
export const ALL_YEARS = "all";

export type ListParams = {
  params: Record<string, string | undefined>;
  headerYear: number;
  years: number[];
  /** The year filtered on, or undefined for all years. */
  fiscalYear: number | undefined;
  /** The year the summary describes: the filtered one, else the header's. */
  summaryYear: number;
  /** Remounts a filter form whenever the URL changes, so its fields show what the URL says. */
  formKey: string;
};

export async function readListParams(searchParams: Promise<RawSearchParams>): Promise<ListParams> {
  const params = firstValues(await searchParams);
  const headerYear = await getSelectedFiscalYear();
  const years = fiscalYearOptions();
  const fy = Number(params.fy);
  const fiscalYear = params.fy === ALL_YEARS ? undefined : years.includes(fy) ? fy : headerYear;
  return {
    params,
    headerYear,
    years,
    fiscalYear,
    summaryYear: fiscalYear ?? headerYear,
    formKey: new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString(),
  };
}

export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** The link that clears the list's filters (keeping sort and page size). */
export function clearFiltersHref(base: string, params: Record<string, string | undefined>, keys: readonly string[]): string {
  return tableHref(base, params, { ...Object.fromEntries(keys.map((k) => [k, undefined])), page: undefined });
}

/** The filters every list reads the same way: the host (the prefecture or an office in reach) and the searched text. */
export function hostAndSearch(params: Record<string, string | undefined>, offices: readonly { id: string }[]): { host: string | undefined; q: string | undefined } {
  return { host: oneOf([PREFECTURE_HOST, ...offices.map((o) => o.id)], params.host), q: params.q?.trim().slice(0, 100) || undefined };
}

/**
 * The page a list of dated records asks for: sorted as the URL says, else newest first. The
 * sort is kept by the filter form only when the user chose one.
 */
export function datedPageRequest<K extends string>(params: Record<string, string | undefined>, sortKeys: readonly ("date" | K)[]): { req: PageRequest<"date" | K>; sortChosen: boolean } {
  const sortChosen = !!oneOf(sortKeys, params.sort);
  const parsed = parsePageRequest(params, sortKeys, "date");
  return { req: sortChosen ? parsed : { ...parsed, dir: "desc" }, sortChosen };
}

/** One page of a list; a page past the end (a stale link after deletes or a narrower filter) shows the last page instead. */
export function pageWithinRange<T, K extends string>(req: PageRequest<K>, load: (req: PageRequest<K>) => Page<T>): Page<T> {
  const page = load(req);
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  return page.rows.length === 0 && page.total > 0 && req.page > lastPage ? load({ ...req, page: lastPage }) : page;
}
