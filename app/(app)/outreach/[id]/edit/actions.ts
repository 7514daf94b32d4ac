"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { conflictFieldLines, readableConflicts } from "@/components/forms/conflict-lines";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { AppError, isAppError } from "@/lib/dal/errors";
import { updateOutreachCase } from "@/lib/dal/outreach";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { getLocale, getT } from "@/lib/i18n/server";
import { OUTREACH_MULTI_FIELDS, OutreachUpdateSchema } from "@/lib/validation/outreach";
import { runFormAction } from "@/lib/validation/run-form-action";
import { outreachFieldLabels, readableOutreachValue } from "../../_form/outreach-values";
import type { EditOutreachState } from "../../_form/types";

/**
 * Save the outreach record. A stale version saves nothing: the answer lists each field someone
 * else changed with its value now (as a label or a name, not a code), and the form keeps what
 * the user typed.
 */
export async function updateOutreachCaseAction(_prev: EditOutreachState, formData: FormData): Promise<EditOutreachState> {
  const actor = await requirePermission("write:outreach:reach");
  const t = await getT();
  const locale = await getLocale();
  const labels = outreachFieldLabels(t);
  let caseId = "";
  let conflictLines: string[] | undefined;
  const state = await runFormAction(
    formData,
    OutreachUpdateSchema,
    async (input) => {
      try {
        updateOutreachCase(actor, input);
        caseId = input.id;
      } catch (error) {
        if (!isAppError(error) || error.code !== "conflict") throw error;
        const context = { t, locale, staff: new Map(listCaseStaffForActor(actor).map((s) => [s.id, s.name])) };
        const readable = readableConflicts(error.conflicts, (field, value) => readableOutreachValue(field, value, context));
        conflictLines = conflictFieldLines(readable, labels, t);
        throw new AppError("conflict", error.messageKey, error.fieldErrors, readable);
      }
    },
    { multi: OUTREACH_MULTI_FIELDS, fieldLabels: labels },
  );
  if (!state.ok) return { ...state, conflictLines };
  revalidatePath(`/outreach/${caseId}`);
  revalidatePath("/outreach");
  await setFlash("outreach.form.flash.updated");
  redirect(`/outreach/${caseId}`);
}
