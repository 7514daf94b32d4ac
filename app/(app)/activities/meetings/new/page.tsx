import type { Metadata } from "next";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { isAppError } from "@/lib/dal/errors";
import { getMeetingForActor, getMeetingFormOptionsForActor } from "@/lib/dal/meetings";
import { KYOGI_LEVEL_LABELS } from "@/lib/domain/activity-codes";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/search-params";
import { requireActivityWriter } from "../../_lib/access";
import { dateInputValue, formDefaults, hostOptions } from "../../_lib/form-defaults";
import { createMeetingAction } from "../actions";
import { MeetingForm } from "../_components/meeting-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.meetings.newTitle") };
}

export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActivityWriter();
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const options = getMeetingFormOptionsForActor(actor);
  const hosts = hostOptions(options.hosts, t("activities.common.prefecture"));
  let copied: { title: string; values: Record<string, string> } | null = null;
  if (params.copy) {
    try {
      const source = getMeetingForActor(actor, params.copy);
      copied = { title: source.values.title, values: formDefaults(source.values) };
    } catch (error) {
      // A copy link to a meeting out of reach simply opens an empty form.
      if (!isAppError(error) || error.code !== "not_found") throw error;
    }
  }
  const today = dateInputValue(todayIso());
  const defaults: Record<string, string> = copied
    ? { ...copied.values, date: today, officeId: hosts.some((h) => h.value === copied.values.officeId) ? copied.values.officeId! : hosts[0]!.value }
    : { kind: options.lastKind ?? (options.hosts.prefecture ? "core_member" : "kyogi"), date: today, officeId: hosts[0]!.value };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("activities.meetings.newTitle")}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/meetings", label: t("activities.meetings.title") },
        ]}
        actions={
          options.previousId && !copied ? (
            <ButtonLink href={`/activities/meetings/new?copy=${options.previousId}`} variant="secondary">
              {t("activities.common.copyPrevious")}
            </ButtonLink>
          ) : undefined
        }
      />
      {copied && <FormMessage tone="info">{t("activities.common.copiedFrom", { title: copied.title })}</FormMessage>}
      <MeetingForm
        // A new copy source is a new form.
        key={params.copy ?? "blank"}
        action={createMeetingAction}
        mode="create"
        defaults={defaults}
        hosts={hosts}
        regions={options.regions.map((r) => ({ value: r.id, label: r.name }))}
        kyogiBodies={options.kyogiBodies.filter((b) => b.active || b.id === defaults.kyogiBodyId).map((b) => ({ value: b.id, label: `${b.name}（${KYOGI_LEVEL_LABELS[b.level][locale]}）` }))}
        cancelHref="/activities/meetings"
      />
    </div>
  );
}
