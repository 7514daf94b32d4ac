"use server";
import { revalidatePath } from "next/cache";
import { createHospital, updateHospital } from "@/lib/dal/hospitals";
import { listMunicipalitiesForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
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
  const state = await runFormAction(
    formData,
    HospitalUpdateSchema,
    async ({ id, version, base, ...input }) => {
      updateHospital(actor, id, version, input, base);
    },
    {
      // A stale save names the municipality and 有効/無効, not the code and a boolean.
      conflict: (t) => ({
        labels: { name: t("hospitals.name"), municipalityCode: t("hospitals.municipality"), psychBeds: t("hospitals.beds"), active: t("hospitals.status") },
        names: {
          municipalityCode: new Map(listMunicipalitiesForActor(actor).map((m) => [m.code, m.name])),
          active: { true: t("hospitals.activeValue.true"), false: t("hospitals.activeValue.false") },
        },
      }),
    },
  );
  if (!state.ok) return state;
  revalidatePath("/admin/hospitals");
  await setFlash("hospitals.flash.updated");
  return { ok: true };
}
