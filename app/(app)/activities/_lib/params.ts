import "server-only";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
import { firstValues, type RawSearchParams } from "@/lib/search-params";
import { tableHref } from "@/components/ui/table-href";

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
