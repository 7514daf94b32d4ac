import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import type { FieldRow } from "./monthly-table-form";
import { monthLabel, NOT_SUMMED } from "./month-label";

/** The same table read-only, for offices (the prefecture enters it). */
export function MonthlyTable({
  caption,
  months,
  rows,
  t,
  locale,
  testId,
}: {
  caption: string;
  months: { month: string; figures: Record<string, number | null> | null }[];
  rows: FieldRow[];
  t: Translate;
  locale: Locale;
  testId: string;
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className={clsx("relative overflow-x-auto rounded-md border border-slate-300 bg-white shadow-sm", focusRing)}>
      <table className="min-w-full border-collapse text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-100 px-2 py-2 text-left text-xs font-semibold text-slate-700">
              {t("activities.monthly.item")}
            </th>
            {months.map((m) => (
              <th key={m.month} scope="col" className="px-2 py-2 text-right text-xs font-semibold whitespace-nowrap text-slate-700">
                {monthLabel(m.month, locale)}
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
                <th scope="colgroup" colSpan={months.length + 2} className="px-2 py-1 text-left text-xs font-semibold text-slate-700">
                  {r.group}
                </th>
              </tr>
            ) : (
              <tr key={r.field} className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left text-xs font-medium whitespace-nowrap text-slate-800">
                  {r.label}
                </th>
                {months.map((m) => (
                  <td key={m.month} className="px-2 py-1 text-right tabular-nums">
                    {m.figures ? (m.figures[r.field] ?? "—").toLocaleString("ja-JP") : <span className="text-slate-500">—</span>}
                  </td>
                ))}
                <td className="px-2 py-1 text-right font-semibold tabular-nums">
                  {NOT_SUMMED.has(r.field) ? "—" : months.reduce((s, m) => s + (m.figures?.[r.field] ?? 0), 0).toLocaleString("ja-JP")}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
