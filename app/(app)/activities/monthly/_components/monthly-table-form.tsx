"use client";
import clsx from "clsx";
import { useCallback, useRef } from "react";
import { FormAnswer } from "@/components/activities/form-answer";
import { useLiveFigure } from "@/components/activities/use-live-figure";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { inputClass } from "@/components/ui/field";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { typedCount } from "@/lib/domain/activity-rules";
import { useI18n } from "@/lib/i18n/client";
import { cellName } from "@/lib/validation/field-names";
import type { ActivityFormState } from "../../_lib/form-state";
import { monthLabel } from "./month-label";
import { MonthlyGrid, type FieldRow } from "./monthly-grid";

export type MonthColumn = { month: string; version: number; values: Record<string, string> };

/** A cell's number as the server will read it; what it cannot read counts as 0 in the live total. */
const read = (text: string): number => typedCount(text) ?? 0;

/**
 * A fiscal year's monthly report as one table: items down, April to March across, the year's
 * total on the right (kept live as figures are typed). Saved at once; problems are listed
 * above with links to their cells, and each cell has a label naming month and item.
 */
export function MonthlyTableForm({
  action,
  report,
  fiscalYear,
  months,
  rows,
  caption,
  saveLabel,
  reloadHref,
  testId,
}: {
  action: (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
  /** Which report, so the browser runs its schema (a schema cannot cross from the server). */
  report: "phone" | "hostel";
  fiscalYear: number;
  months: MonthColumn[];
  rows: FieldRow[];
  caption: string;
  saveLabel: string;
  reloadHref: string;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const { state, formAction, onSubmit, errors, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, () => import("@/lib/validation/activities-tables").then((m) => (report === "phone" ? m.PhoneTableSchema : m.HostelTableSchema)));
  const tableRef = useRef<HTMLTableElement>(null);
  const fields = rows.flatMap((r) => ("field" in r ? [r] : []));
  // Totals follow what the cells show: derived from the (re-filled) values after each answer of
  // the server, and counted from the inputs while typing until the next answer.
  const [totals, setTotals] = useLiveFigure<Record<string, number>>(
    state,
    Object.fromEntries(fields.map((f) => [f.field, months.reduce((s, m) => s + read(value(cellName(f.field, m.month), m.values[f.field] ?? "") ?? ""), 0)])),
  );
  const recount = useCallback(() => {
    const next: Record<string, number> = {};
    tableRef.current?.querySelectorAll<HTMLInputElement>("input[data-field]").forEach((input) => {
      const f = input.dataset.field!;
      next[f] = (next[f] ?? 0) + read(input.value);
    });
    setTotals(next);
  }, [setTotals]);
  const labelOf = new Map(fields.map((f) => [f.field, f.label]));
  const errorItems = Object.entries(errors).map(([name, text]) => {
    const month = name.slice(name.lastIndexOf("_") + 1);
    const field = name.slice(0, name.lastIndexOf("_"));
    return { id: `cell-${name}`, text: `${monthLabel(month, locale)}・${labelOf.get(field) ?? field}：${text}` };
  });

  return (
    <form action={formAction} onSubmit={onSubmit} onInput={recount} className="space-y-3" noValidate data-testid={testId}>
      <FormAnswer messageRef={messageRef} message={message} state={state} hasBrowserErrors={hasBrowserErrors} reloadHref={reloadHref} conflictLead={t("activities.monthly.conflict")} summary={{ title: t("activities.monthly.errorSummary", { n: errorItems.length }), items: errorItems }} />
      <input type="hidden" name="fiscalYear" value={fiscalYear} />
      <MonthlyGrid
        caption={caption}
        months={months}
        rows={rows}
        t={t}
        locale={locale}
        editable
        tableRef={tableRef}
        monthHeader={(m) => <input type="hidden" name={cellName("version", m.month)} value={m.version} />}
        cell={(r, m) => {
          const name = cellName(r.field, m.month);
          const error = errors[name];
          return (
            <td key={m.month} className="px-0.5 py-1">
              <input
                key={`${name}-${value(name, m.values[r.field] ?? "")}`}
                id={`cell-${name}`}
                name={name}
                data-field={r.field}
                inputMode="numeric"
                autoComplete="off"
                defaultValue={value(name, m.values[r.field] ?? "")}
                aria-label={t("activities.monthly.cellLabel", { month: monthLabel(m.month, locale), field: r.label })}
                aria-invalid={!!error}
                aria-describedby={error ? `cell-${name}-error` : undefined}
                className={clsx(inputClass, "w-16 min-w-[3.75rem] px-1.5 py-1 text-right tabular-nums", error ? "border-2 border-red-700 bg-red-50" : "border-slate-400")}
              />
              {/* The cell is too narrow for the text; it is listed above and read out here. */}
              {error && (
                <span id={`cell-${name}-error`} className="sr-only">
                  {error}
                </span>
              )}
            </td>
          );
        }}
        total={(field) => totals[field] ?? 0}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} />}
      <SubmitButton>{saveLabel}</SubmitButton>
    </form>
  );
}
