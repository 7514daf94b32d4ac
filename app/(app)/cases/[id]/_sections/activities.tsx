import { EmptyState } from "@/components/ui/empty-state";
import { SectionCard } from "@/components/ui/section-card";
import { ActivityQuickAdd } from "../_components/activity-quick-add";
import { ActivityTable } from "./activity-table";
import type { SectionProps } from "./shared";

/** How many activities show before the rest fold into a disclosure. */
const RECENT_ACTIVITIES = 20;

/** The activities, newest first: the recent ones in a table, the rest folded away; a quick add for a writer. */
export function ActivitySection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  const recent = detail.activities.slice(0, RECENT_ACTIVITIES);
  const earlier = detail.activities.slice(RECENT_ACTIVITIES);
  return (
    <SectionCard
      id="activities"
      title={t("caseDetail.activity.title")}
      actions={detail.activities.length > 0 && <span className="text-sm text-slate-700">{t("caseDetail.activity.total", { n: detail.activities.length })}</span>}
    >
      {canWrite && (
        <div className="mb-5 rounded-md border border-brand-200 bg-brand-50/40 p-4 print:hidden">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("caseDetail.activity.quickAdd")}</h3>
          <ActivityQuickAdd caseId={detail.id} today={today} />
        </div>
      )}
      {detail.activities.length === 0 ? (
        <EmptyState title={t("caseDetail.activity.empty")} description={canWrite ? t("caseDetail.activity.emptyBody") : undefined} />
      ) : (
        <>
          <ActivityTable rows={recent} caption={t("caseDetail.activity.caption")} editCaseId={canWrite ? detail.id : null} t={t} locale={locale} />
          {earlier.length > 0 && (
            <details className="mt-3">
              <summary className="cursor-pointer rounded-sm text-sm font-medium text-brand-800 underline underline-offset-2">
                {t("caseDetail.activity.more", { n: earlier.length })}
              </summary>
              <div className="mt-3">
                <ActivityTable rows={earlier} caption={t("caseDetail.activity.more", { n: earlier.length })} editCaseId={canWrite ? detail.id : null} t={t} locale={locale} />
              </div>
            </details>
          )}
        </>
      )}
    </SectionCard>
  );
}
