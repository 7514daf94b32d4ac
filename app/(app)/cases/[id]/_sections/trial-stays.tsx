import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import { TRIAL_OUTCOME_LABELS, TRIAL_PLACE_LABELS, TRIAL_STAY_KIND_LABELS } from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { TrialStayDialog } from "../_components/trial-stay-dialog";
import { codeText, type SectionProps } from "./shared";

/** The trial stays (体験宿泊・体験利用) with their total nights; a writer records one. */
export function TrialStaySection({ detail, canWrite, t, locale }: SectionProps & { canWrite: boolean }) {
  const totalNights = detail.trialStays.reduce((sum, s) => sum + s.nights, 0);
  return (
    <SectionCard
      id="trial-stays"
      title={t("caseDetail.trialStay.title")}
      description={detail.trialStays.length > 0 ? t("caseDetail.trialStay.totalNights", { n: totalNights }) : undefined}
      actions={canWrite && <TrialStayDialog caseId={detail.id} />}
    >
      {detail.trialStays.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.trialStay.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {detail.trialStays.map((s) => (
            <li key={s.id} className="space-y-1 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-slate-900">{codeText(TRIAL_STAY_KIND_LABELS, s.kind, locale, t)}</span>
                <span className="text-slate-700">{codeText(TRIAL_PLACE_LABELS, s.placeType, locale, t)}</span>
                {s.outcome && <Badge tone={s.outcome === "as_planned" ? "success" : "warning"}>{codeText(TRIAL_OUTCOME_LABELS, s.outcome, locale, t)}</Badge>}
              </p>
              <p className="text-slate-800 tabular-nums">
                {t("caseDetail.hospitalization.period", { from: formatDate(s.startDate, locale), to: formatDate(s.endDate, locale) })}
                <span className="ml-2 font-medium">{s.nights > 0 ? t("caseDetail.trialStay.nightsValue", { n: s.nights }) : t("caseDetail.trialStay.dayUse")}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
