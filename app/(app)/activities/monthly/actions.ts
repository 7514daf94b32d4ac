"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/dal/errors";
import { saveHostelTable, savePhoneTable } from "@/lib/dal/monthly-figures";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { getLocale, getT } from "@/lib/i18n/server";
import { HostelTableSchema, PhoneTableSchema } from "@/lib/validation/activities-tables";
import { runFormAction } from "@/lib/validation/run-form-action";
import type { ActivityFormState } from "../_lib/form-state";
import { monthLabel } from "./_components/month-label";

/**
 * Save a fiscal year's table. A month someone else saved since the form was loaded stops the
 * whole save; the answer names those months.
 */
async function saveTable<S extends z.ZodType<{ fiscalYear: number }>>(formData: FormData, schema: S, save: (input: z.infer<S>) => { changed: number }): Promise<ActivityFormState> {
  await requirePermission("write:prefecture-activity:prefecture");
  const t = await getT();
  const locale = await getLocale();
  let fiscalYear = 0;
  let changed = 0;
  let conflictLines: string[] | undefined;
  const state = await runFormAction(formData, schema, async (input) => {
    fiscalYear = input.fiscalYear;
    try {
      changed = save(input).changed;
    } catch (error) {
      if (!isAppError(error) || error.code !== "conflict") throw error;
      conflictLines = Object.keys(error.conflicts).map((month) => t("activities.monthly.conflictRow", { month: `${month.slice(0, 4)} ${monthLabel(month, locale)}` }));
      throw new AppError("conflict", "activities.monthly.conflict");
    }
  });
  if (!state.ok) return { ...state, conflictLines };
  revalidatePath("/activities", "layout");
  await setFlash(changed > 0 ? "activities.common.flash.tableSaved" : "activities.common.flash.noChanges");
  redirect(`/activities/monthly?fy=${fiscalYear}`);
}

export async function savePhoneTableAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requirePermission("write:prefecture-activity:prefecture");
  return saveTable(formData, PhoneTableSchema, (input) => savePhoneTable(actor, input));
}

export async function saveHostelTableAction(_prev: ActivityFormState, formData: FormData): Promise<ActivityFormState> {
  const actor = await requirePermission("write:prefecture-activity:prefecture");
  return saveTable(formData, HostelTableSchema, (input) => saveHostelTable(actor, input));
}
