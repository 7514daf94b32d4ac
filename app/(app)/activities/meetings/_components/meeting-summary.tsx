import { BarChart } from "@/components/charts/bar-chart";
import { StatCard } from "@/components/ui/card";
import type { MeetingSummary } from "@/lib/dal/activity-summaries";
import { MEETING_KIND_LABELS, MEETING_KINDS, SECTOR_LABELS, SECTORS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import type { Translate } from "@/lib/i18n/translate";
import { barChartLabels, SummaryPanel } from "../../_components/summary-panel";

/** The year at a glance above the meeting list: headline counts, kinds and attendance by sector. */
export function MeetingSummaryPanel({ summary, t, locale }: { summary: MeetingSummary; t: Translate; locale: Locale }) {
  const liaison = summary.regionLiaison.filter((r) => r.meetings > 0 || summary.byKind.region_liaison > 0);
  return (
    <SummaryPanel id="meeting-summary-heading" title={t("activities.meetings.summary.title", { fy: fiscalYearShortLabel(summary.fiscalYear, locale) })}>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t("activities.meetings.summary.total")} value={t("activities.common.times", { n: summary.total })} />
        <StatCard
          label={t("activities.meetings.summary.kyogiSessions")}
          value={t("activities.common.times", { n: summary.kyogi.sessions })}
          hint={t("activities.meetings.summary.kyogiHint", { prefecture: summary.kyogi.byLevel.prefecture, region: summary.kyogi.byLevel.region, municipality: summary.kyogi.byLevel.municipality })}
        />
        <StatCard
          label={t("activities.meetings.summary.targets")}
          value={t("activities.common.times", { n: summary.withTargetsReviewed })}
          hint={t("activities.meetings.summary.targetsHint", { n: summary.kyogi.withTargetsReviewed })}
        />
        <StatCard
          label={t("activities.meetings.summary.caseReviews")}
          value={t("activities.common.times", { n: summary.caseReview.meetings })}
          hint={t("activities.meetings.summary.caseReviewsHint", { n: summary.caseReview.cases })}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <BarChart
          caption={t("activities.meetings.summary.byKind")}
          items={MEETING_KINDS.map((k) => ({ key: k, label: MEETING_KIND_LABELS[k][locale], value: summary.byKind[k] }))}
          formatValue={(n) => t("activities.common.times", { n })}
          labels={barChartLabels(t)}
          hideZero
          empty={t("activities.common.empty.filteredTitle")}
        />
        <div className="space-y-2">
          <BarChart
            caption={t("activities.meetings.summary.bySector")}
            items={SECTORS.map((s) => ({ key: s, label: SECTOR_LABELS[s][locale], value: summary.attendanceBySector[s] }))}
            formatValue={(n) => t("activities.common.people", { n: n.toLocaleString("ja-JP") })}
            labels={barChartLabels(t, t("activities.common.peopleHeader"))}
            empty={t("activities.common.empty.filteredTitle")}
          />
          <p className="text-sm text-slate-700">{t("activities.meetings.summary.bySectorKyogi", { n: summary.kyogi.attendanceTotal.toLocaleString("ja-JP") })}</p>
        </div>
      </div>
      {liaison.length > 0 && summary.byKind.region_liaison > 0 && (
        <div className="space-y-1">
          <h3 className="text-sm font-semibold text-slate-900">{t("activities.meetings.summary.liaison")}</h3>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
            {liaison.map((r) => (
              <li key={r.regionId}>{t("activities.meetings.summary.liaisonRow", { region: r.regionName, n: r.meetings })}</li>
            ))}
          </ul>
        </div>
      )}
    </SummaryPanel>
  );
}
