import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { getEventForEdit, getEventFormOptionsForActor } from "@/lib/dal/community-events";
import { isAppError } from "@/lib/dal/errors";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../_lib/access";
import { formDefaults, hostOptions } from "../../../_lib/form-defaults";
import { updateEventAction } from "../../actions";
import { EventForm } from "../../_components/event-form";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActivityWriter();
  try {
    return { actor, event: getEventForEdit(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
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
      <PageHeader
        title={t("activities.events.editTitle")}
        description={event.values.title}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/events", label: t("activities.events.title") },
          { href: `/activities/events/${event.id}`, label: event.values.title },
        ]}
      />
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
