import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import { FOLLOW_UP_STATUS_LABELS } from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { FollowUpDialog } from "../_components/follow-up-dialog";
import { codeText, type SectionProps } from "./shared";

/** The follow-up checks after discharge, each done, overdue or open; a writer records the result. */
export function FollowUpSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="follow-ups" title={t("caseDetail.followUp.title")} description={t("caseDetail.followUp.description")}>
      {detail.followUps.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.followUp.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {detail.followUps.map((check) => (
            <li key={check.id} className="space-y-1.5 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold text-slate-900">{t("caseDetail.followUp.offset", { n: check.offsetMonths })}</h3>
                {check.checkedDate ? (
                  <Badge tone="success">{t("caseDetail.followUp.done")}</Badge>
                ) : check.overdue ? (
                  <Badge tone="danger">{t("caseDetail.followUp.overdue")}</Badge>
                ) : (
                  <Badge>{t("caseDetail.followUp.open")}</Badge>
                )}
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                <dt className="text-slate-600">{t("caseDetail.followUp.dueDate")}</dt>
                <dd className="text-slate-900 tabular-nums">{formatDate(check.dueDate, locale)}</dd>
                {check.checkedDate && (
                  <>
                    <dt className="text-slate-600">{t("caseDetail.followUp.checkedDate")}</dt>
                    <dd className="text-slate-900 tabular-nums">{formatDate(check.checkedDate, locale)}</dd>
                    <dt className="text-slate-600">{t("caseDetail.followUp.status")}</dt>
                    <dd className="text-slate-900">{codeText(FOLLOW_UP_STATUS_LABELS, check.status, locale, t)}</dd>
                  </>
                )}
                {check.note && (
                  <>
                    <dt className="text-slate-600">{t("caseDetail.followUp.note")}</dt>
                    <dd className="break-words whitespace-pre-line text-slate-900">{check.note}</dd>
                  </>
                )}
              </dl>
              {canWrite && <FollowUpDialog caseId={detail.id} check={check} today={today} />}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
