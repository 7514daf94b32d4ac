import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { TableRegion } from "@/components/ui/table-region";
import type { CaseloadRow } from "@/lib/dal/case-list";
import { PHASE_LABELS, PHASES, type Phase } from "@/lib/domain/case-codes";
import { getLocale, getT } from "@/lib/i18n/server";

/** The caseload counts open cases only (終結 is left out by the DAL). */
const OPEN_PHASES = PHASES.filter((p): p is Exclude<Phase, "closed"> => p !== "closed");

const linkClass = clsx("rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing);

function listHref(query: Record<string, string>): string {
  return `/cases?${new URLSearchParams({ scope: "office", ...query })}`;
}

/**
 * Open cases per coordinator and phase, with row and column totals. Every non-zero number
 * opens the case list filtered to exactly those cases.
 */
export async function CaseloadMatrix({ rows }: { rows: CaseloadRow[] }) {
  const t = await getT();
  const locale = await getLocale();
  const n = (value: number) => value.toLocaleString("ja-JP");
  const columnTotal = (phase: (typeof OPEN_PHASES)[number]) => rows.reduce((sum, r) => sum + r.byPhase[phase], 0);
  const grandTotal = rows.reduce((sum, r) => sum + r.open, 0);

  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("caseload.matrix.empty")}</p>;

  return (
    <TableRegion caption={t("caseload.matrix.caption")} className="overflow-x-auto rounded-md border border-slate-300 bg-white shadow-sm">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700">
            {t("caseload.matrix.coordinator")}
          </th>
          {OPEN_PHASES.map((p) => (
            <th key={p} scope="col" className="px-3 py-2 text-right text-xs font-semibold text-slate-700">
              {PHASE_LABELS[p][locale]}
            </th>
          ))}
          <th scope="col" className="border-l border-slate-300 px-3 py-2 text-right text-xs font-semibold whitespace-nowrap text-slate-700">
            {t("caseload.matrix.total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.coordinatorId} className="border-t border-slate-200 even:bg-slate-50">
            <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">
              <Link href={listHref({ coordinatorId: r.coordinatorId })} aria-label={t("caseload.matrix.coordinatorLabel", { coordinator: r.coordinatorName })} className={linkClass}>
                {r.coordinatorName}
              </Link>
            </th>
            {OPEN_PHASES.map((p) => (
              <td key={p} className="px-3 py-2 text-right tabular-nums">
                {r.byPhase[p] > 0 ? (
                  <Link
                    href={listHref({ coordinatorId: r.coordinatorId, phase: p })}
                    aria-label={t("caseload.matrix.cellLabel", { coordinator: r.coordinatorName, phase: PHASE_LABELS[p][locale], n: r.byPhase[p] })}
                    className={clsx(linkClass, "inline-block min-w-6 px-1")}
                  >
                    {n(r.byPhase[p])}
                  </Link>
                ) : (
                  <span className="text-slate-500">0</span>
                )}
              </td>
            ))}
            <td className="border-l border-slate-300 px-3 py-2 text-right font-semibold tabular-nums">{n(r.open)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-400 bg-slate-100">
        <tr>
          <th scope="row" className="px-3 py-2 text-left font-semibold">
            {t("caseload.matrix.totalRow")}
          </th>
          {OPEN_PHASES.map((p) => {
            const total = columnTotal(p);
            return (
              <td key={p} className="px-3 py-2 text-right font-semibold tabular-nums">
                {total > 0 ? (
                  <Link
                    href={listHref({ phase: p })}
                    aria-label={t("caseload.matrix.cellLabel", { coordinator: t("caseload.matrix.totalRow"), phase: PHASE_LABELS[p][locale], n: total })}
                    className={clsx(linkClass, "inline-block min-w-6 px-1")}
                  >
                    {n(total)}
                  </Link>
                ) : (
                  <span className="text-slate-600">0</span>
                )}
              </td>
            );
          })}
          <td className="border-l border-slate-300 px-3 py-2 text-right font-bold tabular-nums">{n(grandTotal)}</td>
        </tr>
      </tfoot>
    </TableRegion>
  );
}
