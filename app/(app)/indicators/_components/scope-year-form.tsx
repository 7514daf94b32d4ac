import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";
import type { IndicatorScope } from "@/lib/dal/indicators/scope";
import type { Translate } from "@/lib/i18n/translate";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

/**
 * Scope and year of the indicator pages, as a plain GET form: the URL says what is shown, so a
 * figure can be linked, bookmarked and printed as it is.
 */
export function ScopeYearForm({ t, locale, scopes, scope, years, fiscalYear, action }: { t: Translate; locale: Locale; scopes: IndicatorScope[]; scope: IndicatorScope; years: number[]; fiscalYear: number; action: string }) {
  return (
    <form method="get" action={action} aria-label={t("indicators.filters.label")} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-white p-3 print:hidden">
      {scopes.length > 1 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="indicator-scope" className="text-sm font-medium text-slate-800">
            {t("indicators.filters.scope")}
          </label>
          <select id="indicator-scope" name="scope" defaultValue={scope.param} className={selectClass}>
            {scopes.map((s) => (
              <option key={s.param} value={s.param}>
                {s.level === "office" ? "　" : s.level === "region" ? "　" : ""}
                {s.label[locale]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="indicator-fy" className="text-sm font-medium text-slate-800">
          {t("indicators.filters.fiscalYear")}
        </label>
        <select id="indicator-fy" name="fy" defaultValue={fiscalYear} className={selectClass}>
          {years.map((fy) => (
            <option key={fy} value={fy}>
              {fiscalYearLabel(fy, locale)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        {t("indicators.filters.apply")}
      </Button>
    </form>
  );
}
