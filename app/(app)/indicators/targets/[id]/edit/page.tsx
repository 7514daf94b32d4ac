import type { Metadata } from "next";
import { cache } from "react";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { getTargetForEdit, getTargetFormOptionsForActor, targetFormValues } from "@/lib/dal/indicator-targets";
import { orNotFound } from "@/lib/dal/session";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import { getLocale, getT } from "@/lib/i18n/server";
import { requireInputManager } from "../../../_inputs/access";
import { fieldDefaults } from "../../../_inputs/form-defaults";
import { inputCrumbs } from "../../../_inputs/inputs-nav";
import { deleteTargetAction, updateTargetAction } from "../../actions";
import { TargetForm } from "../../_components/target-form";

type Params = { params: Promise<{ id: string }> };

/** A target the actor may change; anything else (missing, another prefecture's, a reading role) is the 404. */
const load = cache(async (id: string) => {
  const actor = await requireInputManager();
  return { actor, target: orNotFound(() => getTargetForEdit(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("indicatorInputs.targets.editTitle") };
}

export default async function EditTargetPage({ params }: Params) {
  const { actor, target } = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const options = getTargetFormOptionsForActor(actor);
  const values = targetFormValues(target);
  const title = t("indicatorInputs.targets.deleteTitle", {
    indicator: indicatorDefinition(target.indicatorCode)?.name[locale] ?? target.indicatorCode,
    fy: fiscalYearShortLabel(target.fiscalYear, locale),
  });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("indicatorInputs.targets.editTitle")}
        description={title}
        breadcrumbs={inputCrumbs(t, "targets")}
        actions={<DeleteDialog action={deleteTargetAction} id={target.id} version={target.version} title={title} />}
      />
      <TargetForm
        action={updateTargetAction}
        mode="edit"
        defaults={fieldDefaults(values)}
        regions={options.regions}
        offices={options.offices}
        periods={options.planPeriods}
        cancelHref={`/indicators/targets?indicator=${encodeURIComponent(target.indicatorCode)}`}
        edit={{ id: target.id, version: target.version, base: JSON.stringify(values) }}
      />
    </div>
  );
}
