"use client";
import clsx from "clsx";
import { useCallback, useRef } from "react";
import { inputClass } from "@/components/ui/field";
import { typedCount } from "@/lib/domain/activity-rules";
import { useI18n } from "@/lib/i18n/client";
import { useLiveFigure } from "./use-live-figure";

export type CountCell = { name: string; label: string; defaultValue: string; error?: string };

/** The number a cell shows, as the server will read it (full-width digits, commas); else 0. */
const cellValue = (text: string): number => typedCount(text) ?? 0;

/**
 * A grid of number inputs (attendance by sector or profession) with the total kept live as
 * people type. The inputs stay ordinary uncontrolled text fields (inputmode numeric, so full-
 * width digits from a Japanese IME are accepted and Enter still submits the form); each has
 * its visible label, aria-invalid and its error wired by aria-describedby.
 */
export function CountGrid({ legend, hint, cells, idPrefix }: { legend: string; hint?: string; cells: CountCell[]; idPrefix: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLFieldSetElement>(null);
  // The total follows the cells: derived from their defaults (re-filled after a failed save),
  // counted from the inputs while typing until the defaults change again.
  const signature = cells.map((c) => c.defaultValue).join("|");
  const [total, setTotal] = useLiveFigure(signature, cells.reduce((s, c) => s + cellValue(c.defaultValue), 0));
  const recount = useCallback(() => {
    const inputs = ref.current?.querySelectorAll<HTMLInputElement>("input[data-count]") ?? [];
    setTotal([...inputs].reduce((s, input) => s + cellValue(input.value), 0));
  }, [setTotal]);
  const hintId = `${idPrefix}-hint`;
  return (
    <fieldset ref={ref} onInput={recount} className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-4" aria-describedby={hint ? hintId : undefined}>
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
        {cells.map((cell) => {
          const id = `${idPrefix}-${cell.name}`;
          const errorId = `${id}-error`;
          return (
            <div key={cell.name} className="space-y-1">
              <label htmlFor={id} className="block text-sm text-slate-800">
                {cell.label}
              </label>
              <input
                // Remount when the re-filled value changes, so React's reset lands on it.
                key={cell.defaultValue}
                id={id}
                name={cell.name}
                data-count=""
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={cell.defaultValue}
                aria-invalid={!!cell.error}
                aria-describedby={cell.error ? errorId : undefined}
                className={clsx(inputClass, "text-right tabular-nums", cell.error ? "border-red-700" : "border-slate-500")}
              />
              <div aria-live="polite">
                {cell.error && (
                  <p id={errorId} className="text-xs font-medium text-red-700">
                    <span className="sr-only">{t("ui.errorPrefix")}</span>
                    {cell.error}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <p className="pt-1 text-right text-base font-semibold text-slate-900 tabular-nums" aria-live="polite" data-testid={`${idPrefix}-total`}>
        {t("activities.common.totalLive", { n: total.toLocaleString("ja-JP") })}
      </p>
    </fieldset>
  );
}
