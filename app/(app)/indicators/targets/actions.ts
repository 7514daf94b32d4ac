"use server";
import { codeNames, type ConflictWording } from "@/lib/actions/conflict-wording";
import { createTarget, deleteTarget, getTargetFormOptionsForActor, updateTarget } from "@/lib/dal/indicator-targets";
import type { Actor } from "@/lib/dal/actor";
import type { Locale } from "@/lib/domain/codes";
import { INDICATORS } from "@/lib/domain/indicators/definitions";
import { COMPARATOR_LABELS } from "@/lib/domain/statistic-codes";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { ActivityDeleteSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { TargetCreateSchema, TargetUpdateSchema } from "@/lib/validation/indicator-targets";
import { requireInputManager } from "../_inputs/access";
import { deleteInput, saveInput } from "../_inputs/actions";
import type { InputFormState } from "../_inputs/form-state";

/*
 * Thin actions of the target forms: the shared schema, one DAL call (which checks the role, the
 * prefecture, the scope and the plan period), then revalidate and redirect with a flash.
 */

const LIST = "/indicators/targets";

/** Conflict values as names and labels, not ids and codes. */
function wording(actor: Actor, t: Translate, locale: Locale): ConflictWording {
  const o = getTargetFormOptionsForActor(actor);
  return {
    labels: (field) => t(`indicatorInputs.targets.fields.${field}` as MessageKey),
    names: {
      comparator: codeNames(COMPARATOR_LABELS, locale),
      indicatorCode: Object.fromEntries(INDICATORS.map((d) => [d.code, `${d.code} ${d.name[locale]}`])),
      planPeriodId: Object.fromEntries(o.planPeriods.map((p) => [p.id, p.label[locale]])),
      scope: {
        prefecture: t("indicatorInputs.targets.scopePrefecture"),
        ...Object.fromEntries(o.regions.map((r) => [`region:${r.id}`, r.name])),
        ...Object.fromEntries(o.offices.map((r) => [`office:${r.id}`, r.name])),
      },
    },
  };
}

/** After a save: the list, filtered to the target's indicator. */
const listOf = (indicatorCode: string) => `${LIST}?indicator=${encodeURIComponent(indicatorCode)}`;

export async function createTargetAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  return saveInput(formData, TargetCreateSchema, (input) => createTarget(actor, input), {
    conflict: (t, locale) => wording(actor, t, locale),
    flash: "indicatorInputs.common.flash.created",
    then: (input) => listOf(input.indicatorCode),
  });
}

export async function updateTargetAction(_prev: InputFormState, formData: FormData): Promise<InputFormState> {
  const actor = await requireInputManager();
  return saveInput(formData, TargetUpdateSchema, (input) => updateTarget(actor, input), {
    conflict: (t, locale) => wording(actor, t, locale),
    flash: "indicatorInputs.common.flash.updated",
    then: (input) => listOf(input.indicatorCode),
  });
}

export async function deleteTargetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireInputManager();
  return deleteInput(formData, ActivityDeleteSchema, (id, version, input) => deleteTarget(actor, id, version, input), LIST);
}
