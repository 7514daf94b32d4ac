"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, isAppError } from "@/lib/dal/errors";
import { createKyogiBody, deleteKyogiBody, getKyogiFormOptionsForActor, getMunicipalStatusTableForActor, saveMunicipalStatusTable, updateKyogiBody, type MunicipalStatusValues } from "@/lib/dal/kyogi";
import { requirePermission } from "@/lib/dal/session";
import type { Actor } from "@/lib/dal/actor";
import { KYOGI_FORM_LABELS, KYOGI_LEVEL_LABELS } from "@/lib/domain/activity-codes";
import type { Locale } from "@/lib/domain/codes";
import { setFlash } from "@/lib/flash";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { ActivityDeleteSchema, KyogiBodyCreateSchema, KyogiBodyUpdateSchema } from "@/lib/validation/activities";
import { MunicipalStatusTableSchema } from "@/lib/validation/activities-tables";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/validation/run-form-action";
import { requireActivityWriter } from "../_lib/access";
import type { ActivityFormState } from "../_lib/form-state";
import { runActivityForm, type ReadableContext } from "../_lib/run-activity-form";

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
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.created");
  redirect("/activities/kyogi");
}

export async function updateKyogiBodyAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requireActivityWriter();
  const state = await runActivityForm(formData, KyogiBodyUpdateSchema, (input) => updateKyogiBody(actor, input), {
    labelPrefix: "activities.kyogi.fields",
    context: (t, locale) => readable(actor, t, locale),
  });
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.updated");
  redirect("/activities/kyogi");
}

export async function deleteKyogiBodyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActivityWriter();
  const state = await runFormAction(formData, ActivityDeleteSchema, async (input) => deleteKyogiBody(actor, input.id, input.version));
  if (!state.ok) return state;
  revalidatePath("/activities", "layout");
  await setFlash("activities.common.flash.deleted");
  redirect("/activities/kyogi");
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
  const t = await getT();
  const locale = await getLocale();
  let fiscalYear = 0;
  let changed = 0;
  let conflictLines: string[] | undefined;
  const state = await runFormAction(formData, MunicipalStatusTableSchema, async (input) => {
    fiscalYear = input.fiscalYear;
    try {
      changed = saveMunicipalStatusTable(actor, input).changed;
    } catch (error) {
      if (!isAppError(error) || error.code !== "conflict") throw error;
      const names = new Map(getMunicipalStatusTableForActor(actor, input.fiscalYear).rows.map((r) => [r.code, r.name]));
      conflictLines = Object.entries(error.conflicts).map(([code, [, now]]) =>
        t("activities.kyogiStatus.conflictRow", { name: names.get(code) ?? code, value: statusText(now as MunicipalStatusValues | null, t, locale) }),
      );
      throw new AppError("conflict", "activities.kyogiStatus.conflict");
    }
  });
  if (!state.ok) return { ...state, conflictLines };
  revalidatePath("/activities", "layout");
  await setFlash(changed > 0 ? "activities.common.flash.tableSaved" : "activities.common.flash.noChanges");
  redirect(`/activities/kyogi?fy=${fiscalYear}`);
}
