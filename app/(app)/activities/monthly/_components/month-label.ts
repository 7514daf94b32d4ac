import type { Locale } from "@/lib/domain/codes";

/** 'YYYY-MM' as a column header: 4月 in Japanese, Apr in English. */
export function monthLabel(yearMonth: string, locale: Locale): string {
  const m = Number(yearMonth.slice(5, 7));
  if (locale === "ja") return `${m}月`;
  return new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2000, m - 1, 1)));
}

/** Fields of a monthly table whose year total is no sum of the months (a count of rooms). */
export const NOT_SUMMED = new Set(["rooms"]);
