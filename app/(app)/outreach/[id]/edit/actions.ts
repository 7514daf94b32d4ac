"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/actions/run-form-action";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { updateOutreachCase } from "@/lib/dal/outreach";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { OUTREACH_MULTI_FIELDS, OutreachUpdateSchema } from "@/lib/validation/outreach";
import { outreachConflictWording } from "../../_form/outreach-values";
import type { EditOutreachState } from "../../_form/types";

/**
 * Save the outreach record. A stale version saves nothing: the answer lists each field someone
 * else changed with its value now (as a label or a name, not a code), and the form keeps what
 * the user typed.
 */
export async function updateOutreachCaseAction(_prev: EditOutreachState, formData: FormData): Promise<EditOutreachState> {
  const actor = await requirePermission("write:outreach:reach");
  let caseId = "";
  const state = await runFormAction(
    formData,
    OutreachUpdateSchema,
    async (input) => {
      updateOutreachCase(actor, input);
      caseId = input.id;
    },
    {
      multi: OUTREACH_MULTI_FIELDS,
      conflict: (t, locale) => outreachConflictWording(t, locale, new Map(listCaseStaffForActor(actor).map((s) => [s.id, s.name]))),
    },
  );
  if (!state.ok) return state;
  revalidatePath(`/outreach/${caseId}`);
  revalidatePath("/outreach");
  await setFlash("outreach.form.flash.updated");
  redirect(`/outreach/${caseId}`);
}
