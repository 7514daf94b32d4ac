import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { STATISTIC_TOPICS } from "@/lib/domain/statistic-codes";
import { getT } from "@/lib/i18n/server";
import { firstValues, oneOf, type RawSearchParams } from "@/lib/list-url";
import { requireInputManager } from "../../_inputs/access";
import { inputCrumbs } from "../../_inputs/inputs-nav";
import { createStatisticAction } from "../actions";
import { StatisticForm } from "../_components/statistic-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicatorInputs.statistics.newTitle") };
}

/** A new set; `?topic=` (from the list's filter) preselects the topic. */
export default async function NewStatisticPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireInputManager();
  const t = await getT();
  const topic = oneOf(STATISTIC_TOPICS, firstValues(await searchParams).topic) ?? "inpatients_630";
  return (
    <div className="space-y-6">
      <PageHeader title={t("indicatorInputs.statistics.newTitle")} breadcrumbs={inputCrumbs(t, "statistics")} />
      <StatisticForm action={createStatisticAction} mode="create" defaults={{ topic }} cancelHref="/indicators/statistics" />
    </div>
  );
}
