"use client";
import { ja } from "./messages/ja";
import { I18nContext, type ProviderProps } from "./client";
import { makeTranslate } from "./translate";

// Made once per page load: the catalog never changes while the page lives.
const value = { locale: "ja" as const, t: makeTranslate(ja) };

/** Gives client components the Japanese catalog (and only this one reaches the browser). */
export function I18nProviderJa({ children }: ProviderProps) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
