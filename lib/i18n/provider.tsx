import type { ReactNode } from "react";
import type { Locale } from "@/lib/domain/codes";
import { I18nProviderEn } from "./provider-en";
import { I18nProviderJa } from "./provider-ja";

/**
 * The catalog provider of the page's locale (a server component: it only chooses). Only the chosen
 * provider's module, with its one catalog, is sent to the browser (ADR 0050). Switching the
 * language swaps the provider, so client components below it start afresh: the switch reloads the
 * page's content anyway.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return locale === "en" ? <I18nProviderEn>{children}</I18nProviderEn> : <I18nProviderJa>{children}</I18nProviderJa>;
}
