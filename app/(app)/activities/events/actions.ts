"use server";
import { createEvent, deleteEvent, getEventFormOptionsForActor, updateEvent } from "@/lib/dal/community-events";
import type { Actor } from "@/lib/dal/actor";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { EventCreateSchema, EventUpdateSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { createRecord, deleteRecord, updateRecord } from "../_lib/record-actions";
import type { ReadableContext } from "../_lib/run-activity-form";

function readable(actor: Actor, t: Translate, locale: Locale): ReadableContext {
  const o = getEventFormOptionsForActor(actor);
  return { t, locale, codes: { kind: EVENT_KIND_LABELS, subtype: EVENT_SUBTYPE_LABELS }, names: { officeId: new Map(o.hosts.offices.map((h) => [h.id, h.name])) } };
}

export async function createEventAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  return createRecord(formData, EventCreateSchema, (input) => createEvent(actor, input), "events");
}

export async function updateEventAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  return updateRecord(formData, EventUpdateSchema, (input) => updateEvent(actor, input), {
    labelPrefix: "activities.events.fields",
    context: (t, locale) => readable(actor, t, locale),
    then: (input) => `/activities/events/${input.id}`,
  });
}

export async function deleteEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  return deleteRecord(formData, (id, version, reason) => deleteEvent(actor, id, version, reason), "/activities/events");
}
