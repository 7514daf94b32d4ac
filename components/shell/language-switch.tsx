import { setLocaleAction } from "@/app/actions";
import type { Locale } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";

/** A one-button form: works without JavaScript and keeps the user on the same page. */
export async function LanguageSwitch() {
  const t = await getT();
  const other: Locale = (await getLocale()) === "ja" ? "en" : "ja";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("nav.switchLanguageLabel")}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {t("nav.switchLanguage")}
      </button>
    </form>
  );
}
