import "server-only";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";

/** The fiscal year a page shows: `fy` from the URL when it is one the app offers, else the header's 年度. */
export async function yearFromParams(fy: string | undefined): Promise<{ fiscalYear: number; years: number[]; headerYear: number }> {
  const years = fiscalYearOptions();
  const headerYear = await getSelectedFiscalYear();
  const n = Number(fy);
  return { fiscalYear: years.includes(n) ? n : headerYear, years, headerYear };
}
