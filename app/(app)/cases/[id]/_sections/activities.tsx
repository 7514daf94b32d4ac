import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SectionCard } from "@/components/ui/section-card";
import { ActivityQuickAdd } from "../_components/activity-quick-add";
import { ActivityTable } from "./activity-table";
import type { SectionProps } from "./shared";

/** How many activities show before the rest fold into a disclosure. */
const RECENT_ACTIVITIES = 20;

/** The URL parameter that shows every activity (`?activities=all`). */
export const ALL_ACTIVITIES_PARAM = "activities";

/**
 * The activities, newest first: the recent ones in a table and a quick add for a writer. The
 * earlier ones are rendered only when asked for (`?activities=all`, a link below the table): a case
 * of some years holds dozens, and rendering them folded away on every opening of the case was a
 * large part of the page's cost (issue 14: the case page's budget).
 */
export function ActivitySection({ detail, canWrite, today, showAll, t, locale }: SectionProps & { canWrite: boolean; today: string; showAll: boolean }) {
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
          {earlier.length > 0 &&
            (showAll ? (
              <div id="earlier-activities" className="mt-5 scroll-mt-4">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("caseDetail.activity.earlier", { n: earlier.length })}</h3>
                <ActivityTable rows={earlier} caption={t("caseDetail.activity.earlier", { n: earlier.length })} editCaseId={canWrite ? detail.id : null} t={t} locale={locale} />
              </div>
            ) : (
              <p className="mt-3 print:hidden">
                <Link
                  href={`/cases/${detail.id}?${ALL_ACTIVITIES_PARAM}=all#earlier-activities`}
                  className={clsx("rounded-sm text-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
                >
                  {t("caseDetail.activity.more", { n: earlier.length })}
                </Link>
              </p>
            ))}
        </>
      )}
    </SectionCard>
  );
}
