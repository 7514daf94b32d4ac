import type { Locale } from "@/lib/domain/codes";

export const LOCALES = ["ja", "en"] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = "ja";
export const LOCALE_COOKIE = "tsunagu_locale";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}
