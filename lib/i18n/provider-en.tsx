"use client";
import { use } from "react";
import { I18nContext, type ProviderProps } from "./client";
import { makeTranslate, type Translate } from "./translate";

// The English catalog is its own chunk, fetched only by a page served in English (a static import
// would put it in the chunk every page loads, beside the Japanese one). Loaded once per page load.
let english: Promise<{ locale: "en"; t: Translate }> | null = null;
function loadEnglish() {
  english ??= import("./messages/en").then(({ en }) => ({ locale: "en" as const, t: makeTranslate(en) }));
  return english;
}

/** Gives client components the English catalog (and only this one reaches the browser). */
export function I18nProviderEn({ children }: ProviderProps) {
  return <I18nContext.Provider value={use(loadEnglish())}>{children}</I18nContext.Provider>;
}
