"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { conflictFieldLines, readableConflicts } from "@/components/forms/conflict-lines";
import { listCaseStaffForActor, updateCase } from "@/lib/dal/cases";
import { AppError, isAppError } from "@/lib/dal/errors";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { requirePermission } from "@/lib/dal/session";
import type { Actor } from "@/lib/dal/actor";
import { setFlash } from "@/lib/flash";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/domain/codes";
import { CaseUpdateSchema } from "@/lib/validation/case";
import { runFormAction } from "@/lib/validation/run-form-action";
import { caseFieldLabels, readableCaseValue } from "../../_form/case-values";
import type { EditCaseState } from "../../_form/types";

/**
 * Save the case record. A stale version saves nothing: the answer lists each field someone
 * else changed with its value now (as a label or name, not a code), and the form keeps what
 * the user typed.
 */
export async function updateCaseAction(_prev: EditCaseState, formData: FormData): Promise<EditCaseState> {
  const actor = await requirePermission("write:case:reach");
  const t = await getT();
  const locale = await getLocale();
  const labels = caseFieldLabels(t);
  let caseId = "";
  let conflictLines: string[] | undefined;
  const state = await runFormAction(
    formData,
    CaseUpdateSchema,
    async (input) => {
      try {
        updateCase(actor, input);
        caseId = input.id;
      } catch (error) {
        if (!isAppError(error) || error.code !== "conflict") throw error;
        const readable = readableCaseConflicts(actor, error.conflicts, t, locale);
        conflictLines = conflictFieldLines(readable, labels, t);
        throw new AppError("conflict", error.messageKey, error.fieldErrors, readable);
      }
    },
    { fieldLabels: labels },
  );
  if (!state.ok) return { ...state, conflictLines };
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/cases");
  await setFlash("caseForm.flash.updated");
  redirect(`/cases/${caseId}`);
}

function readableCaseConflicts(actor: Actor, conflicts: Record<string, [unknown, unknown]>, t: Translate, locale: Locale): Record<string, [string, string]> {
  const context = {
    t,
    locale,
    hospitals: new Map(listHospitalsForActor(actor, { includeInactive: true }).map((h) => [h.id, h.name])),
    staff: new Map(listCaseStaffForActor(actor).map((s) => [s.id, s.name])),
  };
  return readableConflicts(conflicts, (field, value) => readableCaseValue(field, value, context));
}
