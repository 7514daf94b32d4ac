import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getEventForActor, getEventFormOptionsForActor } from "@/lib/dal/community-events";
import { isAppError } from "@/lib/dal/errors";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/search-params";
import { requireActivityWriter } from "../../_lib/access";
import { dateInputValue, formDefaults, hostOptions } from "../../_lib/form-defaults";
import { createEventAction } from "../actions";
import { EventForm } from "../_components/event-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.events.newTitle") };
}

export default async function NewEventPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActivityWriter();
  const t = await getT();
  const params = firstValues(await searchParams);
  const options = getEventFormOptionsForActor(actor);
  const hosts = hostOptions(options.hosts, t("activities.common.prefecture"));
  let copied: { title: string; values: Record<string, string> } | null = null;
  if (params.copy) {
    try {
      const source = getEventForActor(actor, params.copy);
      copied = { title: source.values.title, values: formDefaults(source.values) };
    } catch (error) {
      if (!isAppError(error) || error.code !== "not_found") throw error;
    }
  }
  const today = dateInputValue(todayIso());
  const defaults: Record<string, string> = copied
    ? { ...copied.values, date: today, officeId: hosts.some((h) => h.value === copied.values.officeId) ? copied.values.officeId! : hosts[0]!.value }
    : { kind: options.lastKind ?? "awareness", subtype: options.lastSubtype ?? "", date: today, officeId: hosts[0]!.value };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("activities.events.newTitle")}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/events", label: t("activities.events.title") },
        ]}
        actions={
          options.previousId && !copied ? (
            <ButtonLink href={`/activities/events/new?copy=${options.previousId}`} variant="secondary">
              {t("activities.common.copyPrevious")}
            </ButtonLink>
          ) : undefined
        }
      />
      {copied && <FormMessage tone="info">{t("activities.common.copiedFrom", { title: copied.title })}</FormMessage>}
      <EventForm key={params.copy ?? "blank"} action={createEventAction} mode="create" defaults={defaults} hosts={hosts} cancelHref="/activities/events" />
    </div>
  );
}
