import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import type { CaseloadRow } from "@/lib/dal/case-list";
import { getT } from "@/lib/i18n/server";

/**
 * Open cases per coordinator as plain CSS bars with the number written beside each, so the
 * spread of the load is seen at a glance. The bars are decoration for sighted users; the same
 * figures are in the table under "表で見る" (and in the matrix above), which is what assistive
 * technology reads.
 */
export async function CaseloadChart({ rows }: { rows: CaseloadRow[] }) {
  const t = await getT();
  const max = Math.max(1, ...rows.map((r) => r.open));
  const sorted = [...rows].sort((a, b) => b.open - a.open || a.coordinatorName.localeCompare(b.coordinatorName, "ja"));
  if (sorted.length === 0) return <p className="text-sm text-slate-700">{t("caseload.matrix.empty")}</p>;

  return (
    <div className="space-y-3 rounded-md border border-slate-300 bg-white p-4 shadow-sm">
      <ul aria-hidden="true" className="space-y-2">
        {sorted.map((r) => (
          <li key={r.coordinatorId} className="grid grid-cols-[minmax(6rem,10rem)_1fr] items-center gap-3 text-sm">
            <span className="truncate text-slate-800">{r.coordinatorName}</span>
            <span className="flex items-center gap-2">
              <span
                className="h-5 rounded-sm bg-brand-700"
                // A zero still gets a sliver, so the row does not look like missing data.
                style={{ width: r.open === 0 ? "2px" : `${(r.open / max) * 85}%` }}
              />
              <span className="font-semibold tabular-nums text-slate-900">{t("caseload.chart.count", { n: r.open })}</span>
            </span>
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className={clsx("inline-block cursor-pointer rounded-sm text-brand-800 underline underline-offset-2", focusRing)}>
          {t("caseload.chart.showTable")}
        </summary>
        <table className="mt-2 border-collapse text-sm">
          <caption className="sr-only">{t("caseload.chart.caption")}</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">
                {t("caseload.chart.coordinator")}
              </th>
              <th scope="col" className="px-3 py-1.5 text-right text-xs font-semibold text-slate-700">
                {t("caseload.chart.open")}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.coordinatorId} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {r.coordinatorName}
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{r.open.toLocaleString("ja-JP")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
