import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getTargetFormOptionsForActor } from "@/lib/dal/indicator-targets";
import { INDICATORS } from "@/lib/domain/indicators/definitions";
import { getT } from "@/lib/i18n/server";
import { firstValues, oneOf, type RawSearchParams } from "@/lib/list-url";
import { requireInputManager } from "../../_inputs/access";
import { inputCrumbs } from "../../_inputs/inputs-nav";
import { createTargetAction } from "../actions";
import { TargetForm } from "../_components/target-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicatorInputs.targets.newTitle") };
}

/** A new target; `?indicator=` (from the list's filter or the dashboard) preselects the indicator. */
export default async function NewTargetPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireInputManager();
  const t = await getT();
  const indicator = oneOf(INDICATORS.map((d) => d.code), firstValues(await searchParams).indicator) ?? "";
  const options = getTargetFormOptionsForActor(actor);
  return (
    <div className="space-y-6">
      <PageHeader title={t("indicatorInputs.targets.newTitle")} breadcrumbs={inputCrumbs(t, "targets")} />
      <TargetForm
        action={createTargetAction}
        mode="create"
        defaults={{ indicatorCode: indicator, scope: "prefecture", comparator: "gte" }}
        regions={options.regions}
        offices={options.offices}
        periods={options.planPeriods}
        cancelHref="/indicators/targets"
      />
    </div>
  );
}
