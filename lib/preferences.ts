import "server-only";
import { cookies } from "next/headers";
import { appNow } from "@/lib/domain/clock";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";

export const FISCAL_YEAR_COOKIE = "tsunagu_fy";
/** The first fiscal year the app offers: 令和元年度, where the demo data begins. */
export const FIRST_FISCAL_YEAR = 2019;

/** Fiscal years offered by the selector, newest first. */
export function fiscalYearOptions(now: Date = appNow()): number[] {
  const last = currentFiscalYear(now);
  return Array.from({ length: last - FIRST_FISCAL_YEAR + 1 }, (_, i) => last - i);
}

/** The fiscal year the user is working in (cookie), defaulting to the current one. */
export async function getSelectedFiscalYear(): Promise<number> {
  const value = Number((await cookies()).get(FISCAL_YEAR_COOKIE)?.value);
  return fiscalYearOptions().includes(value) ? value : currentFiscalYear();
}
