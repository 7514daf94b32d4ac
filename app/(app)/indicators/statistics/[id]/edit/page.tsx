import type { Metadata } from "next";
import { cache } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { getStatisticForEdit, statisticFormValues } from "@/lib/dal/statistics";
import { orNotFound } from "@/lib/dal/session";
import { STATISTIC_TOPIC_LABELS } from "@/lib/domain/statistic-codes";
import { formatStatisticReference } from "@/lib/domain/statistic-rules";
import { getLocale, getT } from "@/lib/i18n/server";
import { requireInputManager } from "../../../_inputs/access";
import { fieldDefaults } from "../../../_inputs/form-defaults";
import { inputCrumbs } from "../../../_inputs/inputs-nav";
import { updateStatisticAction } from "../../actions";
import { StatisticForm } from "../../_components/statistic-form";

type Params = { params: Promise<{ id: string }> };

/** A set the actor may change; anything else (missing, another prefecture's, a reading role) is the 404. */
const load = cache(async (id: string) => {
  const actor = await requireInputManager();
  return orNotFound(() => getStatisticForEdit(actor, id));
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("indicatorInputs.statistics.editTitle") };
}

export default async function EditStatisticPage({ params }: Params) {
  const set = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const values = statisticFormValues(set);
  const title = t("indicatorInputs.statistics.deleteTitle", { topic: STATISTIC_TOPIC_LABELS[set.topic][locale], reference: formatStatisticReference(set, locale) });
  return (
    <div className="space-y-6">
      <PageHeader title={t("indicatorInputs.statistics.editTitle")} description={title} breadcrumbs={[...inputCrumbs(t, "statistics"), { href: `/indicators/statistics/${set.id}`, label: title }]} />
      <StatisticForm
        action={updateStatisticAction}
        mode="edit"
        defaults={fieldDefaults(values)}
        cancelHref={`/indicators/statistics/${set.id}`}
        edit={{ id: set.id, version: set.version, base: JSON.stringify(values) }}
      />
    </div>
  );
}
