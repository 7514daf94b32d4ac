import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { TableRegion } from "@/components/activities/table-region";
import { ExportButtons } from "@/components/export-buttons";
import { FilterPanel } from "@/components/forms/filter-panel";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { thClass, tdClass } from "@/components/ui/table-region";
import { listStatisticsForActor, type StatisticSet } from "@/lib/dal/statistics";
import { codeOptions } from "@/lib/domain/codes";
import { statisticListQuery } from "@/lib/list-queries";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { STATISTIC_METHOD_LABELS, STATISTIC_TOPIC_LABELS, type StatisticTopic } from "@/lib/domain/statistic-codes";
import { formatReferenceDate, formatStatisticReference, setsInForce, sheetReferenceCutoff } from "@/lib/domain/statistic-rules";
import { getLocale, getT } from "@/lib/i18n/server";
import { clearFiltersHref, firstValues, type RawSearchParams } from "@/lib/list-url";
import { getSelectedFiscalYear } from "@/lib/preferences";
import { canManageInputs, requireInputReader } from "../_inputs/access";
import { inputCrumbs, InputsNav } from "../_inputs/inputs-nav";
import { StatisticValues } from "./_components/statistic-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicatorInputs.statistics.title") };
}

const BASE = "/indicators/statistics";
const FILTER_KEYS = ["topic"] as const;

/**
 * The prefecture's external statistics, one table per topic, newest first: the reference date
 * in 和暦 (or the cohort's fiscal year), the values with the 630 buckets' computed shares, the
 * method and the source. The set each topic's sheet of the header's year uses is marked.
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireInputReader();
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { filter } = statisticListQuery(actor, params);
  const topic = filter.topic;
  const sets = listStatisticsForActor(actor, filter);
  const fy = await getSelectedFiscalYear();
  const inForce = new Set([...setsInForce(sets, fy).values()].map((s) => s.id));
  const canManage = canManageInputs(actor);
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const clearHref = topic ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined;
  const byTopic = new Map<StatisticTopic, StatisticSet[]>();
  for (const s of sets) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  const newButton = canManage ? <ButtonLink href={`${BASE}/new${topic ? `?topic=${topic}` : ""}`}>{t("indicatorInputs.statistics.new")}</ButtonLink> : undefined;

  return (
    <div className="space-y-5">
      <PageHeader title={t("indicatorInputs.statistics.title")} description={t("indicatorInputs.statistics.description")} breadcrumbs={inputCrumbs(t)} actions={newButton} />
      <InputsNav t={t} current="statistics" />
      {!canManage && <p className="text-sm text-slate-700">{t("indicatorInputs.common.readOnly")}</p>}
      <SectionCard id="statistics-rule" title={t("indicatorInputs.statistics.ruleTitle")}>
        <p className="text-sm text-slate-800">
          {t("indicatorInputs.statistics.rule", { fy: fyLabel, cutoff: formatReferenceDate(sheetReferenceCutoff(fy), locale), cohortFy: fyLabel })}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("indicatorInputs.statistics.shareNote")}</p>
      </SectionCard>
      <FilterPanel
        headingId="statistic-filters-heading"
        heading={t("indicatorInputs.common.filters.heading")}
        action={BASE}
        params={params}
        applyLabel={t("indicatorInputs.common.filters.apply")}
        clear={clearHref ? { href: clearHref, label: t("indicatorInputs.common.filters.clear") } : undefined}
      >
        <SelectField label={t("indicatorInputs.statistics.filters.topic")} name="topic" defaultValue={topic ?? ""} placeholder={t("indicatorInputs.common.any")} options={codeOptions(STATISTIC_TOPIC_LABELS, locale)} />
      </FilterPanel>
      <ExportButtons list="statistics" query={params} />
      {sets.length === 0 ? (
        <EmptyState
          title={topic ? t("indicatorInputs.common.empty.filteredTitle") : t("indicatorInputs.common.empty.noneTitle")}
          description={canManage && !topic ? t("indicatorInputs.common.empty.noneBody") : undefined}
          action={
            clearHref ? (
              <ButtonLink href={clearHref} variant="secondary">
                {t("indicatorInputs.common.filters.clear")}
              </ButtonLink>
            ) : (
              newButton
            )
          }
        />
      ) : (
        [...byTopic].map(([tp, rows]) => {
          const caption = t("indicatorInputs.statistics.caption", { topic: STATISTIC_TOPIC_LABELS[tp][locale] });
          return (
            <section key={tp} aria-labelledby={`topic-${tp}-heading`} className="space-y-2">
              <h2 id={`topic-${tp}-heading`} className="text-lg font-semibold text-slate-900">
                {STATISTIC_TOPIC_LABELS[tp][locale]}
              </h2>
              <TableRegion label={caption}>
                <table className="min-w-full border-collapse text-sm" data-testid={`statistics-${tp}`}>
                  <caption className="sr-only">{caption}</caption>
                  <thead className="bg-slate-100">
                    <tr>
                      {(["reference", "values", "method", "source"] as const).map((c) => (
                        <th key={c} scope="col" className={thClass}>
                          {t(`indicatorInputs.statistics.columns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((s) => {
                      const reference = formatStatisticReference(s, locale);
                      return (
                        <tr key={s.id} className="border-t border-slate-200 even:bg-slate-50">
                          <th scope="row" className={clsx(tdClass, "text-left font-medium whitespace-nowrap")}>
                            <Link href={`${BASE}/${s.id}`} className={clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                              {reference}
                            </Link>
                            {inForce.has(s.id) && (
                              <span className="mt-1 block">
                                <Badge tone="success">{t("indicatorInputs.statistics.inForce", { fy: fyLabel })}</Badge>
                              </span>
                            )}
                          </th>
                          <td className={tdClass}>
                            <StatisticValues topic={s.topic} values={s.values} t={t} locale={locale} />
                          </td>
                          <td className={clsx(tdClass, "min-w-32")}>{STATISTIC_METHOD_LABELS[s.method][locale]}</td>
                          <td className={clsx(tdClass, "min-w-40")}>
                            {s.sourceLabel}
                            {s.note && <span className="mt-1 block text-xs whitespace-pre-wrap text-slate-700">{s.note}</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          );
        })
      )}
    </div>
  );
}
