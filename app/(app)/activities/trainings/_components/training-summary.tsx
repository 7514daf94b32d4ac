import { BarChart } from "@/components/charts/bar-chart";
import { StatCard } from "@/components/ui/card";
import type { TrainingSummary } from "@/lib/dal/activity-summaries";
import { PROFESSION_LABELS, PROFESSIONS, TRAINING_KIND_LABELS, TRAINING_KINDS, TRAINING_SCOPE_LABELS, TRAINING_SCOPES } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import type { Translate } from "@/lib/i18n/translate";
import { barChartLabels, SummaryPanel } from "../../_components/summary-panel";

/**
 * The year's trainings the way the prefecture's sheet says them ("人材育成研修：5回開催（県全域1回
 * 保健所・支所圏域4回）"), with counts by kind and attendance by profession.
 */
export function TrainingSummaryPanel({ summary, t, locale }: { summary: TrainingSummary; t: Translate; locale: Locale }) {
  const sentences = TRAINING_KINDS.filter((k) => summary.byKind[k] > 0).map((k) => ({
    kind: k,
    text: t("activities.trainings.summary.sentence", {
      kind: TRAINING_KIND_LABELS[k][locale],
      n: summary.byKind[k],
      parts: TRAINING_SCOPES.filter((s) => summary.byKindAndScope[k][s] > 0)
        .map((s) => t("activities.trainings.summary.part", { scope: TRAINING_SCOPE_LABELS[s][locale], n: summary.byKindAndScope[k][s] }))
        .join(" "),
    }),
  }));
  return (
    <SummaryPanel id="training-summary-heading" title={t("activities.trainings.summary.title", { fy: fiscalYearShortLabel(summary.fiscalYear, locale) })}>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t("activities.trainings.summary.total")} value={t("activities.common.times", { n: summary.total })} hint={t("activities.trainings.summary.totalHint", { n: summary.sessions })} />
        <StatCard label={t("activities.trainings.summary.attendance")} value={t("activities.common.people", { n: summary.attendanceTotal.toLocaleString("ja-JP") })} />
      </div>
      {sentences.length ? (
        <ul className="space-y-1 text-sm text-slate-900" data-testid="training-sentences">
          {sentences.map((s) => (
            <li key={s.kind}>{s.text}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("activities.trainings.summary.none")}</p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <BarChart
          caption={t("activities.trainings.summary.byKind")}
          items={TRAINING_KINDS.map((k) => ({ key: k, label: TRAINING_KIND_LABELS[k][locale], value: summary.byKind[k] }))}
          formatValue={(n) => t("activities.common.times", { n })}
          labels={barChartLabels(t)}
          empty={t("activities.trainings.summary.none")}
        />
        <BarChart
          caption={t("activities.trainings.summary.byProfession")}
          items={PROFESSIONS.map((p) => ({ key: p, label: PROFESSION_LABELS[p][locale], value: summary.attendanceByProfession[p] }))}
          formatValue={(n) => t("activities.common.people", { n: n.toLocaleString("ja-JP") })}
          labels={barChartLabels(t, t("activities.common.peopleHeader"))}
          empty={t("activities.trainings.summary.none")}
        />
      </div>
    </SummaryPanel>
  );
}
