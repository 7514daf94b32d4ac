"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "./translate";

/*
 * Client components translate with the catalog of the locale the server rendered with. Each
 * locale has its own provider module (provider-ja.tsx, provider-en.tsx), so the browser downloads
 * only the catalog it uses: both catalogs together were the largest script of every page (ADR 0050).
 * The root layout picks the provider (provider.tsx).
 */
export const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

export function useI18n(): { locale: Locale; t: Translate } {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

export type ProviderProps = { children: ReactNode };
