import type { Metadata } from "next";
import { getEventForActor, getEventFormOptionsForActor } from "@/lib/dal/community-events";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { requireActivityWriter } from "../../_lib/access";
import { copiedDefaults, copySource, formDefaults, hostOptions, todayInputValue } from "../../_lib/form-defaults";
import { NewRecordHeader } from "../../_components/record-header";
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
  const source = copySource(params.copy, (id) => getEventForActor(actor, id));
  const copied = source && { title: source.values.title, values: formDefaults(source.values) };
  const defaults: Record<string, string> = copied
    ? copiedDefaults(copied.values, hosts)
    : { kind: options.lastKind ?? "awareness", subtype: options.lastSubtype ?? "", date: todayInputValue(), officeId: hosts[0]!.value };
  return (
    <div className="space-y-6">
      <NewRecordHeader t={t} section="events" previousId={options.previousId} copied={copied} />
      <EventForm key={params.copy ?? "blank"} action={createEventAction} mode="create" defaults={defaults} hosts={hosts} cancelHref="/activities/events" />
    </div>
  );
}
