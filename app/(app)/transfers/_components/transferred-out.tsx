import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import type { TransferredOut } from "@/lib/dal/case-transfers";
import type { Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";

/**
 * Cases transferred out of the viewer's offices (転出): by case number, receiving office and date,
 * without a link, since the case and its person are no longer in reach (ADR 0032).
 */
export function TransferredOutSection({ rows, t, locale, showEmpty = false }: { rows: TransferredOut[]; t: Translate; locale: Locale; showEmpty?: boolean }) {
  if (rows.length === 0 && !showEmpty) return null;
  return (
    <SectionCard id="transferred-out" title={t("transfer.out.title")} description={t("transfer.out.description")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("transfer.out.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("transfer.out.title")}</caption>
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("transfer.out.caseNo")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("transfer.out.to")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("transfer.out.date")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.caseNo}-${r.effectiveDate}`} className="border-b border-slate-200">
                  <td className="py-2 pr-4 text-slate-900">
                    <span className="mr-2 tabular-nums">{r.caseNo}</span>
                    <Badge tone="neutral">{t("transfer.out.badge")}</Badge>
                  </td>
                  <td className="py-2 pr-4 text-slate-900">{r.toOffice}</td>
                  <td className="py-2 pr-4 text-slate-900">
                    <time dateTime={r.effectiveDate}>{formatDate(r.effectiveDate, locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
