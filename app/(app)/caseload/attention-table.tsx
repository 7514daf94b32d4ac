import Link from "next/link";
import clsx from "clsx";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { focusRing } from "@/components/ui/button";
import { TableRegion } from "@/components/ui/table-region";
import type { AttentionCase } from "@/lib/dal/case-list";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";

/** The DAL returns at most this many cases per attention list. */
const ATTENTION_LIMIT = 100;

/**
 * A compact list of cases needing attention, each linking to its case page (where a
 * supervisor can also reassign it). `detail` names the date column the DAL filled, if any.
 */
export async function AttentionTable({ caption, cases, detail }: { caption: string; cases: AttentionCase[]; detail?: MessageKey }) {
  const t = await getT();
  const locale = await getLocale();
  if (cases.length === 0) return <p className="text-sm text-slate-700">{t("caseload.attention.empty")}</p>;
  const th = "px-3 py-1.5 text-left text-xs font-semibold whitespace-nowrap text-slate-700";
  return (
    <div className="space-y-2">
      <TableRegion caption={caption} className="max-h-96 overflow-auto rounded-md border border-slate-200">
        <thead className="sticky top-0 bg-slate-100">
          <tr>
            <th scope="col" className={th}>{t("caseload.attention.caseNo")}</th>
            <th scope="col" className={th}>{t("caseload.attention.name")}</th>
            <th scope="col" className={th}>{t("caseload.attention.coordinator")}</th>
            <th scope="col" className={th}>{t("caseload.attention.phase")}</th>
            {detail && <th scope="col" className={th}>{t(detail)}</th>}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} className="border-t border-slate-200 even:bg-slate-50">
              <td className="px-3 py-1.5 whitespace-nowrap">
                <Link href={`/cases/${c.id}`} className={clsx("rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                  {c.caseNo}
                </Link>
              </td>
              <td className="px-3 py-1.5 whitespace-nowrap">{c.name}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{c.coordinatorName}</td>
              <td className="px-3 py-1.5">
                <PhaseBadge phase={c.phase} locale={locale} />
              </td>
              {detail && (
                <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{c.detail ? formatDate(c.detail, locale) : t("caseload.attention.noActivity")}</td>
              )}
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {cases.length >= ATTENTION_LIMIT && <p className="text-sm text-slate-700">{t("caseload.attention.truncated", { n: ATTENTION_LIMIT })}</p>}
    </div>
  );
}
