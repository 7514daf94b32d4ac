"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createTraining, deleteTraining, getTrainingFormOptionsForActor, updateTraining } from "@/lib/dal/trainings";
import type { Actor } from "@/lib/dal/actor";
import { TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { setFlash } from "@/lib/flash";
import type { Translate } from "@/lib/i18n/translate";
import { ActivityDeleteSchema, TRAINING_MULTI, TrainingCreateSchema, TrainingUpdateSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/validation/run-form-action";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { runActivityForm, type ReadableContext } from "../_lib/run-activity-form";

function readable(actor: Actor, t: Translate, locale: Locale): ReadableContext {
  const o = getTrainingFormOptionsForActor(actor);
  const offices = new Map(o.cohostOffices.map((h) => [h.id, h.name]));
  return {
    t,
    locale,
    codes: { kind: TRAINING_KIND_LABELS, scope: TRAINING_SCOPE_LABELS },
    names: { officeId: offices, cohostIds: offices, regionId: new Map(o.regions.map((r) => [r.id, r.name])) },
  };
}

export async function createTrainingAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  let created: { id: string; date: string } | null = null;
  const state = await runFormAction(
    formData,
    TrainingCreateSchema,
    async (input) => {
      created = { id: createTraining(actor, input).id, date: input.date };
    },
    { multi: TRAINING_MULTI },
  );
  if (!state.ok || !created) return state;
  const { id, date } = created as { id: string; date: string };
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.created");
  redirect(formData.get("next") === "new" ? `/activities/trainings/new?copy=${id}` : `/activities/trainings?fy=${fiscalYearOf(date)}`);
}

export async function updateTrainingAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  let id = "";
  const state = await runActivityForm(
    formData,
    TrainingUpdateSchema,
    (input) => {
      updateTraining(actor, input);
      id = input.id;
    },
    { labelPrefix: "activities.trainings.fields", context: (t, locale) => readable(actor, t, locale), multi: TRAINING_MULTI },
  );
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.updated");
  redirect(`/activities/trainings/${id}`);
}

export async function deleteTrainingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  const state = await runFormAction(formData, ActivityDeleteSchema, async (input) => deleteTraining(actor, input.id, input.version));
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.deleted");
  redirect("/activities/trainings");
}
