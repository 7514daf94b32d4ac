"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createMeeting, deleteMeeting, getMeetingFormOptionsForActor, updateMeeting } from "@/lib/dal/meetings";
import { MEETING_KIND_LABELS } from "@/lib/domain/activity-codes";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { setFlash } from "@/lib/flash";
import type { Actor } from "@/lib/dal/actor";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/domain/codes";
import { ActivityDeleteSchema, MeetingCreateSchema, MeetingUpdateSchema } from "@/lib/validation/activities";
import { runFormAction } from "@/lib/validation/run-form-action";
import type { FormState } from "@/lib/validation/form";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { runActivityForm, type ReadableContext } from "../_lib/run-activity-form";

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
  let created: { id: string; date: string } | null = null;
  const state = await runFormAction(formData, MeetingCreateSchema, async (input) => {
    created = { id: createMeeting(actor, input).id, date: input.date };
  });
  if (!state.ok || !created) return state;
  const { id, date } = created as { id: string; date: string };
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.created");
  redirect(formData.get("next") === "new" ? `/activities/meetings/new?copy=${id}` : `/activities/meetings?fy=${fiscalYearOf(date)}`);
}

export async function updateMeetingAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  let id = "";
  const state = await runActivityForm(
    formData,
    MeetingUpdateSchema,
    (input) => {
      updateMeeting(actor, input);
      id = input.id;
    },
    { labelPrefix: "activities.meetings.fields", context: (t, locale) => readable(actor, t, locale) },
  );
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.updated");
  redirect(`/activities/meetings/${id}`);
}

export async function deleteMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  const state = await runFormAction(formData, ActivityDeleteSchema, async (input) => deleteMeeting(actor, input.id, input.version));
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.deleted");
  redirect("/activities/meetings");
}
