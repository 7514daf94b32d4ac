"use client";
import { useRef } from "react";
import { setFiscalYearAction } from "@/app/actions";
import { useI18n } from "@/lib/i18n/client";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";

/**
 * 年度 selector. Changing the select submits at once; the button is there for keyboard
 * and no-JavaScript users, who may not expect a select to act on its own.
 */
export function FiscalYearSelect({ value, options }: { value: number; options: number[] }) {
  const { t, locale } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={setFiscalYearAction} className="flex items-center gap-2">
      <label htmlFor="fy-select" className="text-sm font-medium text-slate-700">
        {t("fy.label")}
      </label>
      <select
        id="fy-select"
        name="fy"
        defaultValue={value}
        title={t("fy.help")}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {options.map((fy) => (
          <option key={fy} value={fy}>
            {fiscalYearLabel(fy, locale)}
          </option>
        ))}
      </select>
      <button type="submit" className="sr-only focus:not-sr-only focus:rounded-md focus:border focus:border-slate-300 focus:px-2 focus:py-1 focus:text-sm">
        {t("fy.apply")}
      </button>
    </form>
  );
}
