import "server-only";
import { firstValues, oneOf, queryKey, type RawSearchParams } from "@/lib/list-url";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
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
    formKey: queryKey(params),
  };
}

/** The filters every list reads the same way: the host (the prefecture or an office in reach) and the searched text. */
export function hostAndSearch(params: Record<string, string | undefined>, offices: readonly { id: string }[]): { host: string | undefined; q: string | undefined } {
  return { host: oneOf([PREFECTURE_HOST, ...offices.map((o) => o.id)], params.host), q: params.q?.trim().slice(0, 100) || undefined };
}
