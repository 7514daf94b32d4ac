import { PhaseBadge } from "@/components/cases/phase-badge";
import { SectionCard } from "@/components/ui/section-card";
import { PhaseChangeForm } from "../_components/phase-change-form";
import type { SectionProps } from "./shared";

/** The current phase and, for a writer while the case is open, the change to the next one. */
export function PhaseSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="phase" title={t("caseDetail.phase.title")}>
      <p className="mb-4 flex items-center gap-2 text-sm text-slate-800">
        {t("caseDetail.phase.current")}
        <PhaseBadge phase={detail.phase} locale={locale} />
      </p>
      {detail.phase === "closed" ? (
        <p className="text-sm text-slate-700">{t("caseDetail.phase.noTransitions")}</p>
      ) : (
        canWrite &&
        detail.transitions.length > 0 && (
          <PhaseChangeForm
            caseId={detail.id}
            version={detail.version}
            transitions={detail.transitions}
            today={today}
            dischargeDestination={detail.fields.dischargeDestination}
            livingArrangementAfter={detail.fields.livingArrangementAfter}
          />
        )
      )}
    </SectionCard>
  );
}
