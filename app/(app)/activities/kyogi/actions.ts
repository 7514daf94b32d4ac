"use server";
import { createKyogiBody, deleteKyogiBody, getKyogiFormOptionsForActor, getMunicipalStatusTableForActor, saveMunicipalStatusTable, updateKyogiBody, type MunicipalStatusValues } from "@/lib/dal/kyogi";
import { requirePermission } from "@/lib/dal/session";
import type { Actor } from "@/lib/dal/actor";
import { KYOGI_FORM_LABELS, KYOGI_LEVEL_LABELS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { KyogiBodyCreateSchema, KyogiBodyUpdateSchema } from "@/lib/validation/activities";
import { MunicipalStatusTableSchema } from "@/lib/validation/activities-tables";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { deleteRecord, saved, saveYearTable, updateRecord } from "../_lib/record-actions";
import type { ReadableContext } from "../_lib/run-activity-form";

function readable(actor: Actor, t: Translate, locale: Locale): ReadableContext {
  const o = getKyogiFormOptionsForActor(actor);
  return {
    t,
    locale,
    codes: { level: KYOGI_LEVEL_LABELS },
    names: {
      officeId: new Map(o.hosts.offices.map((h) => [h.id, h.name])),
      regionId: new Map(o.regions.map((r) => [r.id, r.name])),
      municipalityCode: new Map(o.municipalities.map((m) => [m.code, m.name])),
    },
  };
}

export async function createKyogiBodyAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  const state = await runFormAction(formData, KyogiBodyCreateSchema, async (input) => {
    createKyogiBody(actor, input);
  });
  if (!state.ok) return state;
  return saved("activities.common.flash.created", "/activities/kyogi");
}

export async function updateKyogiBodyAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  return updateRecord(formData, KyogiBodyUpdateSchema, (input) => updateKyogiBody(actor, input), {
    labelPrefix: "activities.kyogi.fields",
    context: (t, locale) => readable(actor, t, locale),
    then: () => "/activities/kyogi",
  });
}

export async function deleteKyogiBodyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  return deleteRecord(formData, (id, version, reason) => deleteKyogiBody(actor, id, version, reason), "/activities/kyogi");
}

function statusText(values: MunicipalStatusValues | null, t: Translate, locale: Locale): string {
  if (!values) return t("activities.common.notRecorded");
  if (!values.exists) return t("activities.kyogiStatus.notSet");
  return [t("activities.common.yes"), values.form ? KYOGI_FORM_LABELS[values.form][locale] : null].filter(Boolean).join("・");
}

/**
 * Save a year's municipal table. A stale row stops the whole save; the answer names each
 * municipality someone else saved and what it says now.
 */
export async function saveMunicipalStatusAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requirePermission("write:prefecture-activity:prefecture");
  return saveYearTable(formData, MunicipalStatusTableSchema, (input) => saveMunicipalStatusTable(actor, input), {
    // Each municipality someone else saved, by name, with what its row says now.
    conflict: (input, t, locale) => ({
      labels: Object.fromEntries(getMunicipalStatusTableForActor(actor, input.fiscalYear).rows.map((r) => [r.code, r.name])),
      format: (_code, now) => statusText(now as MunicipalStatusValues | null, t, locale),
    }),
    then: (fiscalYear) => `/activities/kyogi?fy=${fiscalYear}`,
  });
}
