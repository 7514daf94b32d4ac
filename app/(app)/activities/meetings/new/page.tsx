import type { Metadata } from "next";
import { getMeetingForActor, getMeetingFormOptionsForActor } from "@/lib/dal/meetings";
import { KYOGI_LEVEL_LABELS } from "@/lib/domain/activity-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { requireActivityWriter } from "../../_lib/access";
import { copiedDefaults, copySource, formDefaults, hostOptions, todayInputValue } from "../../_lib/form-defaults";
import { NewRecordHeader } from "../../_components/record-header";
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
  const source = copySource(params.copy, (id) => getMeetingForActor(actor, id));
  const copied = source && { title: source.values.title, values: formDefaults(source.values) };
  const defaults: Record<string, string> = copied
    ? copiedDefaults(copied.values, hosts)
    : { kind: options.lastKind ?? (options.hosts.prefecture ? "core_member" : "kyogi"), date: todayInputValue(), officeId: hosts[0]!.value };

  return (
    <div className="space-y-6">
      <NewRecordHeader t={t} section="meetings" previousId={options.previousId} copied={copied} />
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
