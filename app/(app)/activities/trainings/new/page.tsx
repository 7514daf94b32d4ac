import type { Metadata } from "next";
import { getTrainingForActor, getTrainingFormOptionsForActor } from "@/lib/dal/trainings";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { requireActivityWriter } from "../../_lib/access";
import { copiedDefaults, copySource, formDefaults, hostOptions, todayInputValue } from "../../_lib/form-defaults";
import { NewRecordHeader } from "../../_components/record-header";
import { createTrainingAction } from "../actions";
import { TrainingForm } from "../_components/training-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.trainings.newTitle") };
}

export default async function NewTrainingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActivityWriter();
  const t = await getT();
  const params = firstValues(await searchParams);
  const options = getTrainingFormOptionsForActor(actor);
  const hosts = hostOptions(options.hosts, t("activities.common.prefecture"));
  const source = copySource(params.copy, (id) => getTrainingForActor(actor, id));
  const copied = source && { title: source.values.title, values: formDefaults(source.values), cohosts: source.values.cohostIds };
  const prefectureOnly = !options.hosts.offices.length;
  const defaults: Record<string, string> = copied
    ? copiedDefaults(copied.values, hosts)
    : { kind: options.lastKind ?? "jinzai_ikusei", scope: prefectureOnly ? "prefecture" : "office", date: todayInputValue(), officeId: hosts[0]!.value, sessions: "1" };
  return (
    <div className="space-y-6">
      <NewRecordHeader t={t} section="trainings" previousId={options.previousId} copied={copied} />
      <TrainingForm
        key={params.copy ?? "blank"}
        action={createTrainingAction}
        mode="create"
        defaults={defaults}
        cohostDefaults={copied?.cohosts ?? []}
        hosts={hosts}
        regions={options.regions.map((r) => ({ value: r.id, label: r.name }))}
        cohostOffices={options.cohostOffices.map((o) => ({ value: o.id, label: o.name }))}
        cancelHref="/activities/trainings"
      />
    </div>
  );
}
