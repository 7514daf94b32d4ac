"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/actions/run-form-action";
import { listCaseStaffForActor, updateCase } from "@/lib/dal/cases";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { CaseUpdateSchema } from "@/lib/validation/case";
import { caseConflictWording } from "../../_form/case-values";
import type { EditCaseState } from "../../_form/types";

/**
 * Save the case record. A stale version saves nothing: the answer lists each field someone
 * else changed with its value now (as a label or name, not a code), and the form keeps what
 * the user typed.
 */
export async function updateCaseAction(_prev: EditCaseState, formData: FormData): Promise<EditCaseState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(
    formData,
    CaseUpdateSchema,
    async (input) => {
      updateCase(actor, input);
      caseId = input.id;
    },
    {
      conflict: (t, locale) =>
        caseConflictWording(t, locale, {
          hospitals: new Map(listHospitalsForActor(actor, { includeInactive: true }).map((h) => [h.id, h.name])),
          staff: new Map(listCaseStaffForActor(actor).map((s) => [s.id, s.name])),
        }),
    },
  );
  if (!state.ok) return state;
  revalidatePath(`/cases/${caseId}`);
  revalidatePath("/cases");
  await setFlash("caseForm.flash.updated");
  redirect(`/cases/${caseId}`);
}
