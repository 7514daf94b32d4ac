import type { Locale } from "./codes";
import { dateTimeFormat } from "./intl";

/** A timestamp as Japan time, whatever the server's zone (a UTC server would show the wrong day). */
export function formatDateTime(iso: string, locale: Locale): string {
  return dateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** An ISO date for display: 2024/04/10 in Japanese, 10 Apr 2024 in English; "—" for none. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (locale === "ja") return `${y}/${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}`;
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return dateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** 'YYYY-MM' as a month heading: 4月 in Japanese, Apr in English. */
export function formatMonth(yearMonth: string, locale: Locale): string {
  const m = Number(yearMonth.slice(5, 7));
  if (locale === "ja") return `${m}月`;
  return dateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2000, m - 1, 1)));
}
