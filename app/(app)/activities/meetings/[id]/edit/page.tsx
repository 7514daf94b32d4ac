import type { Metadata } from "next";
import { cache } from "react";
import { getMeetingForEdit, getMeetingFormOptionsForActor } from "@/lib/dal/meetings";
import { orNotFound } from "@/lib/dal/session";
import { KYOGI_LEVEL_LABELS } from "@/lib/domain/activity-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../_lib/access";
import { EditRecordHeader } from "../../../_components/record-header";
import { formDefaults, hostOptions } from "../../../_lib/form-defaults";
import { updateMeetingAction } from "../../actions";
import { MeetingForm } from "../../_components/meeting-form";

type Params = { params: Promise<{ id: string }> };

/** A meeting the actor may change; anything else (missing, out of reach, read-only) is the 404. */
const load = cache(async (id: string) => {
  const actor = await requireActivityWriter();
  return { actor, meeting: orNotFound(() => getMeetingForEdit(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("activities.meetings.editTitle") };
}

export default async function EditMeetingPage({ params }: Params) {
  const { actor, meeting } = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const options = getMeetingFormOptionsForActor(actor);
  const defaults = formDefaults(meeting.values);
  return (
    <div className="space-y-6">
      <EditRecordHeader t={t} section="meetings" id={meeting.id} title={meeting.values.title} />
      <MeetingForm
        action={updateMeetingAction}
        mode="edit"
        defaults={defaults}
        hosts={hostOptions(options.hosts, t("activities.common.prefecture"))}
        regions={options.regions.map((r) => ({ value: r.id, label: r.name }))}
        kyogiBodies={options.kyogiBodies.filter((b) => b.active || b.id === meeting.values.kyogiBodyId).map((b) => ({ value: b.id, label: `${b.name}（${KYOGI_LEVEL_LABELS[b.level][locale]}）` }))}
        cancelHref={`/activities/meetings/${meeting.id}`}
        edit={{ id: meeting.id, version: meeting.version, base: JSON.stringify(meeting.values) }}
      />
    </div>
  );
}
