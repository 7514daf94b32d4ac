import type { Metadata } from "next";
import { cache } from "react";
import { getEventForEdit, getEventFormOptionsForActor } from "@/lib/dal/community-events";
import { orNotFound } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../_lib/access";
import { EditRecordHeader } from "../../../_components/record-header";
import { formDefaults, hostOptions } from "../../../_lib/form-defaults";
import { updateEventAction } from "../../actions";
import { EventForm } from "../../_components/event-form";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActivityWriter();
  return { actor, event: orNotFound(() => getEventForEdit(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("activities.events.editTitle") };
}

export default async function EditEventPage({ params }: Params) {
  const { actor, event } = await load((await params).id);
  const t = await getT();
  const options = getEventFormOptionsForActor(actor);
  return (
    <div className="space-y-6">
      <EditRecordHeader t={t} section="events" id={event.id} title={event.values.title} />
      <EventForm
        action={updateEventAction}
        mode="edit"
        defaults={formDefaults(event.values)}
        hosts={hostOptions(options.hosts, t("activities.common.prefecture"))}
        cancelHref={`/activities/events/${event.id}`}
        edit={{ id: event.id, version: event.version, base: JSON.stringify(event.values) }}
      />
    </div>
  );
}
