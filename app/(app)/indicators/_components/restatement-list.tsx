import clsx from "clsx";
import { TableRegion, tdClass, thClass } from "@/components/ui/table-region";
import type { RestatementView } from "@/lib/dal/year-close";
import type { Locale } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";

/**
 * The restatements (訂正) of a year, as the 自治体情報シート and the year-close page list them:
 * what kind of record, which office, which fields, why, by which role and when. Never a name,
 * a record's number or the values (ADR 0025); it prints with the sheet.
 */
export function RestatementList({ rows, t, locale }: { rows: RestatementView[]; t: Translate; locale: Locale }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("yearClose.restatements.none")}</p>;
  const cell = "border-t border-slate-200 print:border print:border-slate-400";
  return (
    <TableRegion caption={t("yearClose.restatements.caption")} className="relative overflow-x-auto rounded-md border border-slate-300 print:border-0">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.record")}
          </th>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.action")}
          </th>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.office")}
          </th>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.fields")}
          </th>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.reason")}
          </th>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.by")}
          </th>
          <th scope="col" className={thClass}>
            {t("yearClose.restatements.at")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-restatement={r.id}>
            <th scope="row" className={clsx(cell, tdClass, "text-left font-normal whitespace-nowrap")}>
              {r.record}
            </th>
            <td className={clsx(cell, tdClass, "whitespace-nowrap")}>{r.action}</td>
            <td className={clsx(cell, tdClass, "whitespace-nowrap")}>{r.office}</td>
            <td className={clsx(cell, tdClass)}>{r.fields.join("、")}</td>
            <td className={clsx(cell, tdClass, "whitespace-pre-line")}>{r.reason}</td>
            <td className={clsx(cell, tdClass)}>{r.by}</td>
            <td className={clsx(cell, tdClass, "whitespace-nowrap tabular-nums")}>{formatDateTime(r.at, locale)}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
