import type { Locale } from "@/lib/domain/codes";
import { METRIC_UNIT_LABELS, metricsOfTopic, STATISTIC_METRICS, type StatisticMetric, type StatisticTopic } from "@/lib/domain/statistic-codes";
import { formatMetricValue, inpatientShares } from "@/lib/domain/statistic-rules";
import type { Translate } from "@/lib/i18n/translate";

/** A value with its unit as the sheet prints it: 3,559人 / 67.2％; in English 3,559 people / 67.2%. */
export function metricValueText(metric: StatisticMetric, value: number, locale: Locale): string {
  const unit = STATISTIC_METRICS[metric].unit;
  const label = METRIC_UNIT_LABELS[unit][locale];
  return `${formatMetricValue(metric, value)}${locale === "en" && unit !== "percent" ? " " : ""}${label}`;
}

/**
 * A set's values in sheet order, each with its unit; the 630 buckets with their 構成割合, computed
 * here from the counts (never stored). An empty optional value reads 未記録.
 */
export function StatisticValues({ topic, values, t, locale }: { topic: StatisticTopic; values: Partial<Record<StatisticMetric, number>>; t: Translate; locale: Locale }) {
  const shares = inpatientShares(values);
  return (
    <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 text-sm">
      {metricsOfTopic(topic).map((m) => {
        const v = values[m];
        const share = shares[m as keyof typeof shares];
        const indent = m === "inpatients_ge1y_u65" || m === "inpatients_ge1y_65plus" || m === "inpatients_lt3m" || m === "inpatients_3to12m" || m === "inpatients_ge1y";
        return (
          <div key={m} className="contents">
            <dt className={indent && topic === "inpatients_630" ? (m.startsWith("inpatients_ge1y_") ? "pl-8 text-slate-700" : "pl-4 text-slate-700") : "text-slate-700"}>{STATISTIC_METRICS[m][locale]}</dt>
            <dd className="text-right whitespace-nowrap text-slate-900 tabular-nums" data-testid={`value-${m}`}>
              {v === undefined ? <span className="text-slate-600">{t("indicatorInputs.common.notRecorded")}</span> : metricValueText(m, v, locale)}
              {share !== undefined && <span className="text-slate-700">{t("indicatorInputs.statistics.share", { pct: share.toFixed(1) })}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
