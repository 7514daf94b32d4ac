"use server";
import { codeNames, type ConflictWording } from "@/lib/actions/conflict-wording";
import { createStatistic, deleteStatistic, updateStatistic } from "@/lib/dal/statistics";
import type { Locale } from "@/lib/domain/codes";
import { STATISTIC_METHOD_LABELS, STATISTIC_METRICS, STATISTIC_TOPIC_LABELS, type StatisticMetric } from "@/lib/domain/statistic-codes";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { ActivityDeleteSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { StatisticCreateSchema, StatisticUpdateSchema } from "@/lib/validation/statistics";
import { requireInputManager } from "../_inputs/access";
import { deleteInput, saveInput } from "../_inputs/actions";
import type { InputFormState } from "../_inputs/form-state";

/*
 * Thin actions of the external-statistic forms: the shared schema, one DAL call (which checks
 * the role and the prefecture in SQL), then revalidate and redirect with a flash.
 */

const LIST = "/indicators/statistics";

/** Conflict lines name a value by its label and a code by its label, in the user's language. */
function wording(t: Translate, locale: Locale): ConflictWording {
  return {
    labels: (field) => (field in STATISTIC_METRICS ? STATISTIC_METRICS[field as StatisticMetric][locale] : t(`indicatorInputs.statistics.fields.${field}` as MessageKey)),
    names: { method: codeNames(STATISTIC_METHOD_LABELS, locale), topic: codeNames(STATISTIC_TOPIC_LABELS, locale) },
  };
}

export async function createStatisticAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  let id = "";
  return saveInput(formData, StatisticCreateSchema, (input) => (id = createStatistic(actor, input).id), {
    conflict: wording,
    flash: "indicatorInputs.common.flash.created",
    then: () => `${LIST}/${id}`,
  });
}

export async function updateStatisticAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  return saveInput(formData, StatisticUpdateSchema, (input) => updateStatistic(actor, input), {
    conflict: wording,
    flash: "indicatorInputs.common.flash.updated",
    then: (input) => `${LIST}/${input.id}`,
  });
}

export async function deleteStatisticAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireInputManager();
  return deleteInput(formData, ActivityDeleteSchema, (id, version, input) => deleteStatistic(actor, id, version, input), LIST);
}
