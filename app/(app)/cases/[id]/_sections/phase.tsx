import { PhaseBadge } from "@/components/cases/phase-badge";
import { SectionCard } from "@/components/ui/section-card";
import { PhaseChangeForm } from "../_components/phase-change-form";
import { PhaseFixForm } from "../_components/phase-fix-form";
import { ReopenForm } from "../_components/reopen-form";
import type { SectionProps } from "./shared";

/**
 * The current phase and, for a writer while the case is open, the change to the next one and the
 * correction or undo of the latest change (its recorder or a supervisor). A closed case is
 * read-only: a supervisor may reopen it with a reason (ADR 0029).
 */
export function PhaseSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="phase" title={t("caseDetail.phase.title")}>
      <p className="mb-4 flex items-center gap-2 text-sm text-slate-800">
        {t("caseDetail.phase.current")}
        <PhaseBadge phase={detail.phase} locale={locale} />
      </p>
      {detail.phase === "closed" ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("caseDetail.phase.noTransitions")}</p>
          {detail.reopensTo && <ReopenForm caseId={detail.id} version={detail.version} reopensTo={detail.reopensTo} />}
        </div>
      ) : (
        canWrite && (
          <>
            {detail.transitions.length > 0 && (
              <PhaseChangeForm
                caseId={detail.id}
                version={detail.version}
                transitions={detail.transitions}
                today={today}
                dischargeDestination={detail.fields.dischargeDestination}
                livingArrangementAfter={detail.fields.livingArrangementAfter}
              />
            )}
            {detail.fixableChange && <PhaseFixForm key={detail.fixableChange.id} caseId={detail.id} version={detail.version} change={detail.fixableChange} />}
          </>
        )
      )}
    </SectionCard>
  );
}
