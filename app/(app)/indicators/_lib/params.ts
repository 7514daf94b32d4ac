import "server-only";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";

/** The year (`?fy=`, else the header's 年度) and scope (`?scope=`) every indicator page reads. */
export async function readIndicatorParams(searchParams: Promise<RawSearchParams>): Promise<{ fiscalYear: number; scope: string | undefined; years: number[] }> {
  const params = firstValues(await searchParams);
  const years = fiscalYearOptions();
  const fy = Number(params.fy);
  return { fiscalYear: years.includes(fy) ? fy : await getSelectedFiscalYear(), scope: params.scope || undefined, years };
}

/** `?fy=2021&scope=region:bizen` (the scope left out when it is the default). */
export function indicatorQuery(fiscalYear: number, scope: string | undefined, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ fy: String(fiscalYear), ...(scope ? { scope } : {}), ...extra });
  return `?${q.toString()}`;
}
