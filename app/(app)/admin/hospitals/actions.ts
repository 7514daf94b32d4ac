"use server";
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/dal/actor";
import { AppError, isAppError } from "@/lib/dal/errors";
import { createHospital, updateHospital } from "@/lib/dal/hospitals";
import { listMunicipalitiesForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/validation/run-form-action";
import { HospitalFormSchema, HospitalUpdateSchema } from "./hospital-schema";

/*
 * The hospital master's actions. Both stay on the list page: it is re-rendered and the flash
 * becomes a toast; the dialog closes itself on { ok: true }.
 */

export async function createHospitalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:master:prefecture");
  const state = await runFormAction(formData, HospitalFormSchema, async (input) => {
    createHospital(actor, input);
  });
  if (!state.ok) return state;
  revalidatePath("/admin/hospitals");
  await setFlash("hospitals.flash.created");
  return { ok: true };
}

export async function updateHospitalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:master:prefecture");
  const t = await getT();
  const state = await runFormAction(
    formData,
    HospitalUpdateSchema,
    async ({ id, version, base, ...input }) => {
      try {
        updateHospital(actor, id, version, input, base);
      } catch (error) {
        if (!isAppError(error) || error.code !== "conflict") throw error;
        throw new AppError("conflict", error.messageKey, error.fieldErrors, readableConflicts(actor, error.conflicts, t));
      }
    },
    { fieldLabels: { name: t("hospitals.name"), municipalityCode: t("hospitals.municipality"), psychBeds: t("hospitals.beds"), active: t("hospitals.status") } },
  );
  if (!state.ok) return state;
  revalidatePath("/admin/hospitals");
  await setFlash("hospitals.flash.updated");
  return { ok: true };
}

/** Stored values as the user knows them: the municipality's name, 有効/無効, "—" for none. */
function readableConflicts(actor: Actor, conflicts: Record<string, [unknown, unknown]>, t: Translate): Record<string, [unknown, string]> {
  const municipalities = new Map(listMunicipalitiesForActor(actor).map((m) => [m.code, m.name]));
  const readable = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("hospitals.notRecorded");
    if (field === "municipalityCode") return municipalities.get(String(value)) ?? String(value);
    if (field === "active") return t(value ? "hospitals.activeValue.true" : "hospitals.activeValue.false");
    return String(value);
  };
  return Object.fromEntries(Object.entries(conflicts).map(([field, [mine, now]]) => [field, [mine, readable(field, now)]]));
}
