import clsx from "clsx";
import type { ReactNode, Ref } from "react";
import { TableRegion } from "@/components/activities/table-region";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { monthLabel, NOT_SUMMED } from "./month-label";

export type FieldRow = { field: string; label: string } | { group: string };

/**
 * The frame of a fiscal year's monthly report, read-only or as the form: items down (in their
 * groups), April to March across, the year's total on the right. It scrolls sideways on a
 * tablet with the item column kept in view; in the form that column stays above the inputs.
 */
export function MonthlyGrid<M extends { month: string }>({
  caption,
  months,
  rows,
  t,
  locale,
  editable,
  tableRef,
  testId,
  monthHeader,
  cell,
  total,
}: {
  caption: string;
  months: readonly M[];
  rows: FieldRow[];
  t: Translate;
  locale: Locale;
  /** The form's layout: narrower month columns holding inputs. */
  editable: boolean;
  tableRef?: Ref<HTMLTableElement>;
  testId?: string;
  /** What a month's header holds besides its name (the form's version field). */
  monthHeader?: (month: M) => ReactNode;
  /** One item's cell for a month. */
  cell: (field: { field: string; label: string }, month: M) => ReactNode;
  /** The item's year total (not shown for items that are no sum of the months). */
  total: (field: string) => number;
}) {
  return (
    <TableRegion label={caption}>
      <table ref={tableRef} className="min-w-full border-collapse text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={clsx("sticky left-0 bg-slate-100 px-2 py-2 text-left text-xs font-semibold text-slate-700", editable && "z-10")}>
              {t("activities.monthly.item")}
            </th>
            {months.map((m) => (
              <th key={m.month} scope="col" className={clsx("py-2 text-xs font-semibold whitespace-nowrap text-slate-700", editable ? "px-1 text-center" : "px-2 text-right")}>
                {monthLabel(m.month, locale)}
                {monthHeader?.(m)}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 text-right text-xs font-semibold whitespace-nowrap text-slate-700">
              {t("activities.monthly.yearTotal")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) =>
            "group" in r ? (
              <tr key={`g-${r.group}`} className="border-t border-slate-300 bg-slate-50">
                <th scope="colgroup" colSpan={months.length + 2} className={clsx("px-2 py-1 text-left text-xs font-semibold text-slate-700", editable && "sticky left-0")}>
                  {r.group}
                </th>
              </tr>
            ) : (
              <tr key={r.field} className="border-t border-slate-200">
                <th scope="row" className={clsx("sticky left-0 bg-white px-2 py-1 text-left text-xs font-medium whitespace-nowrap text-slate-800", editable && "z-10")}>
                  {r.label}
                </th>
                {months.map((m) => cell(r, m))}
                <td className={clsx("px-2 py-1 text-right font-semibold tabular-nums", editable && "whitespace-nowrap")}>{NOT_SUMMED.has(r.field) ? "—" : total(r.field).toLocaleString("ja-JP")}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableRegion>
  );
}
