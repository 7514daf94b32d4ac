import type { Metadata } from "next";
import { cache } from "react";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { getStatisticForActor, statisticsInForceForYears } from "@/lib/dal/statistics";
import { orNotFound } from "@/lib/dal/session";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { formatDateTime } from "@/lib/domain/format";
import { STATISTIC_METHOD_LABELS, STATISTIC_TOPIC_LABELS } from "@/lib/domain/statistic-codes";
import { formatStatisticReference } from "@/lib/domain/statistic-rules";
import { getLocale, getT } from "@/lib/i18n/server";
import { fiscalYearOptions } from "@/lib/preferences";
import { requireInputReader } from "../../_inputs/access";
import { inputCrumbs } from "../../_inputs/inputs-nav";
import { deleteStatisticAction } from "../actions";
import { StatisticValues } from "../_components/statistic-values";

type Params = { params: Promise<{ id: string }> };

/** A set of the actor's prefecture; another prefecture's or a missing one is the 404. */
const load = cache(async (id: string) => {
  const actor = await requireInputReader();
  return { actor, set: orNotFound(() => getStatisticForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { set } = await load((await params).id);
  const locale = await getLocale();
  return { title: `${STATISTIC_TOPIC_LABELS[set.topic][locale]}（${formatStatisticReference(set, locale)}）` };
}

export default async function StatisticPage({ params }: Params) {
  const { actor, set } = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const topic = STATISTIC_TOPIC_LABELS[set.topic][locale];
  const reference = formatStatisticReference(set, locale);
  const title = t("indicatorInputs.statistics.deleteTitle", { topic, reference });
  // The sheets (of the years the app offers) that show this set under the selection rule.
  const years = fiscalYearOptions();
  const usedBy = [...statisticsInForceForYears(actor.prefectureCode, years)]
    .filter(([, observations]) => [...observations.values()].some((o) => o.statisticId === set.id))
    .map(([fy]) => fy)
    .sort((a, b) => a - b);
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={STATISTIC_METHOD_LABELS[set.method][locale]}
        breadcrumbs={inputCrumbs(t, "statistics")}
        actions={
          set.canEdit ? (
            <>
              <ButtonLink href={`/indicators/statistics/${set.id}/edit`}>{t("indicatorInputs.common.edit")}</ButtonLink>
              <DeleteDialog action={deleteStatisticAction} id={set.id} version={set.version} title={title} />
            </>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("indicatorInputs.statistics.fields.values")}>
          <StatisticValues topic={set.topic} values={set.values} t={t} locale={locale} />
          {set.topic === "inpatients_630" && <p className="mt-3 text-xs text-slate-600">{t("indicatorInputs.statistics.shareNote")}</p>}
        </Card>
        <Card title={t("indicatorInputs.statistics.ruleTitle")}>
          <DescriptionList
            items={[
              { term: t("indicatorInputs.statistics.fields.topic"), description: topic },
              { term: t(set.asOf ? "indicatorInputs.statistics.fields.asOf" : "indicatorInputs.statistics.fields.cohortYear"), description: reference },
              { term: t("indicatorInputs.statistics.fields.method"), description: STATISTIC_METHOD_LABELS[set.method][locale] },
              { term: t("indicatorInputs.statistics.fields.sourceLabel"), description: set.sourceLabel },
              { term: t("indicatorInputs.statistics.fields.note"), description: set.note ? <span className="whitespace-pre-wrap">{set.note}</span> : t("indicatorInputs.common.notRecorded") },
              {
                term: t("indicatorInputs.statistics.usedBy"),
                description: usedBy.length ? usedBy.map((fy) => fiscalYearShortLabel(fy, locale)).join("、") : t("indicatorInputs.statistics.usedByNone"),
              },
            ]}
          />
          <p className="mt-3 text-xs text-slate-600">{t("indicatorInputs.common.updatedAt", { at: formatDateTime(set.updatedAt, locale) })}</p>
        </Card>
      </div>
    </div>
  );
}
