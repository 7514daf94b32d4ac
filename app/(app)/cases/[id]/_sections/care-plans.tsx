import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import { CARE_PLAN_STATUS_LABELS, CARE_PLAN_TYPE_LABELS } from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { CarePlanDialog } from "../_components/care-plan-dialog";
import { CarePlanStatusForm } from "../_components/care-plan-status-form";
import { codeText, type SectionProps } from "./shared";

/** The care plans with their review and period dates; a writer adds one or changes a status. */
export function CarePlanSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="care-plans" title={t("caseDetail.carePlan.title")} actions={canWrite && <CarePlanDialog caseId={detail.id} today={today} />}>
      {detail.carePlans.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.carePlan.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {detail.carePlans.map((plan) => {
            const planName = codeText(CARE_PLAN_TYPE_LABELS, plan.planType, locale, t);
            return (
              <li key={plan.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-sm font-semibold text-slate-900">{planName}</h3>
                  <Badge tone={plan.status === "active" || plan.status === "extended" ? "info" : "neutral"}>
                    {codeText(CARE_PLAN_STATUS_LABELS, plan.status, locale, t)}
                  </Badge>
                  {plan.reviewOverdue && <Badge tone="danger">{t("caseDetail.carePlan.reviewOverdue")}</Badge>}
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                  <dt className="text-slate-600">{t("caseDetail.carePlan.createdDate")}</dt>
                  <dd className="tabular-nums">{formatDate(plan.createdDate, locale)}</dd>
                  <dt className="text-slate-600">{t("caseDetail.carePlan.reviewDueDate")}</dt>
                  <dd className="tabular-nums">{formatDate(plan.reviewDueDate, locale)}</dd>
                  <dt className="text-slate-600">{t("caseDetail.carePlan.periodEndDate")}</dt>
                  <dd className="tabular-nums">{formatDate(plan.periodEndDate, locale)}</dd>
                  {plan.consentDate && (
                    <>
                      <dt className="text-slate-600">{t("caseDetail.carePlan.consentDate")}</dt>
                      <dd className="tabular-nums">{formatDate(plan.consentDate, locale)}</dd>
                    </>
                  )}
                </dl>
                {canWrite && (
                  <CarePlanStatusForm
                    caseId={detail.id}
                    planId={plan.id}
                    status={plan.status}
                    label={t("caseDetail.carePlan.statusOf", { plan: planName, date: formatDate(plan.createdDate, locale) })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}
