"use client";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { setFiscalYearAction } from "@/app/actions";
import { useI18n } from "@/lib/i18n/client";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";

/** Set while a year is being applied, so the select takes the focus back once the page has the new year. */
const REFOCUS = "tsunagu:fy-refocus";

/**
 * 年度 selector. It changes the year only on an explicit choice: Enter on the select or the 表示
 * button, never on each arrow key (a keyboard user moving from 2026 to 2021 would otherwise load
 * the page five times and lose the focus each time). After the page comes back with the new
 * year the focus returns to the select. Without JavaScript the button submits the form.
 */
export function FiscalYearSelect({ value, options }: { value: number; options: number[] }) {
  const { t, locale } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (sessionStorage.getItem(REFOCUS) === null) return;
    sessionStorage.removeItem(REFOCUS);
    select.current?.focus();
  }, [value]);

  function onKeyDown(event: KeyboardEvent<HTMLSelectElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    form.current?.requestSubmit();
  }

  return (
    <form ref={form} action={setFiscalYearAction} onSubmit={() => sessionStorage.setItem(REFOCUS, "1")} className="flex items-center gap-2">
      <label htmlFor="fy-select" className="text-sm font-medium text-slate-700">
        {t("fy.label")}
      </label>
      <select
        // A new year from the server re-renders the select on it (a kept defaultValue would not move).
        key={value}
        ref={select}
        id="fy-select"
        name="fy"
        defaultValue={value}
        title={t("fy.help")}
        onKeyDown={onKeyDown}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {options.map((fy) => (
          <option key={fy} value={fy}>
            {fiscalYearLabel(fy, locale)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {t("fy.apply")}
      </button>
    </form>
  );
}
