"use server";
import { createTraining, deleteTraining, getTrainingFormOptionsForActor, updateTraining } from "@/lib/dal/trainings";
import type { Actor } from "@/lib/dal/actor";
import { TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { TRAINING_MULTI, TrainingCreateSchema, TrainingUpdateSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { createRecord, deleteRecord, updateRecord } from "../_lib/record-actions";
import type { ReadableContext } from "../_lib/run-activity-form";

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
  return createRecord(formData, TrainingCreateSchema, (input) => createTraining(actor, input), "trainings", TRAINING_MULTI);
}

export async function updateTrainingAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  return updateRecord(formData, TrainingUpdateSchema, (input) => updateTraining(actor, input), {
    labelPrefix: "activities.trainings.fields",
    context: (t, locale) => readable(actor, t, locale),
    multi: TRAINING_MULTI,
    then: (input) => `/activities/trainings/${input.id}`,
  });
}

export async function deleteTrainingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  return deleteRecord(formData, (id, version, reason) => deleteTraining(actor, id, version, reason), "/activities/trainings");
}
