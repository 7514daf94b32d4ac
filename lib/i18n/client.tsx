"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/domain/codes";
import { catalogs } from "./messages";
import { makeTranslate, type Translate } from "./translate";

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

/** Gives client components the catalog of the locale the server rendered with. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeTranslate(catalogs[locale]) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): { locale: Locale; t: Translate } {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
