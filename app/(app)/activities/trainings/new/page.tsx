import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/dal/errors";
import { getTrainingForActor, getTrainingFormOptionsForActor } from "@/lib/dal/trainings";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/search-params";
import { requireActivityWriter } from "../../_lib/access";
import { dateInputValue, formDefaults, hostOptions } from "../../_lib/form-defaults";
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
  let copied: { title: string; values: Record<string, string>; cohosts: string[] } | null = null;
  if (params.copy) {
    try {
      const source = getTrainingForActor(actor, params.copy);
      copied = { title: source.values.title, values: formDefaults(source.values), cohosts: source.values.cohostIds };
    } catch (error) {
      if (!isAppError(error) || error.code !== "not_found") throw error;
    }
  }
  const today = dateInputValue(todayIso());
  const prefectureOnly = !options.hosts.offices.length;
  const defaults: Record<string, string> = copied
    ? { ...copied.values, date: today, officeId: hosts.some((h) => h.value === copied.values.officeId) ? copied.values.officeId! : hosts[0]!.value }
    : { kind: options.lastKind ?? "jinzai_ikusei", scope: prefectureOnly ? "prefecture" : "office", date: today, officeId: hosts[0]!.value, sessions: "1" };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("activities.trainings.newTitle")}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/trainings", label: t("activities.trainings.title") },
        ]}
        actions={
          options.previousId && !copied ? (
            <ButtonLink href={`/activities/trainings/new?copy=${options.previousId}`} variant="secondary">
              {t("activities.common.copyPrevious")}
            </ButtonLink>
          ) : undefined
        }
      />
      {copied && <FormMessage tone="info">{t("activities.common.copiedFrom", { title: copied.title })}</FormMessage>}
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
