"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createEvent, deleteEvent, getEventFormOptionsForActor, updateEvent } from "@/lib/dal/community-events";
import type { Actor } from "@/lib/dal/actor";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { setFlash } from "@/lib/flash";
import type { Translate } from "@/lib/i18n/translate";
import { ActivityDeleteSchema, EventCreateSchema, EventUpdateSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/validation/run-form-action";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { runActivityForm, type ReadableContext } from "../_lib/run-activity-form";

function readable(actor: Actor, t: Translate, locale: Locale): ReadableContext {
  const o = getEventFormOptionsForActor(actor);
  return { t, locale, codes: { kind: EVENT_KIND_LABELS, subtype: EVENT_SUBTYPE_LABELS }, names: { officeId: new Map(o.hosts.offices.map((h) => [h.id, h.name])) } };
}

export async function createEventAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  let created: { id: string; date: string } | null = null;
  const state = await runFormAction(formData, EventCreateSchema, async (input) => {
    created = { id: createEvent(actor, input).id, date: input.date };
  });
  if (!state.ok || !created) return state;
  const { id, date } = created as { id: string; date: string };
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.created");
  redirect(formData.get("next") === "new" ? `/activities/events/new?copy=${id}` : `/activities/events?fy=${fiscalYearOf(date)}`);
}

export async function updateEventAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  let id = "";
  const state = await runActivityForm(
    formData,
    EventUpdateSchema,
    (input) => {
      updateEvent(actor, input);
      id = input.id;
    },
    { labelPrefix: "activities.events.fields", context: (t, locale) => readable(actor, t, locale) },
  );
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.updated");
  redirect(`/activities/events/${id}`);
}

export async function deleteEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  const state = await runFormAction(formData, ActivityDeleteSchema, async (input) => deleteEvent(actor, input.id, input.version));
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.deleted");
  redirect("/activities/events");
}
