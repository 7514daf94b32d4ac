"use server";
import { createMeeting, deleteMeeting, getMeetingFormOptionsForActor, updateMeeting } from "@/lib/dal/meetings";
import { MEETING_KIND_LABELS } from "@/lib/domain/activity-codes";
import type { Actor } from "@/lib/dal/actor";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/domain/codes";
import { MeetingCreateSchema, MeetingUpdateSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { createRecord, deleteRecord, updateRecord } from "../_lib/record-actions";
import type { ReadableContext } from "../_lib/run-activity-form";

/*
 * Thin actions of the meeting forms: the shared schema, one DAL call (which checks the role
 * and the row's owner in SQL), then revalidate and redirect with a flash.
 */

/** Conflict values as names and labels, not ids and codes. */
function readable(actor: Actor, t: Translate, locale: Locale): ReadableContext {
  const o = getMeetingFormOptionsForActor(actor);
  return {
    t,
    locale,
    codes: { kind: MEETING_KIND_LABELS },
    names: {
      officeId: new Map(o.hosts.offices.map((h) => [h.id, h.name])),
      regionId: new Map(o.regions.map((r) => [r.id, r.name])),
      kyogiBodyId: new Map(o.kyogiBodies.map((b) => [b.id, b.name])),
    },
  };
}

export async function createMeetingAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  return createRecord(formData, MeetingCreateSchema, (input) => createMeeting(actor, input), "meetings");
}

export async function updateMeetingAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  return updateRecord(formData, MeetingUpdateSchema, (input) => updateMeeting(actor, input), {
    labelPrefix: "activities.meetings.fields",
    context: (t, locale) => readable(actor, t, locale),
    then: (input) => `/activities/meetings/${input.id}`,
  });
}

export async function deleteMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  return deleteRecord(formData, (id, version, reason) => deleteMeeting(actor, id, version, reason), "/activities/meetings");
}
