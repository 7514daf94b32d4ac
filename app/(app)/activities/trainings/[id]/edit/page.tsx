import type { Metadata } from "next";
import { cache } from "react";
import { getTrainingForEdit, getTrainingFormOptionsForActor } from "@/lib/dal/trainings";
import { orNotFound } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../_lib/access";
import { EditRecordHeader } from "../../../_components/record-header";
import { formDefaults, hostOptions } from "../../../_lib/form-defaults";
import { updateTrainingAction } from "../../actions";
import { TrainingForm } from "../../_components/training-form";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActivityWriter();
  return { actor, training: orNotFound(() => getTrainingForEdit(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("activities.trainings.editTitle") };
}

export default async function EditTrainingPage({ params }: Params) {
  const { actor, training } = await load((await params).id);
  const t = await getT();
  const options = getTrainingFormOptionsForActor(actor);
  return (
    <div className="space-y-6">
      <EditRecordHeader t={t} section="trainings" id={training.id} title={training.values.title} />
      <TrainingForm
        action={updateTrainingAction}
        mode="edit"
        defaults={formDefaults(training.values)}
        cohostDefaults={training.values.cohostIds}
        hosts={hostOptions(options.hosts, t("activities.common.prefecture"))}
        regions={options.regions.map((r) => ({ value: r.id, label: r.name }))}
        cohostOffices={options.cohostOffices.map((o) => ({ value: o.id, label: o.name }))}
        cancelHref={`/activities/trainings/${training.id}`}
        edit={{ id: training.id, version: training.version, base: JSON.stringify(training.values) }}
      />
    </div>
  );
}
