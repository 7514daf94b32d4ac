import { Badge } from "@/components/ui/badge";
import { TableRegion, tdClass, thClass } from "@/components/ui/table-region";
import type { CaseDetail } from "@/lib/dal/cases";
import { ACTIVITY_TYPE_LABELS } from "@/lib/domain/case-codes";
import type { Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";
import { ActivityEditDialog } from "../_components/activity-edit-dialog";
import { codeText } from "./shared";

/** The activities; with `editCaseId` (the viewer may write) each row can be corrected or deleted. */
export function ActivityTable({ rows, caption, editCaseId, t, locale }: { rows: CaseDetail["activities"]; caption: string; editCaseId: string | null; t: Translate; locale: Locale }) {
  return (
    <TableRegion caption={caption} className="overflow-x-auto rounded-md border border-slate-300">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>{t("caseDetail.activity.date")}</th>
          <th scope="col" className={thClass}>{t("caseDetail.activity.type")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("caseDetail.activity.minutesShort")}</th>
          <th scope="col" className={thClass}>{t("caseDetail.activity.staff")}</th>
          <th scope="col" className={thClass}>{t("caseDetail.activity.summary")}</th>
          {editCaseId && (
            <th scope="col" className={thClass}>
              <span className="sr-only">{t("caseDetail.activity.actions")}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} className="border-t border-slate-200 even:bg-slate-50">
            <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{formatDate(a.date, locale)}</td>
            <td className={`${tdClass} min-w-[8.5rem]`}>
              {codeText(ACTIVITY_TYPE_LABELS, a.activityType, locale, t)}
              {/* Peer support is a reported indicator, so it is marked on the row itself. */}
              {a.withPeer && (
                <span className="mt-1 block">
                  <Badge tone="info">{t("caseDetail.activity.peerYes")}</Badge>
                </span>
              )}
            </td>
            <td className={`${tdClass} text-right whitespace-nowrap tabular-nums`}>{a.minutes === null ? "—" : t("caseDetail.activity.minutesValue", { n: a.minutes })}</td>
            <td className={`${tdClass} whitespace-nowrap`}>{a.staffName ?? "—"}</td>
            <td className={`${tdClass} min-w-40 break-words whitespace-pre-line`}>{a.summary ?? ""}</td>
            {editCaseId && (
              <td className={`${tdClass} text-right`}>
                <ActivityEditDialog caseId={editCaseId} activity={a} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}
